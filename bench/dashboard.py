"""The province dashboard's figures three ways, timed, and checked figure by figure.

The page: every agency that resolves dossiers, each month of a year, and the counts behind
the six groups of the serving-quality index (DOMAIN A6, B §5.2) that the platform's records
feed — received, by channel and online mode (online services), finished early, on time or
late, rejected, returned, withdrawn, apologies (timeliness), dossiers owing fees, paid and
paid online, the procedures used online and paid online (online payment), ratings
(satisfaction). Three sources give the same ``{(agency id, month): {figure: count}}``:

- ``summary``: the summary tables the services keep (``DossierDailyStat``,
  ``SatisfactionDailyStat``), two grouped queries through the ORM — what the dashboard
  runs (ARCHITECTURE "Fast by construction");
- ``scan``: the same figures by GROUP BY over the rows themselves (dossiers, payments,
  apologies, ratings, with each version's online mode and fees), in SQL — the yardstick of
  a platform without summary tables;
- ``duckdb``: the same SQL's figures by DuckDB over the same rows, exported from the
  database beforehand (not timed) — the yardstick of a column store beside the database.

``python bench/dashboard.py OUT_JSON [ROUNDS]`` (Django configured, as bench/run.sh does)
times each source on the year before this month, checks that the three agree on every
figure, and writes the timings, the agreement and the profile of the summary's query
(EXPLAIN ANALYZE) as JSON. The sources are functions of a period: another one (the serving
index service, once it exists) plugs in by name in ``SOURCES``.
"""

from __future__ import annotations

import csv
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()

from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import DossierDailyStat
from cchc.satisfaction.models import SatisfactionDailyStat

Figures = dict[tuple[int, date], dict[str, int]]
OFFERED = ("partial", "full")
FIGURES = (
    "received",
    "received_online_offered",
    "online",
    "received_full_process",
    "online_full_process",
    "postal",
    "online_procedures",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "rejected",
    "returned",
    "withdrawn",
    "apologies",
    "apologies_timely",
    "fee_bearing",
    "paid",
    "paid_online",
    "online_paid_procedures",
    "very_satisfied",
    "satisfied",
    "not_satisfied",
)


def year_before(today: date) -> tuple[date, date]:
    """The twelve whole months before ``today``'s month."""
    last = today.replace(day=1) - timedelta(days=1)
    first = date(last.year - 1, last.month, 1) + timedelta(days=31)
    return first.replace(day=1), last


def _keep(figures: Figures) -> Figures:
    """Zero figures left out, empty cells dropped: the shape the sources are compared in."""
    kept = {}
    for key, row in figures.items():
        values = {name: int(value) for name, value in row.items() if value}
        if values:
            kept[key] = values
    return kept


def _month(value: date | datetime) -> date:
    return date(value.year, value.month, 1)


# --- the summary tables -----------------------------------------------------------------


def summary_figures(day_from: date, day_to: date) -> Figures:
    """The page from the summary tables: two queries, whatever the number of dossiers."""
    offered = Q(online_mode__in=OFFERED)
    online = Q(channel="online")
    full = Q(online_mode="full")
    sums = {
        "n_received": Sum("received"),
        "n_received_online_offered": Sum("received", filter=offered),
        "n_online": Sum("received", filter=online & offered),
        "n_received_full_process": Sum("received", filter=full),
        "n_online_full_process": Sum("received", filter=online & full),
        "n_postal": Sum("received", filter=Q(channel="postal")),
        "n_online_procedures": Count(
            "procedure_id", distinct=True, filter=online & offered & Q(received__gt=0)
        ),
        "n_online_paid_procedures": Count(
            "procedure_id", distinct=True, filter=Q(paid_online__gt=0)
        ),
        **{
            f"n_{name}": Sum(name)
            for name in (
                "finished_early",
                "finished_on_time",
                "finished_late",
                "rejected",
                "returned",
                "withdrawn",
                "apologies",
                "apologies_timely",
                "fee_bearing",
                "paid",
                "paid_online",
            )
        },
    }
    figures: Figures = {}
    rows = (
        DossierDailyStat.objects.filter(day__gte=day_from, day__lte=day_to)
        .values("resolving_agency_id", month=TruncMonth("day"))
        .annotate(**sums)
    )
    for row in rows:
        key = (row["resolving_agency_id"], _month(row["month"]))
        figures[key] = {name[2:]: value for name, value in row.items() if name.startswith("n_")}
    ratings = (
        SatisfactionDailyStat.objects.filter(day__gte=day_from, day__lte=day_to)
        .values("resolving_agency_id", month=TruncMonth("day"))
        .annotate(
            n_very_satisfied=Sum("very_satisfied"),
            n_satisfied=Sum("satisfied"),
            n_not_satisfied=Sum("not_satisfied"),
        )
    )
    for row in ratings:
        key = (row["resolving_agency_id"], _month(row["month"]))
        cell = figures.setdefault(key, {})
        cell.update({name[2:]: value for name, value in row.items() if name.startswith("n_")})
    return _keep(figures)


