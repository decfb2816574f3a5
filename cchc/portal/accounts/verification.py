"""Proof that a citizen's e-mail address or phone number is theirs: a signed link sent to it.

The token names the account, the channel and a fingerprint of the address or number it was
sent to, and carries its own time stamp: it works for ``CCHC_VERIFY_LINK_HOURS`` (72 by
default), and only while the account still has that same address or number — a link sent to
a mistyped address that was corrected since proves nothing and verifies nothing. Opening it
twice is harmless. Signed with the project's secret key (``django.core.signing``), so nobody
can forge one for another account.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core import signing
from django.urls import reverse

from cchc.org.models import User

SALT = "cchc.portal.contact-verification"
EMAIL, PHONE = "email", "phone"
CHANNELS = (EMAIL, PHONE)
_CODES = {EMAIL: "e", PHONE: "p"}


class VerificationLinkError(ValueError):
    """The link is expired, altered, or for an address the account no longer has."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "expired" | "invalid" | "changed"


def contact_value(user: User, channel: str) -> str:
    return user.email if channel == EMAIL else user.phone


def _fingerprint(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:16]


def verify_link_hours() -> int:
    return max(1, int(settings.CCHC_VERIFY_LINK_HOURS))


def verification_token(user: User, channel: str) -> str:
    value = contact_value(user, channel)
    payload = f"{user.pk}.{_CODES[channel]}.{_fingerprint(value)}"
    return signing.TimestampSigner(salt=SALT).sign(payload)


def verification_url(user: User, channel: str) -> str:
    path = reverse("portal:verify_contact", args=[verification_token(user, channel)])
    return f"{settings.CCHC_PUBLIC_URL}{path}"


def read_verification_token(token: str) -> tuple[int, str, str]:
    """``(user id, channel, fingerprint)`` of a valid, unexpired token; else
    ``VerificationLinkError``."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        payload = signer.unsign(token, max_age=verify_link_hours() * 3600)
    except signing.SignatureExpired:
        raise VerificationLinkError("expired") from None
    except signing.BadSignature:
        raise VerificationLinkError("invalid") from None
    user_id, code, fingerprint = payload.split(".")
    channel = {v: k for k, v in _CODES.items()}[code]
    return int(user_id), channel, fingerprint


def token_matches(user: User, channel: str, fingerprint: str) -> bool:
    value = contact_value(user, channel)
    return bool(value) and _fingerprint(value) == fingerprint
