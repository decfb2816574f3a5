# CCHC — the two commands of the README, and a few helpers.
#   make run    install, create and seed the embedded SQLite database, serve http://127.0.0.1:8000
#   make test   install, lint, the whole suite on SQLite and then on PostgreSQL
#   make serve-prod   the production shape on loopback: nginx, gunicorn, PostgreSQL, Redis, Celery
SHELL := /bin/bash
PY := .venv/bin/python
STAMP := .venv/.installed
DEV := CCHC_DEBUG=true

.PHONY: run test install system-deps lint check-migrations pytest bench serve-prod lock messages clean

install: $(STAMP)

$(STAMP): requirements/dev.txt requirements/pip.txt
	@test -x $(PY) || python3 -m venv .venv
	@$(PY) -m pip install -q --disable-pip-version-check --require-hashes -r requirements/pip.txt 2>&1 | grep -v "^WARNING: Location" || true
	@$(PY) -m pip install -q --disable-pip-version-check --require-hashes -r requirements/dev.txt 2>&1 | grep -v "^WARNING: Location" || true
	@$(PY) -c "import django, openpyxl, playwright, weasyprint"
	@touch $(STAMP)

system-deps:
	@scripts/system_deps.sh

run: install
	@mkdir -p var
	@$(DEV) $(PY) manage.py migrate --noinput
	@# The seed's role grants go to the security log's file, not over the demo logins.
	@$(DEV) CCHC_SECURITY_LOG_CONSOLE=false $(PY) manage.py seed_demo
	@# Notifications (e-mail, SMS, reset links) print here within 5 s, beside the server's log.
	@$(DEV) $(PY) manage.py outbox_deliver --loop 5 & trap 'kill $$! 2>/dev/null' EXIT; \
	  $(DEV) $(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(DEV) $(PY) manage.py makemigrations --check --dry-run
	.venv/bin/lint-imports

test: install system-deps lint
	@scripts/run_tests.sh

pytest: install
	@scripts/run_tests.sh $(ARGS)

serve-prod: install
	@scripts/serve_prod.sh

bench: install system-deps
	@bench/run.sh

lock:
	$(PY) -m piptools compile -q --generate-hashes --no-emit-index-url --no-emit-find-links --strip-extras --allow-unsafe -o requirements/base.txt pyproject.toml
	$(PY) -m piptools compile -q --generate-hashes --no-emit-index-url --no-emit-find-links --strip-extras --allow-unsafe --extra dev -o requirements/dev.txt pyproject.toml

messages: install
	$(DEV) $(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=var --ignore=bench --ignore=tests --ignore=test-artifacts
	$(DEV) $(PY) manage.py compilemessages -l en --ignore=.venv

clean:
	rm -rf var/test-* .pytest_cache

# Issue 14 — crash: the crash-consistency drill with more cycles than make test runs
# (docs/reliability/crash.md). CRASH_CYCLES=… to change the count.
.PHONY: crash-drill
CRASH_CYCLES ?= 100
crash-drill: install system-deps
	$(PY) -m tests.reliability.crash_app --cycles $(CRASH_CYCLES)
	$(PY) -m tests.reliability.crash_app --cycles $(CRASH_CYCLES) --own-postgres
	$(PY) -m tests.reliability.crash_app --cycles 10 --kill postmaster

# Issue 14 — accounts: the demo administrator's current two-step code (demo data only), and
# the daily job that disables officer accounts unused for CCHC_ACCOUNT_IDLE_DAYS.
.PHONY: demo-otp accounts-disable-unused
demo-otp:
	@$(DEV) $(PY) manage.py demo_otp

accounts-disable-unused:
	$(PY) manage.py accounts_disable_unused

# Issue 14 — ops: the gates of `make test` on their own, and the advisory snapshot's refresh
# (docs/reliability/ops.md). audit-refresh needs a reachable vulnerability service (pip-audit),
# or OSV's PyPI export downloaded elsewhere: make audit-refresh OSV_EXPORT=/path/to/all.zip
.PHONY: gates audit-refresh
gates: install
	@scripts/gates.sh

audit-refresh: install
	@if [ -n "$(OSV_EXPORT)" ]; then $(PY) scripts/audit_deps.py --refresh-from-osv "$(OSV_EXPORT)"; \
	  else $(PY) scripts/audit_deps.py --refresh; fi
	@$(PY) scripts/audit_deps.py --yanked

# Issue 14 — drills: the backup/restore and failover drills (long; not part of make test).
.PHONY: backup-drill failover-drill
backup-drill: install system-deps
	@$(PY) scripts/backup_drill.py

failover-drill: install system-deps
	@$(PY) scripts/failover_drill.py

# Issue 14 — authz: the authorisation sweep alone, on SQLite (it also runs in `make test`).
.PHONY: authz
authz: install
	CCHC_DATABASE_URL="sqlite:///var/test-unused.sqlite3" $(PY) -m pytest -p no:cacheprovider -q tests/authz

# Issue 14 — load: the soak and overload drills (docs/reliability/load.md).
.PHONY: soak overload
soak: install system-deps
	@scripts/soak.sh soak

overload: install system-deps
	@scripts/soak.sh overload
