"""The nine indicators of the per-dossier evaluation (Decree 61/2018 regime, DOMAIN A8/B §7):
points from facts, the total, the bands (15 itself classified), and their properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.evaluation import (
    DEFAULT_BANDS,
    INDICATORS,
    MAX_TOTAL,
    Band,
    Facts,
    Indicator,
    band,
    check_bands,
    check_points,
    complete,
    score,
    total,
)
from cchc.domain.lifecycle import Timeliness

Ind = Indicator
LEVELS = ["very_satisfied", "satisfied", "not_satisfied"]

facts = st.builds(
    Facts,
    timeliness=st.none() | st.sampled_from(list(Timeliness)),
    late_agencies=st.none() | st.integers(0, 6),
    supplement_requests=st.none() | st.integers(0, 6),
    visits=st.none() | st.integers(0, 8),
    agencies_contacted=st.none() | st.integers(0, 6),
    one_stop=st.none() | st.booleans(),
    publicity=st.none() | st.integers(0, 2),
    attitude=st.none() | st.sampled_from(LEVELS),
    feedback=st.none() | st.sampled_from(LEVELS),
    online=st.none() | st.booleans(),
    late=st.none() | st.booleans(),
)


def test_a_perfect_dossier_scores_eighteen_and_is_excellent():
    best = Facts(
        timeliness=Timeliness.EARLY,
        late_agencies=0,
        supplement_requests=0,
        visits=2,
        agencies_contacted=1,
        one_stop=True,
        publicity=2,
        attitude="very_satisfied",
        feedback="very_satisfied",
        online=True,
        late=False,
    )
    points = score(best)
    assert set(points.values()) == {2} and complete(points)
    assert total(points) == 18 and band(18) == Band.EXCELLENT


def test_each_rule_gives_its_points():
    assert score(Facts(timeliness=Timeliness.ON_TIME))[Ind.TOTAL_TIME] == 1
    assert score(Facts(timeliness=Timeliness.LATE))[Ind.TOTAL_TIME] == 0
    assert [score(Facts(late_agencies=n))[Ind.AGENCY_TIME] for n in (0, 1, 2, 3)] == [2, 1, 0, 0]
    assert [score(Facts(supplement_requests=n))[Ind.CONTACTS] for n in (0, 1, 2)] == [2, 1, 0]
    # no supplement but a fourth trip to the counter: the trips decide
    assert score(Facts(supplement_requests=0, visits=3))[Ind.CONTACTS] == 1
    assert score(Facts(supplement_requests=0, visits=4))[Ind.CONTACTS] == 0
    assert [score(Facts(agencies_contacted=n))[Ind.AGENCIES_CONTACTED] for n in (1, 2, 3)] == [
        2,
        1,
        0,
    ]
    assert score(Facts(one_stop=False))[Ind.ONE_STOP] == 0
    assert [score(Facts(attitude=lv))[Ind.ATTITUDE] for lv in LEVELS] == [2, 1, 0]
    assert [score(Facts(feedback=lv))[Ind.FEEDBACK] for lv in LEVELS] == [2, 1, 0]
    assert score(Facts(online=True, late=True))[Ind.ONLINE] == 0
    assert score(Facts(online=False))[Ind.ONLINE] == 2  # not applicable counts as met


def test_unknown_facts_leave_their_indicators_to_be_entered():
    points = score(Facts(timeliness=Timeliness.EARLY))
    assert [i for i in INDICATORS if points[i] is None] == list(INDICATORS)[1:]
    assert not complete(points) and total(points) == 2


def test_the_default_bands_and_fifteen_itself():
    assert [band(t) for t in (18, 16, 15, 12, 11, 9, 8, 6, 5, 0)] == [
        Band.EXCELLENT,
        Band.EXCELLENT,
        Band.GOOD,  # the province's published bands leave 15 out (DOMAIN B §7): it is Tốt
        Band.GOOD,
        Band.FAIR,
        Band.FAIR,
        Band.AVERAGE,
        Band.AVERAGE,
        Band.WEAK,
        Band.WEAK,
    ]


def test_bands_and_points_out_of_shape_are_refused():
    with pytest.raises(ValueError):
        check_bands([(10, Band.GOOD), (12, Band.EXCELLENT), (0, Band.WEAK)])
    with pytest.raises(ValueError):
        check_bands([(10, Band.GOOD), (3, Band.WEAK)])
    assert check_bands([(14, "excellent"), (0, "weak")]) == ((14, Band.EXCELLENT), (0, Band.WEAK))
    for bad in (-1, 3, True, 1.5):
        with pytest.raises(ValueError):
            check_points(bad)


@given(facts)
def test_every_total_is_within_zero_and_eighteen(f):
    points = score(f)
    assert set(points) == set(INDICATORS)
    assert all(v is None or v in (0, 1, 2) for v in points.values())
    assert 0 <= total(points) <= MAX_TOTAL


@given(st.integers(0, MAX_TOTAL))
def test_the_bands_cover_every_total_exactly_once(points):
    matching = [
        name
        for i, (low, name) in enumerate(DEFAULT_BANDS)
        if points >= low and (i == 0 or points < DEFAULT_BANDS[i - 1][0])
    ]
    assert matching == [band(points)]


@given(st.integers(0, MAX_TOTAL), st.integers(0, MAX_TOTAL))
def test_a_higher_total_never_has_a_lower_band(a, b):
    order = [name for _, name in DEFAULT_BANDS]  # best first
    low, high = sorted((a, b))
    assert order.index(band(high)) <= order.index(band(low))


@given(facts, st.integers(0, 3), st.integers(0, 3), st.integers(0, 3), st.integers(0, 3))
def test_more_late_agencies_supplements_trips_or_agencies_never_score_more(f, a, s, v, c):
    base = Facts(late_agencies=a, supplement_requests=s, visits=v, agencies_contacted=c)
    worse = Facts(
        late_agencies=a + 1, supplement_requests=s + 1, visits=v + 1, agencies_contacted=c + 1
    )
    before, after = score(base), score(worse)
    for i in (Ind.AGENCY_TIME, Ind.CONTACTS, Ind.AGENCIES_CONTACTED):
        assert after[i] <= before[i]


@given(st.sampled_from(list(Timeliness)), st.sampled_from(list(Timeliness)))
def test_a_later_finish_never_scores_more(a, b):
    order = [Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE]
    first, second = sorted((a, b), key=order.index)
    assert (
        score(Facts(timeliness=second))[Ind.TOTAL_TIME]
        <= score(Facts(timeliness=first))[Ind.TOTAL_TIME]
    )
