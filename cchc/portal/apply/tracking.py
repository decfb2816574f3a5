"""Following one's dossiers (theo dõi hồ sơ): the list, the dossier page with its history in
plain Vietnamese, the documents and the signed result (downloaded as attachments, only by those
allowed, each opening logged), the online supplement, the withdrawal, and the links other parts
of the portal provide (payment, rating).
"""

from __future__ import annotations

import logging
import uuid

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cchc.domain import lifecycle
from cchc.domain.lifecycle import Action, TransitionError
from cchc.dossiers.messages import error_message, input_message, transition_message
from cchc.dossiers.models import Dossier, SupplementRequest
from cchc.dossiers.results import result_released
from cchc.dossiers.selectors import dossier_list_for_user, keyset_page
from cchc.dossiers.services import (
    DossierInputError,
    dossier_change_return_method,
    dossier_submit_supplement,
    dossier_withdraw,
)
from cchc.dossiers.services._common import outstanding_fees, situation
from cchc.dossiers.uploads import ERR_NOT_KEPT, UploadRefused, discard_on_error, store_uploads
from cchc.dossiers.views.files import serve_document, serve_result
from cchc.org.models import User
from cchc.portal.apply.access import citizen_required, own_dossier
from cchc.portal.apply.forms import ReturnMethodForm, SupplementForm, WithdrawForm
from cchc.portal.apply.timeline import applicant_timeline, status_hint

ACCESSES_SHOWN = 20
logger = logging.getLogger("cchc.dossiers.files")

PAGE_SIZE = 20
SUPPLEMENT_STATUSES = {Dossier.Status.INTAKE_SUPPLEMENT, Dossier.Status.SUPPLEMENT_REQUESTED}
RATABLE_STATUSES = {Dossier.Status.RESULT_READY, Dossier.Status.RETURNED}


def _cursor(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) < 19 else None


@require_GET
@citizen_required
def my_dossiers_view(request: HttpRequest) -> HttpResponse:
    queryset = dossier_list_for_user(request.user).filter(applicant_user=request.user)
    after = _cursor(request.GET.get("after", ""))
    dossiers, cursor = keyset_page(queryset, after=after, size=PAGE_SIZE)
    context = {"dossiers": dossiers, "next_cursor": cursor, "paged": after is not None}
    return render(request, "portal/apply/dossier_list.html", context)


