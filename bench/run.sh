#!/usr/bin/env bash
# make bench — the figures of docs/performance.md, measured on this machine, in one run, each
# against its yardstick measured in the same run:
#   0. a synthetic province (bench/world.py, bench/province.py) of BENCH_DOSSIERS dossiers
#      with their events, steps, payments, ratings and counters, loaded in bulk
#      (bench/load.py) — against plain COPY of the same rows (bench/copy_baseline.py);
#   1. the province dashboard (every agency × 12 months) from the summary tables — against
#      GROUP BY over the rows and DuckDB over the same rows; the three must agree
#      (bench/dashboard.py);
#   2. intake through the API (gunicorn, 2 sync workers, 2 wrk clients) — against a bare
#      psycopg loop writing the same rows in pipelined round trips (bench/bare_intake.py; the
#      statement-by-statement loop and the one-row loop for the record);
#   3. the public lookup (granian) — against a naive reference view (bench/reference);
#   4. due moments in the pure core — against numpy.busday_offset; then their recompute for
#      the latest dossiers after a calendar edit (bench/due_moments.py);
#   5. memory: the web workers' and the loader's resident sizes;
#   6. the real pages of the dashboards and the public site, cold caches (bench/pages.py).
# Everything runs against its own PostgreSQL with normal durability (fsync and synchronous
# commit on) and its own redis-server. Everything it starts, it stops.
# Knobs: BENCH_DOSSIERS (10000000), BENCH_SECONDS (per measurement, 15), BENCH_ROUNDS (3),
# BENCH_LOOKUP_CONNECTIONS (16), BENCH_RECOMPUTE (min(1000000, dossiers / 10)),
# BENCH_DOC (docs/performance.md; "-" to leave it alone), BENCH_KEEP (1: keep the work dir and
# the stopped database).
set -euo pipefail
cd "$(dirname "$0")/.."

py=$PWD/.venv/bin/python
dossiers=${BENCH_DOSSIERS:-10000000}
seconds=${BENCH_SECONDS:-15}
rounds=${BENCH_ROUNDS:-3}
lookup_connections=${BENCH_LOOKUP_CONNECTIONS:-16}
recompute=${BENCH_RECOMPUTE:-$((dossiers / 10 < 1000000 ? dossiers / 10 : 1000000))}
doc=${BENCH_DOC:-docs/performance.md}
work=$(mktemp -d /tmp/cchc-bench.XXXXXX)
chmod 755 "$work"  # PostgreSQL runs as its own user below it
servers=()  # HTTP servers of the current measurement
redis_pid=""
started_at=$(date +%s)

