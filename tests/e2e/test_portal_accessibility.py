"""WCAG 2.1 AA on the citizen portal at phone width (390×844): axe-core (vendored from npm,
tests/e2e/vendor/axe.min.js) finds no serious or critical violation on the catalogue, a
procedure page, the lookup page (the form and an answer), the rating page (by token), and,
for a signed-in citizen, the apply page (empty, with errors, as a draft) and the tracking
pages (my dossiers, a dossier with the supplement form, with and without errors).

The officers' pages — the counter's intake form with its errors, a dossier's page, the report —
and the portal's home and procedure pages are held to more, at desktop width, 390 px and
320 px: no axe violation of any impact, nothing wider than the window, the route table
scrollable by keyboard, and a focus outline of at least 3:1 on every kind of control."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cchc.dossiers.models import Dossier
from cchc.dossiers.rating_links import rating_token
from cchc.dossiers.services import (
    dossier_approve,
    dossier_forward,
    dossier_request_supplement,
)
from cchc.portal.accounts.verification import verification_token
from tests.dossiers.helpers import at, receive
from tests.e2e.conftest import shot
from tests.portal.apply_helpers import PDF
from tests.portal.test_accounts import make_citizen
from tests.world import BUILDING_PERMIT, ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def load_axe(page) -> None:
    """Put axe into the page. Our Content-Security-Policy (script-src 'self') refuses the
    inline <script> that ``add_script_tag`` writes (and the refusal is a console error the
    journeys count), so the source is run through the DevTools protocol instead, which the
    policy does not govern; the page is unchanged."""
    if page.evaluate("() => typeof window.axe !== 'undefined'"):
        return
    page.evaluate(AXE_SOURCE)
    assert page.evaluate("() => typeof window.axe.run") == "function"


def axe_violations(page) -> list[dict]:
    """Run axe on the page as it is now; the serious and critical violations."""
    load_axe(page)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        TAGS,
    )
    assert result["passes"], "axe ran no check"
    # Shown with the test's output: every finding, blocking or not, and what needs review.
    print(
        page.url,
        "passes:",
        len(result["passes"]),
        "violations:",
        [(v["id"], v["impact"]) for v in result["violations"]],
        "incomplete:",
        [v["id"] for v in result["incomplete"]],
    )
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    return json.dumps(
        [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [
                    {"target": n["target"], "summary": n.get("failureSummary", "")}
                    for n in v["nodes"][:5]
                ],
            }
            for v in violations
        ],
        ensure_ascii=False,
        indent=1,
    )


def check(page, name: str) -> None:
    shot(page, f"a11y-{name}")
    violations = axe_violations(page)
    assert not violations, f"{name} ({page.url}):\n{describe(violations)}"


def test_portal_pages_have_no_serious_accessibility_violation_on_a_phone(phone_page):
    page = phone_page
    world = ensure_world()
    d = receive(world, now=at(2025, 3, 3))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4))
    d = dossier_approve(actor=world.leader, dossier=d, result_number="1/GP", now=at(2025, 3, 5))

    page.goto(page.base_url + "/dich-vu-cong/")
    check(page, "portal-home")

    page.goto(page.base_url + "/dich-vu-cong/thu-tuc/?q=cap+giay+phep")
    expect(page.locator("#catalog-results")).to_contain_text("Cấp giấy phép xây dựng")
    check(page, "catalogue")

    page.get_by_role("link", name="Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cấp giấy phép xây dựng")
    check(page, "procedure")

    page.goto(page.base_url + f"/tra-cuu/?ma={d.code}")
    check(page, "lookup-form")
    page.get_by_label("Số điện thoại người nộp").fill("0987654321")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_test_id("lookup-result")).to_contain_text("Đã có kết quả")
    check(page, "lookup-result")

    page.goto(page.base_url + "/tra-cuu/")
    page.get_by_label("Mã hồ sơ").fill(d.code)
    page.get_by_label("Số điện thoại người nộp").fill("0900000000")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_test_id("lookup-not-found")).to_be_visible()
    check(page, "lookup-not-found")

    page.goto(page.base_url + "/tra-cuu/")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    check(page, "lookup-errors")

    page.goto(page.base_url + reverse("portal:rate_token", args=[rating_token(d)]))
    expect(page.get_by_test_id("rating-form")).to_be_visible()
    check(page, "rate")
    page.get_by_role("button", name="Gửi đánh giá").click()  # nothing chosen: errors shown
    expect(page.locator("[role=alert]").first).to_be_visible()
    check(page, "rate-errors")
    page.get_by_role("group", name="Mức độ hài lòng chung").get_by_label("Rất hài lòng").check()
    page.get_by_role("group", name="Thủ tục hành chính").get_by_label(
        "Hài lòng", exact=True
    ).check()
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.get_by_test_id("rating-notice")).to_contain_text("Bạn đã đánh giá hồ sơ này")
    check(page, "rate-done")

    # The pages a verification link opens: done, and refused.
    citizen = make_citizen(email="binh.le@example.vn")
    page.goto(
        page.base_url
        + reverse("portal:verify_contact", args=[verification_token(citizen, "email")])
    )
    expect(page.get_by_test_id("verified")).to_be_visible()
    check(page, "verify-done")
    page.goto(page.base_url + reverse("portal:verify_contact", args=["hong-roi"]))
    expect(page.get_by_test_id("verify-failed")).to_be_visible()
    check(page, "verify-failed")


def signed_in_as(page, user) -> None:
    """Give the browser a session of ``user`` (signing up and in is the journey's part)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": page.base_url}]
    )


