"""Opening, changing and closing a citizen account (every write one service, atomic,
re-checking what the forms checked: two sign-ups can race for one e-mail address).

Consents (notifications by e-mail, by SMS) are recorded as ``ConsentRecord`` rows whenever
they change, with the notice version in force (see ``privacy``). Closing an account keeps the
user row and every dossier — official records are never deleted (ARCHITECTURE "Data is never
lost") — but empties the personal fields of the account itself: the dossiers carry their own
copy of the applicant's details, which is the public record.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.org.models import ApiToken, ConsentRecord, User
from cchc.portal.accounts.privacy import NOTICE_VERSION
from cchc.portal.accounts.services._common import AccountInputError, active_citizens, lock_citizen
from cchc.portal.accounts.services.contacts import citizen_send_verification
from cchc.portal.accounts.verification import CHANNELS

MSG_CONTACT_REQUIRED = _("Vui lòng nhập thư điện tử hoặc số điện thoại (ít nhất một trong hai).")
MSG_EMAIL_TAKEN = _("Thư điện tử này đã được dùng cho một tài khoản khác.")
MSG_PHONE_TAKEN = _("Số điện thoại này đã được dùng cho một tài khoản khác.")
MSG_EMAIL_FOR_NOTICES = _("Để nhận thông báo qua thư điện tử, vui lòng nhập thư điện tử.")
MSG_PHONE_FOR_NOTICES = _("Để nhận thông báo qua tin nhắn SMS, vui lòng nhập số điện thoại.")

CLOSED_NAME = "Tài khoản đã đóng"


@dataclass(frozen=True)
class ProfileData:
    full_name: str
    address: str
    email: str = ""
    phone: str = ""


def email_taken(email: str, *, exclude: User | None = None) -> bool:
    """Is ``email`` (any case) the address of another open citizen account?"""
    if not email:
        return False
    others = active_citizens().filter(email__iexact=email)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


def phone_taken(phone: str, *, exclude: User | None = None) -> bool:
    if not phone:
        return False
    others = active_citizens().filter(phone=phone)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


def _check_contact(
    profile: ProfileData, *, notify_email: bool, notify_sms: bool, user: User | None
) -> None:
    if not profile.email and not profile.phone:
        raise AccountInputError(MSG_CONTACT_REQUIRED, "email")
    if email_taken(profile.email, exclude=user):
        raise AccountInputError(MSG_EMAIL_TAKEN, "email")
    if phone_taken(profile.phone, exclude=user):
        raise AccountInputError(MSG_PHONE_TAKEN, "phone")
    if notify_email and not profile.email:
        raise AccountInputError(MSG_EMAIL_FOR_NOTICES, "notify_email")
    if notify_sms and not profile.phone:
        raise AccountInputError(MSG_PHONE_FOR_NOTICES, "notify_sms")


def _save_unique(user: User) -> None:
    """Save, turning a lost race for the e-mail address (the partial unique constraint on open
    citizen accounts) into the message the form check gives."""
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:
        raise AccountInputError(MSG_EMAIL_TAKEN, "email") from error


def _record_consents(
    user: User, changes: dict[str, bool], *, source: str, now: datetime
) -> list[ConsentRecord]:
    return ConsentRecord.objects.bulk_create(
        ConsentRecord(
            user=user,
            purpose=purpose,
            granted=granted,
            notice_version=NOTICE_VERSION,
            source=source,
            at=now,
        )
        for purpose, granted in changes.items()
    )


def _new_username() -> str:
    # Citizens sign in with their e-mail or phone; the username is an opaque handle that
    # never changes when they change their contact details.
    while True:
        username = f"cd-{secrets.token_hex(5)}"
        if not User.objects.filter(username=username).exists():
            return username


@transaction.atomic
def citizen_signup(
    *,
    profile: ProfileData,
    citizen_id: str,
    password: str,
    consent_email: bool,
    consent_sms: bool,
    now: datetime | None = None,
) -> User:
    """Open a citizen account. The notice shown (``NOTICE_VERSION``) is recorded on the
    account; each ticked consent box becomes a ``ConsentRecord`` and a notification channel."""
    now = now or timezone.now()
    _check_contact(profile, notify_email=consent_email, notify_sms=consent_sms, user=None)
    user = User(
        username=_new_username(),
        role=User.Role.CITIZEN,
        full_name=profile.full_name.strip(),
        email=profile.email.strip().lower(),
        phone=profile.phone,
        citizen_id=citizen_id,
        address=profile.address.strip(),
        notify_email=consent_email,
        notify_sms=consent_sms,
        privacy_notice_version=NOTICE_VERSION,
        privacy_notice_at=now,
        date_joined=now,
    )
    user.set_password(password)
    _save_unique(user)
    given = {
        ConsentRecord.Purpose.NOTIFY_EMAIL: consent_email,
        ConsentRecord.Purpose.NOTIFY_SMS: consent_sms,
    }
    _record_consents(
        user,
        {purpose: True for purpose, yes in given.items() if yes},
        source=ConsentRecord.Source.SIGNUP,
        now=now,
    )
    _send_verifications(user)
    return user


def _send_verifications(user: User, *, only: set[str] | None = None) -> None:
    """A link to each unverified contact of the account (``only``: of those, just these
    channels): notices and password-reset links go only to verified ones. The channels a link
    went to are left on the account object as ``verification_links_sent`` for the page."""
    user.verification_links_sent = tuple(
        channel
        for channel in CHANNELS
        if (only is None or channel in only)
        and citizen_send_verification(user=user, channel=channel) is not None
    )


@transaction.atomic
def citizen_update_profile(
    *,
    user: User,
    profile: ProfileData,
    notify_email: bool,
    notify_sms: bool,
    now: datetime | None = None,
) -> User:
    """Change name, address, contact details and notification channels. A channel switched on
    or off is a consent given or withdrawn, and recorded as such."""
    now = now or timezone.now()
    locked = lock_citizen(user)
    _check_contact(profile, notify_email=notify_email, notify_sms=notify_sms, user=locked)
    changes = {
        purpose: wanted
        for purpose, before, wanted in (
            (ConsentRecord.Purpose.NOTIFY_EMAIL, locked.notify_email, notify_email),
            (ConsentRecord.Purpose.NOTIFY_SMS, locked.notify_sms, notify_sms),
        )
        if before != wanted
    }
    email = profile.email.strip().lower()
    # A new address or number is unproven until its own link is opened: it gets one; so does
    # an unverified contact whose notices were just switched on (a reminder).
    fresh = {
        channel
        for channel, before, after, switched_on in (
            ("email", locked.email, email, notify_email and not locked.notify_email),
            ("phone", locked.phone, profile.phone, notify_sms and not locked.notify_sms),
        )
        if before != after or switched_on
    }
    if locked.email != email:
        locked.email_verified_at = None
    if locked.phone != profile.phone:
        locked.phone_verified_at = None
    locked.full_name = profile.full_name.strip()
    locked.address = profile.address.strip()
    locked.email = email
    locked.phone = profile.phone
    locked.notify_email = notify_email
    locked.notify_sms = notify_sms
    _save_unique(locked)
    _record_consents(locked, changes, source=ConsentRecord.Source.ACCOUNT, now=now)
    _send_verifications(locked, only=fresh)
    return locked


@transaction.atomic
def citizen_close_account(*, user: User, now: datetime | None = None) -> User:
    """Close the account: it can no longer sign in, receives nothing, and keeps no personal
    details of its own. Dossiers stay attached to it, unchanged (official records)."""
    return close_locked_account(lock_citizen(user), now=now or timezone.now())


def close_locked_account(locked: User, *, now: datetime) -> User:
    """The closure's steps on an account already locked (``lock_citizen``), inside the
    caller's transaction: shared by closing and by the erasure request."""
    withdrawn = {
        purpose: False
        for purpose, on in (
            (ConsentRecord.Purpose.NOTIFY_EMAIL, locked.notify_email),
            (ConsentRecord.Purpose.NOTIFY_SMS, locked.notify_sms),
        )
        if on
    }
    locked.is_active = False
    locked.closed_at = now
    locked.username = f"closed-{secrets.token_hex(6)}"
    locked.full_name = CLOSED_NAME
    locked.first_name = locked.last_name = ""
    locked.email = locked.phone = locked.citizen_id = locked.address = ""
    locked.email_verified_at = locked.phone_verified_at = None
    locked.notify_email = locked.notify_sms = False
    # A fresh unusable hash also ends every other session (the session hash changes).
    locked.set_unusable_password()
    locked.save()
    _record_consents(locked, withdrawn, source=ConsentRecord.Source.CLOSURE, now=now)
    ApiToken.objects.filter(user=locked, revoked_at__isnull=True).update(revoked_at=now)
    return locked
