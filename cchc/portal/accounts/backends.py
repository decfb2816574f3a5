"""Sign-in by e-mail address or phone number for citizen accounts.

Listed in ``AUTHENTICATION_BACKENDS`` after django-axes' backend, so a locked-out identifier
is refused before any password is checked and every failure here is counted by axes (it
listens to ``user_login_failed``, which ``django.contrib.auth.authenticate`` sends when no
backend accepts the credentials). Officers keep signing in with their username through
Django's ``ModelBackend``.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from cchc.domain.identity import normalize_phone as pure_normalize_phone
from cchc.domain.identity import phone_ok
from cchc.org.models import User


def normalize_phone(value: str) -> str:
    """``"+84 912.345.678"`` → ``"0912345678"``; anything else comes back stripped."""
    compact = pure_normalize_phone(value)
    return compact if phone_ok(compact) else (value or "").strip()


def normalize_identifier(value: str) -> str:
    """The canonical spelling of what was typed in the sign-in box: e-mail addresses in lower
    case, phone numbers as ten digits, usernames as typed. Axes counts failures per canonical
    identifier, so ``An@Example.vn`` and ``an@example.vn`` share one lockout counter."""
    value = (value or "").strip()
    if "@" in value:
        return value.lower()
    return normalize_phone(value)


class EmailOrPhoneBackend(ModelBackend):
    """Authenticate an open citizen account by e-mail (any case) or phone number."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: object,
    ) -> User | None:
        identifier = normalize_identifier(username or "")
        if not identifier or password is None:
            return None
        citizens = User.objects.filter(role=User.Role.CITIZEN, is_active=True)
        if "@" in identifier:
            matches = list(citizens.filter(email__iexact=identifier)[:2])
        elif phone_ok(identifier):
            matches = list(citizens.filter(phone=identifier)[:2])
        else:
            return None  # a username: ModelBackend's turn
        if len(matches) != 1:
            # Hash anyway, so that "no such account" takes as long as "wrong password".
            User().set_password(password)
            return None
        user = matches[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
