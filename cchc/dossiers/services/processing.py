"""Processing (giải quyết): hand-overs along the route, send back, financial obligations and
fees, approval or rejection, apologies for late dossiers, stopping, and returning results."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop as N_

from cchc.catalog.models import Procedure
from cchc.domain import lifecycle
from cchc.domain.lifecycle import Action, Role, Status
from cchc.domain.workdays import VN_TZ, hours_to_seconds
from cchc.dossiers.models import Apology, Dossier, DossierStep, FeeLine, Payment, Shipment
from cchc.dossiers.notifications import notify_applicant
from cchc.dossiers.services._common import (
    MSG_AMOUNT,
    MSG_NEW_DUE_IN_PAST,
    MSG_NEW_DUE_NOT_OFFICE,
    MSG_NO_NEXT_STEP,
    MSG_POSTAL_DETAILS,
    MSG_REASON_REQUIRED,
    MSG_RESULT_NUMBER,
    MSG_TO_USER,
    OFFICER_ROLES,
    DossierInputError,
    EventDraft,
    bump,
    calendar,
    check,
    close_with_reason,
    count_visit,
    hand_over,
    lock,
    now_or,
    outstanding_fees,
    record,
    unit_path,
)
from cchc.org.models import User

MSG_METHOD = N_("Hình thức thanh toán không hợp lệ.")
MSG_NEW_DUE_TOO_FAR = N_("Ngày hẹn mới quá xa: chậm nhất là {limit}.")
MSG_HANDED_OVER_RANGE = N_("Thời điểm bàn giao phải trong khoảng từ {earliest} đến hiện tại.")
MSG_DELIVERED_RANGE = N_(
    "Thời điểm phát thành công phải sau thời điểm bàn giao và không ở tương lai."
)
# How long before its submission a dossier sent by post may have been handed to the post: an
# envelope travels days; a month is generous and keeps typing errors (year 1) out.
POSTAL_TRANSIT_LIMIT = timedelta(days=30)
MSG_PAYMENT_ROW = N_("Giao dịch thanh toán không còn chờ xử lý hoặc không khớp với hồ sơ.")


def _next_step(dossier: Dossier, step: DossierStep | None) -> DossierStep | None:
    after = step.order if step else 0
    return dossier.steps.filter(order__gt=after).select_related("agency").order_by("order").first()


def _check_recipient(step: DossierStep, to_user: User | None) -> User | None:
    if to_user is None:
        return None
    fits = (
        to_user.is_active
        and to_user.agency_id is not None
        and to_user.agency.path.startswith(unit_path(step.agency))
        and OFFICER_ROLES.get(to_user.role) in (Role(step.role), Role.LEADER)
    )
    if not fits:
        raise DossierInputError(MSG_TO_USER, "to_user")
    return to_user


@transaction.atomic
def dossier_forward(
    *,
    actor: User,
    dossier: Dossier,
    to_user: User | None = None,
    note: str = "",
    now: datetime | None = None,
) -> Dossier:
    """Hand the dossier to the next step of its route (to a named officer, or to the role
    queue of the next step's agency)."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.FORWARD, now)
    target = _next_step(dossier, dossier.current_step)
    if target is None or target.role == Role.COUNTER_OFFICER:
        raise DossierInputError(MSG_NO_NEXT_STEP, "to_user")
    holder = _check_recipient(target, to_user)
    hand_over(
        dossier,
        actor,
        now,
        target=target,
        holder=holder,
        action=Action.FORWARD,
        new_status=rule.target,
        note=note.strip(),
    )
    return dossier


@transaction.atomic
def dossier_send_back(
    *, actor: User, dossier: Dossier, reason: str, now: datetime | None = None
) -> Dossier:
    """Return the dossier to the previous processing step, to whoever finished it."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.SEND_BACK, now)
    if not reason.strip():
        raise DossierInputError(MSG_REASON_REQUIRED, "reason")
    step = dossier.current_step
    previous = (
        dossier.steps.filter(order__lt=step.order, state=DossierStep.State.DONE)
        .exclude(role=Role.COUNTER_OFFICER)
        .select_related("agency", "finished_by")
        .order_by("-order")
        .first()
    )
    holder = previous.finished_by if previous and previous.finished_by_id else None
    hand_over(
        dossier,
        actor,
        now,
        target=previous,
        holder=holder,
        action=Action.SEND_BACK,
        new_status=rule.target,
        note=reason.strip(),
    )
    return dossier


@transaction.atomic
def dossier_request_payment(
    *,
    actor: User,
    dossier: Dossier,
    items: list[tuple[str, int]],
    note: str = "",
    now: datetime | None = None,
) -> Dossier:
    """Ask the applicant to fulfil a financial obligation (nghĩa vụ tài chính); the clock waits."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.REQUEST_PAYMENT, now)
    lines = [(name.strip(), int(amount)) for name, amount in items if name.strip()]
    if not lines or any(amount <= 0 for _, amount in lines):
        raise DossierInputError(MSG_AMOUNT, "items")
    # The first amount a dossier owes makes it one "with a financial obligation", the
    # denominator of the online-payment share (DOMAIN B §5.2).
    first_obligation = not dossier.fee_lines.exists()
    FeeLine.objects.bulk_create(
        FeeLine(dossier=dossier, name=name, amount_vnd=amount, is_financial_obligation=True)
        for name, amount in lines
    )
    from_status = dossier.status
    dossier.status = rule.target
    dossier.clock_paused_at = now
    record(
        dossier,
        actor,
        EventDraft(
            action=Action.REQUEST_PAYMENT,
            from_status=from_status,
            note=note.strip(),
            data={"items": [{"name": n, "amount_vnd": a} for n, a in lines]},
        ),
        now,
    )
    dossier.save()
    bump(dossier, now, fee_bearing=int(first_obligation))
    notify_applicant(dossier, "payment_requested")
    return dossier


def _payment(
    dossier: Dossier,
    actor: User | None,
    amount: int,
    method: str,
    now: datetime,
    payment: Payment | None = None,
    **extra: str,
) -> tuple[Payment, bool]:
    """Record a paid payment; ``True`` when it settles everything owed (counted once).

    With ``payment`` (a pending online payment created by the portal's gateway flow) that row
    is marked paid instead of creating a second one."""
    if method not in Payment.Method.values:
        raise DossierInputError(MSG_METHOD, "method")
    owed = outstanding_fees(dossier)
    if amount <= 0 or amount > owed:
        raise DossierInputError(MSG_AMOUNT, "amount_vnd")
    recorded_by = actor if actor and actor.is_officer else None
    if payment is None:
        payment = Payment.objects.create(
            dossier=dossier,
            method=method,
            amount_vnd=amount,
            state=Payment.State.PAID,
            paid_at=now,
            recorded_by=recorded_by,
            **extra,
        )
    else:
        if (
            payment.dossier_id != dossier.pk
            or payment.state != Payment.State.PENDING
            or payment.amount_vnd != amount
        ):
            raise DossierInputError(MSG_PAYMENT_ROW, "payment")
        payment.method = method
        payment.state = Payment.State.PAID
        payment.paid_at = now
        payment.recorded_by = recorded_by
        for name, value in extra.items():
            if value:
                setattr(payment, name, value)
        payment.save()
    settled = amount == owed
    if settled:
        bump(dossier, now, paid=1, paid_online=int(method == Payment.Method.ONLINE))
    return payment, settled


@transaction.atomic
def dossier_confirm_payment(
    *,
    actor: User,
    dossier: Dossier,
    method: str = Payment.Method.CASH,
    receipt_number: str = "",
    now: datetime | None = None,
) -> Dossier:
    """The financial obligation is paid: the clock resumes, moved by the waiting time."""
    from cchc.dossiers.services.intake import _resume_clock

    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.CONFIRM_PAYMENT, now)
    owed = outstanding_fees(dossier)
    settled = False
    if owed:
        _, settled = _payment(dossier, actor, owed, method, now, receipt_number=receipt_number)
    from_status = dossier.status
    dossier.status = rule.target
    data = _resume_clock(dossier, None, now)
    data.update(settled=settled, method=method)
    record(
        dossier,
        actor,
        EventDraft(action=Action.CONFIRM_PAYMENT, from_status=from_status, data=data),
        now,
    )
    dossier.save()
    return dossier


