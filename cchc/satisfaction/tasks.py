"""Celery tasks of the satisfaction app: thin wrappers of its periodic jobs, on the schedule of
``config/celery.py``."""

from __future__ import annotations

from celery import shared_task

from cchc.satisfaction.jobs import evaluations_fill


@shared_task(name="cchc.evaluations_fill")
def evaluations_fill_task() -> int:
    """Fill the per-dossier evaluation of returned dossiers that have none (every 15 minutes)."""
    return evaluations_fill()
