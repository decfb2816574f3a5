"""Writing feedback items (DOMAIN A9, Decree 20/2008): the only code that changes an item's
status, its history and its counters, each action in one transaction on the locked row.

Every action asks the pure core (``cchc.domain.feedback``) whether the actor may take it now,
appends one ``FeedbackEvent``, bumps ``FeedbackDailyStat`` and queues the sender's notice in the
outbox — all or nothing. A refused action raises ``FeedbackError`` with the message to show and
writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _g

from cchc.catalog.models import Procedure
from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue, outbox_enqueue_many
from cchc.core.text import fold
from cchc.core.validation import MSG_TEXT_CONTROL, forbidden_character
from cchc.domain import feedback as rules
from cchc.domain.identity import normalize_phone, phone_ok
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.counters import Difference, differences, table_counts, table_rewrite
from cchc.dossiers.models import Dossier
from cchc.dossiers.uploads import UploadRefused, batch_limits, discard_on_error, store_uploads
from cchc.feedback import messages as msg
from cchc.feedback.models import (
    COUNTERS,
    MAX_ANSWER,
    MAX_CONTENT,
    MAX_REASON,
    MAX_TITLE,
    Channel,
    Classification,
    FeedbackAttachment,
    FeedbackDailyStat,
    FeedbackEvent,
    FeedbackItem,
    FeedbackSequence,
    Outcome,
    PublicationEdit,
    ReviewTest,
    Status,
    Timeliness,
)
from cchc.org.models import Agency, User
from cchc.org.selectors import agency_scope_root, sees_whole_province

HIDDEN = "[đã ẩn]"
MAX_EXTENSION_DAYS = 30
DAILY_KEY = ("agency_id", "day")
# The actions whose events the counters count, and the counter each bumps.
COUNTED = {
    "receive": "received",
    rules.Action.REFUSE.value: "not_accepted",
    rules.Action.FORWARD.value: "forwarded",
    rules.Action.FORWARD_OUT.value: "forwarded",
    rules.Action.APPROVE.value: "answered",
    rules.Action.PUBLISH.value: "published",
    rules.Action.REOPEN.value: "reopened",
}
LATE_COUNTER = {"forwarded": "forwarded_late", "answered": "answered_late"}


class FeedbackError(Exception):
    """A refused input or action: ``message`` for the person, ``field`` the form field."""

    def __init__(self, message: object, field: str = "") -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.field = field


# --- settings ----------------------------------------------------------------------------------


def answer_working_days() -> int:
    return int(getattr(settings, "CCHC_FEEDBACK_ANSWER_DAYS", rules.ANSWER_WORKING_DAYS))


def reopen_window() -> timedelta:
    return timedelta(days=int(getattr(settings, "CCHC_FEEDBACK_REOPEN_DAYS", 30)))


def default_receiver() -> Agency | None:
    """The agency that receives items about no particular agency: ``CCHC_FEEDBACK_RECEIVER``
    (an agency code), else the province's own agency (the first of level province)."""
    code = getattr(settings, "CCHC_FEEDBACK_RECEIVER", "")
    if code:
        return Agency.objects.filter(code=code).first()
    return Agency.objects.filter(level=Agency.Level.PROVINCE).order_by("path").first()


# --- intake -------------------------------------------------------------------------------------


@dataclass
class Sender:
    name: str
    address: str
    phone: str
    email: str = ""
    id_number: str = ""


@dataclass
class FeedbackInput:
    """What the sender gives, from any door (portal form, counter form, Open311)."""

    kind: str
    category: str
    title: str
    content: str
    sender: Sender
    dossier_code: str = ""
    procedure: Procedure | None = None
    subject_agency: Agency | None = None
    location: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None


def _text(value: str, field: str, limit: int, required_message: object) -> str:
    value = (value or "").strip()
    if not value:
        raise FeedbackError(required_message, field)
    if len(value) > limit:
        raise FeedbackError(msg.MSG_TOO_LONG, field)
    _clean(value, field)
    return value


def _clean(value: str, field: str) -> None:
    """The shared text rule (``cchc.core.validation``): no control characters."""
    found = forbidden_character(value)
    if found is not None:
        position, char = found
        raise FeedbackError(MSG_TEXT_CONTROL % {"char": char, "position": position}, field)


def _optional(value: str, field: str, limit: int) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise FeedbackError(msg.MSG_TOO_LONG, field)
    _clean(value, field)
    return value


def clean_sender(sender: Sender) -> Sender:
    """Decree 20/2008 Art. 7: name, address and phone present, the phone a Vietnamese number."""
    missing = rules.missing_sender_fields(
        sender.name or "", sender.address or "", sender.phone or ""
    )
    if missing:
        raise FeedbackError(msg.SENDER_FIELD_MESSAGES[missing[0]], f"sender_{missing[0]}")
    phone = normalize_phone(sender.phone)
    if not phone_ok(phone):
        from cchc.org.identity import MSG_PHONE

        raise FeedbackError(MSG_PHONE, "sender_phone")
    return Sender(
        name=_text(sender.name, "sender_name", 150, msg.MSG_NAME),
        address=_text(sender.address, "sender_address", 255, msg.MSG_ADDRESS),
        phone=phone,
        email=_optional(sender.email, "sender_email", 254),
        id_number=_optional(sender.id_number, "sender_id_number", 20),
    )


