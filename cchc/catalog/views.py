"""Staff pages of the catalogue: list and search (htmx live search), and a procedure page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cchc.catalog.models import Field, Procedure
from cchc.catalog.selectors import (
    field_list_with_counts,
    procedure_filters,
    procedure_get,
    procedure_list,
)
from cchc.org.permissions import staff_required

PAGE_SIZE = 25


@require_GET
def home_view(request: HttpRequest) -> HttpResponse:
    """The site's home: the fields (lĩnh vực) with their procedure counts, search for officers."""
    fields = list(field_list_with_counts()[:40])
    return render(request, "catalog/home.html", {"fields": fields})


@require_GET
@staff_required
def procedure_list_view(request: HttpRequest) -> HttpResponse:
    params = request.GET
    filters = procedure_filters(params)
    queryset = procedure_list(**filters, in_force_only=False)
    after = params.get("after", "")[:30]
    if after:
        queryset = queryset.filter(code__gt=after)
    rows = list(queryset[: PAGE_SIZE + 1])
    has_more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    next_params = params.copy()
    next_params["after"] = rows[-1].code if rows else ""
    context = {
        "procedures": rows,
        "has_more": has_more,
        "next_query": next_params.urlencode(),
        "first_query": _without(params, "after"),
        "is_first_page": not after,
        "filters": {
            "q": params.get("q", ""),
            "field": params.get("field", ""),
            "status": filters["status"],
            "level": params.get("level", ""),
            "online": params.get("online", ""),
        },
        "fields": Field.objects.order_by("name"),
        "statuses": Procedure.Status.choices,
        "online_modes": Procedure.OnlineMode.choices,
    }
    template = "catalog/_procedure_rows.html" if request.htmx else "catalog/procedure_list.html"
    return render(request, template, context)


def _without(params: object, key: str) -> str:
    copy = params.copy()
    copy.pop(key, None)
    return copy.urlencode()


@require_GET
@staff_required
def procedure_detail_view(request: HttpRequest, code: str) -> HttpResponse:
    procedure = procedure_get(code, in_force_only=False)
    return render(request, "catalog/procedure_detail.html", {"procedure": procedure})
