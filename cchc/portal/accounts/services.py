"""Citizen accounts: every write is one service (``citizen_<verb>``), atomic, re-checking the
rules the forms already checked (two sign-ups can race for one e-mail address).

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
from typing import Any

from axes.utils import reset as axes_reset
from django.apps import apps
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue
from cchc.dossiers.models import DocumentAccess, Dossier, DossierEvent
from cchc.org.models import ApiToken, ConsentRecord, User
from cchc.portal.accounts.privacy import NOTICE_VERSION
from cchc.portal.accounts.verification import (
    CHANNELS,
    EMAIL,
    PHONE,
    VerificationLinkError,
    contact_value,
    read_verification_token,
    token_matches,
    verification_url,
    verify_link_hours,
)

MSG_CONTACT_REQUIRED = _("Vui lòng nhập thư điện tử hoặc số điện thoại (ít nhất một trong hai).")
MSG_EMAIL_TAKEN = _("Thư điện tử này đã được dùng cho một tài khoản khác.")
MSG_PHONE_TAKEN = _("Số điện thoại này đã được dùng cho một tài khoản khác.")
MSG_EMAIL_FOR_NOTICES = _("Để nhận thông báo qua thư điện tử, vui lòng nhập thư điện tử.")
MSG_PHONE_FOR_NOTICES = _("Để nhận thông báo qua tin nhắn SMS, vui lòng nhập số điện thoại.")
MSG_NOT_CITIZEN = _("Chức năng này chỉ dành cho tài khoản công dân.")
MSG_OLD_PASSWORD_WRONG = _("Mật khẩu hiện tại không đúng.")

CLOSED_NAME = "Tài khoản đã đóng"
EXPORT_FORMAT = "cchc-citizen-export/1"


class AccountInputError(ValueError):
    """Input that breaks an account rule (shown as a form error on ``field``)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


@dataclass(frozen=True)
class ProfileData:
    full_name: str
    address: str
    email: str = ""
    phone: str = ""


def _active_citizens() -> Any:
    return User.objects.filter(role=User.Role.CITIZEN, is_active=True)


def email_taken(email: str, *, exclude: User | None = None) -> bool:
    """Is ``email`` (any case) the address of another open citizen account?"""
    if not email:
        return False
    others = _active_citizens().filter(email__iexact=email)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


def phone_taken(phone: str, *, exclude: User | None = None) -> bool:
    if not phone:
        return False
    others = _active_citizens().filter(phone=phone)
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


def _lock_citizen(user: User) -> User:
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.role != User.Role.CITIZEN or not locked.is_active:
        raise AccountInputError(MSG_NOT_CITIZEN)
    return locked


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
    locked = _lock_citizen(user)
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
    now = now or timezone.now()
    locked = _lock_citizen(user)
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


# --- contact verification ------------------------------------------------------------------------

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


# --- password recovery ---------------------------------------------------------------------------

RESET_SUBJECT = "Đặt lại mật khẩu tài khoản dịch vụ công"
RESET_DONE_SUBJECT = "Mật khẩu tài khoản dịch vụ công đã được đặt lại"
CHANGED_SUBJECT = "Mật khẩu tài khoản đã được đổi"


def citizen_for_identifier(identifier: str) -> User | None:
    """The one open citizen account whose e-mail (any case) or phone number is
    ``identifier`` (already in canonical form), or ``None``."""
    if "@" in identifier:
        matches = list(_active_citizens().filter(email__iexact=identifier)[:2])
    elif identifier:
        matches = list(_active_citizens().filter(phone=identifier)[:2])
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
    locked = _lock_citizen(user)
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


