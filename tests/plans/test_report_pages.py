"""The periodic-report pages through Django's test client: a unit opens, writes and submits
its report; the page shows live figures while a draft and the snapshot once sent; Home Affairs
lists every agency's reports, returns one with a comment (required) and accepts it; the
province report shows the units' reports; the downloads; another agency's report is a 404 and
bad input never a 500."""

# ruff: noqa: F811

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from cchc.plans.models import PeriodicReport
from tests.dossiers.helpers import at, receive
from tests.plans.conftest_reports import (  # noqa: F401
    NARRATIVE,
    YEAR,
    draft_report,
    q1_activity,
)

pytestmark = pytest.mark.django_db

LIST = reverse("plans:reports")


def url(name, report, *args):
    return reverse(f"plans:{name}", args=[report.pk, *args])


def test_a_unit_opens_writes_and_submits_its_report(client, q1_activity):
    world = q1_activity
    client.force_login(world.reform_officer)
    response = client.post(reverse("plans:report_open"), {"year": YEAR, "period": "q1"})
    report = PeriodicReport.objects.get()
    assert response.status_code == 302 and response["Location"] == url("report", report)
    assert report.agency == world.construction
    page = client.get(url("report", report))
    assert page.status_code == 200
    assert "Số liệu đang cập nhật" in page.content.decode()
    assert client.get(url("report_edit", report)).status_code == 200
    response = client.post(url("report_edit", report), NARRATIVE)
    assert response.status_code == 302
    response = client.post(url("report_submit", report), follow=True)
    assert "Đã gửi báo cáo đến Sở Nội vụ." in response.content.decode()
    report.refresh_from_db()
    assert report.status == PeriodicReport.Status.SUBMITTED
    receive(world, now=at(YEAR, 3, 25))
    page = client.get(url("report", report)).content.decode()
    assert "Số liệu đã chốt lúc" in page
    assert (
        '<th scope="row" class="fw-normal">Số hồ sơ tiếp nhận</th><td class="text-end">3</td>'
        in page
    )
    # Once sent the narrative is not editable; a second submission is refused with a message.
    response = client.post(url("report_submit", report), follow=True)
    assert "không thể thực hiện" in response.content.decode()


def test_bad_input_is_a_message_never_a_500(client, draft_report, world):
    client.force_login(world.reform_officer)
    for data in (
        {"year": "abc", "period": "q1"},
        {"year": "1999", "period": "q1"},
        {"year": "2025", "period": "q9"},
        {},
    ):
        assert client.post(reverse("plans:report_open"), data).status_code == 400
    response = client.post(url("report_edit", draft_report), {**NARRATIVE, "results": "a\x00b"})
    assert response.status_code == 400
    response = client.post(url("report_edit", draft_report), {**NARRATIVE, "number": "x" * 51})
    assert response.status_code == 400
    assert client.get(url("report_download", draft_report, "xls")).status_code == 404
    huge = LIST + "99999999999999999999999/"  # the report page of an impossible number
    assert client.get(huge).status_code == 404
    assert client.get(LIST, {"nam": "99999", "ky": "zz", "trang-thai": "<x>"}).status_code == 200
    draft_report.refresh_from_db()
    assert draft_report.results == NARRATIVE["results"]


def test_another_agency_sees_nothing_and_cannot_act(client, draft_report, world):
    client.force_login(world.other_agency_officer)
    for name in ("report", "report_edit", "report_return"):
        assert client.get(url(name, draft_report)).status_code == 404
    assert client.post(url("report_submit", draft_report)).status_code == 404
    assert client.get(url("report_download", draft_report, "docx")).status_code == 404
    assert "Sở Xây dựng" not in client.get(LIST).content.decode()


def test_home_affairs_returns_with_a_comment_then_accepts(client, draft_report, world):
    client.force_login(world.reform_officer)
    client.post(url("report_submit", draft_report))
    client.force_login(world.home_affairs_evaluator)
    listing = client.get(LIST, {"nam": YEAR, "ky": "q1", "trang-thai": "submitted"})
    assert url("report", draft_report) in listing.content.decode()
    assert client.post(url("report_return", draft_report), {"comment": ""}).status_code == 400
    response = client.post(url("report_return", draft_report), {"comment": "Bổ sung số liệu"})
    assert response.status_code == 302
    draft_report.refresh_from_db()
    assert draft_report.status == PeriodicReport.Status.RETURNED
    client.force_login(world.reform_officer)
    assert "Bổ sung số liệu" in client.get(url("report_edit", draft_report)).content.decode()
    client.post(url("report_edit", draft_report), {**NARRATIVE, "results": "Đã bổ sung."})
    client.post(url("report_submit", draft_report))
    assert client.post(url("report_accept", draft_report)).status_code == 302  # refused
    draft_report.refresh_from_db()
    assert draft_report.status == PeriodicReport.Status.SUBMITTED
    client.force_login(world.home_affairs_evaluator)
    client.post(url("report_accept", draft_report))
    draft_report.refresh_from_db()
    assert draft_report.status == PeriodicReport.Status.ACCEPTED
    # The province's report, opened by Home Affairs, includes the accepted unit report.
    response = client.post(reverse("plans:report_open"), {"year": YEAR, "period": "q1"})
    province = PeriodicReport.objects.get(agency=world.province)
    page = client.get(url("report", province)).content.decode()
    assert 'data-testid="agency-000.00.05.H98"' in page and "Đã bổ sung." in page
    assert "Ủy ban nhân dân tỉnh Thử Nghiệm — Báo cáo Quý I năm 2025" in page
    assert NARRATIVE["limitations"] in page and NARRATIVE["proposals"] in page
    docx = client.get(url("report_download", province, "docx"))
    assert docx.status_code == 200 and docx["Content-Disposition"].endswith('.docx"')
    pdf = client.get(url("report_download", province, "pdf"))
    assert pdf.content.startswith(b"%PDF-")


def test_the_report_page_reads_in_english_while_the_document_stays_vietnamese(
    client, draft_report, world
):
    client.force_login(world.reform_officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(url("report", draft_report)).content.decode()
    assert "Dossiers received" in page and "Send to Home Affairs" in page
    assert "Số hồ sơ tiếp nhận" not in page
    pdf = client.get(url("report_download", draft_report, "pdf"))
    assert pdf.content[:5] == b"%PDF-"
    docx = client.get(url("report_download", draft_report, "docx")).content
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        assert "Số hồ sơ tiếp nhận".encode() in package.read("word/document.xml")
