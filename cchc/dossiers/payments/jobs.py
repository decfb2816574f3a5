"""Periodic job of online payments (a plain function; also the ``payments_expire`` command and
the ``cchc.payments_expire`` Celery task, every 5 minutes in production)."""

from __future__ import annotations

from datetime import datetime

from cchc.dossiers.payments.services import payment_expire_stale


def payments_expire(now: datetime | None = None) -> int:
    """Expire pending online payments left past CCHC_PAYMENT_EXPIRE_MINUTES; returns how
    many. Idempotent: running it twice expires nothing more."""
    return payment_expire_stale(now=now)
