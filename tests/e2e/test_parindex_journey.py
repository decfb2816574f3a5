"""One department's PAR Index assessment from self-assessment to publication, in a real
chromium (issue 12's acceptance): Sở Xây dựng's reform officer scores the self-assessed
criteria with evidence (a PDF, document numbers); the department's leader submits; Home
Affairs accepts, adjusts one criterion and asks for a clarification on another; the unit
answers and resubmits; Home Affairs completes the appraisal, the council confirms, Home Affairs
publishes; the ranking page, the scorecard PDF and the API show the adjusted score. axe finds
nothing on the assessment page and the review form."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cchc.org.models import User
from cchc.parindex import services
from cchc.parindex.models import Assessment, PublishedResult, Score
from tests.e2e.conftest import officer_sign_out, shot
from tests.e2e.test_dossier_journey import pdf_text, sign_in
from tests.e2e.test_portal_accessibility import check_strictly
from tests.factories import UserFactory
from tests.parindex.conftest_assessment import KIND, PDF, YEAR, make_framework
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_action(page, title: str) -> None:
    """Unfold one action card (each is a <details>)."""
    card = page.locator("details.action-card").filter(has=page.get_by_text(title, exact=True))
    if card.get_attribute("open") is None:
        card.locator("summary").click()


def press(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def go_to_criterion(page, code: str) -> None:
    with page.expect_navigation():
        page.get_by_test_id("criteria-tree").get_by_role("link", name=code, exact=True).click()


def self_assess(page, code: str, points: str, explanation: str) -> None:
    go_to_criterion(page, code)
    open_action(page, "Tự đánh giá")
    page.get_by_label("Điểm tự đánh giá").fill(points)
    page.get_by_label("Giải trình, thuyết minh").fill(explanation)
    press(page, "Lưu điểm tự đánh giá")
    expect(page.get_by_test_id("self-points")).to_have_text(points)


def review(page, code: str, decision: str, points: str = "", comment: str = "") -> None:
    go_to_criterion(page, code)
    open_action(page, "Thẩm định tiêu chí")
    page.get_by_label(decision, exact=True).check()
    if points:
        page.get_by_label("Điểm thẩm định (khi điều chỉnh)").fill(points)
    if comment:
        page.get_by_label("Ý kiến thẩm định").fill(comment)
    press(page, "Lưu kết quả thẩm định")


def back_to_assessment(page) -> None:
    with page.expect_navigation():
        page.get_by_role("navigation", name="Vị trí trang").get_by_role("link").nth(1).click()


def open_assessment(page, agency_name: str, tab: str = "") -> None:
    with page.expect_navigation():
        page.get_by_role("link", name="Chỉ số CCHC", exact=True).click()
    if tab:
        with page.expect_navigation():
            page.get_by_role("link", name=tab).click()
    with page.expect_navigation():
        page.get_by_test_id("assessment-list").get_by_role("link", name=agency_name).click()


def test_a_department_is_assessed_appraised_confirmed_and_published(page):
    world = ensure_world()
    council = UserFactory(
        username="t.council",
        full_name="Ngô Thị Hội Đồng",
        role=User.Role.COUNCIL_MEMBER,
        agency=world.province,
    )
    framework = make_framework()
    assessment = services.assessment_open(
        framework, world.construction, actor=world.home_affairs_evaluator
    )
    unit = world.construction.name

    # The reform officer scores the self-assessed criteria, with a PDF and a document number.
    sign_in(page, world.reform_officer)
    open_assessment(page, unit)
    self_assess(page, "1.1.a", "4", "Kế hoạch CCHC ban hành ngày 10/01.")
    open_action(page, "Thêm tài liệu kiểm chứng")
    page.get_by_label("Tệp tài liệu kiểm chứng").set_input_files(
        files=[{"name": "ke-hoach-cchc.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_label("Mô tả").fill("Kế hoạch số 12/KH-SXD")
    press(page, "Thêm tài liệu")
    expect(page.get_by_test_id("evidence-list")).to_contain_text("ke-hoach-cchc.pdf")
    for code, points, text, document in (
        ("1.1.b", "1,5", "Hoàn thành 15/20 nhiệm vụ.", "30/BC-SXD"),
        ("1.2", "3", "Báo cáo quý I, II, III.", "45/BC-SXD"),
    ):
        back_to_assessment(page)
        self_assess(page, code, points, text)
        open_action(page, "Thêm tài liệu kiểm chứng")
        page.get_by_label("Số, ký hiệu văn bản").fill(document)
        press(page, "Thêm tài liệu")
        expect(page.get_by_test_id("evidence-list")).to_contain_text(document)
    officer_sign_out(page)

    # The leader submits.
    sign_in(page, world.leader)
    open_assessment(page, unit)
    open_action(page, "Gửi kết quả tự đánh giá")
    press(page, "Gửi Sở Nội vụ thẩm định")
    expect(page.get_by_test_id("assessment-status")).to_have_text("Đã gửi, chờ thẩm định")
    officer_sign_out(page)

    # Home Affairs accepts, adjusts 1.1.b, asks for a clarification on 1.2.
    sign_in(page, world.home_affairs_evaluator)
    open_assessment(page, unit, "Chờ thẩm định")
    review(page, "1.1.a", "Đồng ý điểm tự đánh giá")
    back_to_assessment(page)
    go_to_criterion(page, "1.1.b")
    open_action(page, "Thẩm định tiêu chí")
    check_strictly(page, "parindex-review-form")
    review_here = page.get_by_label("Điều chỉnh điểm", exact=True)
    review_here.check()
    page.get_by_label("Điểm thẩm định (khi điều chỉnh)").fill("1")
    page.get_by_label("Ý kiến thẩm định").fill("Chưa hoàn thành 5 nhiệm vụ trọng tâm.")
    press(page, "Lưu kết quả thẩm định")
    expect(page.get_by_test_id("review")).to_contain_text("Điều chỉnh: 1")
    back_to_assessment(page)
    review(page, "1.2", "Yêu cầu giải trình", comment="Bổ sung báo cáo quý IV.")
    back_to_assessment(page)
    review(page, "2.2", "Điều chỉnh điểm", "3", "Kiểm soát TTHC đạt yêu cầu.")
    back_to_assessment(page)
    open_action(page, "Chuyển đơn vị giải trình")
    page.get_by_label("Ghi chú (không bắt buộc)").fill("Giải trình tiêu chí 1.2.")
    press(page, "Yêu cầu giải trình")
    expect(page.get_by_test_id("assessment-status")).to_have_text("Yêu cầu giải trình")
    officer_sign_out(page)

    # The unit answers; the leader sends it back to Home Affairs.
    sign_in(page, world.reform_officer)
    open_assessment(page, unit)
    expect(page.get_by_test_id("clarification-list")).to_contain_text("Bổ sung báo cáo quý IV.")
    go_to_criterion(page, "1.2")
    open_action(page, "Giải trình")
    page.get_by_label("Nội dung giải trình").fill("Đã bổ sung báo cáo quý IV (số 60/BC-SXD).")
    press(page, "Gửi giải trình")
    expect(page.get_by_test_id("clarification-answer")).to_contain_text("60/BC-SXD")
    officer_sign_out(page)
    sign_in(page, world.leader)
    open_assessment(page, unit)
    open_action(page, "Gửi kết quả tự đánh giá")
    press(page, "Gửi Sở Nội vụ thẩm định")
    officer_sign_out(page)

    # Home Affairs accepts the answer and completes the appraisal.
    sign_in(page, world.home_affairs_evaluator)
    open_assessment(page, unit, "Chờ thẩm định")
    review(page, "1.2", "Đồng ý điểm tự đánh giá")
    back_to_assessment(page)
    check_strictly(page, "parindex-assessment-page")
    open_action(page, "Hoàn thành thẩm định")
    press(page, "Trình hội đồng thẩm định")
    expect(page.get_by_test_id("assessment-status")).to_have_text("Đã thẩm định, chờ hội đồng")
    officer_sign_out(page)

    # The council confirms.
    sign_in(page, council)
    open_assessment(page, unit)
    open_action(page, "Hội đồng xác nhận kết quả")
    press(page, "Xác nhận")
    expect(page.get_by_test_id("assessment-status")).to_have_text("Hội đồng đã xác nhận")
    officer_sign_out(page)

    # Home Affairs publishes.
    sign_in(page, world.home_affairs_evaluator)
    with page.expect_navigation():
        page.get_by_role("link", name="Chỉ số CCHC", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Chờ công bố").click()
    with page.expect_navigation():
        page.get_by_test_id("publishable").get_by_role("link", name="Công bố kết quả").click()
    press(page, "Công bố kết quả")
    shot(page, "parindex-published")

    # The published result carries the adjusted score: 4 + 1 (not 1,5) + 3 + 0 + 3 of 20.
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.PUBLISHED
    adjusted = Score.objects.get(assessment=assessment, criterion__code="1.1.b")
    assert (adjusted.self_points, adjusted.appraised_points) == (Decimal("1.5"), Decimal("1"))
    result = PublishedResult.objects.get(assessment=assessment, superseded_at__isnull=True)
    assert (result.total, result.max_points, result.percent) == (11, 20, Decimal("55.00"))
    code = world.construction.code

    # The ranking page, the scorecard PDF and the API show it.
    page.goto(page.base_url + reverse("parindex:ranking", args=[YEAR, KIND]))
    row = page.get_by_test_id(f"rank-{code}")
    expect(row).to_contain_text("55,0%")
    expect(row.locator("td").nth(1)).to_have_text("11")
    text = pdf_text(page, reverse("parindex:scorecard_pdf", args=[YEAR, KIND, code]))
    assert "Tổng điểm 11/20" in text, text
    response = page.request.get(page.base_url + f"/api/v1/parindex/{YEAR}/{KIND}/ranking")
    assert response.status == 200
    (line,) = [r for r in response.json() if r["agency_code"] == code]
    assert (line["total"], line["max"], line["percent"], line["rank"]) == (11, 20, 55, 1)

    # The assessment page shows the adjusted points and the published total.
    page.goto(page.base_url + reverse("parindex:assessment", args=[YEAR, KIND, code]))
    expect(page.get_by_test_id("assessment-percent")).to_have_text("55%")
    expect(page.get_by_test_id("points-1.1.b")).to_have_text("1")
