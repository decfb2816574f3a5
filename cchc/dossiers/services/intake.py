"""Intake (tiếp nhận): receiving at the counter or from the online queue, supplement requests,
refusals, supplements, withdrawal and counting the applicant's visits (DOMAIN A3, A4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils.translation import gettext_noop as N_

from cchc.catalog.models import Procedure, ProcedureVersion
from cchc.domain.lifecycle import Action, Role, Status, TransitionError
from cchc.dossiers.models import (
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierSequence,
    DossierStep,
    FeeLine,
    SupplementRequest,
)
from cchc.dossiers.notifications import notify_applicant
from cchc.dossiers.services._common import (
    MAX_SUPPLEMENT_ITEM_LENGTH,
    MAX_SUPPLEMENT_ITEMS,
    MSG_ITEMS_REQUIRED,
    MSG_REASON_REQUIRED,
    MSG_SECOND_INTAKE_SUPPLEMENT,
    MSG_TOO_MANY_ITEMS,
    DossierInputError,
    EventDraft,
    bump,
    calendar,
    check,
    close_with_reason,
    code_format,
    count_visit,
    finish_step,
    local_day,
    lock,
    now_or,
    record,
    start_step,
)
from cchc.org.models import Agency, User
from cchc.org.selectors import agency_scope_root

MSG_NOT_RECEIVABLE = N_("Thủ tục không còn hiệu lực hoặc chưa được công bố.")
MSG_AGENCY_NOT_RECEIVING = N_("Cơ quan của cán bộ không tiếp nhận thủ tục này.")
MSG_NOT_INTAKE_ROLE = N_("Chỉ cán bộ một cửa hoặc lãnh đạo cơ quan tiếp nhận được tiếp nhận hồ sơ.")
MSG_BACKDATE_PERMISSION = N_(
    "Không có quyền nhập bù hồ sơ giấy với thời điểm tiếp nhận trong quá khứ."
)
MSG_BACKDATE_FUTURE = N_("Thời điểm tiếp nhận không được ở tương lai.")
MSG_BACKDATE_TOO_OLD = N_("Chỉ nhập bù hồ sơ tiếp nhận trong vòng 60 ngày.")
MSG_NO_VERSION = N_("Thủ tục chưa có phiên bản được công bố.")
BACKDATE_LIMIT = timedelta(days=60)
INTAKE_USER_ROLES = {User.Role.COUNTER_OFFICER, User.Role.LEADER}


@dataclass(frozen=True)
class ApplicantData:
    full_name: str
    kind: str = Dossier.ApplicantKind.PERSON
    id_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class DocumentData:
    name: str
    original: bool = True
    copies: int = 1
    file: object | None = None  # a stored file (cchc.dossiers.uploads.StoredFile) or None


@dataclass(frozen=True)
class ReceiptRows:
    """The rows a receipt wrote, as written (``Dossier.receipt_rows`` after ``dossier_receive``):
    the API answers from them instead of reading them back."""

    steps: list[DossierStep]
    documents: list[DossierDocument]
    fee_lines: list[FeeLine]
    event: DossierEvent


@dataclass
class IntakeRequest:
    procedure: Procedure
    applicant: ApplicantData
    channel: str = Dossier.Channel.IN_PERSON
    return_method: str = Dossier.ReturnMethod.IN_PERSON
    documents: list[DocumentData] = field(default_factory=list)
    delivery_address: str = ""
    receiving_agency: Agency | None = None
    applicant_user: User | None = None


def _intake_agency(actor: User, request: IntakeRequest) -> Agency:
    """The agency receiving: the one asked for, or the officer's unit; it must be one of the
    procedure's receiving agencies (or its competent agency)."""
    if actor.role not in INTAKE_USER_ROLES:
        raise TransitionError(MSG_NOT_INTAKE_ROLE, [])
    unit = agency_scope_root(actor)
    agency = request.receiving_agency or unit
    if agency is None or unit is None or not agency.path.startswith(unit.path):
        raise DossierInputError(MSG_AGENCY_NOT_RECEIVING, "receiving_agency")
    procedure = request.procedure
    receivable = procedure.competent_agency_id == agency.pk or (
        procedure.receiving_agencies.filter(pk=agency.pk).exists()
    )
    if not receivable:
        raise DossierInputError(MSG_AGENCY_NOT_RECEIVING, "procedure_code")
    return agency


