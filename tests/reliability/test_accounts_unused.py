"""Accounts unused for 45 days are disabled (issue 14, item 9): officers and administrators,
never citizens; each disabling logged; an administrator enables the account again and its
count restarts."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from cchc.org.jobs import accounts_disable_unused
from cchc.org.models import ApiToken, User
from tests.factories import PASSWORD, UserFactory
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db


def last_signed_in(user: User, days_ago: int | None, *, joined_days_ago: int = 400) -> User:
    now = timezone.now()
    User.objects.filter(pk=user.pk).update(
        last_login=None if days_ago is None else now - timedelta(days=days_ago),
        date_joined=now - timedelta(days=joined_days_ago),
    )
    user.refresh_from_db()
    return user


@pytest.fixture
def quiet_world(world):
    """Every account of the test province signed in yesterday: only what a test ages counts."""
    User.objects.update(last_login=timezone.now() - timedelta(days=1))
    return world


def test_an_officer_without_a_sign_in_for_46_days_is_disabled_and_logged(
    quiet_world, counter_officer, caplog
):
    last_signed_in(counter_officer, 46)

    with caplog.at_level(logging.INFO, logger="cchc.security"):
        disabled = accounts_disable_unused()

    assert disabled == [counter_officer.username]
    counter_officer.refresh_from_db()
    assert not counter_officer.is_active
    assert counter_officer.idle_disabled_at is not None
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "cchc.security"]
    (line,) = [line for line in lines if line["event"] == "account.disable"]
    assert (line["event"], line["username"], line["reason"], line["idle_days"]) == (
        "account.disable",
        counter_officer.username,
        "unused",
        45,
    )


def test_44_days_is_not_yet_unused(quiet_world, counter_officer):
    last_signed_in(counter_officer, 44)

    assert accounts_disable_unused() == []


def test_an_account_that_never_signed_in_counts_from_its_creation(quiet_world):
    old = last_signed_in(UserFactory(username="never.old"), None, joined_days_ago=46)
    last_signed_in(UserFactory(username="never.new"), None, joined_days_ago=10)

    assert accounts_disable_unused() == [old.username]


def test_administrators_are_disabled_too_but_citizens_never(quiet_world, admin_user, citizen):
    last_signed_in(admin_user, 100)
    last_signed_in(citizen, 400)

    assert accounts_disable_unused() == [admin_user.username]
    citizen.refresh_from_db()
    assert citizen.is_active


def test_an_account_used_through_an_api_token_is_in_use(quiet_world, specialist):
    last_signed_in(specialist, 100)
    token, _ = ApiToken.issue(specialist, "tích hợp")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - timedelta(days=3))

    assert accounts_disable_unused() == []


def test_a_disabled_account_cannot_sign_in(quiet_world, counter_officer):
    last_signed_in(counter_officer, 46)
    accounts_disable_unused()

    response = Client().post(
        "/tai-khoan/dang-nhap/", {"username": counter_officer.username, "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in response.client.session


def test_a_second_run_finds_nothing_more(quiet_world, counter_officer):
    last_signed_in(counter_officer, 46)

    assert accounts_disable_unused() == [counter_officer.username]
    assert accounts_disable_unused() == []


def test_zero_days_turns_the_rule_off(quiet_world, counter_officer, settings):
    settings.CCHC_ACCOUNT_IDLE_DAYS = 0
    last_signed_in(counter_officer, 400)

    assert accounts_disable_unused() == []


def test_the_command_names_the_accounts_it_disabled(quiet_world, counter_officer):
    last_signed_in(counter_officer, 46)
    out = StringIO()

    call_command("accounts_disable_unused", stdout=out)

    assert out.getvalue().splitlines() == [
        "Đã khoá 1 tài khoản không sử dụng quá 45 ngày.",
        f"  {counter_officer.username}",
    ]


def test_an_administrator_enables_it_again_and_the_count_restarts(
    quiet_world, admin_user, counter_officer, caplog
):
    last_signed_in(counter_officer, 46)
    accounts_disable_unused()
    sign_in_verified(client := Client(), admin_user)

    with caplog.at_level(logging.INFO, logger="cchc.security"):
        response = client.post(
            "/admin/org/user/",
            {"action": "enable_accounts", "_selected_action": [counter_officer.pk]},
        )

    assert response.status_code == 302
    counter_officer.refresh_from_db()
    assert counter_officer.is_active and counter_officer.idle_disabled_at is None
    assert counter_officer.reactivated_at is not None
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "cchc.security"]
    enabled = [e["target_username"] for e in events if e["event"] == "account.enable"]
    assert enabled == [counter_officer.username]
    # Still no sign-in for 46 days, but enabled today: the next run leaves it alone.
    assert accounts_disable_unused() == []


def test_ticking_active_on_the_users_page_counts_as_enabling(
    quiet_world, admin_user, counter_officer
):
    last_signed_in(counter_officer, 46)
    accounts_disable_unused()
    sign_in_verified(client := Client(), admin_user)
    page = client.get(f"/admin/org/user/{counter_officer.pk}/change/")
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if key in form.fields and value is not None and key not in ("password", "groups")
    }
    data.update(
        {
            "is_active": "on",
            "date_joined_0": timezone.localtime(counter_officer.date_joined).strftime("%d/%m/%Y"),
            "date_joined_1": "08:00:00",
            "last_login_0": "",
            "last_login_1": "",
            "user_permissions": [],
        }
    )
    data = {k: v for k, v in data.items() if not isinstance(v, bool) or v}

    response = client.post(f"/admin/org/user/{counter_officer.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    counter_officer.refresh_from_db()
    assert counter_officer.is_active and counter_officer.reactivated_at is not None
    assert accounts_disable_unused() == []
