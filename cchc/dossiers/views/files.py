"""Files of a dossier for the officers who may see it: the applicant's papers and the signed
result. Every file goes out the same way (``_attachment``): as an attachment, never rendered
by the browser, with the sniffed content type, ``nosniff``, a sandboxing policy and no
caching, and each opening is written to the document access log (DOMAIN A10: identity papers
are sensitive personal data; the result names the applicant too). The applicant's own
downloads (``cchc.portal``) use the same doors, ``serve_document`` and ``serve_result``."""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from cchc.core.ratelimit import client_ip
from cchc.core.security_log import security_event
from cchc.dossiers.models import Dossier, DossierDocument
from cchc.dossiers.selectors import dossier_get_for_user
from cchc.dossiers.services.documents import document_access_record, result_access_record
from cchc.dossiers.views._shared import dossier_key
from cchc.org.permissions import staff_required

logger = logging.getLogger("cchc.dossiers.files")


@require_GET
@staff_required
def dossier_file_view(request: HttpRequest, code: str, document_id: int) -> FileResponse:
    """A document of a dossier the officer may see (their agency's scope), as an attachment."""
    dossier = dossier_get_for_user(request.user, code)
    return serve_document(request, dossier, document_id)


@require_GET
@staff_required
def result_file_view(request: HttpRequest, code: str) -> FileResponse:
    """The signed result of a dossier the officer may see, as an attachment."""
    dossier = dossier_get_for_user(request.user, code)
    return serve_result(request, dossier)


def serve_document(request: HttpRequest, dossier: Dossier, document_id: int) -> FileResponse:
    """Send an uploaded paper of ``dossier`` as a download and log the opening."""
    document = DossierDocument.objects.filter(dossier=dossier, pk=document_id).first()
    if document is None or not document.file or not default_storage.exists(document.file.name):
        raise Http404
    ext = PurePosixPath(document.file.name).suffix
    response = _attachment(
        document.file.name,
        filename=f"{download_stem(document.name)}{ext}",
        content_type=document.content_type or "application/octet-stream",
    )
    document_access_record(document=document, user=request.user, ip=client_ip(request))
    security_event(
        "document.open", request=request, dossier=dossier.public_id, document=document.pk
    )
    logger.info(
        "document %s of dossier %s served to user %s",
        document.pk,
        dossier.public_id,
        request.user.pk,
    )
    return response


def serve_result(request: HttpRequest, dossier: Dossier) -> FileResponse:
    """Send the signed result PDF of ``dossier`` as a download and log the opening. Whether
    the user may have it is the caller's check (scope for officers, the return for the
    applicant)."""
    if not dossier.result_file or not default_storage.exists(dossier.result_file.name):
        raise Http404
    response = _attachment(
        dossier.result_file.name,
        filename=f"ket-qua-{dossier_key(dossier)}.pdf",
        content_type="application/pdf",
    )
    result_access_record(dossier=dossier, user=request.user, ip=client_ip(request))
    security_event("document.open", request=request, dossier=dossier.public_id, document="result")
    logger.info("result of dossier %s served to user %s", dossier.public_id, request.user.pk)
    return response


def _attachment(name: str, *, filename: str, content_type: str) -> FileResponse:
    """A stored file as a download, never rendered in the browser: ``attachment``, the given
    (sniffed at upload) content type, ``nosniff``, no caching, and a policy that would sandbox
    it if a browser opened it anyway."""
    response = FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=filename,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def download_stem(name: str) -> str:
    """The document's name as a download name: no path or quote characters, at most 80."""
    stem = (
        name.rsplit(".", 1)[0] if name.lower().endswith((".pdf", ".jpg", ".jpeg", ".png")) else name
    )
    cleaned = "".join(c if c.isprintable() and c not in '/\\"<>:|?*' else " " for c in stem)
    return " ".join(cleaned.split())[:80] or "tep"
