"""Forgotten passwords on the portal: a one-time link by e-mail or SMS (the channel the
citizen typed), the same answer whether or not an account exists, limits on requests, the
sign-up password rules for the new password, and the account told afterwards."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cchc.core.models import OutboxMessage
from cchc.org.models import User
from cchc.portal.accounts import views
from cchc.portal.accounts.forms import MSG_IDENTIFIER_INVALID, MSG_PASSWORD_MISMATCH
from cchc.portal.accounts.services import citizen_close_account, password_reset_url
from cchc.portal.accounts.validators import MSG_PASSWORD_NUMERIC, MSG_PASSWORD_TOO_COMMON
from tests.portal.test_accounts import PASSWORD, login, make_citizen, page, signed_in_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "trăng rằm tháng tám sáng ngời"
LINK = re.compile(r"https?://\S+/dat-lai-mat-khau/\S+/")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def ask(client, identifier):
    return client.post(reverse("portal:password_reset"), {"identifier": identifier})


def reset_messages():
    return list(OutboxMessage.objects.filter(template="password_reset").order_by("pk"))


def link_in(message: OutboxMessage) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(0)


def open_link(client, link: str):
    """Follow the link as a browser does: the token moves into the session first."""
    response = client.get(link)
    assert response.status_code == 302, page(response)
    assert response["Location"].endswith("/dat-mat-khau/")
    return response["Location"]


def set_password(client, form_url: str, first: str, second: str | None = None):
    second = first if second is None else second
    return client.post(form_url, {"new_password1": first, "new_password2": second})


def test_a_citizen_resets_a_forgotten_password_by_email(client, world):
    user = make_citizen(verified=True, email="binh.le@example.vn")
    response = ask(client, "  Binh.Le@EXAMPLE.vn ")
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:password_reset_sent")
    sent = client.get(response["Location"])
    assert "chúng tôi vừa gửi tới địa chỉ đó một thư" in page(sent)
    assert "60 phút" in page(sent)

    [message] = reset_messages()
    assert message.channel == OutboxMessage.Channel.EMAIL
    assert message.recipient == "binh.le@example.vn"
    assert message.user == user
    assert message.subject == "Đặt lại mật khẩu tài khoản dịch vụ công"
    assert "Kính gửi Lê Thị Bình" in message.body
    assert "dùng được một lần, trong 60 phút" in message.body

    form_url = open_link(client, link_in(message))
    form = client.get(form_url)
    assert form.status_code == 200
    assert "Đặt mật khẩu mới" in page(form)
    assert "dat-lai-mat-khau" in form_url and link_in(message) not in page(form)

    done = set_password(client, form_url, NEW_PASSWORD)
    assert done.status_code == 302
    assert done["Location"] == reverse("portal:password_reset_done")
    assert "Mật khẩu mới đã được lưu" in page(client.get(done["Location"]))

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and not user.check_password(PASSWORD)
    assert login(Client(), "binh.le@example.vn", PASSWORD).status_code == 200
    fresh = Client()
    assert login(fresh, "binh.le@example.vn", NEW_PASSWORD).status_code == 302
    assert signed_in_user(fresh) == user

    [notice] = OutboxMessage.objects.filter(template="password_reset_done")
    assert notice.channel == OutboxMessage.Channel.EMAIL
    assert notice.recipient == "binh.le@example.vn"
    assert re.search(r"đã được đặt lại lúc \d\d:\d\d ngày \d\d/\d\d/\d{4}", notice.body)


def test_the_link_works_once(client, world):
    make_citizen(verified=True, email="binh.le@example.vn")
    ask(client, "binh.le@example.vn")
    link = link_in(reset_messages()[0])
    assert set_password(client, open_link(client, link), NEW_PASSWORD).status_code == 302

    again = Client().get(link)
    assert again.status_code == 200
    assert "Liên kết không còn hiệu lực" in page(again)
    assert "new_password1" not in page(again)


def test_a_phone_number_gets_the_link_by_sms(client, world):
    user = make_citizen(verified=True, phone="0987222333", email="binh.le@example.vn")
    response = ask(client, "+84 987.222.333")
    assert response.status_code == 302
    assert "tin nhắn SMS" in page(client.get(response["Location"]))
    [message] = reset_messages()
    assert message.channel == OutboxMessage.Channel.SMS
    assert message.recipient == "0987222333"
    assert message.user == user
    # the SMS is the link and one line saying what it is for and how long it works
    assert message.body.startswith("Đặt lại mật khẩu dịch vụ công (hiệu lực 60 phút): http")
    assert len(message.body) <= 160
    assert (
        set_password(client, open_link(client, link_in(message)), NEW_PASSWORD).status_code == 302
    )
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_notification_consents_do_not_stop_a_reset_the_citizen_asked_for(client, world):
    user = make_citizen(verified=True, email="binh.le@example.vn", notify_email=False)
    assert not user.notify_email
    ask(client, "binh.le@example.vn")
    assert len(reset_messages()) == 1


@pytest.mark.parametrize("kind", ["unknown email", "unknown phone", "officer", "closed account"])
def test_the_answer_is_the_same_when_no_account_matches_and_nothing_is_sent(
    client, world, counter_officer, kind
):
    known = make_citizen(verified=True, email="binh.le@example.vn", phone="0987222333")
    counter_officer.email = "tiep.nhan@binhson.gov.vn"
    counter_officer.save(update_fields=["email"])
    identifier = {
        "unknown email": "khong.co@example.vn",
        "unknown phone": "0911000111",
        "officer": counter_officer.email,
        "closed account": "da.dong@example.vn",
    }[kind]
    if kind == "closed account":
        closed = make_citizen(verified=True, email="da.dong@example.vn", citizen_id="001190000001")
        citizen_close_account(user=closed)

    response = ask(client, identifier)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:password_reset_sent")
    unknown_page = page(client.get(response["Location"]))
    assert not OutboxMessage.objects.filter(template="password_reset").exists()

    same_channel = known.email if "@" in identifier else known.phone
    other = Client()
    known_page = page(other.get(ask(other, same_channel)["Location"]))
    assert len(reset_messages()) == 1
    # per-response secrets (CSRF token, CSP nonce) aside, the pages are identical
    strip = re.compile(r'[A-Za-z0-9]{64}|nonce="[^"]*"')
    assert strip.sub("", unknown_page) == strip.sub("", known_page)


@pytest.mark.parametrize(
    "identifier, message",
    [
        ("", "Vui lòng nhập thông tin này."),
        ("binh.le", str(MSG_IDENTIFIER_INVALID)),
        ("binh@", str(MSG_IDENTIFIER_INVALID)),
        ("12345", str(MSG_IDENTIFIER_INVALID)),
    ],
)
def test_what_is_neither_an_email_nor_a_phone_is_refused_in_vietnamese(
    client, world, identifier, message
):
    response = ask(client, identifier)
    assert response.status_code == 200
    assert message in page(response)
    assert not OutboxMessage.objects.exists()


def test_requests_for_one_account_are_capped_without_saying_so(client, world):
    make_citizen(verified=True, email="binh.le@example.vn")
    for n in range(views.RESET_PER_ACCOUNT_LIMIT + 2):
        response = Client(REMOTE_ADDR=f"10.0.1.{n}").post(
            reverse("portal:password_reset"), {"identifier": "binh.le@example.vn"}
        )
        assert response.status_code == 302
    assert len(reset_messages()) == views.RESET_PER_ACCOUNT_LIMIT


def test_requests_from_one_address_are_rate_limited(client, world, monkeypatch):
    monkeypatch.setattr(views, "RESET_LIMIT", 2)
    make_citizen(verified=True, email="binh.le@example.vn")
    ask(client, "a@example.vn")
    ask(client, "b@example.vn")
    response = ask(client, "binh.le@example.vn")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Quá nhiều lần thử" in page(response)
    assert not reset_messages()


def test_the_new_password_follows_the_sign_up_rules(client, world):
    user = make_citizen(verified=True, email="binh.le@example.vn")
    ask(client, "binh.le@example.vn")
    form_url = open_link(client, link_in(reset_messages()[0]))
    for first, second, message in (
        ("123456789012345", None, MSG_PASSWORD_NUMERIC),
        ("password1234", None, MSG_PASSWORD_TOO_COMMON),
        (NEW_PASSWORD, NEW_PASSWORD + "!", MSG_PASSWORD_MISMATCH),
        ("ngắn quá", None, "Mật khẩu quá ngắn: cần ít nhất 12 ký tự."),
    ):
        response = set_password(client, form_url, first, second)
        assert response.status_code == 200
        assert str(message) in page(response)
        assert first not in page(response)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert not OutboxMessage.objects.filter(template="password_reset_done").exists()
    # the link still works after refused attempts
    assert set_password(client, form_url, NEW_PASSWORD).status_code == 302


def test_an_expired_link_is_refused(client, world, settings):
    make_citizen(verified=True, email="binh.le@example.vn")
    ask(client, "binh.le@example.vn")
    link = link_in(reset_messages()[0])
    settings.PASSWORD_RESET_TIMEOUT = -1  # every token is now older than the timeout
    response = client.get(link)
    assert response.status_code == 200
    assert "Liên kết không còn hiệu lực" in page(response)


def test_a_link_for_an_officer_or_a_forged_link_is_refused(client, world, counter_officer):
    citizen = make_citizen(verified=True, email="binh.le@example.vn")
    officer_link = password_reset_url(counter_officer)
    citizen_link = password_reset_url(citizen)
    uid = urlsafe_base64_encode(force_bytes(citizen.pk))
    base = "/dich-vu-cong/tai-khoan/dat-lai-mat-khau"
    for link in (
        officer_link,
        citizen_link[:-3] + "xx/",
        f"{base}/{urlsafe_base64_encode(force_bytes(counter_officer.pk))}/"
        f"{default_token_generator.make_token(citizen)}/",
        f"{base}/!!!/{default_token_generator.make_token(citizen)}/",
        f"{base}/{urlsafe_base64_encode(b'99999999999999999999999999')}/abc-def/",
        f"{base}/{uid}/dat-mat-khau/",  # the form without a token in the session
    ):
        response = client.get(link)
        assert response.status_code == 200, link
        assert "Liên kết không còn hiệu lực" in page(response), link
    response = client.post(f"{base}/{uid}/dat-mat-khau/", {"new_password1": NEW_PASSWORD})
    assert "Liên kết không còn hiệu lực" in page(response)
    citizen.refresh_from_db()
    counter_officer.refresh_from_db()
    assert citizen.check_password(PASSWORD)
    assert not counter_officer.check_password(NEW_PASSWORD)


def test_a_reset_lifts_the_lockout_and_ends_other_sessions(client, world):
    user = make_citizen(verified=True, email="binh.le@example.vn", phone="0987222333")
    elsewhere = Client()
    elsewhere.force_login(user)
    assert elsewhere.get(reverse("portal:account")).status_code == 200
    for _ in range(5):
        login(Client(), "binh.le@example.vn", "sai-mat-khau-roi")
    assert login(Client(), "binh.le@example.vn").status_code == 429

    ask(client, "0987222333")
    assert (
        set_password(
            client, open_link(client, link_in(reset_messages()[0])), NEW_PASSWORD
        ).status_code
        == 302
    )
    assert login(Client(), "binh.le@example.vn", NEW_PASSWORD).status_code == 302
    assert elsewhere.get(reverse("portal:account")).status_code == 302
    # with an e-mail on the account, the notice goes there
    [notice] = OutboxMessage.objects.filter(template="password_reset_done")
    assert notice.recipient == "binh.le@example.vn"


def test_the_sign_in_page_offers_the_reset(client, world):
    response = client.get(reverse("portal:login"))
    assert reverse("portal:password_reset") in page(response)
    assert "Quên mật khẩu?" in page(response)


def test_an_account_closed_after_the_link_was_opened_gets_the_dead_link_page(client, world):
    user = make_citizen(verified=True, email="binh.le@example.vn")
    ask(client, "binh.le@example.vn")
    form_url = open_link(client, link_in(reset_messages()[0]))
    citizen_close_account(user=User.objects.get(pk=user.pk))
    assert "Liên kết không còn hiệu lực" in page(client.get(form_url))


def test_an_account_closed_while_the_form_is_on_screen_is_not_a_500(client, world, monkeypatch):
    """The race: the link was checked against the account as it was, then the account closed
    before the new password reached the database."""
    user = make_citizen(verified=True, email="binh.le@example.vn")
    ask(client, "binh.le@example.vn")
    form_url = open_link(client, link_in(reset_messages()[0]))
    as_it_was = User.objects.get(pk=user.pk)
    monkeypatch.setattr(
        views.CitizenPasswordResetConfirmView, "get_user", lambda self, uidb64: as_it_was
    )
    citizen_close_account(user=User.objects.get(pk=user.pk))

    response = set_password(client, form_url, NEW_PASSWORD)

    assert response.status_code == 409
    assert "Liên kết không còn hiệu lực" in page(response)
    assert not User.objects.get(pk=user.pk).check_password(NEW_PASSWORD)
    assert not OutboxMessage.objects.filter(template="password_reset_done").exists()