def _current_version(procedure: Procedure) -> ProcedureVersion:
    if not procedure.is_in_force:
        raise DossierInputError(MSG_NOT_RECEIVABLE, "procedure_code")
    version = procedure.versions.order_by("-number").first()
    if version is None:
        raise DossierInputError(MSG_NO_VERSION, "procedure_code")
    return version


def resolving_agency(snapshot: dict, receiving: Agency) -> Agency:
    """The unit whose leader issues the result (DOMAIN A6, the agency figures are credited
    to): the agency of the process's last approving step (a leader's), rolled up from a
    division to its department or commune; the receiving agency's unit when that step is done
    where the dossier is received. Fixed with the procedure version and the receiving agency."""
    code = next(
        (step["agency"] for step in reversed(snapshot["steps"]) if step["role"] == Role.LEADER),
        "",
    )
    agency = Agency.objects.select_related("parent").filter(code=code).first() if code else None
    return (agency or receiving).unit


def _new_dossier(
    actor: User | None, request: IntakeRequest, agency: Agency, status: str, at: datetime
) -> tuple[Dossier, list[DossierDocument]]:
    procedure = request.procedure
    applicant = request.applicant
    version = _current_version(procedure)
    dossier = Dossier.objects.create(
        procedure=procedure,
        procedure_version=version,
        receiving_agency=agency,
        resolving_agency=resolving_agency(version.snapshot, agency),
        applicant_kind=applicant.kind,
        applicant_name=applicant.full_name.strip(),
        applicant_id_number=applicant.id_number.strip(),
        applicant_phone=applicant.phone.strip(),
        applicant_email=applicant.email.strip(),
        applicant_address=applicant.address.strip(),
        applicant_user=request.applicant_user,
        channel=request.channel,
        return_method=request.return_method,
        delivery_address=request.delivery_address.strip(),
        status=status,
        submitted_at=at,
    )
    return dossier, add_documents(dossier, request.documents)


def add_documents(
    dossier: Dossier, documents: list[DocumentData], supplement: SupplementRequest | None = None
) -> list[DossierDocument]:
    return DossierDocument.objects.bulk_create(
        DossierDocument(
            dossier=dossier,
            name=d.name.strip()[:500],
            original=d.original,
            copies=max(int(d.copies), 1),
            file=getattr(d.file, "name", "") or "",
            original_name=(getattr(d.file, "original_name", "") or "")[:255],
            content_type=getattr(d.file, "content_type", "") or "",
            size=getattr(d.file, "size", 0) or 0,
            sha256=getattr(d.file, "sha256", "") or "",
            supplement=supplement,
        )
        for d in documents
        if d.name.strip()
    )


def _next_number(agency: Agency, day: object) -> int:
    """The day's next number; the sequence row stays locked until the transaction ends."""
    if connection.vendor == "postgresql":
        # One statement: create-or-increment, row-locked by the update until commit.
        table = DossierSequence._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (agency_id, day, last) VALUES (%s, %s, 1) "
                f"ON CONFLICT (agency_id, day) DO UPDATE SET last = {table}.last + 1 "
                "RETURNING last",
                [agency.pk, day],
            )
            return cursor.fetchone()[0]
    DossierSequence.objects.bulk_create(
        [DossierSequence(agency=agency, day=day)], ignore_conflicts=True
    )
    sequence = DossierSequence.objects.select_for_update().get(agency=agency, day=day)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last


def check_file_limits(dossier: Dossier, documents: list[DocumentData]) -> None:
    """The per-dossier file limits (count, total size), checked under the dossier's row lock so
    that two submissions at once cannot pass them together."""
    from cchc.dossiers.uploads import batch_limits, dossier_file_usage

    incoming = [d.file for d in documents if d.file is not None]
    if not incoming:
        return
    count, size = dossier_file_usage(dossier)
    problems = batch_limits(incoming, existing_count=count, existing_bytes=size)
    if problems:
        raise DossierInputError(problems[0], "documents")