def _next_code(moment: datetime) -> str:
    day = moment.astimezone(VN_TZ).date()
    FeedbackSequence.objects.bulk_create([FeedbackSequence(day=day)], ignore_conflicts=True)
    sequence = FeedbackSequence.objects.select_for_update().get(day=day)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"PAKN-{day:%y%m%d}-{sequence.last:04d}"


def feedback_receive(
    data: FeedbackInput,
    *,
    channel: str,
    actor: User | None = None,
    files: Sequence[UploadedFile] = (),
    receiving_agency: Agency | None = None,
    now: datetime | None = None,
) -> FeedbackItem:
    """Register one item (Art. 9: logged on receipt), with its attachments, its code, the
    5-working-day forwarding deadline, the ``received`` counter and the sender's notice.

    Refused with ``FeedbackError`` (nothing stored, no file kept) for an anonymous item or one
    without address or phone (Art. 7), a phone that is not Vietnamese, an unknown kind,
    category or channel, an unknown dossier, or a file the portal's upload checks refuse.
    ``actor``: the officer who transcribed it (counter, post, phone, e-mail) or the signed-in
    sender (portal). A linked dossier gives the agency and procedure."""
    now = now or timezone.now()
    if channel not in Channel.values:
        raise FeedbackError(msg.MSG_CHANNEL, "channel")
    if data.kind not in {k.value for k in rules.Kind}:
        raise FeedbackError(msg.MSG_KIND, "kind")
    if data.category not in {c.value for c in rules.Category}:
        raise FeedbackError(msg.MSG_CATEGORY, "category")
    sender = clean_sender(data.sender)
    title = _text(data.title, "title", MAX_TITLE, msg.MSG_TITLE)
    content = _text(data.content, "content", MAX_CONTENT, msg.MSG_CONTENT)
    location = _optional(data.location, "location", 255)
    dossier = None
    procedure, subject = data.procedure, data.subject_agency
    if data.dossier_code.strip():
        dossier = (
            Dossier.objects.select_related("procedure", "resolving_agency", "receiving_agency")
            .filter(code=data.dossier_code.strip())
            .first()
        )
        if dossier is None:
            raise FeedbackError(msg.MSG_DOSSIER, "dossier_code")
        owner = actor is not None and dossier.applicant_user_id == getattr(actor, "pk", None)
        phone_matches = normalize_phone(dossier.applicant_phone) == sender.phone
        if not _is_staff(actor) and not owner and not phone_matches:
            raise FeedbackError(msg.MSG_DOSSIER_PHONE, "dossier_code")
        procedure = dossier.procedure
        subject = dossier.resolving_agency or dossier.receiving_agency
    receiver = (
        receiving_agency or (subject.unit if subject is not None else None) or default_receiver()
    )
    if receiver is None:
        raise FeedbackError(msg.MSG_NO_RECEIVER, "subject_agency")
    files = [f for f in files if f]
    if files:
        problems = batch_limits(list(files), existing_count=0, existing_bytes=0)
        if problems:
            raise FeedbackError(problems[0], "attachments")
    try:
        stored = store_uploads(list(files)) if files else []
    except UploadRefused as refused:
        raise FeedbackError(str(refused), "attachments") from None
    with discard_on_error(stored), transaction.atomic():
        item = FeedbackItem.objects.create(
            code=_next_code(now),
            kind=data.kind,
            category=data.category,
            channel=channel,
            sender_name=sender.name,
            sender_address=sender.address,
            sender_phone=sender.phone,
            sender_email=sender.email,
            sender_id_number=sender.id_number,
            sender_user=actor if actor is not None and not _is_staff(actor) else None,
            title=title,
            content=content,
            location=location,
            latitude=data.latitude,
            longitude=data.longitude,
            dossier=dossier,
            procedure=procedure,
            subject_agency=subject,
            receiving_agency=receiver,
            status=Status.RECEIVED,
            received_at=now,
            forward_due_at=rules.forward_due(current_calendar(), now),
            answer_days=answer_working_days(),
        )
        FeedbackAttachment.objects.bulk_create(
            FeedbackAttachment(
                item=item,
                file=s.name,
                original_name=s.original_name,
                content_type=s.content_type,
                size=s.size,
            )
            for s in stored
        )
        _record(item, actor if _is_staff(actor) else None, "receive", "", receiver, now)
        item.save(update_fields=["event_count"])
        notify_sender(item, "received")
    return item


def _is_staff(actor: object) -> bool:
    return bool(
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and (actor.is_superuser or actor.role != User.Role.CITIZEN)
    )


# --- likely duplicates ----------------------------------------------------------------------