# --- export ------------------------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def _dossier_data(dossier: Dossier) -> dict[str, Any]:
    return {
        "reference": dossier.reference,
        "code": dossier.code,
        "procedure_code": dossier.procedure.code,
        "procedure_name": dossier.procedure.name,
        "receiving_agency": dossier.receiving_agency.name,
        "status": dossier.status,
        "status_label": str(dossier.get_status_display()),
        "channel": dossier.channel,
        "return_method": dossier.return_method,
        "delivery_address": dossier.delivery_address,
        "applicant": {
            "kind": dossier.applicant_kind,
            "name": dossier.applicant_name,
            "id_number": dossier.applicant_id_number,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
            "address": dossier.applicant_address,
        },
        "created_at": _iso(dossier.created_at),
        "submitted_at": _iso(dossier.submitted_at),
        "received_at": _iso(dossier.received_at),
        "due_at": _iso(dossier.due_at),
        "finished_at": _iso(dossier.finished_at),
        "returned_at": _iso(dossier.returned_at),
        "outcome": dossier.outcome,
        "result_number": dossier.result_number,
        "documents": [
            {
                "name": document.name,
                "original": document.original,
                "copies": document.copies,
                "content_type": document.content_type,
                "size": document.size,
                "sha256": document.sha256,
                "added_at": _iso(document.added_at),
            }
            for document in dossier.documents.all()
        ],
        "events": [
            {
                "seq": event.seq,
                "action": event.action,
                "from_status": event.from_status,
                "to_status": event.to_status,
                "to_status_label": str(Dossier.Status(event.to_status).label)
                if event.to_status in Dossier.Status.values
                else event.to_status,
                "at": _iso(event.at),
                "note": event.note,
            }
            for event in dossier.events.all()
        ],
        "payments": [
            {
                "amount_vnd": payment.amount_vnd,
                "method": payment.method,
                "state": payment.state,
                "paid_at": _iso(payment.paid_at),
                "receipt_number": payment.receipt_number,
            }
            for payment in dossier.payments.all()
        ],
        # Who opened the papers (DOMAIN A10): officers with their agency, and the applicant.
        "document_accesses": [
            {
                "document": access.document_name,
                "by": access.user_name,
                "agency": access.agency.name if access.agency else None,
                "at": _iso(access.at),
            }
            for access in dossier.document_accesses.all()
        ],
    }


def _ratings_data(user: User) -> list[dict[str, Any]]:
    """The citizen's ratings, when the satisfaction app records them (it is optional here)."""
    try:
        rating_model = apps.get_model("satisfaction", "Rating")
    except LookupError:
        return []
    ratings = (
        rating_model.objects.filter(dossier__applicant_user=user)
        .select_related("dossier")
        .prefetch_related("aspects", "officers__officer")
        .order_by("rated_at", "pk")
    )
    return [
        {
            "dossier": rating.dossier.reference,
            "overall": rating.overall,
            "comment": rating.comment,
            "rated_at": _iso(rating.rated_at),
            "aspects": [{"aspect": a.aspect, "level": a.level} for a in rating.aspects.all()],
            "officers": [
                {"officer": o.officer.get_full_name(), "role": o.role, "level": o.level}
                for o in rating.officers.all()
            ],
        }
        for rating in ratings
    ]


def citizen_export(*, user: User, now: datetime | None = None) -> dict[str, Any]:
    """Everything the portal holds about ``user`` as plain JSON-ready data (the right to a
    copy of one's data): the profile, the consents, the citizen's own dossiers with their
    documents, history and payments, and their ratings. Another person's data never appears:
    dossiers are selected by ``applicant_user``."""
    now = now or timezone.now()
    dossiers = (
        Dossier.objects.filter(applicant_user=user)
        .select_related("procedure", "receiving_agency")
        .prefetch_related(
            "documents",
            Prefetch("events", queryset=DossierEvent.objects.order_by("seq")),
            "payments",
            Prefetch(
                "document_accesses",
                queryset=DocumentAccess.objects.select_related("agency").order_by("at", "pk"),
            ),
        )
        .order_by("created_at", "pk")
    )
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _iso(now),
        "profile": {
            "username": user.username,
            "full_name": user.full_name,
            "email": user.email,
            "email_verified_at": _iso(user.email_verified_at),
            "phone": user.phone,
            "phone_verified_at": _iso(user.phone_verified_at),
            "citizen_id": user.citizen_id,
            "address": user.address,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "notify_email": user.notify_email,
            "notify_sms": user.notify_sms,
        },
        "privacy": {
            "notice_version": user.privacy_notice_version,
            "notice_shown_at": _iso(user.privacy_notice_at),
            "consents": [
                {
                    "purpose": consent.purpose,
                    "purpose_label": str(consent.get_purpose_display()),
                    "granted": consent.granted,
                    "notice_version": consent.notice_version,
                    "source": consent.source,
                    "at": _iso(consent.at),
                }
                for consent in user.consents.order_by("at", "pk")
            ],
        },
        "dossiers": [_dossier_data(dossier) for dossier in dossiers],
        "ratings": _ratings_data(user),
    }
