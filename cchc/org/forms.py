"""Sign-in form with Vietnamese messages; the username refuses control characters like every
typed text (``cchc.core.validation``)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import CleanTextFormMixin


def lockout_params() -> dict[str, int]:
    """The lockout of the settings (``CCHC_LOGIN_FAILURE_LIMIT`` failures, a
    ``CCHC_LOGIN_COOLOFF_MINUTES`` pause), for the messages that announce it."""
    return {
        "limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }


class LockoutMessageMixin:
    """A wrong password's message names the lockout the settings really apply."""

    def get_invalid_login_error(self) -> ValidationError:
        return ValidationError(
            self.error_messages["invalid_login"], code="invalid_login", params=lockout_params()
        )


class LoginForm(LockoutMessageMixin, CleanTextFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Sau %(limit)s lần sai liên tiếp, tài "
            "khoản bị tạm khoá %(minutes)s phút."
        ),
        "inactive": _("Tài khoản này đã bị khoá."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")
        self.fields["username"].widget = forms.TextInput(
            attrs={"autocomplete": "username", "autofocus": True, "class": "form-control"}
        )
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "form-control"}
        )
