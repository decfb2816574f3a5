"""Sign-in is throttled per client address as well as per username (decision 0007): one
address spraying passwords over many usernames is stopped at ``CCHC_LOGIN_ADDRESS_FAILURE_LIMIT``
failures on every sign-in form — the officers', the citizens', the administration's — while
the officers behind the same office NAT keep their own accounts unlocked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SPRAYER = "203.0.113.66"
NEIGHBOUR = "198.51.100.20"

FORMS = [reverse("login"), reverse("portal:login"), "/admin/login/"]


def sign_in(path: str, username: str, password: str, *, address: str, **extra: str):
    return Client(REMOTE_ADDR=address, **extra).post(
        path, {"username": username, "password": password}
    )


def spray(count: int, *, address: str = SPRAYER, **extra: str) -> list[int]:
    """``count`` wrong passwords from one address, each for another username, round the
    three sign-in forms; the status codes answered."""
    return [
        sign_in(
            FORMS[n % len(FORMS)], f"khong-co-{n}", "sai-mat-khau", address=address, **extra
        ).status_code
        for n in range(count)
    ]


def test_thirty_failures_from_one_address_over_different_usernames_are_throttled(world):
    answers = spray(30)

    limit = settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT
    assert limit < 30
    assert answers[: limit - 1] == [200] * (limit - 1)
    assert set(answers[limit - 1 :]) == {429}


@pytest.mark.parametrize("path", FORMS)
def test_a_throttled_address_cannot_sign_in_even_with_the_right_password(path, counter_officer):
    spray(settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT)

    response = sign_in(path, counter_officer.username, PASSWORD, address=SPRAYER)

    assert response.status_code == 429
    assert "Quá nhiều lần đăng nhập sai từ địa chỉ mạng này" in response.content.decode()
    assert "_auth_user_id" not in response.client.session


def test_the_admin_sign_in_counts_and_is_throttled(admin_user):
    for n in range(settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        assert sign_in("/admin/login/", f"quan-tri-{n}", "x", address=SPRAYER).status_code == 200

    assert sign_in("/admin/login/", "quan-tri-cuoi", "x", address=SPRAYER).status_code == 429
    assert sign_in("/admin/login/", admin_user.username, PASSWORD, address=SPRAYER).status_code == (
        429
    )


def test_another_address_signs_in_while_one_is_throttled(counter_officer):
    spray(settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT)

    response = sign_in(reverse("login"), counter_officer.username, PASSWORD, address=NEIGHBOUR)

    assert response.status_code == 302


def test_tries_refused_by_the_address_throttle_do_not_lock_the_colleague_account(
    counter_officer,
):
    spray(settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(reverse("login"), counter_officer.username, PASSWORD, address=SPRAYER)

    assert not AccessAttempt.objects.filter(username=counter_officer.username).exists()
    # The address's failures age past the cool-off: the officer signs in at once.
    for attempt in AccessAttempt.objects.filter(ip_address=SPRAYER):
        attempt.attempt_time -= settings.AXES_COOLOFF_TIME + timedelta(minutes=1)
        attempt.save(update_fields=["attempt_time"])
    response = sign_in(reverse("login"), counter_officer.username, PASSWORD, address=SPRAYER)
    assert response.status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(world, settings):
    settings.NUM_PROXIES = 0
    answers = [
        sign_in(
            reverse("login"),
            f"khong-co-{n}",
            "sai",
            address=SPRAYER,
            HTTP_X_FORWARDED_FOR=f"10.9.{n}.1",
        ).status_code
        for n in range(settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT + 1)
    ]

    assert answers[-1] == 429


def test_behind_the_proxy_each_client_address_is_counted_apart(counter_officer, settings):
    settings.NUM_PROXIES = 1
    nginx = "127.0.0.1"
    spray(settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT, address=nginx, HTTP_X_FORWARDED_FOR=SPRAYER)

    throttled = sign_in(
        reverse("login"), "ai-do", "sai", address=nginx, HTTP_X_FORWARDED_FOR=SPRAYER
    )
    neighbour = sign_in(
        reverse("login"),
        counter_officer.username,
        PASSWORD,
        address=nginx,
        HTTP_X_FORWARDED_FOR=NEIGHBOUR,
    )

    assert throttled.status_code == 429
    assert neighbour.status_code == 302


def test_five_failures_for_one_username_from_different_addresses_still_lock_it(counter_officer):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(reverse("login"), counter_officer.username, "sai", address=f"192.0.2.{n + 1}")

    response = sign_in(reverse("login"), counter_officer.username, PASSWORD, address=NEIGHBOUR)

    assert response.status_code == 429
    assert "tạm khoá" in response.content.decode()


def test_password_reset_requests_from_one_address_are_throttled(world):
    answers = [
        Client(REMOTE_ADDR="192.0.2.200")
        .post(reverse("portal:password_reset"), {"identifier": f"nguoi{n}@example.vn"})
        .status_code
        for n in range(30)
    ]

    assert 302 in answers
    assert answers[-1] == 429


def test_a_request_without_a_valid_address_still_signs_in(counter_officer):
    # axes keeps addresses in an IP column (PostgreSQL's inet refuses anything else).
    failed = sign_in(reverse("login"), counter_officer.username, "sai", address="")
    signed_in = sign_in(reverse("login"), counter_officer.username, PASSWORD, address="")

    assert failed.status_code == 200
    assert signed_in.status_code == 302
