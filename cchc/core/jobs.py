"""Delivery of the notification outbox (hộp thư đi): the job behind every e-mail and SMS.

Services write ``OutboxMessage`` rows in the transaction of the change that causes them
(``cchc.core.outbox.outbox_enqueue``); ``outbox_deliver`` sends the rows that are due. It runs
every minute under Celery beat in production (``cchc.core.tasks``), or as the management
command ``outbox_deliver`` (once, or ``--loop 60``) where there is no Celery. It never runs
inside a web request, so an SMTP server that hangs delays mail, not pages.

Guarantees:

- **At least once.** A row is marked sent only after its backend accepted it (the SMTP server
  answered 250, the SMS provider said accepted). A failure leaves it pending with ``attempts``
  counted, ``last_error`` stored and ``next_attempt_at`` pushed back exponentially
  (``CCHC_OUTBOX_RETRY_SECONDS`` doubling, capped at six hours, plus up to 10 % jitter so that
  a backlog does not retry in lockstep). After ``CCHC_OUTBOX_MAX_ATTEMPTS`` it is marked
  failed. Rows are never deleted: nothing is lost, whatever happens to the mail server.
- **Never twice concurrently, never again once sent.** Workers claim rows in a short
  transaction that sets a lease (``claimed_until``); on PostgreSQL the claim uses
  ``SELECT … FOR UPDATE SKIP LOCKED`` so that workers take disjoint batches without waiting,
  on SQLite the IMMEDIATE transaction serialises claims. Only pending rows whose lease has
  expired are claimed, so a sent row is never claimed again and a worker that dies mid-batch
  only delays its rows until the lease runs out. E-mails carry a Message-ID derived from the
  row, so the rare resend after a lost acknowledgement is recognisable downstream.
- **In-app notices** (channel ``internal``) are read in the application: delivering one just
  marks it sent.
- **No secret outlives delivery.** A message queued as secret (a password-reset or
  verification link) keeps its body only while it waits: sent or given up, its links are
  replaced by ``LINK_HIDDEN`` (``cchc.core.outbox``).
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.core.outbox import redact_links
from cchc.core.sms import BaseSmsBackend, sms_backend

logger = logging.getLogger(__name__)

# Rows claimed per transaction, and how long a claim holds them. A chunk whose every e-mail
# waits for the SMTP timeout (CCHC_EMAIL_TIMEOUT, 10 s) needs 500 s; the lease leaves margin.
CLAIM_CHUNK = 50
LEASE = timedelta(minutes=15)
RETRY_CAP_SECONDS = 6 * 3600
RETRY_JITTER = 0.1

Channel = OutboxMessage.Channel
Status = OutboxMessage.Status


class OutboxDeliveryError(Exception):
    """A backend did not accept a message."""


@dataclass
class DeliveryReport:
    """What one run did: rows sent, rows left pending for a retry, rows given up on."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0

    @property
    def claimed(self) -> int:
        return self.sent + self.retrying + self.failed


