"""Mẫu 06 and the other outputs against text stored before the input checks: a legacy row
whose applicant name holds U+0001 and a formula still gives a tracking book (the text scrubbed,
written as text, never a live formula), a receipt PDF and the officer pages."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cchc.dossiers.models import Dossier
from cchc.dossiers.printing import render_form, tracking_book
from tests.dossiers.helpers import at, receive
from tests.dossiers.test_printing import read_pdf

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","y")'
LEGACY_NAME = f"{FORMULA}\x01 Nguyễn Văn Bình"
LEGACY_ADDRESS = "Số 5\x0bđường Lê Lợi\x7f, phường Tân An\ufffe"


def stored(dossier: Dossier, **values) -> Dossier:
    """Write ``values`` straight to the row, as an import or an older version would have."""
    Dossier.objects.filter(pk=dossier.pk).update(**values)
    dossier.refresh_from_db()
    return dossier


@pytest.fixture
def legacy(world):
    return stored(
        receive(world, now=at(2025, 7, 7)),
        applicant_name=LEGACY_NAME,
        applicant_address=LEGACY_ADDRESS,
    )


def book(world) -> list:
    content = tracking_book(
        agencies=[world.construction], date_from=date(2025, 7, 1), date_to=date(2025, 7, 31)
    )
    return [list(row) for row in load_workbook(io.BytesIO(content)).active.iter_rows(min_row=6)]


def test_mau_06_writes_a_legacy_name_as_plain_text(client, legacy, counter_officer):
    client.force_login(counter_officer)
    response = client.get(
        reverse("dossier_print:tracking_book"), {"from": "01/07/2025", "to": "31/07/2025"}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    applicant = sheet["D6"]
    assert applicant.value == f"{FORMULA} Nguyễn Văn Bình\nSố 5 đường Lê Lợi, phường Tân An"
    assert applicant.data_type == "s"
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize(
    "name",
    [
        "=1+2",
        "+84912345678",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+2",
        "\r=1+2",
        '=cmd|" /C calc"!A0',
    ],
)
def test_a_name_that_looks_like_a_formula_stays_text(world, name):
    stored(receive(world, now=at(2025, 7, 7)), applicant_name=name, applicant_address="")
    [cell] = [row[3] for row in book(world)]
    assert cell.data_type == "s"
    assert cell.value == name.replace("\r", "\n")  # a line break in a cell is LF


def test_the_receipt_pdf_and_the_officer_pages_survive_a_legacy_name(
    client, legacy, counter_officer
):
    _reader, text = read_pdf(render_form(legacy, "receipt"))
    assert "Nguyễn Văn Bình" in text
    client.force_login(counter_officer)
    page = client.get(reverse("dossiers:detail", args=[legacy.code]))
    assert page.status_code == 200
    assert "Nguyễn Văn Bình" in page.content.decode()
    worklist = client.get(reverse("dossiers:worklist"), {"tab": "queue", "q": legacy.code})
    assert worklist.status_code == 200 and legacy.code in worklist.content.decode()
    pdf = client.get(reverse("dossier_print:form", args=[legacy.code, "receipt"]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
