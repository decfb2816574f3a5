"""Periodic jobs of the satisfaction app (plain functions; each is also a management command)."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from cchc.dossiers.models import Dossier
from cchc.satisfaction.evaluation import evaluation_fill


def evaluations_fill(*, now: datetime | None = None, limit: int = 500) -> int:
    """Fill the evaluation (Decree 61/2018's nine indicators) of up to ``limit`` returned
    dossiers that have none yet, oldest return first; returns how many were filled. Idempotent:
    a dossier filled meanwhile by its rating is filled again to the same result."""
    now = now or timezone.now()
    pending = (
        Dossier.objects.filter(status=Dossier.Status.RETURNED, evaluation__isnull=True)
        .order_by("returned_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    filled = 0
    for pk in list(pending):
        evaluation_fill(Dossier(pk=pk), now=now)
        filled += 1
    return filled
