#!/usr/bin/env bash
# `make serve-prod`: the production shape of docs/deployment.md, on loopback, from Debian's
# packages — PostgreSQL 15 (a throwaway cluster), Redis, gunicorn (2 workers) behind nginx,
# a Celery worker and beat, and a local SMTP sink that prints the e-mails it receives.
#
#   scripts/serve_prod.sh           start everything, print the address and the demo logins,
#                                   run until Ctrl-C, then stop everything and remove the data
#   scripts/serve_prod.sh --check   start, smoke-test through nginx (pages, API, static files,
#                                   rate limit, an e-mail through Celery → Redis → SMTP), stop;
#                                   the exit status is the result
#   scripts/serve_prod.sh --run CMD…  start, run CMD… (the soak and overload drills,
#                                   scripts/soak.sh) with the stack's environment and
#                                   CCHC_PROD_URL, CCHC_PROD_RUN_DIR, CCHC_PROD_GUNICORN_PID;
#                                   stop; the exit status is CMD's
#
# Environment: CCHC_PROD_PORT (nginx's port; default a free one), CCHC_PROD_SEED=0 (skip the
# demo data), CI=true (a Redis that cannot start is a failure instead of a fallback to
# running the outbox job without Celery).
# Issue 14 — load: CCHC_PROD_WORKERS (gunicorn's workers, 2), CCHC_PROD_APP_INFLIGHT (requests
# nginx lets into the application at once, 16 per worker; beyond it a quick 503),
# CCHC_PROD_CLIENT_RATE (requests per second one address may send to the application, 20,
# burst 5 s of it; beyond it 429) — docs/deployment.md "Overload protection".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py=$root/.venv/bin/python
bin=$root/.venv/bin
mode=${1:-serve}
case "$mode" in serve | --check) ;;
  # Issue 14 — load: the drills run inside the stack.
  --run) shift; [ $# -gt 0 ] || { echo "usage: $0 --run COMMAND…" >&2; exit 2; } ;;
  *) echo "usage: $0 [--check | --run COMMAND…]" >&2; exit 2 ;; esac

[ -x "$py" ] || { echo "No virtualenv: run \`make install\` first." >&2; exit 1; }
scripts/system_deps.sh
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
log() { printf '\033[1m==> %s\033[0m (%ss)\n' "$*" "$SECONDS"; }

run=$(mktemp -d /tmp/cchc-prod.XXXXXX)
# PostgreSQL runs as the `postgres` user when we are root: its directory must not sit inside
# our private temporary directory.
pgdir=$(mktemp -d /tmp/cchc-prod-pg.XXXXXX)
mkdir -p "$run/media" "$run/nginx" "$run/redis"
pids=()
names=()

start() { # name command… — in its own session, so that Ctrl-C reaches only this script,
  #         which then stops the services in order.
  local name=$1
  shift
  setsid "$@" &
  pids+=($!)
  names+=("$name")
}

stop_all() {
  trap - EXIT INT TERM
  echo
  log "Stopping"
  local i pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[$i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  scripts/pg_throwaway.sh stop "$pgdir" || true
  [ -n "${nginx_tmp:-}" ] && rm -rf "$nginx_tmp"  # Issue 14 — load
  if [ "${CCHC_PROD_KEEP_LOGS:-0}" = 1 ]; then
    echo "Logs kept in $run"
  else
    rm -rf "$run"
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

wait_for() { # description seconds command…
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 10))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "$what did not come up in ${seconds}s" >&2
  return 1
}

port=${CCHC_PROD_PORT:-$(free_port)}
app_port=$(free_port)
redis_port=$(free_port)
smtp_port=$(free_port)

# --- PostgreSQL --------------------------------------------------------------------------
log "PostgreSQL 15 (throwaway cluster in $pgdir)"
pg_url=$(CCHC_PG_DURABLE=1 scripts/pg_throwaway.sh start "$pgdir")
"$py" - "${pg_url%/*}/postgres" <<'EOF'
import sys

import psycopg

with psycopg.connect(sys.argv[1], autocommit=True) as conn:
    conn.execute("CREATE DATABASE cchc")
EOF

