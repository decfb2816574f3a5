"""A copy of everything the portal holds about a citizen, as JSON-ready data (the right to
a copy of one's data)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import Prefetch
from django.utils import timezone

from cchc.dossiers.models import DocumentAccess, Dossier, DossierEvent
from cchc.org.models import User

EXPORT_FORMAT = "cchc-citizen-export/1"


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
