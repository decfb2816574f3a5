"""Which thresholds of the list of officers often late an officer crosses (seed 000 §2c):
counts are "at least", shares "more than" and judged only from their minimum, and more of
what is bad never clears a flag."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.indicators import RatingCounts
from cchc.domain.officer_watch import Kind, OfficerFigures, Threshold, breaches, severity

LATE_5 = Threshold(Kind.LATE_STEPS, Decimal(5))
SHARE_20_FROM_10 = Threshold(Kind.LATE_SHARE, Decimal(20), 10)
OVER_40H = Threshold(Kind.OVER_BUDGET, Decimal(40))
UNHAPPY_50_FROM_5 = Threshold(Kind.NOT_SATISFIED, Decimal(50), 5)
ALL = [LATE_5, SHARE_20_FROM_10, OVER_40H, UNHAPPY_50_FROM_5]


def kinds(figures: OfficerFigures) -> list[Kind]:
    return [b.kind for b in breaches(figures, ALL)]


def test_a_count_is_reached_at_its_value():
    assert kinds(OfficerFigures(steps=40, steps_late=4)) == []
    assert kinds(OfficerFigures(steps=40, steps_late=5)) == [Kind.LATE_STEPS]
    assert kinds(OfficerFigures(over_budget_seconds=40 * 3600 - 1)) == []
    assert kinds(OfficerFigures(over_budget_seconds=40 * 3600)) == [Kind.OVER_BUDGET]


def test_a_share_must_be_over_its_value_and_judged_only_from_its_minimum():
    assert kinds(OfficerFigures(steps=10, steps_late=2)) == []  # exactly 20 %
    found = breaches(OfficerFigures(steps=10, steps_late=3), ALL)
    assert [b.kind for b in found] == [Kind.LATE_SHARE]
    assert (found[0].actual, found[0].base) == (Decimal("0.3"), 10)
    assert kinds(OfficerFigures(steps=9, steps_late=4)) == []  # 44 % of too few steps
    half = RatingCounts(satisfied=3, not_satisfied=3)
    assert kinds(OfficerFigures(ratings=half)) == []  # "trên 50 %": half is not over
    assert kinds(OfficerFigures(ratings=RatingCounts(not_satisfied=4))) == []  # 4 < 5 ratings
    assert kinds(OfficerFigures(ratings=RatingCounts(satisfied=2, not_satisfied=3))) == [
        Kind.NOT_SATISFIED
    ]


def test_nothing_done_crosses_nothing_even_at_zero_thresholds():
    zero = [Threshold(kind, Decimal(0)) for kind in Kind]
    assert breaches(OfficerFigures(), zero) == []
    assert breaches(OfficerFigures(steps=3), zero) == []


def test_impossible_figures_and_thresholds_are_refused():
    with pytest.raises(ValueError):
        OfficerFigures(steps=1, steps_late=2)
    with pytest.raises(ValueError):
        Threshold(Kind.LATE_SHARE, Decimal(-1))


figures = st.builds(
    lambda steps, late, over, ratings: OfficerFigures(
        steps=steps, steps_late=min(late, steps), over_budget_seconds=over, ratings=ratings
    ),
    st.integers(0, 500),
    st.integers(0, 500),
    st.integers(0, 10**7),
    st.builds(RatingCounts, st.integers(0, 50), st.integers(0, 50), st.integers(0, 50)),
)


@given(figures, st.integers(1, 20), st.integers(0, 10**6), st.integers(0, 5))
def test_more_of_what_is_bad_never_clears_a_flag(f, more_late, more_over, more_unhappy):
    worse = OfficerFigures(
        steps=f.steps + more_late,
        steps_late=f.steps_late + more_late,
        over_budget_seconds=f.over_budget_seconds + more_over,
        ratings=f.ratings + RatingCounts(not_satisfied=more_unhappy),
    )
    assert set(kinds(f)) <= set(kinds(worse))
    assert severity(worse, breaches(worse, ALL)) <= severity(f, breaches(f, ALL))


@given(figures)
def test_each_breach_names_a_threshold_given_and_the_figure_that_crossed_it(f):
    for breach in breaches(f, ALL):
        assert breach.threshold in ALL
        if breach.kind in (Kind.LATE_SHARE, Kind.NOT_SATISFIED):
            assert breach.actual * 100 > breach.threshold.value
            assert breach.base >= breach.threshold.minimum
        else:
            assert breach.actual > 0