# --- the scan over the rows -------------------------------------------------------------


def _dialect() -> dict[str, str]:
    if connection.vendor == "postgresql":
        return {
            "month": "date_trunc('month', {} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date",
            "mode": "v.snapshot->>'online_mode'",
            "fee": "jsonb_path_exists(v.snapshot, '$.fees[*] ? (@.amount_vnd > 0)')",
        }
    return {  # SQLite: moments are UTC text
        "month": "date({}, '+7 hours', 'start of month')",
        "mode": "json_extract(v.snapshot, '$.online_mode')",
        "fee": (
            "EXISTS (SELECT 1 FROM json_each(v.snapshot, '$.fees') f "
            "WHERE json_extract(f.value, '$.amount_vnd') > 0)"
        ),
    }


def scan_sql(dialect: dict[str, str]) -> list[tuple[str, tuple[str, ...]]]:
    """The scan's queries and the figures each returns after (agency, month). Each takes the
    period's bounds (first moment, moment after the last day) once per placeholder pair."""
    month = dialect["month"].format
    versions = (
        "WITH v AS (SELECT id, {mode} AS mode, {fee} AS fee FROM catalog_procedureversion v)"
    ).format(**dialect)
    agency = "COALESCE(d.resolving_agency_id, d.receiving_agency_id)"
    return [
        (
            f"{versions} SELECT {agency}, {month('d.received_at')}, COUNT(*), "
            "SUM(CASE WHEN v.mode IN ('partial', 'full') THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN v.mode IN ('partial', 'full') AND d.channel = 'online' "
            "THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN v.mode = 'full' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN v.mode = 'full' AND d.channel = 'online' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN d.channel = 'postal' THEN 1 ELSE 0 END), "
            "COUNT(DISTINCT CASE WHEN v.mode IN ('partial', 'full') AND d.channel = 'online' "
            "THEN d.procedure_id END), "
            "SUM(CASE WHEN v.fee THEN 1 ELSE 0 END) "
            "FROM dossiers_dossier d JOIN v ON v.id = d.procedure_version_id "
            "WHERE d.received_at >= %s AND d.received_at < %s GROUP BY 1, 2",
            (
                "received",
                "received_online_offered",
                "online",
                "received_full_process",
                "online_full_process",
                "postal",
                "online_procedures",
                "fee_bearing",
            ),
        ),
        (
            f"SELECT {agency}, {month('d.finished_at')}, "
            "SUM(CASE WHEN d.timeliness = 'early' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN d.timeliness = 'on_time' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN d.timeliness = 'late' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN d.outcome = 'rejected' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN d.status = 'withdrawn' THEN 1 ELSE 0 END) "
            "FROM dossiers_dossier d WHERE d.finished_at >= %s AND d.finished_at < %s "
            "GROUP BY 1, 2",
            ("finished_early", "finished_on_time", "finished_late", "rejected", "withdrawn"),
        ),
        (
            f"SELECT {agency}, {month('d.returned_at')}, COUNT(*) FROM dossiers_dossier d "
            "WHERE d.returned_at >= %s AND d.returned_at < %s GROUP BY 1, 2",
            ("returned",),
        ),
        (
            f"SELECT {agency}, {month('a.issued_at')}, COUNT(*), "
            "SUM(CASE WHEN a.timely THEN 1 ELSE 0 END) "
            "FROM dossiers_apology a JOIN dossiers_dossier d ON d.id = a.dossier_id "
            "WHERE a.issued_at >= %s AND a.issued_at < %s GROUP BY 1, 2",
            ("apologies", "apologies_timely"),
        ),
        (
            f"SELECT {agency}, {month('p.paid_at')}, COUNT(*), "
            "SUM(CASE WHEN p.method = 'online' THEN 1 ELSE 0 END), "
            "COUNT(DISTINCT CASE WHEN p.method = 'online' THEN d.procedure_id END) "
            "FROM dossiers_payment p JOIN dossiers_dossier d ON d.id = p.dossier_id "
            "WHERE p.state = 'paid' AND p.paid_at >= %s AND p.paid_at < %s GROUP BY 1, 2",
            ("paid", "paid_online", "online_paid_procedures"),
        ),
        (
            f"SELECT r.resolving_agency_id, {month('r.rated_at')}, "
            "SUM(CASE WHEN r.overall = 'very_satisfied' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN r.overall = 'satisfied' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN r.overall = 'not_satisfied' THEN 1 ELSE 0 END) "
            "FROM satisfaction_rating r WHERE r.rated_at >= %s AND r.rated_at < %s "
            "GROUP BY 1, 2",
            ("very_satisfied", "satisfied", "not_satisfied"),
        ),
    ]


