"""The demo's survey campaigns, made through the services: last year's finished campaign with
its declared strata sized by the formula and fully answered on paper and by phone, and an open
campaign; a second run adds nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from cchc.demo.surveys import seed_surveys
from cchc.surveys.models import Campaign, Channel, Response
from cchc.surveys.services import campaign_results

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_finished_campaign_of_last_year_and_an_open_one(world):
    recorded = seed_surveys(world.construction, actor=world.home_affairs_evaluator)
    finished, current = Campaign.objects.order_by("period_start")
    assert (finished.status, current.status) == (Campaign.Status.CLOSED, Campaign.Status.OPEN)
    assert finished.period_end == date(timezone.now().year - 1, 12, 31)
    # e = 0.1: 400 / (1 + 4) = 80 and 120 / (1 + 1.2) = 54.5 → 55.
    assert sorted(finished.strata.values_list("population", "target")) == [(120, 55), (400, 80)]
    assert finished.responses.count() == 135
    assert set(finished.responses.values_list("channel", flat=True)) == {
        Channel.PAPER,
        Channel.PHONE,
    }
    assert recorded == Response.objects.count()
    assert campaign_results(finished).overall.index is not None
    assert seed_surveys(world.construction, actor=world.home_affairs_evaluator) == 0
    assert Campaign.objects.count() == 2
