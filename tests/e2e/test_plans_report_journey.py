"""A periodic report from a department to the province's report, in a real chromium (issue 13's
acceptance): Sở Xây dựng's reform officer opens the first-quarter report, writes it and sends
it; Home Affairs returns it with a comment; the officer revises and resubmits; Home Affairs
accepts it and opens the province's report, which shows the department's frozen figures and
narrative. axe finds nothing on the report page and the return form."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cchc.plans.models import PeriodicReport
from tests.e2e.conftest import officer_sign_out, shot
from tests.e2e.test_dossier_journey import pdf_text, sign_in
from tests.e2e.test_portal_accessibility import check_strictly
from tests.plans.conftest_reports import NARRATIVE, YEAR, first_quarter_activity
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def press(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def open_reports(page) -> None:
    page.goto(page.base_url + reverse("plans:reports"))


def open_first_quarter(page) -> None:
    open_reports(page)
    page.get_by_label("Năm").first.fill(str(YEAR))
    page.get_by_label("Kỳ báo cáo").first.select_option("q1")


def test_a_report_is_returned_revised_accepted_and_consolidated(page):
    world = ensure_world()
    first_quarter_activity(world)

    # The reform officer opens the first-quarter report, writes it and sends it.
    sign_in(page, world.reform_officer)
    open_first_quarter(page)
    press(page, "Lập báo cáo")
    expect(page.get_by_test_id("report-status")).to_have_text("Đang soạn")
    with page.expect_navigation():
        page.get_by_role("link", name="Soạn nội dung").click()
    page.get_by_label("Số, ký hiệu").fill(NARRATIVE["number"])
    page.get_by_label("Kết quả đạt được").fill(NARRATIVE["results"])
    page.get_by_label("Tồn tại, hạn chế và nguyên nhân").fill(NARRATIVE["limitations"])
    page.get_by_label("Đề xuất, kiến nghị").fill(NARRATIVE["proposals"])
    page.get_by_label("Chức vụ người ký").fill(NARRATIVE["signer_title"])
    page.get_by_label("Người ký", exact=True).fill(NARRATIVE["signer_name"])
    press(page, "Lưu")
    press(page, "Gửi Sở Nội vụ")
    expect(page.get_by_test_id("report-status")).to_have_text("Đã gửi Sở Nội vụ")
    officer_sign_out(page)

    # Home Affairs finds it among the submitted reports and returns it with a comment.
    sign_in(page, world.home_affairs_evaluator)
    open_reports(page)
    page.get_by_label("Trạng thái").select_option("submitted")
    press(page, "Xem")
    with page.expect_navigation():
        page.get_by_test_id("reports-table").get_by_role("link", name="Sở Xây dựng").click()
    check_strictly(page, "plans-report-page")
    with page.expect_navigation():
        page.get_by_role("link", name="Trả lại để chỉnh sửa").click()
    check_strictly(page, "plans-report-return-form")
    press(page, "Trả lại")  # no comment: refused on the form
    expect(page.get_by_text("Nhập ý kiến của Sở Nội vụ khi trả lại báo cáo.")).to_be_visible()
    page.get_by_label("Ý kiến của Sở Nội vụ").fill("Bổ sung kết quả kiểm soát thủ tục.")
    press(page, "Trả lại")
    expect(page.get_by_test_id("report-status")).to_have_text("Trả lại để chỉnh sửa")
    officer_sign_out(page)

    # The officer reads the comment, revises and resubmits.
    sign_in(page, world.reform_officer)
    open_reports(page)
    with page.expect_navigation():
        page.get_by_test_id("reports-table").get_by_role("link", name="Sở Xây dựng").click()
    expect(page.get_by_test_id("review-comment")).to_contain_text("kiểm soát thủ tục")
    with page.expect_navigation():
        page.get_by_role("link", name="Soạn nội dung").click()
    page.get_by_label("Kết quả đạt được").fill(
        NARRATIVE["results"] + "\nKiểm soát 100% thủ tục trước khi công bố."
    )
    press(page, "Lưu")
    press(page, "Gửi Sở Nội vụ")
    expect(page.get_by_test_id("report-status")).to_have_text("Đã gửi Sở Nội vụ")
    officer_sign_out(page)

    # Home Affairs accepts it, then opens the province's report of the quarter.
    sign_in(page, world.home_affairs_evaluator)
    open_reports(page)
    with page.expect_navigation():
        page.get_by_test_id("reports-table").get_by_role("link", name="Sở Xây dựng").click()
    press(page, "Tiếp nhận")
    expect(page.get_by_test_id("report-status")).to_have_text("Đã tiếp nhận")
    open_first_quarter(page)
    press(page, "Lập báo cáo của tỉnh")
    unit = page.get_by_test_id(f"agency-{world.construction.code}")
    expect(unit).to_contain_text("Kiểm soát 100% thủ tục trước khi công bố.")
    shot(page, "plans-province-report")
    province = PeriodicReport.objects.get(agency=world.province)
    text = pdf_text(page, reverse("plans:report_download", args=[province.pk, "pdf"]))
    assert "Sở Xây dựng 3 0 1 2 0 0 0 0" in text
    unit_report = PeriodicReport.objects.get(agency=world.construction)
    assert unit_report.status == PeriodicReport.Status.ACCEPTED
    assert unit_report.snapshot["one_stop"]["received"] == 3