def _bounds(day_from: date, day_to: date) -> tuple[object, object]:
    start = datetime.combine(day_from, datetime.min.time(), tzinfo=VN_TZ)
    end = datetime.combine(day_to + timedelta(days=1), datetime.min.time(), tzinfo=VN_TZ)
    if connection.vendor == "postgresql":
        return start, end
    # SQLite keeps UTC text: compare with the same text.
    return tuple(m.astimezone(UTC).replace(tzinfo=None).isoformat(" ") for m in (start, end))


def scan_figures(day_from: date, day_to: date) -> Figures:
    """The page by GROUP BY over the rows (six queries, each a scan of its period)."""
    figures: Figures = {}
    bounds = _bounds(day_from, day_to)
    with connection.cursor() as cursor:
        for sql, names in scan_sql(_dialect()):
            cursor.execute(sql, bounds)
            for agency, month, *values in cursor.fetchall():
                key = (agency, _as_date(month))
                figures.setdefault(key, {}).update(zip(names, values, strict=True))
    return _keep(figures)


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- DuckDB over the same rows ----------------------------------------------------------

EXPORTS = {
    # table: (columns in DuckDB, PostgreSQL select list, SQLite select list); moments local
    "dossiers": (
        "id BIGINT, resolving_agency_id BIGINT, receiving_agency_id BIGINT, procedure_id BIGINT, "
        "procedure_version_id BIGINT, channel VARCHAR, status VARCHAR, outcome VARCHAR, "
        "timeliness VARCHAR, received_at TIMESTAMP, finished_at TIMESTAMP, returned_at TIMESTAMP",
        "id, resolving_agency_id, receiving_agency_id, procedure_id, procedure_version_id, "
        "channel, status, outcome, timeliness, {received_at}, {finished_at}, {returned_at} "
        "FROM dossiers_dossier",
    ),
    "versions": (
        "id BIGINT, mode VARCHAR, fee BOOLEAN",
        "v.id, {mode}, {fee} FROM catalog_procedureversion v",
    ),
    "apologies": (
        "dossier_id BIGINT, timely BOOLEAN, issued_at TIMESTAMP",
        "dossier_id, timely, {issued_at} FROM dossiers_apology",
    ),
    "payments": (
        "dossier_id BIGINT, method VARCHAR, state VARCHAR, paid_at TIMESTAMP",
        "dossier_id, method, state, {paid_at} FROM dossiers_payment",
    ),
    "ratings": (
        "resolving_agency_id BIGINT, overall VARCHAR, rated_at TIMESTAMP",
        "resolving_agency_id, overall, {rated_at} FROM satisfaction_rating",
    ),
}
DUCK_SQL = [
    (
        "WITH v AS (SELECT * FROM versions) "
        "SELECT COALESCE(d.resolving_agency_id, d.receiving_agency_id), "
        "date_trunc('month', d.received_at), COUNT(*), "
        "COUNT(*) FILTER (WHERE v.mode IN ('partial', 'full')), "
        "COUNT(*) FILTER (WHERE v.mode IN ('partial', 'full') AND d.channel = 'online'), "
        "COUNT(*) FILTER (WHERE v.mode = 'full'), "
        "COUNT(*) FILTER (WHERE v.mode = 'full' AND d.channel = 'online'), "
        "COUNT(*) FILTER (WHERE d.channel = 'postal'), "
        "COUNT(DISTINCT d.procedure_id) FILTER (WHERE v.mode IN ('partial', 'full') "
        "AND d.channel = 'online'), "
        "COUNT(*) FILTER (WHERE v.fee) "
        "FROM dossiers d JOIN v ON v.id = d.procedure_version_id "
        "WHERE d.received_at >= $1 AND d.received_at < $2 GROUP BY 1, 2",
        (
            "received",
            "received_online_offered",
            "online",
            "received_full_process",
            "online_full_process",
            "postal",
            "online_procedures",
            "fee_bearing",
        ),
    ),
    (
        "SELECT COALESCE(d.resolving_agency_id, d.receiving_agency_id), "
        "date_trunc('month', d.finished_at), "
        "COUNT(*) FILTER (WHERE d.timeliness = 'early'), "
        "COUNT(*) FILTER (WHERE d.timeliness = 'on_time'), "
        "COUNT(*) FILTER (WHERE d.timeliness = 'late'), "
        "COUNT(*) FILTER (WHERE d.outcome = 'rejected'), "
        "COUNT(*) FILTER (WHERE d.status = 'withdrawn') "
        "FROM dossiers d WHERE d.finished_at >= $1 AND d.finished_at < $2 GROUP BY 1, 2",
        ("finished_early", "finished_on_time", "finished_late", "rejected", "withdrawn"),
    ),
    (
        "SELECT COALESCE(d.resolving_agency_id, d.receiving_agency_id), "
        "date_trunc('month', d.returned_at), COUNT(*) FROM dossiers d "
        "WHERE d.returned_at >= $1 AND d.returned_at < $2 GROUP BY 1, 2",
        ("returned",),
    ),
    (
        "SELECT COALESCE(d.resolving_agency_id, d.receiving_agency_id), "
        "date_trunc('month', a.issued_at), COUNT(*), COUNT(*) FILTER (WHERE a.timely) "
        "FROM apologies a JOIN dossiers d ON d.id = a.dossier_id "
        "WHERE a.issued_at >= $1 AND a.issued_at < $2 GROUP BY 1, 2",
        ("apologies", "apologies_timely"),
    ),
    (
        "SELECT COALESCE(d.resolving_agency_id, d.receiving_agency_id), "
        "date_trunc('month', p.paid_at), COUNT(*), COUNT(*) FILTER (WHERE p.method = 'online'), "
        "COUNT(DISTINCT d.procedure_id) FILTER (WHERE p.method = 'online') "
        "FROM payments p JOIN dossiers d ON d.id = p.dossier_id "
        "WHERE p.state = 'paid' AND p.paid_at >= $1 AND p.paid_at < $2 GROUP BY 1, 2",
        ("paid", "paid_online", "online_paid_procedures"),
    ),
    (
        "SELECT resolving_agency_id, date_trunc('month', rated_at), "
        "COUNT(*) FILTER (WHERE overall = 'very_satisfied'), "
        "COUNT(*) FILTER (WHERE overall = 'satisfied'), "
        "COUNT(*) FILTER (WHERE overall = 'not_satisfied') "
        "FROM ratings WHERE rated_at >= $1 AND rated_at < $2 GROUP BY 1, 2",
        ("very_satisfied", "satisfied", "not_satisfied"),
    ),
]