# --- Redis -------------------------------------------------------------------------------
log "Redis on 127.0.0.1:$redis_port"
redis_url=""
if command -v redis-server >/dev/null 2>&1; then
  start redis redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$run/redis" \
    --save "" --appendonly no --logfile "$run/redis.log"
  if wait_for Redis 15 redis-cli -p "$redis_port" ping; then
    redis_url="redis://127.0.0.1:$redis_port/0"
  fi
fi
if [ -z "$redis_url" ]; then
  echo "Redis could not start." >&2
  [ -f "$run/redis.log" ] && tail -20 "$run/redis.log" >&2
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true: a Redis that cannot start is a failure." >&2
    exit 1
  fi
  echo "Continuing without Celery: the outbox job runs as \`manage.py outbox_deliver --loop 60\`." >&2
fi

# --- A local SMTP server that prints what it receives --------------------------------------
# Production sends mail over SMTP (the checks refuse the console backend with debug off).
"$py" -c "import aiosmtpd" 2>/dev/null || { echo "aiosmtpd is missing: run \`make install\`." >&2; exit 1; }
start smtp env PYTHONUNBUFFERED=1 "$py" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" >"$run/mail.log" 2>&1

# --- The application's environment (docs/deployment.md lists every variable) -------------
export DJANGO_SETTINGS_MODULE=config.settings
export CCHC_DEBUG=false
export CCHC_SECRET_KEY
CCHC_SECRET_KEY=$("$py" -c 'import secrets; print(secrets.token_urlsafe(50))')
# Uploaded files are encrypted at rest; production refuses to start without a key.
export CCHC_FILE_KEYS
CCHC_FILE_KEYS=$("$py" -c 'import base64, secrets; print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())')
export CCHC_ALLOWED_HOSTS=127.0.0.1,localhost
export CCHC_DATABASE_URL=$pg_url
export CCHC_REDIS_URL=$redis_url
export CCHC_NUM_PROXIES=1
# Loopback has no certificate: plain HTTP here. In production nginx terminates TLS and
# CCHC_HTTPS stays true (its default), which turns on HSTS, secure cookies and the redirect.
export CCHC_HTTPS=false
export CCHC_PUBLIC_URL=http://127.0.0.1:$port
export CCHC_MEDIA_ROOT=$run/media
export CCHC_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
export CCHC_EMAIL_HOST=127.0.0.1
export CCHC_EMAIL_PORT=$smtp_port
export CCHC_EMAIL_TIMEOUT=5
export CCHC_PAYMENT_SECRET
CCHC_PAYMENT_SECRET=$("$py" -c 'import secrets; print(secrets.token_urlsafe(50))')
# A demonstration on loopback has no SMS provider and no contracted payment gateway: text
# messages are printed (celery-worker.log) and the sandbox takes payments. The two system
# checks that refuse exactly these are silenced by id; every other check applies. A real
# installation never sets CCHC_SILENCED_SYSTEM_CHECKS.
export CCHC_SMS_BACKEND=cchc.core.sms.ConsoleSmsBackend
export CCHC_PAYMENT_GATEWAY=sandbox
export CCHC_SILENCED_SYSTEM_CHECKS=core.E002,dossiers.E001

log "Django: check, collectstatic, migrate"
"$py" manage.py check
# collectstatic compresses every file (gzip and brotli): skip it when nothing changed since.
manifest=$root/var/static/staticfiles.json
if [ -f "$manifest" ] && [ -z "$(find cchc/static requirements -newer "$manifest" -print -quit)" ]; then
  echo "Static files are up to date in var/static."
else
  "$py" manage.py collectstatic --noinput -v 0
fi
"$py" manage.py migrate --noinput -v 0
if [ "${CCHC_PROD_SEED:-1}" = 1 ]; then
  log "Demo data (seed_demo --allow-production)"
  "$py" manage.py seed_demo --allow-production >"$run/seed.log"
  sed -n '/^Tỉnh mẫu/p' "$run/seed.log"
fi

