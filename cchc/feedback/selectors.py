"""Scoped reads of feedback items for officers (ARCHITECTURE "Scoped reads").

An officer sees the items whose receiving or handling agency is in their scope
(``cchc.org.selectors.agencies_visible_to``); the province-wide roles see all; another agency's
item is a 404. The worklist's tabs narrow that to the agency the item waits at: the receiving
agency while it waits to be classified, the answering agency while the answer clock runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from cchc.core.calendar import current_calendar
from cchc.domain import feedback as rules
from cchc.feedback.models import FeedbackItem, Status
from cchc.org.models import User
from cchc.org.selectors import agencies_visible_to, is_staff_user, sees_whole_province

DUE_SOON_WORKING_DAYS = 2
CLOCK = [s.value for s in rules.ANSWER_CLOCK]
DONE = [
    Status.PUBLISHED.value,
    Status.NOT_ACCEPTED.value,
    Status.FORWARDED_OUT.value,
    Status.MERGED.value,
]


class Tab(StrEnum):
    RECEIVED = "received"
    FORWARD_OVERDUE = "forward_overdue"
    HANDLING = "handling"
    AWAITING = "awaiting"
    DUE_SOON = "due_soon"
    ANSWER_OVERDUE = "answer_overdue"
    ANSWERED = "answered"
    DONE = "done"


@dataclass(frozen=True)
class Scope:
    """The officer's reach: ``None`` for the whole province, else a subquery of agency ids."""

    agencies: QuerySet | None
    empty: bool = False


def officer_scope(user: object) -> Scope:
    if not is_staff_user(user):
        return Scope(None, empty=True)
    if sees_whole_province(user):
        return Scope(None)
    return Scope(agencies_visible_to(user).values("pk"))


def _at(scope: Scope, field: str) -> Q:
    if scope.agencies is None:
        return Q()
    return Q(**{f"{field}__in": scope.agencies})


def feedback_visible_to(user: object) -> QuerySet[FeedbackItem]:
    """Items ``user`` may open: received or handled by an agency in their scope."""
    scope = officer_scope(user)
    if scope.empty:
        return FeedbackItem.objects.none()
    if scope.agencies is None:
        return FeedbackItem.objects.all()
    return FeedbackItem.objects.filter(
        _at(scope, "receiving_agency_id") | _at(scope, "handling_agency_id")
    )


def feedback_get_for_user(user: object, code: str) -> FeedbackItem:
    """The item with ``code`` if ``user`` may open it, else ``Http404``."""
    code = (code or "").strip().upper()
    if not code or len(code) > 40:
        raise Http404
    item = (
        feedback_visible_to(user)
        .select_related(
            "receiving_agency",
            "handling_agency",
            "subject_agency",
            "handler",
            "procedure",
            "dossier",
            "merged_into",
        )
        .filter(code=code)
        .first()
    )
    if item is None:
        raise Http404
    return item


def due_soon_limit(now: datetime) -> datetime:
    """Answers due before this moment are "due soon" (2 working days ahead)."""
    return current_calendar().add_working_days(now, DUE_SOON_WORKING_DAYS)


def tab_conditions(user: object, now: datetime) -> dict[str, Q]:
    """Each tab's condition on the items visible to ``user``. The forwarding deadline is the
    domain's ``forward_overdue`` rule (still received after ``forward_due``) as a query on the
    stored ``forward_due_at``; the answer's overdue rule likewise on ``answer_due_at``."""
    scope = officer_scope(user)
    receiving = _at(scope, "receiving_agency_id")
    answering = _at(scope, "handling_agency_id")
    soon = due_soon_limit(now)
    return {
        Tab.RECEIVED: receiving & Q(status=Status.RECEIVED),
        Tab.FORWARD_OVERDUE: receiving & Q(status=Status.RECEIVED, forward_due_at__lt=now),
        Tab.HANDLING: answering & Q(status=Status.HANDLING),
        Tab.AWAITING: answering & Q(status=Status.AWAITING_APPROVAL),
        Tab.DUE_SOON: answering
        & Q(status__in=CLOCK, answer_due_at__gte=now, answer_due_at__lte=soon),
        Tab.ANSWER_OVERDUE: answering & Q(status__in=CLOCK, answer_due_at__lt=now),
        Tab.ANSWERED: answering & Q(status=Status.ANSWERED),
        Tab.DONE: Q(status__in=DONE),
    }


TAB_ORDER = {
    Tab.RECEIVED: ("forward_due_at", "pk"),
    Tab.FORWARD_OVERDUE: ("forward_due_at", "pk"),
    Tab.HANDLING: ("answer_due_at", "pk"),
    Tab.AWAITING: ("answer_due_at", "pk"),
    Tab.DUE_SOON: ("answer_due_at", "pk"),
    Tab.ANSWER_OVERDUE: ("answer_due_at", "pk"),
    Tab.ANSWERED: ("-answered_at", "-pk"),
    Tab.DONE: ("-updated_at", "-pk"),
}


def feedback_worklist(user: object, tab: str, now: datetime) -> QuerySet[FeedbackItem]:
    """The items of one tab, in the order an officer works them (the nearest deadline first)."""
    tab = Tab(tab)
    return (
        feedback_visible_to(user)
        .filter(tab_conditions(user, now)[tab])
        .select_related("receiving_agency", "handling_agency", "handler")
        .order_by(*TAB_ORDER[tab])
    )


def feedback_page(
    queryset: QuerySet[FeedbackItem], page: int, size: int
) -> tuple[list[FeedbackItem], bool]:
    """One page (1-based) and whether there is another: one query, no COUNT."""
    page = max(page, 1)
    start = (page - 1) * size
    rows = list(queryset[start : start + size + 1])
    return rows[:size], len(rows) > size


def feedback_tab_counts(user: object, now: datetime) -> dict[str, int]:
    """Every tab's count in one query."""
    conditions = tab_conditions(user, now)
    totals = feedback_visible_to(user).aggregate(
        **{str(tab): Count("pk", filter=condition) for tab, condition in conditions.items()}
    )
    return {str(tab): totals[str(tab)] or 0 for tab in Tab}


def feedback_attention_count(user: object, now: datetime) -> int:
    """What needs the officer's attention today, in one query: answers due within 2 working
    days or overdue, and items past their 5-day forwarding deadline."""
    conditions = tab_conditions(user, now)
    attention = (
        conditions[Tab.DUE_SOON] | conditions[Tab.ANSWER_OVERDUE] | conditions[Tab.FORWARD_OVERDUE]
    )
    return feedback_visible_to(user).filter(attention).count()


def handlers_for(item: FeedbackItem) -> QuerySet[User]:
    """The officers of the answering agency one may give the item to."""
    agency = item.handling_agency
    if agency is None:
        return User.objects.none()
    return User.objects.filter(
        is_active=True,
        agency__path__startswith=agency.unit.path,
        role__in=[User.Role.SPECIALIST, User.Role.LEADER, User.Role.REFORM_OFFICER],
    ).order_by("full_name", "pk")
