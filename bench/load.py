"""The bulk loader: the synthetic province's dossiers into PostgreSQL with COPY.

``python bench/load.py DATABASE_URL WORLD_JSON [DOSSIERS] [STREAMS]`` (default 10,000,000
dossiers, 2 streams) loads the dossiers received on the working days of the last three years
(bench/province.py: their events, steps, fee lines, payments, apologies, shipments, ratings,
the daily code sequences, and the three counter tables consistent with the events), then
rebuilds the indexes and runs ANALYZE. Prints one JSON line: rows per table, the seconds of
each phase, rows per second, the peak memory of every process.

How it is fast:

- The days are cut in ``STREAMS`` contiguous parts, one process each; a process keeps one
  connection per table with one ``COPY … FROM STDIN`` open from its first row to its last,
  so that PostgreSQL parses and stores one table's lines while the process generates the
  next day's (each table's backend is its own process).
- Every index but the primary keys is dropped before and rebuilt after (two connections at a
  time, the biggest first; the unique ones come back as the constraints they were, so a
  duplicate would fail the load). Foreign keys are consistent by construction: the load runs
  with ``session_replication_role = replica`` (no trigger, no per-row check).
- Ids are derived from the dossier's id (bench/province.py), so the streams never ask a
  sequence; the sequences are set past them at the end.
- The counters are added up in memory per stream and copied into unlogged staging tables
  whenever they grow past ``FLUSH_KEYS`` keys (the memory bound); one ``INSERT … SELECT …
  GROUP BY`` per table sums the parts into the real counter tables.

The load's moment is today's midnight (local): the intake measurement that follows starts
today's codes at 0001.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import sys
import time
from contextlib import ExitStack
from datetime import date, datetime, timedelta
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from province import (
    COUNTER_TABLES,
    SEQUENCE_TABLE,
    TABLES,
    DayPlan,
    Out,
    Province,
    plan,
)
from worktime import WorkTime

from cchc.domain.workdays import VN_TZ, OfficeHours, WorkCalendar

DOSSIERS = 10_000_000
STREAMS = 2
YEARS = 3
FIRST_ID = 1_000_001
FLUSH_KEYS = 150_000  # counter keys held per stream before they go to the staging tables
FLUSH_LINES = 20_000  # lines of a table gathered before they are written to its COPY
STAGE = "bench_stage_"


def work_time(url: str, today: date, years: int) -> tuple[WorkTime, date, date]:
    """The real working calendar of the database (its overrides table and the office hours
    of ``CCHC_OFFICE_HOURS``) over the load's years and the due moments after them."""
    with psycopg.connect(url) as conn:
        overrides = dict(conn.execute("SELECT date, is_working FROM core_calendarday").fetchall())
    hours = OfficeHours.parse(os.environ.get("CCHC_OFFICE_HOURS", "08:00-12:00,13:00-17:00"))
    calendar = WorkCalendar(overrides=overrides, office_hours=hours)
    first = today - timedelta(days=round(365.25 * years))
    return (
        WorkTime(calendar, first - timedelta(days=7), today + timedelta(days=3 * 365)),
        first,
        today,
    )


def check_columns(cur: psycopg.Cursor) -> None:
    """Every column a row must have (NOT NULL, no default) is one the loader writes: a new
    column of the models fails here, by name, instead of in the middle of a COPY."""
    missing = []
    for table, columns in TABLES.items():
        rows = cur.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
            "AND is_nullable = 'NO' AND column_default IS NULL",
            (table,),
        ).fetchall()
        missing += [f"{table}.{name}" for (name,) in rows if name not in columns]
    for table, (keys, counters) in COUNTER_TABLES.items():
        rows = cur.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
            "AND is_nullable = 'NO' AND column_default IS NULL AND column_name <> 'id'",
            (table,),
        ).fetchall()
        missing += [f"{table}.{name}" for (name,) in rows if name not in keys + counters]
    if missing:
        raise SystemExit(f"the loader does not write these required columns: {missing}")


