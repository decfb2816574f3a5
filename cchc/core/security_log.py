"""The security log (nhật ký an toàn thông tin): one JSON line per security-relevant event.

Issue 14, item 8 (Decree 331/2026 Art. 13.2(b), level-3 systems: central security logs kept at
least 12 months). Every part of the platform records such an event through
:func:`security_event` — sign-ins (success, failure, lockout), password and role changes, admin
actions, API token use, exports of personal data, openings of stored documents, erasure
requests, key rotations. The logger ``cchc.security`` writes the lines (settings.LOGGING: a file
rotated daily and kept ``CCHC_SECURITY_LOG_DAYS`` days, by default 400); the administrator's
search page reads them back; docs/deployment.md tells how to ship them to a central collector.

A line holds no secret and no document content: who (user id and username), from where (the
client address by the project's one rule), what (``event``, ``outcome``, the object's public
reference) and when (UTC, ISO 8601).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest

from cchc.core.ratelimit import client_ip

logger = logging.getLogger("cchc.security")

# Outcomes a line may carry.
SUCCESS = "success"
FAILURE = "failure"
DENIED = "denied"

# Longest text kept of any one field: a line stays a line, whatever a client sent.
_MAX_FIELD = 300


def _clean(value: Any) -> Any:
    """A JSON-safe, bounded, single-line form of ``value``."""
    if value is None or isinstance(value, bool | int | float):
        return value
    text = str(value)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text[:_MAX_FIELD]


def security_event(
    event: str,
    *,
    request: HttpRequest | None = None,
    user: Any = None,
    outcome: str = SUCCESS,
    **fields: Any,
) -> dict[str, Any]:
    """Record one security event and return the record written.

    ``event`` is a dotted name (``auth.login``, ``auth.lockout``, ``account.password_change``,
    ``account.role_change``, ``admin.change``, ``api.token``, ``export.personal_data``,
    ``document.open``, ``privacy.erasure``…). ``user`` defaults to the request's user when
    signed in; ``fields`` are extra facts (public references, counts), each bounded to one
    printable line.
    """
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        if candidate is not None and candidate.is_authenticated:
            user = candidate
    record: dict[str, Any] = {
        "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "event": _clean(event),
        "outcome": _clean(outcome),
        "user_id": getattr(user, "pk", None),
        "username": _clean(getattr(user, "username", None)) if user is not None else None,
        "ip": client_ip(request) if request is not None else None,
        "path": _clean(request.path) if request is not None else None,
    }
    for key, value in fields.items():
        if key not in record:
            record[key] = _clean(value)
    logger.info(json.dumps(record, ensure_ascii=False, sort_keys=False))
    return record
