"""Celery tasks of the feedback app: thin wrappers of its periodic jobs, on the schedule of
``config/celery.py``."""

from __future__ import annotations

from celery import shared_task

from cchc.feedback.jobs import feedback_remind_job


@shared_task(name="cchc.feedback_remind")
def feedback_remind_task() -> int:
    """Remind the agencies of answers due within 2 working days or overdue, and of items past
    their 5-day forwarding deadline (every hour; each reminder once per item and deadline)."""
    return feedback_remind_job()
