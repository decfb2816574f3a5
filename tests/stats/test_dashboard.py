"""Dashboards by role: the province for Home Affairs, the unit and its procedures for its head,
the officer's own work; the period as the national portal publishes it; every table exported
to XLSX and PDF with the page's rows (read back); figures drill down to their dossiers; a
bounded number of queries."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cchc.stats.forms import DashboardForm
from tests.dossiers.test_printing import read_pdf
from tests.stats.test_report import build_activity

pytestmark = pytest.mark.django_db

URL = reverse("stats:dashboard")
YEAR = {"period": "year", "year": "2025"}


@pytest.fixture
def activity(world):
    return build_activity(world)


def export(name: str, fmt: str) -> str:
    return reverse("stats:dashboard_export", args=[name, fmt])


def test_home_affairs_sees_every_agency_with_links_to_the_late_dossiers(
    client, activity, django_assert_num_queries
):
    world = activity
    client.force_login(world.home_affairs_evaluator)
    client.get(URL, YEAR)  # warm the per-process caches
    # session, user; dossier and rating sums, agency names; the two monthly sums
    with django_assert_num_queries(7):
        response = client.get(URL, YEAR)
    assert response.status_code == 200
    table = response.context["tables"][0]
    names = [row[0] for row in table.rows]
    assert names == ["Sở Xây dựng", "Ủy ban nhân dân phường Tân An"]
    construction = table.rows[0]
    assert construction[1] == 4 and construction[6].value == 1  # received 4, one late
    late = client.get(construction[6].href)
    assert [r["dossier"].timeliness for r in late.context["rows"]] == ["late"]
    page = response.content.decode()
    assert 'data-chart="trend"' in page and "Từ ngày 01/01/2025 đến ngày 31/12/2025" in page


def test_every_table_exports_the_same_rows_to_xlsx_and_pdf(client, activity):
    world = activity
    client.force_login(world.leader)
    page = client.get(URL, YEAR)
    tables = {t.name: t for t in page.context["tables"]}
    assert set(tables) == {"co-quan", "thu-tuc"}
    for name, table in tables.items():
        xlsx = client.get(export(name, "xlsx"), YEAR)
        assert xlsx.status_code == 200
        assert xlsx["Content-Disposition"].endswith('.xlsx"')
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        header = [c.value for c in sheet[4]]
        assert header == [str(c.label) for c in table.columns]
        first = [c.value for c in sheet[5]]
        assert first[0] == table.rows[0][0] and first[1] == table.rows[0][1]
        pdf = client.get(export(name, "pdf"), YEAR)
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        _, text = read_pdf(pdf.content)
        assert str(table.title).upper() in text.upper()
        assert "Từ ngày 01/01/2025 đến ngày 31/12/2025" in text
    assert client.get(export("nothing", "xlsx"), YEAR).status_code == 404
    assert client.get(export("co-quan", "doc"), YEAR).status_code == 404


def test_the_unit_head_sees_the_unit_and_its_procedures_and_nothing_else(client, activity):
    world = activity
    client.force_login(world.leader)
    response = client.get(URL, YEAR)
    agencies, procedures = response.context["tables"]
    assert [row[0] for row in agencies.rows] == ["Sở Xây dựng"]
    assert procedures.rows[0][0].startswith(world.building_permit.code)
    assert client.get(URL, {**YEAR, "agency": world.justice.code}).status_code == 404
    narrowed = client.get(URL, {**YEAR, "channel": "online"})
    assert narrowed.context["tables"][0].rows == []  # all at the counter


def test_an_officer_sees_their_own_work(client, activity):
    world = activity
    client.force_login(world.specialist)
    response = client.get(URL)
    (table,) = response.context["tables"]
    assert [row[0] for row in table.rows] == ["Hồ sơ đang giữ", "Đến hạn hôm nay", "Quá hạn"]


@pytest.mark.parametrize(
    ("params", "span"),
    [
        ({"period": "month", "year": "2025", "part": "2"}, (date(2025, 2, 1), date(2025, 2, 28))),
        ({"period": "quarter", "year": "2025", "part": "3"}, (date(2025, 7, 1), date(2025, 9, 30))),
        ({"period": "half", "year": "2025"}, (date(2025, 1, 1), date(2025, 6, 30))),
        ({"period": "nine", "year": "2025"}, (date(2025, 1, 1), date(2025, 9, 30))),
        ({"period": "year", "year": "2024"}, (date(2024, 1, 1), date(2024, 12, 31))),
        (
            {"period": "custom", "date_from": "05/03/2025", "date_to": "07/04/2025"},
            (date(2025, 3, 5), date(2025, 4, 7)),
        ),
    ],
)
def test_the_periods_are_those_the_national_portal_publishes(params, span):
    form = DashboardForm(params)
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["day_from"], form.cleaned_data["day_to"]) == span


@pytest.mark.parametrize(
    "params",
    [
        {"period": "quarter", "year": "2025", "part": "5"},
        {"period": "custom", "date_from": "05/03/2025"},
        {"period": "custom", "date_from": "07/04/2025", "date_to": "05/03/2025"},
        {"period": "year", "year": "9999"},
        {"period": "nonsense"},
    ],
)
def test_a_bad_period_is_a_400_that_says_why(client, world, params):
    client.force_login(world.home_affairs_evaluator)
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response.context["form"].errors
