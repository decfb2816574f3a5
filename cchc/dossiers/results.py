"""When the signed result of a dossier is its applicant's to download, and where: the
applicant's dossier page on the portal (looked up by URL name; the portal sits above).

A result returned electronically is delivered there (Decree 45/2020/NĐ-CP: the electronic
result goes to the applicant's account on the portal) — the full-process online service ends
with that download. A result returned in person or by post leaves its signed PDF there too, as
the applicant's electronic copy. Before the return it is not released: fees may be owed."""

from __future__ import annotations

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from cchc.dossiers.models import Dossier


def result_released(dossier: Dossier) -> bool:
    """The applicant (with a portal account) may download the signed result now."""
    return (
        dossier.status == Dossier.Status.RETURNED
        and dossier.outcome == Dossier.Outcome.APPROVED
        and bool(dossier.result_file)
        and dossier.applicant_user_id is not None
    )


def applicant_page_url(dossier: Dossier) -> str:
    """The absolute address of the applicant's page of ``dossier`` on the portal (signing in
    needed); empty for a dossier without an account."""
    if dossier.applicant_user_id is None:
        return ""
    try:
        path = reverse("portal:my_dossier", args=[str(dossier.public_id)])
    except NoReverseMatch:
        return ""
    return f"{settings.CCHC_PUBLIC_URL}{path}"
