"""Signing in and out, and the lockout after five failures (django-axes)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_an_officer_signs_in_and_sees_their_name(client, counter_officer):
    response = login(client, counter_officer.username, PASSWORD)
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert "Trần Thị Tiếp Nhận" in page
    assert "Cán bộ một cửa" in page


def test_a_wrong_password_says_so_in_vietnamese(client, counter_officer):
    response = login(client, counter_officer.username, "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_five_failures_lock_the_account_even_with_the_right_password(client, counter_officer):
    for _ in range(5):
        login(client, counter_officer.username, "sai-mat-khau")
    response = login(client, counter_officer.username, PASSWORD)
    assert response.status_code == 429
    assert "tạm khoá" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post(client, counter_officer):
    client.force_login(counter_officer)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_language_switch_to_english(client, counter_officer):
    client.force_login(counter_officer)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page


def test_a_control_character_in_the_username_is_refused_in_vietnamese(client, counter_officer):
    response = login(client, counter_officer.username + "\x01", PASSWORD)
    assert response.status_code == 200
    assert "Có ký tự điều khiển không hiển thị được (U+0001" in response.content.decode()
    assert "_auth_user_id" not in client.session