stop_servers() {
  local pid
  for pid in "${servers[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${servers[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  servers=()
}
cleanup() {
  stop_servers
  if [ -n "$redis_pid" ]; then
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    # The database too, stopped cleanly: a later look at ten million dossiers needs no reload
    # (start it with pg_ctl -D $work/pg/data -o "-p PORT -k $work/pg" start, as postgres).
    local pg_ctl=(/usr/lib/postgresql/15/bin/pg_ctl -D "$work/pg/data" -m fast -w stop)
    if [ "$(id -u)" = 0 ]; then pg_ctl=(runuser -u postgres -- "${pg_ctl[@]}"); fi
    "${pg_ctl[@]}" >/dev/null 2>&1 || true
    echo "work files and the stopped database kept in $work" >&2
  else
    scripts/pg_throwaway.sh stop "$work/pg" >/dev/null 2>&1 || true
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
phase() {  # phase NAME: seconds since the previous phase go to phases.jsonl
  local now
  now=$(date +%s)
  printf '{"phase": "%s", "seconds": %d}\n' "$1" "$((now - phase_at))" >>"$work/phases.jsonl"
  phase_at=$now
}
free_port() { "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() {  # wait until something answers HTTP (any status) on port $1
  "$py" bench/wait_http.py "$1"
}
wrk_json() {  # wrk_json SCRIPT CONNECTIONS SECONDS URL → the script's WRKJSON line
  wrk -t2 -c"$2" -d"$3"s --latency -s "bench/wrk/$1" "$4" | sed -n 's/^WRKJSON //p'
}
rss_json() {  # rss_json NAME PID: the resident memory of a server's processes, one JSON line
  "$py" - "$1" "$2" <<'EOF'
import json, sys
from pathlib import Path
name, master = sys.argv[1], int(sys.argv[2])
def rss(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0
def children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(c) for c in text]
    return found
workers = children(master)
print(json.dumps({"server": name, "master_mb": round(rss(master), 1),
                  "workers_mb": [round(rss(w), 1) for w in workers]}))
EOF
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$(cut -d. -f1 /proc/loadavg)" -ge 1 ]; then
  echo "note: the machine is busy (load average $load_before): figures will be noisy" >&2
fi
phase_at=$(date +%s)
say "PostgreSQL (durable) and redis-server in $work"
export CCHC_PG_DURABLE=1
# Production-like memory and checkpoint settings for ten million dossiers; durability untouched.
export CCHC_PG_OPTIONS="-c shared_buffers=2GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c work_mem=64MB -c effective_cache_size=16GB"
url=$(scripts/pg_throwaway.sh start "$work/pg")
"$py" - "$url" <<'EOF'
import sys, psycopg
with psycopg.connect(sys.argv[1].rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
    conn.execute("CREATE DATABASE cchc")
EOF
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" \
  >"$work/redis.log" 2>&1 &
redis_pid=$!

export CCHC_DATABASE_URL=$url
export CCHC_REDIS_URL=redis://127.0.0.1:$redis_port/0
export CCHC_DEBUG=false CCHC_HTTPS=false CCHC_STATIC_MANIFEST=false CCHC_LOG_LEVEL=WARNING
export CCHC_SECRET_KEY=$("$py" -c 'import secrets; print(secrets.token_urlsafe(50))')
export CCHC_ALLOWED_HOSTS=127.0.0.1,localhost
export CCHC_PUBLIC_LOOKUP_LIMIT=1000000000  # the bookkeeping runs; the limit never bites
# The bench sends no message and takes no payment: the checks that refuse the development
# mail, SMS and payment backends with debug off are silenced by id.
export CCHC_PAYMENT_SECRET=$("$py" -c 'import secrets; print(secrets.token_urlsafe(50))')
export CCHC_SILENCED_SYSTEM_CHECKS=core.E001,core.E002,dossiers.E001
export BENCH_WRK_DIR=$PWD/bench/wrk

say "migrate, the province's world (agencies, 1,500 procedures, officers)"
"$py" manage.py migrate --noinput -v0
"$py" bench/world.py >"$work/world.json"
phase world
say "loading $dossiers dossiers (bench/load.py: 2 streams, COPY, indexes after)"
"$py" bench/load.py "$url" "$work/world.json" "$dossiers" 2 >"$work/load.json"
phase load
say "plain COPY of the same rows (the loader's yardstick)"
"$py" bench/copy_baseline.py "$url" "$work/load.json" >"$work/copy.json"
phase copy_baseline

say "province dashboard: summary tables vs GROUP BY vs DuckDB, and their agreement"
"$py" bench/dashboard.py "$work/dashboard.json" 5
phase dashboard

"$py" - "$url" "$work/pairs.txt" <<'EOF'
import sys, psycopg
with psycopg.connect(sys.argv[1]) as conn:
    rows = conn.execute(
        "SELECT code, applicant_phone FROM dossiers_dossier TABLESAMPLE SYSTEM (0.1) "
        "WHERE code IS NOT NULL LIMIT 4000"
    ).fetchall()
    if len(rows) < 1000:
        rows = conn.execute(
            "SELECT code, applicant_phone FROM dossiers_dossier WHERE code IS NOT NULL "
            "ORDER BY random() LIMIT 4000"
        ).fetchall()
with open(sys.argv[2], "w") as out:
    out.writelines(f"{code} {phone}\n" for code, phone in rows)
EOF
export BENCH_PAIRS=$work/pairs.txt BENCH_TOKEN
BENCH_TOKEN=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$work/world.json")
export BENCH_PROCEDURE
BENCH_PROCEDURE=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["procedure_code"])' "$work/world.json")

for mode in pipelined statements row; do
  say "intake yardstick: bare psycopg loop ($mode), 2 clients, ${seconds}s"
  "$py" bench/bare_intake.py "$url" "$work/world.json" "$mode" "$seconds" 2 >>"$work/bare.jsonl"
done

say "intake: the API on gunicorn (2 sync workers), 2 wrk clients, ${seconds}s"
api_port=$(free_port)
.venv/bin/gunicorn config.wsgi:application --workers 2 --worker-class sync \
  --bind "127.0.0.1:$api_port" --log-level warning >"$work/intake-gunicorn.log" 2>&1 &
servers+=($!)
wait_http "$api_port"
wrk_json intake.lua 2 3 "http://127.0.0.1:$api_port" >/dev/null  # warm-up
wrk_json intake.lua 2 "$seconds" "http://127.0.0.1:$api_port" >"$work/intake.json"
rss_json "gunicorn (intake)" "${servers[0]}" >>"$work/rss.jsonl"
stop_servers
phase intake

say "lookup: reference (gunicorn, 2 sync workers), real (granian, 2 workers; and gunicorn), $rounds rounds"
ref_port=$(free_port)
DJANGO_SETTINGS_MODULE=bench.reference.settings .venv/bin/gunicorn bench.reference.wsgi:application \
  --workers 2 --worker-class sync --bind "127.0.0.1:$ref_port" --log-level warning \
  >"$work/reference.log" 2>&1 &
servers+=($!)
real_port=$(free_port)
.venv/bin/granian --interface wsgi --workers 2 --blocking-threads 1 --host 127.0.0.1 \
  --port "$real_port" --log-level warning config.wsgi:application >"$work/real.log" 2>&1 &
servers+=($!)
# For the record: the real application on the reference's server (what the fast path alone
# gives, without granian).
sync_port=$(free_port)
.venv/bin/gunicorn config.wsgi:application --workers 2 --worker-class sync \
  --bind "127.0.0.1:$sync_port" --log-level warning >"$work/real-gunicorn.log" 2>&1 &
servers+=($!)
wait_http "$ref_port"  # the reference has no /healthz: its 404 is an answer
wait_http "$real_port"
wait_http "$sync_port"
for port in "$ref_port" "$real_port" "$sync_port"; do
  wrk_json lookup.lua "$lookup_connections" 3 "http://127.0.0.1:$port" >/dev/null
done
: >"$work/lookup-reference.jsonl"
: >"$work/lookup-real.jsonl"
: >"$work/lookup-real-gunicorn.jsonl"
for _ in $(seq 1 "$rounds"); do  # alternating, so that a noisy moment hits every side
  wrk_json lookup.lua "$lookup_connections" "$seconds" "http://127.0.0.1:$ref_port" \
    >>"$work/lookup-reference.jsonl"
  wrk_json lookup.lua "$lookup_connections" "$seconds" "http://127.0.0.1:$real_port" \
    >>"$work/lookup-real.jsonl"
  wrk_json lookup.lua "$lookup_connections" "$seconds" "http://127.0.0.1:$sync_port" \
    >>"$work/lookup-real-gunicorn.jsonl"
done
rss_json "granian (lookup)" "${servers[1]}" >>"$work/rss.jsonl"
rss_json "gunicorn (lookup)" "${servers[2]}" >>"$work/rss.jsonl"
stop_servers
phase lookup

say "profiles (in process)"
"$py" bench/intake_profile.py "$work/world.json" 200 >"$work/intake-profile.md" 2>/dev/null
"$py" bench/lookup_profile.py "$work/pairs.txt" 2000 >"$work/lookup-profile.md" 2>/dev/null
phase profiles

say "due moments: the core vs numpy; recompute of the latest $recompute dossiers after a calendar edit"
"$py" bench/due_moments.py "$work/due.json" "$recompute"
phase due_moments

say "the real pages (dashboards, public pages, live board, API) for last year, cold caches"
"$py" bench/pages.py "$work/pages.json" "$(($(date +%Y) - 1))" "$rounds"
phase pages

pg_version=$("$py" -c 'import sys, psycopg; print(psycopg.connect(sys.argv[1]).execute("SHOW server_version").fetchone()[0])' "$url")
"$py" - "$url" >"$work/sizes.json" <<'EOF'
import json, sys, psycopg
with psycopg.connect(sys.argv[1]) as conn:
    rows = conn.execute(
        "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'r' "
        "AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC LIMIT 12"
    ).fetchall()
    total = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
print(json.dumps({"tables": rows, "database": total}))
EOF
printf '{"total_seconds": %d}\n' "$(($(date +%s) - started_at))" >"$work/total.json"
"$py" bench/report.py "$work" "$doc" \
  --load-before "$load_before" --load-after "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --pg-version "$pg_version" --seconds "$seconds" --rounds "$rounds" \
  --lookup-connections "$lookup_connections"
