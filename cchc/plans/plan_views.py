"""Staff pages of the reform plans: the list, a plan with its tasks grouped by area (filters,
late tasks highlighted, completion rates), a task with its history and the progress form, the
appendix import and the export. Reads go through ``plan_selectors`` (another agency's plan is a
404); every change through ``plan_services``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cchc.org.models import Agency
from cchc.org.permissions import staff_required
from cchc.plans import plan_selectors as sel
from cchc.plans import plan_services
from cchc.plans.excel.export import export_plan
from cchc.plans.models import PlanTask
from cchc.plans.plan_forms import PlanImportForm, TaskProgressForm
from cchc.plans.services import PlanError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@staff_required
def plans_view(request: HttpRequest) -> HttpResponse:
    context = {
        "plans": sel.plans_for(request.user)[:500],
        "can_import": plan_services.import_agency_for(request.user) is not None,
        "attention": sel.attention_tasks(request.user, timezone.localdate()),
        "today": timezone.localdate(),
    }
    return render(request, "plans/plans/list.html", context)


@require_GET
@staff_required
def plan_view(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_get_for_user(request.user, pk)
    plan_services.sync_remediation_tasks()
    visible = sel.tasks_for(request.user, plan)
    tasks = visible
    status = request.GET.get("trang-thai", "")
    if status in PlanTask.Status.values:
        tasks = tasks.filter(status=status)
    else:
        status = ""
    agency_id = request.GET.get("co-quan", "")
    if agency_id.isdigit() and len(agency_id) <= 18:
        tasks = tasks.filter(lead_agency_id=int(agency_id))
    else:
        agency_id = ""
    lead_ids = visible.exclude(lead_agency=None).values("lead_agency_id")
    context = {
        "plan": plan,
        "tasks": tasks,
        "status": status,
        "statuses": PlanTask.Status.choices,
        "agency_id": agency_id,
        "agencies": Agency.objects.filter(pk__in=lead_ids).order_by("name"),
        "by_area": sel.completion_by_area(visible),
        "by_agency": sel.completion_by_agency(visible),
        "total": sel.completion_total(visible),
    }
    return render(request, "plans/plans/detail.html", context)


def _with_labels(updates: object) -> list:
    labels = dict(PlanTask.Status.choices)
    rows = list(updates)
    for update in rows:
        update.status_label = labels.get(update.to_status, update.to_status)
    return rows


@require_http_methods(["GET", "POST"])
@staff_required
def task_view(request: HttpRequest, pk: int) -> HttpResponse:
    task = sel.task_get_for_user(request.user, pk)
    may_update = (
        plan_services.can_update(request.user, task)
        and task.source != PlanTask.Source.PARINDEX
        and task.status not in (PlanTask.Status.DONE, PlanTask.Status.CANCELLED)
    )
    initial = {
        "status": PlanTask.Status.IN_PROGRESS
        if task.status == PlanTask.Status.LATE
        else task.status,
        "progress": task.progress,
    }
    form = TaskProgressForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if not may_update:
            messages.error(request, str(plan_services.MSG_NOT_ALLOWED))
            return redirect("plans:task", pk)
        if form.is_valid():
            data = form.cleaned_data
            try:
                plan_services.task_progress(
                    task,
                    actor=request.user,
                    status=data["status"],
                    progress=data["progress"],
                    note=data["note"],
                    link=data["link"],
                    document=data["document"],
                    file=data["file"],
                )
            except PlanError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _g("Đã cập nhật tiến độ nhiệm vụ."))
                return redirect("plans:task", pk)
    context = {
        "task": task,
        "plan": task.plan,
        "updates": _with_labels(task.updates.order_by("at", "id")),
        "coordinating": task.coordinating_agencies.order_by("name"),
        "form": form if may_update else None,
        # An agency's task carries out a task of the province's plan (or is linked to none).
        "province_tasks": (
            sel.province_tasks_of(task)
            if plan_services.can_update(request.user, task)
            and task.plan.agency.level != Agency.Level.PROVINCE
            else None
        ),
        "agency_tasks": task.agency_tasks.select_related("plan__agency").order_by(
            "plan__agency__code", "order"
        ),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/plans/task.html", context, status=status)


@require_POST
@staff_required
def task_parent_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Link an agency's task to the province's task it carries out (``task_link_parent``)."""
    task = sel.task_get_for_user(request.user, pk)
    raw = request.POST.get("parent", "")
    parent = None
    if raw:
        parent = (
            sel.province_tasks_of(task).filter(pk=int(raw)).first()
            if raw.isdigit() and len(raw) <= 18
            else None
        )
        if parent is None:
            messages.error(request, str(plan_services.MSG_PARENT))
            return redirect("plans:task", pk)
    try:
        plan_services.task_link_parent(task, parent, actor=request.user)
    except PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _g("Đã cập nhật nhiệm vụ của tỉnh mà nhiệm vụ này thực hiện."))
    return redirect("plans:task", pk)


@require_http_methods(["GET", "POST"])
@staff_required
def plan_import_view(request: HttpRequest) -> HttpResponse:
    agency = plan_services.import_agency_for(request.user)
    if agency is None:
        raise PermissionDenied
    form = PlanImportForm(request.POST or None, request.FILES or None)
    errors: list = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan, errors = plan_services.plan_import(
                data["file"],
                actor=request.user,
                year=data["year"],
                number=data["number"],
                issued_on=data["issued_on"],
            )
        except PlanError as error:
            form.add_error(None, error.message)
        else:
            if plan is not None:
                messages.success(
                    request, _g("Đã nhập %(count)s nhiệm vụ.") % {"count": plan.tasks.count()}
                )
                return redirect("plans:plan", plan.pk)
    context = {"form": form, "errors": [str(e) for e in errors], "agency": agency}
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/plans/import.html", context, status=status)


@require_GET
@staff_required
def plan_export_view(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.plan_get_for_user(request.user, pk)
    response = HttpResponse(export_plan(plan), content_type=XLSX)
    name = f"ke-hoach-cchc-{plan.year}-{plan.agency.code}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
