from __future__ import annotations

import pytest

from cchc.dossiers.services import dossier_approve, dossier_forward, dossier_return
from tests.dossiers.helpers import at, receive

pytestmark = pytest.mark.django_db


def test_receive_forward_approve_return(world):
    d = receive(world)
    assert d.code == "000.00.05.H98-250303-0001"
    assert d.status == "received"
    assert d.due_at.isoformat() == "2025-03-24T09:00:00+07:00"
    assert d.current_step.role == "specialist"
    d = dossier_forward(actor=world.specialist, dossier=d, note="Đủ điều kiện", now=at(2025, 3, 5))
    assert d.status == "processing" and d.current_step.role == "leader"
    d = dossier_approve(actor=world.leader, dossier=d, result_number="12/GPXD", now=at(2025, 3, 6))
    assert d.status == "result_ready" and d.timeliness == "early"
    from cchc.dossiers.services import dossier_pay

    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 3, 6, 10))
    d = dossier_return(
        actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, 3, 7)
    )
    assert d.status == "returned" and d.visit_count == 2
    assert [e.action for e in d.events.order_by("seq")] == [
        "receive",
        "forward",
        "approve",
        "pay",
        "return_result",
    ]
