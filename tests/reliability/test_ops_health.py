"""/healthz says the process is up and touches nothing; /readyz checks what a request needs
(the database, Redis, disk space, the outbox's delivery) and names what fails — against real
processes: a PostgreSQL cluster of its own stopped and started again, a redis-server started
and killed, a database that accepts connections and never answers (its postmaster stopped
with SIGSTOP).

The tests with a PostgreSQL cluster and gunicorn of their own are defined in the PostgreSQL
pass of the suite only: they do not use the suite's database, and the embedded SQLite
installation has no database server to lose."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue
from config.api import MSG_DATABASE_DOWN
from tests.reliability.ops_processes import (
    gunicorn,
    pg_cluster,
    production_environment,
    redis_server,
)
from tests.reliability.passes import postgresql_pass

pytestmark = pytest.mark.django_db

PERSONAL = "nguyen.van.a@example.vn"


def ready(client):
    answer = client.get("/readyz")
    return answer.status_code, answer.json()


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}
    assert "no-cache" in answer["Cache-Control"]


def test_readyz_is_ready_on_a_healthy_installation_and_skips_redis_when_none_is_set(client):
    status, body = ready(client)
    assert status == 200 and body["status"] == "ok" and body["failing"] == []
    checks = body["checks"]
    assert checks["database"]["status"] == "ok"
    assert checks["redis"]["status"] == "skipped"
    assert checks["disk"]["status"] == "ok" and checks["disk"]["free_mb"]["media"] > 0
    assert checks["outbox_backlog"] == {"status": "ok", "overdue": 0, "minutes": 15, "max": 0}


def test_a_volume_below_the_free_space_threshold_makes_the_process_not_ready(client, settings):
    settings.CCHC_READY_MIN_FREE_MB = 10**12  # above any disk's free space
    status, body = ready(client)
    assert status == 503 and body["failing"] == ["disk"]
    assert body["checks"]["disk"]["low"] == ["media"]
    assert str(settings.MEDIA_ROOT) not in json.dumps(body)  # named by role, not path


def test_the_log_directory_is_checked_too(client, settings, tmp_path):
    settings.LOGGING = {
        **settings.LOGGING,
        "handlers": {"file": {"class": "logging.FileHandler", "filename": str(tmp_path / "a.log")}},
    }
    body = ready(client)[1]
    assert set(body["checks"]["disk"]["free_mb"]) == {"media", "log1"}


def test_messages_due_for_too_long_are_an_outbox_backlog_that_names_no_one(client):
    message = outbox_enqueue(channel="email", recipient=PERSONAL, subject="S", body="B")
    OutboxMessage.objects.filter(pk=message.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=14)
    )
    assert ready(client)[0] == 200  # due for 14 minutes: the job may just be busy
    OutboxMessage.objects.filter(pk=message.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=16)
    )
    status, body = ready(client)
    assert status == 503 and body["failing"] == ["outbox_backlog"]
    assert body["checks"]["outbox_backlog"]["overdue"] == 1
    assert PERSONAL not in json.dumps(body)


def test_a_message_waiting_for_its_retry_is_reported_but_keeps_the_process_ready(client):
    message = outbox_enqueue(channel="sms", recipient="0912345678", subject="S", body="B")
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=2,
        last_error=f"SMTPRecipientsRefused: {PERSONAL}",
        next_attempt_at=timezone.now() + timedelta(minutes=2),
    )
    status, body = ready(client)
    assert status == 200
    assert body["checks"]["outbox_delivery"] == {
        "status": "warn",
        "retrying": {"sms": 1},
        "failed": 0,
    }
    assert PERSONAL not in json.dumps(body) and "0912345678" not in json.dumps(body)


def test_redis_started_is_ready_and_redis_killed_is_named(client, settings):
    with redis_server() as redis:
        settings.REDIS_URL = redis.url
        status, body = ready(client)
        assert status == 200 and body["checks"]["redis"]["status"] == "ok"
        redis.kill()
        status, body = ready(client)
    assert status == 503 and body["failing"] == ["redis"]
    assert body["checks"]["redis"] == {"status": "fail", "error": "ConnectionError"}
    assert str(redis.port) not in json.dumps(body)


MSG_PAGE_UNAVAILABLE = "Hệ thống tạm thời gián đoạn"

if postgresql_pass():

    def test_postgresql_hung_then_stopped_is_a_clear_503_and_named_by_readyz():
        with pg_cluster() as pg:
            # A new connection per request: a stopped postmaster is seen at once.
            env = production_environment(
                CCHC_DATABASE_URL=f"{pg.url}?conn_max_age=0", CCHC_DB_CONNECT_TIMEOUT="1"
            )
            with gunicorn(env) as web:
                status, _, raw = web.get("/readyz")
                assert json.loads(raw)["checks"]["database"] == {"status": "ok"}

                pg.pause()  # accepts connections, never answers: connect_timeout bounds it
                try:
                    status, _, raw = web.get("/readyz")
                finally:
                    pg.resume()
                assert status == 503 and json.loads(raw)["failing"] == ["database"]

                pg.stop()
                status, _, raw = web.get("/readyz")
                body = json.loads(raw)
                assert status == 503 and body["failing"] == ["database"]
                assert body["checks"]["database"] == {"status": "fail", "error": "OperationalError"}
                assert body["checks"]["outbox_backlog"] == {
                    "status": "skipped",
                    "reason": "database",
                }
                assert "Traceback" not in raw.decode() and str(pg.port) not in raw.decode()
                assert web.get("/healthz")[0] == 200

                status, headers, raw = web.get("/")
                page = raw.decode()
                assert status == 503 and MSG_PAGE_UNAVAILABLE in page
                assert headers["Retry-After"] == "60"
                assert "Traceback" not in page and "OperationalError" not in page

                status, headers, raw = web.get("/api/v1/procedures", Authorization="Bearer x")
                assert status == 503 and headers["Content-Type"] == "application/json"
                assert json.loads(raw) == {"detail": MSG_DATABASE_DOWN}

                pg.start()
                assert web.get("/")[0] != 503
                status, _, raw = web.get("/readyz")
                assert json.loads(raw)["checks"]["database"] == {"status": "ok"}
