"""Periodic jobs of the feedback app (plain functions; each is also a management command and a
Celery task on beat's schedule): the reminders of answers due soon or overdue and of items past
their 5-day forwarding deadline. The service does the work and deduplicates each reminder per
item and deadline, so a run repeated (or two beats by mistake) sends nothing twice."""

from __future__ import annotations

from datetime import datetime

from cchc.feedback.services import feedback_remind


def feedback_remind_job(now: datetime | None = None) -> int:
    """Queue the due reminders; how many were queued."""
    return feedback_remind(now)
