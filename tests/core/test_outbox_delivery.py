"""Delivering the notification outbox: e-mail through a real SMTP server on loopback (aiosmtpd),
SMS through the in-memory backend; an outage keeps every message and delivers it later."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import random
import socket
import threading
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from cchc.core import sms
from cchc.core.jobs import (
    LEASE,
    RETRY_CAP_SECONDS,
    outbox_claim,
    outbox_deliver,
    retry_delay_seconds,
)
from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue
from tests.dossiers.helpers import APPLICANT, receive

Status = OutboxMessage.Status
Channel = OutboxMessage.Channel


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpSink:
    """A real SMTP server on a loopback port that keeps what it receives; it can be stopped
    and started again on the same port (an outage)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.received: list[email.message.EmailMessage] = []
        self._controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(message)
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @staticmethod
    def subject(message: email.message.EmailMessage) -> str:
        # Django folds a long encoded subject right after "Subject:"; the parser keeps the
        # folding space in front of the decoded text (mail clients drop it).
        return str(message["Subject"]).strip()

    @staticmethod
    def text(message: email.message.EmailMessage) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def smtp_server():
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_settings(settings, smtp_server):
    """Django's SMTP backend pointed at the sink; SMS kept in memory."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_TIMEOUT = 3
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.CCHC_SMS_BACKEND = "cchc.core.sms.LocmemSmsBackend"
    settings.CCHC_OUTBOX_RETRY_SECONDS = 60
    settings.CCHC_OUTBOX_MAX_ATTEMPTS = 8
    sms.outbox.clear()
    yield settings
    sms.outbox.clear()


def rows(**filters) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(**filters).order_by("pk"))


def test_received_email_reaches_a_real_smtp_server_with_vietnamese_body_and_lookup_link(
    world, smtp_server, smtp_settings
):
    dossier = receive(world)
    assert [(r.channel, r.status) for r in rows()] == [
        (Channel.EMAIL, Status.PENDING),
        (Channel.SMS, Status.PENDING),
    ]

    report = outbox_deliver()

    assert (report.sent, report.retrying, report.failed) == (2, 0, 0)
    [message] = smtp_server.received
    assert message["To"] == APPLICANT.email
    assert SmtpSink.subject(message) == f"Hồ sơ {dossier.code} đã được tiếp nhận"
    body = SmtpSink.text(message)
    assert "Kính gửi Nguyễn Văn Bình," in body
    assert f"đã được {dossier.receiving_agency.name} tiếp nhận lúc" in body
    assert f"Mã hồ sơ: {dossier.code}" in body
    assert f"http://127.0.0.1:8000/tra-cuu/?ma={dossier.code}" in body
    assert [(m.phone, m.text) for m in sms.outbox] == [
        (
            APPLICANT.phone,
            f"Hồ sơ {dossier.code} đã được tiếp nhận. "
            f"Tra cứu: http://127.0.0.1:8000/tra-cuu/?ma={dossier.code}",
        )
    ]
    for row in rows():
        assert (row.status, row.attempts, row.claimed_until) == (Status.SENT, 1, None)
        assert row.sent_at is not None


def test_smtp_outage_keeps_the_message_and_delivers_it_once_when_the_server_returns(
    world, smtp_server, smtp_settings
):
    first = receive(world)
    assert outbox_deliver().sent == 2
    assert len(smtp_server.received) == 1

    smtp_server.stop()
    other = dataclasses.replace(APPLICANT, email="lan.tran@example.vn", phone="0912345678")
    second = receive(world, applicant=other)
    moment = timezone.now()
    report = outbox_deliver(now=moment)

    # The SMS went out; the e-mail stays in the outbox, counted and scheduled for a retry.
    assert (report.sent, report.retrying, report.failed) == (1, 1, 0)
    [waiting] = rows(channel=Channel.EMAIL, status=Status.PENDING)
    assert waiting.recipient == "lan.tran@example.vn"
    assert waiting.attempts == 1
    assert waiting.last_error
    assert waiting.claimed_until is None
    # The first retry: CCHC_OUTBOX_RETRY_SECONDS after the attempt, plus at most 10 % jitter.
    assert moment + timedelta(seconds=60) <= waiting.next_attempt_at
    assert waiting.next_attempt_at <= moment + timedelta(seconds=66)
    assert [m.phone for m in sms.outbox] == [APPLICANT.phone, "0912345678"]

    # Not due yet: a run right away leaves it alone.
    assert outbox_deliver().claimed == 0
    waiting.refresh_from_db()
    assert (waiting.status, waiting.attempts) == (Status.PENDING, 1)

    smtp_server.start()
    report = outbox_deliver(now=waiting.next_attempt_at + timedelta(seconds=1))

    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.attempts) == (Status.SENT, 2)
    assert [SmtpSink.subject(m) for m in smtp_server.received] == [
        f"Hồ sơ {first.code} đã được tiếp nhận",
        f"Hồ sơ {second.code} đã được tiếp nhận",
    ]
    assert f"?ma={second.code}" in SmtpSink.text(smtp_server.received[1])

    # Nothing lost, nothing twice: every row sent once, and later runs send nothing more.
    assert outbox_deliver(now=timezone.now() + timedelta(days=1)).claimed == 0
    assert len(smtp_server.received) == 2
    assert len({m["Message-ID"] for m in smtp_server.received}) == 2
    assert {r.status for r in rows()} == {Status.SENT}
    assert OutboxMessage.objects.count() == 4


def test_a_message_is_given_up_after_the_maximum_attempts_but_kept(
    world, smtp_server, smtp_settings
):
    smtp_settings.CCHC_OUTBOX_MAX_ATTEMPTS = 3
    smtp_server.stop()
    receive(world)
    now = timezone.now()
    for attempt in (1, 2, 3):
        outbox_deliver(now=now)
        [row] = rows(channel=Channel.EMAIL)
        assert row.attempts == attempt
        now = (row.next_attempt_at or now) + timedelta(seconds=1)

    assert (row.status, row.next_attempt_at) == (Status.FAILED, None)
    assert "ConnectionRefusedError" in row.last_error
    smtp_server.start()
    assert outbox_deliver(now=now + timedelta(days=30)).claimed == 0
    assert smtp_server.received == []


def test_a_refusing_sms_provider_leaves_the_sms_pending_for_a_retry(
    world, smtp_server, smtp_settings
):
    smtp_settings.CCHC_SMS_BACKEND = "cchc.core.sms.ProviderSmsBackend"
    receive(world)

    report = outbox_deliver()

    assert (report.sent, report.retrying) == (1, 1)
    [row] = rows(channel=Channel.SMS)
    assert (row.status, row.attempts) == (Status.PENDING, 1)
    assert row.last_error.startswith("SmsError: ProviderSmsBackend is a stub")


def test_internal_notices_are_marked_sent_without_any_backend(world, smtp_server, smtp_settings):
    notice = outbox_enqueue(
        channel=Channel.INTERNAL,
        recipient=world.leader.username,
        subject="Hồ sơ quá hạn",
        body="…",
        user=world.leader,
    )

    assert outbox_deliver().sent == 1

    notice.refresh_from_db()
    assert notice.status == Status.SENT and notice.read_at is None
    assert smtp_server.received == [] and sms.outbox == []


def test_rows_claimed_by_another_worker_wait_for_its_lease(world, smtp_server, smtp_settings):
    receive(world)
    now = timezone.now()
    claimed = outbox_claim(now=now, limit=10)
    assert len(claimed) == 2

    assert outbox_deliver(now=now + LEASE - timedelta(seconds=1)).claimed == 0
    assert smtp_server.received == []

    # The other worker died without finishing: its lease runs out and the rows go out.
    assert outbox_deliver(now=now + LEASE + timedelta(seconds=1)).sent == 2
    assert len(smtp_server.received) == 1


def test_retry_delay_doubles_with_a_little_jitter_and_is_capped(settings):
    settings.CCHC_OUTBOX_RETRY_SECONDS = 60
    rng = random.Random(4)
    for attempts, base in [(1, 60), (2, 120), (3, 240), (8, 7680), (20, RETRY_CAP_SECONDS)]:
        delay = retry_delay_seconds(attempts, rng=rng)
        assert base <= delay <= base * 1.1


def test_the_command_delivers_and_reports_in_vietnamese(world, smtp_server, smtp_settings, capsys):
    receive(world)

    call_command("outbox_deliver")

    assert "Đã gửi 2, chờ gửi lại 0, không gửi được 0." in capsys.readouterr().out
    assert len(smtp_server.received) == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_send_each_message_exactly_once(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    for number in range(40):
        outbox_enqueue(
            channel=Channel.EMAIL,
            recipient=f"nguoi{number}@example.vn",
            subject=f"Thư {number}",
            body="Nội dung",
        )
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait()
            for _ in range(5):
                outbox_deliver(limit=7)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"nguoi{number}@example.vn" for number in range(40)
    )
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {(Status.SENT, 1)}


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_claim_never_takes_rows_another_worker_holds():
    """PostgreSQL skips the other worker's locked rows and claims the rest while that worker
    is still in its transaction (SKIP LOCKED: no waiting); SQLite has one writer at a time, so
    the claim waits for the other transaction and then sees its lease."""
    for number in range(6):
        outbox_enqueue(channel=Channel.SMS, recipient=f"09000000{number:02d}", subject="", body="")
    held: list[int] = []
    locked, release, committing = threading.Event(), threading.Event(), threading.Event()

    def other_worker() -> None:
        try:
            with transaction.atomic():
                rows = OutboxMessage.objects.select_for_update().order_by("pk")[:3]
                held.extend(row.pk for row in rows)
                OutboxMessage.objects.filter(pk__in=held).update(
                    claimed_until=timezone.now() + LEASE
                )
                locked.set()
                release.wait(30)
                committing.set()
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    assert locked.wait(10)
    if connection.vendor == "postgresql":
        claimed = outbox_claim(now=timezone.now(), limit=10)
        # The other worker has not even begun to commit: the claim did not wait for it.
        waited = committing.is_set()
        release.set()
        assert not waited
    else:
        threading.Timer(0.3, release.set).start()
        claimed = outbox_claim(now=timezone.now(), limit=10)
        # It ran once the other transaction committed, and saw the lease written there.
        assert committing.is_set()
    thread.join(30)
    everything = set(OutboxMessage.objects.values_list("pk", flat=True))
    assert sorted(row.pk for row in claimed) == sorted(everything - set(held))
