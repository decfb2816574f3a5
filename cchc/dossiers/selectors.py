"""Scoped reads of dossiers (ARCHITECTURE "Scoped reads").

An officer sees the dossiers received by their unit and those with a step in their unit
(inter-agency processing); province-wide roles see all; an applicant sees their own. Anything
else is a 404. Worklists use keyset pagination on the primary key (newest first) or on the due
moment.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import BigIntegerField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from cchc.domain import lifecycle
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Dossier, DossierStep
from cchc.org.models import User
from cchc.org.selectors import agencies_visible_to, agency_scope_root, sees_whole_province

LIST_RELATED = (
    "procedure",
    "receiving_agency",
    "current_step",
    "current_step__agency",
    "current_step__holder",
)
OPEN = [s.value for s in lifecycle.OPEN]
RUNNING = [s.value for s in lifecycle.IN_PROCESS - lifecycle.CLOCK_PAUSED]
WAITING_SUPPLEMENT = [lifecycle.Status.INTAKE_SUPPLEMENT, lifecycle.Status.SUPPLEMENT_REQUESTED]


def dossier_list_for_user(user: User) -> QuerySet[Dossier]:
    """Every dossier ``user`` may see (before any worklist filter)."""
    queryset = Dossier.objects.select_related(*LIST_RELATED)
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if sees_whole_province(user):
        return queryset.exclude(status=lifecycle.Status.DRAFT)
    root = agency_scope_root(user)
    if root is None:
        return queryset.filter(applicant_user=user)
    visible = agencies_visible_to(user)
    # Another agency sees a dossier once a step of its own has been reached (liên thông).
    # The second, always-true comparison with the outer row keeps the test a per-dossier probe
    # of the step index: with the equality alone PostgreSQL may turn it into one hash of every
    # step the unit ever held, built on each request — 1.6 million steps and 3.5 s for a
    # department at ten million dossiers (make bench; docs/performance.md), 7.5 s for the
    # "ready to return" tab, 0.7 s with the probe.
    step_here = DossierStep.objects.filter(
        dossier=OuterRef("pk"),
        dossier_id__gte=OuterRef("pk"),
        agency__in=visible,
        state__in=[DossierStep.State.ACTIVE, DossierStep.State.DONE],
    )
    return queryset.exclude(status=lifecycle.Status.DRAFT).filter(
        Q(receiving_agency__in=visible) | Exists(step_here)
    )


def dossier_get_for_user(user: User, code: str) -> Dossier:
    """The dossier with this code (or public id) if ``user`` may see it, else ``Http404``."""
    queryset = dossier_list_for_user(user)
    dossier = queryset.filter(code=code).first() if code else None
    if dossier is None:
        try:
            public_id = uuid.UUID(code)
        except (TypeError, ValueError):
            raise Http404 from None
        dossier = queryset.filter(public_id=public_id).first()
    if dossier is None:
        raise Http404
    return dossier


class Worklist:
    TO_RECEIVE = "to_receive"
    MINE = "mine"
    QUEUE = "queue"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    SUPPLEMENT = "supplement"
    READY = "ready"
    ALL = "all"

    LABELS = {
        TO_RECEIVE: "Chờ tiếp nhận",
        MINE: "Của tôi",
        QUEUE: "Chờ xử lý của cơ quan",
        DUE_TODAY: "Đến hạn hôm nay",
        OVERDUE: "Quá hạn",
        SUPPLEMENT: "Chờ bổ sung",
        READY: "Chờ trả kết quả",
        ALL: "Tất cả",
    }


@dataclass(frozen=True)
class Filters:
    status: str = ""
    overdue: bool | None = None
    agency_code: str = ""
    procedure_code: str = ""
    received_from: datetime | None = None
    received_to: datetime | None = None
    q: str = ""
    # What a figure of the report or a dashboard counted (its drill-down): the resolving
    # agency, the channel, the result's timeliness and its moment, a late one's missing apology.
    resolving_agency_code: str = ""
    channel: str = ""
    timeliness: str = ""
    finished_from: datetime | None = None
    finished_to: datetime | None = None
    apology_missing: bool = False


def _held_by(user: User) -> Q:
    return Q(
        current_step__holder=user,
        current_step__state=DossierStep.State.ACTIVE,
        status__in=OPEN,
    )


def dossiers_held_by(user: User, *, overdue: bool | None = None) -> QuerySet[Dossier]:
    """The dossiers whose current step ``user`` holds — the "mine" worklist — optionally only
    those past (``True``) or within (``False``) their due moment. Without the visibility scope
    of the worklists: holding a dossier's step is reason enough to see it, and the scope's
    "or one of my unit's steps" test costs a pass over the unit's steps of every year, which a
    count of one officer's work must not pay (seconds at ten million dossiers, make bench)."""
    now = timezone.now()
    return apply_filters(Dossier.objects.filter(_held_by(user)), Filters(overdue=overdue), now)