def issue_code(agency: Agency, moment: datetime) -> str:
    """``<agency e-ID>-<YYMMDD>-<4-digit daily sequence>`` (DOMAIN A4), gap-free under
    concurrency: the day's sequence row is locked until the receiving transaction commits."""
    day = local_day(moment)
    return code_format().format(
        agency=agency.code, yymmdd=day.strftime("%y%m%d"), seq=_next_number(agency, day)
    )


def _legal_due(dossier: Dossier, start: datetime) -> tuple[datetime, int]:
    """The legal due moment from ``start`` (DOMAIN A2) and the calendar version used."""
    snapshot = dossier.procedure_version.snapshot
    amount = Decimal(snapshot["processing_time"])
    cutoff = time.fromisoformat(snapshot["cutoff_time"]) if snapshot.get("cutoff_time") else None
    cal = calendar()
    if snapshot["processing_unit"] == Procedure.TimeUnit.WORKING_HOURS:
        due = cal.add_working_hours(start, amount, cutoff)
    else:
        due = cal.add_working_days(start, amount, cutoff)
    return due, cal.version


def _build_route(dossier: Dossier) -> list[DossierStep]:
    """The route's steps, not saved yet."""
    snapshot = dossier.procedure_version.snapshot
    codes = {s["agency"] for s in snapshot["steps"] if s["agency"]}
    agencies = {a.code: a for a in Agency.objects.filter(code__in=codes)} if codes else {}
    return [
        DossierStep(
            dossier=dossier,
            order=s["order"],
            name=s["name"],
            agency=agencies.get(s["agency"] or "", dossier.receiving_agency),
            role=s["role"],
            budget_seconds=calendar_hours_to_seconds(s["budget_hours"]),
        )
        for s in snapshot["steps"]
    ]


def calendar_hours_to_seconds(hours: str) -> int:
    from cchc.domain.workdays import hours_to_seconds

    return hours_to_seconds(hours)


def _fee_lines(dossier: Dossier) -> list[FeeLine]:
    return FeeLine.objects.bulk_create(
        FeeLine(dossier=dossier, name=f["name"], amount_vnd=f["amount_vnd"])
        for f in dossier.procedure_version.snapshot["fees"]
        if f["amount_vnd"] > 0
    )


def _complete_receipt(
    dossier: Dossier, actor: User, at: datetime, from_status: str
) -> tuple[EventDraft, list[DossierStep], list[FeeLine]]:
    """Fix the code and the due moment, build the route, close the counter's intake step and
    hand the dossier to the first processing step. The steps are written once, in their
    state after the hand-over."""
    dossier.code = issue_code(dossier.receiving_agency, at)
    dossier.received_at = at
    dossier.received_by = actor
    dossier.legal_due_at, dossier.calendar_version = _legal_due(dossier, at)
    dossier.due_at = dossier.legal_due_at
    dossier.status = Status.RECEIVED
    steps = _build_route(dossier)
    intake = None
    for step in steps:
        if step.role != Role.COUNTER_OFFICER:
            break
        intake = step
        start_step(dossier, step, at, actor, save=False)
        finish_step(step, at, actor, save=False)
    first = next((s for s in steps if s.state != DossierStep.State.DONE), None)
    if first is not None:
        start_step(dossier, first, at, None, save=False)
    DossierStep.objects.bulk_create(steps)
    fee_lines = _fee_lines(dossier)
    draft = EventDraft(
        action=Action.RECEIVE,
        from_status=from_status,
        from_step=intake,
        to_step=first,
        step_budget_seconds=intake.budget_seconds if intake else None,
        step_used_seconds=0 if intake else None,
        data={"due_at": dossier.due_at.isoformat(), "calendar_version": dossier.calendar_version},
    )
    return draft, steps, fee_lines


