"""Online payment of fees: the sandbox gateway through the pages, the signed callback (replayed,
forged, wrong amount, late), expiry, the electronic receipt (page and PDF read back), who may
see what, and the counters kept exact.

Dossiers are built through the one-stop services in March 2025 (the result is ready when the
citizen pays); the payment itself happens now, or at the moments the test passes in."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cchc.core.models import OutboxMessage
from cchc.domain.lifecycle import TransitionError
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.counters import stats_recount, stats_stored
from cchc.dossiers.models import Payment
from cchc.dossiers.payments import gateway as gw
from cchc.dossiers.payments.gateway import GatewayError, GatewayStatus, get_gateway, signed
from cchc.dossiers.payments.jobs import payments_expire
from cchc.dossiers.payments.sandbox import SandboxGateway
from cchc.dossiers.payments.services import (
    MSG_NOT_APPLICANT,
    MSG_NOTHING_OWED,
    Outcome,
    PaymentError,
    next_receipt_number,
    payment_handle_callback,
    payment_mark_refunded,
    payment_start,
)
from cchc.dossiers.services import (
    ApplicantData,
    DocumentData,
    IntakeRequest,
    dossier_accept,
    dossier_approve,
    dossier_create_draft,
    dossier_forward,
    dossier_pay,
    dossier_submit,
)
from cchc.org.models import User
from tests.dossiers.helpers import at
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FEE = 75000


# --- Building a dossier that owes its fee ----------------------------------------------------


def online_dossier(world, citizen, *, approve: bool = True, start=None):
    """Filed online by ``citizen`` on Mon 03/03/2025, received the next morning, forwarded by
    the specialist, approved by the leader: the result is ready and the 75.000 đ fee is owed.
    The citizen has chosen to be told by e-mail, at a verified address. With ``start``, the
    steps follow it a minute apart instead."""
    User.objects.filter(pk=citizen.pk).update(
        notify_email=True,
        email=citizen.email or f"{citizen.username}@example.vn",
        email_verified_at=timezone.now(),
    )
    citizen.refresh_from_db()
    if start is None:
        moments = [at(2025, 3, 3, 8), at(2025, 3, 3, 8, 30)]
        moments += [at(2025, 3, 4, 9), at(2025, 3, 5, 9), at(2025, 3, 6, 9)]
    else:
        moments = [start + timedelta(minutes=i) for i in range(5)]
    request = IntakeRequest(
        procedure=world.building_permit,
        applicant=ApplicantData(
            full_name=citizen.get_full_name(),
            id_number=citizen.citizen_id,
            phone=citizen.phone,
            email="dan.nguyen@example.vn",
            address="Số 7 đường Trần Phú, phường Tân An, tỉnh Thử Nghiệm",
        ),
        receiving_agency=world.construction,
        documents=[DocumentData(name="Đơn đề nghị cấp giấy phép xây dựng")],
    )
    d = dossier_create_draft(applicant_user=citizen, request=request, now=moments[0])
    d = dossier_submit(actor=citizen, dossier=d, now=moments[1])
    d = dossier_accept(actor=world.counter_officer, dossier=d, now=moments[2])
    d = dossier_forward(actor=world.specialist, dossier=d, now=moments[3])
    if approve:
        d = dossier_approve(actor=world.leader, dossier=d, result_number="12/GPXD", now=moments[4])
    d.refresh_from_db()
    return d


@pytest.fixture
def dossier(world, citizen):
    return online_dossier(world, citizen)


@pytest.fixture
def other_citizen(world):
    return UserFactory(
        username="t.citizen2", full_name="Lê Thị Khác", role=User.Role.CITIZEN, phone="0900000002"
    )


@pytest.fixture
def citizen_client(client, citizen):
    client.force_login(citizen)
    return client


def result_fields(payment, *, status="paid", amount=None, ref="SBX-TEST-0001", secret=None):
    """A gateway result for ``payment``, signed like the sandbox signs it."""
    return signed(
        {
            "payment_id": payment.public_id,
            "provider_ref": ref if status == "paid" else "",
            "amount": payment.amount_vnd if amount is None else amount,
            "status": status,
            "message": "Giao dịch thử",
            "timestamp": int(timezone.now().timestamp()),
        },
        secret,
    )


def post_callback(client, fields):
    return client.post(reverse("portal:payment_callback"), fields)


def pay_events(dossier):
    return list(dossier.events.filter(action="pay"))


def snapshot(dossier):
    """Everything a callback could change, to compare before and after."""
    return (
        sorted(Payment.objects.filter(dossier=dossier).values_list("pk", "state", "amount_vnd")),
        dossier.events.count(),
        stats_stored(),
        OutboxMessage.objects.filter(template="payment_confirmed").count(),
    )


def query(url):
    return dict(parse_qsl(urlsplit(url).query))


def sandbox_pay(client, dossier, outcome):
    """Through the pages: start, the sandbox page, press ``outcome``; returns the redirect back
    (the return URL, carrying the signed result)."""
    start = client.post(reverse("portal:payment_start", args=[dossier.public_id]))
    assert start.status_code == 302
    page = client.get(start["Location"])
    assert page.status_code == 200
    order = query(start["Location"])
    back = client.post(reverse("portal:sandbox_pay"), {**order, "outcome": outcome})
    assert back.status_code == 302
    return back


def text_of(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return unicodedata.normalize("NFC", text)


# --- The whole journey ------------------------------------------------------------------------


def test_a_citizen_pays_in_the_sandbox_and_the_dossier_is_paid_with_a_receipt(
    citizen_client, dossier
):
    page = citizen_client.get(reverse("portal:payment_start", args=[dossier.public_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "75.000 đ" in html and "Thanh toán trực tuyến" in html and dossier.code in html

    start = citizen_client.post(reverse("portal:payment_start", args=[dossier.public_id]))
    assert start["Location"].startswith(reverse("portal:sandbox_pay") + "?")
    gateway_page = citizen_client.get(start["Location"]).content.decode()
    assert "75.000 đ" in gateway_page and dossier.code in gateway_page
    for button in ("Thanh toán thành công", "Thất bại", "Hủy"):
        assert button in gateway_page

    back = citizen_client.post(
        reverse("portal:sandbox_pay"), {**query(start["Location"]), "outcome": "success"}
    )
    payment = Payment.objects.get(dossier=dossier)
    assert back["Location"].startswith(
        "http://testserver" + reverse("portal:payment_return", args=[payment.public_id])
    )
    # The sandbox's server-to-server call has already made the payment paid.
    assert payment.state == "paid" and payment.method == "online"
    assert payment.provider == "sandbox" and payment.provider_ref.startswith("SBX")
    assert re.fullmatch(r"BL-\d{8}-000001", payment.receipt_number)
    assert payment.callback_count == 1 and payment.paid_at is not None
    [event] = pay_events(dossier)
    assert event.actor == dossier.applicant_user
    assert event.data == {
        "amount_vnd": FEE,
        "method": "online",
        "payment": str(payment.public_id),
        "settled": True,
    }
    assert OutboxMessage.objects.filter(
        dossier_code=dossier.code, template="payment_confirmed"
    ).exists()
    assert get_gateway().query(payment) == GatewayStatus.PAID

    result = citizen_client.get(back["Location"]).content.decode()
    assert "Thanh toán thành công" in result and payment.receipt_number in result

    receipt = citizen_client.get(reverse("portal:payment_receipt", args=[payment.public_id]))
    text = receipt.content.decode()
    assert receipt.status_code == 200
    for expected in (
        payment.receipt_number,
        dossier.code,
        "75.000 đ",
        "Bảy mươi lăm nghìn đồng",
        payment.provider_ref,
        "Nguyễn Thị Dân",
        f"{timezone.localtime(payment.paid_at):%H:%M %d/%m/%Y}",
    ):
        assert expected in text

    stats = stats_stored()
    assert sum(row.get("paid_online", 0) for row in stats.values()) == 1
    assert stats == stats_recount()


def test_the_receipt_pdf_reads_back_with_number_amount_words_code_and_dates(
    citizen_client, dossier
):
    sandbox_pay(citizen_client, dossier, "success")
    payment = Payment.objects.get(dossier=dossier)
    response = citizen_client.get(reverse("portal:payment_receipt_pdf", args=[payment.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f'filename="bien-lai-{payment.receipt_number}.pdf"' in response["Content-Disposition"]
    text = text_of(response.content)
    paid = timezone.localtime(payment.paid_at)
    for expected in (
        payment.receipt_number,
        "75.000",
        "Bảy mươi lăm nghìn đồng",
        dossier.code,
        "BIÊN LAI THU PHÍ, LỆ PHÍ",
        "Nguyễn Thị Dân",
        f"{paid:%H:%M %d/%m/%Y}",
        "SỞ XÂY DỰNG",
    ):
        assert expected in text, expected
    assert re.search(r"\d{2}/\d{2}/\d{4}", text)


# --- Replayed, forged, wrong amount -----------------------------------------------------------


def test_a_replayed_callback_changes_nothing(citizen_client, dossier):
    back = sandbox_pay(citizen_client, dossier, "success")
    fields = query(back["Location"])  # the signed result also travels back with the browser
    before = snapshot(dossier)

    for _ in range(2):
        response = post_callback(citizen_client, fields)
        assert response.status_code == 200 and response.content == b"OK"

    assert snapshot(dossier) == before
    payment = Payment.objects.get(dossier=dossier)
    assert payment.state == "paid" and payment.callback_count == 3
    assert not payment.needs_review
    assert len(pay_events(dossier)) == 1
    assert stats_stored() == stats_recount()


def test_a_callback_with_a_bad_signature_changes_nothing(citizen_client, citizen, dossier):
    payment = payment_start(actor=citizen, dossier=dossier)
    before = snapshot(dossier)
    forged = result_fields(payment, secret="not-the-shared-secret")
    tampered = {**result_fields(payment), "amount": "1"}
    unsigned = {k: v for k, v in result_fields(payment).items() if k != "signature"}

    for fields in (forged, tampered, unsigned):
        response = post_callback(citizen_client, fields)
        assert response.status_code == 400 and response.content == b"BAD_SIGNATURE"

    payment.refresh_from_db()
    assert payment.state == "pending" and payment.callback_count == 0
    assert payment.raw_last_callback == {} and not payment.needs_review
    assert snapshot(dossier) == before


def test_a_callback_with_another_amount_changes_nothing_and_is_flagged(
    citizen_client, citizen, dossier
):
    payment = payment_start(actor=citizen, dossier=dossier)
    before = snapshot(dossier)

    response = post_callback(citizen_client, result_fields(payment, amount=7500))

    assert response.status_code == 400 and response.content == b"AMOUNT_MISMATCH"
    payment.refresh_from_db()
    assert payment.state == "pending" and payment.needs_review
    assert "7.500" in payment.review_note and "75.000" in payment.review_note
    assert payment.raw_last_callback["amount"] == "7500"
    assert snapshot(dossier) == before
    assert not pay_events(dossier)


def test_malformed_and_unknown_callbacks_are_refused(client, citizen, dossier):
    payment = payment_start(actor=citizen, dossier=dossier)
    missing_ref = signed({"payment_id": payment.public_id, "amount": FEE, "status": "paid"})
    assert post_callback(client, missing_ref).content == b"MALFORMED"
    unknown = signed(
        {
            "payment_id": "00000000-0000-4000-8000-000000000000",
            "provider_ref": "X",
            "amount": FEE,
            "status": "paid",
        }
    )
    assert post_callback(client, unknown).content == b"UNKNOWN_PAYMENT"
    assert client.put(reverse("portal:payment_callback")).status_code == 405
    payment.refresh_from_db()
    assert payment.state == "pending"


def test_the_callback_is_also_taken_as_a_get_request(client, citizen, dossier):
    payment = payment_start(actor=citizen, dossier=dossier)
    response = client.get(reverse("portal:payment_callback"), result_fields(payment))
    assert response.status_code == 200
    payment.refresh_from_db()
    assert payment.state == "paid"


# --- Failure, cancel, expiry ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "reason"),
    [("failure", "không thành công"), ("cancel", "hủy giao dịch")],
)
def test_failure_and_cancel_leave_the_dossier_unpaid(citizen_client, dossier, outcome, reason):
    back = sandbox_pay(citizen_client, dossier, outcome)
    payment = Payment.objects.get(dossier=dossier)
    assert payment.state == "failed" and reason in payment.failed_reason
    assert not pay_events(dossier)
    page = citizen_client.get(back["Location"]).content.decode()
    assert "Thanh toán không thành công" in page and "Thanh toán lại" in page

    again = citizen_client.post(reverse("portal:payment_start", args=[dossier.public_id]))
    assert again.status_code == 302
    assert dossier.payments.filter(state="pending").count() == 1
    assert stats_stored() == stats_recount()


def test_a_pending_payment_expires_by_the_job_and_when_the_citizen_comes_back(
    citizen_client, citizen, dossier
):
    t0 = timezone.now() - timedelta(minutes=30)
    first = payment_start(actor=citizen, dossier=dossier, now=t0)
    assert first.expires_at == t0 + timedelta(minutes=15)
    assert payments_expire(now=t0 + timedelta(minutes=14)) == 0
    assert payments_expire(now=t0 + timedelta(minutes=15)) == 1
    assert payments_expire(now=t0 + timedelta(minutes=16)) == 0  # idempotent
    first.refresh_from_db()
    assert first.state == "expired"

    second = payment_start(actor=citizen, dossier=dossier, now=t0 + timedelta(minutes=1))
    assert second.pk != first.pk
    page = citizen_client.get(reverse("portal:payment_return", args=[second.public_id]))
    assert "Giao dịch đã hết hạn" in page.content.decode()  # checked lazily, now
    second.refresh_from_db()
    assert second.state == "expired"


def test_the_expiry_command_runs(citizen, dossier, capsys):
    payment_start(actor=citizen, dossier=dossier, now=timezone.now() - timedelta(hours=1))
    call_command("payments_expire")
    assert "1" in capsys.readouterr().out
    assert dossier.payments.get().state == "expired"


def test_a_late_success_for_an_expired_payment_is_refused_and_kept_for_refund(
    client, citizen, counter_officer, dossier
):
    t0 = timezone.now() - timedelta(hours=1)
    payment = payment_start(actor=citizen, dossier=dossier, now=t0)
    payments_expire(now=t0 + timedelta(minutes=20))
    before = snapshot(dossier)

    response = post_callback(client, result_fields(payment, ref="SBX-LATE-1"))

    assert response.status_code == 400 and response.content == b"LATE"
    payment.refresh_from_db()
    assert payment.state == "expired" and payment.needs_review
    assert payment.provider_ref == "SBX-LATE-1" and "hoàn tiền" in payment.review_note
    assert payment.raw_last_callback["provider_ref"] == "SBX-LATE-1"
    assert snapshot(dossier) == before and not pay_events(dossier)

    # A replay of the late success is recorded again, still not applied.
    assert post_callback(client, result_fields(payment, ref="SBX-LATE-1")).status_code == 400
    payment.refresh_from_db()
    assert payment.state == "expired" and payment.callback_count == 2

    # The citizen can pay again; the officer closes the late one once the money is back.
    fresh = payment_start(actor=citizen, dossier=dossier)
    assert fresh.pk != payment.pk
    refunded = payment_mark_refunded(
        actor=counter_officer, payment=payment, note="UNC số 15 ngày 07/03/2025"
    )
    assert refunded.state == "refunded" and not refunded.needs_review
    assert "UNC số 15" in refunded.review_resolution


def test_a_success_arriving_after_expiry_without_the_job_is_refused_too(client, citizen, dossier):
    payment = payment_start(actor=citizen, dossier=dossier, now=timezone.now() - timedelta(hours=1))
    assert payment_handle_callback(params=result_fields(payment)) == Outcome.LATE
    payment.refresh_from_db()
    assert payment.state == "expired" and payment.needs_review and not pay_events(dossier)


def test_the_sandbox_refuses_to_take_money_after_the_expiry(citizen_client, citizen, dossier):
    payment = payment_start(actor=citizen, dossier=dossier, now=timezone.now() - timedelta(hours=1))
    url = SandboxGateway().create_payment(
        payment, return_url="http://testserver/", notify_url="http://testserver/"
    )
    page = citizen_client.get(url).content.decode()
    assert "đã hết hạn" in page and "Thanh toán thành công" not in page
    refused = citizen_client.post(
        reverse("portal:sandbox_pay"), {**query(url), "outcome": "success"}
    )
    assert refused.status_code == 400
    payment.refresh_from_db()
    assert payment.state == "pending"  # nothing was sent: the job or the next visit expires it


def test_money_taken_for_a_dossier_paid_at_the_counter_meanwhile_is_kept_for_refund(
    client, citizen, counter_officer, dossier
):
    payment = payment_start(actor=citizen, dossier=dossier)
    dossier_pay(actor=counter_officer, dossier=dossier, receipt_number="BL-1")

    assert payment_handle_callback(params=result_fields(payment)) == Outcome.NOT_APPLIED
    payment.refresh_from_db()
    assert payment.state == "failed" and payment.needs_review
    assert "hoàn tiền" in payment.review_note
    assert len(pay_events(dossier)) == 1  # the counter's
    assert stats_stored() == stats_recount()


def test_a_second_success_for_a_paid_payment_is_flagged_not_applied(client, citizen, dossier):
    payment = payment_start(actor=citizen, dossier=dossier)
    assert payment_handle_callback(params=result_fields(payment, ref="A")) == Outcome.PAID
    assert payment_handle_callback(params=result_fields(payment, ref="B")) == Outcome.ALREADY_PAID
    payment.refresh_from_db()
    assert payment.state == "paid" and payment.provider_ref == "A" and payment.needs_review
    assert len(pay_events(dossier)) == 1


# --- Starting a payment -----------------------------------------------------------------------


def test_pressing_pay_twice_reuses_the_pending_payment(citizen, dossier):
    first = payment_start(actor=citizen, dossier=dossier)
    second = payment_start(actor=citizen, dossier=dossier)
    assert first.pk == second.pk and first.amount_vnd == FEE and first.state == "pending"
    assert dossier.events.filter(action="pay").count() == 0


def test_only_the_applicant_pays_and_only_what_is_owed(
    world, citizen, counter_officer, other_citizen, dossier
):
    with pytest.raises(PaymentError) as err:
        payment_start(actor=other_citizen, dossier=dossier)
    assert err.value.message == MSG_NOT_APPLICANT
    with pytest.raises(PaymentError):
        payment_start(actor=counter_officer, dossier=dossier)
    dossier_pay(actor=counter_officer, dossier=dossier)
    with pytest.raises(PaymentError) as err:
        payment_start(actor=citizen, dossier=dossier)
    assert err.value.message == MSG_NOTHING_OWED
    assert not dossier.payments.filter(state="pending").exists()


def test_a_dossier_not_yet_received_cannot_be_paid(world, citizen):
    request = IntakeRequest(
        procedure=world.building_permit,
        applicant=ApplicantData(full_name=citizen.get_full_name(), phone=citizen.phone),
        receiving_agency=world.construction,
    )
    draft = dossier_create_draft(applicant_user=citizen, request=request)
    with pytest.raises(TransitionError):
        payment_start(actor=citizen, dossier=draft)


def test_the_start_page_explains_when_nothing_is_owed(citizen_client, counter_officer, dossier):
    dossier_pay(actor=counter_officer, dossier=dossier)
    page = citizen_client.get(reverse("portal:payment_start", args=[dossier.public_id]))
    assert "không còn khoản phí" in page.content.decode()
    refused = citizen_client.post(reverse("portal:payment_start", args=[dossier.public_id]))
    assert refused.status_code == 409 and "không còn khoản phí" in refused.content.decode()
    assert not dossier.payments.filter(method="online").exists()


class DownGateway(SandboxGateway):
    def create_payment(self, payment, *, return_url, notify_url):
        raise GatewayError("connection refused")


def test_a_gateway_that_cannot_be_reached_is_explained_and_the_payment_reused(
    citizen_client, dossier
):
    url = reverse("portal:payment_start", args=[dossier.public_id])
    with override_settings(CCHC_PAYMENT_GATEWAY="tests.portal.test_payments.DownGateway"):
        down = citizen_client.post(url)
    assert down.status_code == 503 and "Chưa kết nối được cổng thanh toán" in down.content.decode()
    pending = dossier.payments.get()
    assert citizen_client.post(url).status_code == 302
    assert dossier.payments.get() == pending


def test_a_payment_during_processing_is_accepted(citizen_client, world, citizen):
    d = online_dossier(world, citizen, approve=False, start=timezone.now() - timedelta(hours=1))
    assert d.status == "processing"
    sandbox_pay(citizen_client, d, "success")
    assert d.payments.get().state == "paid"
    assert stats_stored() == stats_recount()


def test_an_overdue_dossier_can_still_be_paid_by_its_applicant(citizen_client, world, citizen):
    # The agency's lateness blocks the agency's own actions until it apologises, never the
    # applicant's payment of the fees.
    d = online_dossier(world, citizen, approve=False)  # March 2025: long past its due date
    started = citizen_client.post(reverse("portal:payment_start", args=[d.public_id]))
    assert started.status_code == 302 and "cong-thu-nghiem" in started["Location"]
    assert d.payments.get().state == "pending"


def test_the_online_payment_share_counts_gateway_payments_against_all_settled_fees(
    citizen_client, world, citizen, counter_officer, other_citizen, dossier
):
    from decimal import Decimal

    from cchc.stats.selectors import stats_shares

    sandbox_pay(citizen_client, dossier, "success")
    at_counter = online_dossier(world, other_citizen)
    dossier_pay(actor=counter_officer, dossier=at_counter)
    # Received in March 2025 (both owe the fee then), paid today.
    shares = stats_shares(day_from=date(2025, 3, 1), day_to=timezone.localdate())
    assert (shares.fee_bearing, shares.paid, shares.paid_online) == (2, 2, 1)
    assert shares.online_payment_share == Decimal("0.5")
    assert stats_stored() == stats_recount()


# --- Who may see what -------------------------------------------------------------------------


def test_another_citizen_gets_404_on_every_payment_page(
    client, citizen_client, dossier, other_citizen
):
    sandbox_pay(citizen_client, dossier, "success")
    payment = Payment.objects.get(dossier=dossier)
    client.force_login(other_citizen)
    urls = [
        reverse("portal:payment_start", args=[dossier.public_id]),
        reverse("portal:payment_return", args=[payment.public_id]),
        reverse("portal:payment_receipt", args=[payment.public_id]),
        reverse("portal:payment_receipt_pdf", args=[payment.public_id]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(urls[0]).status_code == 404
    assert dossier.payments.count() == 1


def test_officers_who_see_the_dossier_open_the_receipt_others_do_not(
    client, citizen_client, dossier, counter_officer, other_agency_officer
):
    sandbox_pay(citizen_client, dossier, "success")
    payment = Payment.objects.get(dossier=dossier)
    receipt = reverse("portal:payment_receipt", args=[payment.public_id])
    client.force_login(counter_officer)
    assert client.get(receipt).status_code == 200
    assert client.get(reverse("portal:payment_start", args=[dossier.public_id])).status_code == 404
    client.force_login(other_agency_officer)
    assert client.get(receipt).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, dossier):
    url = reverse("portal:payment_start", args=[dossier.public_id])
    response = client.get(url)
    assert response.status_code == 302 and "next=" in response["Location"]


def test_a_payment_not_paid_has_no_receipt(citizen_client, citizen, dossier):
    payment = payment_start(actor=citizen, dossier=dossier)
    response = citizen_client.get(reverse("portal:payment_receipt", args=[payment.public_id]))
    assert response.status_code == 404 and "chưa có biên lai" in response.content.decode()


def test_the_sandbox_page_exists_only_when_the_sandbox_is_the_gateway(
    citizen_client, citizen, dossier
):
    payment = payment_start(actor=citizen, dossier=dossier)
    url = SandboxGateway().create_payment(
        payment, return_url="http://testserver/", notify_url="http://testserver/"
    )
    assert citizen_client.get(url).status_code == 200
    bad = {**query(url), "amount": "1"}
    assert citizen_client.get(reverse("portal:sandbox_pay"), bad).status_code == 400
    with override_settings(CCHC_PAYMENT_GATEWAY="tests.portal.test_payments.NoGateway"):
        assert citizen_client.get(url).status_code == 404


# --- The signature and the receipt numbers ----------------------------------------------------


def test_the_signature_is_hmac_sha256_over_the_sorted_percent_encoded_fields():
    import hashlib
    import hmac

    fields = {"status": "paid", "amount": "75000", "message": "Giao dịch thành công & xong"}
    canonical = gw.canonical_string(fields)
    assert canonical == (
        "amount=75000&message=Giao%20d%E1%BB%8Bch%20th%C3%A0nh%20c%C3%B4ng%20%26%20xong&status=paid"
    )
    expected = hmac.new(b"k", canonical.encode(), hashlib.sha256).hexdigest()
    assert gw.sign(fields, "k") == expected
    assert gw.signature_valid({**fields, "signature": expected}, "k")
    assert gw.signature_valid({**fields, "signature": expected.upper()}, "k")
    assert not gw.signature_valid({**fields, "signature": expected}, "other")
    assert not gw.signature_valid({**fields, "extra": "1", "signature": expected}, "k")
    assert not gw.signature_valid(fields, "k")


def test_receipt_numbers_run_per_day(citizen, world, dossier):
    moment = at(2025, 3, 6, 23, 30)  # local day, not UTC day
    assert next_receipt_number(moment) == "BL-20250306-000001"
    payment = payment_start(actor=citizen, dossier=dossier)
    Payment.objects.filter(pk=payment.pk).update(receipt_number="BL-20250306-000041")
    assert next_receipt_number(moment) == "BL-20250306-000042"
    assert next_receipt_number(moment + timedelta(hours=1)) == "BL-20250307-000001"
    assert moment.tzinfo == VN_TZ
