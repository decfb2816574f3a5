"""Celery tasks: thin wrappers of the periodic jobs (plain functions in ``<app>/jobs.py``).

Beat runs them on the schedule in ``config/celery.py``. In the embedded default there is no
broker and tasks run eagerly, inline: nothing in a web request calls them, so a slow mail
server never delays a page — the ``outbox_deliver`` command (``--loop 60``) or cron plays
beat's part there.
"""

from __future__ import annotations

from dataclasses import asdict

from celery import shared_task


@shared_task(name="cchc.outbox_deliver")
def outbox_deliver_task() -> dict[str, int]:
    """Send the notifications that are due (every minute)."""
    from cchc.core.jobs import outbox_deliver

    return asdict(outbox_deliver())


@shared_task(name="cchc.dossiers_escalate")
def dossiers_escalate_task() -> int:
    """Warn leaders about steps due soon or overdue (every 15 minutes)."""
    from cchc.dossiers.jobs import dossiers_escalate

    return dossiers_escalate()


@shared_task(name="cchc.payments_expire")
def payments_expire_task() -> int:
    """Expire online payments left pending past CCHC_PAYMENT_EXPIRE_MINUTES (every 5 minutes)."""
    from cchc.portal.payments.jobs import payments_expire

    return payments_expire()


@shared_task(name="cchc.uploads_sweep")
def uploads_sweep_task() -> int:
    """Remove stored upload files that no dossier references (once a day)."""
    from cchc.dossiers.jobs import uploads_sweep

    return uploads_sweep()
