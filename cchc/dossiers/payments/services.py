"""Online payments: start one, act on the gateway's signed result, expire, refund.

A payment (``cchc.dossiers.models.Payment``) moves pending → paid | failed | expired, and a
payment whose money was taken but could not be applied moves on to refunded once an officer
has given it back. Only ``payment_handle_callback`` — behind the callback endpoint, after the
signature check — marks a payment paid, and it does so through the one-stop service
``dossier_pay`` (passing the pending row, so that no second row is created), which writes the
dossier's one ``pay`` event, the counters (``paid``, ``paid_online``) and the notification.

Nothing here is lost or applied twice:

* a replayed result for a paid payment changes nothing but the callback counter;
* a result with a bad signature changes nothing at all (not even a counter: anyone can send
  one);
* a result whose amount differs from the payment's is not applied: the payment stays as it
  was, flagged for reconciliation (``needs_review``) with the gateway's message kept;
* a success reported after the payment expired (or failed) is **refused and kept for
  reconciliation**, not applied. See ``payment_handle_callback`` for why.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop as N_

from cchc.domain.lifecycle import Action, TransitionError
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Dossier, Payment
from cchc.dossiers.payments.gateway import CallbackResult, GatewayStatus, get_gateway
from cchc.dossiers.services import DossierInputError, dossier_pay
from cchc.dossiers.services._common import check, lock, outstanding_fees
from cchc.org.models import User
from cchc.org.selectors import agencies_visible_to

logger = logging.getLogger("cchc.payments")

MSG_NOT_APPLICANT = N_("Chỉ người nộp hồ sơ mới thanh toán trực tuyến được cho hồ sơ này.")
MSG_NOTHING_OWED = N_("Hồ sơ không còn khoản phí, lệ phí nào phải nộp.")
MSG_SUPERSEDED = N_("Số tiền phải nộp đã thay đổi; giao dịch này được thay bằng giao dịch mới.")
MSG_GATEWAY_FAILED = N_("Cổng thanh toán báo giao dịch không thành công.")
MSG_GATEWAY_CANCELLED = N_("Người nộp đã hủy giao dịch tại cổng thanh toán.")
MSG_REVIEW_AMOUNT = N_(
    "Cổng thanh toán báo đã thu %(reported)s đồng, khác số tiền của giao dịch "
    "(%(expected)s đồng): chưa ghi nhận, cần đối soát."
)
MSG_REVIEW_LATE = N_(
    "Cổng thanh toán báo đã thu tiền (mã %(ref)s) sau khi giao dịch đã %(state)s: "
    "chưa ghi nhận vào hồ sơ, cần đối soát và hoàn tiền."
)
MSG_REVIEW_NOT_APPLIED = N_(
    "Cổng thanh toán báo đã thu tiền (mã %(ref)s) nhưng không ghi nhận được vào hồ sơ "
    "(%(reason)s): cần đối soát và hoàn tiền."
)
MSG_REVIEW_SECOND_CHARGE = N_(
    "Cổng thanh toán báo thêm một giao dịch thành công (mã %(ref)s) cho khoản đã thanh toán: "
    "cần đối soát và hoàn tiền."
)
MSG_REFUND_NOT_ALLOWED = N_(
    "Giao dịch này không (hoặc không còn) chờ đối soát: không có khoản nào cần ghi nhận hoàn tiền."
)
MSG_REFUND_NOTE = N_("Cần ghi rõ chứng từ hoàn tiền.")
MSG_REFUND_ROLE = N_(
    "Chỉ cán bộ một cửa hoặc lãnh đạo của cơ quan tiếp nhận hồ sơ mới được ghi nhận hoàn tiền."
)

STATE_WORDS = {Payment.State.EXPIRED: "hết hạn", Payment.State.FAILED: "không thành công"}
RECEIPT_PREFIX = "BL-{day:%Y%m%d}-"
RECEIPT_ATTEMPTS = 5


class PaymentError(Exception):
    """A payment cannot be started or changed now; ``message`` is for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Outcome(StrEnum):
    """What ``payment_handle_callback`` did. The first four are answered 200 "OK" (the
    gateway need not send again); the others 400."""

    PAID = "paid"
    ALREADY_PAID = "already_paid"
    FAILED = "failed"
    IGNORED = "ignored"
    BAD_SIGNATURE = "bad_signature"
    MALFORMED = "malformed"
    UNKNOWN_PAYMENT = "unknown_payment"
    AMOUNT_MISMATCH = "amount_mismatch"
    LATE = "late"
    NOT_APPLIED = "not_applied"

    @property
    def accepted(self) -> bool:
        return self in ACCEPTED


