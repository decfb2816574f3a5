"""Keeping the dossier summary counters exact: called by the dossier services inside their
transaction; recounted from the event log to check them or rebuild them (``stats_rebuild``).

Two tables (ARCHITECTURE "Fast by construction"):

- ``DossierDailyStat``: dossier outcomes per day, credited to the resolving agency with the
  receiving agency as a second dimension (DOMAIN A6);
- ``StepDailyStat``: processing steps per day by the agency that held them, early / on time /
  late against each step's own due moment (DOMAIN A3, the control sheet Mẫu 05);
- ``OfficerStepDailyStat``: the same steps per day by the officer who held them, with the
  working time used beyond each step's budget (the list of officers often late).

Every counter is a function of the append-only event log (``DossierEvent``) and of what was
fixed at receipt (the procedure version, the agencies): ``stats_recount`` and
``steps_recount`` rebuild them from it, and the services write, in each event's ``data``,
whatever the recount needs that the rows do not keep (the step's due moment, the settlement).
A step's result is read the way the control sheet reads it (``cchc.dossiers.handovers``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import models, transaction
from django.db.models import F

from cchc.core.calendar import current_calendar
from cchc.domain.lifecycle import Action, Timeliness
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.handovers import step_result
from cchc.dossiers.models import (
    COUNTERS,
    OFFICER_STEP_COUNTERS,
    STEP_COUNTERS,
    DossierDailyStat,
    DossierEvent,
    OfficerStepDailyStat,
    StepDailyStat,
)

DOSSIER_KEY = (
    "resolving_agency_id",
    "receiving_agency_id",
    "procedure_id",
    "day",
    "channel",
    "online_mode",
)
STEP_KEY = ("agency_id", "procedure_id", "day")
OFFICER_STEP_KEY = ("officer_id", "agency_id", "day")
# The key of a hand-over event's data that names the officer who held the step it closed
# (``None`` when nobody did); written by ``hand_over``, read by ``step_holder_id``.
HOLDER_KEY = "step_holder_id"
STEP_COUNTER = {
    Timeliness.EARLY: "steps_early",
    Timeliness.ON_TIME: "steps_on_time",
    Timeliness.LATE: "steps_late",
}
# The receipt closes the counter's intake step at the moment it opens it: not a hand-over.
RECEIPT_ACTIONS = frozenset({Action.RECEIVE})

Counts = dict[tuple, dict[str, int]]


def _bump(model: type[models.Model], key: dict, increments: dict[str, int]) -> None:
    """Add ``increments`` (counter name → amount) to one row, creating it if needed.

    Insert-if-missing then ``UPDATE … SET n = n + k``: two concurrent transactions never lose
    an increment (the row lock of the update serialises them)."""
    changes = {name: F(name) + amount for name, amount in increments.items() if amount}
    if not changes:
        return
    if model.objects.filter(**key).update(**changes):
        return
    model.objects.bulk_create([model(**key)], ignore_conflicts=True)
    model.objects.filter(**key).update(**changes)


def stats_bump(
    *,
    resolving_agency_id: int,
    receiving_agency_id: int,
    procedure_id: int,
    day: date,
    channel: str,
    online_mode: str = "none",
    **increments: int,
) -> None:
    """Add ``increments`` to one day's dossier counters."""
    unknown = set(increments) - set(COUNTERS)
    if unknown:
        raise ValueError(f"unknown counters: {sorted(unknown)}")
    key = {
        "resolving_agency_id": resolving_agency_id,
        "receiving_agency_id": receiving_agency_id,
        "procedure_id": procedure_id,
        "day": day,
        "channel": channel,
        "online_mode": online_mode,
    }
    _bump(DossierDailyStat, key, increments)


def steps_bump(
    *,
    agency_id: int,
    procedure_id: int,
    day: date,
    result: str,
    holder_id: int | None = None,
    over_budget_seconds: int = 0,
) -> None:
    """Count one step handed on by ``agency_id`` on ``day`` with ``result`` (a Timeliness),
    and — when an officer held it (``holder_id``) — for that officer, with the working time
    it used beyond its budget."""
    counter = STEP_COUNTER[Timeliness(result)]
    key = {"agency_id": agency_id, "procedure_id": procedure_id, "day": day}
    _bump(StepDailyStat, key, {counter: 1})
    if holder_id is not None:
        officer_key = {"officer_id": holder_id, "agency_id": agency_id, "day": day}
        _bump(
            OfficerStepDailyStat,
            officer_key,
            {counter: 1, "over_budget_seconds": max(over_budget_seconds, 0)},
        )


