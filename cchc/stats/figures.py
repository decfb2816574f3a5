"""Outcome figures of a period — per agency, for the province, month by month — for the public
transparency pages and the dashboards. Read from the exact summary counters only
(``DossierDailyStat``, ``SatisfactionDailyStat``), credited to the resolving agency (DOMAIN A6):
a page costs the same few statements whatever the number of dossiers.

The channel shares here are plain shares of what was received (online, postal, in person out of
all received) — what a citizen reads on a public page; the Decision 766 forms with their own
denominators are the serving index's (``cchc.stats.serving``) and the report's.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from cchc.dossiers.models import DossierDailyStat
from cchc.org.models import Agency
from cchc.satisfaction.models import SatisfactionDailyStat
from cchc.stats.selectors import share

CHANNELS = ("online", "postal", "in_person")


@dataclass(frozen=True)
class Outcomes:
    """What happened to dossiers in a period (each counted on its own day)."""

    received: int = 0
    online: int = 0
    postal: int = 0
    in_person: int = 0
    finished_early: int = 0
    finished_on_time: int = 0
    finished_late: int = 0
    returned: int = 0
    refused: int = 0
    apologies: int = 0
    ratings: int = 0
    satisfied: int = 0

    @property
    def finished(self) -> int:
        return self.finished_early + self.finished_on_time + self.finished_late

    @property
    def on_time_share(self) -> Decimal | None:
        """Early or on time / finished (DOMAIN A3's timeliness of the results of the period)."""
        return share(self.finished_early + self.finished_on_time, self.finished)

    @property
    def online_share(self) -> Decimal | None:
        return share(self.online, self.received)

    @property
    def postal_share(self) -> Decimal | None:
        return share(self.postal, self.received)

    @property
    def satisfied_share(self) -> Decimal | None:
        """Very satisfied or satisfied / ratings."""
        return share(self.satisfied, self.ratings)

    def __add__(self, other: Outcomes) -> Outcomes:
        return Outcomes(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


@dataclass(frozen=True)
class MonthOutcomes:
    month: date  # the first day of the month
    outcomes: Outcomes


def dossier_sums() -> dict[str, Sum]:
    sums = {
        f"n_{name}": Sum(name)
        for name in (
            "received",
            "finished_early",
            "finished_on_time",
            "finished_late",
            "returned",
            "refused",
            "apologies",
        )
    }
    for channel in CHANNELS:
        sums[f"n_{channel}"] = Sum("received", filter=Q(channel=channel))
    return sums


def _rating_sums() -> dict[str, Sum]:
    return {
        "n_ratings": Sum("very_satisfied") + Sum("satisfied") + Sum("not_satisfied"),
        "n_satisfied": Sum("very_satisfied") + Sum("satisfied"),
    }


def outcomes_from(row: dict) -> Outcomes:
    return Outcomes(**{f.name: row.get(f"n_{f.name}") or 0 for f in fields(Outcomes)})


def _merge(dossier_rows: dict, rating_rows: dict) -> dict:
    keys = set(dossier_rows) | set(rating_rows)
    return {key: {**dossier_rows.get(key, {}), **rating_rows.get(key, {})} for key in keys}


def outcomes_by_agency(
    *,
    day_from: date,
    day_to: date,
    agencies: QuerySet[Agency] | None = None,
    narrow: dict | None = None,
) -> dict[int, Outcomes]:
    """``{resolving agency id: Outcomes}`` over ``day_from``–``day_to`` (inclusive), for the
    agencies of ``agencies`` (all when ``None``). ``narrow`` keeps some of the dossier counters
    (procedure, field, channel: ``DossierDailyStat`` lookups); ratings are kept per agency
    only, so a narrowed figure has none. One or two queries."""
    period = {"day__gte": day_from, "day__lte": day_to}
    if agencies is not None:
        period["resolving_agency__in"] = agencies
    column = "resolving_agency_id"
    dossiers = {
        row[column]: row
        for row in DossierDailyStat.objects.filter(**period, **(narrow or {}))
        .values(column)
        .annotate(**dossier_sums())
    }
    ratings = {}
    if not narrow:
        ratings = {
            row[column]: row
            for row in SatisfactionDailyStat.objects.filter(**period)
            .values(column)
            .annotate(**_rating_sums())
        }
    return {key: outcomes_from(row) for key, row in _merge(dossiers, ratings).items()}


def outcomes_by_month(
    *,
    day_from: date,
    day_to: date,
    agencies: QuerySet[Agency] | None = None,
    narrow: dict | None = None,
) -> list[MonthOutcomes]:
    """The months of ``day_from``–``day_to`` in order, each with the outcomes of the agencies of
    ``agencies`` (all when ``None``); a month with nothing is there with zeros. ``narrow`` as
    in ``outcomes_by_agency``. One or two queries."""
    period = {"day__gte": day_from, "day__lte": day_to}
    if agencies is not None:
        period["resolving_agency__in"] = agencies

    def by_month(model: type, sums: dict, more: dict) -> dict:
        rows = model.objects.filter(**period, **more).annotate(month=TruncMonth("day"))
        return {row["month"]: row for row in rows.values("month").annotate(**sums)}

    ratings = {} if narrow else by_month(SatisfactionDailyStat, _rating_sums(), {})
    merged = _merge(by_month(DossierDailyStat, dossier_sums(), narrow or {}), ratings)
    return [
        MonthOutcomes(month, outcomes_from(merged.get(month, {})))
        for month in months_between(day_from, day_to)
    ]


def months_between(day_from: date, day_to: date) -> list[date]:
    """The first days of the months that ``day_from``–``day_to`` touches, in order."""
    months = []
    year, month = day_from.year, day_from.month
    while (year, month) <= (day_to.year, day_to.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def trend_data(months: list[MonthOutcomes]) -> dict:
    """The month-by-month series of a chart (its table shows the same numbers)."""
    return {
        "labels": [f"{m.month:%m/%Y}" for m in months],
        "series": [
            {"label": _("Tiếp nhận"), "values": [m.outcomes.received for m in months]},
            {"label": _("Đã giải quyết"), "values": [m.outcomes.finished for m in months]},
            {"label": _("Trễ hạn"), "values": [m.outcomes.finished_late for m in months]},
        ],
    }
