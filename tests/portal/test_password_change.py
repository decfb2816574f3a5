"""Changing one's own password, for citizens on the portal and officers in the back office:
the current password first, the sign-up rules for the new one, this session kept and every
other one ended, the account told, guesses of the current password limited."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cchc.core.models import OutboxMessage
from cchc.portal.accounts.forms import MSG_PASSWORD_MISMATCH, MSG_SAME_PASSWORD
from cchc.portal.accounts.services import MSG_OLD_PASSWORD_WRONG
from cchc.portal.accounts.validators import MSG_PASSWORD_TOO_COMMON
from tests.factories import PASSWORD as OFFICER_PASSWORD
from tests.portal.test_accounts import PASSWORD, login, make_citizen, page

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "gió mùa đông bắc về sớm"
PORTAL = "/dich-vu-cong/tai-khoan/doi-mat-khau/"
STAFF = "/tai-khoan/doi-mat-khau/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def change(client, url, old, new, again=None):
    return client.post(
        url,
        {
            "old_password": old,
            "new_password1": new,
            "new_password2": new if again is None else again,
        },
    )


def test_the_addresses_are_where_the_pages_link_to(client, world, counter_officer):
    assert reverse("portal:password_change") == PORTAL
    assert reverse("password_change") == STAFF
    citizen = make_citizen(email="binh.le@example.vn")
    client.force_login(citizen)
    assert PORTAL in page(client.get(reverse("portal:account")))
    client.force_login(counter_officer)
    assert STAFF in page(client.get("/"))


def test_a_citizen_changes_the_password_and_stays_signed_in_here_only(client, world):
    citizen = make_citizen(email="binh.le@example.vn")
    elsewhere = Client()
    elsewhere.force_login(citizen)
    assert login(client, "binh.le@example.vn").status_code == 302

    form = client.get(PORTAL)
    assert form.status_code == 200 and "Mật khẩu hiện tại" in page(form)
    response = change(client, PORTAL, PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("portal:account")
    assert "Đã đổi mật khẩu." in page(client.get(response["Location"]))

    citizen.refresh_from_db()
    assert citizen.check_password(NEW_PASSWORD)
    assert client.get(reverse("portal:account")).status_code == 200  # this session stays
    assert elsewhere.get(reverse("portal:account")).status_code == 302  # the other one ended
    assert login(Client(), "binh.le@example.vn").status_code == 200  # the old password is gone
    [notice] = OutboxMessage.objects.filter(template="password_changed")
    assert notice.recipient == "binh.le@example.vn"
    assert "Mật khẩu tài khoản dịch vụ công của Ông/Bà đã được đổi lúc" in notice.body
    assert "bộ phận một cửa" in notice.body


def test_an_officer_changes_the_password_in_the_back_office(client, world, counter_officer):
    counter_officer.email = "tiep.nhan@binhson.gov.vn"
    counter_officer.save(update_fields=["email"])
    client.force_login(counter_officer)
    form = client.get(STAFF)
    assert form.status_code == 200
    assert "CCHC ·" in page(form) and "Dịch vụ công ·" not in page(form)  # staff layout
    response = change(client, STAFF, OFFICER_PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    counter_officer.refresh_from_db()
    assert counter_officer.check_password(NEW_PASSWORD)
    [notice] = OutboxMessage.objects.filter(template="password_changed")
    assert notice.recipient == "tiep.nhan@binhson.gov.vn"
    assert f"Mật khẩu tài khoản {counter_officer.username}" in notice.body
    assert "quản trị hệ thống" in notice.body


def test_an_officer_without_an_email_changes_it_and_nothing_is_queued(
    client, world, counter_officer
):
    assert not counter_officer.email
    client.force_login(counter_officer)
    assert change(client, STAFF, OFFICER_PASSWORD, NEW_PASSWORD).status_code == 302
    assert not OutboxMessage.objects.filter(template="password_changed").exists()


@pytest.mark.parametrize(
    "old, new, again, message",
    [
        ("sai-mat-khau-roi", NEW_PASSWORD, None, MSG_OLD_PASSWORD_WRONG),
        (PASSWORD, "password1234", None, MSG_PASSWORD_TOO_COMMON),
        (PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", MSG_PASSWORD_MISMATCH),
        (PASSWORD, PASSWORD, None, MSG_SAME_PASSWORD),
        ("", NEW_PASSWORD, None, "Vui lòng nhập thông tin này."),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_changes(
    client, world, old, new, again, message
):
    citizen = make_citizen(email="binh.le@example.vn")
    client.force_login(citizen)
    response = change(client, PORTAL, old, new, again)
    assert response.status_code == 200
    assert str(message) in page(response)
    assert new not in page(response)
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)
    assert not OutboxMessage.objects.filter(template="password_changed").exists()


def test_guesses_of_the_current_password_are_limited(client, world):
    citizen = make_citizen(email="binh.le@example.vn")
    client.force_login(citizen)
    for _ in range(5):
        assert change(client, PORTAL, "sai-mat-khau-roi", NEW_PASSWORD).status_code == 200
    response = change(client, PORTAL, PASSWORD, NEW_PASSWORD)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_signing_in_is_needed_on_the_right_sign_in_page(client, world):
    for url, login_page in ((PORTAL, reverse("portal:login")), (STAFF, reverse("login"))):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{login_page}?next=")
