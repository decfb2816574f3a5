"""Messages to the applicant about their dossier, written to the outbox in the same
transaction as the change (delivered later by the outbox job)."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.template.loader import render_to_string

from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue_many
from cchc.dossiers.rating_links import rating_url
from cchc.dossiers.results import applicant_page_url, result_released

# Once the result is ready the applicant is invited to rate the service (DOMAIN A8).
RATE_AFTER = frozenset({"result_ready", "returned"})

SUBJECTS = {
    "received": "Hồ sơ {code} đã được tiếp nhận",
    "supplement_requested": "Hồ sơ {code}: đề nghị bổ sung, hoàn thiện",
    "refused": "Hồ sơ {code}: từ chối tiếp nhận",
    "apology": "Hồ sơ {code}: thư xin lỗi và hẹn lại ngày trả kết quả",
    "payment_requested": "Hồ sơ {code}: đề nghị thực hiện nghĩa vụ tài chính",
    "payment_confirmed": "Hồ sơ {code}: đã nhận thanh toán",
    "result_ready": "Hồ sơ {code} đã có kết quả",
    "returned": "Hồ sơ {code} đã được trả kết quả",
    "stopped": "Hồ sơ {code}: dừng giải quyết",
}


def notify_applicant(dossier: object, kind: str, **context: object) -> None:
    """Queue an e-mail and an SMS about ``kind``. A dossier without an account gets both
    where the applicant gave an address and a number (the counter officer took them from the
    applicant in person). An account holder gets only the channels they consented to
    (``User.notify_email`` / ``notify_sms``, chosen on the portal), and only at the account's
    verified address and number: a mistyped contact never receives someone's dossier news.
    A closed account has no channel left."""
    user = dossier.applicant_user
    if user is None:
        email, phone = dossier.applicant_email, dossier.applicant_phone
    else:
        email = user.email if user.notify_email and user.email_verified_at else ""
        phone = user.phone if user.notify_sms and user.phone_verified_at else ""
    subject = SUBJECTS[kind].format(code=dossier.reference)
    if kind in RATE_AFTER:
        context.setdefault("rating_url", rating_url(dossier))
    # Where an account holder finds the dossier, and the result once it is released to them.
    page_url = applicant_page_url(dossier)
    released = result_released(dossier)
    body = render_to_string(
        f"notifications/{kind}.txt",
        {
            "dossier": dossier,
            "province_name": settings.CCHC_PROVINCE_NAME,
            "public_url": settings.CCHC_PUBLIC_URL,
            "dossier_url": page_url,
            "result_released": released,
            **context,
        },
    ).strip()
    lookup = f"{settings.CCHC_PUBLIC_URL}/tra-cuu/"
    if dossier.code:
        lookup += f"?ma={quote(dossier.code)}"
    sms = f"{subject}. Tra cứu: {lookup}"
    if kind == "returned" and released and page_url:
        sms = f"{subject}. Tải kết quả: {page_url}"
    key = f"{dossier.public_id}:{kind}:{dossier.event_count}"
    common = {"template": kind, "dossier_code": dossier.code or "", "user": user}
    outbox_enqueue_many(
        [
            {
                "channel": OutboxMessage.Channel.EMAIL,
                "recipient": email,
                "subject": subject,
                "body": body,
                "dedupe_key": f"{key}:email",
                **common,
            },
            {
                "channel": OutboxMessage.Channel.SMS,
                "recipient": phone,
                "subject": subject,
                "body": sms,
                "dedupe_key": f"{key}:sms",
                **common,
            },
        ]
    )
