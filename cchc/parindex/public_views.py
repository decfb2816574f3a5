"""Public PAR Index results under ``/cong-khai/chi-so-cchc/`` (no sign-in): the published
rankings and a unit's published scorecard — the figures the province published, the same as
the staff pages and the API read (``cchc.parindex.results``), without the remediation tasks.
Nothing published for a year, kind or unit is a 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cchc.parindex import exports
from cchc.parindex.result_views import ranking_get, scorecard_charts
from cchc.parindex.results import published_kinds, scorecard, scorecard_result


@require_GET
def public_index_view(request: HttpRequest) -> HttpResponse:
    return render(request, "parindex/public/index.html", {"frameworks": published_kinds()})


@require_GET
def public_ranking_view(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    found = ranking_get(year, kind)
    context = {"ranking": found, "title": exports.ranking_title(found)}
    return render(request, "parindex/public/ranking.html", context)


@require_GET
def public_scorecard_view(request: HttpRequest, year: int, kind: str, code: str) -> HttpResponse:
    result = scorecard_result(year, kind, code)
    if result is None:
        raise Http404
    card = scorecard(result, with_tasks=False)
    context = {"card": card, "public": True, **scorecard_charts(card)}
    return render(request, "parindex/public/scorecard.html", context)
