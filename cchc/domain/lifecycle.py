"""The dossier lifecycle (vòng đời hồ sơ): states, actions, the transition table and its guards.

Pure Python. The services of ``cchc.dossiers`` describe the dossier and the actor as a
``Situation`` and ask this module which actions are allowed now; they never decide it
themselves. Implements DOMAIN.md A3 (after B §1.2, Decree 61/2018 → Decree 118/2025,
Circular 01/2018 → Circular 03/2025):

* Online submission → intake check → **received** (Mẫu 01, code issued, due moment fixed), or
  **supplement requested at intake** (Mẫu 02, every missing item in one go; the clock has not
  started; a second intake request needs a written reason), or **refused** (Mẫu 03, terminal).
* Received → the procedure's internal steps (each with an agency, a role and a working-time
  budget), optional inter-agency steps → approval (result, or refusal of the request with
  reasons) → **result ready** → **returned**. Also withdrawn, stopped (dừng giải quyết), and
  financial obligation requested / paid.
* Supplement during processing pauses the clock (or restarts it, per procedure).
* Timeliness is fixed when the result is ready: early (before the due date), on time (on the
  due date, not after the due moment), late (after the due moment). Overdue is derived.
* Late dossiers: before any further action once the due moment has passed, the agency holding
  the dossier issues an apology with a new due moment (Mẫu 04); a late dossier cannot be
  returned without one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    INTAKE_SUPPLEMENT = "intake_supplement"
    REFUSED = "refused"
    RECEIVED = "received"
    PROCESSING = "processing"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    AWAITING_PAYMENT = "awaiting_payment"
    RESULT_READY = "result_ready"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"
    STOPPED = "stopped"


class Action(StrEnum):
    SUBMIT = "submit"
    RECEIVE = "receive"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUBMIT_SUPPLEMENT = "submit_supplement"
    REFUSE = "refuse"
    FORWARD = "forward"
    SEND_BACK = "send_back"
    REQUEST_PAYMENT = "request_payment"
    CONFIRM_PAYMENT = "confirm_payment"
    APPROVE = "approve"
    REJECT = "reject"
    APOLOGIZE = "apologize"
    RETURN_RESULT = "return_result"
    WITHDRAW = "withdraw"
    STOP = "stop"
    RECORD_VISIT = "record_visit"
    PAY = "pay"
    RECORD_SHIPMENT = "record_shipment"
    CHANGE_RETURN_METHOD = "change_return_method"


class Role(StrEnum):
    """Who acts. ``applicant`` is the citizen or organisation; the others are officer roles."""

    APPLICANT = "applicant"
    COUNTER_OFFICER = "counter_officer"
    SPECIALIST = "specialist"
    LEADER = "leader"


class Timeliness(StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"


# Before receipt the legal clock has not started; afterwards it runs except while the
# applicant owes a supplement or a financial obligation (time the applicant holds the dossier
# is not the agency's: Decree 61/2018 Art. 19; land rules exclude financial obligations).
PRE_RECEIPT = frozenset({Status.DRAFT, Status.SUBMITTED, Status.INTAKE_SUPPLEMENT})
CLOCK_PAUSED = frozenset({Status.SUPPLEMENT_REQUESTED, Status.AWAITING_PAYMENT})
IN_PROCESS = frozenset(
    {Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.AWAITING_PAYMENT}
)
TERMINAL = frozenset({Status.REFUSED, Status.RETURNED, Status.WITHDRAWN, Status.STOPPED})
OPEN = frozenset(Status) - TERMINAL

# Actions still allowed on an overdue dossier that has no apology yet: the apology itself,
# counting the applicant's visit, recording what the post brought or took, and what the
# applicant does on their own side — paying the fees, choosing how to receive the result,
# withdrawing — which the agency's lateness cannot take away. Everything else waits for the
# apology (DOMAIN A3).
ALLOWED_WHILE_LATE = frozenset(
    {
        Action.APOLOGIZE,
        Action.RECORD_VISIT,
        Action.WITHDRAW,
        Action.RECORD_SHIPMENT,
        Action.PAY,
        Action.CHANGE_RETURN_METHOD,
    }
)

OFFICERS = frozenset({Role.COUNTER_OFFICER, Role.SPECIALIST, Role.LEADER})


@dataclass(frozen=True)
class Rule:
    """One row of the transition table.

    ``target`` ``None`` keeps the status (the action moves a step, a clock or a counter).
    ``step_roles``: the roles of the current step at which the action is possible (``None``:
    any, or no step yet). ``holder_only``: only the holder of the current step (or a leader of
    its agency) may take it; otherwise any officer of ``roles`` in the dossier's agency may.
    """

    action: Action
    sources: frozenset[Status]
    target: Status | None
    roles: frozenset[Role]
    label: str
    step_roles: frozenset[Role] | None = None
    holder_only: bool = False


def _rule(
    action: Action,
    sources: Iterable[Status],
    target: Status | None,
    roles: Iterable[Role],
    label: str,
    *,
    step_roles: Iterable[Role] | None = None,
    holder_only: bool = False,
) -> Rule:
    return Rule(
        action,
        frozenset(sources),
        target,
        frozenset(roles),
        label,
        frozenset(step_roles) if step_roles is not None else None,
        holder_only,
    )


S, A, R = Status, Action, Role
COUNTER = {R.COUNTER_OFFICER, R.LEADER}
PROCESSORS = {R.SPECIALIST, R.LEADER}

RULES: tuple[Rule, ...] = (
    _rule(A.SUBMIT, {S.DRAFT}, S.SUBMITTED, {R.APPLICANT}, "Nộp hồ sơ trực tuyến"),
    _rule(
        A.RECEIVE,
        {S.SUBMITTED},
        S.RECEIVED,
        COUNTER,
        "Tiếp nhận hồ sơ (Mẫu 01)",
    ),
    _rule(
        A.REQUEST_SUPPLEMENT,
        {S.SUBMITTED},
        S.INTAKE_SUPPLEMENT,
        COUNTER,
        "Yêu cầu bổ sung khi tiếp nhận (Mẫu 02)",
    ),
    _rule(
        A.REQUEST_SUPPLEMENT,
        {S.RECEIVED, S.PROCESSING},
        S.SUPPLEMENT_REQUESTED,
        PROCESSORS,
        "Yêu cầu bổ sung trong quá trình giải quyết (Mẫu 02)",
        step_roles={R.SPECIALIST, R.LEADER},
        holder_only=True,
    ),
    _rule(
        A.SUBMIT_SUPPLEMENT,
        {S.INTAKE_SUPPLEMENT},
        S.SUBMITTED,
        {R.APPLICANT, R.COUNTER_OFFICER},
        "Nộp hồ sơ bổ sung",
    ),
    _rule(
        A.SUBMIT_SUPPLEMENT,
        {S.SUPPLEMENT_REQUESTED},
        S.PROCESSING,
        {R.APPLICANT, R.COUNTER_OFFICER},
        "Nộp hồ sơ bổ sung",
    ),
    _rule(
        A.REFUSE,
        {S.SUBMITTED, S.INTAKE_SUPPLEMENT},
        S.REFUSED,
        COUNTER,
        "Từ chối tiếp nhận (Mẫu 03)",
    ),
    _rule(
        A.FORWARD,
        {S.RECEIVED, S.PROCESSING},
        S.PROCESSING,
        {R.COUNTER_OFFICER, R.SPECIALIST, R.LEADER},
        "Chuyển bước tiếp theo",
        step_roles={R.COUNTER_OFFICER, R.SPECIALIST},
        holder_only=True,
    ),
    _rule(
        A.SEND_BACK,
        {S.PROCESSING},
        S.PROCESSING,
        PROCESSORS,
        "Trả lại bước trước",
        step_roles={R.SPECIALIST, R.LEADER},
        holder_only=True,
    ),
    _rule(
        A.REQUEST_PAYMENT,
        {S.PROCESSING},
        S.AWAITING_PAYMENT,
        PROCESSORS,
        "Yêu cầu thực hiện nghĩa vụ tài chính",
        step_roles={R.SPECIALIST, R.LEADER},
        holder_only=True,
    ),
    _rule(
        A.CONFIRM_PAYMENT,
        {S.AWAITING_PAYMENT},
        S.PROCESSING,
        {R.APPLICANT, R.COUNTER_OFFICER, R.SPECIALIST, R.LEADER},
        "Xác nhận đã thực hiện nghĩa vụ tài chính",
    ),
    _rule(
        A.APPROVE,
        {S.PROCESSING},
        S.RESULT_READY,
        {R.LEADER},
        "Phê duyệt, ban hành kết quả",
        step_roles={R.LEADER},
        holder_only=True,
    ),
    _rule(
        A.REJECT,
        {S.PROCESSING},
        S.RESULT_READY,
        {R.LEADER},
        "Từ chối giải quyết (nêu rõ lý do)",
        step_roles={R.LEADER},
        holder_only=True,
    ),
    _rule(
        A.APOLOGIZE,
        IN_PROCESS | {S.RESULT_READY},
        None,
        {R.COUNTER_OFFICER, R.SPECIALIST, R.LEADER},
        "Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)",
    ),
    _rule(
        A.RETURN_RESULT,
        {S.RESULT_READY},
        S.RETURNED,
        COUNTER,
        "Trả kết quả",
    ),
    _rule(
        A.WITHDRAW,
        # A draft is the applicant's private working copy: nothing to withdraw yet.
        OPEN - {S.RESULT_READY, S.DRAFT},
        S.WITHDRAWN,
        {R.APPLICANT, R.COUNTER_OFFICER, R.LEADER},
        "Rút hồ sơ theo đề nghị của người nộp",
    ),
    _rule(
        A.STOP,
        IN_PROCESS,
        S.STOPPED,
        {R.LEADER},
        "Dừng giải quyết hồ sơ",
    ),
    _rule(
        A.PAY,
        IN_PROCESS | {S.RESULT_READY},
        None,
        {R.APPLICANT, R.COUNTER_OFFICER, R.LEADER},
        "Ghi nhận nộp phí, lệ phí",
    ),
    _rule(
        A.RECORD_SHIPMENT,
        {S.SUBMITTED, S.INTAKE_SUPPLEMENT, S.RECEIVED, S.PROCESSING, S.RESULT_READY, S.RETURNED},
        None,
        {R.COUNTER_OFFICER, R.LEADER},
        "Ghi nhận bàn giao với bưu chính",
    ),
    _rule(
        A.CHANGE_RETURN_METHOD,
        {S.SUBMITTED, S.INTAKE_SUPPLEMENT} | IN_PROCESS | {S.RESULT_READY},
        None,
        {R.APPLICANT, R.COUNTER_OFFICER, R.LEADER},
        "Đổi hình thức nhận kết quả",
    ),
    _rule(
        A.RECORD_VISIT,
        OPEN - {S.DRAFT} | {S.RETURNED},
        None,
        {R.COUNTER_OFFICER, R.LEADER},
        "Ghi nhận lượt đến của người nộp",
    ),
)

RULES_BY_ACTION: dict[Action, tuple[Rule, ...]] = {
    action: tuple(rule for rule in RULES if rule.action == action) for action in Action
}


@dataclass(frozen=True)
class Situation:
    """Everything the table needs to know about a dossier and the actor, as plain values."""

    status: Status
    actor_role: Role
    step_role: Role | None = None
    actor_is_holder: bool = False
    actor_leads_step_agency: bool = False
    actor_in_dossier_agency: bool = True
    overdue_without_apology: bool = False
    late_without_apology: bool = False
    has_previous_step: bool = False
    fees_outstanding: bool = False


class TransitionError(Exception):
    """The action is not allowed now; ``message`` is for people, ``allowed`` for machines.

    ``message`` is Vietnamese, formatted. ``template`` and ``params`` are what it was made
    of (a ``MSG_*`` text and the Vietnamese label, status and role filled into it), so that a
    page can show it in the reader's language (``cchc.dossiers.messages``); without them the
    template is the message itself."""

    def __init__(
        self,
        message: str,
        allowed: list[Action],
        *,
        template: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.allowed = allowed
        self.template = message if template is None else template
        self.params = dict(params or {})


MSG_NOT_NOW = "Không thể thực hiện “{label}” khi hồ sơ đang ở trạng thái “{status}”."
MSG_ROLE = "Vai trò “{role}” không được thực hiện “{label}” ở bước hiện tại."
MSG_OVERDUE = "Hồ sơ đã quá hạn: phải có văn bản xin lỗi và hẹn lại ngày trả kết quả trước."
MSG_LATE_RETURN = "Hồ sơ trễ hạn: phải có văn bản xin lỗi trước khi trả kết quả."
MSG_FEES = "Tổ chức, cá nhân chưa nộp đủ phí, lệ phí: ghi nhận thanh toán trước khi trả kết quả."
MSG_NO_PREVIOUS = "Hồ sơ đang ở bước đầu tiên, không có bước trước để trả lại."
MSG_UNKNOWN = "Thao tác không hợp lệ."

STATUS_LABELS: dict[Status, str] = {
    S.DRAFT: "Đang soạn",
    S.SUBMITTED: "Chờ tiếp nhận",
    S.INTAKE_SUPPLEMENT: "Chờ bổ sung (tiếp nhận)",
    S.REFUSED: "Từ chối tiếp nhận",
    S.RECEIVED: "Mới tiếp nhận",
    S.PROCESSING: "Đang giải quyết",
    S.SUPPLEMENT_REQUESTED: "Chờ bổ sung (giải quyết)",
    S.AWAITING_PAYMENT: "Chờ thực hiện nghĩa vụ tài chính",
    S.RESULT_READY: "Đã có kết quả",
    S.RETURNED: "Đã trả kết quả",
    S.WITHDRAWN: "Đã rút hồ sơ",
    S.STOPPED: "Dừng giải quyết",
}


ROLE_LABELS: dict[Role, str] = {
    R.APPLICANT: "Tổ chức, cá nhân",
    R.COUNTER_OFFICER: "Cán bộ một cửa",
    R.SPECIALIST: "Chuyên viên xử lý",
    R.LEADER: "Lãnh đạo",
}


def _permitted(rule: Rule, situation: Situation) -> bool:
    if situation.actor_role not in rule.roles:
        return False
    if situation.actor_role == Role.APPLICANT:
        return True
    # An officer acts on a dossier of their own agency, on a step they hold, or — for a leader
    # — on a step their agency holds: a department leads its dossiers also when the public
    # administration service centre received them (DOMAIN A3, the agency holding it apologises).
    involved = (
        situation.actor_in_dossier_agency
        or situation.actor_is_holder
        or situation.actor_leads_step_agency
    )
    if not involved:
        return False
    if rule.step_roles is not None and situation.step_role not in rule.step_roles:
        return False
    if rule.holder_only:
        return situation.actor_is_holder or situation.actor_leads_step_agency
    return True


def _guard(rule: Rule, situation: Situation) -> str | None:
    """The reason a permitted action is blocked now, or ``None``."""
    if situation.overdue_without_apology and rule.action not in ALLOWED_WHILE_LATE:
        return MSG_OVERDUE
    if rule.action == Action.RETURN_RESULT and situation.late_without_apology:
        return MSG_LATE_RETURN
    if rule.action == Action.RETURN_RESULT and situation.fees_outstanding:
        return MSG_FEES
    if rule.action == Action.SEND_BACK and not situation.has_previous_step:
        return MSG_NO_PREVIOUS
    return None


def _refusal(template: str, params: dict[str, str], situation: Situation) -> TransitionError:
    return TransitionError(
        template.format(**params),
        allowed_actions(situation),
        template=template,
        params=params,
    )


def find_rule(action: Action | str, situation: Situation) -> Rule:
    """The rule that lets ``situation`` take ``action`` now, or ``TransitionError``."""
    try:
        action = Action(action)
    except ValueError:
        raise TransitionError(MSG_UNKNOWN, allowed_actions(situation)) from None
    candidates = [r for r in RULES_BY_ACTION[action] if situation.status in r.sources]
    if not candidates:
        params = {
            "label": RULES_BY_ACTION[action][0].label,
            "status": STATUS_LABELS[situation.status],
        }
        raise _refusal(MSG_NOT_NOW, params, situation)
    permitted = [r for r in candidates if _permitted(r, situation)]
    if not permitted:
        params = {"role": ROLE_LABELS[situation.actor_role], "label": candidates[0].label}
        raise _refusal(MSG_ROLE, params, situation)
    rule = permitted[0]
    blocked = _guard(rule, situation)
    if blocked:
        raise TransitionError(blocked, allowed_actions(situation))
    return rule


def allowed_actions(situation: Situation) -> list[Action]:
    """Every action ``situation`` may take now, in table order, without duplicates."""
    allowed: list[Action] = []
    for rule in RULES:
        if rule.action in allowed or situation.status not in rule.sources:
            continue
        if _permitted(rule, situation) and _guard(rule, situation) is None:
            allowed.append(rule.action)
    return allowed


def target_status(rule: Rule, current: Status) -> Status:
    return rule.target if rule.target is not None else current


def timeliness(finished_at: datetime, due_at: datetime, tz: tzinfo) -> Timeliness:
    """DOMAIN A3 (after B §1.3, the control sheet's result column): **early** = finished on a
    date before the due *date*; **on time** = on the due date and not after the due moment;
    **late** = after the due moment. Dates are the calendar's (``tz``), not the moments' own.

    One rule for the dossier (fixed when the result is ready, against its legal due moment)
    and for each step of the process control sheet, Mẫu 05 (the hand-over against the step's
    own due moment). Any two aware moments of years 1 to 9999 give an answer: a due moment so
    far ahead that its local date is past 31/12/9999 is on a later date than any finish; a
    naive moment is read as wall-clock time in ``tz``."""
    finished_at, due_at = _aware(finished_at, tz), _aware(due_at, tz)
    if finished_at > due_at:
        return Timeliness.LATE
    if _local_date(finished_at, tz) < _local_date(due_at, tz):
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def _aware(moment: datetime, tz: tzinfo) -> datetime:
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=tz)


def _local_date(moment: datetime, tz: tzinfo) -> date:
    try:
        return moment.astimezone(tz).date()
    except OverflowError:  # beyond the first or last day Python can hold in ``tz``
        return date.max if moment.year > 1 else date.min


def is_overdue(status: Status, due_at: datetime | None, now: datetime) -> bool:
    """Open, past its due moment, and not waiting on the applicant (a paused clock is never
    overdue). Derived, never stored as a state."""
    if due_at is None or status in TERMINAL or status in PRE_RECEIPT or status in CLOCK_PAUSED:
        return False
    if status == Status.RESULT_READY:
        return False  # timeliness is fixed; lateness is then carried by the timeliness value
    return now > due_at


@dataclass(frozen=True)
class EventRecord:
    action: str
    from_status: str | None
    to_status: str


class ReplayError(ValueError):
    pass


def replay(events: Iterable[EventRecord]) -> Status | None:
    """Re-run the event log: each event must start where the previous one ended and be a
    transition the table allows. Returns the final status (``None`` for no events)."""
    status: Status | None = None
    for index, event in enumerate(events):
        source = Status(event.from_status) if event.from_status else None
        target = Status(event.to_status)
        if source != status:
            raise ReplayError(f"event {index}: starts at {source}, log was at {status}")
        if source is None:
            if event.action not in (Action.RECEIVE, Action.SUBMIT, "create"):
                raise ReplayError(f"event {index}: a dossier cannot begin with {event.action}")
        else:
            rules = [r for r in RULES_BY_ACTION[Action(event.action)] if source in r.sources]
            if not any(target_status(r, source) == target for r in rules):
                raise ReplayError(f"event {index}: {event.action} cannot go {source} → {target}")
        status = target
    return status


def state_chart() -> str:
    """A Mermaid state diagram generated from the table (docs/workflow.md)."""
    lines = [
        "stateDiagram-v2",
        "    [*] --> draft: tạo hồ sơ trực tuyến",
        "    [*] --> received: receive (tại quầy)",
    ]
    seen = set()
    for rule in RULES:
        for source in sorted(rule.sources):
            target = target_status(rule, source)
            key = (source, target, rule.action)
            if key in seen:
                continue
            seen.add(key)
            lines.append(f"    {source} --> {target}: {rule.action}")
    for status in sorted(TERMINAL):
        lines.append(f"    {status} --> [*]")
    return "\n".join(lines)