def feedback_duplicates(
    *,
    phone: str = "",
    dossier_id: int | None = None,
    text: str = "",
    exclude_pk: int | None = None,
    days: int = 90,
    limit: int = 5,
) -> list[FeedbackItem]:
    """Items still open from the last ``days`` that are likely the same matter: from the same
    phone, about the same dossier, or with a similar text (``rules.similarity`` of the folded
    words ≥ ``rules.DUPLICATE_SIMILARITY``). Most recent first."""
    since = timezone.now() - timedelta(days=days)
    open_items = FeedbackItem.objects.filter(received_at__gte=since).exclude(
        status__in=[s.value for s in rules.TERMINAL]
    )
    if exclude_pk:
        open_items = open_items.exclude(pk=exclude_pk)
    condition = Q(pk__in=[])
    phone = normalize_phone(phone)
    if phone_ok(phone):
        condition |= Q(sender_phone=phone)
    if dossier_id:
        condition |= Q(dossier_id=dossier_id)
    found = {i.pk: i for i in open_items.filter(condition).order_by("-received_at")[:limit]}
    words = rules.word_set(fold(text))
    if words and len(found) < limit:
        for item in open_items.exclude(pk__in=list(found)).order_by("-received_at")[:500]:
            if rules.similarity(words, rules.word_set(fold(f"{item.title} {item.content}"))) >= (
                rules.DUPLICATE_SIMILARITY
            ):
                found[item.pk] = item
                if len(found) >= limit:
                    break
    return sorted(found.values(), key=lambda i: i.received_at, reverse=True)


# --- who acts ---------------------------------------------------------------------------------


def _within(agency: Agency | None, actor: User) -> bool:
    if agency is None:
        return False
    if actor.is_superuser or sees_whole_province(actor):
        return True
    root = agency_scope_root(actor)
    return root is not None and agency.path.startswith(root.unit.path)


def actor_role(item: FeedbackItem, actor: User | None) -> rules.Role | None:
    """The role ``actor`` plays for ``item`` now, or ``None`` (no part in it). Classifying is
    for the receiving agency's one-stop, reform officers and leaders (and the province-wide
    roles); drafting for the answering agency's specialists; approving for its leaders."""
    if actor is None or not _is_staff(actor):
        return None
    at_receiver = item.status == Status.RECEIVED or item.handling_agency_id is None
    agency = item.receiving_agency if at_receiver else item.handling_agency
    if not _within(agency, actor):
        return None
    if actor.role == User.Role.LEADER:
        return rules.Role.LEADER
    if actor.role == User.Role.SPECIALIST:
        return rules.Role.HANDLER
    return rules.Role.RECEIVER


def _situation(item: FeedbackItem, role: rules.Role, now: datetime) -> rules.Situation:
    return rules.Situation(
        status=rules.Status(item.status),
        role=role,
        extensions=item.extensions,
        answered_at=item.answered_at,
        now=now,
        reopen_window=reopen_window(),
    )


def allowed_actions(
    item: FeedbackItem, actor: User | None, now: datetime | None = None
) -> list[str]:
    role = actor_role(item, actor)
    if role is None:
        return []
    return [a.value for a in rules.allowed_actions(_situation(item, role, now or timezone.now()))]


def _check(
    item: FeedbackItem,
    actor: User | None,
    action: rules.Action,
    now: datetime,
    role: rules.Role | None = None,
) -> rules.Rule:
    role = role or actor_role(item, actor)
    if role is None:
        raise FeedbackError(msg.MSG_ROLE)
    try:
        return rules.find_rule(action, _situation(item, role, now))
    except rules.TransitionError as refused:
        raise FeedbackError(msg.TRANSITION_MESSAGES[refused.reason]) from None


def _lock(item: FeedbackItem) -> FeedbackItem:
    """The item's row, locked until the transaction ends (``of=("self",)``: PostgreSQL
    cannot lock the nullable side of the join to the handling agency)."""
    return (
        FeedbackItem.objects.select_related("receiving_agency", "handling_agency")
        .select_for_update(of=("self",))
        .get(pk=item.pk)
    )


def _reason(reason: str, required: bool = True) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise FeedbackError(msg.MSG_REASON, "reason")
    if len(reason) > MAX_REASON:
        raise FeedbackError(msg.MSG_TOO_LONG, "reason")
    _clean(reason, "reason")
    return reason


def _record(
    item: FeedbackItem,
    actor: User | None,
    action: str,
    from_status: str,
    agency: Agency | int,
    at: datetime,
    *,
    note: str = "",
    timely: bool | None = None,
    to_agency: Agency | None = None,
) -> FeedbackEvent:
    """Append the one event of this action and bump its counter (same transaction)."""
    item.event_count += 1
    agency_id = getattr(agency, "pk", agency)
    event = FeedbackEvent.objects.create(
        item=item,
        seq=item.event_count,
        action=action,
        actor=actor,
        actor_name=(actor.get_full_name() or actor.username) if actor else "",
        agency_id=agency_id,
        to_agency=to_agency,
        from_status=from_status,
        to_status=item.status,
        timely=timely,
        note=note,
        at=at,
    )
    counter = COUNTED.get(action)
    if counter:
        bumps = {counter: 1}
        if timely is False and counter in LATE_COUNTER:
            bumps[LATE_COUNTER[counter]] = 1
        _bump(agency_id, at.astimezone(VN_TZ).date(), bumps)
    return event


