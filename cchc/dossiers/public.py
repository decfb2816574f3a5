"""The public dossier status lookup (tra cứu hồ sơ): code + the applicant's phone, no login.

``public_lookup`` is the one implementation. Two doors lead to it and answer byte for byte the
same: the API endpoint (``GET /api/v1/public/dossiers/{code}?phone=…`` in
``cchc.dossiers.api``) and ``fast_lookup``, which ``config.wsgi`` calls for exactly that path
before Django's middleware, URL resolver and django-ninja (``cchc.core.fastpath`` adds the
headers the middleware would). The lookup is the busiest public read: one indexed query by code
with only the columns shown (plus one for apologies, when there are any) and one cache round
trip for the rate limit.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl

from django.db import connection
from django.utils.dateparse import parse_datetime

from cchc.catalog.models import Procedure
from cchc.core.ratelimit import client_address, public_lookup_limit
from cchc.domain.identity import normalize_phone
from cchc.dossiers.models import Apology, Dossier
from cchc.dossiers.schemas import local_iso

MSG_PUBLIC_NOT_FOUND = "Không tìm thấy hồ sơ có mã và số điện thoại này."
MSG_TOO_MANY = "Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút."
PATH_PREFIX = "/api/v1/public/dossiers/"
MAX_CODE = 40  # Dossier.code's max_length
MAX_PHONE = 20  # PublicLookupQuery.phone's max_length
JSON = "application/json; charset=utf-8"


def _lookup_sql() -> str:
    d, p = Dossier._meta.db_table, Procedure._meta.db_table
    columns = (
        "d.id, d.status, d.applicant_phone, p.code, p.name, d.received_at, d.due_at, "
        "d.finished_at, d.returned_at, d.timeliness, d.apology_count"
    )
    return (
        f"SELECT {columns} FROM {d} d JOIN {p} p ON p.id = d.procedure_id WHERE d.code = %s LIMIT 1"
    )


LOOKUP_SQL = _lookup_sql()


@dataclass(frozen=True)
class PublicAnswer:
    """A finished answer: status, JSON body, extra headers (Retry-After on a 429)."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _moment(value: object) -> datetime | None:
    """A stored moment as an aware datetime: PostgreSQL gives one; SQLite gives UTC text."""
    if value is None or isinstance(value, datetime):
        if isinstance(value, datetime) and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value
    moment = parse_datetime(str(value))
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)


def _answer(status: int, body: dict, headers: tuple[tuple[str, str], ...] = ()) -> PublicAnswer:
    # The same encoding as django-ninja's renderer (json.dumps defaults): the two doors match.
    return PublicAnswer(status, json.dumps(body).encode(), headers)


def dossier_public_status(code: str, phone: str) -> dict | None:
    """The public status of dossier ``code`` if ``phone`` is its applicant's, else ``None`` —
    the same answer whether the code or the phone is wrong. One indexed query by code (plus
    one for apologies, when there are any); no personal data leaves this function."""
    row = None
    if code and len(code) <= MAX_CODE:
        with connection.cursor() as cursor:
            cursor.execute(LOOKUP_SQL, [code])
            row = cursor.fetchone()
    stored = normalize_phone(row[2]) if row else ""
    # Constant time, and compared even for an unknown code, so timing tells nothing.
    matches = hmac.compare_digest(normalize_phone(phone).encode(), (stored or "\0").encode())
    if row is None or not matches:
        return None
    pk, status, _, procedure_code, procedure_name = row[:5]
    received_at, due_at, finished_at, returned_at = (_moment(v) for v in row[5:9])
    timeliness, apology_count = row[9], row[10]
    apologies = []
    if apology_count:
        apologies = [
            {"issued_at": local_iso(i), "new_due_at": local_iso(n), "reason": r}
            for i, n, r in Apology.objects.filter(dossier_id=pk)
            .order_by("issued_at")
            .values_list("issued_at", "new_due_at", "reason")
        ]
    return {
        "code": code,
        "status": status,
        "status_label": str(Dossier.Status(status).label),
        "procedure_code": procedure_code,
        "procedure_name": procedure_name,
        "received_at": local_iso(received_at),
        "due_at": local_iso(due_at),
        "finished_at": local_iso(finished_at),
        "returned_at": local_iso(returned_at),
        "timeliness": timeliness or None,
        "apologies": apologies,
    }


def public_lookup(code: str, phone: str, client_ip: str) -> PublicAnswer:
    """The whole lookup: the client's rate limit (429 with Retry-After), then the status of
    ``code`` for ``phone`` (200) or the one 404 for a wrong code or phone."""
    retry_after = public_lookup_limit(client_ip)
    if retry_after is not None:
        return _answer(429, {"detail": MSG_TOO_MANY}, (("Retry-After", str(retry_after)),))
    found = dossier_public_status(code.strip(), phone)
    if found is None:
        return _answer(404, {"detail": MSG_PUBLIC_NOT_FOUND})
    return _answer(200, found)


def lookup_arguments(path: str, query_string: str) -> tuple[str, str] | None:
    """``(code, phone)`` of a well-formed lookup URL (``path`` decoded, as in PATH_INFO), or
    ``None`` for anything else — which the fast path hands to Django, so that odd requests
    (no phone, a phone too long, a path with more segments) get the API's own answers."""
    code = path[len(PATH_PREFIX) :]
    if not path.startswith(PATH_PREFIX) or not code or "/" in code:
        return None
    phones = [v for k, v in parse_qsl(query_string, keep_blank_values=True) if k == "phone"]
    if len(phones) != 1 or not 1 <= len(phones[0]) <= MAX_PHONE:
        return None
    if "\x00" in code or "\x00" in phones[0]:
        return None  # Django's middleware refuses it with a 400
    return code, phones[0]


def fast_lookup(path: str, query_string: str, environ: dict) -> PublicAnswer | None:
    """The lookup as a ``cchc.core.fastpath`` route: ``None`` hands the request to Django."""
    arguments = lookup_arguments(path, query_string)
    if arguments is None:
        return None
    code, phone = arguments
    return public_lookup(code, phone, client_address(environ))
