"""Đánh giá thực thi công vụ theo ý kiến người dân — the A8 duty flags of a year
(``cchc.stats.duty``) on screen, as XLSX and as the DOCX annex, with the drill-down to one
officer's or agency's ratings. The readers of the list of officers often late
(``officer_views.READER_ROLES``): a unit's leader and reform officer see their unit, Home
Affairs and administrators the province; others 403; an officer or agency outside the reader's
scope is a 404; a bad year is a 400 that says why."""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cchc.core.docx import CONTENT_TYPE as DOCX_CONTENT_TYPE
from cchc.core.security_log import security_event
from cchc.core.xlsx import XLSX_CONTENT_TYPE
from cchc.domain.workdays import VN_TZ
from cchc.org.models import Agency
from cchc.org.selectors import agencies_visible_to, sees_whole_province
from cchc.stats.api import FIRST_YEAR, LAST_YEAR
from cchc.stats.duty import (
    agency_ratings,
    agency_row,
    duty_docx,
    duty_filename,
    duty_flags_of_year,
    duty_xlsx,
    min_ratings,
    officer_ratings,
    officer_row,
)
from cchc.stats.officer_views import _scope_name, officer_get_for_reader, reader_required

MSG_YEAR = _("Năm phải là số từ 2000 đến 2100.")
FORMATS = {"excel": ("xlsx", XLSX_CONTENT_TYPE), "word": ("docx", DOCX_CONTENT_TYPE)}


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=_("Năm"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={"invalid": MSG_YEAR, "min_value": MSG_YEAR, "max_value": MSG_YEAR},
    )

    def clean_year(self) -> int:
        year = self.cleaned_data.get("year")
        return year or timezone.now().astimezone(VN_TZ).year


def _year_form(request: HttpRequest) -> YearForm:
    return YearForm(request.GET)


@require_GET
@reader_required
def duty_view(request: HttpRequest) -> HttpResponse:
    form = _year_form(request)
    title, _slug = _scope_name(request.user)
    context = {"form": form, "title": title}
    if not form.is_valid():
        return render(request, "stats/duty/list.html", context, status=400)
    year = form.cleaned_data["year"]
    scope = agencies_visible_to(request.user)
    context["flags"] = duty_flags_of_year(scope, year, province=sees_whole_province(request.user))
    context["form"] = YearForm(initial={"year": year})
    return render(request, "stats/duty/list.html", context)


@require_GET
@reader_required
def duty_export_view(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    form = _year_form(request)
    title, slug = _scope_name(request.user)
    if not form.is_valid():
        context = {"form": form, "title": title}
        return render(request, "stats/duty/list.html", context, status=400)
    scope = agencies_visible_to(request.user)
    flags = duty_flags_of_year(
        scope, form.cleaned_data["year"], province=sees_whole_province(request.user)
    )
    ext, content_type = FORMATS[fmt]
    body = duty_xlsx(flags, title) if ext == "xlsx" else duty_docx(flags, title)
    disposition = f'attachment; filename="{duty_filename(flags, slug, ext)}"'
    security_event("export.personal_data", request=request, export="duty_flags", scope=slug)
    return HttpResponse(
        body, content_type=content_type, headers={"Content-Disposition": disposition}
    )


@require_GET
@reader_required
def duty_officer_view(request: HttpRequest, username: str) -> HttpResponse:
    scope = agencies_visible_to(request.user)
    officer = officer_get_for_reader(request.user, username, scope)
    form = _year_form(request)
    context = {"form": form, "subject": officer.get_full_name(), "kind": "officer"}
    if not form.is_valid():
        return render(request, "stats/duty/ratings.html", context, status=400)
    year = form.cleaned_data["year"]
    context.update(
        year=year,
        row=officer_row(officer, year),
        ratings=officer_ratings(officer, scope, year),
        min_ratings=min_ratings(),
    )
    return render(request, "stats/duty/ratings.html", context)


@require_GET
@reader_required
def duty_agency_view(request: HttpRequest, code: str) -> HttpResponse:
    scope = agencies_visible_to(request.user)
    agency = Agency.objects.filter(pk__in=scope.values("pk"), code=code).first()
    if agency is None:
        raise Http404
    form = _year_form(request)
    context = {"form": form, "subject": agency.name, "kind": "agency"}
    if not form.is_valid():
        return render(request, "stats/duty/ratings.html", context, status=400)
    year = form.cleaned_data["year"]
    context.update(
        year=year,
        row=agency_row(agency, year),
        ratings=agency_ratings(agency, year),
        min_ratings=min_ratings(),
    )
    return render(request, "stats/duty/ratings.html", context)
