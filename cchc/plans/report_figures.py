"""The figures of a periodic reform report (báo cáo định kỳ): one agency's — a unit (a
department or a commune and its divisions) or the province (every unit) — for a year and a
period, read from live data and returned as a plain JSON-serialisable dict, the report's
snapshot once it is submitted.

Periods are cumulative from 1 January, as the reports are written ("quý I", "6 tháng đầu năm",
"9 tháng", "năm") and as the dashboard's "6 tháng" / "9 tháng" periods count them: q1 is
01/01–31/03, h1 01/01–30/06, q3 01/01–30/09, year the whole calendar year.

Each group comes from the function the platform already shows it with, so a report and the
dashboard never disagree:

- one-stop figures: ``cchc.stats.figures.outcomes_by_agency`` (the dashboard's table "Kết quả
  giải quyết theo cơ quan") over the unit's agencies; the third visits from the report
  ``cchc.stats.report.agency_report`` (same counters);
- feedback handled: the report's feedback total;
- satisfaction and the A8 duty flags: the report's lines (flag of the period's year);
- the PAR Index: the unit's latest published result in force (``cchc.parindex``);
- plan progress: the unit's plan tasks of the year counted by status.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.utils import timezone

from cchc.domain import indicators
from cchc.org.models import Agency
from cchc.parindex.results import current_results
from cchc.plans.models import Period, PlanTask
from cchc.stats.figures import Outcomes, outcomes_by_agency
from cchc.stats.report import agency_report

PERIOD_MONTHS = {Period.Q1: 3, Period.H1: 6, Period.Q3: 9, Period.YEAR: 12}
MONTH_END = {3: 31, 6: 30, 9: 30, 12: 31}
ONE_STOP_KEYS = (
    "received",
    "online",
    "postal",
    "in_person",
    "finished",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "apologies",
    "third_visits",
)


def period_days(year: int, period: str) -> tuple[date, date]:
    """The first and last day (inclusive) of ``period`` of ``year``, cumulative from 1 January."""
    months = PERIOD_MONTHS[Period(period)]
    return date(year, 1, 1), date(year, months, MONTH_END[months])


def unit_agencies(agency: Agency) -> QuerySet[Agency]:
    """The agencies whose figures are the unit's: the unit and its subtree; the province is
    every agency."""
    if agency.level == Agency.Level.PROVINCE:
        return Agency.objects.all()
    return Agency.objects.filter(path__startswith=agency.path)


def _rate(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def one_stop(outcomes: Outcomes, third_visits: int) -> dict:
    return {
        "received": outcomes.received,
        "online": outcomes.online,
        "postal": outcomes.postal,
        "in_person": outcomes.in_person,
        "finished": outcomes.finished,
        "finished_early": outcomes.finished_early,
        "finished_on_time": outcomes.finished_on_time,
        "finished_late": outcomes.finished_late,
        "on_time_share": _rate(outcomes.on_time_share),
        "online_share": _rate(outcomes.online_share),
        "postal_share": _rate(outcomes.postal_share),
        "apologies": outcomes.apologies,
        "third_visits": third_visits,
    }


def _index(agency: Agency) -> dict | None:
    result = (
        current_results()
        .filter(agency=agency)
        .select_related("framework")
        .order_by("-framework__year", "-published_at")
        .first()
    )
    if result is None:
        return None
    return {
        "year": result.framework.year,
        "total": str(result.total),
        "max_points": str(result.max_points),
        "percent": str(result.percent),
        "classification": result.classification,
        "rank": result.rank,
    }


def _plan(agency: Agency, year: int) -> dict:
    counts = dict(
        PlanTask.objects.filter(plan__agency=agency, plan__year=year)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    by_status = {status: counts.get(status, 0) for status in PlanTask.Status.values}
    return {"total": sum(by_status.values()), "by_status": by_status}


def report_figures(agency: Agency, year: int, period: str, *, now: datetime | None = None) -> dict:
    """The figures of ``agency``'s unit (the province: every unit) for ``period`` of ``year``."""
    unit = agency.unit
    day_from, day_to = period_days(year, period)
    agencies = unit_agencies(unit)
    outcomes = sum(
        outcomes_by_agency(day_from=day_from, day_to=day_to, agencies=agencies).values(),
        Outcomes(),
    )
    report = agency_report(agencies, day_from=day_from, day_to=day_to, now=now)
    feedback = report.feedback_total
    flagged = [
        {"code": line.code, "name": line.name, "flag": line.duty}
        for line in report.lines
        if line.duty != indicators.OK
    ]
    return {
        "agency": {"code": unit.code, "name": unit.name, "level": unit.level},
        "year": year,
        "period": str(period),
        "day_from": day_from.isoformat(),
        "day_to": day_to.isoformat(),
        "at": (now or timezone.now()).isoformat(),
        "one_stop": one_stop(outcomes, report.total.third_visits),
        "feedback": {
            "received": feedback.received if feedback else 0,
            "answered": feedback.answered if feedback else 0,
            "answered_on_time": feedback.answered_on_time if feedback else 0,
            "answered_late": feedback.answered_late if feedback else 0,
            "published": feedback.published if feedback else 0,
            "overdue": feedback.overdue if feedback else 0,
            "on_time_share": _rate(feedback.on_time_share) if feedback else None,
        },
        "satisfaction": {
            "ratings": outcomes.ratings,
            "satisfied": outcomes.satisfied,
            "satisfied_share": _rate(outcomes.satisfied_share),
            "duty_flags": flagged,
        },
        "index": _index(unit),
        "plan": _plan(unit, year),
    }