ACCEPTED = frozenset({Outcome.PAID, Outcome.ALREADY_PAID, Outcome.FAILED, Outcome.IGNORED})


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _stale(payment: Payment, now: datetime) -> bool:
    return (
        payment.state == Payment.State.PENDING
        and payment.expires_at is not None
        and payment.expires_at <= now
    )


def _expire_queryset(queryset: QuerySet[Payment], now: datetime) -> int:
    # One conditional UPDATE: a callback holding the row (and making it paid) makes the
    # database re-check ``state`` after the lock is released, so a payment is never both.
    return queryset.filter(state=Payment.State.PENDING, expires_at__lte=now).update(
        state=Payment.State.EXPIRED
    )


def _flag(payment: Payment, note: str) -> None:
    payment.needs_review = True
    payment.review_note = note[:255]


# --- Start ---------------------------------------------------------------------------------


@transaction.atomic
def payment_start(*, actor: User, dossier: Dossier, now: datetime | None = None) -> Payment:
    """A pending online payment of everything the dossier still owes, for its applicant.

    Reuses the dossier's pending payment when it is still valid and for the same amount (a
    citizen who presses the button twice pays once); a pending payment past its expiry is
    expired, one for another amount is closed as failed (the fees changed meanwhile).
    ``PaymentError`` when the actor is not the applicant or nothing is owed;
    ``TransitionError`` when the dossier's state does not allow paying now."""
    now = _now(now)
    dossier = lock(dossier)
    if not dossier.applicant_user_id or dossier.applicant_user_id != actor.pk:
        raise PaymentError(MSG_NOT_APPLICANT)
    check(dossier, actor, Action.PAY, now)
    owed = outstanding_fees(dossier)
    if owed <= 0:
        raise PaymentError(MSG_NOTHING_OWED)
    gateway = get_gateway()
    reusable = None
    pending = dossier.payments.select_for_update().filter(
        state=Payment.State.PENDING, method=Payment.Method.ONLINE
    )
    for payment in pending.order_by("-created_at"):
        if _stale(payment, now):
            payment.state = Payment.State.EXPIRED
        elif reusable is None and payment.amount_vnd == owed and payment.provider == gateway.name:
            reusable = payment
            continue
        else:
            payment.state = Payment.State.FAILED
            payment.failed_reason = MSG_SUPERSEDED
        payment.save(update_fields=["state", "failed_reason"])
    if reusable is not None:
        return reusable
    return Payment.objects.create(
        dossier=dossier,
        method=Payment.Method.ONLINE,
        amount_vnd=owed,
        state=Payment.State.PENDING,
        provider=gateway.name,
        expires_at=now + timedelta(minutes=settings.CCHC_PAYMENT_EXPIRE_MINUTES),
    )


# --- The gateway's result ------------------------------------------------------------------


def payment_handle_callback(*, params: Mapping[str, str], now: datetime | None = None) -> Outcome:
    """Act on a gateway's signed result (the callback endpoint's one service).

    Idempotent: the payment and dossier rows are locked, and a result for a payment that is no
    longer pending never changes its state again — a replay only bumps ``callback_count``.

    **A success reported after expiry is refused and kept for reconciliation.** The gateway
    was given the expiry moment with the payment and must not take money after it; a
    success that arrives anyway is an anomaly. Applying it automatically could charge the
    citizen twice (after the expiry they may well have paid again through a new payment) or
    settle fees that have since changed, and the issue's state chart has no expired → paid
    edge. So the payment stays ``expired``, the gateway's reference, amount and message are
    kept (``provider_ref``, ``raw_last_callback``), ``needs_review`` is set with a note
    saying the money must be reconciled and refunded, a warning is logged, and the gateway is
    answered 400. Nothing is silently dropped: officers find it with
    ``payment_list_needing_review`` and close it with ``payment_mark_refunded``; the citizen
    sees the explanation on the result page and can pay again. The same holds for a success
    that cannot be applied to the dossier any more (withdrawn meanwhile, paid at the counter
    meanwhile): the payment is closed as failed and flagged the same way."""
    now = _now(now)
    gateway = get_gateway()
    result = gateway.verify_callback(params)
    if not result.valid:
        logger.warning("Payment callback with a bad signature ignored: %s", _printable(params))
        return Outcome.BAD_SIGNATURE
    if not result.complete:
        logger.warning("Payment callback with missing fields ignored: %s", _printable(params))
        return Outcome.MALFORMED
    payment = (
        Payment.objects.filter(
            public_id=result.payment_id, provider=gateway.name, method=Payment.Method.ONLINE
        )
        .select_related("dossier")
        .first()
    )
    if payment is None:
        logger.warning("Payment callback for an unknown payment: %s", result.payment_id)
        return Outcome.UNKNOWN_PAYMENT
    return _apply(payment, result, _printable(params), gateway.name, now)


