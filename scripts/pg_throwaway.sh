#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the test suite.
#   scripts/pg_throwaway.sh start DIR   → initdb in DIR, start on a free loopback port,
#                                          print the database URL on stdout
#   scripts/pg_throwaway.sh stop DIR    → stop it and remove DIR
# CCHC_PG_DURABLE=1 keeps PostgreSQL's normal durability (fsync, synchronous_commit,
# full_page_writes at their defaults): the benchmark measures commits as production pays them.
# PostgreSQL refuses to run as root, so as uid 0 the server runs as the `postgres` user.
set -euo pipefail

cmd=${1:?start or stop}
dir=${2:?directory}
pgbin=${CCHC_PG_BIN:-}
if [ -z "$pgbin" ]; then
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ]; then pgbin=$candidate; break; fi
  done
fi
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || { echo "PostgreSQL server binaries (initdb) not found" >&2; exit 3; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_pg "$pgbin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 4; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  # Durability is pointless for a throwaway test cluster: fsync off makes it several times faster.
  durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${CCHC_PG_DURABLE:-0}" = 1 ] && durability=""
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=300 ${CCHC_PG_OPTIONS:-}" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 5; }
  echo "$port" >"$dir/port"
  echo "postgres://postgres@127.0.0.1:$port/cchc"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
