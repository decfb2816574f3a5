"""Remediation tasks (nhiệm vụ khắc phục) of the published results: the list a unit works
through (the tasks of the assessments the reader may read, ``selectors.assessments_for``), the
form that assigns one for a weak criterion of a scorecard (Home Affairs, or the unit's leader)
and the form the unit reports on it with. Every change goes through
``services.remediation_create`` / ``services.remediation_update``; a refusal is shown on the
form and changes nothing."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cchc.org.permissions import staff_required
from cchc.parindex import services
from cchc.parindex.models import Criterion, RemediationTask
from cchc.parindex.remediation_forms import RemediationCreateForm, RemediationUpdateForm
from cchc.parindex.result_views import can_assign_remediation, result_get_for_user
from cchc.parindex.selectors import assessments_for
from cchc.parindex.services import AssessmentError


def _form_error(form: object, error: AssessmentError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


@require_GET
@staff_required
def remediation_list_view(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai", "")
    tasks = (
        RemediationTask.objects.filter(assessment__in=assessments_for(request.user))
        .select_related("agency", "criterion", "owner", "assessment__framework")
        .order_by("due_date", "id")
    )
    if status in RemediationTask.Status.values:
        tasks = tasks.filter(status=status)
    else:
        status = ""
    context = {
        "tasks": tasks[:500],
        "status": status,
        "statuses": RemediationTask.Status.choices,
    }
    return render(request, "parindex/results/remediation_list.html", context)


@require_http_methods(["GET", "POST"])
@staff_required
def remediation_create_view(
    request: HttpRequest, year: int, kind: str, code: str, criterion: str
) -> HttpResponse:
    result = result_get_for_user(request.user, year, kind, code)
    if not can_assign_remediation(request.user, result.assessment):
        raise PermissionDenied
    node = Criterion.objects.filter(framework=result.framework, code=criterion).first()
    if node is None:
        raise Http404
    form = RemediationCreateForm(request.POST or None, agency=result.agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.remediation_create(
                result.assessment,
                criterion,
                actor=request.user,
                action=form.cleaned_data["action"],
                due_date=form.cleaned_data["due_date"],
                owner=form.cleaned_data["owner"],
            )
        except AssessmentError as error:
            _form_error(form, error)
        else:
            return redirect("parindex:scorecard", year, kind, code)
    context = {"form": form, "result": result, "criterion": node}
    status = 400 if request.method == "POST" else 200
    return render(request, "parindex/results/remediation_create.html", context, status=status)


@require_http_methods(["GET", "POST"])
@staff_required
def remediation_update_view(
    request: HttpRequest, year: int, kind: str, code: str, pk: int
) -> HttpResponse:
    result = result_get_for_user(request.user, year, kind, code)
    task = (
        RemediationTask.objects.filter(pk=pk, assessment_id=result.assessment_id)
        .select_related("criterion", "owner")
        .first()
    )
    if task is None:
        raise Http404
    initial = {
        "status": task.status,
        "progress_note": task.progress_note,
        "evidence_link": task.evidence_link,
    }
    form = RemediationUpdateForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.remediation_update(
                task,
                actor=request.user,
                status=data["status"],
                progress_note=data["progress_note"],
                evidence_link=data["evidence_link"],
                evidence_file=data["evidence_file"],
            )
        except AssessmentError as error:
            _form_error(form, error)
        else:
            return redirect("parindex:remediation_list")
    context = {"form": form, "result": result, "task": task}
    status = 400 if request.method == "POST" else 200
    return render(request, "parindex/results/remediation_update.html", context, status=status)
