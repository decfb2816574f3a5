"""API tokens expire (``CCHC_API_TOKEN_DAYS``, a year by default) and record when they were
last used; an expired token answers 401 like an unknown one. The admin shows both moments."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cchc.org.models import ApiToken
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db


def me(client, raw: str):
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})


def test_a_token_is_issued_for_a_year_by_default(specialist):
    before = timezone.now()

    token, _raw = ApiToken.issue(specialist)

    assert before + timedelta(days=365) <= token.expires_at
    assert token.expires_at <= timezone.now() + timedelta(days=365)


def test_the_lifetime_is_a_setting(specialist, settings):
    settings.CCHC_API_TOKEN_DAYS = 30
    token, _raw = ApiToken.issue(specialist)
    assert token.expires_at - token.created_at < timedelta(days=30, minutes=1)
    assert token.expires_at - token.created_at > timedelta(days=29, hours=23)


def test_a_token_works_until_it_expires_and_then_answers_401_in_json(client, specialist):
    token, raw = ApiToken.issue(specialist)
    assert me(client, raw).status_code == 200

    token.expires_at = timezone.now() - timedelta(seconds=1)
    token.save(update_fields=["expires_at"])
    response = me(client, raw)

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_using_a_token_records_when(client, specialist):
    token, raw = ApiToken.issue(specialist)
    assert token.last_used_at is None

    before = timezone.now()
    me(client, raw)

    token.refresh_from_db()
    assert token.last_used_at is not None and token.last_used_at >= before


def test_an_expired_token_is_not_marked_used(client, specialist):
    token, raw = ApiToken.issue(specialist)
    token.expires_at = timezone.now() - timedelta(days=1)
    token.save(update_fields=["expires_at"])

    me(client, raw)

    token.refresh_from_db()
    assert token.last_used_at is None


def test_the_command_issues_a_token_for_the_given_days(specialist, capsys):
    call_command("issue_api_token", specialist.username, "--days", "90")

    raw = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(key_hash=ApiToken.digest(raw))
    assert timedelta(days=89) < token.expires_at - token.created_at <= timedelta(days=90)


def test_the_admin_shows_expiry_and_last_use(client, admin_user, specialist):
    token, raw = ApiToken.issue(specialist, name="hệ thống X")
    sign_in_verified(client, admin_user)

    listing = client.get(reverse("admin:org_apitoken_changelist")).content.decode()
    detail = client.get(reverse("admin:org_apitoken_change", args=[token.pk])).content.decode()

    for page in (listing, detail):
        assert "Hết hạn lúc" in page or "hết hạn lúc" in page
        assert "Dùng lần cuối" in page or "dùng lần cuối" in page
    assert raw not in detail