def over_budget(budget_seconds: int | None, used_seconds: int | None) -> int:
    """Working seconds a step used beyond its budget (0 when within it or unknown)."""
    if budget_seconds is None or used_seconds is None:
        return 0
    return max(used_seconds - budget_seconds, 0)


def step_holder_id(event: DossierEvent) -> int | None:
    """The officer who held the step this hand-over closed (Mẫu 05's person), or ``None``.

    Hand-overs name them in their data (``HOLDER_KEY``: the step's holder, or whoever took it
    from the role queue). Events recorded before that was kept are read from what they hold:
    the hand-over's "from" column names the holder, and when it names the event's own actor
    (an officer) the actor held the step — the usual case. A step handed on by someone other
    than its holder (a leader stepping in) before that release is credited to no officer:
    the holder's name alone is not a person (names change and repeat)."""
    data = event.data or {}
    if HOLDER_KEY in data:
        return data[HOLDER_KEY]
    if (
        event.actor_id is not None
        and event.agency_id is not None
        and event.actor_name
        and event.from_holder.endswith(f" — {event.actor_name}")
    ):
        return event.actor_id
    return None


def _events() -> Iterable[DossierEvent]:
    return (
        DossierEvent.objects.select_related("dossier", "dossier__procedure_version", "from_step")
        .order_by("dossier_id", "seq")
        .iterator(chunk_size=2000)
    )


def stats_recount() -> Counts:
    """Recompute every dossier counter from the event log (the exactness check of the summary
    table, and the way to rebuild it). Keys are ``DOSSIER_KEY`` tuples; only non-zero
    counters are returned."""
    counts: Counts = {}
    fee_bearing: set[int] = set()

    def add(key: tuple, name: str, amount: int = 1) -> None:
        row = counts.setdefault(key, {})
        row[name] = row.get(name, 0) + amount

    for event in _events():
        d = event.dossier
        snapshot = d.procedure_version.snapshot
        key = (
            d.resolving_agency_id or d.receiving_agency_id,
            d.receiving_agency_id,
            d.procedure_id,
            event.at.astimezone(VN_TZ).date(),
            d.channel,
            snapshot["online_mode"],
        )
        data = event.data or {}
        action = event.action
        if action == Action.RECEIVE:
            add(key, "received")
            if any(fee["amount_vnd"] > 0 for fee in snapshot["fees"]):
                fee_bearing.add(d.pk)
                add(key, "fee_bearing")
        elif action == Action.REQUEST_PAYMENT and d.pk not in fee_bearing:
            fee_bearing.add(d.pk)
            add(key, "fee_bearing")
        elif action == Action.REFUSE:
            add(key, "refused")
        elif action == Action.REQUEST_SUPPLEMENT:
            stage = data.get("stage")
            add(key, "intake_supplements" if stage == "intake" else "processing_supplements")
        elif action in (Action.APPROVE, Action.REJECT):
            add(key, f"finished_{data['timeliness']}")
            if action == Action.REJECT:
                add(key, "rejected")
        elif action == Action.RETURN_RESULT:
            add(key, "returned")
        elif action == Action.WITHDRAW:
            add(key, "withdrawn")
        elif action == Action.STOP:
            add(key, "stopped")
        elif action == Action.APOLOGIZE:
            add(key, "apologies")
            if data.get("timely"):
                add(key, "apologies_timely")
        if data.get("visit") == 3:
            add(key, "third_visits")
        if action in (Action.PAY, Action.CONFIRM_PAYMENT) and data.get("settled"):
            add(key, "paid")
            if data.get("method") == "online":
                add(key, "paid_online")
    return counts


def steps_recount() -> Counts:
    """Recompute the step counters from the hand-over events. Keys are ``STEP_KEY`` tuples."""
    return step_recounts()[0]


def officer_steps_recount() -> Counts:
    """Recompute the per-officer step counters from the hand-over events. Keys are
    ``OFFICER_STEP_KEY`` tuples."""
    return step_recounts()[1]