@transaction.atomic
def dossier_receive(
    *,
    actor: User,
    request: IntakeRequest,
    received_at: datetime | None = None,
    reason: str = "",
    now: datetime | None = None,
) -> Dossier:
    """Receive a complete dossier at the counter (Mẫu 01): code, due moment, route.

    ``received_at`` in the past is back-office entry of a paper dossier: it needs the
    ``dossiers.backdate_intake`` permission and a reason, and the event says so.
    """
    now = now_or(now)
    agency = _intake_agency(actor, request)
    at = now
    data: dict = {}
    if received_at is not None:
        if not actor.has_perm("dossiers.backdate_intake"):
            raise DossierInputError(MSG_BACKDATE_PERMISSION, "received_at")
        if not reason.strip():
            raise DossierInputError(MSG_REASON_REQUIRED, "reason")
        if received_at > now:
            raise DossierInputError(MSG_BACKDATE_FUTURE, "received_at")
        if now - received_at > BACKDATE_LIMIT:
            raise DossierInputError(MSG_BACKDATE_TOO_OLD, "received_at")
        at = received_at
        data = {"backdated": True, "recorded_at": now.isoformat(), "reason": reason.strip()}
    dossier, documents = _new_dossier(actor, request, agency, Status.RECEIVED, at)
    # Nothing existed before this receipt: the event starts from no status.
    draft, steps, fee_lines = _complete_receipt(dossier, actor, at, from_status="")
    draft.note = reason.strip() if data else ""
    dossier.backdated = bool(data)
    if request.channel == Dossier.Channel.IN_PERSON:
        data.update(count_visit(dossier, at))
    draft.data.update(data)
    event = record(dossier, actor, draft, at)
    dossier.save()
    bump(dossier, at, received=1, fee_bearing=int(bool(fee_lines)))
    notify_applicant(dossier, "received")
    dossier.receipt_rows = ReceiptRows(steps, documents, fee_lines, event)
    return dossier


@transaction.atomic
def dossier_register(
    *, actor: User, request: IntakeRequest, now: datetime | None = None
) -> Dossier:
    """Register a dossier presented at the counter without receiving it yet (to issue a
    supplement request or a refusal on it)."""
    now = now_or(now)
    agency = _intake_agency(actor, request)
    dossier, _ = _new_dossier(actor, request, agency, Status.SUBMITTED, now)
    data = count_visit(dossier, now) if request.channel == Dossier.Channel.IN_PERSON else {}
    record(dossier, actor, EventDraft(action=Action.SUBMIT, from_status="", data=data), now)
    dossier.save()
    return dossier


@transaction.atomic
def dossier_create_draft(
    *, applicant_user: User, request: IntakeRequest, now: datetime | None = None
) -> Dossier:
    """An online dossier being prepared by its applicant (portal)."""
    now = now_or(now)
    agency = request.receiving_agency
    if agency is None:
        raise DossierInputError(MSG_AGENCY_NOT_RECEIVING, "receiving_agency")
    request.applicant_user = applicant_user
    # Registered online; the papers come online or, for a postal submission, by post.
    if request.channel not in (Dossier.Channel.ONLINE, Dossier.Channel.POSTAL):
        request.channel = Dossier.Channel.ONLINE
    dossier, _ = _new_dossier(applicant_user, request, agency, Status.DRAFT, now)
    dossier.submitted_at = None
    record(dossier, applicant_user, EventDraft(action="create", from_status=""), now)
    dossier.save()
    return dossier


@transaction.atomic
def dossier_submit(*, actor: User, dossier: Dossier, now: datetime | None = None) -> Dossier:
    """The applicant submits an online draft into the agency's intake queue."""
    now = now_or(now)
    dossier = lock(dossier)
    check(dossier, actor, Action.SUBMIT, now)
    from_status = dossier.status
    dossier.status = Status.SUBMITTED
    dossier.submitted_at = now
    record(dossier, actor, EventDraft(action=Action.SUBMIT, from_status=from_status), now)
    dossier.save()
    return dossier


