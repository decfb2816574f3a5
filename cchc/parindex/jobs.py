"""Periodic jobs of the PAR Index (plain functions; each is also a management command and a
Celery task on beat's schedule): recounting the live and survey criteria of the assessments
still open, and reminding units of their deadlines and remediation tasks."""

from __future__ import annotations

from datetime import datetime

from cchc.parindex.services import live_refresh_all, parindex_remind


def parindex_refresh_job() -> int:
    """Recount every open assessment's live and survey criteria; how many were recounted."""
    return live_refresh_all()


def parindex_remind_job(now: datetime | None = None) -> int:
    """Queue the due reminders; how many were queued."""
    return parindex_remind(now)
