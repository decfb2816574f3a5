"""Passwords in the browser. A citizen who forgot theirs, on a phone (390×844): asks for a
link from the sign-in page, opens the link the e-mail carries, is refused a common password,
sets a good one and signs in with it. An officer changes theirs from the menu bar. Each page
is screenshotted and checked with axe-core (no serious or critical WCAG 2.1 AA violation)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cchc.core.models import OutboxMessage
from tests.e2e.conftest import officer_sign_out, shot
from tests.e2e.test_portal_accessibility import axe_violations, describe
from tests.factories import PASSWORD as OFFICER_PASSWORD
from tests.portal.test_accounts import make_citizen
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "trăng rằm tháng tám sáng ngời"


def check(page, name: str) -> None:
    shot(page, f"password-reset-{name}")
    violations = axe_violations(page)
    assert not violations, f"{name} ({page.url}):\n{describe(violations)}"


def test_a_citizen_resets_a_forgotten_password_on_a_phone(phone_page):
    page = phone_page
    user = make_citizen(verified=True, email="binh.le@example.vn")

    page.goto(f"{page.base_url}/dich-vu-cong/tai-khoan/dang-nhap/")
    page.get_by_role("link", name="Quên mật khẩu?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quên mật khẩu")
    check(page, "1-ask")

    page.get_by_label("Thư điện tử hoặc số điện thoại đã đăng ký").fill("Binh.Le@Example.vn")
    page.get_by_role("button", name="Gửi liên kết đặt lại mật khẩu").click()
    expect(page.get_by_test_id("password-reset-sent")).to_contain_text("một thư có liên kết")
    check(page, "2-sent")

    message = OutboxMessage.objects.get(template="password_reset")
    assert message.recipient == "binh.le@example.vn"
    link = re.search(r"https?://\S+/dat-lai-mat-khau/\S+/", message.body).group(0)
    path = link.split("/dich-vu-cong/", 1)[1]
    page.goto(f"{page.base_url}/dich-vu-cong/{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đặt mật khẩu mới")
    assert page.url.endswith("/dat-mat-khau/"), "the token must leave the address bar"

    page.locator("#id_new_password1").fill("password1234")
    page.locator("#id_new_password2").fill("password1234")
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.get_by_test_id("form-errors")).to_contain_text("mật khẩu phổ biến")
    check(page, "3-refused")

    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.get_by_test_id("password-reset-done")).to_contain_text("Mật khẩu mới đã được lưu")
    check(page, "4-done")

    page.get_by_role("link", name="Đăng nhập").last.click()
    page.get_by_label("Thư điện tử, số điện thoại hoặc tên đăng nhập").fill("binh.le@example.vn")
    page.locator("#id_password").fill(NEW_PASSWORD)
    page.get_by_test_id("login-form").get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/dich-vu-cong/"))
    expect(page.get_by_test_id("login-form")).to_have_count(0)

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # the old link is spent
    page.goto(f"{page.base_url}/dich-vu-cong/{path}")
    expect(page.get_by_test_id("reset-link-invalid")).to_be_visible()


def test_an_officer_changes_the_password_from_the_menu(page):
    """The menu under the officer's name leads to *Đổi mật khẩu*; after the change the officer signs
    in again with the new password only."""
    world = ensure_world()
    officer = world.counter_officer
    page.goto(f"{page.base_url}/tai-khoan/dang-nhap/")
    page.locator("#id_username").fill(officer.username)
    page.locator("#id_password").fill(OFFICER_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_test_id("current-user").click()
    page.get_by_role("link", name="Đổi mật khẩu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đổi mật khẩu")
    check(page, "5-officer-change")

    page.locator("#id_old_password").fill(OFFICER_PASSWORD)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    expect(page.get_by_test_id("current-user")).to_contain_text(officer.get_full_name())

    officer_sign_out(page)
    page.goto(f"{page.base_url}/tai-khoan/dang-nhap/")
    page.locator("#id_username").fill(officer.username)
    page.locator("#id_password").fill(OFFICER_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("alert")).to_contain_text("không đúng")
    page.locator("#id_password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("current-user")).to_contain_text(officer.get_full_name())
