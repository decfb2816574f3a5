"""The notification path once through the production shape: a real redis-server, a real Celery
worker process on the same test database, a real SMTP server. Never skipped: without
redis-server the test fails (``make test`` installs it through scripts/system_deps.sh)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.db import connection

from cchc.core.models import OutboxMessage
from config.celery import app as celery_app
from tests.core.test_outbox_delivery import SmtpSink, free_port
from tests.dossiers.helpers import APPLICANT, receive
from tests.world import ensure_world

STARTUP_SECONDS = 20
DELIVERY_SECONDS = 90


def redis_server_path() -> str:
    found = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None
    )
    if found is None:
        pytest.fail(
            "redis-server is not installed: the Celery test needs it "
            "(run `make system-deps`, or apt-get install redis-server)."
        )
    return found


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    log = tmp_path / "redis.log"
    process = subprocess.Popen(
        [
            redis_server_path(),
            *("--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp_path)),
            *("--save", "", "--appendonly", "no", "--logfile", str(log)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url, socket_timeout=1)
    deadline = time.monotonic() + STARTUP_SECONDS
    try:
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    text = log.read_text() if log.exists() else ""
                    pytest.fail(f"redis-server did not start (CI={os.environ.get('CI')}):\n{text}")
                time.sleep(0.1)
        yield url
    finally:
        client.close()
        stop(process)


def database_url() -> str:
    """The URL of the test database this process uses, for the worker process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = quote(db["USER"], safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{quote(db['NAME'], safe='')}"


def reset_producer_pools() -> None:
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def celery_on_redis(redis_url):
    """This process sends tasks to Redis instead of running them eagerly."""
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=redis_url, task_always_eager=False)
    reset_producer_pools()
    yield redis_url
    reset_producer_pools()
    celery_app.conf.update(saved)


@pytest.fixture
def smtp_server():
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def worker(transactional_db, celery_on_redis, smtp_server, tmp_path):
    """A Celery worker process on the test database, the Redis broker and the SMTP sink.
    Requests ``transactional_db`` so that it stops before the database is flushed."""
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "CCHC_DATABASE_URL": database_url(),
        "CCHC_REDIS_URL": celery_on_redis,
        "CCHC_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "CCHC_EMAIL_HOST": "127.0.0.1",
        "CCHC_EMAIL_PORT": str(smtp_server.port),
        "CCHC_EMAIL_TIMEOUT": "3",
        "CCHC_SMS_BACKEND": "cchc.core.sms.ConsoleSmsBackend",
        "CCHC_PUBLIC_URL": settings.CCHC_PUBLIC_URL,
    }
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "celery", "-A", "config", "worker", "--pool=solo", "-c", "1"),
                *("-l", "info", "-n", f"test-{os.getpid()}@%h"),
                *("--without-gossip", "--without-mingle", "--without-heartbeat"),
            ],
            cwd=Path(settings.BASE_DIR),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process, log_path
    finally:
        stop(process)


def test_a_real_celery_worker_on_redis_delivers_the_notifications_of_a_dossier(worker, smtp_server):
    process, log_path = worker
    world = ensure_world()
    dossier = receive(world)
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count() == 2

    from cchc.core.tasks import outbox_deliver_task

    outbox_deliver_task.delay()

    deadline = time.monotonic() + DELIVERY_SECONDS
    while OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).exists():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the worker did not deliver the outbox:\n{log_path.read_text()}")
        time.sleep(0.2)

    [message] = smtp_server.received
    assert SmtpSink.subject(message) == f"Hồ sơ {dossier.code} đã được tiếp nhận"
    assert f"/tra-cuu/?ma={dossier.code}" in SmtpSink.text(message)
    # The rows are marked sent inside the task; the worker logs the task's success after it
    # returns: on a busy machine that line comes a moment later.
    while "succeeded" not in log_path.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the worker did not report the task:\n{log_path.read_text()}")
        time.sleep(0.2)
    log = log_path.read_text()
    assert f"SMS → {APPLICANT.phone}" in log
    assert "cchc.outbox_deliver" in log and "succeeded" in log
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}


def test_beat_schedules_outbox_escalation_payment_expiry_reminders_and_the_upload_sweep():
    import cchc.core.tasks
    import cchc.dossiers.tasks
    import cchc.feedback.tasks
    import cchc.org.tasks
    import cchc.parindex.tasks
    import cchc.plans.tasks
    import cchc.satisfaction.tasks  # noqa: F401

    schedule = {
        entry["task"]: entry["schedule"] for entry in celery_app.conf.beat_schedule.values()
    }
    assert schedule == {
        "cchc.outbox_deliver": 60.0,
        "cchc.dossiers_escalate": 15 * 60.0,
        "cchc.payments_expire": 5 * 60.0,
        "cchc.feedback_remind": 3600.0,
        "cchc.uploads_sweep": 24 * 3600.0,
        "cchc.evaluations_fill": 15 * 60.0,
        "cchc.parindex_refresh": 3600.0,
        "cchc.parindex_remind": 3600.0,
        "cchc.plans_flag_late": 3600.0,
        "cchc.security_log_prune": 24 * 3600.0,
        "cchc.drafts_expire": 24 * 3600.0,
        "cchc.accounts_disable_unused": 24 * 3600.0,
    }
    assert set(schedule) <= set(celery_app.tasks)


def test_without_redis_the_task_runs_inline(world):
    from cchc.core.tasks import outbox_deliver_task

    assert celery_app.conf.task_always_eager
    receive(world)

    result = outbox_deliver_task.delay()

    assert result.get() == {"sent": 2, "retrying": 0, "failed": 0}


def test_every_app_with_tasks_is_discovered_by_the_worker():
    """A worker registers only the task modules ``autodiscover_tasks`` names: an app whose
    tasks.py is left out has its beat entries sent to a worker that does not know them."""
    from pathlib import Path

    import config.celery as celery_config

    source = Path(celery_config.__file__).read_text()
    apps = sorted(f"cchc.{path.parent.name}" for path in Path("cchc").glob("*/tasks.py"))
    assert apps, "no task modules found"
    missing = [app for app in apps if f'"{app}"' not in source]
    assert missing == []
