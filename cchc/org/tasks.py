"""Celery tasks of the organisation app: thin wrappers of its periodic jobs (``jobs.py``), on
the schedule of ``config/celery.py``."""

from __future__ import annotations

from celery import shared_task

from cchc.org.jobs import accounts_disable_unused


@shared_task(name="cchc.accounts_disable_unused")
def accounts_disable_unused_task() -> int:
    """Disable officer and administrator accounts unused for CCHC_ACCOUNT_IDLE_DAYS (daily)."""
    return len(accounts_disable_unused())