@transaction.atomic
def dossier_pay(
    *,
    actor: User,
    dossier: Dossier,
    amount_vnd: int | None = None,
    method: str = Payment.Method.CASH,
    receipt_number: str = "",
    provider: str = "",
    provider_ref: str = "",
    payment: Payment | None = None,
    now: datetime | None = None,
) -> Payment:
    """Record a payment of the dossier's fees (at the counter, or confirmed by a gateway).

    ``payment``: the pending online payment a gateway has confirmed (cchc.portal.payments);
    it is marked paid rather than a second row created."""
    now = now_or(now)
    dossier = lock(dossier)
    check(dossier, actor, Action.PAY, now)
    amount = outstanding_fees(dossier) if amount_vnd is None else int(amount_vnd)
    payment, settled = _payment(
        dossier,
        actor,
        amount,
        method,
        now,
        payment,
        receipt_number=receipt_number,
        provider=provider,
        provider_ref=provider_ref,
    )
    record(
        dossier,
        actor,
        EventDraft(
            action=Action.PAY,
            from_status=dossier.status,
            data={
                "amount_vnd": amount,
                "method": method,
                "payment": str(payment.public_id),
                "settled": settled,
            },
        ),
        now,
    )
    dossier.save()
    if method == Payment.Method.ONLINE:
        notify_applicant(dossier, "payment_confirmed")
    return payment


