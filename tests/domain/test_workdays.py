"""The working calendar (DOMAIN A2): examples from the rules, then properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.workdays import VN_TZ, CalendarError, OfficeHours, WorkCalendar

PLAIN = WorkCalendar()


def at(y, m, d, hh=0, mm=0, ss=0):
    return datetime(y, m, d, hh, mm, ss, tzinfo=VN_TZ)


# --- the examples of DOMAIN A2 ------------------------------------------------------------


def test_received_monday_9_with_one_day_is_due_tuesday_9():
    assert PLAIN.add_working_days(at(2025, 1, 6, 9), 1) == at(2025, 1, 7, 9)


def test_received_friday_16_with_two_days_is_due_tuesday_16():
    assert PLAIN.add_working_days(at(2025, 1, 10, 16), 2) == at(2025, 1, 14, 16)


def test_due_moment_landing_on_closing_time_stays_there():
    assert PLAIN.add_working_days(at(2025, 1, 6, 8), 1) == at(2025, 1, 6, 17)


def test_half_a_day_from_opening_ends_at_noon_closing():
    assert PLAIN.add_working_days(at(2025, 1, 6, 8), Decimal("0.5")) == at(2025, 1, 6, 12)


def test_hours_skip_the_lunch_break():
    assert PLAIN.add_working_hours(at(2025, 1, 6, 11), 2) == at(2025, 1, 6, 14)


def test_received_after_office_hours_starts_next_opening():
    assert PLAIN.add_working_hours(at(2025, 1, 6, 18, 30), 1) == at(2025, 1, 7, 9)


def test_received_at_weekend_starts_monday():
    assert PLAIN.add_working_hours(at(2025, 1, 11, 10), 3) == at(2025, 1, 13, 11)


def test_received_in_lunch_break_starts_at_afternoon_opening():
    assert PLAIN.effective_start(at(2025, 1, 6, 12, 30)) == at(2025, 1, 6, 13)


def test_received_after_cutoff_starts_next_working_day():
    cutoff = time(15, 0)
    assert PLAIN.effective_start(at(2025, 1, 6, 15, 1), cutoff) == at(2025, 1, 7, 8)
    assert PLAIN.effective_start(at(2025, 1, 6, 15, 0), cutoff) == at(2025, 1, 6, 15)
    # "within the day" procedures: 0.5 day received before the cut-off ends the same day
    assert PLAIN.add_working_days(at(2025, 1, 6, 14), Decimal("0.375"), cutoff) == at(
        2025, 1, 6, 17
    )


def test_holidays_and_makeup_saturdays_from_overrides():
    cal = WorkCalendar(
        overrides={
            date(2025, 4, 30): False,
            date(2025, 5, 1): False,
            date(2025, 5, 2): False,
            date(2025, 4, 26): True,
        }
    )
    # Tuesday 29/04 16:00 + 2 days → 29/04 (1 h), Wed–Fri off, Mon 05/05 (8 h), Tue 06/05 7 h
    assert cal.add_working_days(at(2025, 4, 29, 16), 2) == at(2025, 5, 6, 16)
    # the make-up Saturday counts
    assert cal.add_working_days(at(2025, 4, 25, 16), 1) == at(2025, 4, 26, 16)
    assert cal.is_working_day(date(2025, 4, 26))
    assert not cal.is_working_day(date(2025, 4, 30))


def test_working_days_in_a_range():
    days = PLAIN.working_days(date(2025, 1, 3), date(2025, 1, 7))
    assert days == [date(2025, 1, 3), date(2025, 1, 6), date(2025, 1, 7)]


def test_working_time_between_two_moments():
    assert PLAIN.working_seconds_between(at(2025, 1, 6, 9), at(2025, 1, 7, 9)) == 8 * 3600
    assert PLAIN.working_seconds_between(at(2025, 1, 7, 9), at(2025, 1, 6, 9)) == -8 * 3600
    assert PLAIN.working_seconds_between(at(2025, 1, 10, 16), at(2025, 1, 13, 10)) == 3 * 3600


def test_moments_from_other_zones_are_computed_in_vietnam():
    utc_moment = datetime.fromisoformat("2025-01-06T02:00:00+00:00")  # 09:00 in Hà Nội
    assert PLAIN.add_working_days(utc_moment, 1) == at(2025, 1, 7, 9)


def test_naive_moments_are_read_as_the_calendars_wall_clock_time():
    # A stored value without an offset (a legacy row, a spreadsheet) is Hà Nội time, as an
    # officer would read it: an answer, not an error page.
    assert PLAIN.add_working_days(datetime(2025, 1, 6, 9), 1) == at(2025, 1, 7, 9)
    assert PLAIN.working_seconds_between(datetime(2025, 1, 6, 9), at(2025, 1, 7, 9)) == 8 * 3600
    assert PLAIN.working_seconds_between(at(2025, 1, 7, 9), datetime(9999, 12, 31, 17)) > 0
    assert PLAIN.postpone(datetime(2025, 1, 10, 17), 0) == datetime(2025, 1, 10, 17)


def test_negative_time_is_refused():
    with pytest.raises(CalendarError):
        PLAIN.add_working_days(at(2025, 1, 6, 9), Decimal("-1"))


def test_office_hours_are_validated():
    with pytest.raises(CalendarError):
        OfficeHours.parse("13:00-17:00,08:00-12:00")
    with pytest.raises(CalendarError):
        OfficeHours.parse("08:00-08:00")
    assert OfficeHours.parse("07:30-11:30,13:30-17:00").day_seconds == (4 * 60 + 3 * 60 + 30) * 60


def test_a_calendar_without_working_days_is_an_error_not_a_hang():
    dead = WorkCalendar(weekend=frozenset(range(7)))
    with pytest.raises(CalendarError):
        dead.add_working_days(at(2025, 1, 6, 9), 1)


# --- properties -----------------------------------------------------------------------------

DAY0 = date(2024, 1, 1)


@st.composite
def calendars(draw):
    """A random calendar: some weekdays off, some weekend days worked, 2024–2026."""
    off = draw(st.sets(st.integers(0, 1000), max_size=60))
    on = draw(st.sets(st.integers(0, 1000), max_size=15))
    overrides = {DAY0 + timedelta(days=n): False for n in off}
    overrides.update({DAY0 + timedelta(days=n): True for n in on})
    hours = draw(
        st.sampled_from(
            [
                OfficeHours(),
                OfficeHours.parse("07:30-11:30,13:30-17:00"),
                OfficeHours.parse("08:00-17:00"),
            ]
        )
    )
    return WorkCalendar(overrides=overrides, office_hours=hours)


moments = st.builds(
    lambda d, s: (
        datetime.combine(DAY0 + timedelta(days=d), time(), tzinfo=VN_TZ) + timedelta(seconds=s)
    ),
    st.integers(0, 900),
    st.integers(0, 86399),
)
durations = st.integers(0, 40 * 8 * 3600)
cutoffs = st.one_of(st.none(), st.sampled_from([time(11), time(15), time(16, 30)]))


@given(calendars(), moments, durations, cutoffs)
def test_adding_never_goes_backwards(cal, start, seconds, cutoff):
    assert cal.add_working_seconds(start, seconds, cutoff) >= start


@given(calendars(), moments, durations, st.integers(1, 20 * 8 * 3600))
def test_adding_a_then_b_equals_adding_a_plus_b(cal, start, a, b):
    assert cal.add_working_seconds(cal.add_working_seconds(start, a), b) == cal.add_working_seconds(
        start, a + b
    )


@given(calendars(), moments, durations, cutoffs)
def test_due_is_inside_office_hours_or_exactly_at_a_closing_time(cal, start, seconds, cutoff):
    due = cal.add_working_seconds(start, seconds, cutoff)
    assert cal.is_office_moment(due) or cal.is_closing_moment(due)


@given(calendars(), moments, durations, cutoffs)
def test_due_never_lands_on_a_non_working_day(cal, start, seconds, cutoff):
    due = cal.add_working_seconds(start, seconds, cutoff)
    assert cal.is_working_day(due.date())


@given(calendars(), moments, st.integers(1, 40 * 8 * 3600), cutoffs)
def test_working_time_between_start_and_due_is_what_was_added(cal, start, seconds, cutoff):
    begin = cal.effective_start(start, cutoff)
    due = cal.add_working_seconds(start, seconds, cutoff)
    assert cal.working_seconds_between(begin, due) == seconds
    assert cal.working_seconds_between(start, due) >= seconds if cutoff is None else True


@given(calendars(), moments, st.integers(0, 20 * 8 * 3600), st.integers(0, 20 * 8 * 3600))
def test_more_time_never_gives_an_earlier_due(cal, start, a, b):
    low, high = sorted((a, b))
    assert cal.add_working_seconds(start, low) <= cal.add_working_seconds(start, high)


@given(calendars(), st.integers(0, 900), st.integers(0, 60))
def test_working_days_are_exactly_the_working_dates(cal, first, span):
    first_day = DAY0 + timedelta(days=first)
    last_day = first_day + timedelta(days=span)
    listed = cal.working_days(first_day, last_day)
    every = [first_day + timedelta(days=n) for n in range(span + 1)]
    assert listed == [d for d in every if cal.is_working_day(d)]


@given(st.decimals(min_value=0, max_value=200, places=2))
def test_fractional_days_are_office_days_of_working_time(days):
    start = at(2025, 1, 6, 8)
    assert PLAIN.add_working_days(start, days) == PLAIN.add_working_seconds(
        start, int((days * 8 * 3600).to_integral_value())
    )


# --- moving a due moment by paused working time (DOMAIN A2, A3) -----------------------------


def test_moving_by_no_working_time_keeps_a_closing_due_moment():
    # Paused Friday 17:30 → Saturday: no working time passed, Friday 17:00 stays Friday 17:00
    # (adding zero from a closing time would give Monday 08:00, the next opening).
    friday_closing = at(2025, 1, 10, 17)
    assert PLAIN.postpone(friday_closing, 0) == friday_closing
    assert PLAIN.postpone(at(2025, 1, 10, 12), 0) == at(2025, 1, 10, 12)
    assert PLAIN.postpone(friday_closing, 3600) == at(2025, 1, 13, 9)


@given(calendars(), moments, durations, durations)
def test_a_moved_due_moment_is_later_by_exactly_the_paused_working_time(cal, start, budget, paused):
    due = cal.add_working_seconds(start, budget)
    moved = cal.postpone(due, paused)
    assert cal.working_seconds_between(due, moved) == paused
    assert cal.is_office_moment(moved) or cal.is_closing_moment(moved)
    if paused == 0:
        assert moved == due


@given(calendars(), moments, durations)
def test_postponing_a_stored_moment_outside_office_hours_by_nothing_leaves_it(cal, moment, paused):
    moved = cal.postpone(moment, paused)
    assert moved >= moment
    if paused == 0:
        assert moved == moment
    else:
        assert cal.working_seconds_between(moment, moved) == paused


# --- any stored moment, year 1 to 9999: an answer, quickly, never an overflow -----------------


def walk_working_seconds(cal: WorkCalendar, start: datetime, end: datetime) -> int:
    """The definition, day by day: the reference the arithmetic is checked against."""
    first, last = start.astimezone(cal.tz), end.astimezone(cal.tz)
    total = timedelta()
    day = first.date()
    while day <= last.date():
        if cal.is_working_day(day):
            for opening, closing in cal.office_hours.periods:
                begin = max(datetime.combine(day, opening, tzinfo=cal.tz), first)
                finish = min(datetime.combine(day, closing, tzinfo=cal.tz), last)
                if finish > begin:
                    total += finish - begin
        day += timedelta(days=1)
    return int(total.total_seconds())


wide_moments = st.builds(
    lambda d, s: (
        datetime.combine(DAY0 + timedelta(days=d), time(), tzinfo=VN_TZ) + timedelta(seconds=s)
    ),
    st.integers(-400, 1400),
    st.integers(0, 86399),
)


@given(calendars(), wide_moments, wide_moments)
def test_working_time_between_matches_the_day_by_day_definition(cal, a, b):
    start, end = sorted((a, b))
    assert cal.working_seconds_between(start, end) == walk_working_seconds(cal, start, end)
    assert cal.working_seconds_between(end, start) == -walk_working_seconds(cal, start, end)


@given(calendars(), moments, st.integers(0, 400 * 8 * 3600), cutoffs)
def test_adding_matches_the_working_time_between_over_years(cal, start, seconds, cutoff):
    begin = cal.effective_start(start, cutoff)
    due = cal.add_working_seconds(start, seconds, cutoff)
    assert walk_working_seconds(cal, begin, due) == seconds
    assert cal.is_office_moment(due) or cal.is_closing_moment(due)


END_OF_TIME = datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
START_OF_TIME = datetime(1, 1, 1, tzinfo=UTC)
extreme_moments = st.one_of(
    st.datetimes(
        min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59, 999999)
    ).map(lambda m: m.replace(tzinfo=UTC)),
    st.sampled_from(
        [
            END_OF_TIME,
            START_OF_TIME,
            datetime(9999, 12, 31, 17, tzinfo=VN_TZ),
            datetime(9999, 12, 31, 23, 59, tzinfo=VN_TZ),
            datetime(1, 1, 1, 8, tzinfo=VN_TZ),
            datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
        ]
    ),
)


@given(extreme_moments, extreme_moments)
def test_working_time_between_any_two_storable_moments_is_a_number(a, b):
    # A due moment of 31/12/9999 (an apology typed by hand, a legacy row) once took six
    # seconds of CPU per page and then overflowed: now it is arithmetic over whole weeks.
    cal = WorkCalendar(overrides={date(2025, 1, 1): False, date(2025, 4, 26): True})
    forward = cal.working_seconds_between(a, b)
    assert forward == -cal.working_seconds_between(b, a)
    assert (forward >= 0) == (a <= b) or forward == 0


def test_working_time_to_the_end_of_year_9999_counts_every_weekday():
    start = at(2025, 1, 6, 8)  # a Monday opening
    end = datetime(9999, 12, 31, 17, tzinfo=VN_TZ)  # a Friday closing
    weeks, extra = divmod((end.date() - start.date()).days + 1, 7)
    assert extra == 5
    assert PLAIN.working_seconds_between(start, end) == (weeks * 5 + 5) * 8 * 3600
    assert PLAIN.working_seconds_between(start, END_OF_TIME) == (weeks * 5 + 5) * 8 * 3600


@given(extreme_moments, st.integers(0, 10**12))
def test_adding_past_the_end_of_the_calendar_is_a_calendar_error(start, seconds):
    try:
        due = PLAIN.add_working_seconds(start, seconds)
    except CalendarError:
        return
    assert PLAIN.working_seconds_between(PLAIN.effective_start(start), due) == seconds


def test_postponing_past_the_end_of_the_calendar_stops_at_its_last_closing_time():
    last_closing = datetime(9999, 12, 31, 17, tzinfo=VN_TZ)
    assert PLAIN.postpone(datetime(9999, 12, 30, 9, tzinfo=VN_TZ), 10**9) == last_closing
    assert PLAIN.postpone(last_closing, 3600) == last_closing
    assert PLAIN.postpone(END_OF_TIME, 3600) == END_OF_TIME  # never earlier than it was
    with pytest.raises(CalendarError):
        PLAIN.effective_start(datetime(9999, 12, 31, 18, tzinfo=VN_TZ))
    with pytest.raises(CalendarError):
        WorkCalendar(weekend=frozenset(range(7))).postpone(at(2025, 1, 6, 9), 1)