def drop_indexes(cur: psycopg.Cursor, tables: list[str]) -> list[tuple[str, str]]:
    """Drop every index of ``tables`` but the primary keys; returns (table, statement) to
    rebuild each, unique constraints as constraints."""
    rebuild = []
    for table in tables:
        for name, definition in cur.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'u'",
            (table,),
        ).fetchall():
            cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            rebuild.append((table, f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
        for name, definition in cur.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname "
            "AND c.conrelid = %s::regclass)",
            (table, table),
        ).fetchall():
            cur.execute(f'DROP INDEX "{name}"')
            rebuild.append((table, definition))
    return rebuild


def _session(conn: psycopg.Connection) -> None:
    conn.execute("SET session_replication_role = replica")
    conn.execute("SET synchronous_commit = off")  # the load itself; the bench's runs are durable


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_stream(
    url: str,
    world: dict,
    days: list[DayPlan],
    number: int,
    *,
    today: date,
    years: int,
    first_day: int,
) -> dict:
    """Generate and COPY the dossiers of ``days``: one process, one open COPY per table."""
    wt, _, _ = work_time(url, today, years)
    cutoff = wt.day_index(today) * wt.day_seconds
    province = Province(world, wt, cutoff=cutoff, seed=number + 1, first_day=first_day)
    out = Out()
    rows = dict.fromkeys(TABLES, 0)
    started = time.monotonic()
    with ExitStack() as stack:
        conns = {table: stack.enter_context(psycopg.connect(url)) for table in TABLES}
        stage = stack.enter_context(psycopg.connect(url))
        for conn in [*conns.values(), stage]:
            _session(conn)
        copies = {
            table: stack.enter_context(
                conns[table].cursor().copy(f"COPY {table} ({_columns(columns)}) FROM STDIN")
            )
            for table, columns in TABLES.items()
        }
        sequences = []
        for day in days:
            province.day(day, out)
            if len(out.rows["dossiers_dossierevent"]) >= FLUSH_LINES:
                _write(copies, out, rows)
            sequences += out.sequences
            out.sequences.clear()
            if len(out.dossier_counts) + len(out.step_counts) >= FLUSH_KEYS:
                _stage(stage, province, out)
        _write(copies, out, rows)
        _stage(stage, province, out)
        with stage.cursor().copy(
            f"COPY {SEQUENCE_TABLE[0]} ({_columns(SEQUENCE_TABLE[1])}) FROM STDIN"
        ) as copy:
            copy.write("".join(f"{a}\t{d}\t{n}\n" for a, d, n in sequences))
        stack.close()  # ends every COPY, then commits and closes every connection
    return {"rows": rows, "seconds": time.monotonic() - started, "peak_mb": _peak_mb()}


def _columns(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _write(copies: dict, out: Out, rows: dict[str, int]) -> None:
    for table, lines in out.rows.items():
        if lines:
            copies[table].write("\n".join(lines) + "\n")
            rows[table] += len(lines)
    out.clear_rows()


def _stage(conn: psycopg.Connection, province: Province, out: Out) -> None:
    for table, lines in province.counter_lines(out).items():
        if not lines:
            continue
        keys, counters = COUNTER_TABLES[table]
        with conn.cursor().copy(
            f"COPY {STAGE}{table} ({_columns(keys + counters)}) FROM STDIN"
        ) as copy:
            copy.write("\n".join(lines) + "\n")
    out.clear_counts()


def merge_counters(cur: psycopg.Cursor) -> dict[str, int]:
    """Sum the streams' partial counters into the counter tables; drop the staging."""
    merged = {}
    for table, (keys, counters) in COUNTER_TABLES.items():
        columns = _columns(keys + counters)
        sums = ", ".join(f'SUM("{c}")' for c in counters)
        cur.execute(
            f"INSERT INTO {table} ({columns}) SELECT {_columns(keys)}, {sums} "
            f"FROM {STAGE}{table} GROUP BY {_columns(keys)}"
        )
        merged[table] = cur.rowcount
        cur.execute(f"DROP TABLE {STAGE}{table}")
    return merged


def rebuild_indexes(url: str, statements: list[tuple[str, str]], sizes: dict[str, int]) -> None:
    """Run the statements on two connections at a time, the biggest tables first."""
    queue = sorted(statements, key=lambda s: -sizes.get(s[0], 0))
    with multiprocessing.Pool(2) as pool:
        pool.map(_rebuild_one, [(url, statement) for _, statement in queue], chunksize=1)


def _rebuild_one(job: tuple[str, str]) -> None:
    url, statement = job
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '1GB'")
        conn.execute("SET max_parallel_maintenance_workers = 0")  # two builds use both CPUs
        conn.execute(statement)


def reset_sequences(cur: psycopg.Cursor, tables: list[str]) -> None:
    for table in tables:
        cur.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"GREATEST((SELECT max(id) FROM {table}), 1))"
        )


def load(url: str, world: dict, wanted: int, streams: int = STREAMS, years: int = YEARS) -> dict:
    today = datetime.now(VN_TZ).date()  # the province's day, not the machine's
    wt, first, last = work_time(url, today, years)
    plans = [p for p in plan(wt, first, last - timedelta(days=1), wanted, FIRST_ID) if p.count]
    first_day = plans[0].index
    # Contiguous parts of equal size: the counters of a part's days stay mostly its own.
    parts: list[list[DayPlan]] = [[] for _ in range(streams)]
    placed = 0
    for day in plans:
        parts[min(placed * streams // wanted, streams - 1)].append(day)
        placed += day.count
    data_tables = list(TABLES)
    counter_tables = list(COUNTER_TABLES)
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
        check_columns(cur)
        rebuild = drop_indexes(cur, data_tables + counter_tables)
        for table, (keys, counters) in COUNTER_TABLES.items():
            cur.execute(f"DROP TABLE IF EXISTS {STAGE}{table}")
            cur.execute(
                f"CREATE UNLOGGED TABLE {STAGE}{table} AS "
                f"SELECT {_columns(keys + counters)} FROM {table} WITH NO DATA"
            )
    with multiprocessing.Pool(streams) as pool:
        results = pool.starmap(
            _stream_job,
            [(url, world, part, n, today, years, first_day) for n, part in enumerate(parts)],
        )
    copied = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute("SET work_mem = '256MB'")
        merged = merge_counters(cur)
    counted = time.monotonic()
    rows = {table: sum(r["rows"][table] for r in results) for table in TABLES}
    sizes = {**rows, **merged}
    rebuild_indexes(url, rebuild, sizes)
    indexed = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
        reset_sequences(cur, data_tables + counter_tables)
        cur.execute("ANALYZE")
    done = time.monotonic()
    total = sum(rows.values())
    return {
        "dossiers": rows["dossiers_dossier"],
        "rows": rows,
        "counter_rows": merged,
        "rows_total": total,
        "days": len(plans),
        "first_day": wt.iso_days[plans[0].index],
        "last_day": wt.iso_days[plans[-1].index],
        "streams": streams,
        "copy_seconds": round(copied - started, 1),
        "rows_per_s": round(total / (copied - started)),
        "counters_seconds": round(counted - copied, 1),
        "index_seconds": round(indexed - counted, 1),
        "analyze_seconds": round(done - indexed, 1),
        "seconds": round(done - started, 1),
        "stream_peak_mb": [round(r["peak_mb"]) for r in results],
        "peak_mb": round(_peak_mb() + sum(r["peak_mb"] for r in results)),
        "indexes_rebuilt": len(rebuild),
    }


def _stream_job(
    url: str, world: dict, part: list[DayPlan], n: int, today: date, years: int, first_day: int
) -> dict:
    return load_stream(url, world, part, n, today=today, years=years, first_day=first_day)


def main() -> None:
    url, world_path = sys.argv[1], sys.argv[2]
    wanted = int(sys.argv[3]) if len(sys.argv) > 3 else DOSSIERS
    streams = int(sys.argv[4]) if len(sys.argv) > 4 else STREAMS
    world = json.loads(Path(world_path).read_text())
    print(json.dumps(load(url, world, wanted, streams)))


if __name__ == "__main__":
    main()
