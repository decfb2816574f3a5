"""The serving-index configuration the data migrations seed (six groups, 21 indicators, MDHL1
counted from the feedback counters), put back from the migrations themselves when a
transactional test has flushed it; and ``september``, a small province's activity in
September 2025 whose index is worked out by hand in test_serving_index.py."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps

from cchc.dossiers.services import dossier_pay, dossier_return
from cchc.org.models import User
from cchc.satisfaction.services import rating_submit
from cchc.stats.models import IndexGroup
from tests.dossiers.helpers import at, receive
from tests.factories import UserFactory
from tests.stats.helpers import approved, enter, published_procedure, received_online

DEFAULTS = importlib.import_module("cchc.stats.migrations.0005_serving_index_defaults")
MDHL1_COUNTED = importlib.import_module("cchc.stats.migrations.0007_mdhl1_from_feedback_counters")


@pytest.fixture
def serving_config(db):
    if not IndexGroup.objects.exists():
        DEFAULTS.seed(apps, None)
        MDHL1_COUNTED.count(apps, None)


@pytest.fixture
def september(world):
    """Sở Xây dựng (competent for four procedures):

    - the building permit (fee 75.000 đ, full process online), and three more announced on
      15/07/2025: a fee-bearing one not online, a fee-bearing one partly online, a free one
      fully online — 4 procedures, 3 online, 3 fee-bearing, 2 fee-bearing and online;
    - four building permits received: one online (approved early, paid online, rated
      satisfied), one at the counter (approved early, paid in cash, rated not satisfied,
      returned in person), two at the counter still open — 4 owe the fee, 1 paid online;
    - entered by the reform office: procedures announced on time 4/5 (1–15/09) + 5/5
      (16–30/09); updated on time 3/4 (11–30/09) and 1/1 over 20/08–10/09 (not inside
      September: left out); published with full content 0/0.

    Phường Tân An: one birth registration (free, fully online, the commune receives and
    resolves it) received at the counter, open."""
    construction = world.construction
    published_procedure(construction, fee=300_000, online_mode="none", code="2.000101")
    published_procedure(construction, fee=150_000, online_mode="partial", code="2.000102")
    published_procedure(construction, fee=0, online_mode="full", code="2.000103")
    online = approved(world, received_online(world, day=(2025, 9, 8)))
    counter = approved(world, receive(world, now=at(2025, 9, 8)))
    receive(world, now=at(2025, 9, 9))
    receive(world, now=at(2025, 9, 9, 10))
    dossier_pay(actor=world.citizen, dossier=online, method="online", now=at(2025, 9, 10))
    dossier_pay(actor=world.counter_officer, dossier=counter, now=at(2025, 9, 10))
    dossier_return(
        actor=world.counter_officer, dossier=counter, method="in_person", now=at(2025, 9, 11)
    )
    rating_submit(dossier=online, overall="satisfied", now=at(2025, 9, 12))
    rating_submit(dossier=counter, overall="not_satisfied", now=at(2025, 9, 12))
    enter(world, "CKMB1", construction, date(2025, 9, 1), date(2025, 9, 15), 4, 5)
    enter(world, "CKMB1", construction, date(2025, 9, 16), date(2025, 9, 30), 5, 5)
    enter(world, "CKMB2", construction, date(2025, 9, 11), date(2025, 9, 30), 3, 4)
    enter(world, "CKMB2", construction, date(2025, 8, 20), date(2025, 9, 10), 1, 1)
    enter(world, "CKMB3", construction, date(2025, 9, 1), date(2025, 9, 30), 0, 0)
    commune_counter = UserFactory(role=User.Role.COUNTER_OFFICER, agency=world.commune)
    receive(world, commune_counter, procedure=world.birth_registration, now=at(2025, 9, 9))
    return world
