"""Paying fees online in the sandbox gateway on a phone (390×844): the fees page, the
gateway's page, the result and the electronic receipt, each screenshotted and checked with
axe-core (no serious or critical WCAG 2.1 AA violation); the receipt PDF is read back. And
the agency's side: a late payment reconciled and its refund recorded."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from cchc.dossiers.models import Payment
from cchc.dossiers.payments.services import payment_handle_callback, payment_start
from tests.e2e.conftest import shot
from tests.e2e.test_portal_accessibility import axe_violations, describe
from tests.portal.test_payments import online_dossier, result_fields
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_as(page, user) -> None:
    """Give the browser a session of ``user`` (signing in itself is the accounts' journey)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": page.base_url}]
    )


def check(page, name: str) -> None:
    shot(page, f"payment-{name}")
    violations = axe_violations(page)
    assert not violations, f"{name} ({page.url}):\n{describe(violations)}"


def test_a_citizen_pays_in_the_sandbox_on_a_phone_and_reads_the_receipt(phone_page):
    page = phone_page
    world = ensure_world()
    dossier = online_dossier(world, world.citizen)
    signed_in_as(page, world.citizen)

    page.goto(f"{page.base_url}/dich-vu-cong/thanh-toan/ho-so/{dossier.public_id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thanh toán phí, lệ phí")
    expect(page.get_by_test_id("outstanding")).to_have_text("75.000 đ")
    check(page, "1-fees")

    page.get_by_role("button", name="Thanh toán trực tuyến").click()
    expect(page.get_by_test_id("sandbox-amount")).to_have_text("75.000 đ")
    expect(page.get_by_test_id("sandbox-order")).to_contain_text(dossier.code)
    check(page, "2-sandbox")

    page.get_by_role("button", name="Thanh toán thành công").click()
    expect(page.get_by_test_id("payment-state")).to_have_attribute("data-state", "paid")
    expect(page.get_by_role("heading", name="Thanh toán thành công")).to_be_visible()
    check(page, "3-result")

    page.get_by_role("link", name="Xem biên lai điện tử").click()
    expect(page.get_by_test_id("receipt-words")).to_have_text("Bảy mươi lăm nghìn đồng")
    expect(page.get_by_test_id("receipt-amount")).to_have_text("75.000 đ")
    check(page, "4-receipt")

    payment = Payment.objects.get(dossier=dossier)
    assert payment.state == "paid" and payment.method == "online"
    expect(page.get_by_test_id("receipt-number")).to_have_text(payment.receipt_number)
    response = page.request.get(
        f"{page.base_url}/dich-vu-cong/thanh-toan/{payment.public_id}/bien-lai.pdf"
    )
    assert response.status == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert payment.receipt_number in text and "75.000" in text


def test_an_officer_records_the_refund_of_a_late_payment(page):
    """The money the gateway took after the payment expired is given back by the agency: the
    counter officer finds it under *Đối soát thanh toán* and records the refund voucher."""
    world = ensure_world()
    dossier = online_dossier(world, world.citizen)
    payment = payment_start(
        actor=world.citizen, dossier=dossier, now=timezone.now() - timedelta(hours=1)
    )
    payment_handle_callback(params=result_fields(payment, ref="SBX-LATE-42"))
    signed_in_as(page, world.counter_officer)

    page.goto(f"{page.base_url}/can-bo/ho-so/")
    page.get_by_role("link", name="Đối soát thanh toán").click()
    row = page.get_by_test_id(f"review-{payment.public_id}")
    expect(row).to_contain_text(dossier.code)
    expect(row).to_contain_text("SBX-LATE-42")
    check(page, "5-review")

    row.get_by_role("button", name="Đã hoàn tiền").click()
    expect(page.get_by_text("Trường này là bắt buộc.")).to_be_visible()
    row = page.get_by_test_id(f"review-{payment.public_id}")
    row.get_by_label("Chứng từ hoàn tiền").fill("UNC số 15 ngày 30/11/2026")
    row.get_by_role("button", name="Đã hoàn tiền").click()
    expect(page.get_by_test_id("review-open")).to_contain_text(
        "Không có giao dịch nào chờ đối soát."
    )
    expect(page.get_by_test_id("review-closed")).to_contain_text("UNC số 15 ngày 30/11/2026")
    check(page, "6-review-closed")

    payment.refresh_from_db()
    assert payment.state == "refunded" and payment.recorded_by == world.counter_officer
