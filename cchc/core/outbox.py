"""The notification outbox: messages written in the same transaction as the change that
causes them, delivered at least once by a job (ARCHITECTURE "background jobs").

A service calls ``outbox_enqueue``; if the transaction rolls back, the message never existed.
Delivery (``cchc.core.jobs.outbox_deliver``) retries with backoff and is idempotent per
message: a message is marked sent only after its backend accepted it.

A message queued with ``secret=True`` carries a link that works for its recipient alone (a
password reset, a contact verification). The body is kept only as long as delivery needs it:
the administration shows it with its links hidden, and once the message is sent or given up
the stored body keeps its text with every link replaced by ``LINK_HIDDEN``.
"""

from __future__ import annotations

import re

from django.utils import timezone

from cchc.core.models import OutboxMessage

LINK_HIDDEN = "[liên kết đã ẩn]"
_LINK = re.compile(r"https?://\S+", re.IGNORECASE)


def redact_links(body: str) -> str:
    """``body`` with every web link replaced by ``LINK_HIDDEN``."""
    return _LINK.sub(LINK_HIDDEN, body)


def outbox_enqueue(
    *,
    channel: str,
    recipient: str,
    subject: str,
    body: str,
    template: str = "",
    dedupe_key: str = "",
    dossier_code: str = "",
    user: object | None = None,
    secret: bool = False,
) -> OutboxMessage | None:
    """Queue one message; ``None`` when there is no recipient or the same ``dedupe_key`` was
    already queued (e.g. one escalation per step and kind). ``secret``: the body carries a
    link for the recipient alone (see the module's docstring)."""
    if not recipient:
        return None
    if dedupe_key and OutboxMessage.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    return OutboxMessage.objects.create(
        channel=channel,
        recipient=recipient[:254],
        subject=subject[:255],
        body=body,
        template=template,
        dedupe_key=dedupe_key or None,
        dossier_code=dossier_code,
        user=user,
        secret=secret,
        next_attempt_at=timezone.now(),
    )


def outbox_enqueue_many(messages: list[dict]) -> None:
    """Queue several messages in one statement (each a dict of ``outbox_enqueue``'s keywords).
    Messages without a recipient are skipped; a ``dedupe_key`` already queued is ignored by the
    database's unique constraint, so a retried action never queues a message twice."""
    now = timezone.now()
    rows = [
        OutboxMessage(
            channel=m["channel"],
            recipient=m["recipient"][:254],
            subject=m["subject"][:255],
            body=m["body"],
            template=m.get("template", ""),
            dedupe_key=m.get("dedupe_key") or None,
            dossier_code=m.get("dossier_code", ""),
            user=m.get("user"),
            secret=m.get("secret", False),
            next_attempt_at=now,
        )
        for m in messages
        if m.get("recipient")
    ]
    if rows:
        OutboxMessage.objects.bulk_create(rows, ignore_conflicts=True)
