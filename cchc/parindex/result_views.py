"""Staff pages of the published PAR Index results (``/can-bo/chi-so-cchc/ket-qua/…``): the
ranking of a year and unit kind (with its XLSX and PDF), the province-wide criterion view, and
a unit's scorecard (with its PDF). Every officer reads the ranking and the criterion view — the
province publishes them; a unit's scorecard, with its remediation tasks, is for whoever reads
the unit's assessment (``selectors.assessments_for``: its reform officer and leader, Home
Affairs, the council, administrators); another unit's scorecard is a 404. Nothing published for
a year and kind is a 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cchc.core.xlsx import XLSX_CONTENT_TYPE
from cchc.domain.assessment import Role
from cchc.org.models import User
from cchc.org.permissions import staff_required
from cchc.parindex import exports
from cchc.parindex.models import Assessment, PublishedResult
from cchc.parindex.results import (
    Ranking,
    Scorecard,
    criterion_view,
    framework_published,
    published_kinds,
    ranking,
    scorecard,
    scorecard_result,
)
from cchc.parindex.selectors import assessments_for
from cchc.parindex.services import actor_roles

EXPORTS = {"excel": "xlsx", "pdf": "pdf"}
# Who assigns a remediation task (as ``services.remediation_create`` checks): Home Affairs for
# any unit, a unit's leader for their own.
ASSIGNING_ROLES = frozenset({Role.HOME_AFFAIRS, Role.UNIT_LEADER})


def can_assign_remediation(user: User, assessment: Assessment) -> bool:
    return bool(actor_roles(assessment, user) & ASSIGNING_ROLES)


def ranking_get(year: int, unit_kind: str) -> Ranking:
    found = ranking(year, unit_kind)
    if found is None:
        raise Http404
    return found


def result_get_for_user(user: User, year: int, unit_kind: str, code: str) -> PublishedResult:
    """The unit's published result if ``user`` may read its scorecard, else ``Http404``."""
    result = scorecard_result(year, unit_kind, code)
    if result is None:
        raise Http404
    if not assessments_for(user).filter(pk=result.assessment_id).exists():
        raise Http404
    return result


def scorecard_charts(card: Scorecard) -> dict:
    """The numbers of the scorecard's two charts (``js/charts.js``): a bar per field, and the
    percent over the years."""
    return {
        "components_chart": {
            "labels": [f"{c.field_code}. {c.field_name}" for c in card.components],
            "series": [
                {
                    "label": str(_("Chỉ số thành phần (%)")),
                    "values": [
                        None if c.percent is None else float(c.percent) for c in card.components
                    ],
                }
            ],
        },
        "trend_chart": {
            "labels": [str(point.year) for point in card.trend],
            "series": [
                {
                    "label": str(_("Chỉ số CCHC (%)")),
                    "values": [float(point.percent) for point in card.trend],
                }
            ],
        },
    }


def _attachment(body: bytes, content_type: str, filename: str) -> HttpResponse:
    disposition = f'attachment; filename="{filename}"'
    return HttpResponse(
        body, content_type=content_type, headers={"Content-Disposition": disposition}
    )


@require_GET
@staff_required
def results_index_view(request: HttpRequest) -> HttpResponse:
    return render(request, "parindex/results/index.html", {"frameworks": published_kinds()})


@require_GET
@staff_required
def ranking_view(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    found = ranking_get(year, kind)
    readable = set(
        assessments_for(request.user)
        .filter(framework=found.framework)
        .values_list("agency_id", flat=True)
    )
    context = {"ranking": found, "title": exports.ranking_title(found), "readable": readable}
    return render(request, "parindex/results/ranking.html", context)


@require_GET
@staff_required
def ranking_export_view(request: HttpRequest, year: int, kind: str, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404
    found = ranking_get(year, kind)
    ext = EXPORTS[fmt]
    if ext == "xlsx":
        body, content_type = exports.ranking_xlsx(found), XLSX_CONTENT_TYPE
    else:
        body, content_type = exports.ranking_pdf(found), "application/pdf"
    return _attachment(body, content_type, exports.ranking_filename(found, ext))


@require_GET
@staff_required
def criteria_view(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    framework = framework_published(year, kind)
    if framework is None:
        raise Http404
    context = {"framework": framework, "rows": criterion_view(framework)}
    return render(request, "parindex/results/criteria.html", context)


def _scorecard(request: HttpRequest, year: int, kind: str, code: str) -> Scorecard:
    return scorecard(result_get_for_user(request.user, year, kind, code))


@require_GET
@staff_required
def scorecard_view(request: HttpRequest, year: int, kind: str, code: str) -> HttpResponse:
    card = _scorecard(request, year, kind, code)
    context = {
        "card": card,
        "can_assign": can_assign_remediation(request.user, card.result.assessment),
        **scorecard_charts(card),
    }
    return render(request, "parindex/results/scorecard.html", context)


@require_GET
@staff_required
def scorecard_pdf_view(request: HttpRequest, year: int, kind: str, code: str) -> HttpResponse:
    card = _scorecard(request, year, kind, code)
    return _attachment(
        exports.scorecard_pdf(card), "application/pdf", exports.scorecard_filename(card)
    )
