"""Pages of the modernisation registers under ``/can-bo/ke-hoach/hien-dai-hoa/``: the overview
of a year (each unit's ISO 9001 status and electronic-document share against the plan's
targets, the ISO coverage), an agency's ISO 9001 register, its documents per month with the
entry form, and the CSV import of the document system's export. Scoped: Home Affairs and the
administrator see every unit, an agency its own (another agency's page is a 404). Every change
goes through ``cchc.plans.register_services``."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cchc.org.models import Agency, User
from cchc.org.permissions import staff_required
from cchc.plans import register_services as services
from cchc.plans.models import MAX_YEAR, MIN_YEAR, DocumentExchange, IsoRegister
from cchc.plans.register_forms import DocumentCsvForm, DocumentMonthForm, IsoForm
from cchc.plans.services import PlanError

WHOLE_PROVINCE = (User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN, User.Role.COUNCIL_MEMBER)


def units_for(user: User) -> QuerySet[Agency]:
    """The units whose registers ``user`` may read."""
    units = Agency.objects.exclude(level=Agency.Level.DIVISION).order_by("code")
    if user.role in WHOLE_PROVINCE:
        return units
    if user.agency_id is None:
        return units.none()
    return units.filter(pk=user.agency.unit.pk)


def _unit(user: User, code: str) -> Agency:
    unit = units_for(user).filter(code=code).first()
    if unit is None:
        raise Http404
    return unit


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("nam", "")
    if raw.isdigit() and len(raw) == 4 and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    return timezone.localdate().year


def _form_error(form: object, error: PlanError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


@require_GET
@staff_required
def registers_view(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    units = list(units_for(request.user))
    shares = services.document_shares(date(year, 1, 1), date(year, 12, 31), units)
    iso = {r.agency_id: r for r in IsoRegister.objects.filter(agency__in=units)}
    rows = [{"share": s, "iso": iso.get(s.agency.pk)} for s in shares]
    measured = [u for u in units if u.level != Agency.Level.PROVINCE]
    context = {
        "year": year,
        "rows": rows,
        "coverage": services.iso_coverage(year, measured),
        "may_import": request.user.role in services.PROVINCE_ROLES
        or request.user.role in services.EDITOR_ROLES,
    }
    return render(request, "plans/registers/index.html", context)


@require_http_methods(["GET", "POST"])
@staff_required
def iso_view(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit(request.user, code)
    register = IsoRegister.objects.filter(agency=unit).first()
    may_edit = services.may_edit(request.user, unit)
    procedures = [(p.code, f"{p.code} — {p.name}") for p in services.procedures_of(unit)]
    initial = {}
    if register:
        initial = {
            "status": register.status,
            "standard": register.standard,
            "certificate": register.certificate,
            "certified_on": register.certified_on,
            "scope": register.scope,
            "next_audit": register.next_audit,
            "procedures": list(register.procedures.values_list("code", flat=True)),
        }
    form = IsoForm(request.POST or None, initial=initial, procedures=procedures)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.iso_save(
                    unit,
                    actor=request.user,
                    status=data["status"],
                    standard=data["standard"],
                    certificate=data["certificate"],
                    certified_on=data["certified_on"],
                    scope=data["scope"],
                    next_audit=data["next_audit"],
                    procedure_codes=data["procedures"],
                )
            except PlanError as error:
                _form_error(form, error)
            else:
                messages.success(request, _("Đã cập nhật thông tin áp dụng ISO 9001."))
                return redirect("plans:register_iso", code=unit.code)
    return render(
        request,
        "plans/registers/iso.html",
        {"unit": unit, "register": register, "form": form, "may_edit": may_edit},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@staff_required
def documents_view(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit(request.user, code)
    may_edit = services.may_edit(request.user, unit)
    year = _year(request)
    form = DocumentMonthForm(request.POST or None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.document_month_save(unit, actor=request.user, **form.cleaned_data)
            except PlanError as error:
                _form_error(form, error)
            else:
                messages.success(request, _("Đã lưu số liệu văn bản của tháng."))
                return redirect("plans:register_documents", code=unit.code)
    months = DocumentExchange.objects.filter(agency=unit, month__year=year).select_related(
        "entered_by"
    )
    rows = [
        {
            "row": m,
            "share": services.share(
                m.sent_electronic + m.received_electronic, m.sent_total + m.received_total
            ),
        }
        for m in months
    ]
    (total,) = services.document_shares(date(year, 1, 1), date(year, 12, 31), [unit])
    return render(
        request,
        "plans/registers/documents.html",
        {
            "unit": unit,
            "year": year,
            "rows": rows,
            "total": total,
            "form": form,
            "may_edit": may_edit,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@staff_required
def documents_csv_view(request: HttpRequest) -> HttpResponse:
    if request.user.role not in (*services.PROVINCE_ROLES, *services.EDITOR_ROLES):
        raise PermissionDenied
    form = DocumentCsvForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > services.CSV_MAX_BYTES:
            form.add_error("file", services.MSG_CSV_BIG)
        else:
            try:
                result = services.document_csv_import(upload.read(), actor=request.user)
            except PlanError as error:
                _form_error(form, error)
            else:
                if not result.errors:
                    messages.success(
                        request, _("Đã nhập %(rows)s dòng số liệu văn bản.") % {"rows": result.rows}
                    )
                    return redirect("plans:registers")
                errors = result.errors
    return render(
        request,
        "plans/registers/csv.html",
        {"form": form, "errors": errors},
        status=400 if request.method == "POST" else 200,
    )
