"""The figures of one ``make bench`` run: a table on stdout, and the generated part of
docs/performance.md (between its ``bench:begin`` and ``bench:end`` markers; the text around
them is written by hand and kept).

``python bench/report.py WORK_DIR DOC [--load-before …] [--pg-version …] …`` reads what
bench/run.sh left in WORK_DIR (JSON lines of wrk, the loader and the bare loop; the profiles).
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
INTAKE_TARGET = 0.25
LOOKUP_TARGET = 1.5


def _json(path: Path) -> dict:
    text = path.read_text().strip()
    if not text:
        raise SystemExit(f"{path.name} is empty: the measurement did not finish")
    return json.loads(text.splitlines()[-1])


def _rounds(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _median(rounds: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rounds)


def _version(*command: str) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def machine(args: argparse.Namespace) -> list[str]:
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
    return [
        f"- date: {datetime.now().astimezone():%d/%m/%Y %H:%M %Z}",
        f"- machine: {os.cpu_count()} CPUs ({cpu}), {mem_kb / 1024 / 1024:.0f} GiB RAM; "
        f"load average (1, 5, 15 min) before the run: {args.load_before}, after: "
        f"{args.load_after}",
        f"- PostgreSQL {args.pg_version} (fsync, synchronous_commit, full_page_writes on; "
        "shared_buffers 1 GB), redis-server {}".format(
            _version("redis-server", "--version").split(" v=")[-1].split()[0]
        ),
        f"- Python {platform.python_version()}, "
        f"gunicorn {_version(str(py / 'gunicorn'), '--version').split()[-1].strip(')')}, "
        f"granian {_version(str(py / 'granian'), '--version').split()[-1]}, wrk on loopback "
        "(the same 2 CPUs as the servers and the database)",
    ]


def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**MISS**"


def build(work: Path, args: argparse.Namespace) -> tuple[str, list[str]]:
    load = _json(work / "load.json")
    bare = _json(work / "bare.json")
    intake = _json(work / "intake.json")
    reference = _rounds(work / "lookup-reference.jsonl")
    real = _rounds(work / "lookup-real.jsonl")
    real_sync = _rounds(work / "lookup-real-gunicorn.jsonl")
    intake_rps = intake["rps"]
    intake_ratio = intake_rps / bare["rows_per_s"]
    ref_rps, real_rps = _median(reference, "rps"), _median(real, "rps")
    ref_p99, real_p99 = _median(reference, "p99_ms"), _median(real, "p99_ms")
    lookup_ratio = real_rps / ref_rps
    intake_ok = intake_ratio >= INTAKE_TARGET and intake["unexpected"] == 0
    lookup_ok = (
        lookup_ratio >= LOOKUP_TARGET
        and real_p99 <= ref_p99
        and all(r["unexpected"] == 0 for r in real + reference)
    )
    table = [
        "| measurement | figure | yardstick | ratio | target | result |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| intake `POST /api/v1/dossiers` (gunicorn, 2 sync workers, 2 clients) "
        f"| {intake_rps:,.0f} dossiers/s (p50 {intake['p50_ms']:.1f} ms, "
        f"p99 {intake['p99_ms']:.1f} ms; "
        f"{intake['unexpected']} answers not 201) "
        f"| bare psycopg loop: {bare['rows_per_s']:,.0f} rows/s (2 clients, one row per "
        f"transaction) | {intake_ratio:.1%} | ≥ 25 % | {verdict(intake_ok)} |",
        f"| public lookup, throughput (granian, 2 workers; {args.lookup_connections} wrk "
        f"connections) | {real_rps:,.0f} req/s | reference view (gunicorn, 2 sync workers): "
        f"{ref_rps:,.0f} req/s | {lookup_ratio:.2f}× | ≥ 1.5× | "
        f"{verdict(lookup_ratio >= LOOKUP_TARGET)} |",
        f"| public lookup, p99 latency | {real_p99:.1f} ms | reference: {ref_p99:.1f} ms "
        f"| {real_p99 / ref_p99:.2f}× | ≤ 1× | {verdict(real_p99 <= ref_p99)} |",
        f"| (for the record) the same lookup on the reference's server, gunicorn 2 sync "
        f"workers | {_median(real_sync, 'rps'):,.0f} req/s, p99 "
        f"{_median(real_sync, 'p99_ms'):.1f} ms | reference | "
        f"{_median(real_sync, 'rps') / ref_rps:.2f}× | — | — |",
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
    rounds.append("")
    rounds.append(
        f"Answers other than 200 during the lookup rounds: {bad}. Data: "
        f"{load['dossiers']:,} dossiers and {load['events']:,} receive events loaded with COPY "
        f"in {load['copy_seconds']:.0f} s, indexes rebuilt and ANALYZE in "
        f"{load['index_analyze_seconds']:.0f} s; each measurement {args.seconds} s after a "
        "3 s warm-up."
    )
    lines = [
        BEGIN,
        "",
        "## Latest run",
        "",
        *machine(args),
        "",
        *table,
        *rounds,
        "",
        "### Intake profile (in process, the same database)",
        "",
        (work / "intake-profile.md").read_text().strip(),
        "",
        "### Public lookup profile (the fast path in process, no HTTP server)",
        "",
        (work / "lookup-profile.md").read_text().strip(),
        "",
        END,
    ]
    summary = [
        f"intake: {intake_rps:,.0f}/s vs bare {bare['rows_per_s']:,.0f}/s = {intake_ratio:.1%} "
        f"(target 25 %) {'PASS' if intake_ok else 'MISS'}",
        f"lookup: {real_rps:,.0f} req/s p99 {real_p99:.1f} ms vs reference {ref_rps:,.0f} req/s "
        f"p99 {ref_p99:.1f} ms = {lookup_ratio:.2f}× (target 1.5×, p99 ≤ reference) "
        f"{'PASS' if lookup_ok else 'MISS'}",
    ]
    return "\n".join(lines), [*table, *rounds[1:], "", *summary]


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