# --- gunicorn ------------------------------------------------------------------------------
# Issue 14 — load: the workers and nginx's bounds on what reaches them.
workers=${CCHC_PROD_WORKERS:-2}
app_inflight=${CCHC_PROD_APP_INFLIGHT:-$((16 * workers))}
client_rate=${CCHC_PROD_CLIENT_RATE:-20}
log "gunicorn ($workers workers) on 127.0.0.1:$app_port"
start gunicorn "$bin/gunicorn" config.wsgi:application --workers "$workers" --bind "127.0.0.1:$app_port" \
  --forwarded-allow-ips 127.0.0.1 --timeout 60 --graceful-timeout 20 \
  --access-logfile "$run/gunicorn-access.log" --error-logfile "$run/gunicorn.log"

# --- Celery worker and beat ------------------------------------------------------------------
if [ -n "$redis_url" ]; then
  log "Celery worker and beat"
  start celery-worker "$bin/celery" -A config worker -l info -c 2 -n "cchc@%h" \
    --logfile "$run/celery-worker.log" >"$run/celery-worker.out" 2>&1
  start celery-beat "$bin/celery" -A config beat -l info -s "$run/celerybeat-schedule" \
    --logfile "$run/celery-beat.log" >"$run/celery-beat.out" 2>&1
else
  start outbox "$py" manage.py outbox_deliver --loop 60 >"$run/outbox.log" 2>&1
fi

# --- nginx -----------------------------------------------------------------------------------
# Static files are served by nginx from STATIC_ROOT when its workers can read them (they run as
# `nobody` when we are root); otherwise they are passed to gunicorn, where whitenoise serves
# them. Uploaded files (MEDIA_ROOT) are never served by nginx.
static_root=$root/var/static
static_location="location /static/ { alias $static_root/; expires 1y; add_header Cache-Control \"public, immutable\"; access_log off; }"
user_line=""
if [ "$(id -u)" = 0 ]; then
  user_line="user nobody nogroup;"
  if ! runuser -u nobody -- test -r "$static_root/favicon.svg"; then
    static_location="location /static/ { proxy_pass http://cchc_app; }"
  fi