def step_recounts() -> tuple[Counts, Counts]:
    """Both step tables recomputed in one pass over the hand-over events: ``(per agency,
    per officer)``."""
    counts: Counts = {}
    officers: Counts = {}
    calendar = current_calendar()
    for event in _events():
        step = event.from_step
        if step is None or event.step_used_seconds is None or event.action in RECEIPT_ACTIONS:
            continue
        result = step_result(event, calendar)
        if result is None:
            continue
        day = event.at.astimezone(VN_TZ).date()
        name = STEP_COUNTER[result]
        row = counts.setdefault((step.agency_id, event.dossier.procedure_id, day), {})
        row[name] = row.get(name, 0) + 1
        holder = step_holder_id(event)
        if holder is None:
            continue
        row = officers.setdefault((holder, step.agency_id, day), {})
        row[name] = row.get(name, 0) + 1
        extra = over_budget(event.step_budget_seconds, event.step_used_seconds)
        if extra:
            row["over_budget_seconds"] = row.get("over_budget_seconds", 0) + extra
    return counts, officers


def table_counts(
    model: type[models.Model], key: tuple[str, ...], counters: tuple[str, ...]
) -> Counts:
    """A counter table as ``{key tuple: {counter: value}}``, zero counters left out (the shape
    recounts return, for comparing the two)."""
    stored: Counts = {}
    for row in model.objects.values(*key, *counters):
        values = {name: row[name] for name in counters if row[name]}
        if values:
            stored[tuple(row[k] for k in key)] = values
    return stored


def stats_stored() -> Counts:
    """The dossier counters in the same shape as ``stats_recount`` (zero counters left out)."""
    return table_counts(DossierDailyStat, DOSSIER_KEY, COUNTERS)


def steps_stored() -> Counts:
    """The step counters in the same shape as ``steps_recount``."""
    return table_counts(StepDailyStat, STEP_KEY, STEP_COUNTERS)


def officer_steps_stored() -> Counts:
    """The per-officer step counters in the same shape as ``officer_steps_recount``."""
    return table_counts(OfficerStepDailyStat, OFFICER_STEP_KEY, OFFICER_STEP_COUNTERS)


@dataclass(frozen=True)
class Difference:
    """One counter whose stored value is not what the event log says."""

    table: str
    key: tuple
    counter: str
    stored: int
    recounted: int


def differences(stored: Counts, recounted: Counts, table: str) -> list[Difference]:
    """Every counter that differs between two tables of counts, in key order."""
    found = []
    for key in sorted(set(stored) | set(recounted), key=str):
        have, want = stored.get(key, {}), recounted.get(key, {})
        for name in sorted(set(have) | set(want)):
            if have.get(name, 0) != want.get(name, 0):
                found.append(Difference(table, key, name, have.get(name, 0), want.get(name, 0)))
    return found


def counters_check() -> list[Difference]:
    """The dossier and step counters that differ from a recount of the event log."""
    steps, officer_steps = step_recounts()
    return (
        differences(stats_stored(), stats_recount(), "DossierDailyStat")
        + differences(steps_stored(), steps, "StepDailyStat")
        + differences(officer_steps_stored(), officer_steps, "OfficerStepDailyStat")
    )


@transaction.atomic
def counters_rebuild() -> int:
    """Rewrite the three tables from the event log (after a restore, or to mend a drift). Returns
    the number of rows written. Locks the tables' rows for the duration: run it when the
    counters may pause (the services wait, they do not fail)."""
    steps, officer_steps = step_recounts()
    return (
        table_rewrite(DossierDailyStat, DOSSIER_KEY, stats_recount())
        + table_rewrite(StepDailyStat, STEP_KEY, steps)
        + table_rewrite(OfficerStepDailyStat, OFFICER_STEP_KEY, officer_steps)
    )


def table_rewrite(model: type[models.Model], key: tuple[str, ...], counts: Counts) -> int:
    """Replace every row of a counter table by ``counts`` (in ``table_counts``' shape), under
    a lock of its rows; call it inside a transaction. Returns the number of rows written."""
    list(model.objects.select_for_update().values_list("pk", flat=True))
    model.objects.all().delete()
    rows = [model(**dict(zip(key, k, strict=True)), **v) for k, v in counts.items()]
    model.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
