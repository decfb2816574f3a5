"""The surveys' result per agency as the serving index and the PAR Index read it: the closed
campaigns whose period ends in the window, the same figures as the campaign's own results, in
one query."""

from __future__ import annotations

from datetime import date

import pytest

from cchc.surveys.selectors import survey_agency_indexes
from cchc.surveys.services import campaign_close, campaign_results
from tests.dossiers.helpers import at
from tests.surveys.test_staff_views import three_answers

pytestmark = pytest.mark.django_db

Q1 = (date(2025, 1, 1), date(2025, 3, 31))


@pytest.fixture
def answered(campaign, questionnaire, home_affairs_evaluator):
    three_answers(campaign, questionnaire[1], home_affairs_evaluator)
    return campaign


def test_an_open_campaign_is_not_counted_until_it_is_closed(answered, home_affairs_evaluator):
    assert survey_agency_indexes(*Q1) == []
    campaign_close(answered, actor=home_affairs_evaluator, now=at(2025, 4, 20))
    assert len(survey_agency_indexes(*Q1)) == 1


def test_a_closed_campaign_gives_its_agency_the_figures_of_its_results(
    answered, home_affairs_evaluator, world, django_assert_num_queries
):
    campaign_close(answered, actor=home_affairs_evaluator, now=at(2025, 4, 20))
    with django_assert_num_queries(1):
        (row,) = survey_agency_indexes(*Q1)
    agency, result = campaign_results(answered).by_agency[0]
    assert (row.agency_id, row.code, row.unit_id) == (agency.pk, agency.code, agency.pk)
    assert row.result == result
    assert (row.index, row.interval, row.answers) == (result.index, result.interval, 14)
    # Worked out by hand in test_services: 2 of 3 satisfied on four elements, 1 of 2 on
    # feedback handling; overall 63,3 %, 18,5 % – 93,2 %.
    assert row.satisfied == 9
    assert row.index == pytest.approx(0.6333, abs=1e-4)
    assert (row.interval.low, row.interval.high) == (
        pytest.approx(0.1851, abs=1e-4),
        pytest.approx(0.9319, abs=1e-4),
    )


@pytest.mark.parametrize(
    "window",
    [(date(2025, 3, 31), date(2025, 3, 31)), (date(2025, 1, 1), date(2025, 12, 31))],
)
def test_a_campaign_counts_in_every_window_holding_its_last_day(
    answered, home_affairs_evaluator, window
):
    campaign_close(answered, actor=home_affairs_evaluator, now=at(2025, 4, 20))
    assert [row.answers for row in survey_agency_indexes(*window)] == [14]


@pytest.mark.parametrize(
    "window",
    [(date(2025, 3, 1), date(2025, 3, 30)), (date(2025, 4, 1), date(2025, 6, 30))],
)
def test_a_window_without_the_campaigns_last_day_has_no_result(
    answered, home_affairs_evaluator, window
):
    campaign_close(answered, actor=home_affairs_evaluator, now=at(2025, 4, 20))
    assert survey_agency_indexes(*window) == []


def test_a_window_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        survey_agency_indexes(date(2025, 3, 31), date(2025, 1, 1))
