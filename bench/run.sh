#!/usr/bin/env bash
# make bench — the figures of docs/performance.md, measured on this machine, in one run:
#   1. intake: POST /api/v1/dossiers (gunicorn, 2 sync workers, 2 keep-alive wrk clients) as a
#      ratio to a bare psycopg loop inserting the same dossier rows, one per transaction
#      (2 clients) — target ≥ 25 %;
#   2. public lookup: GET /api/v1/public/dossiers/{code}?phone=… under wrk, as a ratio to a
#      naive reference view (bench/reference: ORM get() + JsonResponse, gunicorn with 2 sync
#      workers) — target ≥ 1.5× its throughput at no worse p99.
# Everything runs against its own PostgreSQL with normal durability (fsync and synchronous
# commit on), holding a million dossiers loaded with COPY, and its own redis-server (the rate
# limit's counters, shared by the workers). Everything it starts, it stops.
# Knobs: BENCH_DOSSIERS (1000000), BENCH_SECONDS (per measurement, 15), BENCH_ROUNDS (3),
# BENCH_LOOKUP_CONNECTIONS (16), BENCH_DOC (docs/performance.md; "-" to leave it alone).
set -euo pipefail
cd "$(dirname "$0")/.."

py=$PWD/.venv/bin/python
dossiers=${BENCH_DOSSIERS:-1000000}
seconds=${BENCH_SECONDS:-15}
rounds=${BENCH_ROUNDS:-3}
lookup_connections=${BENCH_LOOKUP_CONNECTIONS:-16}
doc=${BENCH_DOC:-docs/performance.md}
work=$(mktemp -d /tmp/cchc-bench.XXXXXX)
chmod 755 "$work"  # PostgreSQL runs as its own user below it
servers=()  # HTTP servers of the current measurement
redis_pid=""

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
  scripts/pg_throwaway.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
free_port() { "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() {  # wait until something answers HTTP (any status) on port $1
  "$py" bench/wait_http.py "$1"
}
wrk_json() {  # wrk_json SCRIPT CONNECTIONS SECONDS URL → the script's WRKJSON line
  wrk -t2 -c"$2" -d"$3"s --latency -s "bench/wrk/$1" "$4" | sed -n 's/^WRKJSON //p'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$(cut -d. -f1 /proc/loadavg)" -ge 1 ]; then
  echo "note: the machine is busy (load average $load_before): figures will be noisy" >&2
fi
say "PostgreSQL (durable) and redis-server in $work"
export CCHC_PG_DURABLE=1
# Production-like memory and checkpoint settings for a million rows; durability untouched.
export CCHC_PG_OPTIONS="-c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=30min"
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

say "migrate, world"
"$py" manage.py migrate --noinput -v0
"$py" bench/world.py >"$work/world.json"
say "loading $dossiers dossiers with COPY"
"$py" bench/load.py "$url" "$work/world.json" "$dossiers" >"$work/load.json"
"$py" - "$url" "$work/pairs.txt" <<'EOF'
import sys, psycopg
with psycopg.connect(sys.argv[1]) as conn:
    rows = conn.execute(
        "SELECT code, applicant_phone FROM dossiers_dossier TABLESAMPLE SYSTEM (1) "
        "WHERE code IS NOT NULL LIMIT 4000"
    ).fetchall()
with open(sys.argv[2], "w") as out:
    out.writelines(f"{code} {phone}\n" for code, phone in rows)
EOF
export BENCH_PAIRS=$work/pairs.txt BENCH_TOKEN
BENCH_TOKEN=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$work/world.json")
export BENCH_PROCEDURE
BENCH_PROCEDURE=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["procedure_code"])' "$work/world.json")

say "intake: bare psycopg loop, 2 clients, ${seconds}s"
"$py" bench/bare_intake.py "$url" "$work/world.json" "$seconds" 2 >"$work/bare.json"

say "intake: the API on gunicorn (2 sync workers), 2 wrk clients, ${seconds}s"
api_port=$(free_port)
.venv/bin/gunicorn config.wsgi:application --workers 2 --worker-class sync \
  --bind "127.0.0.1:$api_port" --log-level warning >"$work/intake-gunicorn.log" 2>&1 &
servers+=($!)
wait_http "$api_port"
wrk_json intake.lua 2 3 "http://127.0.0.1:$api_port" >/dev/null  # warm-up
wrk_json intake.lua 2 "$seconds" "http://127.0.0.1:$api_port" >"$work/intake.json"
stop_servers

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
stop_servers

say "profiles (in process)"
"$py" bench/intake_profile.py "$work/world.json" 200 >"$work/intake-profile.md" 2>/dev/null
"$py" bench/lookup_profile.py "$work/pairs.txt" 2000 >"$work/lookup-profile.md" 2>/dev/null

pg_version=$("$py" -c 'import sys, psycopg; print(psycopg.connect(sys.argv[1]).execute("SHOW server_version").fetchone()[0])' "$url")
"$py" bench/report.py "$work" "$doc" \
  --load-before "$load_before" --load-after "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --pg-version "$pg_version" \
  --seconds "$seconds" --rounds "$rounds" --lookup-connections "$lookup_connections"
