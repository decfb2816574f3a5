#!/usr/bin/env bash
# `make soak` and `make overload` (issue 14, item 6): the drills of docs/reliability/load.md,
# run by bench/soak/drill.py inside the production shape (scripts/serve_prod.sh --run:
# PostgreSQL, Redis, gunicorn behind nginx, Celery, seeded with the demo province), which is
# stopped and removed afterwards. Figures: printed, and as JSON in var/soak/<drill>.json.
#
#   scripts/soak.sh soak       SOAK_RATE requests/s (35) for SOAK_MINUTES (60) of the mix of
#                              bench/soak/locustfile.py; the web workers' memory sampled every
#                              SOAK_SAMPLE_SECONDS (10), its slope after SOAK_WARMUP_MINUTES
#                              (5, or a quarter of a shorter run). Fails on any error.
#   scripts/soak.sh overload   capacity (CAPACITY_STEP = 5 requests/s more every
#                              CAPACITY_STEP_SECONDS = 30 until the p99 passes
#                              CAPACITY_P99_MS = 2000, or a request is refused),
#                              then OVERLOAD_FACTOR (3) × capacity for OVERLOAD_SECONDS (60),
#                              then a third of capacity for RECOVERY_SECONDS (60). Fails when
#                              a request is not answered quickly (any 5xx but 503, a request
#                              over 60 s) or the site does not recover by itself.
# The stack's own knobs (CCHC_PROD_WORKERS, CCHC_PROD_APP_INFLIGHT, CCHC_PROD_CLIENT_RATE) are
# scripts/serve_prod.sh's.
set -euo pipefail
cd "$(dirname "$0")/.."
drill=${1:-}
case "$drill" in soak | overload) ;; *) echo "usage: $0 soak|overload" >&2; exit 2 ;; esac
[ -x .venv/bin/locust ] || { echo "locust is missing: run \`make install\`." >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
exec scripts/serve_prod.sh --run .venv/bin/python bench/soak/drill.py "$drill"
