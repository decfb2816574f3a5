"""Messages to the applicant about their dossier, written to the outbox in the same
transaction as the change (delivered later by the outbox job)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue

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
    """Queue an e-mail (and an SMS when there is a phone number) about ``kind``."""
    subject = SUBJECTS[kind].format(code=dossier.reference)
    body = render_to_string(
        f"notifications/{kind}.txt",
        {
            "dossier": dossier,
            "province_name": settings.CCHC_PROVINCE_NAME,
            "public_url": settings.CCHC_PUBLIC_URL,
            **context,
        },
    ).strip()
    sms = f"{subject}. Tra cứu: {settings.CCHC_PUBLIC_URL}/tra-cuu/"
    key = f"{dossier.public_id}:{kind}:{dossier.event_count}"
    outbox_enqueue(
        channel=OutboxMessage.Channel.EMAIL,
        recipient=dossier.applicant_email,
        subject=subject,
        body=body,
        template=kind,
        dedupe_key=f"{key}:email",
        dossier_code=dossier.code or "",
        user=dossier.applicant_user,
    )
    outbox_enqueue(
        channel=OutboxMessage.Channel.SMS,
        recipient=dossier.applicant_phone,
        subject=subject,
        body=sms,
        template=kind,
        dedupe_key=f"{key}:sms",
        dossier_code=dossier.code or "",
        user=dossier.applicant_user,
    )
