"""Proof that a citizen's e-mail address or phone number is theirs: the link sent at sign-up
(for each channel chosen for notices), sent again on request, cleared by a change of address,
refused when expired, altered or out of date — and dossier notices wait for it."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.org.models import User
from cchc.portal.accounts.services import citizen_close_account
from cchc.portal.accounts.verification import SALT, verification_token
from tests.portal.test_accounts import SIGNUP, make_citizen, online_dossier, signup

pytestmark = pytest.mark.django_db

ACCOUNT = reverse("portal:account")
RESEND = reverse("portal:verify_send")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def link_in(message: OutboxMessage) -> str:
    """The path of the verification link in a queued message."""
    path = "/dich-vu-cong/tai-khoan/xac-minh/"
    return path + message.body.split(path)[1].split()[0].split("\n")[0]


def verification_messages(user: User, channel: str):
    return OutboxMessage.objects.filter(user=user, template=f"verify_{channel}")


def test_sign_up_sends_a_link_and_opening_it_verifies_the_address(client, world):
    response = signup(client, notify_email="on")
    assert response.status_code == 302
    user = User.objects.get(email=SIGNUP["email"])
    [message] = verification_messages(user, "email")
    assert (message.channel, message.recipient) == ("email", SIGNUP["email"])
    assert message.subject == "Xác minh thư điện tử của tài khoản dịch vụ công"
    assert "Kính gửi Trần Văn An" in message.body and "hiệu lực\n72 giờ" in message.body
    page = client.get(ACCOUNT).content.decode()
    assert f"Đã gửi liên kết xác minh tới {SIGNUP['email']}" in page
    assert "Chưa xác minh" in page

    done = client.get(link_in(message))
    assert done.status_code == 200
    assert "Đã xác minh thư điện tử" in done.content.decode()
    user.refresh_from_db()
    first = user.email_verified_at
    assert first is not None and user.phone_verified_at is None
    # Opening it again (a mail scanner, a second click) changes nothing and still says so.
    assert client.get(link_in(message)).status_code == 200
    user.refresh_from_db()
    assert user.email_verified_at == first
    assert "Đã xác minh ngày" in client.get(ACCOUNT).content.decode()


def test_a_phone_chosen_for_notices_gets_its_link_by_sms_and_works_signed_out(client, world):
    signup(client, email="", phone="0987111222", notify_sms="on")
    user = User.objects.get(phone="0987111222")
    [sms] = verification_messages(user, "phone")
    assert (sms.channel, sms.recipient) == ("sms", "0987111222")
    client.logout()
    response = client.get(link_in(sms))
    assert response.status_code == 200
    assert "Đã xác minh số điện thoại" in response.content.decode()
    user.refresh_from_db()
    assert user.phone_verified_at is not None


def test_every_contact_gets_a_link_and_more_can_be_asked_for(client, world):
    # No notices chosen: the address still gets its link (reset links need it verified too).
    signup(client)
    user = User.objects.get(email=SIGNUP["email"])
    assert verification_messages(user, "email").count() == 1
    page = client.get(ACCOUNT).content.decode()
    assert "Gửi liên kết xác minh" in page
    for _ in range(2):
        response = client.post(RESEND, {"channel": "email"}, follow=True)
        assert "Đã gửi liên kết xác minh tới" in response.content.decode()
    assert verification_messages(user, "email").count() == 3
    # Each request sends a message: a third within the hour is refused, nothing sent.
    client.post(RESEND, {"channel": "email"})
    refused = client.post(RESEND, {"channel": "email"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert verification_messages(user, "email").count() == 4
    assert (
        "Yêu cầu không hợp lệ"
        in client.post(RESEND, {"channel": "fax"}, follow=True).content.decode()
    )
    assert client.post(RESEND, {"channel": "phone"}, follow=True).status_code == 200
    assert not verification_messages(user, "phone").exists()  # no phone on the account


def test_a_new_address_is_unverified_and_the_old_link_verifies_nothing(client, world):
    user = make_citizen(email="binh.le@example.vn", notify_email=True)
    old_link = link_in(verification_messages(user, "email").get())
    client.get(old_link)
    user.refresh_from_db()
    assert user.email_verified_at is not None
    client.force_login(user)
    client.post(
        ACCOUNT,
        {
            "full_name": user.full_name,
            "address": user.address,
            "email": "binh.moi@example.vn",
            "notify_email": "on",
        },
    )
    user.refresh_from_db()
    assert user.email == "binh.moi@example.vn" and user.email_verified_at is None
    new = verification_messages(user, "email").latest("pk")
    assert new.recipient == "binh.moi@example.vn"
    stale = client.get(old_link)
    assert stale.status_code == 410
    assert "không còn dùng thư điện tử" in stale.content.decode()
    user.refresh_from_db()
    assert user.email_verified_at is None
    assert client.get(link_in(new)).status_code == 200


@pytest.mark.parametrize(
    ("make_token", "status", "message"),
    [
        (lambda user: verification_token(user, "email")[:-3] + "abc", 400, "Liên kết không đúng"),
        (
            lambda user: _signed_hours_ago(verification_token(user, "email"), 73),
            410,
            "đã hết hạn",
        ),
        (lambda user: "khong-phai-lien-ket", 400, "Liên kết không đúng"),
    ],
    ids=["altered", "expired", "garbage"],
)
def test_a_bad_link_says_why_and_verifies_nothing(client, world, make_token, status, message):
    user = make_citizen(email="binh.le@example.vn", notify_email=True)
    response = client.get(reverse("portal:verify_contact", args=[make_token(user)]))
    assert response.status_code == status
    assert message in response.content.decode()
    user.refresh_from_db()
    assert user.email_verified_at is None


def _signed_hours_ago(token: str, hours: int) -> str:
    """The same payload signed ``hours`` ago (Django's signer takes the time from
    ``timestamp()``; nothing else changes)."""
    payload = signing.TimestampSigner(salt=SALT).unsign(token)

    class Earlier(signing.TimestampSigner):
        def timestamp(self) -> str:
            return signing.b62_encode(int(time.time()) - hours * 3600)

    return Earlier(salt=SALT).sign(payload)


def test_a_closed_account_cannot_be_verified(client, world):
    user = make_citizen(email="binh.le@example.vn", notify_email=True)
    link = link_in(verification_messages(user, "email").get())
    citizen_close_account(user=user)
    assert client.get(link).status_code == 410
    user.refresh_from_db()
    assert user.email_verified_at is None


def test_notices_start_once_the_address_is_verified(client, world):
    user = make_citizen(email="binh.le@example.vn", notify_email=True)
    before = online_dossier(world, user)
    assert not OutboxMessage.objects.filter(dossier_code=before.code).exists()
    client.get(link_in(verification_messages(user, "email").get()))
    after = online_dossier(world, user)
    notices = OutboxMessage.objects.filter(dossier_code=after.code, template="received")
    assert [(m.channel, m.recipient) for m in notices] == [("email", "binh.le@example.vn")]


def test_the_export_says_when_each_contact_was_verified(client, world):
    user = make_citizen(email="binh.le@example.vn", notify_email=True)
    client.get(link_in(verification_messages(user, "email").get()))
    client.force_login(user)
    account = client.get(reverse("portal:account_export")).json()["profile"]
    assert account["email_verified_at"].startswith("20") and account["phone_verified_at"] is None


def test_an_address_corrected_in_the_admin_is_unverified_again(rf, world):
    from django.contrib.admin import site
    from django.forms import modelform_factory

    user = make_citizen(email="binh.le@example.vn", phone="0987222333", notify_email=True)
    User.objects.filter(pk=user.pk).update(
        email_verified_at=timezone.now(), phone_verified_at=timezone.now()
    )
    user.refresh_from_db()
    form = modelform_factory(User, fields=["email", "phone"])(
        {"email": "binh.khac@example.vn", "phone": "0987222333"}, instance=user
    )
    assert form.is_valid(), form.errors
    request = rf.post("/admin/org/user/")
    request.user = world.admin
    site._registry[User].save_model(request, form.save(commit=False), form, change=True)
    user.refresh_from_db()
    assert user.email == "binh.khac@example.vn" and user.email_verified_at is None
    assert user.phone_verified_at is not None  # the phone did not change


def test_a_reset_link_goes_only_to_a_verified_contact(client, world):
    """An address mistyped at sign-up is somebody else's: asking for a reset there must not
    hand them the account. The page answers the same either way."""
    user = make_citizen(email="binh.le@example.vn", phone="0987222333")
    for identifier in ("binh.le@example.vn", "0987222333"):
        response = client.post(reverse("portal:password_reset"), {"identifier": identifier})
        assert response.status_code == 302
    assert not OutboxMessage.objects.filter(template="password_reset").exists()
    client.get(link_in(verification_messages(user, "phone").get()))
    client.post(reverse("portal:password_reset"), {"identifier": "0987222333"})
    [sms] = OutboxMessage.objects.filter(template="password_reset")
    assert (sms.channel, sms.recipient) == ("sms", "0987222333")
