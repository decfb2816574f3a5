"""What every dossier service shares: locking, asking the state table, writing the one event,
the clocks, the counters and the notifications.

Every public service follows the same shape (ARCHITECTURE "One door per state change"):
``transaction.atomic`` → ``_lock`` (SELECT … FOR UPDATE) → ``_check`` against
``cchc.domain.lifecycle`` → change the row → ``_record`` one event → counters → notify on commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_noop as N_

from cchc.core.calendar import current_calendar
from cchc.domain import lifecycle
from cchc.domain.lifecycle import Action, Role, Situation, TransitionError
from cchc.domain.workdays import VN_TZ, WorkCalendar
from cchc.dossiers.counters import HOLDER_KEY, over_budget, stats_bump, steps_bump
from cchc.dossiers.handovers import step_result
from cchc.dossiers.models import Dossier, DossierEvent, DossierStep
from cchc.org.models import Agency, User
from cchc.org.selectors import agency_scope_root

# Vietnamese, marked for the catalogue only: services raise them as they are (the API answers
# in Vietnamese) and pages translate them when they show them (cchc.dossiers.messages).
MSG_NO_DOSSIER_ROLE = N_("Tài khoản này không có vai trò xử lý hồ sơ.")
MSG_REASON_REQUIRED = N_("Cần ghi rõ lý do.")
MSG_ITEMS_REQUIRED = N_("Cần liệt kê đầy đủ các nội dung phải bổ sung (một lần).")
# The printed request (Mẫu 02) lists every item: a bound keeps it a document, not a book.
MAX_SUPPLEMENT_ITEMS = 100
MAX_SUPPLEMENT_ITEM_LENGTH = 500
MSG_TOO_MANY_ITEMS = N_(
    "Yêu cầu bổ sung liệt kê tối đa {count} nội dung, mỗi nội dung tối đa {length} ký tự."
)
MSG_SECOND_INTAKE_SUPPLEMENT = N_(
    "Đây là lần yêu cầu bổ sung thứ hai ở khâu tiếp nhận: phải ghi rõ lý do bằng văn bản."
)
MSG_NEW_DUE_IN_PAST = N_("Ngày hẹn mới phải sau thời điểm hiện tại và sau ngày hẹn cũ.")
MSG_NEW_DUE_NOT_OFFICE = N_("Ngày hẹn mới phải rơi vào giờ làm việc của ngày làm việc.")
MSG_TO_USER = N_("Người nhận không thuộc cơ quan, vai trò của bước tiếp theo.")
MSG_NO_NEXT_STEP = N_("Không còn bước xử lý tiếp theo.")
MSG_RESULT_NUMBER = N_("Cần số văn bản kết quả.")
MSG_POSTAL_DETAILS = N_("Trả qua bưu chính cần đơn vị bưu chính và mã bưu gửi.")
MSG_AMOUNT = N_("Số tiền phải lớn hơn 0 và không vượt quá số còn phải nộp.")

OFFICER_ROLES = {
    User.Role.COUNTER_OFFICER: Role.COUNTER_OFFICER,
    User.Role.SPECIALIST: Role.SPECIALIST,
    User.Role.LEADER: Role.LEADER,
}


class DossierInputError(ValueError):
    """Input that breaks a rule of the action (a 422 for the API, a form error for pages).

    ``message`` is the Vietnamese text; with ``params`` it is ``message.format(**params)`` and
    ``template`` keeps the unformatted text, so that a page can translate the template before
    formatting (``cchc.dossiers.messages.input_message``)."""

    def __init__(self, message: str, field: str = "", *, params: dict | None = None) -> None:
        self.template = message
        self.params = dict(params or {})
        self.message = message.format(**self.params) if self.params else message
        super().__init__(self.message)
        self.field = field


def now_or(now: datetime | None) -> datetime:
    return now or timezone.now()


def local_day(moment: datetime) -> object:
    return moment.astimezone(VN_TZ).date()


def lock(dossier: Dossier) -> Dossier:
    """Re-read the dossier under a row lock: concurrent actions queue here and each then sees
    the state the previous one left."""
    return (
        Dossier.objects.select_for_update(of=("self",))
        .select_related(
            "receiving_agency",
            "current_step",
            "current_step__agency",
            "procedure",
            "procedure_version",
        )
        .get(pk=dossier.pk)
    )


def unit_path(agency: Agency) -> str:
    """Path of the unit (department / commune) an agency belongs to: divisions roll up."""
    return agency.unit.path


def actor_role(actor: User, dossier: Dossier) -> Role | None:
    if dossier.applicant_user_id and dossier.applicant_user_id == actor.pk:
        return Role.APPLICANT
    return OFFICER_ROLES.get(actor.role)


def _within(agency: Agency, root: Agency | None) -> bool:
    return root is not None and agency.path.startswith(unit_path(root))


def situation(
    dossier: Dossier, actor: User, now: datetime, *, role: Role | None = None
) -> Situation:
    """Describe the dossier and the actor for the state table."""
    role = role or actor_role(actor, dossier)
    if role is None:
        raise TransitionError(MSG_NO_DOSSIER_ROLE, [])
    step = dossier.current_step
    root = agency_scope_root(actor) if role != Role.APPLICANT else None
    step_role = Role(step.role) if step and step.state == DossierStep.State.ACTIVE else None
    in_step_agency = bool(step) and _within(step.agency, root)
    is_holder = bool(step) and (
        step.holder_id == actor.pk
        or (
            step.holder_id is None and in_step_agency and OFFICER_ROLES.get(actor.role) == step_role
        )
    )
    status = dossier.lifecycle_status
    return Situation(
        status=status,
        actor_role=role,
        step_role=step_role,
        actor_is_holder=is_holder,
        actor_leads_step_agency=role == Role.LEADER and in_step_agency,
        actor_in_dossier_agency=_within(dossier.receiving_agency, root),
        overdue_without_apology=lifecycle.is_overdue(status, dossier.due_at, now),
        late_without_apology=(
            dossier.timeliness == lifecycle.Timeliness.LATE and dossier.apology_count == 0
        ),
        has_previous_step=bool(step) and _has_previous_step(dossier, step),
        fees_outstanding=outstanding_fees(dossier) > 0,
    )


def _prefetched(dossier: Dossier, name: str) -> list | None:
    """The related rows already loaded with the dossier (``prefetch_related``), if any: a
    detail page or the API has them in hand, and asking the database again would only cost."""
    cache = getattr(dossier, "_prefetched_objects_cache", {})
    return list(cache[name]) if name in cache else None


def _has_previous_step(dossier: Dossier, step: DossierStep) -> bool:
    steps = _prefetched(dossier, "steps")
    if steps is not None:
        return any(
            s.order < step.order
            and s.state == DossierStep.State.DONE
            and s.role != Role.COUNTER_OFFICER
            for s in steps
        )
    return (
        dossier.steps.filter(order__lt=step.order, state=DossierStep.State.DONE)
        .exclude(role=Role.COUNTER_OFFICER)
        .exists()
    )


def outstanding_fees(dossier: Dossier) -> int:
    fee_lines = _prefetched(dossier, "fee_lines")
    if fee_lines is not None:
        owed = sum(f.amount_vnd for f in fee_lines)
    else:
        owed = dossier.fee_lines.aggregate(total=Sum("amount_vnd"))["total"] or 0
    if not owed:
        return 0
    # ``paid_payments``: the paid payments, as the detail views prefetch them
    # (cchc.dossiers.schemas.DETAIL_PREFETCH).
    paid_payments = getattr(dossier, "paid_payments", None)
    if paid_payments is not None:
        paid = sum(p.amount_vnd for p in paid_payments)
    else:
        paid = (
            dossier.payments.filter(state="paid").aggregate(total=Sum("amount_vnd"))["total"] or 0
        )
    return max(owed - paid, 0)


def check(
    dossier: Dossier, actor: User, action: Action, now: datetime, *, role: Role | None = None
) -> lifecycle.Rule:
    return lifecycle.find_rule(action, situation(dossier, actor, now, role=role))


def holder_label(step: DossierStep | None) -> str:
    if step is None:
        return ""
    who = step.holder.get_full_name() if step.holder_id else _role_label(step.role)
    return f"{step.agency.name} — {who}"


def _role_label(role: str) -> str:
    return {
        Role.COUNTER_OFFICER: "Bộ phận Một cửa",
        Role.SPECIALIST: "Chuyên viên xử lý",
        Role.LEADER: "Lãnh đạo",
    }.get(role, role)


@dataclass
class EventDraft:
    """What an action writes into its one event row."""

    action: str
    from_status: str
    note: str = ""
    from_step: DossierStep | None = None
    to_step: DossierStep | None = None
    step_budget_seconds: int | None = None
    step_used_seconds: int | None = None
    data: dict = field(default_factory=dict)


def record(dossier: Dossier, actor: User | None, draft: EventDraft, at: datetime) -> DossierEvent:
    """Append the one event of this action. Its sequence number comes from the locked row;
    the caller saves the dossier afterwards, which stores the new ``event_count``.

    A hand-over (an event that closes a step: its time used is known) also keeps the step's
    due moment as it stood then — moved by pauses, before a send-back reopens the step with a
    new one — so that the control sheet (Mẫu 05) judges the row by it (DOMAIN A3)."""
    data = draft.data
    step = draft.from_step
    if draft.step_used_seconds is not None and step is not None and step.due_at is not None:
        data = {**data, "step_due_at": step.due_at.isoformat()}
    dossier.event_count += 1
    return DossierEvent.objects.create(
        dossier=dossier,
        seq=dossier.event_count,
        action=draft.action,
        actor=actor,
        actor_name=actor.get_full_name() if actor else "",
        agency=getattr(actor, "agency", None)
        if actor and actor.role != User.Role.CITIZEN
        else None,
        from_status=draft.from_status,
        to_status=dossier.status,
        from_step=draft.from_step,
        to_step=draft.to_step,
        from_holder=holder_label(draft.from_step),
        to_holder=holder_label(draft.to_step),
        at=at,
        note=draft.note,
        step_budget_seconds=draft.step_budget_seconds,
        step_used_seconds=draft.step_used_seconds,
        data=data,
    )


def bump(dossier: Dossier, at: datetime, **increments: int) -> None:
    stats_bump(
        resolving_agency_id=dossier.resolving_agency_id or dossier.receiving_agency_id,
        receiving_agency_id=dossier.receiving_agency_id,
        procedure_id=dossier.procedure_id,
        day=local_day(at),
        channel=dossier.channel,
        online_mode=dossier.procedure_version.snapshot["online_mode"],
        **increments,
    )


def count_visit(dossier: Dossier, at: datetime) -> dict:
    """One more in-person contact of the applicant (DOMAIN A3): the third is flagged and
    counted. Returns the event data that records it."""
    dossier.visit_count += 1
    if dossier.visit_count == 3:
        bump(dossier, at, third_visits=1)
    return {"visit": dossier.visit_count}


def calendar() -> WorkCalendar:
    return current_calendar()


def start_step(
    dossier: Dossier, step: DossierStep, at: datetime, holder: User | None, *, save: bool = True
) -> None:
    """Open ``step`` for ``holder`` (or its role's queue); ``save=False`` for a step not
    written yet (a new route, written once afterwards)."""
    cal = calendar()
    step.state = DossierStep.State.ACTIVE
    step.started_at = at
    step.holder = holder
    step.due_at = cal.add_working_seconds(at, step.budget_seconds)
    if save:
        step.save(update_fields=["state", "started_at", "holder", "due_at"])
    dossier.current_step = step


def finish_step(step: DossierStep, at: datetime, actor: User | None, *, save: bool = True) -> int:
    """Close ``step``; returns the working time it used (pauses excluded)."""
    cal = calendar()
    used = max(cal.working_seconds_between(step.started_at or at, at) - step.paused_seconds, 0)
    step.state = DossierStep.State.DONE
    step.finished_at = at
    step.finished_by = actor
    if save:
        step.save(update_fields=["state", "finished_at", "finished_by"])
    return used


def hand_over(
    dossier: Dossier,
    actor: User,
    now: datetime,
    *,
    target: DossierStep | None,
    holder: User | None,
    action: Action,
    new_status: str,
    note: str = "",
    data: dict | None = None,
) -> None:
    """Close the current step, open ``target`` (if any), write the hand-over event."""
    from_status = dossier.status
    step = dossier.current_step
    if step is not None and step.holder_id is None and actor is not None and actor.is_officer:
        # Taken from the role queue: whoever acted held it (Mẫu 05 names the person).
        step.holder = actor
        step.save(update_fields=["holder"])
    used = finish_step(step, now, actor) if step is not None else None
    if target is not None:
        if target.state == DossierStep.State.DONE:
            target.finished_at = target.finished_by = None
            target.paused_seconds = 0
        start_step(dossier, target, now, holder)
    else:
        dossier.current_step = None
    dossier.status = new_status
    event = record(
        dossier,
        actor,
        EventDraft(
            action=action,
            from_status=from_status,
            note=note,
            from_step=step,
            to_step=target,
            step_budget_seconds=step.budget_seconds if step else None,
            step_used_seconds=used,
            # Who held the step: the recount of the per-officer step counters reads it here.
            data={**(data or {}), HOLDER_KEY: step.holder_id} if step else data or {},
        ),
        now,
    )
    dossier.save()
    result = step_result(event, calendar()) if step is not None else None
    if result is not None:
        # Mẫu 05's result for the step, counted for the agency and the officer that held it
        # (DOMAIN A3).
        steps_bump(
            agency_id=step.agency_id,
            procedure_id=dossier.procedure_id,
            day=local_day(now),
            result=result,
            holder_id=step.holder_id,
            over_budget_seconds=over_budget(step.budget_seconds, used),
        )


def close_with_reason(
    dossier: Dossier, actor: User, now: datetime, action: Action, reason: str
) -> None:
    """End the dossier without a result (withdrawn, stopped): the reason is required, the clock
    stops and the step in hand is closed, so it leaves every worklist. One event."""
    rule = check(dossier, actor, action, now)
    if not reason.strip():
        raise DossierInputError(MSG_REASON_REQUIRED, "reason")
    dossier.closing_reason = reason.strip()
    dossier.finished_at = now
    dossier.clock_paused_at = None
    hand_over(
        dossier,
        actor,
        now,
        target=None,
        holder=None,
        action=action,
        new_status=rule.target,
        note=reason.strip(),
    )


def code_format() -> str:
    return getattr(settings, "CCHC_DOSSIER_CODE_FORMAT", "{agency}-{yymmdd}-{seq:04d}")