def _bump(agency_id: int, day: date, bumps: dict[str, int]) -> None:
    key = {"agency_id": agency_id, "day": day}
    update = {name: F(name) + n for name, n in bumps.items()}
    if FeedbackDailyStat.objects.filter(**key).update(**update):
        return
    FeedbackDailyStat.objects.bulk_create([FeedbackDailyStat(**key)], ignore_conflicts=True)
    FeedbackDailyStat.objects.filter(**key).update(**update)


def _assign_to(item: FeedbackItem, agency: Agency, at: datetime) -> None:
    """The item reaches ``agency``, which answers it: the answer clock starts (DOMAIN B §8)."""
    item.handling_agency = agency
    item.handler = None
    item.assigned_at = at
    item.answer_due_at = rules.answer_due(
        current_calendar(), at, item.answer_days, item.extension_days
    )


# --- classification and routing (Art. 9) ------------------------------------------------------


def feedback_classify(
    item: FeedbackItem,
    actor: User,
    *,
    classification: str,
    agency: Agency | None = None,
    reason: str = "",
    external_authority: str = "",
    now: datetime | None = None,
) -> FeedbackItem:
    """Classify a received item four ways (Decree 20/2008 Art. 9):

    - ``not_accepted``: fails Art. 7 or is not feedback on a regulation (``reason`` required,
      the sender is told why);
    - ``conduct``: officers' conduct or the way a regulation is applied — to the agency
      responsible (``agency``, by default the agency it is about);
    - ``within_competence``: the receiving agency answers it;
    - ``outside_competence``: forwarded to the competent agency (``agency``) in the platform,
      or outside it (``external_authority`` and ``reason``) — due within 5 working days of
      receipt; a forward after that is counted late."""
    now = now or timezone.now()
    if classification not in Classification.values:
        raise FeedbackError(msg.MSG_CLASSIFICATION, "classification")
    with transaction.atomic():
        item = _lock(item)
        if classification == Classification.NOT_ACCEPTED:
            _check(item, actor, rules.Action.REFUSE, now)
            item.closing_reason = _reason(reason)
            return _finish_classification(
                item, actor, rules.Action.REFUSE, classification, now, note=item.closing_reason
            )
        if classification == Classification.WITHIN_COMPETENCE:
            _check(item, actor, rules.Action.ACCEPT, now)
            _assign_to(item, item.receiving_agency, now)
            return _finish_classification(
                item, actor, rules.Action.ACCEPT, classification, now, note=_reason(reason, False)
            )
        if classification == Classification.CONDUCT:
            _check(item, actor, rules.Action.ACCEPT, now)
            target = agency or (
                item.subject_agency.unit if item.subject_agency else item.receiving_agency
            )
            _assign_to(item, target, now)
            return _finish_classification(
                item,
                actor,
                rules.Action.ACCEPT,
                classification,
                now,
                note=_reason(reason, False),
                to_agency=target,
            )
        # outside competence
        if external_authority.strip():
            _check(item, actor, rules.Action.FORWARD_OUT, now)
            item.external_authority = _text(
                external_authority, "external_authority", 255, msg.MSG_EXTERNAL
            )
            item.closing_reason = _reason(reason)
            return _finish_classification(
                item,
                actor,
                rules.Action.FORWARD_OUT,
                classification,
                now,
                note=f"{item.external_authority}: {item.closing_reason}",
            )
        if agency is None:
            raise FeedbackError(msg.MSG_FORWARD_AGENCY, "agency")
        if agency.pk == item.receiving_agency_id:
            raise FeedbackError(msg.MSG_SAME_AGENCY, "agency")
        _check(item, actor, rules.Action.FORWARD, now)
        _assign_to(item, agency, now)
        return _finish_classification(
            item,
            actor,
            rules.Action.FORWARD,
            classification,
            now,
            note=_reason(reason, False),
            to_agency=agency,
        )


def _finish_classification(
    item: FeedbackItem,
    actor: User,
    action: rules.Action,
    classification: str,
    now: datetime,
    *,
    note: str = "",
    to_agency: Agency | None = None,
) -> FeedbackItem:
    from_status = item.status
    rule = rules.RULES[action]
    item.status = rules.target_status(rule, rules.Status(from_status)).value
    item.classification = classification
    item.classified_at = now
    timely = None
    if action in (rules.Action.FORWARD, rules.Action.FORWARD_OUT):
        timely = now <= item.forward_due_at
    _record(
        item,
        actor,
        action.value,
        from_status,
        item.receiving_agency_id,
        now,
        note=note,
        timely=timely,
        to_agency=to_agency,
    )
    item.save()
    if action == rules.Action.REFUSE:
        notify_sender(item, "not_accepted")
    elif action == rules.Action.FORWARD_OUT:
        notify_sender(item, "forwarded_out")
    else:
        notify_sender(item, "accepted")
        _notify_agency(item, "assigned")
    return item