@transaction.atomic
def _apply(
    payment: Payment, result: CallbackResult, raw: dict, provider: str, now: datetime
) -> Outcome:
    # Lock order as in dossier_pay: the dossier first, then the payment.
    dossier = lock(payment.dossier)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if result.status == GatewayStatus.PENDING:
        return _noted(payment, raw, now, Outcome.IGNORED)
    if result.status != GatewayStatus.PAID:
        outcome = Outcome.IGNORED
        if payment.state == Payment.State.PENDING:
            payment.state = Payment.State.FAILED
            payment.failed_reason = (
                MSG_GATEWAY_CANCELLED
                if result.status == GatewayStatus.CANCELLED
                else MSG_GATEWAY_FAILED
            )
            outcome = Outcome.FAILED
        return _noted(payment, raw, now, outcome)
    if payment.state == Payment.State.PAID:
        if result.provider_ref != payment.provider_ref:
            logger.warning("Second success for paid payment %s", payment.public_id)
            _flag(payment, MSG_REVIEW_SECOND_CHARGE % {"ref": result.provider_ref})
        return _noted(payment, raw, now, Outcome.ALREADY_PAID)
    if result.amount_vnd != payment.amount_vnd:
        logger.warning(
            "Payment %s: gateway reports %s, expected %s",
            payment.public_id,
            result.amount_vnd,
            payment.amount_vnd,
        )
        _flag(
            payment,
            MSG_REVIEW_AMOUNT
            % {"reported": _figures(result.amount_vnd), "expected": _figures(payment.amount_vnd)},
        )
        return _noted(payment, raw, now, Outcome.AMOUNT_MISMATCH)
    if _stale(payment, now):
        payment.state = Payment.State.EXPIRED
    if payment.state != Payment.State.PENDING:
        logger.warning("Late success for %s payment %s", payment.state, payment.public_id)
        _keep_reference(payment, result.provider_ref)
        state = STATE_WORDS.get(payment.state, payment.get_state_display())
        _flag(payment, MSG_REVIEW_LATE % {"ref": result.provider_ref, "state": state})
        return _noted(payment, raw, now, Outcome.LATE)
    return _settle(dossier, payment, result, raw, provider, now)


def _settle(
    dossier: Dossier,
    payment: Payment,
    result: CallbackResult,
    raw: dict,
    provider: str,
    now: datetime,
) -> Outcome:
    """Mark the pending payment paid through ``dossier_pay`` (one ``pay`` event)."""
    for attempt in range(RECEIPT_ATTEMPTS):
        _note(payment, raw, now)
        try:
            with transaction.atomic():
                dossier_pay(
                    actor=dossier.applicant_user,
                    dossier=dossier,
                    amount_vnd=payment.amount_vnd,
                    method=Payment.Method.ONLINE,
                    provider=provider,
                    provider_ref=result.provider_ref,
                    receipt_number=next_receipt_number(now),
                    payment=payment,
                    now=now,
                )
            return Outcome.PAID
        except (TransitionError, DossierInputError) as exc:
            payment.refresh_from_db()
            logger.warning("Payment %s not applied: %s", payment.public_id, exc.message)
            payment.state = Payment.State.FAILED
            payment.failed_reason = exc.message[:255]
            _keep_reference(payment, result.provider_ref)
            _flag(
                payment,
                MSG_REVIEW_NOT_APPLIED % {"ref": result.provider_ref, "reason": exc.message},
            )
            return _noted(payment, raw, now, Outcome.NOT_APPLIED)
        except IntegrityError:
            # Another payment took the same receipt number (or gateway reference) in a
            # concurrent transaction: read again and take the next number.
            payment.refresh_from_db()
            if attempt == RECEIPT_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _note(payment: Payment, raw: dict, now: datetime) -> None:
    payment.callback_count += 1
    payment.last_callback_at = now
    payment.raw_last_callback = raw


def _noted(payment: Payment, raw: dict, now: datetime, outcome: Outcome) -> Outcome:
    _note(payment, raw, now)
    payment.save()
    return outcome


def _keep_reference(payment: Payment, reference: str) -> None:
    """Keep the gateway's reference on a payment not applied, unless another payment holds it
    already (then it stays in ``raw_last_callback``)."""
    taken = (
        Payment.objects.filter(provider=payment.provider, provider_ref=reference)
        .exclude(pk=payment.pk)
        .exists()
    )
    if reference and not payment.provider_ref and not taken:
        payment.provider_ref = reference


def _printable(params: Mapping[str, object]) -> dict:
    """The message as a small JSON-safe dict (kept as evidence, written to logs)."""
    return {str(k)[:40]: str(v)[:300] for k, v in list(params.items())[:30]}