@transaction.atomic
def dossier_accept(*, actor: User, dossier: Dossier, now: datetime | None = None) -> Dossier:
    """Receive a dossier waiting in the intake queue (online, postal, or registered)."""
    now = now_or(now)
    dossier = lock(dossier)
    check(dossier, actor, Action.RECEIVE, now)
    draft, _, fee_lines = _complete_receipt(dossier, actor, now, from_status=dossier.status)
    record(dossier, actor, draft, now)
    dossier.save()
    bump(dossier, now, received=1, fee_bearing=int(bool(fee_lines)))
    notify_applicant(dossier, "received")
    return dossier


@transaction.atomic
def dossier_request_supplement(
    *,
    actor: User,
    dossier: Dossier,
    items: list[str],
    reason: str,
    legal_basis: str = "",
    now: datetime | None = None,
) -> SupplementRequest:
    """Ask for every missing item in one go (Mẫu 02). At intake the clock has not started; a
    second intake request needs a written reason and is counted. During processing the clock
    pauses (or will restart, per procedure)."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.REQUEST_SUPPLEMENT, now)
    items = [item.strip() for item in items if item and item.strip()]
    if not items:
        raise DossierInputError(MSG_ITEMS_REQUIRED, "items")
    if len(items) > MAX_SUPPLEMENT_ITEMS or max(map(len, items)) > MAX_SUPPLEMENT_ITEM_LENGTH:
        limits = {"count": MAX_SUPPLEMENT_ITEMS, "length": MAX_SUPPLEMENT_ITEM_LENGTH}
        raise DossierInputError(MSG_TOO_MANY_ITEMS, "items", params=limits)
    intake = rule.target == Status.INTAKE_SUPPLEMENT
    if intake and dossier.intake_supplement_count >= 1 and not reason.strip():
        raise DossierInputError(MSG_SECOND_INTAKE_SUPPLEMENT, "reason")
    from_status = dossier.status
    dossier.status = rule.target
    request = SupplementRequest.objects.create(
        dossier=dossier,
        stage=SupplementRequest.Stage.INTAKE if intake else SupplementRequest.Stage.PROCESSING,
        items=items,
        reason=reason.strip(),
        legal_basis=legal_basis.strip(),
        clock_mode="" if intake else dossier.procedure_version.snapshot["supplement_clock"],
        requested_at=now,
        requested_by=actor,
    )
    if intake:
        dossier.intake_supplement_count += 1
    else:
        dossier.processing_supplement_count += 1
        dossier.clock_paused_at = now
    record(
        dossier,
        actor,
        EventDraft(
            action=Action.REQUEST_SUPPLEMENT,
            from_status=from_status,
            note=reason.strip(),
            from_step=dossier.current_step,
            to_step=dossier.current_step,
            data={"items": items, "stage": request.stage, "supplement_id": request.pk},
        ),
        now,
    )
    dossier.save()
    bump(dossier, now, **{"intake_supplements" if intake else "processing_supplements": 1})
    notify_applicant(dossier, "supplement_requested", supplement=request)
    return request


@transaction.atomic
def dossier_submit_supplement(
    *,
    actor: User,
    dossier: Dossier,
    documents: list[DocumentData] | None = None,
    note: str = "",
    now: datetime | None = None,
) -> Dossier:
    """The complete supplement arrives. During processing the clock resumes: the due moments
    move by the paused working time, or restart from now with the full legal time."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.SUBMIT_SUPPLEMENT, now)
    check_file_limits(dossier, documents or [])
    request = (
        dossier.supplements.filter(fulfilled_at__isnull=True).order_by("-requested_at").first()
    )
    from_status = dossier.status
    dossier.status = rule.target
    if request is not None:
        request.fulfilled_at = now
    add_documents(dossier, documents or [], supplement=request)
    data: dict = {}
    if from_status == Status.SUPPLEMENT_REQUESTED:
        data = _resume_clock(dossier, request, now)
    if request is not None:
        request.save()
    if actor.role in INTAKE_USER_ROLES:  # brought to the counter in person
        data.update(count_visit(dossier, now))
    record(
        dossier,
        actor,
        EventDraft(
            action=Action.SUBMIT_SUPPLEMENT,
            from_status=from_status,
            note=note.strip(),
            from_step=dossier.current_step,
            to_step=dossier.current_step,
            data=data,
        ),
        now,
    )
    dossier.save()
    return dossier


