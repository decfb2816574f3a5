"""Cán bộ thường xuyên trễ hẹn — the list of officers often late (``cchc.stats.officers``) on
screen and as XLSX, and one officer's figures by month. For a unit's leader and reform officer
(their unit's officers) and for the Department of Home Affairs and administrators (the
province); other officers are refused (403), an officer outside the reader's scope is a 404,
and a bad period is a 400 that says why."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cchc.core.security_log import security_event
from cchc.core.xlsx import XLSX_CONTENT_TYPE
from cchc.dossiers.models import OfficerStepDailyStat
from cchc.org.models import Agency, User
from cchc.org.selectors import agencies_visible_to, agency_scope_root, sees_whole_province
from cchc.satisfaction.models import OfficerDailyStat
from cchc.stats.officer_forms import OfficerDetailForm, OfficerPeriodForm
from cchc.stats.officers import (
    OfficerWatch,
    officer_months,
    officer_watch,
    officer_watch_filename,
    officer_watch_xlsx,
)

# Who reads the list: a unit's leader and reform officer, and the province-wide roles that
# evaluate officers (Home Affairs; administrators). Counter officers and specialists do not
# read their colleagues' ratings; the appraisal council scores agencies, not people.
READER_ROLES = frozenset(
    {User.Role.LEADER, User.Role.REFORM_OFFICER, User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN}
)


def can_read_officer_watch(user: object) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.role in READER_ROLES)


def reader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous users go to the sign-in page; everyone else but the readers gets 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_read_officer_watch(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _scope_name(user: User) -> tuple[str, str]:
    """The list's title and file-name slug: the province, or the reader's unit."""
    if sees_whole_province(user):
        return settings.CCHC_PROVINCE_NAME, "tinh"
    root = agency_scope_root(user)
    return (root.name, root.code) if root else ("", "")


def _watch(request: HttpRequest, form: OfficerPeriodForm, scope: QuerySet[Agency]) -> OfficerWatch:
    data = form.cleaned_data
    agency = data.get("agency")
    if agency is not None:
        scope = scope.filter(path__startswith=agency.path)
    return officer_watch(
        scope,
        day_from=data["date_from"],
        day_to=data["date_to"],
        flagged_only=bool(data.get("flagged")),
    )


@require_GET
@reader_required
def officer_watch_view(request: HttpRequest) -> HttpResponse:
    scope = agencies_visible_to(request.user)
    form = OfficerPeriodForm(request.GET, agencies=scope)
    title, _slug = _scope_name(request.user)
    context = {"form": form, "title": title}
    if not form.is_valid():
        return render(request, "stats/officer_watch.html", context, status=400)
    context["watch"] = _watch(request, form, scope)
    context["query"] = request.GET.urlencode()
    # Show the period the figures are for, also when the fields were left empty.
    context["form"] = OfficerPeriodForm(initial=form.cleaned_data, agencies=scope)
    return render(request, "stats/officer_watch.html", context)


@require_GET
@reader_required
def officer_watch_xlsx_view(request: HttpRequest) -> HttpResponse:
    scope = agencies_visible_to(request.user)
    form = OfficerPeriodForm(request.GET, agencies=scope)
    title, slug = _scope_name(request.user)
    if not form.is_valid():
        context = {"form": form, "title": title}
        return render(request, "stats/officer_watch.html", context, status=400)
    watch = _watch(request, form, scope)
    disposition = f'attachment; filename="{officer_watch_filename(watch, slug)}"'
    security_event("export.personal_data", request=request, export="officer_watch", scope=slug)
    return HttpResponse(
        officer_watch_xlsx(watch, title),
        content_type=XLSX_CONTENT_TYPE,
        headers={"Content-Disposition": disposition},
    )


def officer_get_for_reader(user: User, username: str, scope: QuerySet[Agency]) -> User:
    """The officer ``username`` if ``user`` may read their figures, else ``Http404``: a
    province-wide reader any officer; a unit's reader an officer of the unit today, or one who
    held a step or was rated in it."""
    officer = (
        User.objects.exclude(role=User.Role.CITIZEN)
        .select_related("agency")
        .filter(username=username)
        .first()
    )
    if officer is None:
        raise Http404
    if sees_whole_province(user):
        return officer
    if officer.agency_id is not None and scope.filter(pk=officer.agency_id).exists():
        return officer
    for model in (OfficerStepDailyStat, OfficerDailyStat):
        if model.objects.filter(officer=officer, agency__in=scope).exists():
            return officer
    raise Http404


@require_GET
@reader_required
def officer_detail_view(request: HttpRequest, username: str) -> HttpResponse:
    """One officer's line for the period and their figures month by month, with the A8
    ratings of the period's last year and the year before."""
    scope = agencies_visible_to(request.user)
    officer = officer_get_for_reader(request.user, username, scope)
    form = OfficerDetailForm(request.GET)
    context = {"form": form, "officer": officer}
    if not form.is_valid():
        return render(request, "stats/officer_detail.html", context, status=400)
    data = form.cleaned_data
    period = {"day_from": data["date_from"], "day_to": data["date_to"]}
    watch = officer_watch(scope, officer=officer, **period)
    yearly = watch.yearly.get(officer.pk, {})
    context.update(
        watch=watch,
        line=watch.lines[0] if watch.lines else None,
        months=officer_months(officer, scope, **period),
        years=sorted(yearly.items(), reverse=True),
        query=request.GET.urlencode(),
        form=OfficerDetailForm(initial=data),
    )
    return render(request, "stats/officer_detail.html", context)
