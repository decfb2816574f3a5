"""WCAG 2.1 AA on the citizen portal at phone width (390×844): axe-core (vendored from npm,
tests/e2e/vendor/axe.min.js) finds no serious or critical violation on the catalogue, a
procedure page, the lookup page (the form and an answer), the rating page (by token), and,
for a signed-in citizen, the apply page (empty, with errors, as a draft) and the tracking
pages (my dossiers, a dossier with the supplement form, with and without errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
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