def dossier_worklist(
    user: User, name: str, *, now: datetime | None = None, filters: Filters | None = None
) -> QuerySet[Dossier]:
    """One of the officer's worklists, filtered (ordering: newest first)."""
    now = now or timezone.now()
    queryset = dossier_list_for_user(user)
    role = user.role
    root = agency_scope_root(user)
    if name == Worklist.TO_RECEIVE:
        queryset = queryset.filter(status=lifecycle.Status.SUBMITTED)
    elif name == Worklist.MINE:
        queryset = queryset.filter(_held_by(user))
    elif name == Worklist.QUEUE:
        queryset = queryset.filter(
            current_step__holder__isnull=True,
            current_step__state=DossierStep.State.ACTIVE,
            current_step__role=role,
            status__in=OPEN,
        )
        if root is not None:
            queryset = queryset.filter(current_step__agency__path__startswith=root.path)
    elif name == Worklist.DUE_TODAY:
        today = now.astimezone(VN_TZ).date()
        start = datetime.combine(today, datetime.min.time(), tzinfo=VN_TZ)
        queryset = queryset.filter(
            status__in=RUNNING, due_at__gte=max(start, now), due_at__lt=start + timedelta(days=1)
        )
    elif name == Worklist.OVERDUE:
        queryset = queryset.filter(status__in=RUNNING, due_at__lt=now)
    elif name == Worklist.SUPPLEMENT:
        queryset = queryset.filter(status__in=WAITING_SUPPLEMENT)
    elif name == Worklist.READY:
        queryset = queryset.filter(status=lifecycle.Status.RESULT_READY)
    return apply_filters(queryset, filters or Filters(), now)


def apply_filters(queryset: QuerySet[Dossier], f: Filters, now: datetime) -> QuerySet[Dossier]:
    if f.status:
        queryset = queryset.filter(status=f.status)
    if f.overdue is True:
        queryset = queryset.filter(status__in=RUNNING, due_at__lt=now)
    elif f.overdue is False:
        queryset = queryset.exclude(status__in=RUNNING, due_at__lt=now)
    if f.agency_code:
        queryset = queryset.filter(receiving_agency__code=f.agency_code)
    if f.procedure_code:
        queryset = queryset.filter(procedure__code=f.procedure_code)
    if f.received_from:
        queryset = queryset.filter(received_at__gte=f.received_from)
    if f.received_to:
        queryset = queryset.filter(received_at__lt=f.received_to)
    if f.resolving_agency_code:
        queryset = queryset.filter(resolving_agency__code=f.resolving_agency_code)
    if f.channel:
        queryset = queryset.filter(channel=f.channel)
    if f.timeliness:
        queryset = queryset.filter(timeliness=f.timeliness)
    if f.finished_from:
        queryset = queryset.filter(finished_at__gte=f.finished_from)
    if f.finished_to:
        queryset = queryset.filter(finished_at__lt=f.finished_to)
    if f.apology_missing:
        queryset = queryset.filter(timeliness=lifecycle.Timeliness.LATE, apology_count=0)
    if f.q:
        text = f.q.strip()
        queryset = queryset.filter(
            Q(code__icontains=text)
            | Q(applicant_name__icontains=text)
            | Q(applicant_phone=text)
            | Q(applicant_id_number=text)
        )
    return queryset


