"""A province may point a serving-index indicator at the survey campaigns (the ``SURVEY``
source): the graded answers of the closed campaigns whose period ends in the period, per unit,
for one query more — and none when no indicator uses them, as in the default configuration."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc.stats.measures import SURVEY
from cchc.stats.models import IndexIndicator
from cchc.stats.serving import configuration_on, serving_index
from cchc.surveys.services import campaign_close
from tests.dossiers.helpers import at
from tests.surveys.conftest import campaign, questionnaire, six_returned  # noqa: F401
from tests.surveys.test_staff_views import three_answers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serving_config")]

MARCH = {"day_from": date(2025, 3, 1), "day_to": date(2025, 3, 31)}


@pytest.fixture
def surveyed(campaign, questionnaire, home_affairs_evaluator):  # noqa: F811
    """Sở Xây dựng returned six permits in March 2025; the campaign on them got 14 graded
    answers, 9 satisfied (worked out in tests/surveys/test_services.py) and was closed."""
    three_answers(campaign, questionnaire[1], home_affairs_evaluator)
    return campaign_close(campaign, actor=home_affairs_evaluator, now=at(2025, 4, 20))


def point_mdhl3_at_the_surveys() -> None:
    IndexIndicator.objects.filter(code="MDHL3").update(
        numerator="survey_satisfied_answers", denominator="survey_answers"
    )


def test_the_default_configuration_does_not_read_the_surveys():
    assert not configuration_on(MARCH["day_to"]).uses(SURVEY)


def test_an_indicator_pointed_at_the_surveys_scores_their_satisfied_share(
    surveyed, world, django_assert_num_queries
):
    # configuration, dossier sums, rating sums, agencies, feedback sums, catalogue,
    # per-procedure use, entered values
    with django_assert_num_queries(8):
        before = serving_index(**MARCH)
    assert before.agency(world.construction.code).indicator("MDHL3").denominator == 0
    point_mdhl3_at_the_surveys()
    with django_assert_num_queries(9):  # … and the survey answers
        index = serving_index(**MARCH)
    line = index.agency(world.construction.code).indicator("MDHL3")
    # 9 of 14 satisfied, full points at 90 %: 6 × (9/14) / 0.9 = 4.2857 → 4.29
    assert (line.numerator, line.denominator, line.points) == (9, 14, Decimal("4.29"))


def test_a_unit_without_a_closed_campaign_ending_in_the_period_counts_zero_of_zero(surveyed, world):
    point_mdhl3_at_the_surveys()
    index = serving_index(day_from=date(2025, 3, 1), day_to=date(2025, 3, 30))
    line = index.agency(world.construction.code).indicator("MDHL3")
    assert (line.numerator, line.denominator, line.points) == (0, 0, Decimal("0.00"))
