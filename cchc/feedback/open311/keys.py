"""The api_keys of client systems: issued once (only the SHA-256 is stored, with a short hint
to recognise it in the admin), checked on every POST, revoked in the admin."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from cchc.feedback.models import Open311Client
from cchc.org.models import Agency

KEY_BYTES = 32
HINT_LENGTH = 6


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def open311_key_issue(*, name: str, agency: Agency | None = None) -> tuple[Open311Client, str]:
    """A new client system and its key (returned once, never stored)."""
    key = secrets.token_urlsafe(KEY_BYTES)
    with transaction.atomic():
        client = Open311Client.objects.create(
            name=name, key_hash=key_hash(key), hint=key[:HINT_LENGTH] + "…", agency=agency
        )
    return client, key


def open311_client_for_key(key: str) -> Open311Client | None:
    """The client system holding ``key`` and not revoked, its ``last_used_at`` set to now;
    ``None`` for an unknown or revoked key."""
    if not key:
        return None
    client = (
        Open311Client.objects.select_related("agency")
        .filter(key_hash=key_hash(key), revoked_at__isnull=True)
        .first()
    )
    if client is not None:
        client.last_used_at = timezone.now()
        Open311Client.objects.filter(pk=client.pk).update(last_used_at=client.last_used_at)
    return client
