"""Idle sessions end (issue 14, item 9): 15 minutes for officers, 5 on the admin site, 30 for
citizens, each configurable. The time of the last request is moved back in the stored session,
never waited for."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.urls import reverse

from cchc.org.middleware import LAST_SEEN_KEY
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db

WORKLIST = reverse("dossiers:worklist")
EXPIRED = "Phiên làm việc đã hết hạn do không thao tác"


def signed_in(user) -> Client:
    client = Client()
    if user.is_superuser:
        sign_in_verified(client, user)
    else:
        client.force_login(user)
    return client


def idle_for(client: Client, minutes: float) -> None:
    """As if the session's last request were ``minutes`` ago."""
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time() - minutes * 60)
    session.save()


def test_an_officer_idle_for_sixteen_minutes_is_signed_out_with_a_message(counter_officer):
    client = signed_in(counter_officer)
    assert client.get(WORKLIST).status_code == 200
    idle_for(client, 16)

    response = client.get(WORKLIST)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=%2Fcan-bo%2Fho-so%2F"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert f"{EXPIRED} trong 15 phút" in page


def test_an_officer_idle_for_fourteen_minutes_carries_on_and_the_clock_restarts(counter_officer):
    client = signed_in(counter_officer)
    client.get(WORKLIST)
    idle_for(client, 14)

    assert client.get(WORKLIST).status_code == 200
    assert time.time() - client.session[LAST_SEEN_KEY] < 60


def test_the_admin_site_ends_a_session_after_five_idle_minutes(admin_user):
    client = signed_in(admin_user)
    assert client.get("/admin/").status_code == 200
    idle_for(client, 6)

    response = client.get("/admin/org/user/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=%2Fadmin%2Forg%2Fuser%2F"
    assert "_auth_user_id" not in client.session


def test_six_idle_minutes_are_within_an_officers_limit_outside_the_admin_site(admin_user):
    client = signed_in(admin_user)
    client.get(WORKLIST)
    idle_for(client, 6)

    assert client.get(WORKLIST).status_code == 200


def test_an_htmx_request_of_an_expired_session_is_told_to_load_the_sign_in_page(counter_officer):
    client = signed_in(counter_officer)
    client.get(WORKLIST)
    idle_for(client, 20)

    response = client.get(
        reverse("dossiers:worklist_counts"),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/can-bo/ho-so/?tab=mine",
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{reverse('login')}?next=%2Fcan-bo%2Fho-so%2F%3Ftab%3Dmine"
    assert response.content == b""


def test_the_limits_are_settings(counter_officer, settings):
    settings.CCHC_IDLE_MINUTES_OFFICER = 2
    client = signed_in(counter_officer)
    client.get(WORKLIST)
    idle_for(client, 3)

    response = client.get(WORKLIST)

    assert response.status_code == 302
    assert f"{EXPIRED} trong 2 phút" in client.get(response["Location"]).content.decode()


def test_a_citizen_has_thirty_minutes_and_signs_in_again_on_the_portal(citizen):
    client = signed_in(citizen)
    account = reverse("portal:account")
    client.get(account)
    idle_for(client, 25)
    assert client.get(account).status_code == 200
    idle_for(client, 31)

    response = client.get(account)

    assert response["Location"].startswith(reverse("portal:login"))
    assert "_auth_user_id" not in client.session


def test_an_expired_session_is_written_to_the_security_log(counter_officer, caplog):
    client = signed_in(counter_officer)
    client.get(WORKLIST)
    idle_for(client, 16)

    with caplog.at_level("INFO", logger="cchc.security"):
        client.get(WORKLIST)

    (line,) = [
        r.getMessage()
        for r in caplog.records
        if r.name == "cchc.security" and '"event": "session.idle_timeout"' in r.getMessage()
    ]
    assert f'"username": "{counter_officer.username}"' in line
