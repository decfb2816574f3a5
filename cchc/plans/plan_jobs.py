"""Periodic job of the plans (a plain function; also a management command and a Celery task on
beat's schedule): flagging late tasks and reminding of tasks due soon or late."""

from __future__ import annotations

from datetime import datetime

from cchc.plans.plan_services import plans_flag_late


def plans_flag_late_job(now: datetime | None = None) -> int:
    """Sync the remediation tasks, flag late tasks and queue the reminders; how many queued."""
    return plans_flag_late(now)
