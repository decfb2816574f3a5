"""Due moments: the pure core's speed against numpy's, and a recompute after a calendar edit.

``python bench/due_moments.py OUT_JSON [DOSSIERS]`` (Django configured, as bench/run.sh does):

1. ``core_vs_numpy``: the due moment of random receipts of the last three years for the
   procedures' usual times (1 to 30 working days), by ``WorkCalendar.add_working_days`` (the
   pure core, one call per dossier, as the services call it) and by ``numpy.busday_offset``
   with the same working days — vectorised over all the dates (its time per date: the
   yardstick), and one call per date (for the record). numpy counts whole dates with a
   Monday–Friday week and the days off as holidays: it knows neither office hours nor the
   make-up Saturdays, so it does less than the core; it is a yardstick of speed only. For the
   record too: the loader's integer working time (bench/worktime.py, the core's answers to
   the second) per date. The core's profile is kept for the report.
2. ``recompute``: a calendar edit through the real service (``calendar_day_set``: a working
   day next week declared a day off, a new calendar version), then the due moments of the
   ``DOSSIERS`` most recently received dossiers (default 1,000,000; the open ones are among
   them) recomputed with the real calendar code — the legal due moment from the receipt and
   the procedure version's time and cut-off, the appointment (moved only later when an
   apology gave a later one), the current step's due moment — and the changed ones written
   back with the new calendar version in one transaction (COPY into a temporary table, one
   UPDATE … FROM per table). There is no such service in the platform yet
   (ARCHITECTURE: "recomputed only by an explicit service"): this is the bench's, built
   from the real calendar code, for the figure.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import random
import sys
import time as _time
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()

import numpy as np
from django.db import connection, transaction
from worktime import WorkTime

from cchc.core.calendar import calendar_day_set, forget_cached_calendar, load_calendar
from cchc.domain.workdays import VN_TZ, WorkCalendar, hours_to_seconds

DAYS = (1, 2, 3, 5, 7, 10, 15, 20, 30)
RECOMPUTE = 1_000_000


def _receipts(calendar: WorkCalendar, count: int, seed: int = 7) -> list[tuple[datetime, int]]:
    """Random office moments of the last three years, each with a processing time in days."""
    rnd = random.Random(seed)
    today = datetime.now(VN_TZ).date()
    days = calendar.working_days(today - timedelta(days=3 * 365), today)
    found = []
    for _ in range(count):
        day = rnd.choice(days)
        minute = rnd.randrange(8 * 60, 17 * 60)
        if 12 * 60 <= minute < 13 * 60:
            minute += 60
        moment = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=VN_TZ)
        found.append((moment, rnd.choice(DAYS)))
    return found


def core_vs_numpy(calendar: WorkCalendar, count: int = 20_000) -> dict:
    receipts = _receipts(calendar, count)
    started = _time.perf_counter()
    for moment, days in receipts:
        calendar.add_working_days(moment, days)
    core = (_time.perf_counter() - started) / count
    # numpy: the same working days as a business-day calendar of dates.
    holidays = [
        day for day, working in calendar.overrides.items() if not working and day.weekday() < 5
    ]
    busdays = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    dates = np.array([m.date() for m, _ in receipts], dtype="datetime64[D]")
    offsets = np.array([d for _, d in receipts])
    rounds = 20
    started = _time.perf_counter()
    for _ in range(rounds):
        np.busday_offset(dates, offsets, roll="forward", busdaycal=busdays)
    vectorised = (_time.perf_counter() - started) / rounds / count
    started = _time.perf_counter()
    for d, n in zip(dates, offsets, strict=True):
        np.busday_offset(d, n, roll="forward", busdaycal=busdays)
    per_call = (_time.perf_counter() - started) / count
    # The loader's integer working time, for the record (same answers as the core).
    today = datetime.now(VN_TZ).date()
    wt = WorkTime(calendar, today - timedelta(days=3 * 365 + 7), today + timedelta(days=365))
    day_seconds = calendar.office_hours.day_seconds
    started = _time.perf_counter()
    for moment, days in receipts:
        k = wt.day_index(moment.date())
        clock = moment.hour * 3600 + moment.minute * 60
        wt.moment(wt.due_key(k * day_seconds + wt.office_second(clock) + days * day_seconds))
    integer = (_time.perf_counter() - started) / count
    profiler = cProfile.Profile()
    profiler.enable()
    for moment, days in receipts[:5000]:
        calendar.add_working_days(moment, days)
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(12)
    return {
        "samples": count,
        "core_us": round(core * 1e6, 2),
        "numpy_vectorised_us": round(vectorised * 1e6, 4),
        "numpy_per_call_us": round(per_call * 1e6, 2),
        "worktime_us": round(integer * 1e6, 2),
        "ratio_vectorised": round(core / vectorised, 1),
        "ratio_per_call": round(core / per_call, 1),
        "core_profile": _trim(text.getvalue()),
    }


def _trim(profile: str) -> str:
    lines = [line for line in profile.splitlines() if line.strip()]
    return "\n".join(line.replace(str(Path.cwd()) + "/", "") for line in lines)


def _edit_day() -> date:
    """A working weekday next week: the edit moves every due moment that passes over it."""
    day = datetime.now(VN_TZ).date() + timedelta(days=7)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def recompute(count: int = RECOMPUTE) -> dict:
    """Edit the calendar, recompute the due moments of the ``count`` latest dossiers, write
    the changed ones back. Returns the phases' seconds and the counts."""
    day = _edit_day()
    calendar_day_set(
        actor=None,
        day=day,
        is_working=False,
        reason="Nghỉ đột xuất (make bench)",
        legal_source="make bench",
    )
    forget_cached_calendar()
    started = _time.perf_counter()
    calendar = load_calendar()
    versions = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, snapshot FROM catalog_procedureversion")
        for pk, snapshot in cursor.fetchall():
            if isinstance(snapshot, str):
                snapshot = json.loads(snapshot)
            cutoff = snapshot.get("cutoff_time")
            amount = Decimal(snapshot["processing_time"])
            seconds = (
                hours_to_seconds(amount)
                if snapshot["processing_unit"] == "working_hours"
                else calendar.days_to_seconds(amount)
            )
            versions[pk] = (seconds, time.fromisoformat(cutoff) if cutoff else None)
        cursor.execute(
            "SELECT d.id, d.received_at, d.procedure_version_id, d.paused_seconds, "
            "d.apology_count, d.due_at, d.legal_due_at, s.id, s.started_at, "
            "s.budget_seconds, s.paused_seconds, s.due_at "
            "FROM (SELECT * FROM dossiers_dossier WHERE received_at IS NOT NULL "
            "ORDER BY received_at DESC LIMIT %s) d "
            "LEFT JOIN dossiers_dossierstep s ON s.id = d.current_step_id",
            [count],
        )
        rows = cursor.fetchall()
    read = _time.perf_counter()
    dossiers, steps = [], []
    open_count = 0
    for (
        pk,
        received,
        version,
        paused,
        apologies,
        due_at,
        legal_due_at,
        step_id,
        step_started,
        budget,
        step_paused,
        step_due,
    ) in rows:
        seconds, cutoff = versions[version]
        legal = calendar.add_working_seconds(received, seconds + paused, cutoff)
        due = max(due_at, legal) if apologies else legal
        if legal != legal_due_at or due != due_at:
            dossiers.append((pk, legal, due))
        if step_id is not None:
            open_count += 1
            new = calendar.add_working_seconds(step_started, budget + step_paused)
            if new != step_due:
                steps.append((step_id, new))
    computed = _time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE bench_due (id bigint, legal timestamptz, due timestamptz) "
            "ON COMMIT DROP"
        )
        cursor.execute(
            "CREATE TEMPORARY TABLE bench_step_due (id bigint, due timestamptz) ON COMMIT DROP"
        )
        _copy(cursor, "bench_due", dossiers)
        _copy(cursor, "bench_step_due", steps)
        cursor.execute(
            "UPDATE dossiers_dossier d SET legal_due_at = b.legal, due_at = b.due, "
            "calendar_version = %s FROM bench_due b WHERE d.id = b.id",
            [calendar.version],
        )
        cursor.execute(
            "UPDATE dossiers_dossierstep s SET due_at = b.due "
            "FROM bench_step_due b WHERE s.id = b.id"
        )
    written = _time.perf_counter()
    return {
        "edited_day": day.isoformat(),
        "calendar_version": calendar.version,
        "dossiers": len(rows),
        "open": open_count,
        "due_moments": len(rows) + open_count,
        "dossiers_changed": len(dossiers),
        "steps_changed": len(steps),
        "read_s": round(read - started, 1),
        "compute_s": round(computed - read, 1),
        "write_s": round(written - computed, 1),
        "total_s": round(written - started, 1),
    }


def _copy(cursor: object, table: str, rows: list[tuple]) -> None:
    if connection.vendor != "postgresql":
        placeholders = ", ".join(["%s"] * len(rows[0])) if rows else ""
        cursor.executemany(f"INSERT INTO {table} VALUES ({placeholders})", rows)
        return
    with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


if __name__ == "__main__":
    count = int(sys.argv[2]) if len(sys.argv) > 2 else RECOMPUTE
    out = {"core_vs_numpy": core_vs_numpy(load_calendar()), "recompute": recompute(count)}
    Path(sys.argv[1]).write_text(json.dumps(out))
