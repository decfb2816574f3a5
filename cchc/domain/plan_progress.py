"""The pure rules of a plan task's progress: which status an update may set from which, and
when a task is late (the working day after its due date)."""

from __future__ import annotations

from datetime import date

from cchc.domain.workdays import WorkCalendar

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
LATE = "late"
CANCELLED = "cancelled"
OPEN = frozenset({NOT_STARTED, IN_PROGRESS, LATE})
FINAL = frozenset({DONE, CANCELLED})

# Status an officer may set (LATE is set by the job only) from each status.
UPDATES: dict[str, frozenset[str]] = {
    NOT_STARTED: frozenset({NOT_STARTED, IN_PROGRESS, DONE, CANCELLED}),
    IN_PROGRESS: frozenset({IN_PROGRESS, DONE, CANCELLED}),
    LATE: frozenset({IN_PROGRESS, DONE, CANCELLED}),
    DONE: frozenset(),
    CANCELLED: frozenset(),
}


def can_update(current: str, requested: str) -> bool:
    return requested in UPDATES.get(current, frozenset())


def resulting_status(requested: str, *, due: date | None, today: date, cal: WorkCalendar) -> str:
    """An open status stays LATE once the task is late: progress does not lift the flag."""
    if requested in OPEN and is_late(due, today, cal):
        return LATE
    return requested


def late_from(due: date, cal: WorkCalendar) -> date:
    """The day a task due on ``due`` becomes late: the first working day after it."""
    return cal.next_working_day(due)


def is_late(due: date | None, today: date, cal: WorkCalendar) -> bool:
    return due is not None and late_from(due, cal) <= today
