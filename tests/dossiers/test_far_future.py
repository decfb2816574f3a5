"""Moments far from today: a due moment of 31/12/9999 stored on a row (typed by hand before the
horizon existed, or a legacy import) must not take pages down, and no user can store one again
(an apology's new appointment within a horizon, shipments within the dossier's life)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Dossier, DossierStep
from cchc.dossiers.services import dossier_forward
from tests.dossiers.helpers import receive

pytestmark = pytest.mark.django_db

WORKLIST = "/can-bo/ho-so/"
FAR = datetime(9999, 12, 31, 17, tzinfo=VN_TZ)  # a Friday closing time


def fresh(world) -> Dossier:
    return receive(world, now=timezone.now() - timedelta(minutes=1))


def corrupt_due_moments(dossier: Dossier) -> None:
    """What a legacy row or an unbounded apology left behind: the whole clock at 31/12/9999."""
    Dossier.objects.filter(pk=dossier.pk).update(due_at=FAR, legal_due_at=FAR)
    DossierStep.objects.filter(dossier=dossier).update(due_at=FAR)


def test_a_dossier_due_on_31_12_9999_still_shows_its_page_and_every_default_worklist(client, world):
    waiting = fresh(world)
    held = dossier_forward(actor=world.specialist, dossier=fresh(world), to_user=world.leader)
    for dossier in (waiting, held):
        corrupt_due_moments(dossier)
    for officer in (world.specialist, world.leader, world.counter_officer):
        client.force_login(officer)
        response = client.get(WORKLIST)
        assert response.status_code == 200, officer.username
        for tab in ("queue", "mine", "overdue", "due_today"):
            assert client.get(WORKLIST, {"tab": tab}).status_code == 200, (officer, tab)
        for dossier in (waiting, held):
            page = client.get(reverse("dossiers:detail", args=[dossier.code]))
            assert page.status_code == 200, (officer.username, dossier.code)
    client.force_login(world.specialist)
    body = client.get(reverse("dossiers:detail", args=[waiting.code])).content.decode()
    assert "31/12/9999" in body
