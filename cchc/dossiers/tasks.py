"""Celery tasks of the one-stop app: thin wrappers of its periodic jobs (``jobs.py`` and
``payments/jobs.py``), on the schedule of ``config/celery.py``."""

from __future__ import annotations

from celery import shared_task

from cchc.dossiers.jobs import dossiers_escalate, drafts_expire, uploads_sweep
from cchc.dossiers.payments.jobs import payments_expire


@shared_task(name="cchc.dossiers_escalate")
def dossiers_escalate_task() -> int:
    """Warn leaders about steps due soon or overdue (every 15 minutes)."""
    return dossiers_escalate()


@shared_task(name="cchc.payments_expire")
def payments_expire_task() -> int:
    """Expire online payments left pending past CCHC_PAYMENT_EXPIRE_MINUTES (every 5 minutes)."""
    return payments_expire()


@shared_task(name="cchc.uploads_sweep")
def uploads_sweep_task() -> int:
    """Remove stored upload files that no dossier references (once a day)."""
    return uploads_sweep()


@shared_task(name="cchc.drafts_expire")
def drafts_expire_task() -> int:
    """Remove online drafts untouched for CCHC_DRAFT_RETENTION_DAYS days (once a day)."""
    return drafts_expire().drafts