def _resume_clock(dossier: Dossier, request: SupplementRequest | None, now: datetime) -> dict:
    cal = calendar()
    paused_at = dossier.clock_paused_at or now
    paused = max(cal.working_seconds_between(paused_at, now), 0)
    mode = request.clock_mode if request else "pause"
    step = dossier.current_step
    if mode == Procedure.SupplementClock.RESTART:
        legal_due, version = _legal_due(dossier, now)
        extension = legal_due - dossier.legal_due_at if dossier.legal_due_at else None
        dossier.legal_due_at = legal_due
        dossier.calendar_version = version
        if dossier.due_at and extension is not None and dossier.apology_count:
            dossier.due_at = max(dossier.due_at, legal_due)
        else:
            dossier.due_at = legal_due
        if step is not None:
            step.started_at = now
            step.paused_seconds = 0
            step.due_at = cal.add_working_seconds(now, step.budget_seconds)
            step.save(update_fields=["started_at", "paused_seconds", "due_at"])
    else:
        # Moved by the working time actually paused, and by nothing when none passed: a due
        # moment on Friday's closing stays there after a pause from Friday 17:30 to Saturday
        # (DOMAIN A2), so the appointment printed for the applicant does not change.
        if dossier.legal_due_at:
            dossier.legal_due_at = cal.postpone(dossier.legal_due_at, paused)
        if dossier.due_at:
            dossier.due_at = cal.postpone(dossier.due_at, paused)
        if step is not None and step.due_at:
            step.due_at = cal.postpone(step.due_at, paused)
            step.paused_seconds += paused
            step.save(update_fields=["due_at", "paused_seconds"])
    dossier.paused_seconds += paused
    dossier.clock_paused_at = None
    if request is not None:
        request.paused_seconds = paused
    return {"clock_mode": mode, "paused_seconds": paused}


@transaction.atomic
def dossier_refuse(
    *, actor: User, dossier: Dossier, reason: str, now: datetime | None = None
) -> Dossier:
    """Refuse to receive (Mẫu 03), with the reason in plain words. Terminal."""
    now = now_or(now)
    dossier = lock(dossier)
    rule = check(dossier, actor, Action.REFUSE, now)
    if not reason.strip():
        raise DossierInputError(MSG_REASON_REQUIRED, "reason")
    from_status = dossier.status
    dossier.status = rule.target
    dossier.closing_reason = reason.strip()
    dossier.finished_at = now
    record(
        dossier, actor, EventDraft(action=Action.REFUSE, from_status=from_status, note=reason), now
    )
    dossier.save()
    bump(dossier, now, refused=1)
    notify_applicant(dossier, "refused")
    return dossier


@transaction.atomic
def dossier_withdraw(
    *, actor: User, dossier: Dossier, reason: str, now: datetime | None = None
) -> Dossier:
    """Withdraw at the applicant's request (rút hồ sơ). Terminal."""
    now = now_or(now)
    dossier = lock(dossier)
    close_with_reason(dossier, actor, now, Action.WITHDRAW, reason)
    bump(dossier, now, withdrawn=1)
    return dossier


@transaction.atomic
def dossier_record_visit(
    *, actor: User, dossier: Dossier, purpose: str, now: datetime | None = None
) -> Dossier:
    """Count one in-person contact of the applicant; the third is flagged."""
    now = now_or(now)
    dossier = lock(dossier)
    check(dossier, actor, Action.RECORD_VISIT, now)
    if not purpose.strip():
        raise DossierInputError(MSG_REASON_REQUIRED, "purpose")
    data = count_visit(dossier, now)
    record(
        dossier,
        actor,
        EventDraft(
            action=Action.RECORD_VISIT, from_status=dossier.status, note=purpose.strip(), data=data
        ),
        now,
    )
    dossier.save()
    return dossier
