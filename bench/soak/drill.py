"""The soak and overload drills, run inside the production shape (scripts/soak.sh).

``python bench/soak/drill.py soak`` — the mix of bench/soak/locustfile.py at ``SOAK_RATE``
requests per second for ``SOAK_MINUTES``; the web workers' resident memory sampled every
``SOAK_SAMPLE_SECONDS``. Prints p50/p99 per route, the errors (must be 0) and the memory
slope (MB per hour, least squares over the samples after ``SOAK_WARMUP_MINUTES``).

``python bench/soak/drill.py overload`` — the visitors' mix (anonymous: the part a surge
hits), stepped up by ``CAPACITY_STEP`` requests per second every ``CAPACITY_STEP_SECONDS``
until the p99 breaks (over ``CAPACITY_P99_MS``, or fewer answers than asked, or errors): the
capacity is the last rate before. Then ``OVERLOAD_FACTOR`` (3) × capacity for
``OVERLOAD_SECONDS``, then back to a third of capacity for ``RECOVERY_SECONDS``: the share of
429/503, their p99, the p99 of the requests accepted, and the seconds after the burst until
every request of a 5-second window succeeds with a p99 within 2× the p99 before the burst.

Both read the stack from scripts/serve_prod.sh --run (CCHC_PROD_URL, CCHC_PROD_GUNICORN_PID)
and write their figures as JSON into ``SOAK_OUT`` (default var/soak/<drill>.json). The exit
status is 1 when a bound is broken (soak: an error; overload: a request over 60 s, a 5xx other
than 503, no recovery).
"""

from __future__ import annotations

import csv
import json
import math
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from mix import plan

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = ROOT / "bench/soak/locustfile.py"
BIN = Path(sys.executable).parent


def env_float(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (``q`` in 0–100) of ``values``; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def slope_per_hour(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) samples, in MB per hour."""
    if len(samples) < 2:
        return math.nan
    xs = [t for t, _ in samples]
    ys = [v for _, v in samples]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return math.nan
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx * 3600


def workers(master: int) -> list[int]:
    """The gunicorn master's children (its workers)."""
    children: list[int] = []
    for task in Path(f"/proc/{master}/task").glob("*/children"):
        children += [int(p) for p in task.read_text().split()]
    return sorted(children)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def world(work: Path) -> Path:
    out = work / "world.json"
    subprocess.run([sys.executable, str(ROOT / "bench/soak/world.py"), str(out)], check=True)
    return out


def locust(
    work: Path,
    world_file: Path,
    trace: Path,
    *,
    users: int = 0,
    minutes: float = 0,
    rate: float = 0,
    shape: str = "",
    classes: tuple[str, ...] = (),
) -> subprocess.Popen:
    """Start locust headless; every request is traced into ``trace`` (locustfile.py)."""
    env = {
        **os.environ,
        "SOAK_WORLD": str(world_file),
        "SOAK_TRACE": str(trace),
        "SOAK_RATE": str(rate) if rate else "0",
        "SOAK_SHAPE": shape,
    }
    command = [
        str(BIN / "locust"),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        os.environ["CCHC_PROD_URL"],
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "5",
        "--csv",
        str(work / "locust"),
    ]
    if not shape:
        command += ["-u", str(users), "-r", "2", "-t", f"{int(minutes * 60)}s"]
    command += list(classes)
    log = (work / "locust.log").open("a")
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)


def read_trace(trace: Path) -> list[dict]:
    rows = []
    with trace.open() as f:
        for row in csv.reader(f):
            t, name, status, ms, ok = row
            rows.append(
                {
                    "t": float(t),
                    "name": name,
                    "status": int(status),
                    "ms": float(ms),
                    "ok": ok == "1",
                }
            )
    return rows


