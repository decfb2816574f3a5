"""Browser journeys: Playwright for Python driving Debian's chromium (never a downloaded
browser). Screenshots go to test-artifacts/ at the repository root."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in this thread; Django would then refuse ORM calls
# made by the test itself ("async context"). The calls are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CCHC_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(
            f"chromium not found at {CHROMIUM}: browser journeys need it "
            "(apt-get install chromium, or run `make test`, which installs it)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(15000)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.base_url = live_server.url
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    yield page
    context.close()


def officer_sign_out(page) -> None:
    """Sign out of the back office: the button is in the menu under the officer's name."""
    page.get_by_test_id("current-user").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("link", name="Đăng nhập").first).to_be_visible()


def officer_open(page, tab: str, reference: str) -> None:
    """Open a dossier from one of the officer's worklists: *Hồ sơ* in the menu, the tab, the
    dossier. Each click is a page load, awaited before the next click: clicking the tab of a
    page that is about to be replaced would land on the default tab."""
    with page.expect_navigation():
        page.get_by_role("link", name="Hồ sơ", exact=True).click()
    # The tabs are swapped for their counted copy just after the load; a click during that
    # swap can hit the old nav and go nowhere, so wait for the counts first.
    expect(page.locator("nav.worklist-tabs[hx-get]")).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("navigation", name="Danh sách công việc").get_by_role(
            "link", name=re.compile(tab)
        ).click()
    page.locator("#worklist-results").get_by_role("link", name=reference).click()
    expect(page.get_by_test_id("dossier-code")).to_have_text(reference)


def shot(page, name: str) -> Path:
    """Save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
