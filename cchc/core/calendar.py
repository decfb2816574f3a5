"""The province's working calendar: loading it for the pure arithmetic, and editing it.

``current_calendar()`` is what every deadline is computed with. It is cached per process and
keyed by the calendar version, so an admin edit in this process is seen at once and in other
processes within ``CCHC_CALENDAR_CACHE_SECONDS``; either way the dossier stores the version it used.
"""

from __future__ import annotations

import threading
import time as _time
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from cchc.core.holiday_source import source_label, vn_calendar_exceptions
from cchc.core.models import CalendarDay, CalendarDayChange, CalendarVersion
from cchc.domain.workdays import OfficeHours, WorkCalendar


def _version_ttl() -> float:
    # How long a process trusts its cached calendar before asking for the current version.
    # Edits in the same process invalidate it at once (on commit).
    return float(getattr(settings, "CCHC_CALENDAR_CACHE_SECONDS", 5))


_lock = threading.Lock()
_cache: dict[str, object] = {"calendar": None, "checked_at": 0.0}


def office_hours() -> OfficeHours:
    return OfficeHours.parse(settings.CCHC_OFFICE_HOURS)


def current_calendar_version() -> int:
    return CalendarVersion.objects.aggregate(n=Max("number"))["n"] or 0


def current_calendar() -> WorkCalendar:
    """The current working calendar (overrides from the table, office hours from settings)."""
    now = _time.monotonic()
    cached = _cache["calendar"]
    if isinstance(cached, WorkCalendar) and now - float(_cache["checked_at"]) < _version_ttl():
        return cached
    version = current_calendar_version()
    if isinstance(cached, WorkCalendar) and cached.version == version:
        _cache["checked_at"] = now
        return cached
    calendar = load_calendar(version)
    with _lock:
        _cache["calendar"], _cache["checked_at"] = calendar, now
    return calendar


def load_calendar(version: int | None = None) -> WorkCalendar:
    overrides = dict(CalendarDay.objects.values_list("date", "is_working"))
    if version is None:
        version = current_calendar_version()
    return WorkCalendar(overrides=overrides, office_hours=office_hours(), version=version)


def forget_cached_calendar() -> None:
    with _lock:
        _cache["calendar"], _cache["checked_at"] = None, 0.0


def _new_version(*, actor: object | None, note: str) -> CalendarVersion:
    # The unique number makes two concurrent edits collide instead of sharing a version.
    number = current_calendar_version() + 1
    return CalendarVersion.objects.create(number=number, created_by=actor, note=note[:500])


@transaction.atomic
def calendar_day_set(
    *,
    actor: object | None,
    day: date,
    is_working: bool,
    reason: str,
    legal_source: str = "",
    kind: str = CalendarDay.Kind.LOCAL,
) -> CalendarDay:
    """Declare ``day`` working or not; makes a new calendar version with a history row."""
    existing = CalendarDay.objects.select_for_update().filter(date=day).first()
    was_working = existing.is_working if existing else None
    version = _new_version(actor=actor, note=f"{day:%d/%m/%Y}: {reason}")
    if existing is None:
        existing = CalendarDay(date=day)
    existing.is_working = is_working
    existing.reason = reason
    existing.legal_source = legal_source
    existing.kind = kind
    existing.version = version
    existing.save()
    CalendarDayChange.objects.create(
        version=version,
        date=day,
        was_working=was_working,
        is_working=is_working,
        reason=reason,
        legal_source=legal_source,
    )
    transaction.on_commit(forget_cached_calendar)
    return existing


@transaction.atomic
def calendar_day_clear(*, actor: object | None, day: date, reason: str) -> None:
    """Remove a date from the table so that it follows the weekly rule again (new version)."""
    existing = CalendarDay.objects.select_for_update().filter(date=day).first()
    if existing is None:
        return
    version = _new_version(actor=actor, note=f"{day:%d/%m/%Y}: {reason}")
    CalendarDayChange.objects.create(
        version=version, date=day, was_working=existing.is_working, is_working=None, reason=reason
    )
    existing.delete()
    transaction.on_commit(forget_cached_calendar)


@transaction.atomic
def calendar_seed(*, first_year: int, last_year: int, actor: object | None = None) -> int:
    """Add the ``holidays`` package's dates for the years given; dates already in the table
    (perhaps corrected by an administrator) are left alone. Returns the number added."""
    known = set(
        CalendarDay.objects.filter(
            date__gte=date(first_year, 1, 1), date__lte=date(last_year, 12, 31)
        ).values_list("date", flat=True)
    )
    rows = [r for r in vn_calendar_exceptions(first_year, last_year) if r.date not in known]
    if not rows:
        return 0
    version = _new_version(
        actor=actor, note=f"Bổ sung từ {source_label()} ({first_year}–{last_year})"
    )
    CalendarDay.objects.bulk_create(
        CalendarDay(
            date=r.date,
            is_working=r.is_working,
            kind=r.kind,
            reason=r.reason,
            legal_source=r.legal_source,
            version=version,
        )
        for r in rows
    )
    CalendarDayChange.objects.bulk_create(
        CalendarDayChange(
            version=version,
            date=r.date,
            was_working=None,
            is_working=r.is_working,
            reason=r.reason,
            legal_source=r.legal_source,
        )
        for r in rows
    )
    transaction.on_commit(forget_cached_calendar)
    return len(rows)
