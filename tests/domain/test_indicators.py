"""Satisfaction indicators (DOMAIN A8): the negative share and the duty flags, by example and
by property."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.indicators import (
    NOT_FULFILLING,
    OK,
    REPLACE,
    RatingCounts,
    duty_flag,
    negative_share,
    satisfied_share,
)

counts = st.builds(
    RatingCounts,
    very_satisfied=st.integers(0, 10_000),
    satisfied=st.integers(0, 10_000),
    not_satisfied=st.integers(0, 10_000),
)
shares = st.none() | st.fractions(0, 1).map(lambda f: Decimal(f.numerator) / Decimal(f.denominator))
years = st.integers(2015, 2040)


# --- examples -------------------------------------------------------------------------------


def test_three_negative_of_four_is_seventy_five_percent():
    assert negative_share(RatingCounts(1, 0, 3)) == Decimal("0.75")


def test_no_ratings_is_no_negative_share():
    assert negative_share(RatingCounts()) == 0
    assert satisfied_share(RatingCounts()) == 0


def test_counts_may_be_a_mapping_of_counter_names():
    assert negative_share({"very_satisfied": 1, "not_satisfied": 1}) == Decimal("0.5")


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        RatingCounts(not_satisfied=-1)


def test_exactly_half_negative_is_not_flagged():
    assert duty_flag({2025: negative_share(RatingCounts(1, 0, 1))}) == OK


def test_more_than_half_negative_in_a_year_is_not_fulfilling_duties():
    assert duty_flag({2025: negative_share(RatingCounts(1, 0, 2))}) == NOT_FULFILLING


def test_two_bad_years_in_a_row_is_flagged_for_replacement():
    assert duty_flag({2024: Decimal("0.6"), 2025: Decimal("0.51")}) == REPLACE


def test_a_gap_year_breaks_the_run():
    assert duty_flag({2023: Decimal("0.9"), 2025: Decimal("0.9")}) == NOT_FULFILLING
    assert duty_flag({2023: Decimal("0.9"), 2024: None, 2025: Decimal("0.9")}) == NOT_FULFILLING


def test_a_good_year_after_a_bad_one_is_ok():
    assert duty_flag({2024: Decimal("0.9"), 2025: Decimal("0.2")}) == OK


def test_the_year_assessed_can_be_named():
    history = {2023: Decimal("0.7"), 2024: Decimal("0.8"), 2025: Decimal("0.1")}
    assert duty_flag(history, year=2024) == REPLACE
    assert duty_flag(history, year=2023) == NOT_FULFILLING
    assert duty_flag(history) == OK
    assert duty_flag({}) == OK


# --- properties -----------------------------------------------------------------------------


@given(counts)
def test_shares_are_between_zero_and_one_and_add_up(c):
    neg, sat = negative_share(c), satisfied_share(c)
    assert 0 <= neg <= 1 and 0 <= sat <= 1
    if c.total:
        assert abs(neg + sat - 1) < Decimal("1e-20")


@given(counts)
def test_a_year_is_bad_exactly_when_negatives_outnumber_the_rest(c):
    flagged = duty_flag({2025: negative_share(c)}) != OK
    assert flagged == (c.not_satisfied * 2 > c.total)


@given(counts, counts)
def test_more_negative_ratings_never_lower_the_share(c, extra):
    worse = c + RatingCounts(not_satisfied=extra.not_satisfied)
    assert negative_share(worse) >= negative_share(c) or c.total == 0


@given(st.dictionaries(years, shares, max_size=8), years)
def test_the_flag_depends_only_on_the_year_and_the_one_before(history, year):
    flag = duty_flag(history, year=year)
    bad = {y for y, s in history.items() if s is not None and s > Decimal("0.5")}
    expected = OK if year not in bad else (REPLACE if year - 1 in bad else NOT_FULFILLING)
    assert flag == expected
    others = {y: s for y, s in history.items() if y in (year, year - 1)}
    assert duty_flag(others, year=year) == flag


@given(st.dictionaries(years, shares, min_size=1, max_size=8))
def test_replacement_implies_the_year_alone_is_not_fulfilling(history):
    year = max(history)
    if duty_flag(history) == REPLACE:
        assert duty_flag({year: history[year]}) == NOT_FULFILLING
