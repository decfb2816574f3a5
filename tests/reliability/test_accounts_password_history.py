"""Password history (issue 14, item 9): an administrator or officer may not choose any of their
last ``CCHC_PASSWORD_HISTORY`` (5) passwords again — on the back office's page, in the admin,
wherever Django validates a password; only hashes are kept."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from cchc.org.models import PasswordHistory
from tests.factories import PASSWORD
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db

REUSED = "Không được dùng lại một trong 5 mật khẩu gần nhất của tài khoản."
PASSWORDS = [f"Mật-khẩu-dài-số-{n}-xyz" for n in range(1, 8)]


def change(user, password: str) -> None:
    user.set_password(password)
    user.save()


def refused(password: str, user) -> bool:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return REUSED in error.messages
    return False


def test_an_officer_cannot_go_back_to_the_password_they_just_left(counter_officer):
    client = Client()
    client.force_login(counter_officer)
    url = reverse("password_change")
    first = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": PASSWORDS[0], "new_password2": PASSWORDS[0]},
    )
    assert first.status_code == 302

    again = client.post(
        url,
        {"old_password": PASSWORDS[0], "new_password1": PASSWORD, "new_password2": PASSWORD},
    )

    assert again.status_code == 200
    assert REUSED in again.content.decode()
    counter_officer.refresh_from_db()
    assert counter_officer.check_password(PASSWORDS[0])


def test_the_last_five_are_refused_and_the_sixth_is_allowed_again(counter_officer):
    for password in PASSWORDS[:6]:
        change(counter_officer, password)

    assert [refused(p, counter_officer) for p in PASSWORDS[:6]] == [
        False,  # six changes ago: out of the history
        True,
        True,
        True,
        True,
        True,  # the current one
    ]
    assert not refused(PASSWORDS[6], counter_officer)


def test_only_the_hashes_of_the_last_five_are_kept_never_the_password_itself(counter_officer):
    for password in PASSWORDS:
        change(counter_officer, password)

    kept = list(
        PasswordHistory.objects.filter(user=counter_officer).values_list("password", flat=True)
    )
    assert len(kept) == 4  # the four before the current one, which the user row holds
    assert not any(password in encoded for password in PASSWORDS for encoded in kept)
    assert [refused(p, counter_officer) for p in PASSWORDS] == [False] * 2 + [True] * 5


def test_a_password_set_without_the_forms_is_remembered_too(counter_officer):
    """A password set by a script or a service that does not validate still joins the history."""
    counter_officer.set_password(PASSWORDS[0])
    counter_officer.save(update_fields=["password"])

    assert refused(PASSWORD, counter_officer)
    assert refused(PASSWORDS[0], counter_officer)


def test_an_administrator_is_refused_a_recent_password_on_the_admins_own_page(admin_user):
    change(admin_user, PASSWORDS[0])
    change(admin_user, PASSWORDS[1])
    sign_in_verified(client := Client(), admin_user)

    response = client.post(
        "/admin/password_change/",
        {
            "old_password": PASSWORDS[1],
            "new_password1": PASSWORDS[0],
            "new_password2": PASSWORDS[0],
        },
    )

    assert response.status_code == 200
    assert REUSED in response.content.decode()


def test_an_administrator_setting_an_officers_password_is_refused_one_of_theirs(
    admin_user, specialist
):
    change(specialist, PASSWORDS[2])
    change(specialist, PASSWORDS[3])
    sign_in_verified(client := Client(), admin_user)
    url = f"/admin/org/user/{specialist.pk}/password/"

    refused_answer = client.post(url, {"password1": PASSWORDS[2], "password2": PASSWORDS[2]})
    accepted = client.post(url, {"password1": PASSWORDS[4], "password2": PASSWORDS[4]})

    assert REUSED in refused_answer.content.decode()
    assert accepted.status_code == 302
    specialist.refresh_from_db()
    assert specialist.check_password(PASSWORDS[4])
    assert refused(PASSWORDS[4], specialist)


def test_the_current_password_counts_even_without_a_history(reform_officer):
    """No history row yet (an account older than the rule): its current password is refused."""
    assert not PasswordHistory.objects.filter(user=reform_officer).exists()

    assert refused(PASSWORD, reform_officer)


def test_citizens_keep_no_history(citizen):
    change(citizen, PASSWORDS[0])
    change(citizen, PASSWORDS[1])

    assert not PasswordHistory.objects.filter(user=citizen).exists()
    assert not refused(PASSWORDS[0], citizen)


def test_a_history_of_zero_turns_the_rule_off(counter_officer, settings):
    settings.CCHC_PASSWORD_HISTORY = 0
    change(counter_officer, PASSWORDS[0])
    change(counter_officer, PASSWORDS[1])

    assert not refused(PASSWORDS[0], counter_officer)
    assert not PasswordHistory.objects.filter(user=counter_officer).exists()
