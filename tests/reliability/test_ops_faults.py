"""Fault injection against real processes: Redis killed under the cache, the rate limits and
Celery; an SMTP server that refuses, stalls, or loses its acknowledgement; an SMS gateway that
refuses; a payment gateway that never answers. The user gets a clear answer, the outbox keeps
every message and retries with back-off, and what the real server received is counted.

(PostgreSQL stopped and hung: tests/reliability/test_ops_health.py. Payment callbacks twice,
four at once, and after the expiry: tests/portal/test_payments.py and
test_payment_concurrency.py.)"""

from __future__ import annotations

import asyncio
import email
import email.policy
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from cchc.core import ratelimit
from cchc.core.jobs import outbox_deliver
from cchc.core.models import OutboxMessage
from cchc.core.tasks import outbox_deliver_task
from cchc.portal.payments.views import MSG_GATEWAY_DOWN
from config.celery import app as celery_app
from tests.dossiers.helpers import APPLICANT, receive
from tests.portal.test_payments import online_dossier
from tests.reliability.ops_backends import FlakySmsBackend, StalledGateway
from tests.reliability.ops_processes import free_port, redis_server, silent_server

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status
Channel = OutboxMessage.Channel
BASE_RETRY = 60


class Smtp:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it received. ``refuse``: the
    next so many messages get "451 try again later"; ``ack_delay``: seconds it holds the
    acknowledgement of a message it has already kept (a lost acknowledgement)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.received: list[email.message.EmailMessage] = []
        self.refuse = 0
        self.ack_delay = 0.0
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        self.received.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        if self.ack_delay:
            await asyncio.sleep(self.ack_delay)
        return "250 OK"


@pytest.fixture
def smtp(settings):
    server = Smtp()
    server.controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 1
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.CCHC_SMS_BACKEND = "tests.reliability.ops_backends.FlakySmsBackend"
    settings.CCHC_OUTBOX_RETRY_SECONDS = BASE_RETRY
    settings.CCHC_OUTBOX_MAX_ATTEMPTS = 8
    FlakySmsBackend.refusals = 0
    FlakySmsBackend.accepted = []
    try:
        yield server
    finally:
        server.controller.stop()


def outbox(channel: str) -> OutboxMessage:
    return OutboxMessage.objects.get(channel=channel)


def waited(row: OutboxMessage, since) -> float:
    return (row.next_attempt_at - since).total_seconds()


def in_backoff(seconds: float, attempt: int) -> bool:
    """The delay after the ``attempt``-th failure: the base doubled per attempt, + ≤ 10 %."""
    base = BASE_RETRY * 2 ** (attempt - 1)
    return base <= seconds <= base * 1.1


# --- SMTP ------------------------------------------------------------------------------------


def test_a_refusing_smtp_server_gets_each_message_once_after_doubling_retries(world, smtp):
    receive(world)
    smtp.refuse = 3
    now = timezone.now()
    for attempt in (1, 2, 3):
        outbox_deliver(now=now)
        row = outbox(Channel.EMAIL)
        assert (row.status, row.attempts) == (Status.PENDING, attempt)
        assert in_backoff(waited(row, now), attempt)
        assert outbox_deliver(now=now).claimed == 0  # not due again before its delay
        now = row.next_attempt_at
    outbox_deliver(now=now)
    assert outbox(Channel.EMAIL).status == Status.SENT
    assert [m["To"] for m in smtp.received] == [APPLICANT.email]
    outbox_deliver(now=now + timedelta(days=1))
    assert len(smtp.received) == 1


def test_an_smtp_server_that_never_greets_delays_mail_by_the_timeout_only(world, smtp, settings):
    receive(world)
    now = timezone.now()
    with silent_server() as port:
        settings.EMAIL_PORT = port
        report = outbox_deliver(now=now)
    row = outbox(Channel.EMAIL)
    assert (report.retrying, row.status, row.attempts) == (1, Status.PENDING, 1)
    assert row.last_error.startswith(("TimeoutError", "SMTPServerDisconnected"))
    assert in_backoff(waited(row, now), 1)
    settings.EMAIL_PORT = smtp.port
    outbox_deliver(now=row.next_attempt_at)
    outbox_deliver(now=row.next_attempt_at + timedelta(days=1))
    assert outbox(Channel.EMAIL).status == Status.SENT and len(smtp.received) == 1


