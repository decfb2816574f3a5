"""make bench's synthetic province, small, on the test database (SQLite and PostgreSQL).

The loader (bench/load.py) writes what bench/province.py generates; the benchmark's own
agreement check compares the summary tables with a scan of the rows at ten million dossiers.
Here a few thousand dossiers go through the same lines (COPY on PostgreSQL, the models on
SQLite) and the platform's own recounts must find the counters exact — dossier, step,
per-officer step and rating counters alike — and the dashboard's three sources must agree
figure by figure.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, models

from cchc.core.calendar import load_calendar
from cchc.domain import lifecycle
from cchc.domain.workdays import VN_TZ
from cchc.dossiers import models as dossier_models
from cchc.dossiers.counters import counters_check
from cchc.dossiers.models import Apology, Dossier, DossierEvent
from cchc.satisfaction import models as satisfaction_models
from cchc.satisfaction.services import satisfaction_check

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import province  # noqa: E402  (bench/ holds the benchmark's modules)
from worktime import WorkTime, timeliness  # noqa: E402

pytestmark = pytest.mark.django_db
DOSSIERS = 3000


def _bench_module(name: str) -> object:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _model(table: str) -> type[models.Model]:
    return next(m for m in apps.get_models() if m._meta.db_table == table)


def _write(table: str, columns: tuple[str, ...], lines: list[str]) -> None:
    """Write COPY text lines: with COPY on PostgreSQL (as the loader does), through the
    models on SQLite."""
    if not lines:
        return
    if connection.vendor == "postgresql":
        names = ", ".join(f'"{c}"' for c in columns)
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            copy.write("\n".join(lines) + "\n")
        return
    model = _model(table)
    fields = {f.column: f for f in model._meta.concrete_fields}
    rows = []
    for line in lines:
        values = {}
        for column, text in zip(columns, line.split("\t"), strict=True):
            field = fields[column]
            if text == "\\N":
                value = None
            elif isinstance(field, models.JSONField):
                value = json.loads(text)
            else:
                value = field.to_python(text)
            values[field.attname] = value
        rows.append(model(**values))
    model.objects.bulk_create(rows, batch_size=500)


@pytest.fixture
def small_province():
    """The bench's world (80 procedures) and a year of its dossiers, loaded."""
    world = _bench_module("world").build(80)
    calendar = load_calendar()
    today = datetime.now(VN_TZ).date()
    first = today - timedelta(days=365)
    wt = WorkTime(calendar, first - timedelta(days=7), today + timedelta(days=3 * 365))
    plans = province.plan(wt, first, today - timedelta(days=1), DOSSIERS, 1_000_001)
    cutoff = wt.day_index(today) * wt.day_seconds
    generator = province.Province(world, wt, cutoff=cutoff, seed=3, first_day=plans[0].index)
    out = province.Out()
    sequences = []
    for day in plans:
        generator.day(day, out)
        sequences += out.sequences
        out.sequences.clear()
    for table, columns in province.TABLES.items():
        _write(table, columns, out.rows[table])
    for table, lines in generator.counter_lines(out).items():
        keys, counters = province.COUNTER_TABLES[table]
        _write(table, keys + counters, lines)
    table, columns = province.SEQUENCE_TABLE
    _write(table, columns, [f"{a}\t{d}\t{n}" for a, d, n in sequences])
    return world


def test_the_generator_writes_every_required_column_and_counts_what_the_services_count():
    assert province.COUNTERS == dossier_models.COUNTERS
    assert province.STEP_COUNTERS == dossier_models.STEP_COUNTERS
    assert province.OFFICER_STEP_COUNTERS == dossier_models.OFFICER_STEP_COUNTERS
    assert province.RATING_COUNTERS == satisfaction_models.COUNTERS
    tables = {**province.TABLES}
    tables.update({t: keys + counters for t, (keys, counters) in province.COUNTER_TABLES.items()})
    for table, columns in tables.items():
        required = {
            f.column
            for f in _model(table)._meta.concrete_fields
            if not f.null and not f.has_default() and not f.primary_key
        }
        assert required <= set(columns), (table, required - set(columns))


def test_working_time_gives_the_calendars_own_due_moments_and_results():
    calendar = load_calendar()
    wt = WorkTime(calendar, date(2024, 1, 1), date(2027, 12, 31))
    rnd = random.Random(5)
    for _ in range(3000):
        start = rnd.randrange(0, 700 * wt.day_seconds)
        seconds = rnd.choice([60, 1800, 14400, 28800, rnd.randrange(1, 30 * wt.day_seconds)])
        cutoff = rnd.choice([None, 15 * 3600, 16 * 3600 + 1800])
        moment = wt.moment(wt.start_key(start))
        cutoff_time = None if cutoff is None else time(cutoff // 3600, cutoff % 3600 // 60)
        due = wt.effective_start(start, cutoff) + seconds
        assert wt.moment(wt.due_key(due)) == calendar.add_working_seconds(
            moment, seconds, cutoff_time
        )
        later = start + rnd.randrange(0, 10 * wt.day_seconds)
        finished = wt.moment(wt.start_key(later))
        assert calendar.working_seconds_between(moment, finished) == later - start
        result = lifecycle.timeliness(finished, wt.moment(wt.due_key(due)), VN_TZ)
        assert province.TIMELINESS[timeliness(wt.start_key(later), wt.due_key(due))] == result


def test_a_small_province_loads_with_every_counter_equal_to_its_recount(small_province):
    connection.check_constraints()  # every foreign key points at a row that exists
    assert Dossier.objects.count() == DOSSIERS
    assert counters_check() == []
    assert satisfaction_check() == []
    # It looks like a province: every channel, open and closed dossiers, a few late ones,
    # each of them apologised for before it was returned (the lifecycle's guard).
    assert set(Dossier.objects.values_list("channel", flat=True)) == {
        "in_person",
        "online",
        "postal",
    }
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert {"returned", "processing", "withdrawn"} <= statuses
    finished = Dossier.objects.exclude(timeliness="")
    late = finished.filter(timeliness="late")
    assert 0.02 < late.count() / finished.count() < 0.12
    assert not late.filter(apology_count=0).exists()
    assert Apology.objects.filter(dossier__in=late).count() == late.count()
    assert DossierEvent.objects.filter(action="approve").count() > DOSSIERS * 0.8


def test_the_dashboard_from_the_summary_tables_agrees_with_a_scan_and_with_duckdb(
    small_province, tmp_path
):
    dashboard = _bench_module("dashboard")
    day_from, day_to = dashboard.year_before(datetime.now(VN_TZ).date())
    summary = dashboard.summary_figures(day_from, day_to)
    scan = dashboard.scan_figures(day_from, day_to)
    duck = dashboard.duckdb_figures(dashboard.duckdb_load(tmp_path), day_from, day_to)
    assert dashboard.figure_count(scan) > 1000
    assert dashboard.disagreements(scan, summary) == []
    assert dashboard.disagreements(scan, duck) == []
    # The comparison can fail: one counter off by one is found, where it is.
    agency, month = next(iter(summary))
    summary[(agency, month)]["received"] = summary[(agency, month)].get("received", 0) + 1
    assert [d[2] for d in dashboard.disagreements(scan, summary)] == ["received"]
