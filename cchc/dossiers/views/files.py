"""Files of a dossier for the officers who may see it: the applicant's papers and the signed
result. Every file goes out the same way (``serve_document``): as an attachment, never rendered
by the browser, with the sniffed content type, ``nosniff`` and no caching, and each opening of
an applicant's paper is written to the document access log (DOMAIN A10: identity papers are
sensitive personal data). The applicant's own downloads (``cchc.portal``) use the same door."""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from cchc.core.ratelimit import client_ip
from cchc.dossiers.models import Dossier, DossierDocument
from cchc.dossiers.selectors import dossier_get_for_user
from cchc.dossiers.services import document_access_record
from cchc.dossiers.views._shared import dossier_key
from cchc.org.permissions import staff_required

logger = logging.getLogger("cchc.dossiers.files")


@require_GET
@staff_required
def dossier_file_view(request: HttpRequest, code: str, document_id: int) -> FileResponse:
    """A document of a dossier the officer may see (their agency's scope), as an attachment."""
    dossier = dossier_get_for_user(request.user, code)
    return serve_document(request, dossier, document_id)


def serve_document(request: HttpRequest, dossier: Dossier, document_id: int) -> FileResponse:
    """Send the document as a download, never rendered in the browser: ``attachment``, the
    sniffed content type and ``nosniff``. Each access is logged (DOMAIN A10: identity papers
    are sensitive personal data)."""
    document = DossierDocument.objects.filter(dossier=dossier, pk=document_id).first()
    if document is None or not document.file or not default_storage.exists(document.file.name):
        raise Http404
    ext = PurePosixPath(document.file.name).suffix
    response = FileResponse(
        default_storage.open(document.file.name, "rb"),
        as_attachment=True,
        filename=f"{download_stem(document.name)}{ext}",
        content_type=document.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    document_access_record(document=document, user=request.user, ip=client_ip(request))
    logger.info(
        "document %s of dossier %s served to user %s",
        document.pk,
        dossier.public_id,
        request.user.pk,
    )
    return response


def download_stem(name: str) -> str:
    """The document's name as a download name: no path or quote characters, at most 80."""
    stem = (
        name.rsplit(".", 1)[0] if name.lower().endswith((".pdf", ".jpg", ".jpeg", ".png")) else name
    )
    cleaned = "".join(c if c.isprintable() and c not in '/\\"<>:|?*' else " " for c in stem)
    return " ".join(cleaned.split())[:80] or "tep"


@require_GET
@staff_required
def result_file_view(request: HttpRequest, code: str) -> FileResponse:
    dossier = dossier_get_for_user(request.user, code)
    if not dossier.result_file or not default_storage.exists(dossier.result_file.name):
        raise Http404
    return FileResponse(
        default_storage.open(dossier.result_file.name, "rb"),
        content_type="application/pdf",
        filename=f"ket-qua-{dossier_key(dossier)}.pdf",
    )
