"""The PAR Index scoring core (DOMAIN A7, B §6, issue 12 §2): totals, the rescale rule,
component indexes, classification, emulation eligibility, ranks and their change, live-metric
and survey points and the weak criteria, by example and by property."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.domain.scoring import (
    BANDS_INVALID,
    DEFAULT_BANDS,
    DUPLICATE_CODE,
    FIELD_MAX_MISMATCH,
    NEGATIVE_MAX,
    NEGATIVE_POINTS,
    POINTS_ABOVE_MAX,
    POINTS_NOT_A_NUMBER,
    UNKNOWN_FIELD,
    UNKNOWN_LEAVES,
    UNKNOWN_UNIT,
    Band,
    Component,
    FieldRule,
    FrameworkRule,
    Leaf,
    LinearBetween,
    Method,
    Thresholds,
    ZeroRule,
    classify,
    competition_ranks,
    criterion_spread,
    eligible_for_emulation,
    live_points,
    rank_changes,
    survey_points,
    unit_score,
    weak_criteria,
)
from cchc.domain.serving_index import Bands

D = Decimal

# A sample on the shape of the previous provincial cycle (Decision 2948/QĐ-BNV, B §6.2): field
# maxima 10 / 10 / 14.5 / 11 / 16 / 7 / 16 / 15.5, and the 876 split: 68 appraised + 32 survey.
# Each field: two appraised leaves (.1, .2) and one survey leaf (.3).
SHAPE = {
    "1": ("4", "3.5", "2.5"),
    "2": ("3", "3", "4"),
    "3": ("5", "4.5", "5"),
    "4": ("4", "3", "4"),
    "5": ("6", "5", "5"),
    "6": ("3", "2", "2"),
    "7": ("6", "5", "5"),
    "8": ("5", "6", "4.5"),
}
FIELDS = tuple(FieldRule(code, sum(map(D, maxima))) for code, maxima in SHAPE.items())
LEAVES = tuple(
    Leaf(f"{field}.{n}", field, D(m), survey=n == 3)
    for field, maxima in SHAPE.items()
    for n, m in enumerate(maxima, start=1)
)
PROVINCE = FrameworkRule(FIELDS, LEAVES)
NO_RESCALE = FrameworkRule(FIELDS, LEAVES, rescale_without_survey=False)


def full(rule: FrameworkRule = PROVINCE, *, survey: bool = True) -> dict[str, Decimal]:
    return {leaf.code: leaf.max_points for leaf in rule.leaves if survey or not leaf.survey}


# --- the framework ---------------------------------------------------------------------------


def test_the_sample_framework_has_the_2948_field_maxima_and_the_876_split():
    assert [f.max_points for f in PROVINCE.fields] == [
        D(10),
        D(10),
        D("14.5"),
        D(11),
        D(16),
        D(7),
        D(16),
        D("15.5"),
    ]
    assert (PROVINCE.max_points, PROVINCE.appraised_max, PROVINCE.survey_max) == (
        D(100),
        D(68),
        D(32),
    )
    assert [m.value for m in Method] == ["self", "live", "survey", "appraisal"]


@pytest.mark.parametrize(
    ("fields", "leaves", "bands", "message"),
    [
        (
            (FieldRule("A", D(1)), FieldRule("A", D(0))),
            (Leaf("a", "A", D(1)),),
            None,
            DUPLICATE_CODE,
        ),
        (
            (FieldRule("A", D(2)),),
            (Leaf("a", "A", D(1)), Leaf("a", "A", D(1))),
            None,
            DUPLICATE_CODE,
        ),
        ((FieldRule("A", D(1)),), (Leaf("a", "B", D(1)),), None, UNKNOWN_FIELD),
        ((FieldRule("A", D(3)),), (Leaf("a", "A", D(1)),), None, FIELD_MAX_MISMATCH),
        ((FieldRule("A", D(-1)),), (Leaf("a", "A", D(-1)),), None, NEGATIVE_MAX),
        ((FieldRule("A", D(1)),), (Leaf("a", "A", D(1)),), (), BANDS_INVALID),
        (
            (FieldRule("A", D(1)),),
            (Leaf("a", "A", D(1)),),
            (Band(D(50), "Đạt"), Band(D(80), "Tốt"), Band(D(0), "Yếu")),
            BANDS_INVALID,
        ),
        (
            (FieldRule("A", D(1)),),
            (Leaf("a", "A", D(1)),),
            (Band(D(50), "Đạt"), Band(D(10), "Yếu")),
            BANDS_INVALID,
        ),
        (
            (FieldRule("A", D(1)),),
            (Leaf("a", "A", D(1)),),
            (Band(D(50), "Đạt"), Band(D(50), "Khá"), Band(D(0), "Yếu")),
            BANDS_INVALID,
        ),
    ],
)
def test_a_framework_that_cannot_be_scored_is_refused(fields, leaves, bands, message):
    with pytest.raises(ValueError, match=message):
        if bands is None:
            FrameworkRule(fields, leaves)
        else:
            FrameworkRule(fields, leaves, bands=bands)


# --- totals, components, the rescale rule ---------------------------------------------------


def test_a_surveyed_unit_with_every_point_scores_100_and_is_excellent():
    score = unit_score(PROVINCE, full(), surveyed=True)
    assert (score.points, score.total, score.max_points, score.percent) == (
        D(100),
        D(100),
        D(100),
        D("100.00"),
    )
    assert score.classification == "Xuất sắc" and score.eligible and score.surveyed
    assert [c.percent for c in score.components] == [D("100.00")] * 8
    assert [c.field for c in score.components] == list(SHAPE)


def test_without_a_survey_the_appraised_points_are_rescaled_to_100():
    # every appraised point but field 1's: 68 − 7.5 = 60.5 of 68 → 88.97…% of 100
    points = full(survey=False) | {"1.1": D(0), "1.2": D(0)}
    score = unit_score(PROVINCE, points, surveyed=False)
    assert (score.points, score.total, score.percent) == (D("60.5"), D("88.97"), D("88.97"))
    assert score.classification == "Tốt"
    first, second = score.components[:2]
    # the survey leaves leave the field maxima too: field 1 is 7.5, field 2 is 6
    assert (first.points, first.max_points, first.percent) == (D(0), D("7.5"), D("0.00"))
    assert (second.points, second.max_points, second.percent) == (D(6), D(6), D("100.00"))
    assert not score.eligible


def test_without_a_survey_survey_points_given_anyway_do_not_count():
    with_survey_points = unit_score(PROVINCE, full(), surveyed=False)
    assert with_survey_points == unit_score(PROVINCE, full(survey=False), surveyed=False)
    assert with_survey_points.total == D(100)


def test_without_the_rescale_rule_survey_leaves_score_nothing_and_stay_in_the_maxima():
    score = unit_score(NO_RESCALE, full(), surveyed=False)
    assert (score.points, score.total, score.max_points, score.percent) == (
        D(68),
        D(68),
        D(100),
        D("68.00"),
    )
    assert score.classification == "Trung bình"
    first = score.components[0]
    assert (first.points, first.max_points, first.percent) == (D("7.5"), D(10), D("75.00"))
    # a surveyed unit under the same framework counts everything
    assert unit_score(NO_RESCALE, full(), surveyed=True).total == D(100)


def test_points_are_rounded_half_up_and_so_is_the_rescaled_total():
    score = unit_score(PROVINCE, {"1.1": D("1.005")}, surveyed=True)
    assert score.points == D("1.01") and score.components[0].points == D("1.01")
    # 1 of 68 appraised points, rescaled: 100 / 68 = 1.4705… → 1.47
    assert unit_score(PROVINCE, {"1.1": D(1)}, surveyed=False).total == D("1.47")
    # 0.125 of 7 = 1.7857…%; and 0.5 / 68 × 100 = 0.73529… → 0.74
    assert unit_score(PROVINCE, {"6.1": D("0.125")}, surveyed=True).components[5].percent == D(
        "1.86"
    )
    assert unit_score(PROVINCE, {"1.1": D("0.5")}, surveyed=False).total == D("0.74")


def test_missing_and_none_points_score_zero():
    score = unit_score(PROVINCE, {"1.1": None}, surveyed=True)
    assert (score.points, score.total, score.percent) == (D(0), D(0), D(0))
    assert score.classification == "Yếu" and not score.eligible


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ({"1.1": D("-0.01")}, NEGATIVE_POINTS),
        ({"1.1": D("4.01")}, POINTS_ABOVE_MAX),
        ({"1.1": D("NaN")}, POINTS_NOT_A_NUMBER),
        ({"1.1": 1.5}, POINTS_NOT_A_NUMBER),
        ({"9.9": D(1)}, UNKNOWN_LEAVES),
        ({"1": D(1)}, UNKNOWN_LEAVES),
    ],
)
def test_points_outside_the_leaf_or_for_an_unknown_code_are_refused(points, message):
    with pytest.raises(ValueError, match=message):
        unit_score(PROVINCE, points, surveyed=True)


def test_a_field_of_survey_leaves_only_has_no_component_index_without_a_survey():
    rule = FrameworkRule(
        (FieldRule("A", D(6)), FieldRule("S", D(4))),
        (Leaf("a", "A", D(6)), Leaf("s", "S", D(4), survey=True)),
    )
    score = unit_score(rule, {"a": D(3)}, surveyed=False)
    assert score.components[1] == Component("S", D(0), D(0), None)
    assert score.total == D("5.00") and score.eligible


def test_a_framework_without_leaves_scores_zero():
    score = unit_score(FrameworkRule((), ()), {}, surveyed=False)
    assert (score.total, score.percent, score.components) == (D(0), D(0), ())


# --- classification and emulation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("percent", "name"),
    [
        (D(100), "Xuất sắc"),
        (D(90), "Xuất sắc"),
        (D("89.99"), "Tốt"),
        (D(80), "Tốt"),
        (D("79.99"), "Khá"),
        (D(70), "Khá"),
        (D("69.99"), "Trung bình"),
        (D(50), "Trung bình"),
        (D("49.99"), "Yếu"),
        (D(0), "Yếu"),
    ],
)
def test_the_default_bands_classify_from_the_lower_bound_up(percent, name):
    assert classify(percent) == name == classify(percent, DEFAULT_BANDS)


def test_a_framework_classifies_with_its_own_bands():
    bands = (Band(D(85), "Hoàn thành xuất sắc"), Band(D(60), "Hoàn thành"), Band(D(0), "Chưa"))
    rule = FrameworkRule(FIELDS, LEAVES, bands=bands)
    assert unit_score(rule, full(), surveyed=True).classification == "Hoàn thành xuất sắc"
    assert unit_score(rule, full(survey=False), surveyed=True).classification == "Hoàn thành"
    assert unit_score(rule, {}, surveyed=True).classification == "Chưa"


def test_one_field_under_half_its_maximum_makes_an_excellent_unit_ineligible():
    # field 6 (7 points) at 3.49 = 49.86 %; everything else full: 96.49 overall
    points = full() | {"6.1": D("1.49"), "6.2": D(0)}
    score = unit_score(PROVINCE, points, surveyed=True)
    assert score.total == D("96.49") and score.classification == "Xuất sắc"
    assert score.components[5].percent == D("49.86") and not score.eligible
    # exactly half is not under half
    points = full() | {"6.1": D("1.5"), "6.2": D(0)}
    assert unit_score(PROVINCE, points, surveyed=True).eligible


def test_eligibility_ignores_a_component_that_does_not_apply():
    assert eligible_for_emulation([Component("A", D(0), D(0), None)])
    assert eligible_for_emulation([])
    assert not eligible_for_emulation(
        [Component("A", D(5), D(10), D(50)), Component("B", D(0), D(1), D(0))]
    )


# --- ranks and their change ------------------------------------------------------------------


def test_units_with_equal_totals_share_a_rank():
    totals = {
        unit: unit_score(PROVINCE, points, surveyed=True).total
        for unit, points in {
            "sở A": full(),
            "sở B": full(survey=False),
            "sở C": full(survey=False),
            "sở D": {},
        }.items()
    }
    assert competition_ranks(totals) == {"sở A": 1, "sở B": 2, "sở C": 2, "sở D": 4}


def test_a_rank_change_is_last_years_rank_minus_this_years():
    changes = rank_changes({"a": 1, "b": 2, "c": 20, "new": 3}, {"a": 4, "b": 2, "c": 2, "gone": 1})
    # a moved up 3, b stayed, c went down 18 places, "new" has no rank last year
    assert changes == {"a": 3, "b": 0, "c": -18, "new": None}


# --- live metrics and survey points ---------------------------------------------------------


def test_linear_between_scores_nothing_at_the_lower_rate_and_full_at_the_upper():
    rule = LinearBetween(D("0.5"), D("0.9"))
    assert live_points(rule, D(4), 5, 10) == D("0.00")
    assert live_points(rule, D(4), 4, 10) == D("0.00")
    assert live_points(rule, D(4), 6, 10) == D("1.00")
    assert live_points(rule, D(4), 7, 10) == D("2.00")
    # 2/3: 4 × (0.6667 − 0.5) / 0.4 = 1.6666… → 1.67
    assert live_points(rule, D(4), 2, 3) == D("1.67")
    assert live_points(rule, D(4), 9, 10) == D("4.00")
    assert live_points(rule, D(4), 12, 10) == D("4.00")
    # exact, not in floats: 4 × (1/8 − 0.1) / 0.8 = 0.125 → 0.13 (floats make it 0.1249…)
    assert live_points(LinearBetween(D("0.1"), D("0.9")), D(4), 1, 8) == D("0.13")


@pytest.mark.parametrize(
    ("zero", "points"),
    [(ZeroRule.ZERO, D("0.00")), (ZeroRule.FULL, D("4.00")), (ZeroRule.NOT_APPLICABLE, None)],
)
def test_a_live_metric_without_a_denominator_follows_its_zero_rule(zero, points):
    assert live_points(LinearBetween(D(0), D(1)), D(4), 0, 0, zero) == points
    assert live_points(Thresholds(((D("0.5"), D(1)),)), D(4), 0, 0, zero) == points


def test_thresholds_score_their_step_and_never_more_than_the_maximum():
    assert Thresholds is Bands
    rule = Thresholds(((D("0.5"), D(1)), (D("0.9"), D(5))))
    assert live_points(rule, D(4), 4, 10) == D("0.00")
    assert live_points(rule, D(4), 5, 10) == D("1.00")
    assert live_points(rule, D(4), 9, 10) == D("4.00")


def test_bounds_that_are_not_rising_rates_and_negative_counts_are_refused():
    for lower, upper in [(D("0.5"), D("0.5")), (D("0.9"), D("0.5")), (D(-1), D(1)), (D(0), D(2))]:
        with pytest.raises(ValueError):
            LinearBetween(lower, upper)
    with pytest.raises(ValueError):
        live_points(LinearBetween(D(0), D(1)), D(4), -1, 3)


def test_survey_points_are_the_index_share_of_the_maximum():
    assert survey_points(D(32), D("85.5")) == D("27.36")
    assert survey_points(D("4.5"), D("83.33")) == D("3.75")  # 3.749985 → 3.75
    assert survey_points(D(32), None) is None
    assert survey_points(D(32), D(120)) == D(32)
    assert survey_points(D(32), D(-5)) == D("0.00")


# --- the criteria across units ---------------------------------------------------------------

SMALL = FrameworkRule(
    (FieldRule("1", D(10)), FieldRule("2", D(5))),
    (Leaf("1.1", "1", D(4)), Leaf("1.2", "1", D(6)), Leaf("2.1", "2", D(5))),
)
UNITS = {
    "sở A": {"1.1": D(4), "1.2": D(6), "2.1": D(5)},
    "sở B": {"1.1": D(4), "1.2": D(4), "2.1": None},
    "sở C": {"1.1": D(1), "1.2": D(6), "2.1": D(4)},
}


def test_the_spread_of_a_criterion_over_the_units():
    spreads = criterion_spread(SMALL, UNITS)
    assert list(spreads) == ["1.1", "1.2", "2.1"]
    one = spreads["1.1"]
    assert (one.units, one.average, one.minimum, one.maximum, one.at_max) == (
        3,
        D(3),
        D(1),
        D(4),
        2,
    )
    # (6 + 4 + 6) / 3 = 5.333… → 5.33
    assert spreads["1.2"].average == D("5.33")
    # None counts as 0: (5 + 0 + 4) / 3 = 3
    two = spreads["2.1"]
    assert (two.average, two.minimum, two.maximum, two.at_max) == (D(3), D(0), D(5), 1)
    empty = criterion_spread(SMALL, {})["1.1"]
    assert (empty.units, empty.average, empty.at_max) == (0, D(0), 0)


def test_a_units_weak_criteria_are_the_most_missing_first():
    weak = weak_criteria(SMALL, UNITS, "sở B")
    assert [(w.code, w.missing, w.below_average, w.below_max) for w in weak] == [
        ("2.1", D(5), True, True),
        ("1.2", D(2), True, True),
    ]
    assert weak[1].average == D("5.33") and weak[1].points == D(4)
    # below the maximum but above the average is still a weakness
    (only,) = weak_criteria(SMALL, UNITS, "sở C")[1:]
    assert (only.code, only.below_average, only.below_max) == ("2.1", False, True)
    assert weak_criteria(SMALL, UNITS, "sở A") == []
    with pytest.raises(ValueError, match=UNKNOWN_UNIT):
        weak_criteria(SMALL, UNITS, "sở Z")


def test_weak_criteria_with_the_same_points_missing_follow_the_code_numbers():
    rule = FrameworkRule(
        (FieldRule("1", D(3)),),
        (Leaf("1.10", "1", D(1)), Leaf("1.2", "1", D(1)), Leaf("1.1", "1", D(1))),
    )
    weak = weak_criteria(rule, {"u": {}}, "u")
    assert [w.code for w in weak] == ["1.1", "1.2", "1.10"]


# --- properties -------------------------------------------------------------------------------

fast = settings(max_examples=60, deadline=None)


@st.composite
def frameworks(draw, max_fields: int = 4):
    fields, leaves = [], []
    for f in range(draw(st.integers(1, max_fields))):
        maxima = draw(
            st.lists(st.tuples(st.decimals(0, 20, places=2), st.booleans()), min_size=1, max_size=4)
        )
        for n, (m, survey) in enumerate(maxima, start=1):
            leaves.append(Leaf(f"{f}.{n}", str(f), m, survey))
        fields.append(FieldRule(str(f), sum((m for m, _ in maxima), D(0))))
    return FrameworkRule(tuple(fields), tuple(leaves), rescale_without_survey=draw(st.booleans()))


def leaf_values(draw, rule: FrameworkRule) -> dict[str, Decimal | None]:
    return {
        leaf.code: draw(st.none() | st.decimals(0, leaf.max_points, places=3))
        for leaf in rule.leaves
    }


@st.composite
def scored(draw):
    rule = draw(frameworks())
    return rule, leaf_values(draw, rule), draw(st.booleans())


@fast
@given(scored())
def test_a_total_never_exceeds_the_maximum(case):
    rule, points, surveyed = case
    score = unit_score(rule, points, surveyed=surveyed)
    assert D(0) <= score.points <= score.max_points == rule.max_points
    assert D(0) <= score.total <= score.max_points
    assert D(0) <= score.percent <= 100
    for c in score.components:
        assert D(0) <= c.points <= c.max_points
        assert c.percent is None or D(0) <= c.percent <= 100
    assert score.points == sum((c.points for c in score.components), D(0))
    assert score.eligible == all(c.percent is None or c.percent >= 50 for c in score.components)
    assert score.classification == classify(score.percent, rule.bands)


@st.composite
def units_and_a_raise(draw):
    rule = draw(frameworks())
    units = {
        n: (leaf_values(draw, rule), draw(st.booleans())) for n in range(draw(st.integers(1, 6)))
    }
    unit = draw(st.sampled_from(sorted(units)))
    leaf = draw(st.sampled_from(rule.leaves))
    before = units[unit][0][leaf.code] or D(0)
    raised = draw(st.decimals(before, leaf.max_points, places=3))
    return rule, units, unit, leaf.code, raised


@fast
@given(units_and_a_raise())
def test_raising_one_score_never_lowers_the_total_nor_worsens_the_rank(case):
    rule, units, unit, code, raised = case

    def totals(units):
        return {
            n: unit_score(rule, points, surveyed=surveyed).total
            for n, (points, surveyed) in units.items()
        }

    before = totals(units)
    points, surveyed = units[unit]
    after = totals(units | {unit: (points | {code: raised}, surveyed)})
    assert after[unit] >= before[unit]
    assert competition_ranks(after)[unit] <= competition_ranks(before)[unit]


@st.composite
def several_units(draw):
    rule = draw(frameworks(max_fields=3))
    values = [leaf_values(draw, rule) for _ in range(draw(st.integers(1, 5)))]
    # copies make ties likely
    units = [draw(st.sampled_from(values)) for _ in range(draw(st.integers(1, 8)))]
    return rule, units


@fast
@given(several_units(), st.randoms())
def test_the_ranking_does_not_depend_on_the_input_order_and_ties_share_a_rank(case, random):
    rule, units = case
    pairs = [(n, unit_score(rule, p, surveyed=True).total) for n, p in enumerate(units)]
    shuffled = pairs[:]
    random.shuffle(shuffled)
    ranks = competition_ranks(pairs)
    assert ranks == competition_ranks(shuffled)
    for i, a in enumerate(units):
        for j, b in enumerate(units):
            if a == b:
                assert ranks[i] == ranks[j]
    # 1-2-2-4: one more than the number of units ranked strictly before
    for i in ranks:
        assert ranks[i] == 1 + sum(1 for j in ranks if ranks[j] < ranks[i])


@fast
@given(scored(), st.data())
def test_a_unit_with_one_field_under_half_is_not_eligible(case, data):
    rule, points, surveyed = case
    score = unit_score(rule, points, surveyed=surveyed)
    applying = [c.field for c in score.components if c.max_points > 0]
    if not applying:
        assert score.eligible
        return
    field = data.draw(st.sampled_from(applying))
    # the field keeps under half its maximum that applies: at most 49 % of each leaf
    weakened = points | {
        leaf.code: (leaf.max_points * D("0.49")).quantize(D("0.01"), rounding="ROUND_DOWN")
        for leaf in rule.leaves
        if leaf.field == field
    }
    weak = unit_score(rule, weakened, surveyed=surveyed)
    assert next(c for c in weak.components if c.field == field).percent < 50
    assert not weak.eligible


@fast
@given(scored())
def test_the_rescale_keeps_the_percent_of_the_appraised_points(case):
    rule, points, _ = case
    rule = FrameworkRule(rule.fields, rule.leaves, rescale_without_survey=True)
    score = unit_score(rule, points, surveyed=False)
    appraised = sum(
        (
            (points[leaf.code] or D(0)).quantize(D("0.01"), "ROUND_HALF_UP")
            for leaf in rule.leaves
            if not leaf.survey
        ),
        D(0),
    )
    assert score.points == appraised
    if rule.appraised_max == 0:
        assert score.total == 0
        return
    exact = score.points * 100 / rule.appraised_max
    # the total is rounded to 2 decimals of the full maximum, the percent again to 2 decimals
    slack = D("0.005") * 100 / rule.max_points + D("0.005")
    assert abs(score.percent - exact) <= slack


@fast
@given(st.data())
def test_on_a_100_point_framework_the_rescaled_percent_is_exactly_the_appraised_share(data):
    points = leaf_values(data.draw, PROVINCE)
    score = unit_score(PROVINCE, points, surveyed=False)
    share = (score.points * 100 / PROVINCE.appraised_max).quantize(D("0.01"), "ROUND_HALF_UP")
    assert score.percent == score.total == share


ranks = st.integers(1, 60)


@fast
@given(st.dictionaries(st.integers(0, 20), ranks), st.dictionaries(st.integers(0, 20), ranks))
def test_a_rank_change_is_positive_exactly_when_the_unit_moved_up(current, previous):
    changes = rank_changes(current, previous)
    assert set(changes) == set(current)
    for unit, change in changes.items():
        if unit not in previous:
            assert change is None
        else:
            assert change == previous[unit] - current[unit]
            assert (change > 0) == (current[unit] < previous[unit])
            assert (change < 0) == (current[unit] > previous[unit])


@st.composite
def live_rules(draw):
    if draw(st.booleans()):
        lower, upper = sorted(draw(st.sets(st.decimals(0, 1, places=3), min_size=2, max_size=2)))
        return LinearBetween(lower, upper)
    rates = sorted(draw(st.sets(st.decimals(0, 1, places=3), min_size=1, max_size=4)))
    points = sorted(
        draw(st.lists(st.decimals(0, 30, places=2), min_size=len(rates), max_size=len(rates)))
    )
    return Thresholds(tuple(zip(rates, points, strict=True)))


@fast
@given(
    live_rules(),
    st.decimals(0, 20, places=2),
    st.integers(0, 10**7),
    st.integers(0, 10**7),
    st.integers(1, 10**6),
    st.sampled_from(list(ZeroRule)),
)
def test_a_live_metric_stays_within_its_maximum_and_a_higher_numerator_never_scores_less(
    rule, max_points, numerator, denominator, more, zero
):
    before = live_points(rule, max_points, numerator, denominator, zero)
    after = live_points(rule, max_points, numerator + more, denominator, zero)
    if before is None:
        assert after is None and denominator == 0
    else:
        assert D(0) <= before <= after <= max_points


@fast
@given(
    st.decimals(0, 40, places=2),
    st.decimals(-10, 110, places=2),
    st.decimals(0, 50, places=2),
)
def test_survey_points_stay_within_the_maximum_and_rise_with_the_index(max_points, index, more):
    low, high = survey_points(max_points, index), survey_points(max_points, index + more)
    assert D(0) <= low <= high <= max_points


@st.composite
def units_of_a_kind(draw):
    rule = draw(frameworks(max_fields=3))
    units = {n: leaf_values(draw, rule) for n in range(draw(st.integers(1, 5)))}
    return rule, units, draw(st.sampled_from(sorted(units)))


@fast
@given(units_of_a_kind())
def test_weak_criteria_are_exactly_the_leaves_below_max_or_average_most_missing_first(case):
    rule, units, unit = case
    spreads = criterion_spread(rule, units)
    weak = weak_criteria(rule, units, unit)
    missing = [w.missing for w in weak]
    assert missing == sorted(missing, reverse=True)
    flagged = {w.code for w in weak}
    for leaf in rule.leaves:
        own = (units[unit][leaf.code] or D(0)).quantize(D("0.01"), "ROUND_HALF_UP")
        spread = spreads[leaf.code]
        assert spread.minimum <= spread.average <= spread.maximum <= leaf.max_points
        assert 0 <= spread.at_max <= spread.units == len(units)
        assert (leaf.code in flagged) == (own < leaf.max_points or own < spread.average)
