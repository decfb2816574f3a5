"""Public transparency pages (công khai kết quả giải quyết TTHC) — no sign-in, no personal data,
cached: for the province and for each agency, the outcomes of a period (received by channel,
finished early / on time / late, returned, apologies, satisfaction), the serving-quality index
(Decision 766) with each agency's rank among those of its kind, the month-by-month trend, the
share of feedback and petitions answered on time;
and the live board for a service centre's screen (dossiers ready to return, by code, and the
day's counts), which refreshes itself.

Everything is read from the exact summary counters (``cchc.stats.figures``) except the board's
list of codes (one bounded index range: ready dossiers of one receiving agency). Computed
figures are cached for ``CCHC_PUBLIC_CACHE_SECONDS`` (default 300) per period and agency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from cchc.dossiers.models import Dossier, DossierDailyStat
from cchc.feedback.models import FeedbackDailyStat
from cchc.org.models import Agency
from cchc.stats.figures import Outcomes, outcomes_by_agency, outcomes_by_month, trend_data
from cchc.stats.forms import PublicPeriodForm
from cchc.stats.selectors import share
from cchc.stats.serving import AGENCY_KINDS, AgencyIndex, serving_index

BOARD_CODES = 60
BOARD_REFRESH_SECONDS = 30


def _seconds() -> int:
    return int(getattr(settings, "CCHC_PUBLIC_CACHE_SECONDS", 300))


def _public(response: HttpResponse, seconds: int) -> HttpResponse:
    """Shared caches may keep the page: it holds no personal data."""
    patch_cache_control(response, public=True, max_age=seconds)
    return response


def _period(request: HttpRequest) -> tuple[PublicPeriodForm, date, date] | None:
    form = PublicPeriodForm(request.GET)
    if not form.is_valid():
        return None
    return form, form.cleaned_data["day_from"], form.cleaned_data["day_to"]


@dataclass(frozen=True)
class FeedbackAnswers:
    """Feedback and petitions answered in a period and, of those, after their due moment."""

    answered: int = 0
    answered_late: int = 0

    @property
    def on_time(self) -> int:
        return self.answered - self.answered_late

    @property
    def on_time_share(self) -> Decimal | None:
        return share(self.on_time, self.answered)


def _feedback_answers(
    day_from: date, day_to: date, agencies: QuerySet[Agency] | None = None
) -> FeedbackAnswers:
    """The answers of the period (one query over ``FeedbackDailyStat``), for ``agencies`` or
    the whole province."""
    rows = FeedbackDailyStat.objects.filter(day__gte=day_from, day__lte=day_to)
    if agencies is not None:
        rows = rows.filter(agency__in=agencies)
    sums = rows.aggregate(answered=Sum("answered"), late=Sum("answered_late"))
    return FeedbackAnswers(sums["answered"] or 0, sums["late"] or 0)


def _scores(day_from: date, day_to: date) -> dict[str, AgencyIndex]:
    """Each resolving agency's serving-quality index, ranked among the agencies of its kind
    (departments together, communes together), by agency code."""
    scores: dict[str, AgencyIndex] = {}
    for kind in AGENCY_KINDS:
        index = serving_index(day_from=day_from, day_to=day_to, agency_kind=kind)
        scores.update({a.code: a for a in index.agencies})
    return scores


def _province_figures(day_from: date, day_to: date) -> dict:
    key = f"cchc:public:province:{day_from}:{day_to}"
    figures = cache.get(key)
    if figures is None:
        by_agency = outcomes_by_agency(day_from=day_from, day_to=day_to)
        agencies = {
            a.pk: a for a in Agency.objects.filter(pk__in=by_agency).only("code", "name", "path")
        }
        lines = sorted(
            ((agencies[pk], outcomes) for pk, outcomes in by_agency.items() if pk in agencies),
            key=lambda pair: pair[0].path,
        )
        scores = _scores(day_from, day_to)
        figures = {
            "lines": [
                {
                    "code": a.code,
                    "name": a.name,
                    "outcomes": outcomes,
                    "index": scores.get(a.code),
                }
                for a, outcomes in lines
            ],
            "total": sum((outcomes for _, outcomes in lines), Outcomes()),
            "months": outcomes_by_month(day_from=day_from, day_to=day_to),
            "feedback": _feedback_answers(day_from, day_to),
        }
        cache.set(key, figures, _seconds())
    return figures


@require_GET
def province_view(request: HttpRequest) -> HttpResponse:
    """The province's figures and each agency's, for a year or a month (default: this year)."""
    chosen = _period(request)
    if chosen is None:
        form = PublicPeriodForm(request.GET)
        form.is_valid()
        return render(request, "stats/public/province.html", {"form": form}, status=400)
    form, day_from, day_to = chosen
    context = {"form": form, "day_from": day_from, "day_to": day_to}
    context.update(_province_figures(day_from, day_to))
    context["trend"] = trend_data(context["months"])
    response = render(request, "stats/public/province.html", context)
    return _public(response, _seconds())


@require_GET
def agency_view(request: HttpRequest, code: str) -> HttpResponse:
    """One agency's figures for the period, with its month-by-month trend."""
    agency = get_object_or_404(Agency.objects.only("code", "name", "level"), code=code)
    chosen = _period(request)
    if chosen is None:
        form = PublicPeriodForm(request.GET)
        form.is_valid()
        context = {"form": form, "agency": agency}
        return render(request, "stats/public/agency.html", context, status=400)
    form, day_from, day_to = chosen
    key = f"cchc:public:agency:{agency.pk}:{day_from}:{day_to}"
    figures = cache.get(key)
    if figures is None:
        only = Agency.objects.filter(pk=agency.pk)
        by_agency = outcomes_by_agency(day_from=day_from, day_to=day_to, agencies=only)
        figures = {
            "outcomes": by_agency.get(agency.pk, Outcomes()),
            "months": outcomes_by_month(day_from=day_from, day_to=day_to, agencies=only),
            "index": _agency_index(agency, day_from, day_to),
            "feedback": _feedback_answers(day_from, day_to, only),
        }
        cache.set(key, figures, _seconds())
    context = {"form": form, "agency": agency, "day_from": day_from, "day_to": day_to, **figures}
    context["trend"] = trend_data(figures["months"])
    return _public(render(request, "stats/public/agency.html", context), _seconds())


