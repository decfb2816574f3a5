"""The serving-quality index (DOMAIN A6, B §5.2): points from counts, groups, the rescaled
total and competition ranking, by example and by property."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.serving_index import (
    Bands,
    Count,
    GroupRule,
    IndicatorRule,
    Linear,
    ZeroRule,
    competition_ranks,
    indicator_points,
    scorecard,
)

D = Decimal

# B §5.2, online payment (TTTT, 10): procedures 2 + 2 points full at 80 %, dossiers 6 at 100 %.
PAYMENT = GroupRule("TTTT", D(10))
PROCEDURES_PAID = IndicatorRule("TTTT_1", "TTTT", D(2), Linear(D("0.8")))
PROCEDURES_OFFERED = IndicatorRule("TTTT_2", "TTTT", D(2), Linear(D("0.8")))
DOSSIERS_PAID = IndicatorRule("TTTT_3", "TTTT", D(6), Linear(D(1)))


# --- examples -------------------------------------------------------------------------------


def test_points_are_linear_up_to_the_threshold_then_full():
    # 1 of 2 at a threshold of 80 %: 2 × 0.5 / 0.8 = 1.25
    assert indicator_points(PROCEDURES_PAID, Count(1, 2)) == D("1.25")
    assert indicator_points(PROCEDURES_PAID, Count(4, 5)) == D("2.00")
    assert indicator_points(PROCEDURES_PAID, Count(9, 10)) == D("2.00")
    # rates past 100 % (a numerator counted in another period than its denominator) are capped
    assert indicator_points(DOSSIERS_PAID, Count(7, 5)) == D("6.00")


def test_points_are_rounded_half_up_to_two_decimals():
    # 2 × (2/3) / 0.8 = 1.6666…; 6 × 1/8 = 0.75; 2 × (1/3)/0.8 = 0.8333…
    assert indicator_points(PROCEDURES_PAID, Count(2, 3)) == D("1.67")
    assert indicator_points(DOSSIERS_PAID, Count(1, 8)) == D("0.75")
    assert indicator_points(PROCEDURES_PAID, Count(1, 3)) == D("0.83")
    # 6 × 1/16 = 0.375 → 0.38 (half up, not to even)
    assert indicator_points(DOSSIERS_PAID, Count(1, 16)) == D("0.38")


@pytest.mark.parametrize(
    ("zero", "points"),
    [(ZeroRule.ZERO, D("0.00")), (ZeroRule.FULL, D("6.00")), (ZeroRule.NOT_APPLICABLE, None)],
)
def test_a_zero_denominator_follows_the_indicators_zero_rule(zero, points):
    rule = IndicatorRule("X", "G", D(6), zero=zero)
    assert indicator_points(rule, Count(0, 0)) == points


def test_no_value_at_all_does_not_apply_whatever_the_zero_rule():
    for zero in ZeroRule:
        assert indicator_points(IndicatorRule("X", "G", D(6), zero=zero), None) is None


def test_bands_score_the_highest_step_reached():
    bands = IndicatorRule("X", "G", D(4), Bands(((D("0.5"), D(1)), (D("0.9"), D(4)))))
    assert indicator_points(bands, Count(4, 10)) == D("0.00")
    assert indicator_points(bands, Count(5, 10)) == D("1.00")
    assert indicator_points(bands, Count(89, 100)) == D("1.00")
    assert indicator_points(bands, Count(9, 10)) == D("4.00")


@pytest.mark.parametrize(
    "steps",
    [
        (),
        ((D("0.9"), D(1)), (D("0.5"), D(2))),  # rates falling
        ((D("0.5"), D(2)), (D("0.9"), D(1))),  # points falling
        ((D("1.5"), D(1)),),  # a rate past 100 %
    ],
)
def test_bands_that_could_score_a_better_rate_lower_are_refused(steps):
    with pytest.raises(ValueError):
        Bands(steps)


def test_a_band_above_the_maximum_and_a_threshold_outside_the_rates_are_refused():
    with pytest.raises(ValueError):
        IndicatorRule("X", "G", D(2), Bands(((D("0.5"), D(3)),)))
    for threshold in (D(0), D("1.01")):
        with pytest.raises(ValueError):
            Linear(threshold)
    with pytest.raises(ValueError):
        Count(-1, 3)


def test_the_payment_group_adds_its_indicators():
    card = scorecard(
        [PAYMENT],
        [PROCEDURES_PAID, PROCEDURES_OFFERED, DOSSIERS_PAID],
        {"TTTT_1": Count(1, 3), "TTTT_2": Count(2, 3), "TTTT_3": Count(1, 4)},
    )
    # 0.83 + 1.67 + 1.50
    assert [s.points for s in card.indicators] == [D("0.83"), D("1.67"), D("1.50")]
    (group,) = card.groups
    assert (group.points, group.max_points, group.full_max) == (D("4.00"), D(10), D(10))
    assert (card.points, card.max_points, card.total) == (D("4.00"), D(10), D("4.00"))


def test_an_excluded_indicator_leaves_its_group_and_the_total_is_rescaled():
    groups = [GroupRule("A", D(10)), GroupRule("B", D(10))]
    indicators = [
        IndicatorRule("A1", "A", D(4), zero=ZeroRule.NOT_APPLICABLE),
        IndicatorRule("A2", "A", D(6)),
        IndicatorRule("B1", "B", D(10), zero=ZeroRule.NOT_APPLICABLE),
    ]
    card = scorecard(groups, indicators, {"A1": Count(0, 0), "A2": Count(1, 2)})
    a, b = card.groups
    assert (a.points, a.max_points, a.full_max) == (D("3.00"), D(6), D(10))
    assert (b.points, b.max_points) == (None, D(0))
    # 3 of the 6 points that apply, rescaled to 20: 10.00
    assert (card.points, card.max_points, card.full_max, card.total) == (
        D("3.00"),
        D(6),
        D(20),
        D("10.00"),
    )


def test_nothing_applicable_is_no_total():
    card = scorecard(
        [PAYMENT], [IndicatorRule("X", "TTTT", D(2), zero=ZeroRule.NOT_APPLICABLE)], {}
    )
    assert card.total is None and card.points == 0


def test_a_group_never_exceeds_its_maximum():
    card = scorecard(
        [GroupRule("A", D(5))],
        [IndicatorRule("A1", "A", D(4)), IndicatorRule("A2", "A", D(4))],
        {"A1": Count(1, 1), "A2": Count(1, 1)},
    )
    assert card.groups[0].points == D(5) and card.total == D(5)


def test_an_indicator_of_an_unknown_group_is_a_configuration_error():
    with pytest.raises(ValueError):
        scorecard([PAYMENT], [IndicatorRule("X", "NONE", D(2))], {})


def test_competition_ranking_is_one_two_two_four():
    ranks = competition_ranks({"a": D(90), "b": D(80), "c": D("80.00"), "d": D(70)})
    assert ranks == {"a": 1, "b": 2, "c": 2, "d": 4}


def test_no_total_ranks_after_every_total():
    assert competition_ranks([("a", None), ("b", D(1)), ("c", None)]) == {"a": 2, "b": 1, "c": 2}
    with pytest.raises(ValueError):
        competition_ranks([("a", D(1)), ("a", D(2))])


# --- properties -----------------------------------------------------------------------------

maxima = st.decimals(min_value=0, max_value=30, places=2)
thresholds = st.decimals(min_value=D("0.01"), max_value=1, places=4)
zero_rules = st.sampled_from(list(ZeroRule))


@st.composite
def bands(draw, max_points):
    rates = sorted(draw(st.sets(st.decimals(0, 1, places=3), min_size=1, max_size=5)))
    points = sorted(
        draw(
            st.lists(st.decimals(0, max_points, places=2), min_size=len(rates), max_size=len(rates))
        )
    )
    return Bands(tuple(zip(rates, points, strict=True)))


@st.composite
def indicator_rules(draw):
    max_points = draw(maxima)
    rule = draw(st.one_of(thresholds.map(Linear), bands(max_points)))
    return IndicatorRule("X", "G", max_points, rule, draw(zero_rules))


counts = st.builds(Count, st.integers(0, 10**7), st.integers(0, 10**7))


@given(indicator_rules(), counts)
def test_points_never_exceed_the_maximum_nor_fall_below_zero(rule, count):
    points = indicator_points(rule, count)
    assert points is None or D(0) <= points <= rule.max_points


@given(indicator_rules(), st.integers(0, 10**7), st.integers(0, 10**7), st.integers(1, 10**6))
def test_raising_a_numerator_never_lowers_the_points(rule, numerator, denominator, more):
    before = indicator_points(rule, Count(numerator, denominator))
    after = indicator_points(rule, Count(numerator + more, denominator))
    if before is None:
        assert after is None  # only a zero denominator is not applicable
    else:
        assert after >= before


totals = st.none() | st.decimals(min_value=0, max_value=100, places=2)


@given(st.lists(totals, max_size=30), st.randoms())
def test_the_ranking_does_not_depend_on_the_input_order(values, random):
    pairs = list(enumerate(values))
    shuffled = pairs[:]
    random.shuffle(shuffled)
    assert competition_ranks(pairs) == competition_ranks(shuffled)


@given(st.lists(totals, max_size=30))
def test_ties_share_a_rank_and_a_better_total_ranks_higher(values):
    ranks = competition_ranks(list(enumerate(values)))
    for i, a in enumerate(values):
        for j, b in enumerate(values):
            if a == b:
                assert ranks[i] == ranks[j]
            elif a is not None and (b is None or a > b):
                assert ranks[i] < ranks[j]
    # 1-2-2-4: a rank is one more than the number of agencies placed strictly before it
    for i in ranks:
        assert ranks[i] == 1 + sum(1 for j in ranks if ranks[j] < ranks[i])


@given(st.lists(st.tuples(indicator_rules(), st.none() | counts), min_size=1, max_size=8))
def test_a_total_lies_between_zero_and_the_full_maximum(items):
    rules = [
        IndicatorRule(f"I{n}", f"G{n % 3}", r.max_points, r.rule, r.zero)
        for n, (r, _) in enumerate(items)
    ]
    groups = [GroupRule(f"G{n}", D(40)) for n in range(3)]
    card = scorecard(groups, rules, {f"I{n}": c for n, (_, c) in enumerate(items)})
    assert card.points <= card.max_points <= card.full_max
    assert card.total is None or D(0) <= card.total <= card.full_max
    assert card.points == sum((g.points or 0 for g in card.groups), D(0))
