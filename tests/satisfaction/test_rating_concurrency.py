"""Two submissions of the same dossier's rating at once (double tap, two devices): the dossier
row lock (PostgreSQL) or the IMMEDIATE transaction (SQLite) lets one win; the other is told
"Bạn đã đánh giá hồ sơ này" and the counters count one rating."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from cchc.dossiers.services import dossier_approve, dossier_forward
from cchc.satisfaction.models import Rating
from cchc.satisfaction.services import (
    MSG_ALREADY_RATED,
    RatingError,
    rating_submit,
    satisfaction_recount,
    satisfaction_stored,
)
from tests.dossiers.helpers import at, receive
from tests.world import ensure_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_concurrent_ratings_one_wins_the_other_is_refused():
    world = ensure_world()
    d = receive(world, now=at(2025, 3, 3))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4))
    d = dossier_approve(actor=world.leader, dossier=d, result_number="1/GP", now=at(2025, 3, 5))
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit(level: str) -> None:
        try:
            barrier.wait()
            rating_submit(dossier=d, overall=level, officers={world.leader.pk: level})
            outcomes.append("ok")
        except RatingError as exc:
            outcomes.append(exc.message)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(level,))
        for level in ("very_satisfied", "not_satisfied")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == sorted(["ok", MSG_ALREADY_RATED])
    assert Rating.objects.filter(dossier=d).count() == 1
    assert satisfaction_stored() == satisfaction_recount()
    daily, officers = satisfaction_stored()
    assert sum(sum(v.values()) for v in daily.values()) == 1
    assert sum(sum(v.values()) for v in officers.values()) == 1
