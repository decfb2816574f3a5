"""The portal home and the public procedure catalogue (công khai thủ tục hành chính).

Only procedures in force (published or amended) are shown; a draft or abolished procedure is
a 404. Search ignores diacritics and case (``cchc.catalog.selectors.procedure_search``); the
list pages by keyset on the procedure code.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cchc.catalog.models import Procedure
from cchc.catalog.selectors import field_list_with_counts, procedure_get, procedure_list
from cchc.portal.public.selectors import agency_list_for_catalog, has_district_procedures

PAGE_SIZE = 20
LEVELS = (("province", _("Cấp tỉnh")), ("commune", _("Cấp xã")))
DISTRICT = ("district", _("Cấp huyện (đến 30/06/2025)"))
ANY_ONLINE = "any"
ONLINE_MODES = (
    (ANY_ONLINE, _("Có dịch vụ công trực tuyến")),
    (Procedure.OnlineMode.FULL, _("Trực tuyến toàn trình")),
    (Procedure.OnlineMode.PARTIAL, _("Trực tuyến một phần")),
    (Procedure.OnlineMode.NONE, _("Không trực tuyến")),
)


@require_GET
def home_view(request: HttpRequest) -> HttpResponse:
    fields = [f for f in field_list_with_counts() if f.procedure_count]
    return render(request, "portal/public/home.html", {"fields": fields})


def _filters(params: object) -> dict[str, str]:
    level = params.get("level", "")
    online = params.get("online", "")
    return {
        "q": params.get("q", "")[:200],
        "field_code": params.get("field", "")[:30],
        "agency_code": params.get("agency", "")[:13],
        "level": level if level in ("province", "district", "commune") else "",
        "online_mode": online if online in (*Procedure.OnlineMode.values, ANY_ONLINE) else "",
    }


@require_GET
def catalog_view(request: HttpRequest) -> HttpResponse:
    params = request.GET
    filters = _filters(params)
    any_online = filters["online_mode"] == ANY_ONLINE
    queryset = procedure_list(
        **{**filters, "online_mode": "" if any_online else filters["online_mode"]},
        in_force_only=True,
    )
    if any_online:  # full or partial: every procedure that can be applied for online
        queryset = queryset.exclude(online_mode=Procedure.OnlineMode.NONE)
    after = params.get("after", "")[:30]
    if after:
        queryset = queryset.filter(code__gt=after)
    rows = list(queryset[: PAGE_SIZE + 1])
    has_more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    next_params = params.copy()
    next_params["after"] = rows[-1].code if rows else ""
    first_params = params.copy()
    first_params.pop("after", None)
    context = {
        "procedures": rows,
        "has_more": has_more,
        "next_query": next_params.urlencode(),
        "first_query": first_params.urlencode(),
        "is_first_page": not after,
        "filters": filters,
    }
    if request.htmx:
        return render(request, "portal/public/_catalog_results.html", context)
    levels = list(LEVELS)
    if filters["level"] == "district" or has_district_procedures():
        levels.append(DISTRICT)
    context.update(
        fields=field_list_with_counts().filter(procedure_count__gt=0),
        agencies=agency_list_for_catalog(),
        levels=levels,
        online_modes=ONLINE_MODES,
    )
    return render(request, "portal/public/catalog.html", context)


def apply_url(procedure: Procedure) -> str | None:
    """The online application page for ``procedure`` if it has an online mode and the apply
    pages are installed (``portal:apply``), else ``None``."""
    if procedure.online_mode == Procedure.OnlineMode.NONE:
        return None
    try:
        return reverse("portal:apply", args=[procedure.code])
    except NoReverseMatch:
        return None


@require_GET
def procedure_view(request: HttpRequest, code: str) -> HttpResponse:
    procedure = procedure_get(code[:30], in_force_only=True)
    today = timezone.localdate()
    receiving = [a for a in procedure.receiving_agencies.all() if a.is_active_on(today)]
    context = {
        "procedure": procedure,
        "receiving_agencies": receiving,
        "fees": list(procedure.fees.all()),
        "apply_url": apply_url(procedure),
        "levels": [
            label
            for flag, label in (
                (procedure.at_province, _("Cấp tỉnh")),
                (procedure.at_district, _("Cấp huyện (đến 30/06/2025)")),
                (procedure.at_commune, _("Cấp xã")),
            )
            if flag
        ],
        "version": procedure.versions.all()[0] if procedure.versions.all() else None,
    }
    return render(request, "portal/public/procedure.html", context)
