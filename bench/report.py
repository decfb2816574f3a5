"""The figures of one ``make bench`` run: a table on stdout, and the generated part of
docs/performance.md (between its ``bench:begin`` and ``bench:end`` markers; the text around
them is written by hand and kept).

``python bench/report.py WORK_DIR DOC [--load-before …] [--pg-version …] …`` reads what
bench/run.sh left in WORK_DIR (JSON of the loader, the yardsticks, the dashboard, the intake
loops, wrk, the due moments, the memory; the profiles).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import datetime
from pathlib import Path

BEGIN = "<!-- bench:begin (written by bench/run.sh; edit outside these markers) -->"
END = "<!-- bench:end -->"
TARGETS = {
    "loader": 0.5,  # of plain COPY's rows/s
    "page_ms": 100.0,
    "scan": 100.0,  # times faster than the scan
    "duckdb": 20.0,  # times faster than DuckDB
    "intake": 0.5,  # of the pipelined bare loop
    "lookup": 1.5,
    "due": 20.0,  # at most times numpy's per-date time
    "recompute_s": 60.0,
    "worker_mb": 150.0,
    "loader_mb": 1024.0,
}


def _json(path: Path) -> dict:
    text = path.read_text().strip()
    if not text:
        raise SystemExit(f"{path.name} is empty: the measurement did not finish")
    return json.loads(text.splitlines()[-1])


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _median(rounds: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rounds)


def _version(*command: str) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _mb(value: float) -> str:
    return f"{value:,.0f} MB"


def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**MISS**"


def machine(args: argparse.Namespace, total: dict, phases: list[dict]) -> list[str]:
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    py = Path(sys.executable).parent
    import duckdb
    import numpy

    took = ", ".join(f"{p['phase'].replace('_', ' ')} {p['seconds'] / 60:.1f}" for p in phases)
    return [
        f"- date: {datetime.now().astimezone():%d/%m/%Y %H:%M %Z}; `make bench` took "
        f"{total['total_seconds'] / 60:.0f} minutes (by phase, minutes: {took})",
        f"- machine: {os.cpu_count()} CPUs ({cpu}), {mem_kb / 1024 / 1024:.0f} GiB RAM; "
        f"load average (1, 5, 15 min) before the run: {args.load_before}, after: "
        f"{args.load_after}",
        f"- PostgreSQL {args.pg_version} (fsync, synchronous_commit, full_page_writes on; "
        "shared_buffers 2 GB, work_mem 64 MB), redis-server {}".format(
            _version("redis-server", "--version").split(" v=")[-1].split()[0]
        ),
        f"- Python {platform.python_version()}, "
        f"gunicorn {_version(str(py / 'gunicorn'), '--version').split()[-1].strip(')')}, "
        f"granian {_version(str(py / 'granian'), '--version').split()[-1]}, DuckDB "
        f"{duckdb.__version__}, numpy {numpy.__version__}; wrk on loopback (the same 2 CPUs "
        "as the servers and the database)",
    ]


def build(work: Path, args: argparse.Namespace) -> tuple[str, list[str]]:
    load = _json(work / "load.json")
    copy = _json(work / "copy.json")
    dash = json.loads((work / "dashboard.json").read_text())
    bare = {row["mode"]: row for row in _lines(work / "bare.jsonl")}
    intake = _json(work / "intake.json")
    reference = _lines(work / "lookup-reference.jsonl")
    real = _lines(work / "lookup-real.jsonl")
    real_sync = _lines(work / "lookup-real-gunicorn.jsonl")
    due = json.loads((work / "due.json").read_text())
    rss = _lines(work / "rss.jsonl")
    sizes = json.loads((work / "sizes.json").read_text())
    total = _json(work / "total.json")
    phases = _lines(work / "phases.jsonl")

    rows = []
    outcome: dict[str, bool] = {}

    def line(name: str, figure: str, yardstick: str, ratio: str, target: str, ok: bool | None):
        if ok is not None:
            outcome[name] = ok
        rows.append(
            f"| {name} | {figure} | {yardstick} | {ratio} | {target} | "
            f"{'—' if ok is None else verdict(ok)} |"
        )

    # --- the bulk load
    ratio = copy["ratio"]
    line(
        f"bulk load, rows/s ({load['streams']} streams generating every row in Python)",
        f"{_n(load['rows_per_s'])} rows/s ({_n(load['rows_total'])} rows in "
        f"{load['copy_seconds'] / 60:.1f} min)",
        f"plain COPY from a file, 1 stream: {_n(copy['plain_rows_per_s'])} rows/s",
        f"{ratio:.0%}",
        "≥ 50 %",
        ratio >= TARGETS["loader"],
    )
    line(
        "(for the record) the whole load",
        f"{load['seconds'] / 60:.1f} min: COPY {load['copy_seconds'] / 60:.1f}, counters "
        f"{load['counters_seconds'] / 60:.1f}, {load['indexes_rebuilt']} indexes "
        f"{load['index_seconds'] / 60:.1f}, ANALYZE {load['analyze_seconds'] / 60:.1f}",
        "—",
        "—",
        "—",
        None,
    )
    # --- the dashboard
    page = dash["summary_median_ms"]
    scan, duck = dash["scan_median_ms"], dash["duckdb_median_ms"]
    cells = f"{dash['agencies']} agencies × 12 months, {_n(dash['figures'])} figures"
    line(
        f"province dashboard page from the summary tables ({cells})",
        f"{page:,.1f} ms",
        "—",
        "—",
        "≤ 100 ms",
        page <= TARGETS["page_ms"],
    )
    line(
        "the same page vs GROUP BY over the rows",
        f"{page:,.1f} ms",
        f"scan: {scan:,.0f} ms",
        f"{scan / page:,.1f}×",
        "≥ 100×",
        scan / page >= TARGETS["scan"],
    )
    line(
        "the same page vs DuckDB over the same rows",
        f"{page:,.1f} ms",
        f"DuckDB: {duck:,.1f} ms",
        f"{duck / page:,.2f}×",
        "≥ 20×",
        duck / page >= TARGETS["duckdb"],
    )
    differences = dash["disagreement_count"]
    agree = differences.get("summary", 1) == 0 and differences.get("duckdb", 1) == 0
    line(
        "agreement, figure by figure (summary tables, scan, DuckDB)",
        f"{_n(dash['figures'])} figures compared",
        "the scan",
        f"{differences.get('summary')} and {differences.get('duckdb')} differences",
        "0",
        agree,
    )
    if "rollup_median_ms" in dash:
        line(
            "(for the record) the page from a monthly table per agency (by channel and online "
            "mode, the month's distinct procedures counted when rolled up; bench-built from the "
            "daily one)",
            f"{dash['rollup_median_ms']:,.1f} ms ({_n(dash['rollup']['rows'])} rows, built in "
            f"{dash['rollup']['seconds']} s; {differences.get('rollup')} differences)",
            f"scan {scan / dash['rollup_median_ms']:,.0f}×, DuckDB "
            f"{duck / dash['rollup_median_ms']:,.1f}×",
            "—",
            "—",
            None,
        )
    # --- intake
    limit = bare["pipelined"]["dossiers_per_s"]
    api = intake["rps"]
    line(
        "intake `POST /api/v1/dossiers` (gunicorn, 2 sync workers, 2 clients)",
        f"{api:,.0f} dossiers/s (p50 {intake['p50_ms']:.1f} ms, p99 {intake['p99_ms']:.1f} ms; "
        f"{intake['unexpected']} answers not 201)",
        f"bare psycopg, same rows, one transaction per dossier, reads cached, pipelined "
        f"({bare['pipelined']['round_trips']} round trips): {limit:,.0f}/s",
        f"{api / limit:.0%}",
        "≥ 50 %",
        api / limit >= TARGETS["intake"] and intake["unexpected"] == 0,
    )
    for mode, label in (
        ("statements", "the same 12 statements sent one by one"),
        ("row", "one dossier row per transaction (the first yardstick)"),
    ):
        if mode in bare:
            line(
                f"(for the record) bare loop: {label}",
                f"{bare[mode]['dossiers_per_s']:,.0f}/s",
                "—",
                f"API = {api / bare[mode]['dossiers_per_s']:.0%} of it",
                "—",
                None,
            )
    # --- lookup
    ref_rps, real_rps = _median(reference, "rps"), _median(real, "rps")
    ref_p99, real_p99 = _median(reference, "p99_ms"), _median(real, "p99_ms")
    clean = all(r["unexpected"] == 0 for r in real + reference)
    line(
        f"public lookup, throughput (granian, 2 workers; {args.lookup_connections} connections)",
        f"{real_rps:,.0f} req/s",
        f"reference view (gunicorn, 2 sync workers): {ref_rps:,.0f} req/s",
        f"{real_rps / ref_rps:.2f}×",
        "≥ 1.5×",
        real_rps / ref_rps >= TARGETS["lookup"] and clean,
    )
    line(
        "public lookup, p99 latency",
        f"{real_p99:.1f} ms",
        f"reference: {ref_p99:.1f} ms",
        f"{real_p99 / ref_p99:.2f}×",
        "≤ 1×",
        real_p99 <= ref_p99,
    )
    line(
        "(for the record) the same lookup on gunicorn, 2 sync workers",
        f"{_median(real_sync, 'rps'):,.0f} req/s, p99 {_median(real_sync, 'p99_ms'):.1f} ms",
        "reference",
        f"{_median(real_sync, 'rps') / ref_rps:.2f}×",
        "—",
        None,
    )
    # --- due moments
    core = due["core_vs_numpy"]
    line(
        "due moment in the pure core (`add_working_days`, one call per dossier)",
        f"{core['core_us']:.1f} µs",
        f"numpy.busday_offset over all the dates: {core['numpy_vectorised_us'] * 1000:.0f} ns "
        "per date",
        f"{core['ratio_vectorised']:,.0f}×",
        "≤ 20×",
        core["ratio_vectorised"] <= TARGETS["due"],
    )
    line(
        "(for the record) the same against numpy one call per date; the loader's integer "
        "working time",
        f"{core['core_us']:.1f} µs",
        f"numpy per call {core['numpy_per_call_us']:.1f} µs; bench/worktime.py "
        f"{core['worktime_us']:.1f} µs",
        f"{core['ratio_per_call']:,.1f}×",
        "—",
        None,
    )
    recompute = due["recompute"]
    line(
        f"recompute after a calendar edit: {_n(recompute['dossiers'])} latest dossiers "
        f"({_n(recompute['open'])} open), {_n(recompute['due_moments'])} due moments, the "
        "changed ones written back",
        f"{recompute['total_s']:.0f} s (read {recompute['read_s']:.0f}, compute "
        f"{recompute['compute_s']:.0f}, write {recompute['write_s']:.0f}; "
        f"{_n(recompute['dossiers_changed'])} dossiers and {_n(recompute['steps_changed'])} "
        "steps changed)",
        "—",
        "—",
        "≤ 60 s for 1,000,000",
        recompute["total_s"] <= TARGETS["recompute_s"] and recompute["dossiers"] >= 1_000_000,
    )
    # --- memory
    workers = [(r["server"], mb) for r in rss for mb in r["workers_mb"]]
    biggest = max(mb for _, mb in workers) if workers else 0.0
    line(
        "a web worker's resident memory (largest after its run)",
        f"{_mb(biggest)} ("
        + "; ".join(f"{r['server']}: " + ", ".join(_mb(mb) for mb in r["workers_mb"]) for r in rss)
        + ")",
        "—",
        "—",
        "≤ 150 MB",
        biggest <= TARGETS["worker_mb"],
    )
    line(
        "the loader's resident memory (all its processes, peaks added up)",
        f"{_mb(load['peak_mb'])} (streams {', '.join(_mb(m) for m in load['stream_peak_mb'])})",
        "—",
        "—",
        "≤ 1 GB",
        load["peak_mb"] <= TARGETS["loader_mb"],
    )

    table = [
        "| measurement | figure | yardstick | ratio | target | result |",
        "| --- | --- | --- | --- | --- | --- |",
        *rows,
    ]
    data = [
        "",
        "### The data",
        "",
        f"{_n(load['dossiers'])} dossiers received on the {load['days']} working days from "
        f"{load['first_day']} to {load['last_day']}, {_n(load['rows_total'])} rows in all:",
        "",
        "| table | rows loaded | plain COPY rows/s |",
        "| --- | --- | --- |",
        *(
            f"| {table} | {_n(n)} | {_n(copy['tables'].get(table, {}).get('rows_per_s', 0))} |"
            for table, n in load["rows"].items()
        ),
        *(f"| {table} (counters) | {_n(n)} | — |" for table, n in load["counter_rows"].items()),
        "",
        f"Database size after the run: {sizes['database'] / 1024**3:.1f} GiB; largest tables "
        "(with indexes): "
        + ", ".join(f"{name} {size / 1024**3:.1f} GiB" for name, size in sizes["tables"][:6])
        + ".",
        "",
        f"Dashboard period {dash['from']} – {dash['to']}: "
        f"{_n(dash['dossiers_received_in_period'])} dossiers received, "
        f"{_n(dash['dossiers_dossierdailystat_rows_in_period'])} rows of the daily dossier "
        f"counters and {_n(dash['satisfaction_satisfactiondailystat_rows_in_period'])} of the "
        f"daily rating counters; DuckDB loaded the exported rows in {dash['duckdb_load_s']} s "
        "(not timed). Times are medians of "
        f"{dash['rounds']} runs after a warm-up (the scan: {len(dash['scan_ms'])}).",
    ]
    pages = []
    if (work / "pages.json").exists():
        measured = json.loads((work / "pages.json").read_text())
        pages = [
            "",
            f"### The real pages ({measured['year']}, cold caches)",
            "",
            "Each page of issue 9 as the platform serves it (bench/pages.py: Django's test client,"
            " the whole view, no HTTP server), for the whole year, as the role that opens it;"
            " the public caches emptied before every request. Median of "
            f"{measured['rounds']} requests after a warm-up.",
            "",
            "| page | status | median ms (max) | queries | slowest query ms |",
            "| --- | --- | --- | --- | --- |",
            *(
                f"| {p['page']} | {p['status']} | {p['median_ms']:,.1f} ({p['max_ms']:,.1f}) "
                f"| {p['queries']} | {p['slowest_query_ms']:,.1f} |"
                for p in measured["pages"]
            ),
            "",
            "The slowest query of each page:",
            "",
            *(f"- {p['page']}: `{p['slowest_query']}`" for p in measured["pages"]),
        ]
    rounds = [
        "",
        f"Lookup rounds ({args.rounds} × {args.seconds} s each, alternating; medians above):",
        "",
        "| round | reference req/s (p50 / p99 ms) | real, granian req/s (p50 / p99 ms) "
        "| real, gunicorn req/s (p50 / p99 ms) |",
        "| --- | --- | --- | --- |",
    ]
    for n, sides in enumerate(zip(reference, real, real_sync, strict=True), start=1):
        cells = [f"{r['rps']:,.0f} ({r['p50_ms']:.1f} / {r['p99_ms']:.1f})" for r in sides]
        rounds.append(f"| {n} | " + " | ".join(cells) + " |")
    bad = sum(r["unexpected"] for r in real + reference + real_sync)
    rounds += ["", f"Answers other than 200 during the lookup rounds: {bad}."]
    profiles = [
        "",
        "### Profile of the dashboard's summary query (EXPLAIN ANALYZE)",
        "",
        "```",
        dash.get("summary_explain", "(PostgreSQL only)"),
        "```",
        "",
        "### Profile of a due moment in the core (cProfile, 5,000 calls)",
        "",
        "```",
        core["core_profile"],
        "```",
        "",
        "### Intake profile (in process, the same database)",
        "",
        (work / "intake-profile.md").read_text().strip(),
        "",
        "### Public lookup profile (the fast path in process, no HTTP server)",
        "",
        (work / "lookup-profile.md").read_text().strip(),
    ]
    lines = [
        BEGIN,
        "",
        "## Latest run",
        "",
        *machine(args, total, phases),
        "",
        *table,
        *data,
        *pages,
        *rounds,
        *profiles,
        "",
        END,
    ]
    passed = sum(outcome.values())
    summary = [f"{passed} of {len(outcome)} targets met"] + [
        f"{'PASS' if ok else 'MISS'}  {name}" for name, ok in outcome.items()
    ]
    return "\n".join(lines), [*table, "", *summary]


def write(doc: Path, generated: str) -> None:
    if doc.exists():
        text = doc.read_text()
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            tail = rest.split(END, 1)[1]
            doc.write_text(head + generated + tail)
            return
        doc.write_text(text.rstrip() + "\n\n" + generated + "\n")
        return
    doc.write_text(
        "# Performance\n\nFigures of `make bench` (bench/run.sh).\n\n" + generated + "\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("work", type=Path)
    parser.add_argument("doc")
    parser.add_argument("--load-before", default="?")
    parser.add_argument("--load-after", default="?")
    parser.add_argument("--pg-version", default="?")
    parser.add_argument("--seconds", default="?")
    parser.add_argument("--rounds", default="?")
    parser.add_argument("--lookup-connections", default="?")
    args = parser.parse_args()
    generated, table = build(args.work, args)
    print("\n".join(table))
    if args.doc != "-":
        write(Path(args.doc), generated)
        print(f"\n(written to {args.doc})")


if __name__ == "__main__":
    main()