def duckdb_load(directory: Path) -> object:
    """Export the rows the scan reads (moments as local time) and load them into an
    in-memory DuckDB; returns the DuckDB connection. Not timed: the yardstick is DuckDB's
    query over rows it already holds."""
    import duckdb

    if connection.vendor == "postgresql":
        local = "({0} AT TIME ZONE 'Asia/Ho_Chi_Minh') AS {0}"
    else:
        local = "datetime({0}, '+7 hours') AS {0}"
    moments = {
        name: local.format(name)
        for name in ("received_at", "finished_at", "returned_at", "issued_at", "paid_at")
    }
    moments["rated_at"] = local.format("rated_at")
    dialect = _dialect()
    duck = duckdb.connect()
    duck.execute("SET preserve_insertion_order = false")
    for table, (columns, select) in EXPORTS.items():
        path = directory / f"{table}.csv"
        query = "SELECT " + select.format(**moments, mode=dialect["mode"], fee=dialect["fee"])
        _export(query, path)
        duck.execute(f"CREATE TABLE {table} ({columns})")
        duck.execute(
            f"INSERT INTO {table} SELECT * FROM read_csv(?, header = false, "
            f"columns = {_duck_columns(columns)}, nullstr = '')",
            [str(path)],
        )
        path.unlink()
    return duck


