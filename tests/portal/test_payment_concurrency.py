"""Gateway results arriving at the same time, on real transactions and threads: the row locks
(PostgreSQL) or IMMEDIATE transactions (SQLite) make one callback settle the payment and the
others see it paid; receipt numbers stay unique."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from cchc.dossiers.counters import stats_recount, stats_stored
from cchc.dossiers.models import DossierEvent, Payment
from cchc.dossiers.payments.services import Outcome, payment_handle_callback, payment_start
from cchc.org.models import User
from tests.factories import UserFactory
from tests.portal.test_payments import online_dossier, result_fields
from tests.world import ensure_world

pytestmark = pytest.mark.django_db(transaction=True)


def together(*calls):
    """Run ``calls`` at once in threads; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:  # the test reports what happened
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_the_same_success_delivered_four_times_at_once_settles_once():
    world = ensure_world()
    dossier = online_dossier(world, world.citizen)
    payment = payment_start(actor=world.citizen, dossier=dossier)
    fields = result_fields(payment)

    results = together(*[lambda: payment_handle_callback(params=fields)] * 4)

    assert sorted(results) == sorted([Outcome.PAID] + [Outcome.ALREADY_PAID] * 3)
    payment.refresh_from_db()
    assert payment.state == "paid" and payment.callback_count == 4
    assert Payment.objects.filter(dossier=dossier).count() == 1
    assert DossierEvent.objects.filter(dossier=dossier, action="pay").count() == 1
    assert stats_stored() == stats_recount()


def test_two_dossiers_paid_at_once_get_different_receipt_numbers():
    world = ensure_world()
    other = UserFactory(
        username="t.citizen3", full_name="Phan Văn Ba", role=User.Role.CITIZEN, phone="0900000003"
    )
    first = payment_start(actor=world.citizen, dossier=online_dossier(world, world.citizen))
    second = payment_start(actor=other, dossier=online_dossier(world, other))

    results = together(
        lambda: payment_handle_callback(params=result_fields(first, ref="R1")),
        lambda: payment_handle_callback(params=result_fields(second, ref="R2")),
    )

    assert results == [Outcome.PAID, Outcome.PAID]
    numbers = sorted(Payment.objects.values_list("receipt_number", flat=True))
    assert [n[-6:] for n in numbers] == ["000001", "000002"]
    assert numbers[0][:12] == numbers[1][:12]
