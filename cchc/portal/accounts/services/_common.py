"""What the account services share: the input error their callers show, and the open
citizen accounts they work on."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from cchc.org.models import User

MSG_NOT_CITIZEN = _("Chức năng này chỉ dành cho tài khoản công dân.")


class AccountInputError(ValueError):
    """Input that breaks an account rule (shown as a form error on ``field``)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


def active_citizens() -> Any:
    return User.objects.filter(role=User.Role.CITIZEN, is_active=True)


def lock_citizen(user: User) -> User:
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.role != User.Role.CITIZEN or not locked.is_active:
        raise AccountInputError(MSG_NOT_CITIZEN)
    return locked
