"""Two-step sign-in (issue 14, item 9): required for administrators, offered to officers, never
asked of citizens; codes throttled and every outcome in the security log."""

from __future__ import annotations

import json
import logging
import re
from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cchc.org.admin_site import CchcAdminSite
from tests.factories import PASSWORD
from tests.twofactor import current_code, give_device, sign_in_verified

pytestmark = pytest.mark.django_db

ENROL = reverse("otp_enrol")
VERIFY = reverse("otp_verify")
MANAGE = reverse("otp_manage")
WORKLIST = reverse("dossiers:worklist")


@pytest.fixture
def security_lines(caplog):
    """The security log's records, parsed, as the test goes."""
    caplog.set_level(logging.INFO, logger="cchc.security")

    def lines(event: str | None = None) -> list[dict]:
        records = [json.loads(r.getMessage()) for r in caplog.records if r.name == "cchc.security"]
        return [r for r in records if event is None or r["event"] == event]

    return lines


def password_sign_in(user, path: str = reverse("login")) -> Client:
    client = Client()
    response = client.post(path, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def test_an_administrator_without_a_device_is_sent_to_enrol_before_the_admin_site(admin_user):
    client = password_sign_in(admin_user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2F"


def test_an_administrator_with_a_device_is_asked_for_the_code_before_any_page(admin_user):
    give_device(admin_user)
    client = password_sign_in(admin_user, "/admin/login/")

    for path in ("/admin/", "/admin/org/user/", WORKLIST, reverse("home")):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{VERIFY}?next="), path


def test_an_unverified_htmx_request_is_told_to_load_the_code_page_not_given_it_as_a_fragment(
    admin_user,
):
    give_device(admin_user)
    client = password_sign_in(admin_user)

    response = client.get(
        WORKLIST, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://testserver/can-bo/ho-so/"
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{VERIFY}?next=%2Fcan-bo%2Fho-so%2F"
    assert response.content == b""


def test_enrolment_shows_a_qr_code_drawn_here_and_the_secret_then_the_first_code_opens_the_admin(
    admin_user, security_lines
):
    client = password_sign_in(admin_user)

    page = client.get(f"{ENROL}?next=/admin/")
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=admin_user, confirmed=False)
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert "<path" in svg and "style=" not in svg
    assert "<script" not in svg
    secret = re.search(r'data-testid="otp-secret">([A-Z2-7 ]+)<', html).group(1)
    assert len(secret.replace(" ", "")) == 32  # 20 random bytes in base32
    # The page never loads anything from elsewhere and keeps the CSP without inline styles.
    assert "unsafe-inline" not in page["Content-Security-Policy"]

    answer = client.post(ENROL, {"token": current_code(device), "next": "/admin/"})

    assert answer.status_code == 302 and answer["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert [line["outcome"] for line in security_lines("otp.enrol")] == ["success"]


def test_a_wrong_code_at_enrolment_leaves_the_device_unconfirmed(admin_user, security_lines):
    client = password_sign_in(admin_user)
    client.get(ENROL)

    answer = client.post(ENROL, {"token": "000000"})

    assert answer.status_code == 200
    assert "Mã xác thực không đúng" in answer.content.decode()
    assert not TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()
    assert client.get("/admin/")["Location"].startswith(ENROL)
    assert security_lines("otp.enrol")[0]["outcome"] == "failure"


def test_the_right_code_verifies_the_session_and_returns_where_it_was_going(
    admin_user, security_lines
):
    device = give_device(admin_user)
    client = password_sign_in(admin_user)

    answer = client.post(VERIFY, {"token": current_code(device), "next": "/admin/org/user/"})

    assert answer.status_code == 302 and answer["Location"] == "/admin/org/user/"
    assert client.get("/admin/org/user/").status_code == 200
    # The sign-in writes its own auth.login line (the security log's); the second step one.
    assert [
        (line["event"], line["outcome"])
        for line in security_lines()
        if line["event"].startswith("otp.")
    ] == [("otp.verify", "success")]


def test_a_next_address_on_another_site_is_not_followed(admin_user):
    device = give_device(admin_user)
    client = password_sign_in(admin_user)

    answer = client.post(VERIFY, {"token": current_code(device), "next": "https://evil.example/"})

    assert answer["Location"] == reverse("home")


def test_wrong_codes_are_logged_and_throttled_so_that_even_the_right_code_waits(
    admin_user, security_lines
):
    device = give_device(admin_user)
    client = password_sign_in(admin_user)

    wrong = client.post(VERIFY, {"token": "123456"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    # As if five wrong codes had come a while apart: django-otp locks 1 × 2^4 = 16 s.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=5, throttling_failure_timestamp=timezone.now()
    )
    refused = client.post(VERIFY, {"token": current_code(device)})

    assert refused.status_code == 400
    assert "Đã nhập sai mã nhiều lần" in refused.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    # The lock over (its stored moment moved back, never a sleep), the right code works.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=17)
    )
    assert client.post(VERIFY, {"token": current_code(device)}).status_code == 302
    lines = security_lines("otp.verify")
    assert [(line["outcome"], line.get("reason")) for line in lines] == [
        ("failure", "wrong_code"),
        ("failure", "throttled"),
        ("success", None),
    ]
    assert lines[0]["username"] == admin_user.username


def test_something_that_is_not_a_code_is_refused_with_a_clear_message(admin_user):
    give_device(admin_user)
    client = password_sign_in(admin_user)

    answer = client.post(VERIFY, {"token": "abc"})

    assert answer.status_code == 400
    assert "Mã xác thực gồm 6 chữ số" in answer.content.decode()


def test_the_admin_site_itself_refuses_a_session_not_verified_with_a_code(admin_user):
    site = CchcAdminSite()
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    admin_user.is_verified = lambda: False

    assert site.has_permission(request) is False
    admin_user.is_verified = lambda: True
    assert site.has_permission(request) is True


def test_signing_out_stays_possible_before_the_code(admin_user):
    give_device(admin_user)
    client = password_sign_in(admin_user)

    answer = client.post(reverse("logout"))

    assert answer.status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_officer_is_not_asked_for_a_code_until_they_enrol(counter_officer):
    client = password_sign_in(counter_officer)

    assert client.get(WORKLIST).status_code == 200
    assert "Đang tắt" in client.get(MANAGE).content.decode()


def test_an_officer_who_enrolled_is_asked_for_the_code_at_the_next_sign_in(
    counter_officer, security_lines
):
    client = password_sign_in(counter_officer)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=counter_officer)
    assert client.post(ENROL, {"token": current_code(device)}).status_code == 302
    assert "Đang bật" in client.get(MANAGE).content.decode()

    again = password_sign_in(counter_officer)

    assert again.get(WORKLIST)["Location"].startswith(VERIFY)
    assert again.post(VERIFY, {"token": current_code(device, steps_ahead=1)}).status_code == 302
    assert again.get(WORKLIST).status_code == 200


def test_an_officer_turns_it_off_with_a_current_code(counter_officer, security_lines):
    device = sign_in_verified(client := Client(), counter_officer)

    wrong = client.post(reverse("otp_remove"), {"token": "000000"})
    assert wrong.status_code == 400
    assert TOTPDevice.objects.filter(user=counter_officer).exists()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)  # lock over
    answer = client.post(reverse("otp_remove"), {"token": current_code(device)})

    assert answer.status_code == 302
    assert not TOTPDevice.objects.filter(user=counter_officer).exists()
    assert [line["outcome"] for line in security_lines("otp.remove")] == ["failure", "success"]
    assert password_sign_in(counter_officer).get(WORKLIST).status_code == 200


def test_an_administrator_cannot_turn_their_own_off(admin_user):
    device = sign_in_verified(client := Client(), admin_user)

    answer = client.post(reverse("otp_remove"), {"token": current_code(device)})

    assert answer.status_code == 403
    assert TOTPDevice.objects.filter(user=admin_user).exists()
    assert "không tắt được" in client.get(MANAGE).content.decode()


def test_an_administrator_removes_a_lost_phones_device_and_it_is_logged(
    admin_user, counter_officer, security_lines
):
    give_device(counter_officer)
    sign_in_verified(client := Client(), admin_user)

    answer = client.post(
        "/admin/org/user/",
        {"action": "remove_two_step_devices", "_selected_action": [counter_officer.pk]},
    )

    assert answer.status_code == 302
    assert not TOTPDevice.objects.filter(user=counter_officer).exists()
    (line,) = security_lines("otp.remove")
    assert (line["username"], line["target_username"], line["by_admin"]) == (
        admin_user.username,
        counter_officer.username,
        True,
    )


def test_the_device_list_in_the_admin_shows_no_secret_and_removal_is_logged(
    admin_user, counter_officer, security_lines
):
    device = give_device(counter_officer)
    sign_in_verified(client := Client(), admin_user)
    url = f"/admin/otp_totp/totpdevice/{device.pk}/"

    page = client.get(f"{url}change/").content.decode()
    assert device.key not in page
    client.post(f"{url}delete/", {"post": "yes"})

    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert security_lines("otp.remove")[0]["target_username"] == counter_officer.username


def test_a_citizen_is_never_asked_and_cannot_enrol(citizen):
    client = password_sign_in(citizen, reverse("portal:login"))

    assert client.get(reverse("portal:account")).status_code == 200
    assert client.get(ENROL).status_code == 403
