#!/usr/bin/env bash
# The whole pytest suite on SQLite, then again on PostgreSQL (a throwaway cluster when
# CCHC_TEST_DATABASE_URL is unset). Extra arguments go to pytest.
# PostgreSQL is production's database: a run that cannot start it fails (with or without CI),
# saying why, instead of passing on SQLite alone. Without arguments the gates run first
# (scripts/gates.sh); a failing gate fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."

py=.venv/bin/python
workers=${CCHC_TEST_WORKERS:-2}
status=0

# The gates (dependency audit, bandit at its baseline, check --deploy): scripts/gates.sh.
# Run by `make test` (no arguments); `make pytest ARGS=…` runs the chosen tests only.
if [ $# -eq 0 ]; then
  scripts/gates.sh || status=1
fi

echo "================ pytest on SQLite ================"
CCHC_DATABASE_URL="sqlite:///var/test-unused.sqlite3" \
  $py -m pytest -n "$workers" -p no:cacheprovider "$@" || status=1

pg_url=${CCHC_TEST_DATABASE_URL:-}
pg_dir=""
if [ -z "$pg_url" ]; then
  pg_dir=$(mktemp -d /tmp/cchc-pg.XXXXXX)
  trap '[ -n "$pg_dir" ] && scripts/pg_throwaway.sh stop "$pg_dir"' EXIT
  if ! pg_url=$(scripts/pg_throwaway.sh start "$pg_dir"); then
    echo "PostgreSQL could not start: the suite must also pass on PostgreSQL." >&2
    echo "Install the server (make system-deps, or apt-get install postgresql), or point" >&2
    echo "CCHC_TEST_DATABASE_URL at a PostgreSQL 15 server this user may create databases on." >&2
    exit 1
  fi
fi

echo "================ pytest on PostgreSQL ================"
CCHC_DATABASE_URL="$pg_url" CCHC_PG_ADMIN_URL="$pg_url" \
  $py -m pytest -n "$workers" -p no:cacheprovider "$@" || status=1

exit $status