def _duck_columns(columns: str) -> str:
    pairs = [column.strip().split(" ", 1) for column in columns.split(",")]
    return "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in pairs) + "}"


def _export(query: str, path: Path) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with (
                path.open("wb") as out,
                cursor.cursor.copy(f"COPY ({query}) TO STDOUT WITH (FORMAT csv)") as copy,
            ):
                for block in copy:
                    out.write(block)
            return
        cursor.execute(query)
        with path.open("w", newline="") as out:
            writer = csv.writer(out)
            while rows := cursor.fetchmany(10_000):
                writer.writerows(
                    [
                        "" if v is None else ("true" if v is True else "false" if v is False else v)
                        for v in row
                    ]
                    for row in rows
                )


def duckdb_figures(duck: object, day_from: date, day_to: date) -> Figures:
    """The page by DuckDB over the exported rows (the scan's six queries in its dialect)."""
    start = datetime.combine(day_from, datetime.min.time())
    end = datetime.combine(day_to + timedelta(days=1), datetime.min.time())
    figures: Figures = {}
    for sql, names in DUCK_SQL:
        for agency, month, *values in duck.execute(sql, [start, end]).fetchall():
            figures.setdefault((agency, _as_date(month)), {}).update(
                zip(names, values, strict=True)
            )
    return _keep(figures)


# --- for the record: a monthly table per agency ------------------------------------------

ROLLUP_SUMS = (
    "received",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "rejected",
    "returned",
    "withdrawn",
    "apologies",
    "apologies_timely",
    "fee_bearing",
    "paid",
    "paid_online",
)