def _finish(dossier: Dossier, now: datetime) -> str:
    """Fix timeliness against the legal due moment (DOMAIN A3)."""
    result = lifecycle.timeliness(now, dossier.legal_due_at or now, calendar().tz)
    dossier.timeliness = result
    dossier.finished_at = now
    return {
        lifecycle.Timeliness.EARLY: "finished_early",
        lifecycle.Timeliness.ON_TIME: "finished_on_time",
        lifecycle.Timeliness.LATE: "finished_late",
    }[result]


def _return_step(dossier: Dossier, step: DossierStep | None) -> DossierStep | None:
    target = _next_step(dossier, step)
    return target if target is not None and target.role == Role.COUNTER_OFFICER else None


@transaction.atomic
def dossier_approve(
    *,
    actor: User,
    dossier: Dossier,
    result_number: str,
    note: str = "",
    signer: str = "",
    result_file: object | None = None,
    now: datetime | None = None,
) -> Dossier:
    """Approve and issue the result: result ready, timeliness fixed."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.APPROVE, now)
    if not result_number.strip():
        raise DossierInputError(MSG_RESULT_NUMBER, "result_number")
    dossier.outcome = Dossier.Outcome.APPROVED
    dossier.result_number = result_number.strip()[:60]
    dossier.result_signer = (signer or actor.get_full_name()).strip()[:150]
    if result_file is not None:
        dossier.result_file = getattr(result_file, "name", "")
    counter = _finish(dossier, now)
    hand_over(
        dossier,
        actor,
        now,
        target=_return_step(dossier, dossier.current_step),
        holder=None,
        action=Action.APPROVE,
        new_status=rule.target,
        note=note.strip(),
        data={"result_number": dossier.result_number, "timeliness": dossier.timeliness},
    )
    bump(dossier, now, **{counter: 1})
    notify_applicant(dossier, "result_ready")
    return dossier


@transaction.atomic
def dossier_reject(
    *, actor: User, dossier: Dossier, reason: str, now: datetime | None = None
) -> Dossier:
    """Refuse the request with reasons: the written refusal is the result to return."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.REJECT, now)
    if not reason.strip():
        raise DossierInputError(MSG_REASON_REQUIRED, "reason")
    dossier.outcome = Dossier.Outcome.REJECTED
    dossier.closing_reason = reason.strip()
    dossier.result_signer = actor.get_full_name()[:150]
    counter = _finish(dossier, now)
    hand_over(
        dossier,
        actor,
        now,
        target=_return_step(dossier, dossier.current_step),
        holder=None,
        action=Action.REJECT,
        new_status=rule.target,
        note=reason.strip(),
        data={"timeliness": dossier.timeliness},
    )
    bump(dossier, now, rejected=1, **{counter: 1})
    notify_applicant(dossier, "result_ready")
    return dossier


