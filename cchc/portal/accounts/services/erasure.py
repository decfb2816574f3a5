"""A citizen's request for erasure of their personal data (quyền xoá dữ liệu cá nhân, Law
91/2025 on personal data protection): everything the law lets us remove is removed, the
records of administrative procedures are kept.

Removed, in one transaction: the drafts never submitted (no agency ever received them) with
their documents and stored files — the only uploads of a citizen that no submitted dossier
holds; the account's messages that are not about a dossier (contact-verification and
password links); the account's personal fields (name, ID number, address, e-mail, phone,
verifications), the account itself closed (``citizen_close_account``'s steps: no sign-in,
consents withdrawn, API tokens revoked); and every open session of the account.

Kept: submitted dossiers with their papers, results, payments and history. They are records
of the handling of administrative procedures, which the law on archives makes records to be
kept for the retention period set for them (and the applicant's details written on each
dossier are part of that record); the consent records (proof that the data was processed
lawfully); and the notices already sent about dossiers (what was sent to whom).

The request and the export are recorded in the security log (``privacy.erasure``,
``export.personal_data``). A confirmation goes to every contact the citizen had verified, through
the outbox (it holds that one address or number: the record of what was sent to whom).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from types import SimpleNamespace

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue
from cchc.core.security_log import security_event
from cchc.dossiers.models import Dossier
from cchc.dossiers.services import drafts_remove
from cchc.org.models import User
from cchc.portal.accounts.services._common import lock_citizen
from cchc.portal.accounts.services.profile import close_locked_account

# Messages about the account itself (not about a dossier): they carry a contact and a link.
ACCOUNT_MESSAGES = (
    "verify_email",
    "verify_phone",
    "password_reset",
    "password_reset_done",
    "password_changed",
)
ERASED_SUBJECT = "Đã xoá dữ liệu cá nhân trong tài khoản dịch vụ công"
ERASED_EMAIL = (
    "Theo yêu cầu của bạn, tài khoản dịch vụ công của bạn đã được đóng và dữ liệu cá nhân "
    "trong tài khoản đã được xoá: họ tên, số CCCD, địa chỉ, thư điện tử, số điện thoại, "
    "các hồ sơ nháp chưa nộp cùng tệp đính kèm.\n\n"
    "Hồ sơ thủ tục hành chính đã nộp là tài liệu lưu trữ của cơ quan nhà nước: chúng được "
    "giữ theo thời hạn bảo quản mà pháp luật về lưu trữ quy định và vẫn được giải quyết. "
    "Bạn tra cứu bằng mã hồ sơ và số điện thoại đã khai khi nộp.\n\n"
    "Nếu bạn không yêu cầu việc này, hãy liên hệ ngay Bộ phận Một cửa nơi bạn nộp hồ sơ."
)
ERASED_SMS = (
    "Tài khoản dịch vụ công của bạn đã được đóng và dữ liệu cá nhân đã được xoá theo yêu cầu. "
    "Hồ sơ đã nộp vẫn được lưu trữ và giải quyết. Không phải bạn yêu cầu? Liên hệ Bộ phận "
    "Một cửa."
)


@dataclass(frozen=True)
class ErasureReport:
    """What an erasure removed and what it kept."""

    drafts_removed: int
    files_removed: int
    messages_removed: int
    sessions_ended: int
    dossiers_kept: int


@dataclass(frozen=True)
class ErasurePreview:
    """What an erasure would remove and keep (for the page that asks to confirm)."""

    drafts: int
    dossiers_kept: int
    verified_contacts: tuple[str, ...]


def erasure_preview(*, user: User) -> ErasurePreview:
    own = Dossier.objects.filter(applicant_user=user)
    return ErasurePreview(
        drafts=own.filter(status=Dossier.Status.DRAFT).count(),
        dossiers_kept=own.exclude(status=Dossier.Status.DRAFT).count(),
        verified_contacts=tuple(_verified_contacts(user)),
    )


def _verified_contacts(user: User) -> list[str]:
    contacts = []
    if user.email and user.email_verified_at:
        contacts.append(OutboxMessage.Channel.EMAIL)
    if user.phone and user.phone_verified_at:
        contacts.append(OutboxMessage.Channel.SMS)
    return contacts


def _end_sessions(user_id: int, now: datetime) -> int:
    """Delete every stored session of the account (database-backed engines; with any other
    engine the unusable password set by the closure already ends them: the session's hash of
    the password no longer matches)."""
    if not settings.SESSION_ENGINE.startswith("django.contrib.sessions.backends."):
        return 0
    if settings.SESSION_ENGINE.rsplit(".", 1)[-1] not in ("db", "cached_db"):
        return 0
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gt=now).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user_id):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


def citizen_erase(
    *, user: User, request: HttpRequest | None = None, now: datetime | None = None
) -> ErasureReport:
    """Erase what the law lets us erase of ``user``'s personal data (see the module's
    docstring), close the account, queue the confirmation to the verified contacts, and
    record the request in the security log. ``AccountInputError`` for an account that is not
    an open citizen account (nothing changed)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_citizen(user)
        who = SimpleNamespace(pk=locked.pk, username=locked.username)
        recipients = [
            (channel, locked.email if channel == OutboxMessage.Channel.EMAIL else locked.phone)
            for channel in _verified_contacts(locked)
        ]
        drafts = drafts_remove(dossiers=Dossier.objects.filter(applicant_user=locked))
        messages, _by_model = OutboxMessage.objects.filter(
            user=locked, dossier_code="", template__in=ACCOUNT_MESSAGES
        ).delete()
        kept = Dossier.objects.filter(applicant_user=locked).count()
        close_locked_account(locked, now=now)
        for channel, recipient in recipients:
            outbox_enqueue(
                channel=channel,
                recipient=recipient,
                subject=ERASED_SUBJECT,
                body=ERASED_EMAIL if channel == OutboxMessage.Channel.EMAIL else ERASED_SMS,
                template="privacy_erased",
            )
        sessions = _end_sessions(locked.pk, now)
    report = ErasureReport(
        drafts_removed=drafts.drafts,
        files_removed=drafts.files,
        messages_removed=messages,
        sessions_ended=sessions,
        dossiers_kept=kept,
    )
    security_event(
        "privacy.erasure",
        request=request,
        user=who,
        drafts_removed=report.drafts_removed,
        files_removed=report.files_removed,
        messages_removed=report.messages_removed,
        sessions_ended=report.sessions_ended,
        dossiers_kept=report.dossiers_kept,
        confirmations=len(recipients),
    )
    return report
