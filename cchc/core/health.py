"""Readiness checks (kiểm tra sẵn sàng) behind ``/readyz``: a small registry of named checks.

``/healthz`` answers "the process is up" and touches nothing. ``/readyz`` runs every check
registered here and answers 200 when all critical checks pass, 503 naming the ones that failed
otherwise. A check is a function of no arguments that returns a ``CheckResult`` (or raises:
an exception is a failure reported by its class name only). Answers carry counts and states,
never personal data, addresses, secrets or exception texts (a driver's message may hold a host
name or a user name).

Each check bounds its own time so that a dead dependency cannot hang the load balancer's probe:
the database check and the outbox query run under ``statement_timeout`` on PostgreSQL (the
connection itself under ``connect_timeout``, set for every PostgreSQL alias in settings), the
Redis check uses its own client with connect and read timeouts, the disk check is one
``statvfs`` per path.

Another part adds a check with ``register_check`` (for instance the replica's lag, where a
replica is configured), in its ``AppConfig.ready`` or at import of a module Django loads.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

logger = logging.getLogger("cchc.health")

OK = "ok"
FAIL = "fail"
WARN = "warn"
SKIPPED = "skipped"


@dataclass(frozen=True)
class CheckResult:
    """``status`` is ok, warn (reported, not failing), fail or skipped (not configured);
    ``detail`` holds counts and figures only."""

    status: str
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], CheckResult]
    # A failing critical check makes /readyz answer 503; a non-critical one is only reported.
    critical: bool = True
    # Reads the default database: not run when the "database" check failed (each would wait
    # for its own connection timeout, and "database" already names the failure).
    needs_database: bool = False


_REGISTRY: dict[str, Check] = {}


def register_check(
    name: str,
    run: Callable[[], CheckResult],
    *,
    critical: bool = True,
    needs_database: bool = False,
) -> None:
    """Add (or replace) the check called ``name``."""
    _REGISTRY[name] = Check(name=name, run=run, critical=critical, needs_database=needs_database)


def registered_checks() -> list[Check]:
    return list(_REGISTRY.values())


@dataclass
class Readiness:
    ready: bool
    checks: dict[str, dict[str, object]]
    failing: list[str]


def readiness() -> Readiness:
    """Run every registered check; a critical one that fails or raises makes it not ready."""
    checks: dict[str, dict[str, object]] = {}
    failing: list[str] = []
    for check in registered_checks():
        if check.needs_database and "database" in failing:
            checks[check.name] = {"status": SKIPPED, "reason": "database"}
            continue
        try:
            result = check.run()
        except Exception as exc:
            # The class name only: a driver's message may name hosts, users or paths.
            logger.warning("readyz: check %s raised %s", check.name, type(exc).__name__)
            result = CheckResult(FAIL, {"error": type(exc).__name__})
        checks[check.name] = {"status": result.status, **result.detail}
        if result.status == FAIL and check.critical:
            failing.append(check.name)
    return Readiness(ready=not failing, checks=checks, failing=failing)


@contextmanager
def bounded_cursor(alias: str = "default") -> Iterator[object]:
    """A cursor on ``alias`` whose statements give up after ``CCHC_READY_TIMEOUT_SECONDS``
    (PostgreSQL; SQLite's own busy timeout bounds it there)."""
    connection = connections[alias]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            milliseconds = int(settings.CCHC_READY_TIMEOUT_SECONDS * 1000)
            cursor.execute(f"SET LOCAL statement_timeout = {milliseconds}")
        yield cursor


def check_database() -> CheckResult:
    with bounded_cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return CheckResult(OK)


def check_redis() -> CheckResult:
    url = settings.REDIS_URL
    if not url:
        return CheckResult(SKIPPED)
    import redis

    timeout = settings.CCHC_READY_TIMEOUT_SECONDS
    client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        client.ping()
    finally:
        client.close()
    return CheckResult(OK)


def disk_paths() -> list[Path]:
    """MEDIA_ROOT and the directory of every log file the logging configuration writes."""
    paths = [Path(settings.MEDIA_ROOT)]
    for handler in settings.LOGGING.get("handlers", {}).values():
        filename = handler.get("filename")
        if filename:
            paths.append(Path(filename).parent)
    unique: list[Path] = []
    for path in paths:
        if path not in unique:
            unique.append(path)
    return unique


def check_disk() -> CheckResult:
    """Free space on each volume that takes writes, against ``CCHC_READY_MIN_FREE_MB``."""
    minimum = settings.CCHC_READY_MIN_FREE_MB
    low: list[str] = []
    free: dict[str, int] = {}
    for index, path in enumerate(disk_paths()):
        # Paths are named by role, not shown: the answer is public to whoever reaches it.
        role = "media" if index == 0 else f"log{index}"
        target = path
        while not target.exists() and target != target.parent:
            target = target.parent
        megabytes = shutil.disk_usage(target).free // (1024 * 1024)
        free[role] = megabytes
        if megabytes < minimum:
            low.append(role)
    detail: dict[str, object] = {"free_mb": free, "min_free_mb": minimum}
    if low:
        detail["low"] = low
        return CheckResult(FAIL, detail)
    return CheckResult(OK, detail)


def check_outbox_backlog() -> CheckResult:
    """Messages due for longer than ``CCHC_READY_OUTBOX_MINUTES`` and still not delivered:
    the delivery job (Celery beat, or the ``outbox_deliver`` command) is not running. A
    message waiting for a retry after a failure is not due yet and does not count here."""
    from cchc.core.models import OutboxMessage

    minutes = settings.CCHC_READY_OUTBOX_MINUTES
    limit = settings.CCHC_READY_OUTBOX_MAX
    before = timezone.now() - timedelta(minutes=minutes)
    with bounded_cursor():
        overdue = OutboxMessage.objects.filter(
            status=OutboxMessage.Status.PENDING, next_attempt_at__lte=before
        ).count()
    detail: dict[str, object] = {"overdue": overdue, "minutes": minutes, "max": limit}
    return CheckResult(FAIL if overdue > limit else OK, detail)


def check_outbox_delivery() -> CheckResult:
    """Not critical (a mail server down must not take the site out of the load balancer):
    messages waiting for a retry after a failed attempt, and messages given up, per channel."""
    from django.db.models import Count

    from cchc.core.models import OutboxMessage

    Status = OutboxMessage.Status
    with bounded_cursor():
        retrying = dict(
            OutboxMessage.objects.filter(status=Status.PENDING, attempts__gt=0)
            .values_list("channel")
            .annotate(n=Count("pk"))
            .values_list("channel", "n")
        )
        failed = OutboxMessage.objects.filter(status=Status.FAILED).count()
    detail: dict[str, object] = {"retrying": retrying, "failed": failed}
    return CheckResult(WARN if retrying else OK, detail)


def check_replica() -> CheckResult:
    """The read replica's lag (issue 14 item 5). Not critical: past the bound, or down, the
    dashboards and public pages read from the primary (cchc.core.db), so the service stays
    ready; the probe reports it so that monitoring sees it. Figures only, never the error's
    text (it may name hosts)."""
    from cchc.core.db import replica_configured, replica_lag

    if not replica_configured():
        return CheckResult(SKIPPED)
    state = replica_lag(fresh=True)
    detail: dict[str, object] = {
        "reachable": state.reachable,
        "lag_seconds": None if state.lag_seconds is None else round(state.lag_seconds, 3),
        "max_lag_seconds": state.max_lag_seconds,
        "reads_from_replica": state.usable,
    }
    return CheckResult(OK if state.usable else WARN, detail)


register_check("database", check_database)
register_check("redis", check_redis)
register_check("disk", check_disk)
register_check("outbox_backlog", check_outbox_backlog, needs_database=True)
register_check("outbox_delivery", check_outbox_delivery, critical=False, needs_database=True)
register_check("replica", check_replica, critical=False)
