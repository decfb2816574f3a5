"""Survey sampling and indexes (issue 11 §3): Yamane's sample size, a sample that depends only
on the seed and the population, the Wilson interval, and element and overall indexes — checked
against values worked out by hand."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.survey import (
    Interval,
    Scale,
    draw_sample,
    is_satisfied,
    sample_size,
    survey_result,
    wilson,
)

S5 = Scale.FIVE_POINT
L3 = Scale.THREE_LEVEL


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (0, 0),
        (1, 1),  # 1 / 1.0025 = 0.9975 → 1
        (50, 45),  # 50 / 1.125 = 44.4 → 45
        (100, 80),  # 100 / 1.25 = 80 exactly, not rounded up to 81
        (10_000, 385),  # 10 000 / 26 = 384.6 → 385
    ],
)
def test_the_sample_size_is_yamanes_formula_rounded_up(population, expected):
    assert sample_size(population) == expected


def test_a_wider_margin_asks_fewer_people():
    # 100 / (1 + 100 · 0.01) = 50 exactly; 100 / (1 + 100 · 0.0025) = 80.
    assert sample_size(100, Fraction(10, 100)) == 50
    assert sample_size(100, 0.1) == 50
    assert sample_size(100, "0.05") == 80


@pytest.mark.parametrize("margin", [0, 1, -0.05, 1.5])
def test_a_margin_outside_zero_and_one_is_refused(margin):
    with pytest.raises(ValueError, match="margin"):
        sample_size(100, margin)


@given(st.integers(0, 100_000), st.sampled_from(["0.01", "0.03", "0.05", "0.1"]))
def test_the_sample_size_never_exceeds_the_population_and_grows_with_it(population, margin):
    n = sample_size(population, margin)
    assert 0 <= n <= population
    assert sample_size(population + 1, margin) >= n
    assert n <= 1 / Fraction(margin) ** 2 + 1  # the ceiling 1/e² of Yamane's formula


def test_the_same_seed_and_population_give_the_same_sample_in_any_order():
    population = list(range(1, 201))
    first = draw_sample(population, 20, "2026-Q4")
    shuffled = population[:]
    random.Random(7).shuffle(shuffled)
    assert draw_sample(shuffled, 20, "2026-Q4") == first
    assert len(set(first)) == 20 and set(first) <= set(population)
    assert draw_sample(population, 20, "another seed") != first


def test_a_small_population_is_taken_whole():
    assert sorted(draw_sample([3, 1, 2], 5, "s")) == [1, 2, 3]
    assert draw_sample([], 5, "s") == []


@given(
    st.sets(st.integers(1, 10_000), max_size=200),
    st.integers(0, 60),
    st.text(max_size=10),
    st.randoms(use_true_random=False),
)
def test_sampling_is_reproducible_order_free_and_nested(population, size, seed, rng):
    items = list(population)
    sample = draw_sample(items, size, seed)
    rng.shuffle(items)
    assert draw_sample(items, size, seed) == sample
    assert len(sample) == min(size, len(population))
    assert set(sample) <= population
    # A larger sample keeps everyone a smaller one chose.
    assert draw_sample(items, size + 5, seed)[: len(sample)] == sample


def test_the_wilson_interval_matches_hand_computed_values():
    # 8 of 10: centre (0.8 + 1.96²/20) / (1 + 1.96²/10) = 0.99208 / 1.38416 = 0.71673;
    # half width 1.96 / 1.38416 · √(0.016 + 0.009604) = 1.41602 · 0.16001 = 0.22658.
    assert wilson(8, 10) == Interval(
        pytest.approx(0.4902, abs=1e-4), pytest.approx(0.9433, abs=1e-4)
    )
    # 0 of 10: centre 0.19208 / 1.38416 = 0.13877 = half width → [0, 0.2775].
    assert wilson(0, 10) == Interval(pytest.approx(0.0, abs=1e-9), pytest.approx(0.2775, abs=1e-4))
    assert wilson(10, 10) == Interval(pytest.approx(0.7225, abs=1e-4), pytest.approx(1.0, abs=1e-9))
    assert wilson(0, 0) is None


@given(st.integers(1, 5000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_the_wilson_interval_holds_the_share_and_stays_in_zero_one(counts):
    k, n = counts
    interval = wilson(k, n)
    assert interval is not None
    assert 0.0 <= interval.low <= interval.high <= 1.0
    assert interval.contains(k / n)
    # Four times the answers at the same share never gives a wider interval.
    larger = wilson(4 * k, 4 * n)
    assert larger.high - larger.low <= interval.high - interval.low + 1e-12


def test_satisfied_means_four_or_five_of_five_and_the_two_upper_of_three_levels():
    assert [is_satisfied(S5, v) for v in range(1, 6)] == [False, False, False, True, True]
    assert [is_satisfied(L3, v) for v in range(1, 4)] == [False, True, True]
    with pytest.raises(ValueError):
        is_satisfied(L3, 4)


def test_element_and_overall_indexes_match_hand_computed_values():
    answers = {
        # 8 satisfied of 10 (three-level and five-point answers mixed): 0.8, Wilson [0.4902, 0.9433]
        "access": [(S5, 5)] * 4 + [(S5, 4)] * 2 + [(L3, 2), (L3, 3), (S5, 3), (L3, 1)],
        # 10 of 10: 1.0, Wilson [0.7225, 1]
        "procedure": [(S5, 4)] * 10,
    }
    result = survey_result(answers, ["access", "procedure", "result"])
    access, procedure, unanswered = result.elements
    assert (access.answers, access.satisfied, access.index) == (10, 8, 0.8)
    assert (procedure.answers, procedure.index) == (10, 1.0)
    assert (unanswered.answers, unanswered.index, unanswered.interval) == (0, None, None)
    # Overall = (0.8 + 1.0) / 2 = 0.9; interval = mean of the bounds:
    # ((0.4902 + 0.7225) / 2, (0.9433 + 1.0) / 2) = (0.6064, 0.9717).
    assert result.index == pytest.approx(0.9)
    assert result.answers == 20
    assert result.interval.low == pytest.approx(0.6064, abs=1e-4)
    assert result.interval.high == pytest.approx(0.9717, abs=1e-4)


def test_a_survey_without_answers_has_no_index():
    result = survey_result({}, ["access"])
    assert (result.index, result.interval, result.answers) == (None, None, 0)


@given(
    st.dictionaries(
        st.sampled_from(["access", "procedure", "civil_servant", "result", "feedback"]),
        st.lists(st.integers(1, 5).map(lambda v: (S5, v)), min_size=1, max_size=50),
        min_size=1,
    )
)
def test_the_overall_index_lies_between_the_elements_and_inside_its_interval(answers):
    result = survey_result(answers, ["access", "procedure", "civil_servant", "result", "feedback"])
    indexes = [row.index for row in result.elements if row.index is not None]
    assert min(indexes) - 1e-12 <= result.index <= max(indexes) + 1e-12
    assert result.interval.contains(result.index)
    assert 0.0 <= result.interval.low <= result.interval.high <= 1.0