def soak(work: Path, out: Path) -> int:
    minutes = env_float("SOAK_MINUTES", 60)
    rate = env_float("SOAK_RATE", 35)
    every = env_float("SOAK_SAMPLE_SECONDS", 10)
    warmup = env_float("SOAK_WARMUP_MINUTES", min(5.0, minutes / 4))
    master = int(os.environ["CCHC_PROD_GUNICORN_PID"])
    world_file = world(work)
    trace = work / "trace.csv"
    users = plan(rate)
    print(f"soak: {rate:g} requests/s for {minutes:g} min; users {users}", flush=True)
    before = load_average()
    started = time.time()
    process = locust(work, world_file, trace, users=sum(users.values()), minutes=minutes, rate=rate)
    samples: list[dict] = []
    loads: list[list[float]] = []
    while process.poll() is None:
        now = time.time() - started
        pids = workers(master)
        samples.append({"t": round(now, 1), "rss": {str(p): round(rss_mb(p), 1) for p in pids}})
        loads.append(load_average())
        time.sleep(every)
    took = time.time() - started
    after = load_average()
    rows = read_trace(trace)
    routes: dict[str, dict] = {}
    for row in rows:
        r = routes.setdefault(row["name"], {"ms": [], "errors": 0, "statuses": {}})
        r["ms"].append(row["ms"])
        r["errors"] += not row["ok"]
        r["statuses"][str(row["status"])] = r["statuses"].get(str(row["status"]), 0) + 1
    table = {
        name: {
            "requests": len(r["ms"]),
            "p50_ms": round(percentile(r["ms"], 50), 1),
            "p99_ms": round(percentile(r["ms"], 99), 1),
            "errors": r["errors"],
            "statuses": r["statuses"],
        }
        for name, r in sorted(routes.items())
    }
    everything = [row["ms"] for row in rows]
    errors = sum(not row["ok"] for row in rows)
    pids = sorted({p for s in samples for p in s["rss"]})
    restarted = any(set(s["rss"]) != set(samples[0]["rss"]) for s in samples) if samples else True
    slopes = {
        p: round(
            slope_per_hour(
                [(s["t"], s["rss"][p]) for s in samples if s["t"] >= warmup * 60 and p in s["rss"]]
            ),
            2,
        )
        for p in pids
    }
    total = [(s["t"], sum(s["rss"].values())) for s in samples if s["t"] >= warmup * 60]
    # The second half alone: a slope that falls from the first half to the second is caches
    # filling up; one that holds is a leak.
    late = total[len(total) // 2 :]
    result = {
        "drill": "soak",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "minutes": round(took / 60, 1),
        "rate_asked": rate,
        "rate_served": round(len(rows) / took, 1),
        "users": users,
        "requests": len(rows),
        "errors": errors,
        "p50_ms": round(percentile(everything, 50), 1),
        "p99_ms": round(percentile(everything, 99), 1),
        "routes": table,
        "workers": pids,
        "workers_restarted": restarted,
        "rss_first_mb": samples[0]["rss"] if samples else {},
        "rss_last_mb": samples[-1]["rss"] if samples else {},
        "slope_mb_per_hour": slopes,
        "slope_total_mb_per_hour": round(slope_per_hour(total), 2),
        "slope_total_second_half_mb_per_hour": round(slope_per_hour(late), 2),
        "samples": len(samples),
        "rss_samples": samples,
        "warmup_minutes": warmup,
        "load_average_before": before,
        "load_average_after": after,
        "load_average_1min_mean": round(statistics.fmean(x[0] for x in loads), 2)
        if loads
        else None,
        "cpus": os.cpu_count(),
    }
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print_soak(result)
    return 0 if errors == 0 and len(rows) > 0 and process.returncode in (0, 1) else 1


def print_soak(r: dict) -> None:
    print(
        f"\nsoak {r['date']}: {r['minutes']} min at {r['rate_served']} requests/s "
        f"(asked {r['rate_asked']:g}); {r['requests']} requests, {r['errors']} errors; "
        f"p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms"
    )
    print(f"{'route':38} {'requests':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, row in r["routes"].items():
        print(
            f"{name:38} {row['requests']:>9} {row['p50_ms']:>8} {row['p99_ms']:>8} "
            f"{row['errors']:>7}"
        )
    print(
        f"web workers' memory (MB): first {r['rss_first_mb']}, last {r['rss_last_mb']}; "
        f"slope after {r['warmup_minutes']:g} min warm-up: {r['slope_mb_per_hour']} MB/h "
        f"per worker, {r['slope_total_mb_per_hour']} MB/h together, "
        f"{r['slope_total_second_half_mb_per_hour']} MB/h over the second half "
        f"({r['samples']} samples"
        f"{'; a worker was replaced' if r['workers_restarted'] else ''})"
    )
    print(
        f"load average before {r['load_average_before']}, after {r['load_average_after']}, "
        f"1-min mean during {r['load_average_1min_mean']} ({r['cpus']} CPUs)"
    )


def phase_rows(rows: list[dict], start: float, end: float) -> list[dict]:
    return [r for r in rows if start <= r["t"] < end]


def capacity(work: Path, world_file: Path) -> tuple[float, list[dict], float]:
    """Step the visitors' rate up until the p99 breaks; (capacity, steps, baseline p99)."""
    step = env_float("CAPACITY_STEP", 5)
    seconds = env_float("CAPACITY_STEP_SECONDS", 30)
    limit = env_float("CAPACITY_P99_MS", 2000)
    top = env_float("CAPACITY_MAX", 200)
    steps: list[dict] = []
    best = 0.0
    rate = step
    while rate <= top:
        trace = work / f"capacity-{rate:g}.csv"
        process = locust(work, world_file, trace, shape=f"{rate}:{seconds}", classes=("Visitor",))
        process.wait()
        rows = read_trace(trace)
        # The first quarter is the ramp: users start spread over a second or two.
        t0 = min(r["t"] for r in rows) if rows else 0
        settled = phase_rows(rows, t0 + seconds / 4, t0 + seconds)
        served = len(settled) / (seconds * 3 / 4)
        p99 = percentile([r["ms"] for r in settled], 99)
        errors = sum(not r["ok"] for r in settled)
        broken = p99 > limit or served < 0.9 * rate or errors > 0
        steps.append(
            {
                "asked": rate,
                "served": round(served, 1),
                "p99_ms": round(p99, 1),
                "errors": errors,
                "load_average": load_average(),
            }
        )
        print(
            f"  capacity step {rate:g}/s: served {served:.1f}/s, p99 {p99:.0f} ms, {errors} errors",
            flush=True,
        )
        if broken:
            break
        best = rate
        rate += step
    baseline = steps[0]["p99_ms"] if steps else math.nan
    return best, steps, baseline


def overload(work: Path, out: Path) -> int:
    world_file = world(work)
    before = load_average()
    measured = env_float("OVERLOAD_CAPACITY", 0)
    steps: list[dict] = []
    if measured:
        baseline = env_float("OVERLOAD_BASELINE_P99_MS", 200)
    else:
        print("capacity (visitors' mix, p99 ≤ CAPACITY_P99_MS):", flush=True)
        measured, steps, baseline = capacity(work, world_file)
    if measured <= 0:
        print("capacity: not even the first step held", file=sys.stderr)
        return 1
    factor = env_float("OVERLOAD_FACTOR", 3)
    burst_s = env_float("OVERLOAD_SECONDS", 60)
    calm_s = env_float("RECOVERY_SECONDS", 60)
    burst_rate, calm_rate = factor * measured, measured / 3
    print(
        f"overload: {burst_rate:g}/s for {burst_s:g} s, then {calm_rate:g}/s for {calm_s:g} s",
        flush=True,
    )
    trace = work / "overload.csv"
    started = time.time()
    process = locust(
        work,
        world_file,
        trace,
        shape=f"{burst_rate}:{burst_s},{calm_rate}:{calm_s}",
        classes=("Visitor",),
    )
    process.wait()
    rows = read_trace(trace)
    t_start = min((r["t"] for r in rows), default=started)
    burst_end = t_start + burst_s
    burst = phase_rows(rows, t_start + 5, burst_end)  # past the ramp
    shed = [r for r in burst if r["status"] in (429, 503)]
    accepted = [r for r in burst if r["ok"]]
    other = [r for r in burst if not r["ok"] and r["status"] not in (429, 503)]
    # Recovery: from the burst's end, 1-second steps; recovered when a 5-second window of
    # the calm phase has only successes and a p99 within 2× the baseline.
    calm = phase_rows(rows, burst_end, burst_end + calm_s + 10)
    recovered_after = None
    for offset in range(int(calm_s) - 4):
        window = phase_rows(calm, burst_end + offset, burst_end + offset + 5)
        if (
            window
            and all(r["ok"] for r in window)
            and percentile([r["ms"] for r in window], 99) <= max(2 * baseline, 50)
        ):
            recovered_after = offset
            break
    slowest = max((r["ms"] for r in burst), default=math.nan)
    result = {
        "drill": "overload",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "capacity_per_s": measured,
        "capacity_steps": steps,
        "capacity_p99_limit_ms": env_float("CAPACITY_P99_MS", 2000),
        "baseline_p99_ms": baseline,
        "burst_rate_asked": burst_rate,
        "burst_rate_served": round(len(burst) / (burst_s - 5), 1),
        "burst_requests": len(burst),
        "shed_share": round(len(shed) / len(burst), 3) if burst else None,
        "shed_statuses": {str(s): sum(r["status"] == s for r in shed) for s in (429, 503)},
        "shed_p99_ms": round(percentile([r["ms"] for r in shed], 99), 1),
        "accepted_p99_ms": round(percentile([r["ms"] for r in accepted], 99), 1),
        "accepted_p50_ms": round(percentile([r["ms"] for r in accepted], 50), 1),
        "other_failures": len(other),
        "other_statuses": sorted({r["status"] for r in other}),
        "slowest_ms": round(slowest, 1),
        "recovery_seconds": recovered_after,
        "calm_rate": calm_rate,
        "calm_p99_ms": round(percentile([r["ms"] for r in calm], 99), 1),
        "load_average_before": before,
        "load_average_after": load_average(),
        "cpus": os.cpu_count(),
    }
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(
        json.dumps(
            {k: v for k, v in result.items() if k != "capacity_steps"}, ensure_ascii=False, indent=1
        )
    )
    ok = recovered_after is not None and not other and slowest < 60_000
    return 0 if ok else 1


def main() -> int:
    drill = sys.argv[1] if len(sys.argv) > 1 else ""
    if drill not in ("soak", "overload"):
        print("usage: drill.py soak|overload", file=sys.stderr)
        return 2
    work = Path(os.environ.get("CCHC_PROD_RUN_DIR", "/tmp")) / f"drill-{drill}"
    work.mkdir(parents=True, exist_ok=True)
    out = Path(os.environ.get("SOAK_OUT", ROOT / f"var/soak/{drill}.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    return soak(work, out) if drill == "soak" else overload(work, out)


if __name__ == "__main__":
    sys.exit(main())