def test_a_lost_acknowledgement_is_the_one_resend_and_it_carries_the_same_message_id(world, smtp):
    """At-least-once: the server kept the message but its 250 came after EMAIL_TIMEOUT, so
    the outbox cannot know and sends again. Both copies carry the row's Message-ID, which
    mail servers and clients use to drop the duplicate."""
    receive(world)
    smtp.ack_delay = 2.5  # past EMAIL_TIMEOUT (1 s)
    now = timezone.now()
    outbox_deliver(now=now)
    row = outbox(Channel.EMAIL)
    assert (row.status, row.attempts) == (Status.PENDING, 1)
    smtp.ack_delay = 0
    outbox_deliver(now=row.next_attempt_at)
    assert outbox(Channel.EMAIL).status == Status.SENT
    assert len(smtp.received) == 2
    assert smtp.received[0]["Message-ID"] == smtp.received[1]["Message-ID"]


# --- SMS -------------------------------------------------------------------------------------


def test_a_refusing_sms_gateway_gets_the_message_once_after_doubling_retries(world, smtp):
    receive(world)
    FlakySmsBackend.refusals = 2
    now = timezone.now()
    for attempt in (1, 2):
        outbox_deliver(now=now)
        row = outbox(Channel.SMS)
        assert (row.status, row.attempts) == (Status.PENDING, attempt)
        assert row.last_error == "SmsError: provider busy, try later"
        assert in_backoff(waited(row, now), attempt)
        now = row.next_attempt_at
    outbox_deliver(now=now)
    outbox_deliver(now=now + timedelta(days=1))
    assert outbox(Channel.SMS).status == Status.SENT
    assert [phone for phone, _ in FlakySmsBackend.accepted] == [APPLICANT.phone]
    assert len(smtp.received) == 1  # the e-mail went on its first attempt meanwhile


# --- Redis -----------------------------------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    with redis_server() as redis:
        settings.REDIS_URL = redis.url
        settings.CACHES = {
            "default": {
                "BACKEND": "cchc.core.cache.ResilientRedisCache",
                "LOCATION": redis.url,
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
        yield redis


def test_public_figures_are_computed_from_the_database_while_redis_is_down(
    client, world, redis_cache
):
    assert client.get(reverse("transparency:province")).status_code == 200
    redis_cache.kill()
    assert client.get(reverse("transparency:province")).status_code == 200
    assert client.get("/readyz").json()["failing"] == ["redis"]


def test_the_rate_limit_keeps_counting_per_process_while_redis_is_down(redis_cache):
    redis_cache.kill()
    answers = [ratelimit.hit("ops-test", "203.0.113.9", limit=2, window=60) for _ in range(3)]
    assert answers[:2] == [None, None] and answers[2] >= 1


def forget_broker_connections() -> None:
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_a_broker_that_is_down_loses_no_notification(world, smtp, redis_cache):
    """Nothing in a request enqueues to Celery: the service writes the outbox rows in its own
    transaction, and beat's job delivers them. With Redis dead the enqueue of that job fails;
    the rows wait, and the next run delivers each once."""
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    # A connection pool left by an earlier test of this worker (another broker, still alive)
    # would take the message: start from none, and leave none.
    forget_broker_connections()
    celery_app.conf.update(broker_url=redis_cache.url, task_always_eager=False)
    try:
        redis_cache.kill()
        receive(world)
        with pytest.raises(BrokerError):
            outbox_deliver_task.apply_async(retry=False)
    finally:
        forget_broker_connections()
        celery_app.conf.update(saved)
    assert {r.status for r in OutboxMessage.objects.all()} == {Status.PENDING}
    outbox_deliver()
    outbox_deliver(now=timezone.now() + timedelta(days=1))
    assert {r.status for r in OutboxMessage.objects.all()} == {Status.SENT}
    assert len(smtp.received) == 1 and len(FlakySmsBackend.accepted) == 1


# --- Payment gateway -------------------------------------------------------------------------


def test_a_payment_gateway_that_never_answers_is_explained_and_nothing_is_recorded_twice(
    client, world, citizen
):
    dossier = online_dossier(world, citizen)
    client.force_login(citizen)
    url = reverse("portal:payment_start", args=[dossier.public_id])
    gateway = "tests.reliability.ops_backends.StalledGateway"
    with silent_server() as port, override_settings(CCHC_PAYMENT_GATEWAY=gateway):
        StalledGateway.port = port
        first = client.post(url)
        second = client.post(url)
    for answer in (first, second):
        assert answer.status_code == 503
        assert str(MSG_GATEWAY_DOWN)[:40] in answer.content.decode()
    payment = dossier.payments.get()  # pressed twice: one pending payment
    assert payment.state == "pending"
    assert not dossier.events.filter(action="pay").exists()