def _moment_text(moment: datetime) -> str:
    """``28/03/2025 17:00``: how the forms ask for a moment, so it can be typed back."""
    return f"{moment.astimezone(VN_TZ):%d/%m/%Y %H:%M}"


def _legal_seconds(dossier: Dossier) -> int:
    """The procedure version's legal processing time, in working seconds."""
    snapshot = dossier.procedure_version.snapshot
    amount = Decimal(snapshot["processing_time"])
    if snapshot["processing_unit"] == Procedure.TimeUnit.WORKING_HOURS:
        return hours_to_seconds(amount)
    return calendar().days_to_seconds(amount)


def apology_horizon(dossier: Dossier, now: datetime) -> datetime:
    """The latest new appointment an apology may give (docs/deployment.md).

    The procedure's legal time once more (times ``CCHC_APOLOGY_HORIZON_FACTOR``, at least
    ``CCHC_APOLOGY_HORIZON_MIN_DAYS`` working days), in working time after the current
    appointment — or after now, for a dossier already past it. An apology asks for an
    extension (Circular 03/2025 "đề nghị gia hạn"), not an open end: a typed 31/12/9999 is a
    mistake, and a due moment that far once took every worklist down."""
    cal = calendar()
    factor = Decimal(str(settings.CCHC_APOLOGY_HORIZON_FACTOR))
    seconds = max(
        int(_legal_seconds(dossier) * factor),
        cal.days_to_seconds(settings.CCHC_APOLOGY_HORIZON_MIN_DAYS),
    )
    base = max(now, dossier.due_at) if dossier.due_at else now
    return cal.postpone(base, seconds)


@transaction.atomic
def dossier_apologize(
    *,
    actor: User,
    dossier: Dossier,
    reason: str,
    new_due_at: datetime,
    now: datetime | None = None,
) -> Apology:
    """Apology and new appointment (Mẫu 04) by the agency holding the dossier. Moves the
    appointment; timeliness stays measured against the original legal due moment."""
    now = now_or(now)
    dossier = lock(dossier)
    check(dossier, actor, Action.APOLOGIZE, now)
    if not reason.strip():
        raise DossierInputError(MSG_REASON_REQUIRED, "reason")
    cal = calendar()
    if new_due_at <= now or (dossier.due_at and new_due_at <= dossier.due_at):
        raise DossierInputError(MSG_NEW_DUE_IN_PAST, "new_due_at")
    latest = apology_horizon(dossier, now)
    if new_due_at > latest:
        raise DossierInputError(
            MSG_NEW_DUE_TOO_FAR, "new_due_at", params={"limit": _moment_text(latest)}
        )
    if not (cal.is_office_moment(new_due_at) or cal.is_closing_moment(new_due_at)):
        raise DossierInputError(MSG_NEW_DUE_NOT_OFFICE, "new_due_at")
    step = dossier.current_step
    agency = step.agency if step is not None else dossier.receiving_agency
    timely = dossier.due_at is None or now <= dossier.due_at
    apology = Apology.objects.create(
        dossier=dossier,
        reason=reason.strip(),
        old_due_at=dossier.due_at or now,
        new_due_at=new_due_at,
        issued_at=now,
        issued_by=actor,
        agency=agency,
        timely=timely,
    )
    dossier.due_at = new_due_at
    dossier.apology_count += 1
    record(
        dossier,
        actor,
        EventDraft(
            action=Action.APOLOGIZE,
            from_status=dossier.status,
            note=reason.strip(),
            from_step=step,
            to_step=step,
            data={
                "old_due_at": apology.old_due_at.isoformat(),
                "new_due_at": new_due_at.isoformat(),
                "timely": timely,
            },
        ),
        now,
    )
    dossier.save()
    bump(dossier, now, apologies=1, apologies_timely=int(timely))
    notify_applicant(dossier, "apology", apology=apology)
    return apology


@transaction.atomic
def dossier_stop(
    *, actor: User, dossier: Dossier, reason: str, now: datetime | None = None
) -> Dossier:
    """Stop resolving the dossier (dừng giải quyết), with notice to the applicant."""
    now = now_or(now)
    dossier = lock(dossier)
    close_with_reason(dossier, actor, now, Action.STOP, reason)
    bump(dossier, now, stopped=1)
    notify_applicant(dossier, "stopped")
    return dossier


