"""Feedback from a citizen to a published answer, in a real chromium (issue 10's acceptance):
the applicant of a dossier finds it by code and phone and sends a phản ánh about it; Sở Xây
dựng's counter officer classifies it as outside the department's competence and forwards it to
Sở Tư pháp; the department's specialist drafts the answer, its leader returns the draft once,
then approves and publishes it; the public page shows the answer and none of the sender's
personal data; the sender finds it by code and phone. axe finds nothing on the pages each role
uses, at desktop and phone width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cchc.feedback.models import FeedbackItem
from cchc.org.models import User
from tests.dossiers.helpers import APPLICANT, receive
from tests.e2e.conftest import officer_sign_out, shot
from tests.e2e.test_dossier_journey import sign_in
from tests.e2e.test_portal_accessibility import check_strictly
from tests.factories import UserFactory
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSONAL = (
    APPLICANT.full_name,
    APPLICANT.phone,
    "0987 654 321",
    APPLICANT.email,
    APPLICANT.address,
    APPLICANT.id_number,
)


def open_action(page, title: str) -> None:
    """Unfold one action card of the item page (each is a <details>)."""
    card = page.locator("details.action-card").filter(has=page.get_by_text(title, exact=True))
    if card.get_attribute("open") is None:
        card.locator("summary").click()


def test_a_citizens_feedback_is_forwarded_answered_approved_and_published(page, phone_page):
    world = ensure_world()
    dossier = receive(world, world.counter_officer)
    justice_leader = UserFactory(
        username="t.justice.leader",
        full_name="Đỗ Văn Tư",
        role=User.Role.LEADER,
        agency=world.justice,
    )

    # The applicant finds the dossier by code and phone, on a phone, and writes about it.
    phone_page.goto(phone_page.base_url + "/tra-cuu/")
    phone_page.get_by_label("Mã hồ sơ").fill(dossier.code)
    phone_page.get_by_label("Số điện thoại người nộp").fill(APPLICANT.phone)
    phone_page.get_by_role("button", name="Tra cứu").click()
    with phone_page.expect_navigation():
        phone_page.get_by_test_id("feedback-dossier-link").click()
    expect(phone_page.get_by_test_id("feedback-rules")).to_contain_text("nặc danh")
    expect(phone_page.get_by_test_id("dossier-note")).to_be_visible()
    check_strictly(phone_page, "feedback-send-phone")
    phone_page.get_by_label("Chậm trễ, gây phiền hà, sách nhiễu của cán bộ, công chức").check()
    phone_page.get_by_role("textbox", name=re.compile(r"^Tiêu đề")).fill(
        "Bị yêu cầu nộp giấy tờ ngoài thành phần hồ sơ"
    )
    phone_page.get_by_role("textbox", name=re.compile(r"^Nội dung phản ánh, kiến nghị")).fill(
        "Khi nộp hồ sơ cấp giấy phép xây dựng, tôi bị yêu cầu nộp thêm bản sao sổ hộ khẩu "
        "và xác nhận của tổ dân phố, không có trong thành phần hồ sơ đã công bố."
    )
    phone_page.get_by_role("textbox", name=re.compile(r"^Họ và tên")).fill(APPLICANT.full_name)
    phone_page.get_by_role("textbox", name=re.compile(r"^Địa chỉ")).fill(APPLICANT.address)
    phone_page.get_by_role("textbox", name=re.compile(r"^Số điện thoại")).fill("0987 654 321")
    phone_page.get_by_role("textbox", name=re.compile(r"^Thư điện tử \(không bắt buộc\)")).fill(
        APPLICANT.email
    )
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()
    code = phone_page.get_by_test_id("feedback-code").inner_text().strip()
    assert re.fullmatch(r"PAKN-\d{6}-\d{4}", code)
    item = FeedbackItem.objects.get(code=code)
    assert (item.dossier, item.receiving_agency) == (dossier, world.construction)
    shot(phone_page, "feedback-sent-phone")

    # Sở Xây dựng's counter officer: not the department's to answer — to Sở Tư pháp.
    sign_in(page, world.counter_officer)
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Phản ánh, kiến nghị")).click()
    with page.expect_navigation():
        page.get_by_role("link", name=code).click()
    expect(page.get_by_test_id("feedback-code")).to_have_text(code)
    expect(page.get_by_test_id("feedback-sender")).to_contain_text(APPLICANT.full_name)
    check_strictly(page, "feedback-item-receiver")
    open_action(page, "Phân loại (Điều 9)")
    page.get_by_label("Không thuộc thẩm quyền (chuyển cơ quan có thẩm quyền)").check()
    page.get_by_label("Chuyển đến cơ quan (về hành vi, không thuộc thẩm quyền)").select_option(
        label="Sở Tư pháp"
    )
    page.get_by_label("Lý do, ghi chú").fill("Việc yêu cầu giấy tờ thuộc lĩnh vực tư pháp.")
    with page.expect_navigation():
        page.get_by_role("button", name="Phân loại", exact=True).click()
    expect(page.get_by_test_id("feedback-status")).to_have_text("Đang xử lý")
    officer_sign_out(page)

    # Sở Tư pháp's specialist drafts the answer (naming the sender, as letters do).
    sign_in(page, world.other_agency_officer)
    page.goto(page.base_url + f"/can-bo/phan-anh/{code}/")
    open_action(page, "Dự thảo trả lời")
    page.get_by_label("Nội dung dự thảo trả lời").fill(
        f"Kính gửi ông {APPLICANT.full_name}. Thành phần hồ sơ cấp giấy phép xây dựng không có "
        "sổ hộ khẩu; Sở đã chấn chỉnh bộ phận tiếp nhận."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Trình lãnh đạo duyệt").click()
    expect(page.get_by_test_id("feedback-status")).to_have_text("Chờ lãnh đạo duyệt")
    officer_sign_out(page)

    # The leader returns it once…
    sign_in(page, justice_leader)
    page.goto(page.base_url + f"/can-bo/phan-anh/{code}/")
    check_strictly(page, "feedback-item-leader")
    open_action(page, "Trả lại dự thảo")
    page.get_by_label("Lý do", exact=True).fill(
        "Nêu căn cứ: Nghị định 20/2008 và quyết định công bố."
    )
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.get_by_role("button", name="Trả lại", exact=True).click()
    expect(page.get_by_test_id("feedback-status")).to_have_text("Đang xử lý")
    officer_sign_out(page)

    sign_in(page, world.other_agency_officer)
    page.goto(page.base_url + f"/can-bo/phan-anh/{code}/")
    open_action(page, "Dự thảo trả lời")
    page.get_by_label("Nội dung dự thảo trả lời").fill(
        f"Kính gửi ông {APPLICANT.full_name} (điện thoại {APPLICANT.phone}). Căn cứ Nghị định "
        "20/2008/NĐ-CP và quyết định công bố thủ tục, thành phần hồ sơ cấp giấy phép xây dựng "
        "không có sổ hộ khẩu; Sở đã chấn chỉnh bộ phận tiếp nhận."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Trình lãnh đạo duyệt").click()
    officer_sign_out(page)

    # …then approves and publishes it.
    sign_in(page, justice_leader)
    page.goto(page.base_url + f"/can-bo/phan-anh/{code}/")
    open_action(page, "Duyệt trả lời")
    with page.expect_navigation():
        page.get_by_role("button", name="Duyệt và gửi người gửi").click()
    expect(page.get_by_test_id("feedback-status")).to_have_text("Đã trả lời")
    open_action(page, "Công khai trả lời")
    preview = page.get_by_test_id("public-preview")
    expect(preview).to_contain_text("[đã ẩn]")
    for value in PERSONAL:
        expect(preview).not_to_contain_text(value)
    with page.expect_navigation():
        page.get_by_role("button", name="Công khai", exact=True).click()
    expect(page.get_by_test_id("feedback-status")).to_have_text("Đã công khai")
    shot(page, "feedback-item-published")

    # The public page: the answer, found without accents, and nobody's personal data.
    page.goto(page.base_url + "/phan-anh/?q=so+ho+khau")
    with page.expect_navigation():
        page.get_by_test_id("feedback-results").get_by_role("link").first.click()
    expect(page.get_by_test_id("published-answer")).to_contain_text("chấn chỉnh bộ phận tiếp nhận")
    html = page.content()
    for value in PERSONAL:
        assert value not in html, value
    check_strictly(page, "feedback-public-desktop")

    # The sender follows it by code and phone, on the phone.
    phone_page.goto(phone_page.base_url + f"/phan-anh/tra-cuu/?ma={code}")
    phone_page.get_by_label("Số điện thoại người gửi").fill(APPLICANT.phone)
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name="Tra cứu").click()
    expect(phone_page.get_by_test_id("feedback-status")).to_have_text("Đã công khai")
    expect(phone_page.get_by_test_id("follow-answer")).to_contain_text("chấn chỉnh")
    check_strictly(phone_page, "feedback-follow-phone")

    item.refresh_from_db()
    assert [e.action for e in item.events.order_by("seq")] == [
        "receive",
        "forward",
        "submit_draft",
        "return_draft",
        "submit_draft",
        "approve",
        "publish",
    ]
