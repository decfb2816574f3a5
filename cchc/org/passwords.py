"""Password history (issue 14, item 9): an officer or administrator may not choose again any of
their last ``CCHC_PASSWORD_HISTORY`` (5) passwords.

Two halves, so that every way a password is set is covered without each knowing of it: the
validator in ``AUTH_PASSWORD_VALIDATORS`` refuses the current password and the previous N-1
wherever Django's validation runs (the back office's and the portal's change forms, the admin's
"change password" pages, ``manage.py changepassword``); a ``pre_save`` receiver on the user
records the hash being replaced whenever a saved password changes, however it was set
(``set_password`` in a view, a service, the admin, a reset link, a script). Only hashes are
kept, and only the last N-1 per person. Citizens are not concerned (they rarely change a
password and are not administrators); a superuser is, whatever their role.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.utils.translation import ngettext

MSG_REUSED = N_("Không được dùng lại một trong %(count)s mật khẩu gần nhất của tài khoản.")


def history_length() -> int:
    return max(0, settings.CCHC_PASSWORD_HISTORY)


def concerned(user: Any) -> bool:
    """Officers and administrators keep a password history; citizens do not."""
    if user is None:
        return False
    role = getattr(user, "role", "")
    return bool(
        getattr(user, "is_superuser", False)
        or getattr(user, "is_staff", False)
        or role != "citizen"
    )


def recent_hashes(user: Any) -> list[str]:
    """The hashes a new password must not match: the current one and the previous N-1."""
    from cchc.org.models import PasswordHistory, User

    count = history_length()
    if not count or user is None or user.pk is None:
        return []
    kept = list(
        PasswordHistory.objects.filter(user_id=user.pk)
        .order_by("-set_at", "-pk")
        .values_list("password", flat=True)[: count - 1]
    )
    current = User.objects.filter(pk=user.pk).values_list("password", flat=True).first()
    return [encoded for encoded in dict.fromkeys([current, *kept]) if encoded]


def _matches(password: str, encoded: str) -> bool:
    try:
        return check_password(password, encoded)
    except ValueError:  # a hash of an algorithm no longer configured: cannot match
        return False


class PasswordHistoryValidator:
    """Refuses any of the person's last ``CCHC_PASSWORD_HISTORY`` passwords."""

    def validate(self, password: str, user: Any = None) -> None:
        if not concerned(user):
            return
        if any(_matches(password, encoded) for encoded in recent_hashes(user)):
            raise ValidationError(
                _(MSG_REUSED) % {"count": history_length()}, code="password_reused"
            )

    def get_help_text(self) -> str:
        count = history_length()
        return ngettext(
            "Không dùng lại mật khẩu gần nhất.",
            "Không dùng lại %(count)s mật khẩu gần nhất.",
            count,
        ) % {"count": count}


def record_replaced_password(
    sender: type, instance: Any, update_fields: Any = None, **_: Any
) -> None:
    """``pre_save`` of the user: when the stored password is about to change, keep the hash it
    replaces (then only the last N-1). Connected in ``OrgConfig.ready``."""
    from cchc.org.models import PasswordHistory

    count = history_length()
    if instance.pk is None or not count or not concerned(instance):
        return
    if update_fields is not None and "password" not in update_fields:
        return
    previous = type(instance).objects.filter(pk=instance.pk).values_list("password", flat=True)
    old = previous.first()
    if not old or old == instance.password:
        return
    PasswordHistory.objects.create(user_id=instance.pk, password=old)
    stale = (
        PasswordHistory.objects.filter(user_id=instance.pk)
        .order_by("-set_at", "-pk")
        .values_list("pk", flat=True)[max(count - 1, 0) :]
    )
    PasswordHistory.objects.filter(pk__in=list(stale)).delete()