def _earliest_hand_over(dossier: Dossier, direction: str, now: datetime) -> datetime:
    """A result goes out by post only after the dossier was received; a dossier comes in by
    post at most ``POSTAL_TRANSIT_LIMIT`` before it was submitted or registered."""
    if direction == Shipment.Direction.OUTBOUND and dossier.received_at is not None:
        return dossier.received_at
    start = dossier.submitted_at or dossier.received_at or now
    return start - POSTAL_TRANSIT_LIMIT


@transaction.atomic
def dossier_record_shipment(
    *,
    actor: User,
    dossier: Dossier,
    direction: str,
    carrier: str,
    tracking_number: str,
    handed_over_at: datetime | None = None,
    delivered_at: datetime | None = None,
    now: datetime | None = None,
) -> Shipment:
    """Record a hand-over with the public postal service (Decision 45/2016/QĐ-TTg): a dossier
    that arrived by post (inbound), or a delivery confirmation for a result sent out."""
    now = now_or(now)
    dossier = lock(dossier)
    check(dossier, actor, Action.RECORD_SHIPMENT, now)
    if direction not in Shipment.Direction.values:
        raise DossierInputError(N_("Chiều bàn giao không hợp lệ."), "direction")
    if not carrier.strip() or not tracking_number.strip():
        raise DossierInputError(MSG_POSTAL_DETAILS, "tracking_number")
    handed_over_at = handed_over_at or now
    earliest = _earliest_hand_over(dossier, direction, now)
    if not earliest <= handed_over_at <= now:
        raise DossierInputError(
            MSG_HANDED_OVER_RANGE, "handed_over_at", params={"earliest": _moment_text(earliest)}
        )
    if delivered_at is not None and not handed_over_at <= delivered_at <= now:
        raise DossierInputError(MSG_DELIVERED_RANGE, "delivered_at")
    shipment = Shipment.objects.create(
        dossier=dossier,
        direction=direction,
        carrier=carrier.strip(),
        tracking_number=tracking_number.strip(),
        address=dossier.delivery_address or dossier.applicant_address,
        handed_over_at=handed_over_at,
        delivered_at=delivered_at,
        recorded_by=actor,
    )
    record(
        dossier,
        actor,
        EventDraft(
            action=Action.RECORD_SHIPMENT,
            from_status=dossier.status,
            data={
                "direction": direction,
                "carrier": shipment.carrier,
                "tracking_number": shipment.tracking_number,
                "handed_over_at": handed_over_at.isoformat(),
            },
        ),
        now,
    )
    dossier.save()
    return shipment


MSG_POSTAL_RETURN_NOT_OFFERED = N_("Thủ tục này không trả kết quả qua bưu chính công ích.")
MSG_ELECTRONIC_NOT_OFFERED = N_("Chỉ thủ tục trực tuyến toàn trình mới trả kết quả điện tử.")
MSG_ADDRESS_REQUIRED = N_("Cần địa chỉ nhận kết quả qua bưu chính.")
# An electronic result is delivered to the applicant's account on the portal: without one, or
# without the signed file, "returned electronically" would reach nobody.
MSG_ELECTRONIC_NO_ACCOUNT = N_(
    "Người nộp không có tài khoản dịch vụ công để nhận kết quả điện tử: chọn trả trực tiếp "
    "hoặc qua bưu chính."
)
MSG_ELECTRONIC_NO_FILE = N_(
    "Chưa có tệp kết quả đã ký (PDF) để trả điện tử: chọn trả trực tiếp hoặc qua bưu chính."
)


def check_electronic_return(dossier: Dossier) -> None:
    """An electronic return needs somewhere to deliver it — the applicant's portal account —
    and, for a result issued, its signed file (``DossierInputError`` otherwise)."""
    if dossier.applicant_user_id is None:
        raise DossierInputError(MSG_ELECTRONIC_NO_ACCOUNT, "method")
    if dossier.outcome == Dossier.Outcome.APPROVED and not dossier.result_file:
        raise DossierInputError(MSG_ELECTRONIC_NO_FILE, "method")


