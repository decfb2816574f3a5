"""Tình hình giải quyết TTHC: the per-agency report of a period on screen and as XLSX, for
every officer over the agencies they may see (``agencies_visible_to``): a leader or reform
officer sees their unit (and the units merged into it), the Department of Home Affairs the
whole province. A bad period is a 400 that says why, never a 500."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from cchc.core.xlsx import XLSX_CONTENT_TYPE
from cchc.org.permissions import staff_required
from cchc.org.selectors import (
    agencies_visible_to,
    agency_get_for_user,
    agency_scope_root,
    sees_whole_province,
)
from cchc.stats.forms import ReportPeriodForm
from cchc.stats.report import (
    TARGETS,
    AgencyReport,
    agency_report,
    procedure_report,
    report_filename,
    report_xlsx,
)


def _scope_name(request: HttpRequest) -> tuple[str, str]:
    """The report's title and file-name slug: the province, or the officer's unit."""
    if sees_whole_province(request.user):
        return settings.CCHC_PROVINCE_NAME, "tinh"
    root = agency_scope_root(request.user)
    return (root.name, root.code) if root else ("", "")


def _report(request: HttpRequest, form: ReportPeriodForm) -> AgencyReport:
    data = form.cleaned_data
    return agency_report(
        agencies_visible_to(request.user),
        day_from=data["date_from"],
        day_to=data["date_to"],
        level=data.get("level") or "",
        by=data["by"],
    )


@require_GET
@staff_required
def report_view(request: HttpRequest) -> HttpResponse:
    form = ReportPeriodForm(request.GET)
    title, _slug = _scope_name(request)
    context = {"form": form, "title": title, "targets": TARGETS}
    if not form.is_valid():
        return render(request, "stats/report.html", context, status=400)
    context["report"] = _report(request, form)
    # Show the period the figures are for, also when the fields were left empty.
    context["form"] = ReportPeriodForm(initial=form.cleaned_data)
    context["query"] = request.GET.urlencode()
    context["drill_base"] = drill_base(form.cleaned_data)
    return render(request, "stats/report.html", context)


@require_GET
@staff_required
def report_xlsx_view(request: HttpRequest) -> HttpResponse:
    form = ReportPeriodForm(request.GET)
    title, slug = _scope_name(request)
    if not form.is_valid():
        context = {"form": form, "title": title, "targets": TARGETS}
        return render(request, "stats/report.html", context, status=400)
    report = _report(request, form)
    disposition = f'attachment; filename="{report_filename(report, slug)}"'
    return HttpResponse(
        report_xlsx(report, title),
        content_type=XLSX_CONTENT_TYPE,
        headers={"Content-Disposition": disposition},
    )


@require_GET
@staff_required
def procedure_report_view(request: HttpRequest, code: str) -> HttpResponse:
    """One agency's figures by procedure; an agency outside the officer's scope is a 404."""
    agency = agency_get_for_user(request.user, code)
    form = ReportPeriodForm(request.GET)
    context = {"form": form, "title": agency.name, "targets": TARGETS, "agency": agency}
    if not form.is_valid():
        return render(request, "stats/report.html", context, status=400)
    data = form.cleaned_data
    context["report"] = procedure_report(
        agency, day_from=data["date_from"], day_to=data["date_to"], by=data["by"]
    )
    context["form"] = ReportPeriodForm(initial=data)
    context["query"] = request.GET.urlencode()
    context["drill_base"] = drill_base(data)
    return render(request, "stats/report.html", context)


def drill_base(period: dict) -> str:
    """The worklist of the dossiers behind a figure of the period (the "all" tab, scoped like
    every worklist): a figure's link adds its own filters to it."""
    return (
        f"{reverse('dossiers:worklist')}?tab=all"
        f"&finished_from={period['date_from']:%d/%m/%Y}&finished_to={period['date_to']:%d/%m/%Y}"
    )
