"""Reads of the catalogue. The catalogue is public information (công khai TTHC): staff of any
agency may read all of it; the public sees only procedures in force."""

from __future__ import annotations

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404

from cchc.catalog.models import Field, Procedure
from cchc.core.text import fold

MAX_QUERY_TOKENS = 12


def procedure_search(queryset: QuerySet[Procedure], query: str) -> QuerySet[Procedure]:
    """Keep procedures whose folded code and name contain every word of ``query``.

    Diacritics and case are ignored the same way on SQLite and PostgreSQL: "cap giay phep xay
    dung" finds "Cấp giấy phép xây dựng" (docs/decisions/0002-search-folded-columns.md).
    """
    for token in fold(query).split()[:MAX_QUERY_TOKENS]:
        queryset = queryset.filter(search_text__contains=token)
    return queryset


def procedure_list(
    *,
    q: str = "",
    field_code: str = "",
    agency_code: str = "",
    status: str = "",
    level: str = "",
    online_mode: str = "",
    in_force_only: bool = True,
) -> QuerySet[Procedure]:
    """Procedures filtered for a list page or the API, with what a list row needs."""
    queryset = Procedure.objects.select_related("field", "competent_agency").annotate(
        fee_total=Coalesce(Sum("fees__amount_vnd"), 0)
    )
    if in_force_only:
        queryset = queryset.filter(status__in=Procedure.IN_FORCE)
    elif status:
        queryset = queryset.filter(status=status)
    if q:
        queryset = procedure_search(queryset, q)
    if field_code:
        queryset = queryset.filter(field__code=field_code)
    if agency_code:
        receiving = Procedure.receiving_agencies.through.objects.filter(
            agency__code=agency_code
        ).values("procedure_id")
        queryset = queryset.filter(Q(competent_agency__code=agency_code) | Q(pk__in=receiving))
    if level in ("province", "district", "commune"):
        queryset = queryset.filter(**{f"at_{level}": True})
    if online_mode:
        queryset = queryset.filter(online_mode=online_mode)
    return queryset.order_by("code")


def procedure_filters(params: object) -> dict[str, str]:
    """The list page's filters read from a query string (list page, Excel export)."""
    status = params.get("status", "")
    return {
        "q": params.get("q", "")[:200],
        "field_code": params.get("field", "")[:30],
        "status": status if status in Procedure.Status.values else "",
        "level": params.get("level", ""),
        "online_mode": params.get("online", "")[:10],
    }


def procedure_get(code: str, *, in_force_only: bool = True) -> Procedure:
    """The procedure with ``code`` and its lists, or ``Http404``."""
    queryset = Procedure.objects.select_related("field", "competent_agency").prefetch_related(
        "documents", "fees", "legal_bases", "steps__agency", "receiving_agencies", "versions"
    )
    if in_force_only:
        queryset = queryset.filter(status__in=Procedure.IN_FORCE)
    procedure = queryset.filter(code=code).first()
    if procedure is None:
        raise Http404
    return procedure


def field_list_with_counts(*, in_force_only: bool = True) -> QuerySet[Field]:
    from django.db.models import Count

    condition = Q(procedures__status__in=Procedure.IN_FORCE) if in_force_only else Q()
    return Field.objects.annotate(procedure_count=Count("procedures", filter=condition)).order_by(
        "name"
    )
