"""Each officer's ratings per day (issue 9, build 3): the "not satisfied" share of any period,
kept exact by ``rating_submit`` and recounted from the officer ratings (``stats_rebuild``)."""

from __future__ import annotations

import importlib
import io
from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from cchc.dossiers.services import dossier_approve, dossier_forward
from cchc.satisfaction.models import OfficerDailyStat, OfficerRating, OfficerThreshold
from cchc.satisfaction.services import (
    officer_daily_recount,
    rating_submit,
    satisfaction_check,
    satisfaction_rebuild,
)
from tests.dossiers.helpers import at, receive

pytestmark = pytest.mark.django_db


def ready(world, day):
    d = receive(world, now=at(2025, 9, day))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 9, day, 14))
    return dossier_approve(
        actor=world.leader, dossier=d, result_number="5/GPXD", now=at(2025, 9, day + 1)
    )


def daily():
    return {
        (r.officer_id, r.agency_id, r.day): (r.very_satisfied, r.satisfied, r.not_satisfied)
        for r in OfficerDailyStat.objects.all()
    }


def test_each_rated_officer_is_counted_on_the_local_day_for_their_agency(world):
    first, second = ready(world, 8), ready(world, 9)
    # 23:30 in Hà Nội on 30/09 is still the 30th there (16:30 UTC).
    rating_submit(
        dossier=first,
        overall="not_satisfied",
        officers={world.specialist: "not_satisfied", world.leader: "satisfied"},
        now=at(2025, 9, 30, 23, 30),
    )
    rating_submit(
        dossier=second,
        overall="satisfied",
        officers={world.specialist: "not_satisfied"},
        now=at(2025, 10, 1),
    )

    division, department = world.construction_division.pk, world.construction.pk
    assert daily() == {
        (world.specialist.pk, division, date(2025, 9, 30)): (0, 0, 1),
        (world.leader.pk, department, date(2025, 9, 30)): (0, 1, 0),
        (world.specialist.pk, division, date(2025, 10, 1)): (0, 0, 1),
    }
    assert satisfaction_check() == []


def test_an_officer_rated_while_in_no_agency_counts_for_the_resolving_agency(world):
    d = ready(world, 8)
    world.specialist.agency = None  # left the service between the work and the rating
    world.specialist.save(update_fields=["agency"])
    rating_submit(
        dossier=d,
        overall="satisfied",
        officers={world.specialist: "satisfied"},
        now=at(2025, 10, 1),
    )

    assert OfficerRating.objects.get().agency_id is None
    assert daily() == {(world.specialist.pk, world.construction.pk, date(2025, 10, 1)): (0, 1, 0)}
    assert satisfaction_check() == []


def test_the_officer_counters_are_rebuilt_from_the_ratings(world):
    rating_submit(
        dossier=ready(world, 8),
        overall="satisfied",
        officers={world.specialist: "not_satisfied"},
        now=at(2025, 10, 1),
    )
    before = daily()
    OfficerDailyStat.objects.all().delete()

    assert {d.table for d in satisfaction_check()} == {"OfficerDailyStat"}
    with pytest.raises(SystemExit):
        call_command("stats_rebuild", "--check", stdout=io.StringIO())
    satisfaction_rebuild()
    assert daily() == before and officer_daily_recount() != {}
    call_command("stats_rebuild", "--check", stdout=io.StringIO())


def test_the_upgrade_counts_the_ratings_already_given_and_ships_the_default_thresholds(world):
    """The data migration, run on a database that has ratings but no officer counters and no
    thresholds yet (its code, with today's models as the historical ones)."""
    migration = importlib.import_module(
        "cchc.satisfaction.migrations.0006_officer_daily_recount_and_default_thresholds"
    )
    rating_submit(
        dossier=ready(world, 8),
        overall="satisfied",
        officers={world.specialist: "not_satisfied", world.leader: "satisfied"},
        now=at(2025, 10, 1),
    )
    expected = daily()
    OfficerDailyStat.objects.all().delete()
    OfficerThreshold.objects.all().delete()

    migration.forwards(django_apps, None)
    assert daily() == expected and satisfaction_check() == []
    assert {t.kind: (t.value, t.minimum, t.active) for t in OfficerThreshold.objects.all()} == {
        "late_steps": (Decimal(5), 0, True),
        "late_share": (Decimal(20), 10, True),
        "over_budget": (Decimal(40), 0, True),
        "not_satisfied": (Decimal(50), 5, True),
    }
    assert "2d" in OfficerThreshold.objects.get(kind="not_satisfied").source