@transaction.atomic
def dossier_change_return_method(
    *,
    actor: User,
    dossier: Dossier,
    method: str,
    delivery_address: str = "",
    now: datetime | None = None,
) -> Dossier:
    """Change how the result will be returned (in person, by post with the delivery address,
    or electronically), as the procedure version allows (Decision 45/2016/QĐ-TTg; Decree
    42/2022/NĐ-CP for electronic results of full-process services)."""
    now = now_or(now)
    dossier = lock(dossier)
    check(dossier, actor, Action.CHANGE_RETURN_METHOD, now)
    snapshot = dossier.procedure_version.snapshot
    address = delivery_address.strip()
    if method not in Dossier.ReturnMethod.values:
        raise DossierInputError(N_("Hình thức trả kết quả không hợp lệ."), "method")
    if method == Dossier.ReturnMethod.POSTAL:
        if not snapshot.get("postal_return"):
            raise DossierInputError(MSG_POSTAL_RETURN_NOT_OFFERED, "method")
        if not address:
            raise DossierInputError(MSG_ADDRESS_REQUIRED, "delivery_address")
    if method == Dossier.ReturnMethod.ELECTRONIC:
        if snapshot.get("online_mode") != "full":
            raise DossierInputError(MSG_ELECTRONIC_NOT_OFFERED, "method")
        if dossier.applicant_user_id is None:
            raise DossierInputError(MSG_ELECTRONIC_NO_ACCOUNT, "method")
    before = {"method": dossier.return_method, "delivery_address": dossier.delivery_address}
    dossier.return_method = method
    dossier.delivery_address = address[:255] if method == Dossier.ReturnMethod.POSTAL else ""
    record(
        dossier,
        actor,
        EventDraft(
            action=Action.CHANGE_RETURN_METHOD,
            from_status=dossier.status,
            data={
                "from": before,
                "to": {"method": method, "delivery_address": dossier.delivery_address},
            },
        ),
        now,
    )
    dossier.save()
    return dossier


@transaction.atomic
def dossier_return(
    *,
    actor: User,
    dossier: Dossier,
    method: str,
    carrier: str = "",
    tracking_number: str = "",
    note: str = "",
    now: datetime | None = None,
) -> Dossier:
    """Return the result in person, by post (shipment record) or electronically."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.RETURN_RESULT, now)
    if method not in Dossier.ReturnMethod.values:
        raise DossierInputError(N_("Hình thức trả kết quả không hợp lệ."), "method")
    data: dict = {"method": method}
    if method == Dossier.ReturnMethod.ELECTRONIC:
        check_electronic_return(dossier)
    if method == Dossier.ReturnMethod.POSTAL:
        if not carrier.strip() or not tracking_number.strip():
            raise DossierInputError(MSG_POSTAL_DETAILS, "tracking_number")
        Shipment.objects.create(
            dossier=dossier,
            direction=Shipment.Direction.OUTBOUND,
            carrier=carrier.strip(),
            tracking_number=tracking_number.strip(),
            address=dossier.delivery_address or dossier.applicant_address,
            handed_over_at=now,
            recorded_by=actor,
        )
        data.update(carrier=carrier.strip(), tracking_number=tracking_number.strip())
    dossier.return_method = method
    dossier.returned_at = now
    if method == Dossier.ReturnMethod.IN_PERSON:
        data.update(count_visit(dossier, now))
    hand_over(
        dossier,
        actor,
        now,
        target=None,
        holder=None,
        action=Action.RETURN_RESULT,
        new_status=rule.target,
        note=note.strip(),
        data=data,
    )
    electronic = int(method == Dossier.ReturnMethod.ELECTRONIC)
    bump(dossier, now, returned=1, returned_electronic=electronic)
    notify_applicant(dossier, "returned")
    return dossier


__all__ = [
    "Status",
    "dossier_apologize",
    "dossier_approve",
    "dossier_change_return_method",
    "dossier_confirm_payment",
    "dossier_forward",
    "dossier_pay",
    "dossier_record_shipment",
    "dossier_reject",
    "dossier_request_payment",
    "dossier_return",
    "dossier_send_back",
    "dossier_stop",
]
