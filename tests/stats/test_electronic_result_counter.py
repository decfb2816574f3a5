"""The dossiers returned with an electronic result (DOMAIN B §5.2, digitisation group: "dossiers
with an electronic result"): counted by the return service in the same transaction, and equal to
a recount of the event log."""

from __future__ import annotations

import importlib
import io

import pytest
from django.core.management import call_command

from cchc.dossiers.counters import stats_recount, stats_stored
from cchc.dossiers.models import DossierDailyStat
from cchc.dossiers.services import dossier_pay, dossier_return
from tests.dossiers.helpers import at
from tests.stats.helpers import approved_with_signed_result, received_online

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def test_a_result_returned_electronically_is_counted_and_agrees_with_the_recount(world):
    electronic = approved_with_signed_result(world, received_online(world))
    in_person = approved_with_signed_result(world, received_online(world))
    for d in (electronic, in_person):
        dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 9, 10, 8))
    dossier_return(
        actor=world.counter_officer, dossier=electronic, method="electronic", now=at(2025, 9, 10)
    )
    dossier_return(
        actor=world.counter_officer, dossier=in_person, method="in_person", now=at(2025, 9, 10)
    )
    day = DossierDailyStat.objects.get(day=at(2025, 9, 10).date())
    assert (day.returned, day.returned_electronic) == (2, 1)
    assert stats_stored() == stats_recount()
    call_command("stats_rebuild", "--check", stdout=io.StringIO())  # exits 1 on a difference


def test_the_upgrade_counts_the_electronic_returns_made_before_the_counter(world):
    """Migration 0012 fills the new counter from the log: a database upgraded with results
    already returned electronically passes ``stats_rebuild --check``."""
    from django.apps import apps

    upgrade = importlib.import_module("cchc.dossiers.migrations.0013_count_electronic_returns")
    d = approved_with_signed_result(world, received_online(world))
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 9, 10, 8))
    dossier_return(actor=world.counter_officer, dossier=d, method="electronic", now=at(2025, 9, 10))
    DossierDailyStat.objects.update(returned_electronic=0)  # as the schema step leaves it
    assert stats_stored() != stats_recount()
    upgrade.count(apps, None)
    assert stats_stored() == stats_recount()
