"""The periodic-report pages: the list (a unit sees its reports, Home Affairs every agency's,
by period and status), opening a period's report, the report page (figures from the snapshot
once submitted, live while a draft), the narrative form, submission, Home Affairs' return with
a comment and acceptance, and the DOCX/PDF downloads. Every change goes through
``report_services``; a refusal is shown and changes nothing. Another agency's report is a 404;
bad input is a message, never a 500."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cchc.org.models import Agency
from cchc.org.permissions import staff_required
from cchc.org.selectors import agency_scope_root, sees_whole_province
from cchc.plans import report_services as services
from cchc.plans.models import MAX_YEAR, MIN_YEAR, Period, PeriodicReport
from cchc.plans.report_document import (
    CONTENT_TYPES,
    FORMATS,
    figure_tables,
    render_report,
    report_filename,
)
from cchc.plans.report_figures import period_days
from cchc.plans.report_forms import ReportForm, ReportOpenForm, ReportReturnForm
from cchc.plans.services import PlanError

S = PeriodicReport.Status
LIST_ROWS = 500
MSG_SAVED = _("Đã lưu báo cáo.")
MSG_SUBMITTED = _("Đã gửi báo cáo đến Sở Nội vụ.")
MSG_PROVINCE_SUBMITTED = _("Đã chốt số liệu báo cáo của tỉnh.")
MSG_RETURNED = _("Đã trả lại báo cáo cho cơ quan.")
MSG_ACCEPTED = _("Đã tiếp nhận báo cáo.")
MSG_NO_AGENCY = _("Tài khoản của bạn chưa gắn với cơ quan nào để lập báo cáo.")


def reports_visible_to(user: object) -> QuerySet[PeriodicReport]:
    """Home Affairs and province-wide readers see every report; a unit's officers its own."""
    reports = PeriodicReport.objects.select_related("agency")
    if sees_whole_province(user):
        return reports
    root = agency_scope_root(user)
    if root is None:
        return reports.none()
    return reports.filter(agency=root)


def report_get_for_user(user: object, pk: int) -> PeriodicReport:
    report = reports_visible_to(user).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report


def _writer_agency(user: object) -> Agency | None:
    """The agency whose report ``user`` writes: the province for Home Affairs, the unit for
    its reform officer or leader."""
    if services.is_home_affairs(user):
        return services.province_agency()
    root = agency_scope_root(user)
    return root if root is not None and services.may_write(user, root) else None


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) <= 4 else None


@require_GET
@staff_required
def report_list_view(request: HttpRequest) -> HttpResponse:
    reports = reports_visible_to(request.user)
    year = _int(request.GET.get("nam", ""))
    if year is not None and MIN_YEAR <= year <= MAX_YEAR:
        reports = reports.filter(year=year)
    else:
        year = None
    period = request.GET.get("ky", "")
    if period in Period.values:
        reports = reports.filter(period=period)
    else:
        period = ""
    status = request.GET.get("trang-thai", "")
    if status in S.values:
        reports = reports.filter(status=status)
    else:
        status = ""
    counts = dict(reports.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    context = {
        "reports": reports.order_by("-year", "period", "agency__path")[:LIST_ROWS],
        "year": year,
        "period": period,
        "status": status,
        "periods": Period.choices,
        "statuses": S.choices,
        "counts": [(label, counts.get(value, 0)) for value, label in S.choices],
        "open_form": ReportOpenForm() if _writer_agency(request.user) else None,
        "home_affairs": services.is_home_affairs(request.user),
    }
    return render(request, "plans/reports/list.html", context)


@require_POST
@staff_required
def report_open_view(request: HttpRequest) -> HttpResponse:
    agency = _writer_agency(request.user)
    if agency is None:
        messages.error(request, MSG_NO_AGENCY)
        return redirect("plans:reports")
    form = ReportOpenForm(request.POST)
    if form.is_valid():
        try:
            report = services.report_open(
                agency, form.cleaned_data["year"], form.cleaned_data["period"], request.user
            )
        except PlanError as error:
            form.add_error(None, error.message)
        else:
            return redirect("plans:report", report.pk)
    context = {"open_form": form, "reports": [], "periods": Period.choices, "counts": []}
    context.update(statuses=S.choices, home_affairs=services.is_home_affairs(request.user))
    return render(request, "plans/reports/list.html", context, status=400)


def _context(request: HttpRequest, report: PeriodicReport, **more: object) -> dict:
    user = request.user
    writer = services.may_write(user, report.agency)
    editable = report.status in (S.DRAFT, S.RETURNED)
    reviewable = (
        report.status == S.SUBMITTED
        and services.is_home_affairs(user)
        and not services.is_province(report.agency)
    )
    day_from, day_to = period_days(report.year, report.period)
    figures = services.figures_of(report)
    return {
        "report": report,
        "figures": figures,
        "tables": figure_tables(figures),
        "frozen": report.status in (S.SUBMITTED, S.ACCEPTED) and bool(report.snapshot),
        "province": services.is_province(report.agency),
        "can_edit": writer and editable,
        "can_review": reviewable,
        "day_from": day_from,
        "day_to": day_to,
        "events": [
            (e, services.ACTION_LABELS.get(e.action, e.action))
            for e in report.events.order_by("seq")
        ],
        "formats": FORMATS,
        **more,
    }


@require_GET
@staff_required
def report_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get_for_user(request.user, pk)
    context = _context(request, report, return_form=ReportReturnForm())
    return render(request, "plans/reports/detail.html", context)


@require_http_methods(["GET", "POST"])
@staff_required
def report_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get_for_user(request.user, pk)
    if not services.may_write(request.user, report.agency):
        raise PermissionDenied
    form = ReportForm.for_report(report, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_save(report, actor=request.user, **form.cleaned_data)
        except PlanError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, error.message)
        else:
            messages.success(request, MSG_SAVED)
            return redirect("plans:report", report.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "plans/reports/edit.html", {"report": report, "form": form}, status=status
    )


def _refused(request: HttpRequest, report: PeriodicReport, error: PlanError) -> HttpResponse:
    messages.error(request, error.message)
    return redirect("plans:report", report.pk)


@require_POST
@staff_required
def report_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get_for_user(request.user, pk)
    try:
        report = services.report_submit(report, actor=request.user)
    except PlanError as error:
        return _refused(request, report, error)
    province = services.is_province(report.agency)
    messages.success(request, MSG_PROVINCE_SUBMITTED if province else MSG_SUBMITTED)
    return redirect("plans:report", report.pk)


@require_http_methods(["GET", "POST"])
@staff_required
def report_return_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get_for_user(request.user, pk)
    if not services.is_home_affairs(request.user):
        raise PermissionDenied
    form = ReportReturnForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_return(report, actor=request.user, comment=form.cleaned_data["comment"])
        except PlanError as error:
            return _refused(request, report, error)
        messages.success(request, MSG_RETURNED)
        return redirect("plans:report", report.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "plans/reports/return.html", {"report": report, "form": form}, status=status
    )


@require_POST
@staff_required
def report_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get_for_user(request.user, pk)
    try:
        services.report_accept(report, actor=request.user)
    except PlanError as error:
        return _refused(request, report, error)
    messages.success(request, MSG_ACCEPTED)
    return redirect("plans:report", report.pk)


@require_GET
@staff_required
def report_download_view(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    report = report_get_for_user(request.user, pk)
    response = HttpResponse(render_report(report, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{report_filename(report, fmt)}"'
    return response