# Newest first, by an expression the primary key's index cannot give in order: the database
# must find the rows by the list's own filter and sort them.
_SORTED_NEWEST_FIRST = ExpressionWrapper(F("pk") + 0, output_field=BigIntegerField()).desc()


def keyset_page(
    queryset: QuerySet[Dossier], *, after: int | None, size: int, selective: bool = False
) -> tuple[list[Dossier], int | None]:
    """A page of ``size`` dossiers, newest first, after the id ``after``; and the cursor of the
    next page (``None`` at the end). Keyset pagination keeps every page one index range scan.

    ``selective``: the queryset's filter picks few rows through an index of its own (a
    worklist tab: status, due moment, holder). PostgreSQL often misjudges such a filter — the
    open dossiers past their due moment look like most of the table, since almost every closed
    dossier is past its due moment too — and walks the primary key back from the newest
    dossier, testing every one: 5 to 40 s for the "overdue" tab at ten million dossiers (make
    bench). Ordering by an expression of the id makes it fetch the few rows by their index and
    sort them: 0.7 s. Not for an unfiltered list, which the walk serves best."""
    if after:
        queryset = queryset.filter(pk__lt=after)
    ordering = _SORTED_NEWEST_FIRST if selective else "-pk"
    rows = list(queryset.order_by(ordering)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return rows, (rows[-1].pk if more and rows else None)


def dossier_overdue(dossier: Dossier, now: datetime | None = None) -> bool:
    return lifecycle.is_overdue(dossier.lifecycle_status, dossier.due_at, now or timezone.now())


def dossier_clock(dossier: Dossier, now: datetime | None = None) -> dict | None:
    """Remaining (positive) or overdue (negative) working seconds of the whole dossier.

    ``paused`` while the applicant holds it (supplement, financial obligation): a paused clock
    is never overdue (DOMAIN A3)."""
    from cchc.core.calendar import current_calendar

    if dossier.due_at is None or not dossier.is_open:
        return None
    status = dossier.lifecycle_status
    if status == lifecycle.Status.RESULT_READY:
        return None
    cal = current_calendar()
    moment = dossier.clock_paused_at or now or timezone.now()
    seconds = cal.working_seconds_between(moment, dossier.due_at)
    return {"seconds": seconds, "paused": status in lifecycle.CLOCK_PAUSED}


def step_clock(step: DossierStep, now: datetime | None = None) -> dict | None:
    from cchc.core.calendar import current_calendar

    if step.due_at is None or step.state != DossierStep.State.ACTIVE:
        return None
    cal = current_calendar()
    # While the applicant holds the dossier the step's clock stands still too.
    moment = step.dossier.clock_paused_at or now or timezone.now()
    seconds = cal.working_seconds_between(moment, step.due_at)
    return {"seconds": seconds, "budget": step.budget_seconds}


def step_escalations_for_leader(user: User, now: datetime | None = None) -> list[dict]:
    """The leader's escalation worklist: active steps in their unit that are overdue or due
    soon, most urgent first (bounded to 200 rows)."""
    from cchc.dossiers.jobs import candidate_steps, step_alert_kind

    root = agency_scope_root(user)
    if user.role != User.Role.LEADER or root is None:
        return []
    now = now or timezone.now()
    rows = []
    steps = candidate_steps(now).filter(agency__path__startswith=root.path)[:1000]
    for step in steps:
        kind = step_alert_kind(step, now)
        if kind is not None:
            rows.append({"step": step, "dossier": step.dossier, "kind": kind})
        if len(rows) >= 200:
            break
    return rows
