"""Celery tasks of this app: thin wrappers of its periodic jobs (plain functions in ``jobs.py``).

Each app registers its own tasks in its ``tasks.py`` (``config/celery.py`` discovers them) and
beat runs them on the schedule there. In the embedded default there is no broker and tasks run
eagerly, inline: nothing in a web request calls them, so a slow mail server never delays a
page — the ``outbox_deliver`` command (``--loop 60``) or cron plays beat's part there.
"""

from __future__ import annotations

from dataclasses import asdict

from celery import shared_task

from cchc.core.jobs import outbox_deliver
from cchc.core.security_files import security_log_prune


@shared_task(name="cchc.outbox_deliver")
def outbox_deliver_task() -> dict[str, int]:
    """Send the notifications that are due (every minute)."""
    return asdict(outbox_deliver())


@shared_task(name="cchc.security_log_prune")
def security_log_prune_task() -> dict[str, int]:
    """Remove the security log's files past their keeping time (daily)."""
    result = security_log_prune()
    return {"removed": len(result.removed), "kept": result.kept}