def rollup_build() -> dict:
    """Roll the daily counters up into what this page needs and no more: per resolving agency
    and month, by channel and online mode, with the month's distinct procedures used online
    and paid online counted at roll-up time (a distinct count cannot be summed later), and
    the ratings per agency and month. What a monthly table kept beside the daily one — by the
    services' bumps or a nightly job — would hold. PostgreSQL only (the benchmark's
    database). Returns its rows and the seconds it took from the daily tables."""
    started = time.perf_counter()
    sums = ", ".join(f"SUM({name}) AS {name}" for name in ROLLUP_SUMS)
    offered = "online_mode IN ('partial', 'full')"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_monthly_stat, bench_monthly_rating")
        cursor.execute(
            "CREATE TABLE bench_monthly_stat AS SELECT resolving_agency_id, "
            "date_trunc('month', day)::date AS month, channel, online_mode, "
            f"{sums}, 0 AS online_procedures, 0 AS online_paid_procedures "
            "FROM dossiers_dossierdailystat GROUP BY 1, 2, 3, 4"
        )
        # The distinct counts ride on one row of each agency and month (channel '').
        cursor.execute(
            "INSERT INTO bench_monthly_stat (resolving_agency_id, month, channel, online_mode, "
            f"{', '.join(ROLLUP_SUMS)}, online_procedures, online_paid_procedures) "
            "SELECT resolving_agency_id, date_trunc('month', day)::date, '', '', "
            f"{', '.join('0' for _ in ROLLUP_SUMS)}, "
            f"COUNT(DISTINCT procedure_id) FILTER (WHERE {offered} AND channel = 'online' "
            "AND received > 0), COUNT(DISTINCT procedure_id) FILTER (WHERE paid_online > 0) "
            "FROM dossiers_dossierdailystat GROUP BY 1, 2"
        )
        cursor.execute("CREATE INDEX ON bench_monthly_stat (month)")
        cursor.execute(
            "CREATE TABLE bench_monthly_rating AS SELECT resolving_agency_id, "
            "date_trunc('month', day)::date AS month, SUM(very_satisfied) AS very_satisfied, "
            "SUM(satisfied) AS satisfied, SUM(not_satisfied) AS not_satisfied "
            "FROM satisfaction_satisfactiondailystat GROUP BY 1, 2"
        )
        cursor.execute("ANALYZE bench_monthly_stat")
        cursor.execute("ANALYZE bench_monthly_rating")
        cursor.execute("SELECT COUNT(*) FROM bench_monthly_stat")
        rows = cursor.fetchone()[0]
    return {"rows": rows, "seconds": round(time.perf_counter() - started, 1)}


def rollup_figures(day_from: date, day_to: date) -> Figures:
    """The page from the monthly table (whole months only): two queries."""
    offered = "online_mode IN ('partial', 'full')"
    sql = (
        "SELECT resolving_agency_id, month, SUM(received), "
        f"SUM(received) FILTER (WHERE {offered}), "
        f"SUM(received) FILTER (WHERE {offered} AND channel = 'online'), "
        "SUM(received) FILTER (WHERE online_mode = 'full'), "
        "SUM(received) FILTER (WHERE online_mode = 'full' AND channel = 'online'), "
        "SUM(received) FILTER (WHERE channel = 'postal'), "
        "SUM(online_procedures), SUM(online_paid_procedures), "
        + ", ".join(f"SUM({name})" for name in ROLLUP_SUMS[1:])
        + " FROM bench_monthly_stat WHERE month >= %s AND month <= %s GROUP BY 1, 2"
    )
    names = (
        "received",
        "received_online_offered",
        "online",
        "received_full_process",
        "online_full_process",
        "postal",
        "online_procedures",
        "online_paid_procedures",
        *ROLLUP_SUMS[1:],
    )
    figures: Figures = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [day_from, day_to])
        for agency, month, *values in cursor.fetchall():
            figures[(agency, _as_date(month))] = dict(zip(names, values, strict=True))
        cursor.execute(
            "SELECT resolving_agency_id, month, very_satisfied, satisfied, not_satisfied "
            "FROM bench_monthly_rating WHERE month >= %s AND month <= %s",
            [day_from, day_to],
        )
        for agency, month, *values in cursor.fetchall():
            figures.setdefault((agency, _as_date(month)), {}).update(
                zip(("very_satisfied", "satisfied", "not_satisfied"), values, strict=True)
            )
    return _keep(figures)


# --- agreement and timing ---------------------------------------------------------------


