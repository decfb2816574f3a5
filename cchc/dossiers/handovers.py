"""What a hand-over event says about the step it closed: the due moment the step had then and
its result — early, on time or late (DOMAIN A3, the result column of the process control sheet,
Mẫu 05). One reading, shared by the sheet and by the step counters (``cchc.dossiers.counters``),
so that "which agency caused the delay" adds up the rows the sheet prints."""

from __future__ import annotations

from datetime import datetime

from cchc.domain import lifecycle
from cchc.domain.lifecycle import Timeliness
from cchc.domain.workdays import VN_TZ, WorkCalendar
from cchc.dossiers.models import DossierEvent


def step_due(event: DossierEvent, calendar: WorkCalendar) -> datetime | None:
    """The due moment of the step this hand-over closed, as it stood then.

    Hand-overs keep it in their data (``step_due_at``). For events recorded before it was
    kept, it is found again from what they hold: the step's budget less the working time it
    used (pauses excluded) remained after the hand-over, so the due moment is the hand-over
    moved by that much working time — exact for a hand-over in office hours. A step that used
    more than its budget was late whenever it was due: ``None`` then."""
    stored = (event.data or {}).get("step_due_at")
    if stored:
        return datetime.fromisoformat(stored)
    budget, used = event.step_budget_seconds, event.step_used_seconds
    if budget is None or used is None or used > budget:
        return None
    return calendar.postpone(event.at, budget - used)


def step_result(event: DossierEvent, calendar: WorkCalendar) -> Timeliness | None:
    """Early / on time / late for the step this hand-over closed, judged by the step's own due
    moment with the dossier's rule (``lifecycle.timeliness``); ``None`` for an event that closed
    no step."""
    due = step_due(event, calendar)
    if due is not None:
        return lifecycle.timeliness(event.at, due, VN_TZ)
    budget, used = event.step_budget_seconds, event.step_used_seconds
    if budget is not None and used is not None and used > budget:
        return Timeliness.LATE
    return None
