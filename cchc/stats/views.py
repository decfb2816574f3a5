"""Tình hình giải quyết TTHC: the per-agency report of a period on screen and as XLSX, for
every officer over the agencies they may see (``agencies_visible_to``): a leader or reform
officer sees their unit (and the units merged into it), the Department of Home Affairs the
whole province. A bad period is a 400 that says why, never a 500."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cchc.core.xlsx import XLSX_CONTENT_TYPE
from cchc.org.permissions import staff_required
from cchc.org.selectors import (
    agencies_visible_to,
    agency_get_for_user,
    agency_scope_root,
    sees_whole_province,
)
from cchc.stats.dashboard import OFFICER, dashboard_kind, scope_for, tables_for, trend
from cchc.stats.figures import trend_data
from cchc.stats.forms import DashboardForm, ReportPeriodForm
from cchc.stats.report import (
    TARGETS,
    AgencyReport,
    agency_report,
    procedure_report,
    report_filename,
    report_xlsx,
)
from cchc.stats.tables import table_pdf, table_xlsx


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


# --- Dashboards ---------------------------------------------------------------------------


def _dashboard(request: HttpRequest) -> tuple[DashboardForm, dict | None]:
    form = DashboardForm(request.GET)
    if not form.is_valid():
        return form, None
    scope = scope_for(request.user, form.cleaned_data)
    kind = dashboard_kind(request.user)
    context = {
        "form": form,
        "kind": kind,
        "scope": scope,
        "tables": tables_for(request.user, scope),
        "query": request.GET.urlencode(),
    }
    if kind != OFFICER:
        months = trend(scope)
        context.update(months=months, trend=trend_data(months))
    return form, context


@require_GET
@staff_required
def dashboard_view(request: HttpRequest) -> HttpResponse:
    """Bảng điều khiển: the figures each role looks at, for a period and a narrowing."""
    form, context = _dashboard(request)
    if context is None:
        return render(request, "stats/dashboard.html", {"form": form}, status=400)
    return render(request, "stats/dashboard.html", context)


@require_GET
@staff_required
def dashboard_export_view(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    """One table of the dashboard as XLSX or PDF: the same rows as the page."""
    if fmt not in ("xlsx", "pdf"):
        raise Http404
    form, context = _dashboard(request)
    if context is None:
        return render(request, "stats/dashboard.html", {"form": form}, status=400)
    table = next((t for t in context["tables"] if t.name == name), None)
    if table is None:
        raise Http404
    scope = context["scope"]
    title, slug = _scope_name(request)
    subtitle = _("Từ ngày %(a)s đến ngày %(b)s") % {
        "a": f"{scope.day_from:%d/%m/%Y}",
        "b": f"{scope.day_to:%d/%m/%Y}",
    }
    stem = f"{name}-{slug or 'tinh'}-{scope.day_from:%d%m%Y}-{scope.day_to:%d%m%Y}"
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem)
    if fmt == "xlsx":
        body, content_type = table_xlsx(table, subtitle=subtitle), XLSX_CONTENT_TYPE
    else:
        body, content_type = table_pdf(table, subtitle=subtitle, issuer=title), "application/pdf"
    return HttpResponse(
        body,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'},
    )
