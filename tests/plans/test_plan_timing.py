"""The timing column of a plan's appendix resolves to a due date on the working calendar."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.plan_timing import (
    CONTINUOUS,
    DATE,
    MONTH,
    QUARTER,
    YEAR,
    TimingError,
    parse_timing,
)
from cchc.domain.workdays import WorkCalendar

PLAIN = WorkCalendar()
# 2016-12-30 is a Friday; make it a day off to push the quarter's due date back.
HOLIDAY_END = WorkCalendar(overrides={date(2016, 12, 30): False})


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("Quý IV/2016", QUARTER, date(2016, 12, 30)),
        ("Quý I/2017", QUARTER, date(2017, 3, 31)),
        ("Quý II", QUARTER, date(2017, 6, 30)),
        ("Năm 2017", YEAR, date(2017, 12, 29)),
        ("Cả năm", YEAR, date(2017, 12, 29)),
        ("Tháng 6/2017", MONTH, date(2017, 6, 30)),
        ("tháng 9", MONTH, date(2017, 9, 29)),
        ("30/6/2017", DATE, date(2017, 6, 30)),
        ("6 tháng đầu năm 2017", MONTH, date(2017, 6, 30)),
        ("Thường xuyên", CONTINUOUS, None),
    ],
)
def test_the_seed_timings_resolve_to_the_last_working_day_of_their_period(text, kind, due):
    timing = parse_timing(text, plan_year=2017, calendar=PLAIN)
    assert (timing.kind, timing.due_date) == (kind, due)


def test_a_quarter_ending_on_a_holiday_is_due_on_the_working_day_before():
    timing = parse_timing("Quý IV/2016", plan_year=2016, calendar=HOLIDAY_END)
    assert timing.due_date == date(2016, 12, 29)


@pytest.mark.parametrize(
    "text", ["", "sớm nhất có thể", "Quý V/2017", "Tháng 13/2017", "31/2/2017"]
)
def test_unknown_or_impossible_timing_is_a_clear_error(text):
    with pytest.raises(TimingError) as error:
        parse_timing(text, plan_year=2017, calendar=PLAIN)
    assert "thời gian thực hiện" in str(error.value).lower()


@given(st.integers(2000, 2100), st.integers(1, 4))
def test_a_quarter_is_due_on_a_working_day_in_its_last_month(year, quarter):
    roman = ["I", "II", "III", "IV"][quarter - 1]
    due = parse_timing(f"Quý {roman}/{year}", plan_year=2017, calendar=PLAIN).due_date
    assert due.year == year and due.month == quarter * 3
    assert PLAIN.is_working_day(due)
    assert due.day >= 26


@given(st.integers(2000, 2100), st.integers(1, 12))
def test_a_month_without_a_year_takes_the_plans_year(year, month):
    due = parse_timing(f"Tháng {month}", plan_year=year, calendar=PLAIN).due_date
    assert (due.year, due.month) == (year, month)
    assert PLAIN.is_working_day(due)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_a_date_is_due_that_very_day(day):
    text = f"{day.day}/{day.month}/{day.year}"
    assert parse_timing(text, plan_year=2017, calendar=PLAIN).due_date == day


@given(st.text(max_size=30))
def test_any_text_is_either_a_timing_or_a_timing_error(text):
    try:
        timing = parse_timing(text, plan_year=2017, calendar=PLAIN)
    except TimingError:
        return
    assert timing.kind in {QUARTER, MONTH, DATE, YEAR, CONTINUOUS}
