"""Read replica routing: dashboards, public transparency pages and exports read from a
streaming replica (alias ``replica``) when one is configured and fresh enough; every write and
every other read stays on the primary (``default``).

The marker is request-scoped: ``ReplicaReadMiddleware`` sets it for GET/HEAD requests to the
views listed in ``settings.CCHC_REPLICA_READ_ROUTES`` (URL namespaces or ``namespace:name``),
``replica_reads`` does the same for one view or block of code. Without the marker the router
never answers ``replica``.

The replica is used only while it is usable: reachable and its replay lag (measured with
``pg_last_xact_replay_timestamp()``) at most ``settings.CCHC_REPLICA_MAX_LAG_SECONDS``. The check
runs at most once every ``settings.CCHC_REPLICA_CHECK_SECONDS`` per process; in between, the
cached answer is used. When the replica lags or is down, reads fall back to the primary.
``replica_lag()`` exposes the same measurement to the readiness endpoint.
"""

from __future__ import annotations

import contextvars
import functools
import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger("cchc.db")

PRIMARY_ALIAS = "default"
REPLICA_ALIAS = "replica"

# Security state is always read from the primary: a revoked role, a disabled account, a new
# session or a lockout must take effect at once, not after the replica's lag.
_PRIMARY_ONLY_APPS = frozenset(
    {"sessions", "auth", "axes", "contenttypes", "admin", "django_otp", "otp_totp", "otp_static"}
)

_replica_reads: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "cchc_replica_reads", default=False
)

# Lag measured on the replica. A standby that has replayed everything it received is up to date
# (an idle primary sends nothing, so the last replayed transaction may be old); a server that is
# not in recovery (promoted, or the test mirror of the primary) has no lag.
LAG_SQL = """
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0.0
  WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0.0
  ELSE EXTRACT(EPOCH FROM (clock_timestamp() - pg_last_xact_replay_timestamp()))
END::float8
"""


@dataclass(frozen=True)
class ReplicaLag:
    """What the readiness check reports about the replica (no personal data)."""

    configured: bool
    reachable: bool
    lag_seconds: float | None
    max_lag_seconds: float
    usable: bool
    checked_at: float
    error: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def replica_configured() -> bool:
    return REPLICA_ALIAS in settings.DATABASES and bool(
        getattr(settings, "CCHC_REPLICA_ROUTING", False)
    )


def measure_lag(alias: str = REPLICA_ALIAS) -> float:
    """The replica's replay lag in seconds (0 on SQLite: a file has no replica of its own).

    Raises ``DatabaseError`` when the replica cannot be reached.
    """
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("SELECT 1")
            return 0.0
        cursor.execute(LAG_SQL)
        (lag,) = cursor.fetchone()
        # Behind the WAL it has received but with no transaction replayed since it started
        # (no replay timestamp yet): how far behind is unknown, so it is not fit to read from.
        return math.inf if lag is None else float(lag)


_cache_lock = threading.Lock()
_cached: ReplicaLag | None = None


def _check_now() -> ReplicaLag:
    bound = float(settings.CCHC_REPLICA_MAX_LAG_SECONDS)
    now = time.monotonic()
    if not replica_configured():
        return ReplicaLag(False, False, None, bound, False, now)
    try:
        lag = measure_lag(REPLICA_ALIAS)
    except DatabaseError as exc:
        # A broken connection must not stay in the pool: the next check reconnects.
        with suppress(DatabaseError):
            connections[REPLICA_ALIAS].close()
        logger.warning("replica unreachable, reading from the primary: %s", exc)
        return ReplicaLag(True, False, None, bound, False, now, error=type(exc).__name__)
    usable = lag <= bound
    if not usable:
        logger.warning("replica lags %.1f s (bound %.1f s), reading from the primary", lag, bound)
    return ReplicaLag(True, True, None if math.isinf(lag) else lag, bound, usable, now)


def replica_lag(*, fresh: bool = False) -> ReplicaLag:
    """The replica's state: configured, reachable, lag and whether reads go to it.

    The answer is cached for ``CCHC_REPLICA_CHECK_SECONDS``; ``fresh=True`` measures now (the
    readiness endpoint may prefer that).
    """
    global _cached
    period = float(settings.CCHC_REPLICA_CHECK_SECONDS)
    with _cache_lock:
        cached = _cached
        if not fresh and cached is not None and time.monotonic() - cached.checked_at < period:
            return cached
    result = _check_now()
    with _cache_lock:
        _cached = result
    return result


def forget_replica_state() -> None:
    """Drop the cached check (tests, and after repointing the replica)."""
    global _cached
    with _cache_lock:
        _cached = None


def reading_from_replica() -> bool:
    return _replica_reads.get()


@contextmanager
def use_replica() -> Iterator[None]:
    """Reads inside the block may go to the replica (when usable)."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_reads(view: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator: the view's reads may go to the replica (GET and HEAD only)."""

    @functools.wraps(view)
    def wrapper(request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        with use_replica():
            return view(request, *args, **kwargs)

    return wrapper


def _route_listed(namespace: str, url_name: str) -> bool:
    routes = getattr(settings, "CCHC_REPLICA_READ_ROUTES", ())
    excluded = getattr(settings, "CCHC_REPLICA_PRIMARY_ROUTES", ())
    full = f"{namespace}:{url_name}" if namespace else url_name
    if full in excluded:
        return False
    return full in routes or (bool(namespace) and namespace in routes)


class ReplicaReadMiddleware:
    """Marks GET/HEAD requests to the listed views as replica readers for their whole duration
    (the view and the rendering of its response)."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        request._cchc_replica_token = None
        try:
            return self.get_response(request)
        finally:
            token = request._cchc_replica_token
            if token is not None:
                _replica_reads.reset(token)

    def process_view(self, request: Any, view_func: Any, view_args: Any, view_kwargs: Any) -> None:
        if request.method not in ("GET", "HEAD") or not replica_configured():
            return None
        match = request.resolver_match
        if match is not None and _route_listed(match.namespace, match.url_name or ""):
            request._cchc_replica_token = _replica_reads.set(True)
        return None


class ReplicaRouter:
    """Django database router: the replica for marked reads while it is usable, else the
    primary; writes and migrations on the primary only."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if not _replica_reads.get() or not replica_configured():
            return None
        if model._meta.app_label in _PRIMARY_ONLY_APPS:
            return PRIMARY_ALIAS
        if model._meta.label == settings.AUTH_USER_MODEL:
            return PRIMARY_ALIAS
        if not replica_lag().usable:
            return PRIMARY_ALIAS
        return REPLICA_ALIAS

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return PRIMARY_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # The replica holds the primary's rows: an object read from it may relate to one
        # read from the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA_ALIAS
