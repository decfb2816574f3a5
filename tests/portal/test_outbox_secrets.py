"""The outbox keeps no usable secret: a password-reset or verification link is readable only
by its recipient. The administration never shows it, and once the message is sent (or given
up) the stored copy keeps the text without the link."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cchc.core import sms
from cchc.core.jobs import outbox_deliver
from cchc.core.models import OutboxMessage
from cchc.core.outbox import LINK_HIDDEN
from cchc.portal.accounts.services import citizen_request_password_reset
from tests.dossiers.helpers import receive
from tests.portal.test_accounts import make_citizen
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db

RESET_LINK = re.compile(r"https?://\S+/dat-lai-mat-khau/\S+/")
VERIFY_LINK = re.compile(r"https?://\S+/xac-minh/\S+/")

Status = OutboxMessage.Status


@pytest.fixture(autouse=True)
def delivery(settings):
    settings.CCHC_SMS_BACKEND = "cchc.core.sms.LocmemSmsBackend"
    settings.CCHC_OUTBOX_MAX_ATTEMPTS = 1
    cache.clear()
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def secret_rows() -> list[OutboxMessage]:
    return list(
        OutboxMessage.objects.filter(
            template__in=["password_reset", "verify_email", "verify_phone"]
        ).order_by("pk")
    )


def reset_by_email_and_sms(world) -> list[OutboxMessage]:
    """The two reset messages of a citizen (after the two verification links of sign-up)."""
    make_citizen(email="binh.le@example.vn", phone="0987222333", verified=True)
    citizen_request_password_reset(identifier="binh.le@example.vn")
    citizen_request_password_reset(identifier="0987222333")
    return [row for row in secret_rows() if row.template == "password_reset"]


def test_reset_and_verification_links_are_marked_secret_where_the_portal_queues_them(world):
    make_citizen(email="binh.le@example.vn", phone="0987222333", verified=True)
    citizen_request_password_reset(identifier="binh.le@example.vn")

    rows = secret_rows()

    assert {row.template for row in rows} == {"verify_email", "verify_phone", "password_reset"}
    assert all(row.secret for row in rows)


def test_a_sent_reset_link_reaches_the_citizen_and_is_not_kept(world):
    rows = reset_by_email_and_sms(world)
    assert all(RESET_LINK.search(row.body) for row in rows)  # needed until it is sent

    assert outbox_deliver().sent == 4  # with the two verification links

    [email] = [m for m in mail.outbox if RESET_LINK.search(m.body)]
    [text] = [m for m in sms.outbox if RESET_LINK.search(m.text)]
    assert email.to == ["binh.le@example.vn"] and text.phone == "0987222333"
    for row in rows:
        row.refresh_from_db()
        assert row.status == Status.SENT
        assert not RESET_LINK.search(row.body)
        assert LINK_HIDDEN in row.body
        assert "/dat-lai-mat-khau/" not in row.body
    # What was said stays on record: only the link is gone.
    assert "Đặt lại mật khẩu dịch vụ công" in rows[1].body


def test_a_sent_verification_link_is_not_kept(world):
    make_citizen(email="binh.le@example.vn", phone="0987222333")
    token_rows = secret_rows()
    assert len(token_rows) == 2

    outbox_deliver()

    for row in token_rows:
        row.refresh_from_db()
        assert row.status == Status.SENT
        assert not VERIFY_LINK.search(row.body) and "/xac-minh/" not in row.body


def test_a_secret_message_given_up_keeps_no_link_and_is_not_sent_again(world, settings):
    settings.CCHC_SMS_BACKEND = "cchc.core.sms.ProviderSmsBackend"  # refuses every message
    make_citizen(phone="0987222333", verified=True)
    citizen_request_password_reset(identifier="0987222333")
    [row] = [r for r in secret_rows() if r.template == "password_reset"]

    outbox_deliver()

    row.refresh_from_db()
    assert row.status == Status.FAILED
    assert not RESET_LINK.search(row.body)
    admin = Client()
    sign_in_verified(admin, world.admin)
    admin.post(
        reverse("admin:core_outboxmessage_changelist"),
        {"action": "retry_now", "_selected_action": [row.pk]},
    )
    row.refresh_from_db()
    assert row.status == Status.FAILED


def test_the_admin_never_shows_a_pending_link(world):
    rows = reset_by_email_and_sms(world)
    admin = Client()
    sign_in_verified(admin, world.admin)

    listing = admin.get(reverse("admin:core_outboxmessage_changelist")).content.decode()
    for row in rows:
        token = RESET_LINK.search(row.body).group(0)
        detail = admin.get(reverse("admin:core_outboxmessage_change", args=[row.pk]))
        page = detail.content.decode()
        assert detail.status_code == 200
        assert token not in page and token not in listing
        assert "/dat-lai-mat-khau/" not in page
        assert LINK_HIDDEN in page
        assert row.recipient in page  # the operator still sees to whom and when


def test_ordinary_notices_keep_their_text_and_links(world):
    dossier = receive(world)

    outbox_deliver()

    for row in OutboxMessage.objects.filter(dossier_code=dossier.code):
        assert not row.secret
        assert f"/tra-cuu/?ma={dossier.code}" in row.body
