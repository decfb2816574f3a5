"""Inspection pages under ``/can-bo/ke-hoach/kiem-tra/``: the list (scoped: Home Affairs and
the administrator see every inspection, an agency its own), planning, the detail with the
recording, findings and closure forms, a finding's closure and the minute as DOCX. Every change
goes through ``cchc.plans.inspection_services``; a refusal is shown on the form."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cchc.core.docx import CONTENT_TYPE
from cchc.core.security_log import security_event
from cchc.org.models import User
from cchc.org.permissions import staff_required
from cchc.plans import inspection_services as services
from cchc.plans.inspection_forms import (
    FindingCloseForm,
    FindingForm,
    InspectionPlanForm,
    InspectionRecordForm,
)
from cchc.plans.inspection_minute import minute_docx, minute_filename
from cchc.plans.models import Finding, Inspection
from cchc.plans.services import PlanError

WHOLE_PROVINCE = (User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN, User.Role.COUNCIL_MEMBER)


def inspections_for(user: User) -> QuerySet[Inspection]:
    """The inspections ``user`` may read."""
    rows = Inspection.objects.select_related("agency", "inspector")
    if user.role in WHOLE_PROVINCE:
        return rows
    if user.agency_id is None:
        return rows.none()
    return rows.filter(agency=user.agency.unit)


def _inspection(user: User, pk: int) -> Inspection:
    inspection = inspections_for(user).filter(pk=pk).first()
    if inspection is None:
        raise Http404
    return inspection


def _form_error(form: object, error: PlanError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


@require_GET
@staff_required
def inspection_list_view(request: HttpRequest) -> HttpResponse:
    rows = inspections_for(request.user)
    status = request.GET.get("trang-thai", "")
    if status in Inspection.Status.values:
        rows = rows.filter(status=status)
    else:
        status = ""
    return render(
        request,
        "plans/inspections/list.html",
        {
            "inspections": rows[:500],
            "status": status,
            "statuses": Inspection.Status.choices,
            "may_plan": services.may_plan(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required
def inspection_plan_view(request: HttpRequest) -> HttpResponse:
    if not services.may_plan(request.user):
        raise PermissionDenied
    form = InspectionPlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inspection = services.inspection_plan(actor=request.user, **data)
        except PlanError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Đã lập kế hoạch kiểm tra."))
            return redirect("plans:inspection", pk=inspection.pk)
    return render(request, "plans/inspections/plan.html", {"form": form})


EVENT_LABELS = {
    "plan": gettext_lazy("Lập kế hoạch kiểm tra"),
    "record": gettext_lazy("Ghi nhận kết quả kiểm tra"),
    "finding_add": gettext_lazy("Ghi nhận tồn tại"),
    "finding_close": gettext_lazy("Khắc phục tồn tại"),
    "close": gettext_lazy("Kết thúc cuộc kiểm tra"),
}


def _detail(
    request: HttpRequest,
    inspection: Inspection,
    *,
    record_form: InspectionRecordForm | None = None,
    finding_form: FindingForm | None = None,
    close_error: str = "",
    status: int = 200,
) -> HttpResponse:
    inspector = services.is_inspector(inspection, request.user)
    open_for_work = inspection.status != Inspection.Status.CLOSED
    context = {
        "inspection": inspection,
        "findings": inspection.findings.select_related("task__plan"),
        "events": [
            (event, EVENT_LABELS.get(event.action, event.action))
            for event in inspection.events.order_by("seq")
        ],
        "inspector": inspector,
        "inspected": services.is_inspected(inspection, request.user),
        "record_form": record_form or InspectionRecordForm(),
        "finding_form": finding_form or FindingForm(),
        "may_record": inspector and inspection.status == Inspection.Status.PLANNED,
        "may_add": inspector and open_for_work,
        "may_close": inspector and inspection.status == Inspection.Status.DONE,
        "close_error": close_error,
    }
    return render(request, "plans/inspections/detail.html", context, status=status)


@require_GET
@staff_required
def inspection_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _inspection(request.user, pk))


@require_POST
@staff_required
def inspection_record_view(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _inspection(request.user, pk)
    form = InspectionRecordForm(request.POST)
    if form.is_valid():
        try:
            services.inspection_record(inspection, actor=request.user, **form.cleaned_data)
        except PlanError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Đã ghi nhận kết quả kiểm tra."))
            return redirect("plans:inspection", pk=inspection.pk)
    return _detail(request, inspection, record_form=form, status=400)


@require_POST
@staff_required
def finding_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _inspection(request.user, pk)
    form = FindingForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.finding_add(inspection, actor=request.user, **form.cleaned_data)
        except PlanError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Đã ghi tồn tại và giao nhiệm vụ khắc phục."))
            return redirect("plans:inspection", pk=inspection.pk)
    return _detail(request, inspection, finding_form=form, status=400)


@require_POST
@staff_required
def inspection_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _inspection(request.user, pk)
    try:
        services.inspection_close(inspection, actor=request.user)
    except PlanError as error:
        return _detail(request, inspection, close_error=error.message, status=400)
    messages.success(request, _("Đã kết thúc cuộc kiểm tra."))
    return redirect("plans:inspection", pk=inspection.pk)


@require_http_methods(["GET", "POST"])
@staff_required
def finding_close_view(request: HttpRequest, pk: int, finding: int) -> HttpResponse:
    inspection = _inspection(request.user, pk)
    row = Finding.objects.filter(inspection=inspection, pk=finding).first()
    if row is None:
        raise Http404
    if not (
        services.is_inspector(inspection, request.user)
        or services.is_inspected(inspection, request.user)
    ):
        raise PermissionDenied
    form = FindingCloseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.finding_close(row, actor=request.user, **form.cleaned_data)
        except PlanError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Đã ghi nhận kết quả khắc phục."))
            return redirect("plans:inspection", pk=inspection.pk)
    return render(
        request,
        "plans/inspections/finding_close.html",
        {"inspection": inspection, "finding": row, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@staff_required
def inspection_minute_view(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _inspection(request.user, pk)
    response = HttpResponse(minute_docx(inspection), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{minute_filename(inspection)}"'
    return response


@require_GET
@staff_required
def finding_file_view(request: HttpRequest, pk: int, finding: int, which: str) -> FileResponse:
    """A finding's evidence (``bang-chung``) or closure (``khac-phuc``) file, as a download,
    for those who may read the inspection."""
    inspection = _inspection(request.user, pk)
    row = Finding.objects.filter(inspection=inspection, pk=finding).first()
    if row is None or which not in ("bang-chung", "khac-phuc"):
        raise Http404
    file, name = (
        (row.evidence_file, row.evidence_name)
        if which == "bang-chung"
        else (row.closure_file, row.closure_name)
    )
    if not file or not default_storage.exists(file.name):
        raise Http404
    ext = PurePosixPath(file.name).suffix
    stem = slugify(PurePosixPath(name).stem)[:60] or "minh-chung"
    security_event("document.open", request=request, inspection=inspection.pk, finding=row.pk)
    response = FileResponse(
        default_storage.open(file.name, "rb"), as_attachment=True, filename=f"{stem}{ext}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
