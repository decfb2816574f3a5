"""Applying online (nộp hồ sơ trực tuyến): a new dossier, its draft, submission into the
receiving agency's intake queue.

Uploads are stored before the dossier row commits (ARCHITECTURE "Data is never lost"): the
form checks every file first; the files are written; the service runs inside
``discard_on_error``, which deletes them if it refuses — and the page says they were not kept.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cchc.catalog.models import Procedure
from cchc.domain.lifecycle import Status, TransitionError
from cchc.dossiers.messages import error_message, input_message, transition_message
from cchc.dossiers.models import Dossier
from cchc.dossiers.services import (
    DossierInputError,
    DraftOptions,
    dossier_start_draft,
    dossier_submit_draft,
    dossier_update_draft,
    draft_missing_documents,
    draft_options,
)
from cchc.dossiers.uploads import (
    ERR_NOT_KEPT,
    UploadRefused,
    discard_on_error,
    store_uploads,
    upload_limits,
)
from cchc.portal.apply.access import citizen_required, own_dossier
from cchc.portal.apply.forms import ApplyForm, applicant_initial, dossier_initial

SAVE = "save"
SUBMIT = "submit"
REMOVE = "remove"


def _procedure(code: str) -> Procedure:
    procedure = Procedure.objects.filter(code=code, status__in=Procedure.IN_FORCE).first()
    if procedure is None:
        raise Http404
    return procedure


@require_http_methods(["GET", "POST"])
@citizen_required
def apply_view(request: HttpRequest, code: str) -> HttpResponse:
    procedure = _procedure(code)
    try:
        options = draft_options(procedure)
    except DossierInputError as exc:
        context = {"procedure": procedure, "message": input_message(exc)}
        return render(request, "portal/apply/apply_unavailable.html", context, status=404)
    if request.method == "GET":
        form = ApplyForm(options=options, initial=applicant_initial(request.user))
        return _page(request, procedure, options, form)
    form = ApplyForm(request.POST, request.FILES, options=options)
    if not form.is_valid():
        return _page(request, procedure, options, form, status=422)
    try:
        stored = store_uploads(form.uploads())
        with discard_on_error(stored):
            dossier = dossier_start_draft(
                applicant_user=request.user,
                procedure=procedure,
                details=form.details(),
                documents=form.documents(stored),
            )
    except (UploadRefused, DossierInputError, TransitionError) as exc:
        return _refused(
            request, form, exc, lambda: _page(request, procedure, options, form, status=422)
        )
    return _after_save(request, dossier)


@require_http_methods(["GET", "POST"])
@citizen_required
def draft_view(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = own_dossier(request.user, public_id)
    if dossier.status != Status.DRAFT:
        return redirect("portal:my_dossier", dossier.public_id)
    procedure = dossier.procedure
    try:
        options = draft_options(procedure)
    except DossierInputError as exc:
        context = {"procedure": procedure, "message": input_message(exc), "dossier": dossier}
        return render(request, "portal/apply/apply_unavailable.html", context, status=409)
    existing = list(dossier.documents.order_by("id"))
    if request.method == "GET":
        form = ApplyForm(options=options, existing=existing, initial=dossier_initial(dossier))
        return _page(request, procedure, options, form, dossier=dossier)
    if request.POST.get("action") == REMOVE:
        return _remove(request, dossier)
    form = ApplyForm(request.POST, request.FILES, options=options, existing=existing)
    if not form.is_valid():
        return _page(request, procedure, options, form, dossier=dossier, status=422)
    try:
        stored = store_uploads(form.uploads())
        with discard_on_error(stored):
            dossier = dossier_update_draft(
                actor=request.user,
                dossier=dossier,
                details=form.details(),
                add=form.documents(stored),
                remove=[d.pk for d in form.replaced_documents()],
            )
    except (UploadRefused, DossierInputError, TransitionError) as exc:
        return _refused(
            request,
            form,
            exc,
            lambda: _page(request, procedure, options, form, dossier=dossier, status=422),
        )
    return _after_save(request, dossier)


def _remove(request: HttpRequest, dossier: Dossier) -> HttpResponse:
    try:
        document = int(request.POST.get("document", ""))
        dossier_update_draft(actor=request.user, dossier=dossier, remove=[document])
    except ValueError:  # not a number, or DossierInputError: not a document of this dossier
        raise Http404 from None
    except TransitionError as exc:
        messages.error(request, transition_message(exc))
    else:
        messages.success(request, _("Đã xoá tệp khỏi bản nháp."))
    return redirect("portal:draft", dossier.public_id)


def _refused(
    request: HttpRequest, form: ApplyForm, exc: Exception, page: Callable[[], HttpResponse]
) -> HttpResponse:
    """A refusal after the form was valid: say why on the form, and that the files chosen
    were not kept (they were deleted by ``discard_on_error``)."""
    if isinstance(exc, UploadRefused):
        for message in exc.messages:
            form.add_error(None, message)
    else:
        field = getattr(exc, "field", "")
        form.add_error(field if field in form.fields else None, error_message(exc))
    if form.uploads():
        messages.error(request, _(ERR_NOT_KEPT))
    return page()


def _after_save(request: HttpRequest, dossier: Dossier) -> HttpResponse:
    """After "Lưu nháp": back to the draft. After "Nộp hồ sơ": submit; when a required
    document is still missing the draft stays (with what was just attached) and says which."""
    if request.POST.get("action") != SUBMIT:
        messages.success(request, _("Đã lưu nháp hồ sơ. Bạn có thể tiếp tục bổ sung rồi nộp."))
        return redirect("portal:draft", dossier.public_id)
    try:
        dossier = dossier_submit_draft(actor=request.user, dossier=dossier)
    except (DossierInputError, TransitionError) as exc:
        messages.error(request, error_message(exc))
        messages.info(request, _("Hồ sơ đã được lưu nháp, chưa gửi đến cơ quan."))
        return redirect("portal:draft", dossier.public_id)
    messages.success(
        request,
        _(
            "Đã nộp hồ sơ (mã tham chiếu %(ref)s). %(agency)s sẽ kiểm tra và tiếp nhận; bạn "
            "được báo khi hồ sơ được tiếp nhận."
        )
        % {"ref": dossier.reference, "agency": dossier.receiving_agency.name},
    )
    return redirect("portal:my_dossier", dossier.public_id)


def _page(
    request: HttpRequest,
    procedure: Procedure,
    options: DraftOptions,
    form: ApplyForm,
    *,
    dossier: Dossier | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "procedure": procedure,
        "snapshot": options.snapshot,
        "form": form,
        "dossier": dossier,
        "missing": draft_missing_documents(dossier) if dossier is not None else [],
        "fees": [f for f in options.snapshot.get("fees", []) if f.get("amount_vnd")],
        **upload_limits(),
    }
    return render(request, "portal/apply/apply_form.html", context, status=status)
