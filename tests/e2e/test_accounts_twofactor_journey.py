"""In a real chromium (issue 14 — accounts): the administrator signs in with the password, is
sent to enrol, reads the secret under the QR code drawn on the page (no script, no inline
style: the Content-Security-Policy would report it on the console), types the code an app
would show and reaches the admin site; signing in again asks for the code. axe finds nothing
on the enrolment page."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.e2e.conftest import shot
from tests.e2e.test_portal_accessibility import axe_violations, describe
from tests.factories import PASSWORD
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_for(secret: str, *, steps_ahead: int = 0) -> str:
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key, t0=-30 * steps_ahead):06d}"


def password_sign_in(page, username: str) -> None:
    page.goto(page.base_url + "/admin/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_the_administrator_enrols_a_phone_then_every_sign_in_asks_for_the_code(page):
    admin = ensure_world().admin

    password_sign_in(page, admin.username)
    expect(page.get_by_role("heading", name="Bật xác thực hai bước")).to_be_visible()
    expect(page.get_by_test_id("otp-qr").locator("svg path")).to_have_count(1)
    shot(page, "accounts-enrol")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    secret = page.get_by_test_id("otp-secret").inner_text()
    page.get_by_label("Mã xác thực (6 chữ số)").fill(code_for(secret))
    page.get_by_role("button", name="Xác nhận và bật").click()
    expect(page.get_by_role("heading", name="Quản trị")).to_be_visible()

    page.context.clear_cookies()
    password_sign_in(page, admin.username)
    expect(page.get_by_role("heading", name="Xác thực hai bước")).to_be_visible()
    page.get_by_label("Mã xác thực (6 chữ số)").fill(code_for(secret, steps_ahead=1))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("heading", name="Quản trị")).to_be_visible()
    assert page.console_errors == []
