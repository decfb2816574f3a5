"""Staff pages of the PAR Index frameworks under ``/can-bo/chi-so-cchc/bo-tieu-chi/``: the
frameworks by year, a framework's tree (fields → criteria → sub-criteria with maximum, method,
guidance, required evidence and the live binding in words) with its problems, the Excel export
and import, copying to the next year and opening for assessment. Every officer reads; Home
Affairs and the system administrator manage (``may_manage_frameworks``; others get 403)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cchc.catalog.excel.layout import ERR_EMPTY_FILE
from cchc.core.validation import CleanTextFormMixin
from cchc.org.permissions import staff_required
from cchc.parindex.excel import (
    MAX_CRITERIA_ROWS,
    MAX_FILE_BYTES,
    XLSX_CONTENT_TYPE,
    export_framework,
    import_framework,
)
from cchc.parindex.frameworks import (
    FrameworkError,
    criteria_in_tree_order,
    framework_copy,
    framework_open,
    framework_problems,
    live_binding_text,
    may_manage_frameworks,
)
from cchc.parindex.models import MAX_YEAR, MIN_YEAR, Framework
from cchc.parindex.services import AssessmentError, assessments_open_all


def manager_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @staff_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not may_manage_frameworks(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _framework(year: int, kind: str) -> Framework:
    framework = Framework.objects.filter(year=year, unit_kind=kind).first()
    if framework is None:
        raise Http404
    return framework


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx)"),
        error_messages={
            "required": gettext_lazy(ERR_EMPTY_FILE),
            "empty": gettext_lazy(ERR_EMPTY_FILE),
        },
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX_CONTENT_TYPE}"}),
    )


class CopyForm(CleanTextFormMixin, forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Năm của bộ tiêu chí mới"), min_value=MIN_YEAR, max_value=MAX_YEAR
    )


@require_GET
@staff_required
def framework_list_view(request: HttpRequest) -> HttpResponse:
    frameworks = list(Framework.objects.order_by("-year", "unit_kind"))
    years: dict[int, list[Framework]] = {}
    for framework in frameworks:
        years.setdefault(framework.year, []).append(framework)
    context = {"years": years, "may_manage": may_manage_frameworks(request.user)}
    return render(request, "parindex/frameworks/list.html", context)


@require_GET
@staff_required
def framework_detail_view(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    framework = _framework(year, kind)
    ordered = criteria_in_tree_order(framework)
    parents = {node.parent for _criterion, node in ordered if node.parent}
    rows = [
        {
            "criterion": criterion,
            "scored": node.code not in parents,
            "depth": {"field": 0, "criterion": 1, "sub": 2}[criterion.level],
            "live": live_binding_text(criterion) if criterion.method == "live" else "",
        }
        for criterion, node in ordered
    ]
    scored = [r["criterion"] for r in rows if r["scored"]]
    context = {
        "framework": framework,
        "rows": rows,
        "problems": framework_problems(framework),
        "total": sum((c.max_points for c in scored), 0),
        "survey_total": sum((c.max_points for c in scored if c.method == "survey"), 0),
        "may_manage": may_manage_frameworks(request.user),
        "copy_form": CopyForm(initial={"year": framework.year + 1}),
    }
    return render(request, "parindex/frameworks/detail.html", context)


@require_GET
@staff_required
def framework_export_view(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    framework = _framework(year, kind)
    name = f"bo-tieu-chi-chi-so-cchc-{framework.unit_kind}-{framework.year}.xlsx"
    return HttpResponse(
        export_framework(framework),
        content_type=XLSX_CONTENT_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@require_http_methods(["GET", "POST"])
@manager_required
def framework_import_view(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    result = None
    if form.is_bound and form.is_valid():
        result = import_framework(form.cleaned_data["file"], actor=request.user)
        if result.ok:
            messages.success(
                request,
                _("Đã nhập bộ tiêu chí từ tệp Excel: %(n)s mục.") % {"n": result.criteria},
            )
            framework = result.framework
            return redirect("parindex:framework_detail", framework.year, framework.unit_kind)
    context = {
        "form": form,
        "result": result,
        "max_mb": MAX_FILE_BYTES // (1024 * 1024),
        "max_rows": MAX_CRITERIA_ROWS,
    }
    status = 422 if form.is_bound and (result is None or not result.ok) else 200
    return render(request, "parindex/frameworks/import.html", context, status=status)


@require_POST
@manager_required
def framework_copy_view(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    framework = _framework(year, kind)
    form = CopyForm(request.POST)
    if form.is_valid():
        try:
            copy = framework_copy(framework, year=form.cleaned_data["year"], actor=request.user)
        except FrameworkError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Đã sao chép thành bộ tiêu chí năm %(y)s.") % {"y": copy.year}
            )
            return redirect("parindex:framework_detail", copy.year, copy.unit_kind)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("parindex:framework_detail", framework.year, framework.unit_kind)


@require_POST
@manager_required
def framework_open_view(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    framework = _framework(year, kind)
    try:
        if framework.status == Framework.Status.DRAFT:
            framework_open(framework, actor=request.user)
        opened = assessments_open_all(framework, actor=request.user)
    except (FrameworkError, AssessmentError) as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Đã mở đánh giá theo bộ tiêu chí này: %(count)s đơn vị được giao tự đánh giá.")
            % {"count": len(opened)},
        )
    return redirect("parindex:framework_detail", framework.year, framework.unit_kind)
