"""Passwords: a forgotten one reset through a one-time link (by e-mail or SMS, to a verified
contact only), and one's own changed. Either way every other session ends, the sign-in lockout
of the account is lifted and the account is told."""

from __future__ import annotations

from datetime import datetime

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue
from cchc.org.models import User
from cchc.portal.accounts.services._common import AccountInputError, active_citizens, lock_citizen
from cchc.portal.accounts.verification import EMAIL, PHONE

MSG_OLD_PASSWORD_WRONG = _("Mật khẩu hiện tại không đúng.")
RESET_SUBJECT = "Đặt lại mật khẩu tài khoản dịch vụ công"
RESET_DONE_SUBJECT = "Mật khẩu tài khoản dịch vụ công đã được đặt lại"
CHANGED_SUBJECT = "Mật khẩu tài khoản đã được đổi"


def citizen_for_identifier(identifier: str) -> User | None:
    """The one open citizen account whose e-mail (any case) or phone number is
    ``identifier`` (already in canonical form), or ``None``."""
    if "@" in identifier:
        matches = list(active_citizens().filter(email__iexact=identifier)[:2])
    elif identifier:
        matches = list(active_citizens().filter(phone=identifier)[:2])
    else:
        matches = []
    return matches[0] if len(matches) == 1 else None


def password_reset_url(user: User) -> str:
    """The one-time link that sets a new password: Django's token, which stops working once
    the password changes or ``PASSWORD_RESET_TIMEOUT`` has passed."""
    path = reverse(
        "portal:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.CCHC_PUBLIC_URL}{path}"


def password_reset_minutes() -> int:
    """How long a reset link works, in whole minutes (``PASSWORD_RESET_TIMEOUT``)."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 60)


@transaction.atomic
def citizen_request_password_reset(*, identifier: str) -> OutboxMessage | None:
    """Queue a password-reset link for the open citizen account of ``identifier``: by e-mail
    when the citizen typed their e-mail address, by SMS when they typed their phone number —
    the channel they showed they know. Nothing for an unknown identifier (the page says the
    same either way, so it tells nobody which accounts exist). Sent whatever the notification
    consents say: the citizen asked for this message. Only to a verified address or number:
    one mistyped at sign-up belongs to somebody else, who must not be able to take the
    account over by asking for a reset."""
    user = citizen_for_identifier(identifier)
    contact = EMAIL if "@" in identifier else PHONE
    if user is None or not getattr(user, f"{contact}_verified_at"):
        return None
    link = password_reset_url(user)
    minutes = password_reset_minutes()
    if "@" in identifier:
        channel, recipient = OutboxMessage.Channel.EMAIL, user.email
        body = render_to_string(
            "notifications/password_reset.txt",
            {
                "user": user,
                "link": link,
                "minutes": minutes,
                "province_name": settings.CCHC_PROVINCE_NAME,
            },
        ).strip()
    else:
        channel, recipient = OutboxMessage.Channel.SMS, user.phone
        body = f"Đặt lại mật khẩu dịch vụ công (hiệu lực {minutes} phút): {link}"
    return outbox_enqueue(
        channel=channel,
        recipient=recipient,
        subject=RESET_SUBJECT,
        body=body,
        template="password_reset",
        user=user,
        secret=True,
    )


def _store_password(
    locked: User, password: str, now: datetime, *, done: str, subject: str, template: str
) -> None:
    """Save the new password of a locked user row: every other session of the account ends
    (its session hash changes), the sign-in lockout of its username, e-mail and phone is
    lifted, and the account is told — by e-mail, or by SMS for a citizen without one — so that
    a change the owner did not make does not go unnoticed."""
    locked.set_password(password)
    locked.save(update_fields=["password"])
    for identifier in {locked.username, locked.email.lower(), locked.phone} - {""}:
        axes_reset(username=identifier)
    when = timezone.localtime(now).strftime("%H:%M ngày %d/%m/%Y")
    if locked.role == User.Role.CITIZEN:
        account, helpdesk = "tài khoản dịch vụ công", "bộ phận một cửa gần nhất"
    else:
        account, helpdesk = f"tài khoản {locked.username}", "quản trị hệ thống"
    text = (
        f"Mật khẩu {account} của Ông/Bà đã được {done} lúc {when}. Nếu không phải Ông/Bà "
        f"thực hiện, hãy đặt lại mật khẩu ngay và liên hệ {helpdesk}."
    )
    if locked.email:
        channel, recipient = OutboxMessage.Channel.EMAIL, locked.email
    elif locked.role == User.Role.CITIZEN:
        channel, recipient = OutboxMessage.Channel.SMS, locked.phone
    else:
        channel, recipient = OutboxMessage.Channel.EMAIL, ""  # nowhere to send it
    outbox_enqueue(
        channel=channel,
        recipient=recipient,
        subject=subject,
        body=text,
        template=template,
        user=locked,
    )


@transaction.atomic
def citizen_reset_password(*, user: User, password: str, now: datetime | None = None) -> User:
    """Set a new password from a reset link (the citizen has just proved they hold the
    account's e-mail or phone), with the consequences of ``_store_password``."""
    locked = lock_citizen(user)
    _store_password(
        locked,
        password,
        now or timezone.now(),
        done="đặt lại",
        subject=RESET_DONE_SUBJECT,
        template="password_reset_done",
    )
    return locked


@transaction.atomic
def account_change_password(
    *, user: User, old_password: str, password: str, now: datetime | None = None
) -> User:
    """A signed-in citizen or officer changes their own password, giving the current one,
    with the consequences of ``_store_password`` (the view keeps the session it came from)."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if not locked.is_active or not locked.check_password(old_password):
        raise AccountInputError(MSG_OLD_PASSWORD_WRONG, "old_password")
    _store_password(
        locked,
        password,
        now or timezone.now(),
        done="đổi",
        subject=CHANGED_SUBJECT,
        template="password_changed",
    )
    return locked
