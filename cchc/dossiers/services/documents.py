"""Access to a dossier's uploaded papers, recorded (DOMAIN A10)."""

from __future__ import annotations

from datetime import datetime
from ipaddress import ip_address

from django.utils import timezone

from cchc.dossiers.models import DocumentAccess, DossierDocument
from cchc.org.models import User


def document_access_record(
    *, document: DossierDocument, user: User, ip: str = "", now: datetime | None = None
) -> DocumentAccess:
    """Append who opened ``document``: the user, their agency (none for the applicant), the
    moment and the client address (kept only when it is one)."""
    try:
        address: str | None = str(ip_address(ip))
    except ValueError:
        address = None
    return DocumentAccess.objects.create(
        dossier_id=document.dossier_id,
        document=document,
        document_name=document.name[:500],
        user=user,
        user_name=(user.get_full_name() or user.get_username())[:150],
        agency=user.agency if user.role != User.Role.CITIZEN else None,
        at=now or timezone.now(),
        ip=address,
    )