def retry_delay_seconds(attempts: int, *, rng: random.Random | None = None) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt: the base delay doubled per
    attempt, capped, plus up to ``RETRY_JITTER`` of it."""
    base = settings.CCHC_OUTBOX_RETRY_SECONDS
    delay = min(base * 2 ** max(attempts - 1, 0), RETRY_CAP_SECONDS)
    return delay * (1 + RETRY_JITTER * (rng or random).random())


def outbox_claim(*, now: datetime, limit: int) -> list[OutboxMessage]:
    """Take up to ``limit`` due rows for this worker: pending, due, not leased by another."""
    due = (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)) & (
        Q(claimed_until__isnull=True) | Q(claimed_until__lte=now)
    )
    with transaction.atomic():
        rows = OutboxMessage.objects.filter(due, status=Status.PENDING).order_by(
            "next_attempt_at", "pk"
        )
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        claimed = list(rows[:limit])
        if claimed:
            OutboxMessage.objects.filter(pk__in=[row.pk for row in claimed]).update(
                claimed_until=now + LEASE
            )
    return claimed


def outbox_deliver(*, now: datetime | None = None, limit: int = 500) -> DeliveryReport:
    """Send the outbox rows that are due at ``now`` (default: the current time), at most
    ``limit`` of them. Safe to run in several workers at once and to re-run at any time."""
    now = now or timezone.now()
    report = DeliveryReport()
    courier = _Courier()
    try:
        while report.claimed < limit:
            rows = outbox_claim(now=now, limit=min(CLAIM_CHUNK, limit - report.claimed))
            if not rows:
                break
            for row in rows:
                try:
                    courier.deliver(row)
                except Exception as exc:
                    if _record_failure(row, exc, now):
                        report.failed += 1
                    else:
                        report.retrying += 1
                else:
                    _record_sent(row)
                    report.sent += 1
    finally:
        courier.close()
    if report.claimed:
        logger.info(
            "outbox: %d sent, %d to retry, %d failed",
            report.sent,
            report.retrying,
            report.failed,
        )
    return report


def _forget_secret(row: OutboxMessage) -> dict[str, str]:
    """The fields to store when ``row`` leaves the queue: a secret message keeps its text but
    not its link, which only its recipient may hold."""
    return {"body": redact_links(row.body)} if row.secret else {}


def _record_sent(row: OutboxMessage) -> None:
    OutboxMessage.objects.filter(pk=row.pk, status=Status.PENDING).update(
        status=Status.SENT,
        sent_at=timezone.now(),
        attempts=F("attempts") + 1,
        claimed_until=None,
        **_forget_secret(row),
    )


def _record_failure(row: OutboxMessage, exc: Exception, now: datetime) -> bool:
    """Count the attempt and schedule the next one; ``True`` when the row is given up."""
    attempts = row.attempts + 1
    gave_up = attempts >= settings.CCHC_OUTBOX_MAX_ATTEMPTS
    error = f"{type(exc).__name__}: {exc}"[:500]
    logger.warning(
        "outbox: %s message %s to %s failed (attempt %d%s): %s",
        row.channel,
        row.pk,
        row.recipient,
        attempts,
        ", giving up" if gave_up else "",
        error,
    )
    OutboxMessage.objects.filter(pk=row.pk, status=Status.PENDING).update(
        status=Status.FAILED if gave_up else Status.PENDING,
        attempts=attempts,
        last_error=error,
        next_attempt_at=None if gave_up else now + timedelta(seconds=retry_delay_seconds(attempts)),
        claimed_until=None,
        **(_forget_secret(row) if gave_up else {}),
    )
    return gave_up


class _Courier:
    """Hands rows to their backends for one run: one e-mail connection for the whole run and
    one SMS backend. Once the mail server cannot be reached, the run's remaining e-mails fail
    at once instead of each waiting for the connection timeout."""

    def __init__(self) -> None:
        self._mail: BaseEmailBackend | None = None
        self._mail_down: str = ""
        self._sms: BaseSmsBackend | None = None

    def deliver(self, row: OutboxMessage) -> None:
        if row.channel == Channel.EMAIL:
            self._send_email(row)
        elif row.channel == Channel.SMS:
            if self._sms is None:
                self._sms = sms_backend()
            self._sms.send(row.recipient, row.body)
        elif row.channel != Channel.INTERNAL:
            raise OutboxDeliveryError(f"unknown channel {row.channel!r}")

    def _send_email(self, row: OutboxMessage) -> None:
        if self._mail_down:
            raise OutboxDeliveryError(self._mail_down)
        if self._mail is None:
            self._mail = get_connection(fail_silently=False)
        started = time.monotonic()
        try:
            self._mail.open()
        except Exception as exc:
            self._mail_down = f"mail server unreachable ({type(exc).__name__}: {exc})"
            logger.warning("outbox: %s after %.1f s", self._mail_down, time.monotonic() - started)
            raise
        message = EmailMessage(
            subject=row.subject,
            body=row.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[row.recipient],
            headers={"Message-ID": message_id(row)},
            connection=self._mail,
        )
        try:
            accepted = self._mail.send_messages([message])
        except Exception:
            # The connection may be broken half-way: open a fresh one for the next message.
            self._close_mail()
            raise
        if accepted != 1:
            raise OutboxDeliveryError("the e-mail backend did not accept the message")

    def _close_mail(self) -> None:
        if self._mail is not None:
            try:
                self._mail.close()
            except Exception:  # closing a dead connection: nothing left to do
                logger.debug("outbox: closing the mail connection failed", exc_info=True)
            self._mail = None

    def close(self) -> None:
        self._close_mail()


def message_id(row: OutboxMessage) -> str:
    """A Message-ID that is the same for every attempt at sending ``row``."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "cchc.local"
    created = int(row.created_at.timestamp()) if row.created_at else 0
    return f"<outbox-{row.pk}.{created}@{domain}>"
