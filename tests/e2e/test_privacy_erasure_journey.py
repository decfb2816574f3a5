"""The erasure request in the browser, on a phone (390×844): a citizen signs in, finds *Yêu cầu
xoá dữ liệu cá nhân…* on the account page, reads what goes and what the archives keep, confirms
with the password and the browser's confirmation, lands on the done page signed out. Each page
is screenshotted and checked with axe-core (no serious or critical WCAG 2.1 AA violation)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cchc.org.models import User
from tests.e2e.conftest import shot
from tests.e2e.test_portal_accessibility import axe_violations, describe
from tests.portal.test_accounts import PASSWORD, make_citizen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, name: str) -> None:
    shot(page, f"privacy-erasure-{name}")
    violations = axe_violations(page)
    assert not violations, f"{name} ({page.url}):\n{describe(violations)}"


def test_a_citizen_asks_for_erasure_from_the_account_page(phone_page):
    page = phone_page
    user = make_citizen(verified=True, email="binh.le@example.vn")
    page.goto(f"{page.base_url}/dich-vu-cong/tai-khoan/dang-nhap/")
    page.get_by_label("Thư điện tử, số điện thoại hoặc tên đăng nhập").fill("binh.le@example.vn")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_test_id("login-form").get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{page.base_url}/dich-vu-cong/tai-khoan/")

    page.get_by_test_id("erase-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Yêu cầu xoá dữ liệu cá nhân")
    expect(page.get_by_test_id("erase-kept")).to_contain_text("Hồ sơ thủ tục hành chính đã nộp")
    expect(page.get_by_test_id("erase-retention")).to_contain_text("Pháp luật về lưu trữ")
    check(page, "1-ask")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Nhập mật khẩu để xác nhận").fill(PASSWORD)
    page.get_by_role("button", name="Xoá dữ liệu cá nhân").click()
    expect(page.get_by_test_id("erased")).to_contain_text("Đã xoá 0 hồ sơ nháp; giữ lại 0 hồ sơ")
    check(page, "2-done")

    user = User.objects.get(pk=user.pk)
    assert not user.is_active and user.email == ""
    page.goto(f"{page.base_url}/dich-vu-cong/tai-khoan/")
    expect(page.get_by_test_id("login-form")).to_be_visible()
