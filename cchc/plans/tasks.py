"""Celery tasks of the plans: thin wrappers of their periodic jobs, on the schedule of
``config/celery.py``."""

from __future__ import annotations

from celery import shared_task

from cchc.plans.plan_jobs import plans_flag_late_job


@shared_task(name="cchc.plans_flag_late")
def plans_flag_late_task() -> int:
    """Flag late plan tasks and remind of tasks due soon or late (every hour; each reminder
    once per task and due date)."""
    return plans_flag_late_job()
