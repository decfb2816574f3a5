"""Feedback and petitions (phản ánh, kiến nghị — PAKN): kinds, categories, classification, the
lifecycle of an item and its deadlines. Pure Python, like ``cchc.domain.lifecycle`` for
dossiers: the services (issue 10) describe the item and the actor as a ``Situation`` and ask
this module what may happen now.

Implements DOMAIN A9 and B §8 (Decree 20/2008/NĐ-CP as consolidated with Decree 48/2013 and
amended by Decree 92/2017):

* Art. 3: a *phản ánh* states a regulation's problem; a *kiến nghị* proposes a solution or an
  initiative (``Kind``). Art. 5: what an item may be about (``Category``).
* Art. 7: an item must give the sender's name, address and phone; an anonymous item is not
  accepted (``missing_sender_fields``: the services refuse it at the door and classification
  refuses what slips through, telling the sender why).
* Art. 9: a received item is registered, then classified four ways (``Classification``): not
  accepted; about officers' conduct or the way a regulation is applied (handled by the agency
  responsible); within the receiver's competence; outside it — **forwarded within 5 working
  days of receipt** (``forward_due``).
* The answer is due a configurable number of working days after the item reaches the agency
  that answers (default 10, ``answer_due``), extended once with a reason. The leader approves
  the draft or returns it; the approved answer is published (Art. 19) and sent to the sender,
  who may reopen the item within a configurable window if it does not address it.

Complaints and denunciations (khiếu nại, tố cáo) follow other laws and are out of scope.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from cchc.domain.workdays import WorkCalendar

FORWARD_WORKING_DAYS = 5  # Decree 20/2008 Art. 9: out-of-competence items forwarded within 5
ANSWER_WORKING_DAYS = 10  # DOMAIN B §8: about 10 working days (configurable per province)
MAX_EXTENSIONS = 1


class Kind(StrEnum):
    """Decree 20/2008 Art. 3."""

    PHAN_ANH = "phan_anh"
    KIEN_NGHI = "kien_nghi"


class Category(StrEnum):
    """Decree 20/2008 Art. 5 (the content of an item)."""

    OFFICER_CONDUCT = "officer_conduct"  # delay or harassment by officers
    WRONG_APPLICATION = "wrong_application"  # a regulation applied wrongly
    UNFIT_REGULATION = "unfit_regulation"  # a regulation unfit for reality
    CONFLICTING_REGULATIONS = "conflicting_regulations"
    ILLEGAL_REGULATION = "illegal_regulation"
    OTHER = "other"
    PROPOSAL = "proposal"
    INITIATIVE = "initiative"


# The categories about a regulation itself: their answer records the six review tests of Art. 14.
REGULATION_CATEGORIES = frozenset(
    {
        Category.UNFIT_REGULATION,
        Category.CONFLICTING_REGULATIONS,
        Category.ILLEGAL_REGULATION,
    }
)


class Classification(StrEnum):
    """Decree 20/2008 Art. 9: the four ways a received item is classified."""

    NOT_ACCEPTED = "not_accepted"
    CONDUCT = "conduct"  # officers' conduct, the way a regulation is applied
    WITHIN_COMPETENCE = "within_competence"
    OUTSIDE_COMPETENCE = "outside_competence"


class Status(StrEnum):
    RECEIVED = "received"  # registered, not classified yet
    NOT_ACCEPTED = "not_accepted"  # terminal: the sender is told why
    HANDLING = "handling"  # at the agency that answers (after a forward too)
    AWAITING_APPROVAL = "awaiting_approval"  # the draft answer is with the leader
    ANSWERED = "answered"  # approved, sent to the sender
    PUBLISHED = "published"  # the answer is on the public page (Art. 19)
    FORWARDED_OUT = "forwarded_out"  # terminal: sent to an authority outside the platform
    MERGED = "merged"  # terminal: a duplicate, followed under another item


class Action(StrEnum):
    REFUSE = "refuse"  # classify: not accepted
    ACCEPT = "accept"  # classify: conduct or within competence
    FORWARD = "forward"  # to the competent agency in the platform (outside competence)
    FORWARD_OUT = "forward_out"  # to a competent authority outside the platform
    MERGE = "merge"
    SUBMIT_DRAFT = "submit_draft"
    RETURN_DRAFT = "return_draft"
    APPROVE = "approve"
    PUBLISH = "publish"
    EXTEND = "extend"
    REOPEN = "reopen"


class Role(StrEnum):
    SENDER = "sender"
    RECEIVER = "receiver"  # registers and classifies (one-stop or reform officer)
    HANDLER = "handler"  # drafts the answer
    LEADER = "leader"  # approves or returns the draft


TERMINAL = frozenset({Status.NOT_ACCEPTED, Status.FORWARDED_OUT, Status.MERGED})
# The answer clock runs while the item waits for its answer.
ANSWER_CLOCK = frozenset({Status.HANDLING, Status.AWAITING_APPROVAL})


@dataclass(frozen=True)
class Rule:
    action: Action
    sources: frozenset[Status]
    target: Status | None  # None: the status does not change
    roles: frozenset[Role]
    reason_required: bool = False


def _rule(
    action: Action,
    sources: Iterable[Status],
    target: Status | None,
    roles: Iterable[Role],
    *,
    reason: bool = False,
) -> Rule:
    return Rule(action, frozenset(sources), target, frozenset(roles), reason)


S, R = Status, Role
STAFF = {R.RECEIVER, R.LEADER}
RULES: dict[Action, Rule] = {
    rule.action: rule
    for rule in (
        _rule(Action.REFUSE, {S.RECEIVED}, S.NOT_ACCEPTED, STAFF, reason=True),
        _rule(Action.ACCEPT, {S.RECEIVED}, S.HANDLING, STAFF),
        _rule(Action.FORWARD, {S.RECEIVED, S.HANDLING}, S.HANDLING, STAFF),
        _rule(Action.FORWARD_OUT, {S.RECEIVED, S.HANDLING}, S.FORWARDED_OUT, STAFF, reason=True),
        _rule(Action.MERGE, {S.RECEIVED, S.HANDLING}, S.MERGED, STAFF),
        _rule(Action.SUBMIT_DRAFT, {S.HANDLING}, S.AWAITING_APPROVAL, {R.HANDLER, R.LEADER}),
        _rule(Action.RETURN_DRAFT, {S.AWAITING_APPROVAL}, S.HANDLING, {R.LEADER}, reason=True),
        _rule(Action.APPROVE, {S.AWAITING_APPROVAL}, S.ANSWERED, {R.LEADER}),
        _rule(Action.PUBLISH, {S.ANSWERED}, S.PUBLISHED, {R.LEADER, R.RECEIVER}),
        _rule(Action.EXTEND, ANSWER_CLOCK, None, {R.LEADER}, reason=True),
        _rule(Action.REOPEN, {S.ANSWERED, S.PUBLISHED}, S.HANDLING, {R.SENDER}, reason=True),
    )
}


@dataclass(frozen=True)
class Situation:
    """What the rules need to know of an item and of who acts."""

    status: Status
    role: Role
    extensions: int = 0
    answered_at: datetime | None = None  # when the answer was approved (the reopening window)
    now: datetime | None = None
    reopen_window: timedelta = timedelta(days=30)


class TransitionError(Exception):
    """An action refused now; ``reason`` says why, as one of the ``REFUSED_*`` codes. The
    feedback app words it in the reader's language (this module holds no user-facing text:
    it imports no Django, so nothing here could be translated)."""

    def __init__(self, reason: str, status: Status) -> None:
        super().__init__(f"{reason} ({status.value})")
        self.reason = reason
        self.status = status


REFUSED_NOT_NOW = "not_now"  # not from this status
REFUSED_ROLE = "role"  # not by this role
REFUSED_EXTENDED = "extended"  # the answer was extended already
REFUSED_WINDOW = "window"  # the reopening window has closed


def find_rule(action: Action | str, situation: Situation) -> Rule:
    """The rule that lets ``situation.role`` do ``action`` now, or ``TransitionError`` saying
    why not."""
    rule = RULES.get(Action(action))
    if rule is None or situation.status not in rule.sources:
        raise TransitionError(REFUSED_NOT_NOW, situation.status)
    if situation.role not in rule.roles:
        raise TransitionError(REFUSED_ROLE, situation.status)
    if rule.action == Action.EXTEND and situation.extensions >= MAX_EXTENSIONS:
        raise TransitionError(REFUSED_EXTENDED, situation.status)
    if rule.action == Action.REOPEN and not within_reopen_window(situation):
        raise TransitionError(REFUSED_WINDOW, situation.status)
    return rule


def within_reopen_window(situation: Situation) -> bool:
    if situation.answered_at is None or situation.now is None:
        return False
    return situation.now <= situation.answered_at + situation.reopen_window


def allowed_actions(situation: Situation) -> list[Action]:
    allowed = []
    for action in RULES:
        try:
            find_rule(action, situation)
        except TransitionError:
            continue
        allowed.append(action)
    return allowed


def target_status(rule: Rule, current: Status) -> Status:
    return rule.target if rule.target is not None else current


def replay(actions: Iterable[Action]) -> Status:
    """The status a sequence of actions leads to from receipt, taken by whoever may take each
    (the extension and reopening guards aside); ``TransitionError`` at the first that may not
    follow. The services' event log replays to the item's stored status."""
    status = Status.RECEIVED
    for action in actions:
        rule = RULES.get(Action(action))
        if rule is None or status not in rule.sources:
            raise TransitionError(REFUSED_NOT_NOW, status)
        status = target_status(rule, status)
    return status


# --- deadlines, on the working calendar (DOMAIN A2) ------------------------------------------


def forward_due(calendar: WorkCalendar, received_at: datetime) -> datetime:
    """The moment by which an item outside the receiver's competence must be forwarded: 5
    working days after its receipt (Decree 20/2008 Art. 9)."""
    return calendar.add_working_days(received_at, FORWARD_WORKING_DAYS)


def answer_due(
    calendar: WorkCalendar,
    assigned_at: datetime,
    working_days: int | Decimal = ANSWER_WORKING_DAYS,
    extension_days: int | Decimal = 0,
) -> datetime:
    """The moment the answer is due: ``working_days`` after the item reached the agency that
    answers, plus an extension's working days when it was extended."""
    return calendar.add_working_days(assigned_at, Decimal(working_days) + Decimal(extension_days))


