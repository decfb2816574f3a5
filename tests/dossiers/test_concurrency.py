"""Concurrent actions on real transactions and threads (issue 3 acceptance).

On PostgreSQL the row locks (SELECT … FOR UPDATE) serialise the actions; on SQLite the
IMMEDIATE transactions do. Either way one action wins, the other is refused with the
Vietnamese message (HTTP 409), and no event is lost; codes stay gap-free and unique.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from cchc.domain.lifecycle import TransitionError
from cchc.dossiers.models import Dossier, DossierEvent
from cchc.dossiers.services import dossier_approve, dossier_forward, dossier_reject
from tests.dossiers.helpers import at, receive
from tests.world import ensure_world

pytestmark = pytest.mark.django_db(transaction=True)


def race(*calls):
    """Start ``calls`` together in threads; return what each did ("ok" or "409")."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes[index] = "ok"
        except TransitionError:
            outcomes[index] = "409"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_concurrent_forwards_one_wins_the_other_is_refused():
    world = ensure_world()
    d = receive(world)
    outcomes = race(
        lambda: dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4)),
        lambda: dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4)),
    )
    assert sorted(outcomes) == ["409", "ok"]
    d.refresh_from_db()
    assert d.current_step.role == "leader"
    assert list(DossierEvent.objects.filter(dossier=d).values_list("seq", "action")) == [
        (1, "receive"),
        (2, "forward"),
    ]


def test_approve_and_reject_at_once_only_one_decides():
    world = ensure_world()
    d = dossier_forward(actor=world.specialist, dossier=receive(world), now=at(2025, 3, 4))
    outcomes = race(
        lambda: dossier_approve(
            actor=world.leader, dossier=d, result_number="7/GP", now=at(2025, 3, 5)
        ),
        lambda: dossier_reject(
            actor=world.leader, dossier=d, reason="Không phù hợp", now=at(2025, 3, 5)
        ),
    )
    assert sorted(outcomes) == ["409", "ok"]
    d.refresh_from_db()
    assert d.status == "result_ready" and d.event_count == 3
    assert DossierEvent.objects.filter(dossier=d).count() == 3
    assert d.outcome in ("approved", "rejected")


def test_a_hundred_concurrent_intakes_get_a_hundred_consecutive_codes():
    world = ensure_world()

    def intake(n):
        try:
            return receive(world, now=at(2025, 3, 3, 9, n % 60)).code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(intake, range(100)))
    assert len(set(codes)) == 100
    expected = {f"000.00.05.H98-250303-{n:04d}" for n in range(1, 101)}
    assert set(codes) == expected
    assert Dossier.objects.filter(code__in=expected).count() == 100
    assert DossierEvent.objects.filter(action="receive").count() == 100