def _figures(amount: int | None) -> str:
    return f"{amount or 0:,}".replace(",", ".")


def next_receipt_number(now: datetime) -> str:
    """``BL-<yyyymmdd>-<6 digits>``: the day's next electronic receipt number (local day).
    Unique by a database constraint; a concurrent collision is retried by the caller."""
    prefix = RECEIPT_PREFIX.format(day=now.astimezone(VN_TZ).date())
    # A range on the partial unique index (provider and number set): one index probe.
    last = (
        Payment.objects.filter(receipt_number__gte=prefix, receipt_number__lte=f"{prefix}999999")
        .exclude(provider="")
        .exclude(receipt_number="")
        .order_by("-receipt_number")
        .values_list("receipt_number", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:06d}"


# --- Expiry --------------------------------------------------------------------------------


def payment_expire_stale(*, now: datetime | None = None) -> int:
    """Expire every pending payment past its expiry (the ``payments_expire`` job); returns
    how many. Idempotent; changes no dossier."""
    expired = _expire_queryset(Payment.objects.all(), _now(now))
    if expired:
        logger.info("Expired %s pending online payments", expired)
    return expired


def payment_refresh(*, payment: Payment, now: datetime | None = None) -> Payment:
    """The payment as it stands, expired first if it is pending past its expiry (checked
    when the citizen comes back, so that the page never shows a dead payment as pending)."""
    if _stale(payment, _now(now)):
        _expire_queryset(Payment.objects.filter(pk=payment.pk), _now(now))
    payment.refresh_from_db()
    return payment


# --- Refund --------------------------------------------------------------------------------


# Money is handled by the one-stop counter and answered for by the agency's leader; the
# officers who appraise dossiers, the reform and home-affairs staff and the administrators see
# the reconciliation but do not close it.
MONEY_ROLES = frozenset({User.Role.COUNTER_OFFICER, User.Role.LEADER})


class PaymentForbidden(PaymentError):
    """The actor may see the payment but not change it (a 403, not a 409)."""


def refund_agency_ids(user: User) -> frozenset[int]:
    """The agencies whose payments ``user`` may record refunds for: for a counter officer or
    leader, their unit (its subtree, the units merged into it); for anyone else, none."""
    if not getattr(user, "is_authenticated", False) or user.role not in MONEY_ROLES:
        return frozenset()
    return frozenset(agencies_visible_to(user).values_list("pk", flat=True))


def can_record_refund(
    user: User, payment: Payment, *, agency_ids: frozenset[int] | None = None
) -> bool:
    """May ``user`` record the refund of ``payment`` (close its reconciliation)? A counter
    officer or leader of the agency that received the dossier — and so the money. A page
    listing many payments passes ``agency_ids`` (``refund_agency_ids``) read once."""
    allowed = refund_agency_ids(user) if agency_ids is None else agency_ids
    return payment.dossier.receiving_agency_id in allowed


@transaction.atomic
def payment_mark_refunded(
    *, actor: User, payment: Payment, note: str, now: datetime | None = None
) -> Payment:
    """An officer records that money the gateway took but the dossier never received (a
    late or mismatched success, money for fees already paid at the counter) has been given
    back: the payment becomes *refunded*. For a paid payment charged a second time, the
    extra charge is what was given back: the payment stays paid. Either way the flag is
    closed with the time and a resolution naming the refund voucher; the reason it was
    flagged (``review_note``) stays as it was. Changes no dossier. Only a counter officer or
    leader of the receiving agency may (``can_record_refund``); anyone else gets
    ``PaymentForbidden``."""
    payment = Payment.objects.select_for_update().select_related("dossier").get(pk=payment.pk)
    if not can_record_refund(actor, payment):
        raise PaymentForbidden(MSG_REFUND_ROLE)
    if not payment.needs_review:
        raise PaymentError(MSG_REFUND_NOT_ALLOWED)
    if not note.strip():
        raise PaymentError(MSG_REFUND_NOTE)
    now = _now(now)
    stamp = f"{now.astimezone(VN_TZ):%d/%m/%Y %H:%M}"
    if payment.state == Payment.State.PAID:
        done = f"Đã hoàn khoản thu trùng {stamp}"
    else:
        payment.state = Payment.State.REFUNDED
        done = f"Đã hoàn tiền {stamp}"
    payment.needs_review = False
    payment.review_closed_at = now
    payment.review_resolution = f"{done}: {note.strip()}"[:300]
    payment.recorded_by = actor
    payment.save(
        update_fields=[
            "state",
            "needs_review",
            "review_resolution",
            "review_closed_at",
            "recorded_by",
        ]
    )
    return payment
