"""Proving a citizen's e-mail address or phone number: the link sent to it, and opening it
(the signed token itself lives in ``cchc.portal.accounts.verification``). The message is
queued as secret: the outbox never shows or keeps its link."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue
from cchc.org.models import User
from cchc.portal.accounts.verification import (
    EMAIL,
    VerificationLinkError,
    contact_value,
    read_verification_token,
    token_matches,
    verification_url,
    verify_link_hours,
)

VERIFY_SUBJECTS = {
    "email": "Xác minh thư điện tử của tài khoản dịch vụ công",
    "phone": "Xác minh số điện thoại của tài khoản dịch vụ công",
}


def citizen_send_verification(*, user: User, channel: str) -> OutboxMessage | None:
    """Queue the link that proves the account's e-mail address or phone number (``channel``)
    is the citizen's: an e-mail to the address, an SMS to the number. ``None`` when the
    account has no such contact or it is verified already."""
    value = contact_value(user, channel)
    if not value or getattr(user, f"{channel}_verified_at"):
        return None
    link = verification_url(user, channel)
    hours = verify_link_hours()
    if channel == EMAIL:
        kind = OutboxMessage.Channel.EMAIL
        body = render_to_string(
            "notifications/verify_email.txt",
            {
                "user": user,
                "link": link,
                "hours": hours,
                "province_name": settings.CCHC_PROVINCE_NAME,
            },
        ).strip()
    else:
        kind = OutboxMessage.Channel.SMS
        body = f"Xác minh số điện thoại tài khoản dịch vụ công (hiệu lực {hours} giờ): {link}"
    return outbox_enqueue(
        channel=kind,
        recipient=value,
        subject=VERIFY_SUBJECTS[channel],
        body=body,
        template=f"verify_{channel}",
        user=user,
        secret=True,
    )


@transaction.atomic
def citizen_verify_contact(*, token: str, now: datetime | None = None) -> tuple[User, str, bool]:
    """Mark the contact a verification link was sent to as the citizen's: ``(account,
    channel, newly verified)``. ``VerificationLinkError`` for a link that is expired, altered,
    or for an address or number the open account no longer has."""
    user_id, channel, fingerprint = read_verification_token(token)
    locked = (
        User.objects.select_for_update()
        .filter(pk=user_id, role=User.Role.CITIZEN, is_active=True)
        .first()
    )
    if locked is None or not token_matches(locked, channel, fingerprint):
        raise VerificationLinkError("changed")
    field = f"{channel}_verified_at"
    if getattr(locked, field):
        return locked, channel, False
    setattr(locked, field, now or timezone.now())
    locked.save(update_fields=[field])
    return locked, channel, True