def forward_overdue(
    status: Status, received_at: datetime, now: datetime, cal: WorkCalendar
) -> bool:
    """Still waiting to be classified or forwarded after the 5 working days."""
    return status == Status.RECEIVED and now > forward_due(cal, received_at)


def answer_overdue(status: Status, due_at: datetime | None, now: datetime) -> bool:
    """Past the answer's due moment with no approved answer."""
    return status in ANSWER_CLOCK and due_at is not None and now > due_at


# --- Art. 7: who sent it --------------------------------------------------------------------

SENDER_FIELDS = ("name", "address", "phone")


def missing_sender_fields(name: str, address: str, phone: str) -> list[str]:
    """Decree 20/2008 Art. 7: the parts of the sender's identity an item lacks (empty when it
    may be received; a missing name means an anonymous item, which is not accepted). The
    phone's format is checked by the shared validator at the door; here only its presence."""
    given = dict(zip(SENDER_FIELDS, (name, address, phone), strict=True))
    return [field for field in SENDER_FIELDS if not given[field].strip()]


# --- likely duplicates ------------------------------------------------------------------------

DUPLICATE_SIMILARITY = 0.6


def word_set(folded: str) -> frozenset[str]:
    """The words of an already folded text (lower case, no accents), short words left out."""
    return frozenset(
        w for w in "".join(c if c.isalnum() else " " for c in folded).split() if len(w) > 1
    )


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets: 1 for the same words, 0 for none in common (and
    for two empty texts: nothing to compare is not a duplicate)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
