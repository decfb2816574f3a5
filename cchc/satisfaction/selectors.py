"""Reads for ratings: who handled a dossier, whether it may be rated, and the yearly counts
behind the DOMAIN A8 flags (read from the exact counters, never by scanning ratings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Sum
from django.http import Http404

from cchc.domain import indicators
from cchc.domain.indicators import RatingCounts
from cchc.dossiers.models import Dossier, DossierEvent
from cchc.org.models import User
from cchc.satisfaction.models import COUNTERS, OfficerYearStat, Rating, SatisfactionDailyStat

RATABLE = (Dossier.Status.RESULT_READY, Dossier.Status.RETURNED)


@dataclass(frozen=True)
class HandlingOfficer:
    """An officer who acted on the dossier, as shown on the rating page."""

    user: User
    role_label: str
    agency_name: str

    @property
    def id(self) -> int:
        return self.user.pk

    @property
    def name(self) -> str:
        return self.user.get_full_name()


def dossier_officers(dossier: Dossier) -> list[HandlingOfficer]:
    """The distinct officers among the actors of the dossier's events, in order of first
    action (the counter officer who received it first). One query."""
    events = (
        DossierEvent.objects.filter(dossier=dossier, actor__isnull=False)
        .exclude(actor__role=User.Role.CITIZEN)
        .select_related("actor", "actor__agency")
        .order_by("seq")
    )
    seen: dict[int, HandlingOfficer] = {}
    for event in events:
        actor = event.actor
        if actor.pk in seen:
            continue
        role = actor.job_title or actor.get_role_display()
        seen[actor.pk] = HandlingOfficer(actor, role, actor.agency.name if actor.agency else "")
    return list(seen.values())


def dossier_is_ratable(dossier: Dossier) -> bool:
    return dossier.status in RATABLE


def rating_for_dossier(dossier: Dossier) -> Rating | None:
    return Rating.objects.filter(dossier=dossier).first()


def dossier_get_for_rating(user: User, public_id: object) -> Dossier:
    """The dossier with ``public_id`` if ``user`` is its applicant (account), else Http404."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    dossier = (
        Dossier.objects.select_related("procedure", "receiving_agency")
        .filter(public_id=public_id, applicant_user=user)
        .first()
    )
    if dossier is None:
        raise Http404
    return dossier


def officer_yearly_counts(
    *, officer_ids: list[int] | None = None, years: list[int] | None = None
) -> dict[int, dict[int, RatingCounts]]:
    """``{officer_id: {year: RatingCounts}}`` from the per-officer yearly counters."""
    rows = OfficerYearStat.objects.all()
    if officer_ids is not None:
        rows = rows.filter(officer_id__in=officer_ids)
    if years is not None:
        rows = rows.filter(year__in=years)
    result: dict[int, dict[int, RatingCounts]] = {}
    for row in rows.values("officer_id", "year", *COUNTERS):
        result.setdefault(row["officer_id"], {})[row["year"]] = RatingCounts(
            **{name: row[name] for name in COUNTERS}
        )
    return result


def agency_yearly_counts(
    *, agency_ids: list[int] | None = None, years: list[int] | None = None
) -> dict[int, dict[int, RatingCounts]]:
    """``{agency_id: {year: RatingCounts}}`` of the resolving agencies (the agency rated, A8),
    summed from the daily agency counters."""
    result: dict[int, dict[int, RatingCounts]] = {}
    for year in years or _years_with_ratings():
        rows = SatisfactionDailyStat.objects.filter(
            day__gte=date(year, 1, 1), day__lte=date(year, 12, 31)
        )
        if agency_ids is not None:
            rows = rows.filter(resolving_agency_id__in=agency_ids)
        totals = rows.values("resolving_agency_id").annotate(
            **{name: Sum(name) for name in COUNTERS}
        )
        for row in totals:
            result.setdefault(row["resolving_agency_id"], {})[year] = RatingCounts(
                **{name: row[name] or 0 for name in COUNTERS}
            )
    return result


def _years_with_ratings() -> list[int]:
    return sorted({d.year for d in SatisfactionDailyStat.objects.dates("day", "year")})


def duty_flags(
    yearly: dict[int, dict[int, RatingCounts]], year: int
) -> dict[int, indicators.DutyFlag]:
    """The A8 flag of ``year`` for each officer or agency of ``yearly`` (as returned by
    ``officer_yearly_counts`` / ``agency_yearly_counts`` over ``year`` and ``year - 1``)."""
    return {
        key: indicators.duty_flag(
            {y: indicators.negative_share(c) for y, c in by_year.items() if c.total}, year=year
        )
        for key, by_year in yearly.items()
    }
