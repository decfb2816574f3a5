"""Access to a dossier's files — the uploaded papers and the signed result — recorded
(DOMAIN A10)."""

from __future__ import annotations

from datetime import datetime
from ipaddress import ip_address

from django.utils import timezone

from cchc.dossiers.models import DocumentAccess, Dossier, DossierDocument
from cchc.org.models import User

# The result's line in the access log, stored in the language of the records (Vietnamese).
RESULT_NAME = "Kết quả giải quyết"


def document_access_record(
    *, document: DossierDocument, user: User, ip: str = "", now: datetime | None = None
) -> DocumentAccess:
    """Append who opened ``document``: the user, their agency (none for the applicant), the
    moment and the client address (kept only when it is one)."""
    return _record(
        dossier_id=document.dossier_id,
        kind=DocumentAccess.Kind.PAPER,
        document=document,
        name=document.name,
        user=user,
        ip=ip,
        now=now,
    )


def result_access_record(
    *, dossier: Dossier, user: User, ip: str = "", now: datetime | None = None
) -> DocumentAccess:
    """Append who opened the signed result of ``dossier``, as for a paper."""
    name = f"{RESULT_NAME} số {dossier.result_number}" if dossier.result_number else RESULT_NAME
    return _record(
        dossier_id=dossier.pk,
        kind=DocumentAccess.Kind.RESULT,
        document=None,
        name=name,
        user=user,
        ip=ip,
        now=now,
    )


def _record(
    *,
    dossier_id: int,
    kind: str,
    document: DossierDocument | None,
    name: str,
    user: User,
    ip: str,
    now: datetime | None,
) -> DocumentAccess:
    try:
        address: str | None = str(ip_address(ip))
    except ValueError:
        address = None
    return DocumentAccess.objects.create(
        dossier_id=dossier_id,
        kind=kind,
        document=document,
        document_name=name[:500],
        user=user,
        user_name=(user.get_full_name() or user.get_username())[:150],
        agency=user.agency if user.role != User.Role.CITIZEN else None,
        at=now or timezone.now(),
        ip=address,
    )
