"""The pure progress rules of a plan task."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.plan_progress import (
    CANCELLED,
    DONE,
    IN_PROGRESS,
    LATE,
    NOT_STARTED,
    can_update,
    is_late,
    late_from,
    resulting_status,
)
from cchc.domain.workdays import WorkCalendar

# Tuesday 29/04/2025 is due; 30/04 and 01/05 are holidays, Friday 02/05 is the next working day.
HOLIDAYS = WorkCalendar(overrides={date(2025, 4, 30): False, date(2025, 5, 1): False})


def test_a_task_due_before_a_holiday_is_late_on_the_first_working_day_after_it():
    due = date(2025, 4, 29)
    assert late_from(due, HOLIDAYS) == date(2025, 5, 2)
    assert not is_late(due, date(2025, 4, 30), HOLIDAYS)
    assert not is_late(due, date(2025, 5, 1), HOLIDAYS)
    assert is_late(due, date(2025, 5, 2), HOLIDAYS)


def test_finished_tasks_take_no_more_updates_and_nobody_sets_late_by_hand():
    assert not can_update(DONE, IN_PROGRESS)
    assert not can_update(CANCELLED, DONE)
    assert not can_update(NOT_STARTED, LATE)
    assert can_update(LATE, DONE)


@given(st.dates(date(2015, 1, 1), date(2030, 12, 31)), st.integers(0, 30))
def test_a_task_is_never_late_on_its_due_date_and_always_late_a_week_after(due, days):
    today = due + timedelta(days=days)
    late = is_late(due, today, HOLIDAYS)
    assert not is_late(due, due, HOLIDAYS)
    if days >= 7:
        assert late
    assert resulting_status(IN_PROGRESS, due=due, today=today, cal=HOLIDAYS) == (
        LATE if late else IN_PROGRESS
    )
    assert resulting_status(DONE, due=due, today=today, cal=HOLIDAYS) == DONE
