"""Celery tasks of the PAR Index: thin wrappers of its periodic jobs, on the schedule of
``config/celery.py``."""

from __future__ import annotations

from celery import shared_task

from cchc.parindex.jobs import parindex_refresh_job, parindex_remind_job


@shared_task(name="cchc.parindex_refresh")
def parindex_refresh_task() -> int:
    """Recount the live and survey criteria of the open assessments (every hour)."""
    return parindex_refresh_job()


@shared_task(name="cchc.parindex_remind")
def parindex_remind_task() -> int:
    """Remind units of assessments and remediation tasks due soon or late (every hour; each
    reminder once per deadline)."""
    return parindex_remind_job()
