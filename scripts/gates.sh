#!/usr/bin/env bash
# The gates `make test` runs before the suite (scripts/run_tests.sh), each a pass or a failure:
#   audit    the locked requirements against the vendored advisory snapshot (scripts/audit_deps.py;
#            with CCHC_AUDIT_ONLINE=1 also PyPI's yanked marks)
#   bandit   bandit over cchc/ and config/, failing on any finding not in the committed
#            baseline (.bandit-baseline.json; each accepted class in docs/reliability/ops.md)
#   deploy   `manage.py check --deploy --fail-level WARNING` on the production settings
#            (scripts/serve_prod.sh's, with HTTPS on)
# `scripts/gates.sh` runs all three; `scripts/gates.sh bandit deploy` some. Docs: docs/reliability/ops.md.
set -uo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
gates=("$@")
[ ${#gates[@]} -eq 0 ] && gates=(audit bandit deploy)
status=0

gate_audit() {
  local args=()
  [ "${CCHC_AUDIT_ONLINE:-0}" = 1 ] && args+=(--yanked)
  $py scripts/audit_deps.py "${args[@]}"
}

gate_bandit() {
  # -q: no progress; -ll is not used: the baseline holds every severity, so a new LOW
  # finding fails too. Targets overridable for the gate's own test.
  # shellcheck disable=SC2086
  .venv/bin/bandit -q -r ${CCHC_BANDIT_TARGETS:-cchc config} \
    -b "${CCHC_BANDIT_BASELINE:-.bandit-baseline.json}" -f txt
}

gate_deploy() {
  local secret media file_key
  secret=$($py -c 'import secrets; print(secrets.token_urlsafe(50))')
  media=$(mktemp -d /tmp/cchc-gate-media.XXXXXX)
  # Production refuses to start without the uploads' key (core.E010): a fresh one, as
  # `manage.py files_keygen` prints it.
  file_key=$($py -c 'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')
  # The production settings as scripts/serve_prod.sh sets them, HTTPS on (its default when
  # CCHC_DEBUG is false). core.E002 / dossiers.E001 are silenced as serve_prod.sh does: a
  # build machine has no SMS provider or contracted payment gateway; a real installation
  # silences nothing (docs/deployment.md).
  env -u PYTEST_VERSION \
    CCHC_DEBUG=false CCHC_SECRET_KEY="$secret" CCHC_HTTPS="${CCHC_GATE_HTTPS:-true}" \
    CCHC_ALLOWED_HOSTS=dichvucong.example.gov.vn CCHC_NUM_PROXIES=1 \
    CCHC_DATABASE_URL="postgres://cchc@127.0.0.1:5432/cchc" \
    CCHC_REDIS_URL="redis://127.0.0.1:6379/0" CCHC_MEDIA_ROOT="$media" \
    CCHC_PUBLIC_URL=https://dichvucong.example.gov.vn \
    CCHC_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend CCHC_EMAIL_HOST=127.0.0.1 \
    CCHC_PAYMENT_SECRET="$secret-payment" CCHC_PAYMENT_GATEWAY=sandbox \
    CCHC_SMS_BACKEND=cchc.core.sms.ConsoleSmsBackend \
    CCHC_SILENCED_SYSTEM_CHECKS=core.E002,dossiers.E001 \
    CCHC_FILE_KEYS="$file_key" CCHC_SECURITY_LOG_DIR="$media/security-log" \
    $py manage.py check --deploy --fail-level WARNING
  local rc=$?
  rm -rf "$media"
  return $rc
}

# The gates run side by side (bandit is the long one); their outputs are printed in order.
out=$(mktemp -d /tmp/cchc-gates.XXXXXX)
trap 'rm -rf "$out"' EXIT
pids=()
for gate in "${gates[@]}"; do
  (
    started=$SECONDS
    if "gate_$gate" >"$out/$gate.log" 2>&1; then
      echo "gate $gate: passed ($((SECONDS - started)) s)" >>"$out/$gate.log"
    else
      echo "gate $gate: FAILED ($((SECONDS - started)) s)" >>"$out/$gate.log"
      exit 1
    fi
  ) &
  pids+=($!)
done
for i in "${!gates[@]}"; do
  wait "${pids[$i]}" || status=1
  echo "================ gate: ${gates[$i]} ================"
  cat "$out/${gates[$i]}.log"
done
exit $status