def test_apply_and_track_pages_have_no_serious_accessibility_violation_on_a_phone(
    phone_page, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    page = phone_page
    world = ensure_world()
    signed_in_as(page, world.citizen)

    # Apply: the empty form, the form with its errors, the draft.
    page.goto(page.base_url + reverse("portal:apply", args=[BUILDING_PERMIT]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nộp hồ sơ trực tuyến")
    check(page, "apply")
    page.get_by_role("button", name="Nộp hồ sơ", exact=True).click()
    expect(page.get_by_test_id("form-errors")).to_be_visible()
    check(page, "apply-errors")
    page.locator("#id_applicant_address").fill("Số 1 đường Lê Lợi, phường Tân An")
    page.locator("#id_doc_0").set_input_files(
        files=[{"name": "don.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hồ sơ nháp")
    check(page, "apply-draft")

    # Track: the submitted dossier, the supplement form (empty, then with its error), the list.
    page.get_by_role("button", name="Nộp hồ sơ", exact=True).click()
    expect(page.get_by_test_id("dossier-status")).to_have_text("Chờ tiếp nhận")
    check(page, "track-dossier")
    dossier = Dossier.objects.get(applicant_user=world.citizen)
    dossier_request_supplement(
        actor=world.counter_officer,
        dossier=dossier,
        items=["Bản vẽ mặt bằng"],
        reason="Thiếu bản vẽ mặt bằng.",
    )
    page.reload()
    supplement = page.get_by_role("region", name="Cơ quan đề nghị bổ sung hồ sơ")
    expect(supplement.get_by_role("button", name="Gửi hồ sơ bổ sung")).to_be_visible()
    check(page, "track-supplement")
    supplement.get_by_role("button", name="Gửi hồ sơ bổ sung").click()
    expect(page.get_by_test_id("form-errors")).to_contain_text("Tải lên ít nhất một tệp")
    check(page, "track-supplement-errors")
    page.goto(page.base_url + reverse("portal:my_dossiers"))
    expect(page.get_by_test_id("my-dossiers")).to_contain_text("Chờ bổ sung (tiếp nhận)")
    check(page, "track-my-dossiers")


# --- staff pages, and every width ------------------------------------------------------------

WIDTHS = (("desktop", 1280, 800), ("phone", 390, 844), ("narrow", 320, 640))
WHITE = (255, 255, 255)


def horizontal_overflow(page) -> int:
    """How far the page scrolls sideways (0 when it fits the window)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def check_strictly(page, name: str) -> None:
    """No axe violation at all (minor and moderate included) and no sideways scrolling."""
    shot(page, f"a11y-{name}")
    load_axe(page)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    assert result["passes"], "axe ran no check"
    assert not result["violations"], f"{name} ({page.url}):\n{describe(result['violations'])}"
    overflow = horizontal_overflow(page)
    assert overflow <= 0, f"{name} ({page.url}) scrolls sideways by {overflow} px"


def rgb(css: str) -> tuple[int, ...]:
    return tuple(int(float(v)) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours."""

    def luminance(colour: tuple[int, ...]) -> float:
        channels = [c / 255 for c in colour]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def focus_ring(page, locator) -> dict:
    """The outline a keyboard user sees on ``locator``: reached with Tab from the element
    before it, so the browser's keyboard focus rules (:focus-visible) apply."""
    locator.evaluate(
        """el => {
            const all = [...document.querySelectorAll('a, button, input, select, textarea')]
              .filter(e => !e.disabled && e.offsetParent !== null);
            const before = all[all.indexOf(el) - 1];
            before.focus();
        }"""
    )
    page.keyboard.press("Tab")
    assert locator.evaluate("el => el === document.activeElement")
    return locator.evaluate(
        """el => { const s = getComputedStyle(el);
                   return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                           colour: s.outlineColor}; }"""
    )


def test_staff_pages_have_no_accessibility_violation_nor_sideways_scroll_at_any_width(
    page, settings, tmp_path
):
    """The counter's intake form with its errors, a dossier's page with its route table, the
    report, the list of officers often late and one officer's page, and portal pages, at
    desktop width, on a phone (390 px) and on a narrow phone (320 px): no axe violation of any
    impact and nothing wider than the window. The route table scrolls by keyboard; fields,
    selects, check boxes and buttons show the same strong focus outline as links (WCAG 1.4.11:
    3:1 against the page)."""
    settings.MEDIA_ROOT = str(tmp_path)
    world = ensure_world()
    # Received just now, so that the report's current period shows it (a row with rates).
    d = receive(world, now=timezone.now() - timedelta(minutes=5))
    d = dossier_forward(actor=world.specialist, dossier=d)
    intake = page.base_url + reverse("dossiers:intake") + f"?procedure={BUILDING_PERMIT}"
    dossier_page = page.base_url + reverse("dossiers:detail", args=[d.code])

    for width_name, width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        signed_in_as(page, world.counter_officer)
        page.goto(intake)
        page.get_by_role("button", name="Tiếp nhận", exact=True).click()
        summary = page.locator(".js-error-summary")
        expect(summary).to_be_visible()
        expect(summary.get_by_role("link").first).to_be_visible()
        check_strictly(page, f"staff-intake-errors-{width_name}")

        page.goto(dossier_page)
        expect(page.get_by_test_id("dossier-code")).to_have_text(d.code)
        check_strictly(page, f"staff-dossier-{width_name}")
        route = page.get_by_role("region", name="Các bước xử lý")
        expect(route).to_have_attribute("tabindex", "0")
        if route.evaluate("el => el.scrollWidth > el.clientWidth"):
            route.focus()
            page.keyboard.press("ArrowRight")
            # Keyboard scrolling is smooth: wait for it to move rather than read it at once.
            page.wait_for_function(
                "() => document.querySelector('[role=region][tabindex=\"0\"]').scrollLeft > 0"
            )

        signed_in_as(page, world.leader)
        page.goto(page.base_url + reverse("stats:report"))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        check_strictly(page, f"staff-report-{width_name}")
        # The list of officers often late, from the report, and one officer's months.
        page.get_by_test_id("officer-watch-link").click()
        expect(page.get_by_test_id("officer-t.specialist")).to_be_visible()
        check_strictly(page, f"staff-officer-watch-{width_name}")
        page.get_by_test_id("officer-t.specialist").get_by_role("link").click()
        expect(page.get_by_test_id("officer-months")).to_be_visible()
        check_strictly(page, f"staff-officer-detail-{width_name}")

        for path in ("/dich-vu-cong/", f"/dich-vu-cong/thu-tuc/{BUILDING_PERMIT}/"):
            page.goto(page.base_url + path)
            check_strictly(page, f"portal{path.replace('/', '-')}{width_name}")

    # Keyboard focus on the intake form: a field, a select, a check box, a button.
    page.set_viewport_size({"width": 1280, "height": 800})
    signed_in_as(page, world.counter_officer)
    page.goto(intake)
    form = page.locator("form.intake-form")
    controls = {
        "field": form.locator("#id_applicant_name"),
        "select": form.locator("#id_channel"),
        "check box": form.get_by_role("checkbox").first,
        "button": form.get_by_role("button", name="Tiếp nhận", exact=True),
    }
    for kind, control in controls.items():
        ring = focus_ring(page, control)
        ratio = contrast(rgb(ring["colour"]), WHITE)
        assert ring["style"] != "none" and ring["width"] >= 2, (kind, ring)
        assert ratio >= 3, f"the {kind}'s focus outline is {ring} ({ratio:.1f}:1)"
