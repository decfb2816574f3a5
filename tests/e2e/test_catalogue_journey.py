"""A counter officer signs in, finds a procedure without typing accents, opens it, switches
the language and signs out — in a real chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import shot
from tests.factories import PASSWORD
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_finds_a_procedure_by_unaccented_search(page):
    world = ensure_world()
    page.goto(page.base_url + "/")
    page.get_by_role("link", name="Đăng nhập").first.click()
    page.get_by_label("Tên đăng nhập").fill(world.counter_officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("current-user")).to_contain_text("Trần Thị Tiếp Nhận")

    with page.expect_navigation():  # to the load: htmx listens once its script has run
        page.get_by_role("link", name="Danh mục TTHC").click()
    page.get_by_label("Từ khoá").fill("cap giay phep xay dung")
    results = page.locator("#procedure-results")
    expect(results).to_contain_text("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ")
    expect(results).not_to_contain_text("Đăng ký khai sinh")
    expect(page).to_have_url(re.compile(r"q=cap(%20|\+)giay(%20|\+)phep"))
    shot(page, "catalogue-search")

    results.get_by_role("link", name="Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"
    )
    expect(page.locator("main")).to_contain_text("15/07/2025")
    expect(page.locator("main")).to_contain_text("75.000 đ")
    shot(page, "catalogue-procedure")

    page.get_by_label("Ngôn ngữ").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_test_id("current-user").click()  # the menu under the officer's name
    page.get_by_role("button", name=re.compile("Đăng xuất|Sign out")).click()
    expect(page.get_by_role("link", name=re.compile("Đăng nhập|Sign in")).first).to_be_visible()
    assert page.console_errors == []