def disagreements(reference: Figures, other: Figures) -> list[tuple]:
    """Every (agency, month, figure) where two sources differ, with both values."""
    found = []
    for key in sorted(set(reference) | set(other)):
        a, b = reference.get(key, {}), other.get(key, {})
        for name in FIGURES:
            if a.get(name, 0) != b.get(name, 0):
                found.append((key[0], key[1].isoformat(), name, a.get(name, 0), b.get(name, 0)))
    return found


def figure_count(figures: Figures) -> int:
    return sum(len(row) for row in figures.values())


def timed(function: Callable[[], Figures], rounds: int) -> tuple[Figures, list[float]]:
    """One warm-up call, then ``rounds`` timed calls (milliseconds); the last figures."""
    figures = function()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        figures = function()
        times.append((time.perf_counter() - started) * 1000)
    return figures, times


SOURCES: dict[str, Callable[[date, date], Figures]] = {"summary": summary_figures}


def explain_summary(day_from: date, day_to: date) -> str:
    """EXPLAIN ANALYZE of the summary's biggest query: its profile when it misses."""
    rows = (
        DossierDailyStat.objects.filter(day__gte=day_from, day__lte=day_to)
        .values("resolving_agency_id", month=TruncMonth("day"))
        .annotate(n=Sum("received"), p=Count("procedure_id", distinct=True))
    )
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(line for (line,) in cursor.fetchall())


def measure(rounds: int, today: date | None = None) -> dict:
    day_from, day_to = year_before(today or datetime.now(VN_TZ).date())
    result: dict = {"from": day_from.isoformat(), "to": day_to.isoformat(), "rounds": rounds}
    with connection.cursor() as cursor:
        for table in ("dossiers_dossierdailystat", "satisfaction_satisfactiondailystat"):
            cursor.execute(
                f"SELECT COUNT(*) FROM {table} WHERE day >= %s AND day <= %s", [day_from, day_to]
            )
            result[f"{table}_rows_in_period"] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT COUNT(*) FROM dossiers_dossier WHERE received_at >= %s AND received_at < %s",
            list(_bounds(day_from, day_to)),
        )
        result["dossiers_received_in_period"] = cursor.fetchone()[0]
    sources: dict[str, Figures] = {}
    for name, function in SOURCES.items():
        sources[name], result[f"{name}_ms"] = timed(lambda f=function: f(day_from, day_to), rounds)
    # The scan reads whole tables: one warm-up (it also sets the rows' hint bits) and two runs.
    sources["scan"], result["scan_ms"] = timed(lambda: scan_figures(day_from, day_to), 2)
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        duck = duckdb_load(Path(directory))
        result["duckdb_load_s"] = round(time.perf_counter() - started, 1)
        sources["duckdb"], result["duckdb_ms"] = timed(
            lambda: duckdb_figures(duck, day_from, day_to), rounds
        )
    reference = sources["scan"]
    result["figures"] = figure_count(reference)
    result["cells"] = len(reference)
    result["agencies"] = len({agency for agency, _ in reference})
    result["disagreements"] = {
        name: disagreements(reference, figures)[:20]
        for name, figures in sources.items()
        if name != "scan"
    }
    result["disagreement_count"] = {
        name: len(disagreements(reference, figures))
        for name, figures in sources.items()
        if name != "scan"
    }
    if connection.vendor == "postgresql":
        result["summary_explain"] = explain_summary(day_from, day_to)
        result["rollup"] = rollup_build()
        rollup, result["rollup_ms"] = timed(lambda: rollup_figures(day_from, day_to), rounds)
        result["disagreement_count"]["rollup"] = len(disagreements(reference, rollup))
    for name in [*SOURCES, "scan", "duckdb", *(["rollup"] if "rollup_ms" in result else [])]:
        result[f"{name}_median_ms"] = round(statistics.median(result[f"{name}_ms"]), 1)
    return result


if __name__ == "__main__":
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    Path(sys.argv[1]).write_text(json.dumps(measure(rounds), default=str))