def _agency_index(agency: Agency, day_from: date, day_to: date) -> dict | None:
    """The agency's index and the number of agencies of its kind it is ranked among."""
    if agency.level not in AGENCY_KINDS:
        return None
    index = serving_index(day_from=day_from, day_to=day_to, agency_kind=agency.level)
    mine = next((a for a in index.agencies if a.agency_id == agency.pk), None)
    return {"score": mine, "count": len(index.agencies)} if mine else None


def _board(agency: Agency) -> dict:
    today = timezone.localdate()
    ready = list(
        Dossier.objects.filter(receiving_agency=agency, status=Dossier.Status.RESULT_READY)
        .exclude(code=None)
        .order_by("-pk")
        .values_list("code", flat=True)[:BOARD_CODES]
    )
    counts = DossierDailyStat.objects.filter(receiving_agency=agency, day=today).values(
        "received", "returned", "finished_early", "finished_on_time", "finished_late"
    )
    total = Outcomes()
    for row in counts:
        total = total + Outcomes(**row)
    return {"agency": agency, "ready": ready, "today": total, "now": timezone.localtime()}


@require_GET
def board_view(request: HttpRequest, code: str) -> HttpResponse:
    """The live board of a receiving agency (a service centre's screen): dossiers whose result
    is ready, by code, and today's counts; the page refreshes its content every 30 seconds."""
    agency = get_object_or_404(Agency.objects.only("code", "name"), code=code)
    context = {**_board(agency), "refresh": BOARD_REFRESH_SECONDS}
    return _public(render(request, "stats/public/board.html", context), BOARD_REFRESH_SECONDS)


@require_GET
def board_content_view(request: HttpRequest, code: str) -> HttpResponse:
    """The board's content alone, for its periodic refresh (htmx)."""
    agency = get_object_or_404(Agency.objects.only("code", "name"), code=code)
    context = {**_board(agency), "refresh": BOARD_REFRESH_SECONDS}
    return _public(render(request, "stats/public/_board.html", context), BOARD_REFRESH_SECONDS)
