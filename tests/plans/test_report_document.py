"""The report as a document in Decree 30/2020's layout, read back: the DOCX (its XML) and the
PDF (its text) hold the national heading, the issuing body, the number, the place and date, the
title of the period, the narrative, the one-stop figures of the dashboard for the agency and the
quarter, the recipients and the signer; after submission a new dossier changes nothing."""

# The fixtures of conftest_reports are imported by name, so pytest finds them: each test that
# takes one as an argument "redefines" the import.
# ruff: noqa: F811

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from cchc.plans import report_services as reports
from cchc.plans.report_document import report_docx, report_pdf
from tests.dossiers.helpers import at, receive
from tests.dossiers.test_printing import read_pdf
from tests.plans.conftest_reports import (  # noqa: F401
    NARRATIVE,
    YEAR,
    draft_report,
    q1_activity,
    written_report,
)

pytestmark = pytest.mark.django_db

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def read_docx(content: bytes) -> tuple[list[str], dict[str, str]]:
    """The paragraphs' texts in order, and the two-column figure rows as {label: value}."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        root = ElementTree.fromstring(package.read("word/document.xml"))
    paragraphs = [_text(p) for p in root.iter(f"{W}p")]
    rows = {}
    for row in root.iter(f"{W}tr"):
        cells = [_text(c) for c in row.findall(f"{W}tc")]
        if len(cells) == 2:
            rows.setdefault(cells[0], cells[1])
    return paragraphs, rows


def dashboard_total(client, world):
    client.force_login(world.home_affairs_evaluator)
    page = client.get(
        reverse("stats:dashboard"),
        {"period": "quarter", "part": "1", "year": str(YEAR), "agency": world.construction.code},
    )
    return next(t for t in page.context["tables"] if t.name == "co-quan").total


def test_the_docx_holds_the_dashboards_figures_and_the_narrative(client, draft_report, world):
    total = dashboard_total(client, world)
    report = reports.report_submit(draft_report, actor=world.reform_officer)
    receive(world, now=at(YEAR, 3, 25))  # after submission: the document does not change
    paragraphs, rows = read_docx(report_docx(report))
    text = "\n".join(paragraphs)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in paragraphs
    assert "Độc lập - Tự do - Hạnh phúc" in paragraphs
    assert "SỞ XÂY DỰNG" in paragraphs and "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM" in paragraphs
    assert "Số: 15/BC-SXD" in paragraphs
    assert any(p.startswith(", ngày ") or ", ngày " in p for p in paragraphs)
    assert "BÁO CÁO" in paragraphs
    assert f"Kết quả thực hiện công tác cải cách hành chính quý I năm {YEAR}" in paragraphs
    assert "Đã rà soát 25 thủ tục hành chính." in paragraphs
    assert NARRATIVE["limitations"] in paragraphs and NARRATIVE["proposals"] in paragraphs
    assert rows["Số hồ sơ tiếp nhận"] == str(total[1]) == "3"
    assert rows["Số hồ sơ đã giải quyết"] == str(total[4]) == "2"
    assert rows["Giải quyết quá hạn"] == str(total[6]) == "0"
    assert rows["Văn bản xin lỗi"] == str(total[7]) == "0"
    assert rows["Trong đó: qua dịch vụ bưu chính công ích"] == "1"
    assert rows["Tỷ lệ giải quyết đúng hạn"] == "100,0%"
    assert "Nơi nhận:" in text and "- Sở Nội vụ;" in paragraphs
    assert "GIÁM ĐỐC" in paragraphs and "Phạm Đức Lãnh" in paragraphs


def test_the_pdf_holds_the_same_figures(draft_report, world):
    report = reports.report_submit(draft_report, actor=world.reform_officer)
    receive(world, now=at(YEAR, 3, 25))
    _reader, text = read_pdf(report_pdf(report))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert f"Kết quả thực hiện công tác cải cách hành chính quý I năm {YEAR}" in text
    assert "Số hồ sơ tiếp nhận 3" in text and "Số hồ sơ đã giải quyết 2" in text
    assert "Đã rà soát 25 thủ tục hành chính." in text
    assert "Nơi nhận:" in text and "Phạm Đức Lãnh" in text


def test_the_province_document_carries_each_units_figures_and_narrative(draft_report, world):
    reports.report_submit(draft_report, actor=world.reform_officer)
    province = written_report(world, world.province, world.home_affairs_evaluator)
    paragraphs, _rows = read_docx(report_docx(province))
    assert "Sở Xây dựng" in paragraphs  # the unit's narrative under its name
    assert "Đã rà soát 25 thủ tục hành chính." in paragraphs
    assert "6. Tổng hợp số liệu báo cáo của các cơ quan, đơn vị" in paragraphs
    _reader, text = read_pdf(report_pdf(province))
    assert "Sở Xây dựng 3 0 1 2 0 0 0 0" in text