fi
# Issue 14 — load: nginx keeps a request body larger than its buffer (every upload) and a long
# answer in temporary files, which its workers create — as `nobody` when we are root, and
# `nobody` cannot enter $run (mode 700): an upload was nginx's own 500. Their own directory.
nginx_tmp=$(mktemp -d /tmp/cchc-prod-nginx.XXXXXX)
if [ "$(id -u)" = 0 ]; then chown nobody:nogroup "$nginx_tmp"; fi
cat >"$run/nginx/nginx.conf" <<EOF
# Generated by scripts/serve_prod.sh — the shape of docs/deployment.md, without TLS.
$user_line
worker_processes 2;
pid $run/nginx/nginx.pid;
error_log $run/nginx/error.log warn;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $run/nginx/access.log;
  client_body_temp_path $nginx_tmp/body;
  proxy_temp_path $nginx_tmp/proxy;
  fastcgi_temp_path $nginx_tmp/fastcgi;
  uwsgi_temp_path $nginx_tmp/uwsgi;
  scgi_temp_path $nginx_tmp/scgi;
  server_tokens off;
  sendfile on;
  gzip on;
  gzip_types text/css application/javascript application/json image/svg+xml;
  # Uploads: 50 MB per dossier (CCHC_UPLOAD_MAX_TOTAL_MB) plus the form itself.
  client_max_body_size 60m;

  # A first, cheaper layer against password spraying (the application throttles sign-in per
  # address too, decision 0011) and lookup scraping.
  limit_req_zone \$binary_remote_addr zone=login:10m rate=10r/m;
  limit_req_zone \$binary_remote_addr zone=lookup:10m rate=60r/m;
  limit_req_status 429;
  limit_req_log_level warn;

  upstream cchc_app { server 127.0.0.1:$app_port; keepalive 16; }

  # Issue 14 — load: overload protection (docs/deployment.md "Overload protection"). At most
  # $app_inflight requests are inside the application at once (static files and the load
  # balancer's /healthz are not counted: their key is empty); the next one is answered 503 at
  # once instead of waiting in
  # gunicorn's queue. One address may send $client_rate requests a second (burst 5 s of it),
  # then 429. Both answers are a short page in Vietnamese (JSON under /api/), with Retry-After.
  map \$uri \$cchc_app_key { ~^/static/ ""; /healthz ""; default app; }
  limit_conn_zone \$cchc_app_key zone=app_inflight:1m;
  limit_conn_status 503;
  limit_conn_log_level warn;
  limit_req_zone \$binary_remote_addr zone=per_client:10m rate=${client_rate}r/s;

  server {
    listen 127.0.0.1:$port;
    server_name 127.0.0.1 localhost;

    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$remote_addr;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_read_timeout 60s;

    # Issue 14 — load: overload protection (above).
    limit_conn app_inflight $app_inflight;
    limit_req zone=per_client burst=$((5 * client_rate)) nodelay;
    error_page 429 503 @busy;
    location @busy {
      default_type "text/html; charset=utf-8";
      add_header Retry-After 5 always;
      add_header Cache-Control "no-store" always;
      return 200 '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hệ thống đang bận</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>Hệ thống đang bận</h1><p>Có quá nhiều yêu cầu cùng lúc. Vui lòng thử lại sau ít giây.</p><p>Hồ sơ và dữ liệu đã gửi trước đó không bị ảnh hưởng.</p></body></html>\n';
    }
    location @busy_json {
      default_type "application/json; charset=utf-8";
      add_header Retry-After 5 always;
      add_header Cache-Control "no-store" always;
      return 200 '{"detail": "Hệ thống đang bận, vui lòng thử lại sau ít giây."}\n';
    }
    location /api/ { error_page 429 503 @busy_json; proxy_pass http://cchc_app; }

    $static_location
    location /media/ { return 404; }

    location /tai-khoan/ { limit_req zone=login burst=10 nodelay; proxy_pass http://cchc_app; }
    location /admin/login/ { limit_req zone=login burst=10 nodelay; proxy_pass http://cchc_app; }
    location /dich-vu-cong/tai-khoan/ { limit_req zone=login burst=10 nodelay; proxy_pass http://cchc_app; }
    location /tra-cuu/ { limit_req zone=lookup burst=30 nodelay; proxy_pass http://cchc_app; }
    location /dich-vu-cong/tra-cuu/ { limit_req zone=lookup burst=30 nodelay; proxy_pass http://cchc_app; }
    location /api/v1/public/ { limit_req zone=lookup burst=30 nodelay; error_page 429 503 @busy_json; proxy_pass http://cchc_app; }
    location / { proxy_pass http://cchc_app; }
  }
}
EOF
log "nginx on 127.0.0.1:$port"
"$nginx_bin" -t -q -p "$run/nginx" -c "$run/nginx/nginx.conf" -e "$run/nginx/error.log"
start nginx "$nginx_bin" -p "$run/nginx" -c "$run/nginx/nginx.conf" -e "$run/nginx/error.log" \
  -g "daemon off;"

url=http://127.0.0.1:$port
wait_for "The site ($url/healthz)" 60 curl -fsS "$url/healthz"

# Issue 14 — load: run a drill inside the stack, then stop everything.
if [ "$mode" = --run ]; then
  log "Running: $*"
  export CCHC_PROD_URL=$url CCHC_PROD_RUN_DIR=$run
  export CCHC_PROD_GUNICORN_PID=${pids[${#pids[@]} - 1]}
  for i in "${!names[@]}"; do
    [ "${names[$i]}" = gunicorn ] && CCHC_PROD_GUNICORN_PID=${pids[$i]}
  done
  set +e
  "$@"
  status=$?
  set -e
  exit $status
fi

if [ "$mode" = --check ]; then
  log "Smoke test through nginx"
  fail=0
  check() { # description expected-status url [extra curl args…]
    local what=$1 want=$2 target=$3
    shift 3
    local got
    got=$(curl -s -o "$run/body" -w '%{http_code}' "$@" "$target")
    if [ "$got" = "$want" ]; then echo "  ok    $got $what"; else echo "  FAIL  $got (want $want) $what"; fail=1; fi
  }
  check "home page /" 200 "$url/"
  grep -q '<html' "$run/body" || { echo "  FAIL  home page is not HTML"; fail=1; }
  static_path=$(grep -o '/static/[^"]*\.css' "$run/body" | head -1)
  check "citizen portal /dich-vu-cong/" 200 "$url/dich-vu-cong/"
  check "public lookup /tra-cuu/" 200 "$url/tra-cuu/"
  check "admin login /admin/login/" 200 "$url/admin/login/"
  check "staff login /tai-khoan/dang-nhap/" 200 "$url/tai-khoan/dang-nhap/"
  check "OpenAPI /api/v1/openapi.json" 200 "$url/api/v1/openapi.json"
  "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["openapi"].startswith("3")' "$run/body" \
    || { echo "  FAIL  openapi.json is not an OpenAPI 3 document"; fail=1; }
  check "health /healthz" 200 "$url/healthz"
  if [ -n "$static_path" ]; then
    check "static file $static_path" 200 "$url$static_path"
    if grep -q "GET $static_path" "$run/gunicorn-access.log"; then
      echo "  note  static file went through gunicorn (whitenoise), not nginx"
    else
      echo "  ok    static file served by nginx itself (not in gunicorn's access log)"
    fi
  else
    echo "  FAIL  no stylesheet link on the home page"
    fail=1
  fi
  check "uploads are not served /media/" 404 "$url/media/x.pdf"
  limited=0
  for _ in $(seq 1 30); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url/tai-khoan/dang-nhap/")
    [ "$code" = 429 ] && limited=$((limited + 1))
  done
  if [ "$limited" -gt 0 ]; then echo "  ok    nginx limit_req: $limited of 30 rapid logins got 429"; else echo "  FAIL  no 429 from limit_req"; fail=1; fi
  if [ -n "$redis_url" ]; then
    # A test e-mail joins the notifications the demo dossiers queued; the Celery worker,
    # reached through Redis, must deliver all of them (the e-mail to the SMTP server).
    pending() {
      "$py" manage.py shell -v 0 -c 'from cchc.core.models import OutboxMessage as M; print(M.objects.filter(status="pending").count())' | tail -1
    }
    "$py" manage.py shell -v 0 -c 'from cchc.core.outbox import outbox_enqueue; outbox_enqueue(channel="email", recipient="kiem.tra@example.vn", subject="Thư kiểm tra — CCHC serve-prod", body="Thư điện tử gửi qua Celery, Redis và máy chủ SMTP.")'
    echo "  ..    $(pending) notifications pending; outbox_deliver_task.delay() → Redis → Celery worker"
    "$py" -c 'import django; django.setup(); from cchc.core.tasks import outbox_deliver_task; outbox_deliver_task.delay()'
    left=""
    for _ in $(seq 1 60); do
      left=$(pending)
      [ "$left" = 0 ] && break
      sleep 1
    done
    if [ "$left" = 0 ] && grep -q "cchc.outbox_deliver.*succeeded" "$run/celery-worker.log" \
      && grep -q "gửi qua Celery, Redis" "$run/mail.log"; then
      echo "  ok    the Celery worker delivered the outbox; the SMTP server received the test e-mail"
    else
      echo "  FAIL  outbox not delivered (${left:-?} pending)"; tail -20 "$run/celery-worker.log"; fail=1
    fi
  fi
  exit $fail
fi

cat <<EOF

  CCHC — production shape on loopback
    Site            $url/
    Citizen portal  $url/dich-vu-cong/
    Administration  $url/admin/
    API (OpenAPI)   $url/api/v1/docs
  Behind nginx (127.0.0.1:$port) → gunicorn (127.0.0.1:$app_port, 2 workers) → PostgreSQL 15
  ($pg_url); Celery worker + beat on ${redis_url:-"(no Redis: outbox command loop)"}.
  E-mails go to a local SMTP server: $run/mail.log
  Logs: $run/{gunicorn,gunicorn-access,celery-worker,celery-beat,redis}.log, $run/nginx/
EOF
if [ -f "$run/seed.log" ]; then
  echo
  sed -n '/^Tài khoản demo/,/^$/p' "$run/seed.log" | sed 's/^/  /'
fi
echo "  Ctrl-C stops everything and deletes this throwaway database."
echo

# Run until Ctrl-C, or until one of the services stops by itself.
set +e
wait -n "${pids[@]}"
status=$?
for i in "${!pids[@]}"; do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then
    echo "${names[$i]} stopped (exit $status); see the logs in $run" >&2
  fi
done
CCHC_PROD_KEEP_LOGS=1
exit 1
