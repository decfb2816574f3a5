"""Payment reconciliation by the agency's officers: the flagged online payments of their own
dossiers, each closed with the refund voucher; another agency's payments stay out of sight."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.dossiers.models import Payment
from cchc.dossiers.payments.selectors import payment_list_needing_review
from cchc.dossiers.payments.services import (
    MSG_REFUND_NOT_ALLOWED,
    MSG_REFUND_ROLE,
    Outcome,
    PaymentError,
    can_record_refund,
    payment_handle_callback,
    payment_mark_refunded,
    payment_start,
)
from cchc.dossiers.services import dossier_pay
from cchc.org.models import User
from tests.factories import UserFactory
from tests.portal.test_payments import online_dossier, result_fields
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db

REVIEW = "/can-bo/ho-so/doi-soat-thanh-toan/"


def flagged_late(world, citizen) -> Payment:
    """A success reported after the payment expired: money taken, nothing applied."""
    dossier = online_dossier(world, citizen)
    payment = payment_start(
        actor=citizen, dossier=dossier, now=timezone.now() - timezone.timedelta(hours=1)
    )
    assert payment_handle_callback(params=result_fields(payment, ref="SBX-LATE-9")) == Outcome.LATE
    payment.refresh_from_db()
    return payment


def flagged_twice(world, citizen) -> Payment:
    """A paid payment the gateway reports a second success for."""
    dossier = online_dossier(world, citizen)
    payment = payment_start(actor=citizen, dossier=dossier)
    assert payment_handle_callback(params=result_fields(payment, ref="A")) == Outcome.PAID
    assert payment_handle_callback(params=result_fields(payment, ref="B")) == Outcome.ALREADY_PAID
    payment.refresh_from_db()
    return payment


def refund_url(payment: Payment) -> str:
    return reverse("dossiers:payment_refund", args=[payment.public_id])


def test_the_menu_leads_counter_officers_and_leaders_to_the_review(
    client, counter_officer, leader, specialist
):
    for user, shown in ((counter_officer, True), (leader, True), (specialist, False)):
        client.force_login(user)
        assert (REVIEW in client.get("/").content.decode()) is shown, user.role
    assert reverse("dossiers:payment_review") == REVIEW


def test_an_officer_sees_the_flagged_payment_and_records_the_refund(
    client, world, citizen, counter_officer
):
    payment = flagged_late(world, citizen)
    client.force_login(counter_officer)
    page = client.get(REVIEW).content.decode()
    assert payment.dossier.code in page and "75.000 đ" in page and "SBX-LATE-9" in page
    assert "cần đối soát và hoàn tiền" in page

    response = client.post(refund_url(payment), {"note": "UNC số 15 ngày 07/03/2026"})
    assert response.status_code == 302 and response["Location"] == REVIEW
    payment.refresh_from_db()
    assert payment.state == Payment.State.REFUNDED and not payment.needs_review
    assert payment.recorded_by == counter_officer and payment.review_closed_at is not None
    assert "UNC số 15 ngày 07/03/2026" in payment.review_resolution
    assert "cần đối soát và hoàn tiền" in payment.review_note  # the reason stays whole

    page = client.get(REVIEW).content.decode()
    assert f"Đã ghi nhận hoàn tiền cho giao dịch của hồ sơ {payment.dossier.code}." in page
    assert "Không có giao dịch nào chờ đối soát." in page
    assert "Đã hoàn tiền" in page and counter_officer.get_full_name() in page


def test_the_voucher_is_required_and_nothing_changes_without_it(
    client, world, citizen, counter_officer
):
    payment = flagged_late(world, citizen)
    client.force_login(counter_officer)
    response = client.post(refund_url(payment), {"note": "   "})
    assert response.status_code == 422
    assert "Trường này là bắt buộc." in response.content.decode()
    payment.refresh_from_db()
    assert payment.needs_review and payment.state == Payment.State.EXPIRED


def test_a_second_charge_on_a_paid_payment_is_refunded_and_the_payment_stays_paid(
    client, world, citizen, leader
):
    payment = flagged_twice(world, citizen)
    client.force_login(leader)
    assert (
        client.post(refund_url(payment), {"note": "Hoàn mã B ngày 08/03/2026"}).status_code == 302
    )
    payment.refresh_from_db()
    assert payment.state == Payment.State.PAID and not payment.needs_review
    assert payment.review_resolution.startswith("Đã hoàn khoản thu trùng")
    assert payment.dossier.events.filter(action="pay").count() == 1


def test_a_payment_not_waiting_for_review_cannot_be_marked_refunded(
    client, world, citizen, counter_officer
):
    dossier = online_dossier(world, citizen)
    dossier_pay(actor=counter_officer, dossier=dossier, receipt_number="BL-7")
    payment = dossier.payments.get()
    client.force_login(counter_officer)
    response = client.post(refund_url(payment), {"note": "không có gì để hoàn"})
    assert response.status_code == 409
    assert str(MSG_REFUND_NOT_ALLOWED) in response.content.decode()
    payment.refresh_from_db()
    assert payment.state == Payment.State.PAID and payment.review_closed_at is None
    with pytest.raises(PaymentError):
        payment_mark_refunded(actor=counter_officer, payment=payment, note="x")


def test_another_agencys_payment_is_out_of_sight(client, world, citizen, other_agency_officer):
    payment = flagged_late(world, citizen)
    assert not payment_list_needing_review(other_agency_officer).exists()
    client.force_login(other_agency_officer)
    assert payment.dossier.code not in client.get(REVIEW).content.decode()
    assert client.post(refund_url(payment), {"note": "UNC 1"}).status_code == 404
    payment.refresh_from_db()
    assert payment.needs_review


def test_citizens_and_anonymous_users_are_kept_out(client, world, citizen):
    payment = flagged_late(world, citizen)
    assert client.get(REVIEW).status_code == 302
    client.force_login(citizen)
    assert client.get(REVIEW).status_code == 403
    assert client.post(refund_url(payment), {"note": "UNC 1"}).status_code == 403
    payment.refresh_from_db()
    assert payment.needs_review


def test_the_review_page_reads_a_fixed_number_of_queries(
    client, world, citizen, counter_officer, django_assert_max_num_queries
):
    flagged_late(world, citizen)
    client.force_login(counter_officer)
    client.get(REVIEW)
    with django_assert_max_num_queries(12) as few:
        client.get(REVIEW)
    for _ in range(3):
        flagged_late(world, citizen)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(REVIEW).status_code == 200


def test_a_long_voucher_is_kept_whole_beside_the_reason(client, world, citizen, counter_officer):
    payment = flagged_late(world, citizen)
    reason = payment.review_note
    voucher = "Ủy nhiệm chi số 000123/2026 ngày 30/11/2026, " + "tài khoản 0123456789 " * 7
    voucher = voucher.strip()[:200]
    client.force_login(counter_officer)
    assert client.post(refund_url(payment), {"note": voucher}).status_code == 302
    payment.refresh_from_db()
    assert payment.review_note == reason
    assert payment.review_resolution.endswith(voucher)


# --- who may record a refund: the agency's money handlers -----------------------------------

ROLES = [
    ("citizen", False),
    ("counter_officer", True),
    ("specialist", False),
    ("leader", True),
    ("other_agency_officer", False),
    ("other_agency_leader", False),
    ("reform_officer", False),
    ("home_affairs_evaluator", False),
    ("admin", False),
]


@pytest.fixture
def other_agency_leader(world):
    return UserFactory(
        username="t.other.leader", role=User.Role.LEADER, agency=world.justice, full_name="Lý Tư"
    )


def persona(request, world, name: str):
    if name == "other_agency_leader":
        return request.getfixturevalue("other_agency_leader")
    return getattr(world, name)


@pytest.mark.parametrize(("name", "allowed"), ROLES)
def test_only_the_receiving_agencys_counter_officer_or_leader_records_a_refund(
    request, world, citizen, name, allowed
):
    payment = flagged_late(world, citizen)
    actor = persona(request, world, name)

    assert can_record_refund(actor, payment) is allowed
    if allowed:
        payment_mark_refunded(actor=actor, payment=payment, note="UNC số 15")
        payment.refresh_from_db()
        assert payment.state == Payment.State.REFUNDED and payment.recorded_by == actor
    else:
        with pytest.raises(PaymentError) as refused:
            payment_mark_refunded(actor=actor, payment=payment, note="UNC số 15")
        assert refused.value.message in (MSG_REFUND_ROLE, MSG_REFUND_NOT_ALLOWED)
        payment.refresh_from_db()
        assert payment.needs_review and payment.state == Payment.State.EXPIRED
        assert payment.review_closed_at is None and payment.recorded_by is None


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("counter_officer", 302),
        ("leader", 302),
        ("specialist", 403),
        ("reform_officer", 403),
        ("home_affairs_evaluator", 403),
        ("admin", 403),
        ("other_agency_officer", 404),
        ("other_agency_leader", 404),
    ],
)
def test_the_refund_form_is_posted_and_shown_only_to_money_handlers(
    client, request, world, citizen, name, status
):
    payment = flagged_late(world, citizen)
    actor = persona(request, world, name)
    if name == "admin":
        sign_in_verified(client, actor)  # administrators pass the second step first
    else:
        client.force_login(actor)

    page = client.get(REVIEW).content.decode()
    response = client.post(refund_url(payment), {"note": "UNC số 15"})

    assert response.status_code == status
    assert (refund_url(payment) in page) is (status == 302)
    if status == 403:
        assert payment.dossier.code in page  # they may see it, not close it
        assert str(MSG_REFUND_ROLE) in response.content.decode()
    payment.refresh_from_db()
    assert payment.needs_review is (status != 302)