def feedback_forward(
    item: FeedbackItem,
    actor: User,
    *,
    agency: Agency | None = None,
    external_authority: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> FeedbackItem:
    """Reassign an item being handled to another agency (the history keeps where it was), or
    forward it outside the platform. A forward from the receiving agency's own handling keeps
    the Art. 9 deadline; a later reassignment between answering agencies is not counted."""
    now = now or timezone.now()
    with transaction.atomic():
        item = _lock(item)
        from_status = item.status
        if from_status == Status.RECEIVED:
            return feedback_classify(
                item,
                actor,
                classification=Classification.OUTSIDE_COMPETENCE,
                agency=agency,
                reason=reason,
                external_authority=external_authority,
                now=now,
            )
        counted_agency = item.handling_agency_id or item.receiving_agency_id
        if external_authority.strip():
            _check(item, actor, rules.Action.FORWARD_OUT, now)
            item.external_authority = _text(
                external_authority, "external_authority", 255, msg.MSG_EXTERNAL
            )
            item.closing_reason = _reason(reason)
            item.status = Status.FORWARDED_OUT
            _record(
                item,
                actor,
                rules.Action.FORWARD_OUT.value,
                from_status,
                counted_agency,
                now,
                note=f"{item.external_authority}: {item.closing_reason}",
                timely=now <= item.forward_due_at,
            )
            item.save()
            notify_sender(item, "forwarded_out")
            return item
        if agency is None:
            raise FeedbackError(msg.MSG_FORWARD_AGENCY, "agency")
        if agency.pk == item.handling_agency_id:
            raise FeedbackError(msg.MSG_SAME_AGENCY, "agency")
        _check(item, actor, rules.Action.FORWARD, now)
        note = _reason(reason)
        _assign_to(item, agency, now)
        item.status = Status.HANDLING
        # A reassignment: history, not the Art. 9 forwarding count.
        _record(
            item, actor, "reassign", from_status, counted_agency, now, note=note, to_agency=agency
        )
        item.save()
        _notify_agency(item, "assigned")
    return item


def feedback_assign(
    item: FeedbackItem, actor: User, *, handler: User, now: datetime | None = None
) -> FeedbackItem:
    """A leader (or the receiving officer) gives the item to one officer of the answering
    agency to draft the answer."""
    now = now or timezone.now()
    with transaction.atomic():
        item = _lock(item)
        role = actor_role(item, actor)
        if (
            role not in (rules.Role.LEADER, rules.Role.RECEIVER)
            or item.status not in rules.ANSWER_CLOCK
        ):
            raise FeedbackError(msg.MSG_ROLE)
        if (
            not handler.is_active
            or not _within(item.handling_agency, handler)
            or not _is_staff(handler)
        ):
            raise FeedbackError(msg.MSG_HANDLER, "handler")
        item.handler = handler
        _record(
            item,
            actor,
            "assign",
            item.status,
            item.handling_agency_id,
            now,
            note=handler.get_full_name() or handler.username,
        )
        item.save()
        outbox_enqueue(
            channel=OutboxMessage.Channel.INTERNAL,
            recipient=handler.username,
            user=handler,
            subject=_g("Được giao xử lý phản ánh %(code)s") % {"code": item.code},
            body=item.title,
            template="feedback_assigned",
            dedupe_key=f"fb:{item.public_id}:assign:{item.event_count}",
        )
    return item


def feedback_merge(
    item: FeedbackItem, actor: User, *, into: FeedbackItem, now: datetime | None = None
) -> FeedbackItem:
    """Close a duplicate: it is followed under ``into`` (the sender is told its code)."""
    now = now or timezone.now()
    if into.pk == item.pk:
        raise FeedbackError(msg.MSG_MERGE_SELF, "into")
    with transaction.atomic():
        target = FeedbackItem.objects.select_for_update().get(pk=into.pk)
        item = _lock(item)
        if target.status in {s.value for s in rules.TERMINAL}:
            raise FeedbackError(msg.MSG_MERGE_TARGET, "into")
        _check(item, actor, rules.Action.MERGE, now)
        from_status = item.status
        item.status = Status.MERGED
        item.merged_into = target
        _record(
            item,
            actor,
            rules.Action.MERGE.value,
            from_status,
            item.responsible_agency_id,
            now,
            note=target.code,
        )
        item.save()
        notify_sender(item, "merged")
    return item


# --- the answer ---------------------------------------------------------------------------------


def clean_review(review: dict | None, outcome: str) -> tuple[dict, str]:
    """Art. 14–15: each of the six tests ``{"met": bool, "note": str}`` and an outcome."""
    review = review or {}
    cleaned = {}
    for test in ReviewTest.values:
        entry = review.get(test)
        if not isinstance(entry, dict) or not isinstance(entry.get("met"), bool):
            raise FeedbackError(msg.MSG_REVIEW, "review")
        cleaned[test] = {
            "met": entry["met"],
            "note": _optional(str(entry.get("note", "")), "review", 1000),
        }
    if outcome not in Outcome.values:
        raise FeedbackError(msg.MSG_REVIEW, "review_outcome")
    return cleaned, outcome


def feedback_submit_draft(
    item: FeedbackItem,
    actor: User,
    *,
    text: str,
    review: dict | None = None,
    outcome: str = "",
    now: datetime | None = None,
) -> FeedbackItem:
    """The answering agency's draft goes to its leader. An item about a regulation must carry
    the six review tests of Art. 14 and the outcome of Art. 15."""
    now = now or timezone.now()
    draft = _text(text, "text", MAX_ANSWER, msg.MSG_DRAFT)
    with transaction.atomic():
        item = _lock(item)
        _check(item, actor, rules.Action.SUBMIT_DRAFT, now)
        if item.is_regulation:
            item.review, item.review_outcome = clean_review(review, outcome)
        elif outcome:
            if outcome not in Outcome.values:
                raise FeedbackError(msg.MSG_REVIEW, "review_outcome")
            item.review_outcome = outcome
        from_status = item.status
        item.draft_answer = draft
        if item.handler_id is None:
            item.handler = actor
        item.status = Status.AWAITING_APPROVAL
        _record(
            item, actor, rules.Action.SUBMIT_DRAFT.value, from_status, item.handling_agency_id, now
        )
        item.save()
        _notify_agency(item, "draft_submitted")
    return item


def feedback_return_draft(
    item: FeedbackItem, actor: User, *, reason: str, now: datetime | None = None
) -> FeedbackItem:
    """The leader sends the draft back with what to change."""
    now = now or timezone.now()
    with transaction.atomic():
        item = _lock(item)
        _check(item, actor, rules.Action.RETURN_DRAFT, now)
        note = _reason(reason)
        from_status = item.status
        item.status = Status.HANDLING
        _record(
            item,
            actor,
            rules.Action.RETURN_DRAFT.value,
            from_status,
            item.handling_agency_id,
            now,
            note=note,
        )
        item.save()
        if item.handler_id:
            outbox_enqueue(
                channel=OutboxMessage.Channel.INTERNAL,
                recipient=item.handler.username,
                user=item.handler,
                subject=_g("Dự thảo trả lời phản ánh %(code)s bị trả lại") % {"code": item.code},
                body=note,
                template="feedback_returned",
                dedupe_key=f"fb:{item.public_id}:return:{item.event_count}",
            )
    return item


def feedback_approve(
    item: FeedbackItem, actor: User, *, now: datetime | None = None
) -> FeedbackItem:
    """The leader approves the draft: it is the answer, sent to the sender; on time when
    approved by the answer's due moment. The public texts are prepared with the sender's
    personal data removed, for publication."""
    now = now or timezone.now()
    with transaction.atomic():
        item = _lock(item)
        _check(item, actor, rules.Action.APPROVE, now)
        from_status = item.status
        timely = item.answer_due_at is None or now <= item.answer_due_at
        item.answer = item.draft_answer
        item.answer_signer = actor.get_full_name() or actor.username
        item.answered_at = now
        item.answer_timeliness = Timeliness.ON_TIME if timely else Timeliness.LATE
        item.status = Status.ANSWERED
        item.published_title = redact_personal(item.title, item)
        item.published_content = redact_personal(item.content, item)
        item.published_answer = redact_personal(item.answer, item)
        _record(
            item,
            actor,
            rules.Action.APPROVE.value,
            from_status,
            item.handling_agency_id,
            now,
            timely=timely,
        )
        item.save()
        notify_sender(item, "answered")
    return item


def feedback_publish(
    item: FeedbackItem,
    actor: User,
    *,
    title: str | None = None,
    content: str | None = None,
    answer: str | None = None,
    reason: str = "",
    now: datetime | None = None,
) -> FeedbackItem:
    """Publish the answer (Art. 19). The officer may moderate the public texts; each change
    is kept (``PublicationEdit``: before, after, who, why) and the originals stay untouched.
    Whatever is typed, the sender's name, phone, e-mail, address and identity number are
    removed once more before the text is stored."""
    now = now or timezone.now()
    with transaction.atomic():
        item = _lock(item)
        _check(item, actor, rules.Action.PUBLISH, now)
        note = _reason(reason, required=False)
        changes = {
            PublicationEdit.Field.TITLE: ("published_title", title, MAX_TITLE),
            PublicationEdit.Field.CONTENT: ("published_content", content, MAX_CONTENT),
            PublicationEdit.Field.ANSWER: ("published_answer", answer, MAX_ANSWER),
        }
        edits = []
        for field, (attr, value, limit) in changes.items():
            if value is None:
                continue
            value = redact_personal(_text(value, attr, limit, msg.MSG_PUBLISH_EMPTY), item)
            before = getattr(item, attr)
            if value != before:
                edits.append(
                    PublicationEdit(
                        item=item,
                        field=field,
                        before=before,
                        after=value,
                        reason=note,
                        actor=actor,
                        at=now,
                    )
                )
                setattr(item, attr, value)
        PublicationEdit.objects.bulk_create(edits)
        from_status = item.status
        item.status = Status.PUBLISHED
        item.published_at = now
        item.published_search = fold(
            " ".join(
                [item.code, item.published_title, item.published_content, item.published_answer]
            )
        )
        _record(
            item,
            actor,
            rules.Action.PUBLISH.value,
            from_status,
            item.handling_agency_id,
            now,
            note=note,
        )
        item.save()
    return item


def feedback_extend(
    item: FeedbackItem, actor: User, *, days: int, reason: str, now: datetime | None = None
) -> FeedbackItem:
    """Extend the answer's deadline once, with a reason (DOMAIN A9); the sender is told."""
    now = now or timezone.now()
    try:
        days = int(days)
    except (TypeError, ValueError):
        raise FeedbackError(msg.MSG_EXTEND_DAYS, "days") from None
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise FeedbackError(msg.MSG_EXTEND_DAYS, "days")
    with transaction.atomic():
        item = _lock(item)
        _check(item, actor, rules.Action.EXTEND, now)
        note = _reason(reason)
        item.extensions += 1
        item.extension_days = days
        item.answer_due_at = rules.answer_due(
            current_calendar(), item.assigned_at or now, item.answer_days, days
        )
        _record(
            item,
            actor,
            rules.Action.EXTEND.value,
            item.status,
            item.handling_agency_id,
            now,
            note=note,
        )
        item.save()
        notify_sender(item, "extended")
    return item


def feedback_lookup(code: str, phone: str) -> FeedbackItem | None:
    """The item with ``code`` if ``phone`` is its sender's, else ``None`` (the same answer
    for a wrong code as for a wrong phone)."""
    code = (code or "").strip().upper()
    if not code or len(code) > 40:
        return None
    item = (
        FeedbackItem.objects.select_related("handling_agency", "receiving_agency")
        .filter(code=code)
        .first()
    )
    if item is None or normalize_phone(phone) != item.sender_phone:
        return None
    return item


def feedback_reopen(
    item: FeedbackItem, *, phone: str, reason: str, now: datetime | None = None
) -> FeedbackItem:
    """The sender (proved by the item's phone) says the answer does not address the item,
    within ``CCHC_FEEDBACK_REOPEN_DAYS`` of the answer: it goes back to the answering agency
    with a new answer deadline from now."""
    now = now or timezone.now()
    with transaction.atomic():
        item = _lock(item)
        if normalize_phone(phone) != item.sender_phone:
            raise FeedbackError(msg.MSG_NOT_FOUND, "phone")
        _check(item, None, rules.Action.REOPEN, now, role=rules.Role.SENDER)
        note = _reason(reason)
        from_status = item.status
        item.status = Status.HANDLING
        item.reopen_count += 1
        item.extensions = 0
        item.extension_days = 0
        _assign_to(item, item.handling_agency or item.receiving_agency, now)
        _record(
            item,
            None,
            rules.Action.REOPEN.value,
            from_status,
            item.handling_agency_id,
            now,
            note=note,
        )
        item.save()
        _notify_agency(item, "reopened")
    return item


# --- reminders ------------------------------------------------------------------------------


def feedback_remind(now: datetime | None = None, *, days_before: int = 2) -> int:
    """Internal notices to the answering agency's officers: once when an answer falls due
    within ``days_before`` working days, once when it is overdue, once when an item waits
    past its 5-day forwarding deadline. Deduplicated per item and deadline; returns how many
    were queued."""
    now = now or timezone.now()
    cal = current_calendar()
    soon = cal.add_working_days(now, days_before)
    queued = 0
    clock = [s.value for s in rules.ANSWER_CLOCK]
    answering = FeedbackItem.objects.filter(
        status__in=clock, answer_due_at__lte=soon
    ).select_related("handling_agency")
    for item in answering.iterator(chunk_size=500):
        kind = "overdue" if item.answer_due_at < now else "due_soon"
        queued += _notify_agency(item, kind, dedupe=f"{kind}:{item.answer_due_at:%Y%m%d%H%M}")
    waiting = FeedbackItem.objects.filter(
        status=Status.RECEIVED, forward_due_at__lt=now
    ).select_related("receiving_agency")
    for item in waiting.iterator(chunk_size=500):
        queued += _notify_agency(item, "forward_overdue", dedupe="forward_overdue")
    return queued


# --- notices --------------------------------------------------------------------------------

SUBJECTS = {
    "received": "Phản ánh, kiến nghị {code} đã được tiếp nhận",
    "not_accepted": "Phản ánh, kiến nghị {code} không được tiếp nhận",
    "accepted": "Phản ánh, kiến nghị {code} đang được xử lý",
    "forwarded_out": "Phản ánh, kiến nghị {code} đã được chuyển cơ quan có thẩm quyền",
    "merged": "Phản ánh, kiến nghị {code} được xử lý chung với phản ánh khác",
    "extended": "Phản ánh, kiến nghị {code}: gia hạn thời hạn trả lời",
    "answered": "Trả lời phản ánh, kiến nghị {code}",
}

AGENCY_SUBJECTS = {
    "assigned": "Phản ánh {code} được chuyển đến đơn vị để xử lý",
    "draft_submitted": "Dự thảo trả lời phản ánh {code} chờ duyệt",
    "reopened": "Phản ánh {code} được người gửi đề nghị xem xét lại",
    "due_soon": "Phản ánh {code} sắp đến hạn trả lời",
    "overdue": "Phản ánh {code} đã quá hạn trả lời",
    "forward_overdue": "Phản ánh {code} quá 5 ngày làm việc chưa phân loại, chuyển",
}


def notify_sender(item: FeedbackItem, kind: str) -> None:
    """Queue an e-mail (when the sender gave one) and an SMS about ``kind``, in the caller's
    transaction."""
    subject = SUBJECTS[kind].format(code=item.code)
    lookup = f"{settings.CCHC_PUBLIC_URL}/phan-anh/tra-cuu/?ma={item.code}"
    body = render_to_string(
        "notifications/feedback.txt",
        {
            "item": item,
            "kind": kind,
            "subject": subject,
            "lookup_url": lookup,
            "province_name": settings.CCHC_PROVINCE_NAME,
        },
    ).strip()
    key = f"fb:{item.public_id}:{kind}:{item.event_count}"
    outbox_enqueue_many(
        [
            {
                "channel": OutboxMessage.Channel.EMAIL,
                "recipient": item.sender_email,
                "subject": subject,
                "body": body,
                "template": f"feedback_{kind}",
                "dedupe_key": f"{key}:email",
                "user": item.sender_user,
            },
            {
                "channel": OutboxMessage.Channel.SMS,
                "recipient": item.sender_phone,
                "subject": subject,
                "body": f"{subject}. Tra cứu: {lookup}",
                "template": f"feedback_{kind}",
                "dedupe_key": f"{key}:sms",
                "user": item.sender_user,
            },
        ]
    )


def _agency_officers(agency: Agency | None) -> Iterable[User]:
    if agency is None:
        return []
    return User.objects.filter(
        is_active=True,
        agency__path__startswith=agency.unit.path,
        role__in=[
            User.Role.LEADER,
            User.Role.SPECIALIST,
            User.Role.REFORM_OFFICER,
            User.Role.COUNTER_OFFICER,
        ],
    ).only("pk", "username")


def _notify_agency(item: FeedbackItem, kind: str, *, dedupe: str = "") -> int:
    """Internal notices (the bell in the officers' pages) to the agency the item waits at."""
    agency = (
        item.receiving_agency
        if item.status == Status.RECEIVED
        else (item.handling_agency or item.receiving_agency)
    )
    subject = AGENCY_SUBJECTS[kind].format(code=item.code)
    suffix = dedupe or str(item.event_count)
    targets = (
        [item.handler]
        if item.handler_id and kind in {"due_soon", "overdue"}
        else list(_agency_officers(agency))
    )
    outbox_enqueue_many(
        [
            {
                "channel": OutboxMessage.Channel.INTERNAL,
                "recipient": user.username,
                "subject": subject,
                "body": item.title,
                "template": f"feedback_{kind}",
                "dedupe_key": f"fb:{item.public_id}:{kind}:{suffix}:{user.pk}",
                "user": user,
            }
            for user in targets
        ]
    )
    return len(targets)


# --- personal data out of public text -------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
_PHONE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")
_NUMBER_ID = re.compile(r"(?<!\d)\d{9,13}(?!\d)")


def redact_personal(text: str, item: FeedbackItem) -> str:
    """``text`` with the sender's personal data replaced by ``[đã ẩn]``: their name, address,
    phone, e-mail and identity number as given, and any e-mail address, phone-like or
    identity-like number (9–13 digits) in it. Used for every text that leaves for the public
    page, the Open311 lists and the published answer."""
    out = text or ""
    for known in (item.sender_name, item.sender_address, item.sender_email, item.sender_id_number):
        known = (known or "").strip()
        if len(known) >= 3:
            out = re.sub(re.escape(known), HIDDEN, out, flags=re.IGNORECASE)
    out = _EMAIL.sub(HIDDEN, out)
    out = _PHONE.sub(HIDDEN, out)
    out = _NUMBER_ID.sub(HIDDEN, out)
    return out


# --- counters: recount, check, rebuild --------------------------------------------------------


def feedback_recount() -> dict[tuple, dict[str, int]]:
    """``FeedbackDailyStat`` recomputed from the events, keyed ``(agency_id, day)``."""
    counts: dict[tuple, dict[str, int]] = {}
    rows = FeedbackEvent.objects.filter(action__in=list(COUNTED)).values_list(
        "agency_id", "at", "action", "timely"
    )
    for agency_id, at, action, timely in rows.iterator(chunk_size=2000):
        row = counts.setdefault((agency_id, at.astimezone(VN_TZ).date()), {})
        counter = COUNTED[action]
        row[counter] = row.get(counter, 0) + 1
        if timely is False and counter in LATE_COUNTER:
            late = LATE_COUNTER[counter]
            row[late] = row.get(late, 0) + 1
    return counts


def feedback_check() -> list[Difference]:
    return differences(
        table_counts(FeedbackDailyStat, DAILY_KEY, COUNTERS),
        feedback_recount(),
        "FeedbackDailyStat",
    )


@transaction.atomic
def feedback_rebuild() -> int:
    return table_rewrite(FeedbackDailyStat, DAILY_KEY, feedback_recount())