@require_GET
@citizen_required
def my_dossier_view(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = own_dossier(request.user, public_id)
    return _dossier_page(request, dossier)


def _dossier_page(
    request: HttpRequest,
    dossier: Dossier,
    *,
    supplement_form: SupplementForm | None = None,
    withdraw_form: WithdrawForm | None = None,
    return_form: ReturnMethodForm | None = None,
    status: int = 200,
) -> HttpResponse:
    allowed = _allowed(dossier, request.user)
    documents = list(dossier.documents.order_by("id"))
    pending = _pending_supplement(dossier)
    if supplement_form is None and pending is not None and Action.SUBMIT_SUPPLEMENT in allowed:
        supplement_form = SupplementForm(items=pending.items, existing=documents)
    can_withdraw = Action.WITHDRAW in allowed and dossier.status != Dossier.Status.DRAFT
    if withdraw_form is None and can_withdraw:
        withdraw_form = WithdrawForm()
    if return_form is None and Action.CHANGE_RETURN_METHOD in allowed:
        return_form = ReturnMethodForm(dossier=dossier)
    outstanding = outstanding_fees(dossier)
    context = {
        "dossier": dossier,
        "hint": status_hint(dossier),
        "timeline": applicant_timeline(dossier),
        "documents": documents,
        "supplements": list(dossier.supplements.order_by("requested_at")),
        "pending": pending,
        "supplement_form": supplement_form if pending is not None else None,
        "withdraw_form": withdraw_form if can_withdraw else None,
        "return_form": return_form if Action.CHANGE_RETURN_METHOD in allowed else None,
        "shipments": list(dossier.shipments.order_by("handed_over_at")),
        "result_released": result_released(dossier),
        "electronic_return": dossier.return_method == Dossier.ReturnMethod.ELECTRONIC,
        # Everyone else who opened the papers or the result — officers, administrators —
        # newest first (DOMAIN A10; the applicant's own downloads are in the data export).
        "document_accesses": list(
            dossier.document_accesses.exclude(user_id=dossier.applicant_user_id)
            .select_related("agency", "user")
            .order_by("-at", "-id")[:ACCESSES_SHOWN]
        ),
        "fee_lines": list(dossier.fee_lines.order_by("id")),
        "payments": list(dossier.payments.order_by("created_at")),
        "outstanding": outstanding,
        "payment_url": _link("portal:payment_start", dossier)
        if outstanding and Action.PAY in allowed
        else "",
        "rating_url": _link("portal:rate", dossier) if dossier.status in RATABLE_STATUSES else "",
        "overdue": lifecycle.is_overdue(dossier.lifecycle_status, dossier.due_at, timezone.now()),
    }
    return render(request, "portal/apply/dossier_detail.html", context, status=status)


def _allowed(dossier: Dossier, user: User) -> list[Action]:
    try:
        return lifecycle.allowed_actions(situation(dossier, user, timezone.now()))
    except TransitionError:
        return []


def _pending_supplement(dossier: Dossier) -> SupplementRequest | None:
    if dossier.status not in SUPPLEMENT_STATUSES:
        return None
    return dossier.supplements.filter(fulfilled_at__isnull=True).order_by("-requested_at").first()


def _link(url_name: str, dossier: Dossier) -> str:
    """A page another part of the portal provides, if it exists yet."""
    try:
        return reverse(url_name, args=[str(dossier.public_id)])
    except NoReverseMatch:
        return ""


@require_POST
@citizen_required
def supplement_view(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = own_dossier(request.user, public_id)
    pending = _pending_supplement(dossier)
    if pending is None:
        messages.error(request, _("Hồ sơ không có yêu cầu bổ sung nào đang chờ."))
        return redirect("portal:my_dossier", dossier.public_id)
    documents = list(dossier.documents.all())
    form = SupplementForm(request.POST, request.FILES, items=pending.items, existing=documents)
    if not form.is_valid():
        return _dossier_page(request, dossier, supplement_form=form, status=422)
    try:
        stored = store_uploads(form.uploads())
        with discard_on_error(stored):
            dossier_submit_supplement(
                actor=request.user,
                dossier=dossier,
                documents=form.documents(stored),
                note=form.cleaned_data.get("note") or "",
            )
    except UploadRefused as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return _dossier_page(request, dossier, supplement_form=form, status=422)
    except (DossierInputError, TransitionError) as exc:
        messages.error(request, error_message(exc))
        if form.uploads():
            messages.error(request, _(ERR_NOT_KEPT))
        return _dossier_page(request, dossier, supplement_form=form, status=409)
    messages.success(request, _("Đã gửi hồ sơ bổ sung. Cơ quan sẽ tiếp tục xử lý hồ sơ."))
    return redirect("portal:my_dossier", dossier.public_id)


@require_POST
@citizen_required
def return_method_view(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = own_dossier(request.user, public_id)
    form = ReturnMethodForm(request.POST, dossier=dossier)
    if not form.is_valid():
        return _dossier_page(request, dossier, return_form=form, status=422)
    try:
        dossier_change_return_method(
            actor=request.user,
            dossier=dossier,
            method=form.cleaned_data["method"],
            delivery_address=form.cleaned_data.get("delivery_address") or "",
        )
    except TransitionError as exc:
        messages.error(request, transition_message(exc))
        return _dossier_page(request, dossier, status=409)
    except DossierInputError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, input_message(exc))
        return _dossier_page(request, dossier, return_form=form, status=422)
    messages.success(request, _("Đã cập nhật hình thức nhận kết quả."))
    return redirect("portal:my_dossier", dossier.public_id)


@require_POST
@citizen_required
def withdraw_view(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    dossier = own_dossier(request.user, public_id)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _dossier_page(request, dossier, withdraw_form=form, status=422)
    try:
        if dossier.status == Dossier.Status.DRAFT:
            raise TransitionError(_("Bản nháp chưa nộp nên không cần rút."), [])
        dossier_withdraw(actor=request.user, dossier=dossier, reason=form.cleaned_data["reason"])
    except TransitionError as exc:
        messages.error(request, transition_message(exc))
        return _dossier_page(request, dossier, status=409)
    except DossierInputError as exc:
        form.add_error("reason", input_message(exc))
        return _dossier_page(request, dossier, withdraw_form=form, status=422)
    messages.success(request, _("Đã rút hồ sơ."))
    return redirect("portal:my_dossier", dossier.public_id)


@require_GET
@citizen_required
def dossier_file_view(request: HttpRequest, public_id: uuid.UUID, document_id: int) -> FileResponse:
    """A document of the citizen's own dossier, as an attachment."""
    dossier = own_dossier(request.user, public_id)
    return serve_document(request, dossier, document_id)


@require_GET
@citizen_required
def dossier_result_view(request: HttpRequest, public_id: uuid.UUID) -> FileResponse:
    """The signed result of the citizen's own dossier, as an attachment, once it has been
    returned (before that it is not theirs yet: fees may be owed)."""
    dossier = own_dossier(request.user, public_id)
    if not result_released(dossier):
        raise Http404
    return serve_result(request, dossier)
