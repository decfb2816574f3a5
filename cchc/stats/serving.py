"""Chỉ số phục vụ người dân, doanh nghiệp — the serving-quality index of Decision 766/QĐ-TTg
for each agency that resolves dossiers, over any period, with points, groups and the ranking.

One door: ``serving_index(day_from=…, day_to=…, agencies=…, agency_kind=…)``. It reads

1. the configuration in force on ``day_to`` (``cchc.stats.models``: groups, indicators);
2. the measures each indicator names, for every agency together (``cchc.stats.measures``):
   sums over the exact summary tables (``DossierDailyStat``, ``SatisfactionDailyStat``,
   ``FeedbackDailyStat``), the published catalogue and the closed survey campaigns
   (``cchc.surveys.selectors``) — never the dossier table;
3. the values the reform office entered for the indicators the platform cannot compute;

and scores them with the pure rules of ``cchc.domain.serving_index`` (DOMAIN A6, B §5.2):
points = max × min(1, rate / threshold) or bands, the zero-denominator rule, *not applicable*
excluded from the maximum and the total rescaled to 100, competition ranking 1-2-2-4.

**Which agencies.** The units credited with dossiers in the period — the resolving agencies
(DOMAIN A6: the unit whose leader issues the result, a division rolled up to its department
or commune) with a row in the dossier or rating counters between ``day_from`` and ``day_to``
— restricted to ``agencies`` (a caller's scope, e.g. ``agencies_visible_to(user)``) and to
one level (``agency_kind``: ``department`` or ``commune``). They are ranked among themselves.

**Cost.** At most nine queries whatever the number of dossiers, agencies or days: the
configuration, the dossier sums, the rating sums, the agencies, and — when the configuration
uses them — the feedback sums, the survey answers, the catalogue, the per-procedure use, the
entered values.
Each reads summary rows (days × agencies × procedures), the catalogue's versions, or the
entries.

The answer is plain dataclasses (``ServingIndex`` → ``AgencyIndex`` → ``GroupPoints`` and
``IndicatorPoints``), ordered by rank then agency code: the API (``cchc.stats.api``), the
dashboards and the public pages show the same figures from it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count as CountRows
from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, TruncDate

from cchc.catalog.models import Procedure, ProcedureVersion
from cchc.domain import serving_index as rules
from cchc.domain.serving_index import Count, GroupRule, IndicatorRule, ZeroRule
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import DossierDailyStat
from cchc.feedback.models import FeedbackDailyStat
from cchc.org.models import Agency
from cchc.satisfaction.models import SatisfactionDailyStat
from cchc.stats.measures import (
    CATALOGUE,
    DOSSIERS,
    ENTERED,
    FEEDBACK,
    MEASURES,
    OFFERING_ONLINE,
    ONLINE,
    RATINGS,
    REGISTERED,
    SURVEY,
    USAGE,
    registered_counts,
)
from cchc.stats.models import EnteredValue, IndexIndicator
from cchc.surveys.selectors import survey_agency_indexes

AGENCY_KINDS = (Agency.Level.DEPARTMENT.value, Agency.Level.COMMUNE.value)


# --- The configuration --------------------------------------------------------------------


@dataclass(frozen=True)
class GroupConfig:
    code: str
    name: str
    max_points: Decimal


@dataclass(frozen=True)
class IndicatorConfig:
    code: str
    name: str
    group: str
    numerator: str
    denominator: str
    max_points: Decimal
    rule: IndicatorRule

    @property
    def entered(self) -> bool:
        return self.numerator == ENTERED


@dataclass(frozen=True)
class Configuration:
    """The groups and indicators in force on ``day``, in their configured order."""

    day: date
    groups: tuple[GroupConfig, ...]
    indicators: tuple[IndicatorConfig, ...]

    @property
    def measures(self) -> set[str]:
        return {
            name for i in self.indicators if not i.entered for name in (i.numerator, i.denominator)
        }

    def uses(self, source: str) -> bool:
        return any(MEASURES[name].source == source for name in self.measures)

    @property
    def entered_codes(self) -> list[str]:
        return [i.code for i in self.indicators if i.entered]


def configuration_on(day: date) -> Configuration:
    """The configuration in force on ``day`` (one query). An indicator counts when it and its
    group are both in force; of two rows of one code in force (the admin refuses it), the
    later ``valid_from`` wins."""
    in_force = Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))
    group_in_force = Q(group__valid_from__lte=day) & (
        Q(group__valid_to__isnull=True) | Q(group__valid_to__gte=day)
    )
    rows = (
        IndexIndicator.objects.filter(in_force & group_in_force)
        .select_related("group")
        .order_by("group__order", "group__code", "order", "code", "-valid_from")
    )
    groups: dict[str, GroupConfig] = {}
    indicators: dict[str, IndicatorConfig] = {}
    for row in rows:
        group = row.group
        groups.setdefault(group.code, GroupConfig(group.code, group.name, group.max_points))
        if row.code in indicators:
            continue
        indicators[row.code] = IndicatorConfig(
            code=row.code,
            name=row.name,
            group=group.code,
            numerator=row.numerator,
            denominator=row.denominator,
            max_points=row.max_points,
            rule=IndicatorRule(
                row.code, group.code, row.max_points, row.points_rule(), ZeroRule(row.zero_rule)
            ),
        )
    return Configuration(day, tuple(groups.values()), tuple(indicators.values()))


# --- The answer ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorPoints:
    """One indicator of one agency. ``numerator`` and ``denominator`` are ``None`` when there
    is no value (an entered indicator nobody entered); ``points`` is ``None`` when the
    indicator does not apply (no value, or a zero denominator under the not-applicable rule)
    and is then left out of its group's maximum. ``entered``: the value was typed by the
    reform office, not counted by the platform."""

    code: str
    name: str
    group: str
    numerator: int | None
    denominator: int | None
    points: Decimal | None
    max_points: Decimal
    entered: bool

    @property
    def applies(self) -> bool:
        return self.points is not None

    @property
    def rate(self) -> Decimal | None:
        if not self.denominator or self.numerator is None:
            return None
        return Decimal(self.numerator) / Decimal(self.denominator)

    @property
    def missing_points(self) -> Decimal:
        """Points this indicator could still gain (0 when it does not apply)."""
        return self.max_points - self.points if self.points is not None else Decimal(0)


@dataclass(frozen=True)
class GroupPoints:
    """A group of one agency: ``points`` out of ``max_points``, the maximum of its indicators
    that apply (``full_max`` is the configured maximum); ``points`` is ``None`` when none
    applies."""

    code: str
    name: str
    points: Decimal | None
    max_points: Decimal
    full_max: Decimal


@dataclass(frozen=True)
class AgencyIndex:
    """One agency's index: ``total`` (out of 100, rescaled when some indicators do not apply;
    ``None`` when none does) and its competition ``rank`` among the agencies of the answer;
    ``points`` out of ``max_points`` before rescaling."""

    agency_id: int
    code: str
    name: str
    level: str
    total: Decimal | None
    rank: int
    points: Decimal
    max_points: Decimal
    groups: tuple[GroupPoints, ...]
    indicators: tuple[IndicatorPoints, ...]

    def group(self, code: str) -> GroupPoints:
        return next(g for g in self.groups if g.code == code)

    def indicator(self, code: str) -> IndicatorPoints:
        return next(i for i in self.indicators if i.code == code)


@dataclass(frozen=True)
class ServingIndex:
    day_from: date
    day_to: date
    agency_kind: str
    configuration: Configuration
    agencies: tuple[AgencyIndex, ...]

    def agency(self, code: str) -> AgencyIndex:
        return next(a for a in self.agencies if a.code == code)


# --- The service --------------------------------------------------------------------------


def serving_index(
    *,
    day_from: date,
    day_to: date,
    agencies: QuerySet[Agency] | None = None,
    agency_kind: str = "",
) -> ServingIndex:
    """The index of every resolving agency of ``day_from``–``day_to`` (local days, inclusive)
    within ``agencies`` (all when ``None``) and of level ``agency_kind`` (any when empty),
    ranked. ``ValueError`` for a period that ends before it starts or an unknown kind."""
    if day_to < day_from:
        raise ValueError("the period ends before it starts")
    if agency_kind and agency_kind not in AGENCY_KINDS:
        raise ValueError(f"unknown agency kind: {agency_kind}")
    config = configuration_on(day_to)
    values, units = _measure_values(
        config.measures,
        day_from=day_from,
        day_to=day_to,
        agencies=agencies,
        agency_kind=agency_kind,
    )
    if not units:
        return ServingIndex(day_from, day_to, agency_kind, config, ())
    entered = _entered(config, units, day_from=day_from, day_to=day_to)

    group_rules = [GroupRule(g.code, g.max_points) for g in config.groups]
    indicator_rules = [i.rule for i in config.indicators]
    cards = {}
    for unit in units:
        counts: dict[str, Count | None] = {}
        for i in config.indicators:
            if i.entered:
                counts[i.code] = entered.get((i.code, unit.pk))
            else:
                line = values[unit.pk]
                counts[i.code] = Count(line.get(i.numerator, 0), line.get(i.denominator, 0))
        cards[unit.pk] = rules.scorecard(group_rules, indicator_rules, counts)
    ranks = rules.competition_ranks({pk: card.total for pk, card in cards.items()})
    answer = [_agency_index(unit, cards[unit.pk], ranks[unit.pk], config) for unit in units]
    answer.sort(key=lambda a: (a.rank, a.code))
    return ServingIndex(day_from, day_to, agency_kind, config, tuple(answer))


def measure_counts(
    measures: set[str],
    *,
    day_from: date,
    day_to: date,
    agencies: QuerySet[Agency] | None = None,
    agency_kind: str = "",
) -> dict[int, dict[str, int]]:
    """The named ``measures`` (``cchc.stats.measures``) of every resolving agency of
    ``day_from``–``day_to`` within ``agencies``, keyed by the unit's primary key — the counts
    the index scores, for another index to score by its own rules (the PAR Index's live
    criteria). An agency with no dossier and no rating in the period is absent (all its counts
    are 0). ``ValueError`` for an unknown measure or a period that ends before it starts."""
    unknown = set(measures) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measures: {sorted(unknown)}")
    if day_to < day_from:
        raise ValueError("the period ends before it starts")
    values, _units = _measure_values(
        set(measures), day_from=day_from, day_to=day_to, agencies=agencies, agency_kind=agency_kind
    )
    return {pk: {name: line.get(name, 0) for name in measures} for pk, line in values.items()}


def _uses(measures: set[str], source: str) -> bool:
    return any(MEASURES[name].source == source for name in measures)


def _measure_values(
    measures: set[str],
    *,
    day_from: date,
    day_to: date,
    agencies: QuerySet[Agency] | None,
    agency_kind: str,
) -> tuple[dict[int, dict[str, int]], list[Agency]]:
    """The counts of ``measures`` per unit credited with dossiers or ratings in the period (or
    counted by a registered provider, one more query when such a measure is used), and the
    units (ordered by code)."""
    scope = Q(day__gte=day_from, day__lte=day_to)
    if agencies is not None:
        scope &= Q(resolving_agency__in=agencies)
    if agency_kind:
        scope &= Q(resolving_agency__level=agency_kind)

    values: dict[int, dict[str, int]] = defaultdict(dict)
    for model, source in ((DossierDailyStat, DOSSIERS), (SatisfactionDailyStat, RATINGS)):
        sums = {
            f"m_{name}": MEASURES[name].aggregate
            for name in measures
            if MEASURES[name].source == source
        }
        rows = model.objects.filter(scope).values("resolving_agency_id")
        for row in rows.annotate(n_rows=CountRows("pk"), **sums):
            line = values[row["resolving_agency_id"]]
            for key, amount in row.items():
                if key.startswith("m_"):
                    line[key[2:]] = amount or 0
    if _uses(measures, REGISTERED):
        for pk, counted in registered_counts(
            measures, day_from, day_to, agencies, agency_kind
        ).items():
            values[pk].update(counted)
    units = list(
        Agency.objects.filter(pk__in=list(values)).only("code", "name", "level").order_by("code")
    )
    if not units:
        return values, units
    if _uses(measures, FEEDBACK):
        _feedback_measures(measures, units, values, day_from=day_from, day_to=day_to)
    if _uses(measures, SURVEY):
        _survey_measures(units, values, day_from=day_from, day_to=day_to)
    if _uses(measures, CATALOGUE) or _uses(measures, USAGE):
        _catalogue_measures(measures, units, values, day_from=day_from, day_to=day_to, scope=scope)
    return values, units


def _agency_index(
    unit: Agency, card: rules.Scorecard, rank: int, config: Configuration
) -> AgencyIndex:
    names = {g.code: g.name for g in config.groups}
    return AgencyIndex(
        agency_id=unit.pk,
        code=unit.code,
        name=unit.name,
        level=unit.level,
        total=card.total,
        rank=rank,
        points=card.points,
        max_points=card.max_points,
        groups=tuple(
            GroupPoints(g.code, names[g.code], g.points, g.max_points, g.full_max)
            for g in card.groups
        ),
        indicators=tuple(
            IndicatorPoints(
                code=i.code,
                name=i.name,
                group=i.group,
                numerator=score.count.numerator if score.count else None,
                denominator=score.count.denominator if score.count else None,
                points=score.points,
                max_points=i.max_points,
                entered=i.entered,
            )
            for i, score in zip(config.indicators, card.indicators, strict=True)
        ),
    )


def _feedback_measures(
    measures: set[str],
    units: list[Agency],
    values: dict[int, dict[str, int]],
    *,
    day_from: date,
    day_to: date,
) -> None:
    """The feedback measures of each unit (one query over ``FeedbackDailyStat``): the rows of
    the unit and of its divisions (an item answered by a division is its unit's, as a dossier
    resolved by a division is). Only the units already in the index: an agency with feedback
    but no dossier and no rating is not ranked."""
    pks = [unit.pk for unit in units]
    sums = {
        f"m_{name}": MEASURES[name].aggregate
        for name in measures
        if MEASURES[name].source == FEEDBACK
    }
    rows = (
        FeedbackDailyStat.objects.filter(day__gte=day_from, day__lte=day_to)
        .filter(Q(agency__in=pks) | Q(agency__level=Agency.Level.DIVISION, agency__parent__in=pks))
        .values("agency_id", "agency__level", "agency__parent_id")
        .annotate(**sums)
    )
    for row in rows:
        division = row["agency__level"] == Agency.Level.DIVISION
        line = values[row["agency__parent_id"] if division else row["agency_id"]]
        for key, amount in row.items():
            if key.startswith("m_"):
                line[key[2:]] = line.get(key[2:], 0) + (amount or 0)


def _survey_measures(
    units: list[Agency], values: dict[int, dict[str, int]], *, day_from: date, day_to: date
) -> None:
    """The survey measures of each unit from ``survey_agency_indexes`` (one query): the graded
    answers of the unit and of its divisions. Only the units already in the index; a unit with
    no closed campaign ending in the period counts 0 of 0 (the indicator's zero rule applies)."""
    in_index = {unit.pk for unit in units}
    for unit in units:
        values[unit.pk]["survey_answers"] = 0
        values[unit.pk]["survey_satisfied_answers"] = 0
    for row in survey_agency_indexes(day_from, day_to):
        if row.unit_id in in_index:
            line = values[row.unit_id]
            line["survey_answers"] += row.answers
            line["survey_satisfied_answers"] += row.satisfied


def _catalogue_measures(
    measures: set[str],
    units: list[Agency],
    values: dict[int, dict[str, int]],
    *,
    day_from: date,
    day_to: date,
    scope: Q,
) -> None:
    """The catalogue measures of each unit (one query), and with ``USAGE`` the procedures that
    had an online dossier or an online payment in the period (one more)."""
    by_code = {unit.code: unit.pk for unit in units}
    own: dict[int, set[int]] = defaultdict(set)
    online: dict[int, set[int]] = defaultdict(set)
    fee_bearing: dict[int, set[int]] = defaultdict(set)
    for procedure_id, mode, competent, receiving, fees in _catalogue_at(day_to):
        # JSON null reads as SQL NULL on PostgreSQL and as the text 'null' on SQLite.
        has_competent = competent not in (None, "", "null")
        codes = [competent] if has_competent else json.loads(receiving or "[]")
        charged = any(fee.get("amount_vnd", 0) > 0 for fee in json.loads(fees or "[]"))
        for code in codes:
            pk = by_code.get(code)
            if pk is None:
                continue
            own[pk].add(procedure_id)
            if mode in OFFERING_ONLINE:
                online[pk].add(procedure_id)
            if charged:
                fee_bearing[pk].add(procedure_id)
    used_online: dict[int, set[int]] = defaultdict(set)
    paid_online: dict[int, set[int]] = defaultdict(set)
    if _uses(measures, USAGE):
        rows = (
            DossierDailyStat.objects.filter(scope)
            .values("resolving_agency_id", "procedure_id")
            .annotate(
                n_online=Sum("received", filter=Q(channel=ONLINE)),
                n_paid_online=Sum("paid_online"),
            )
            .filter(Q(n_online__gt=0) | Q(n_paid_online__gt=0))
        )
        for row in rows:
            if row["n_online"]:
                used_online[row["resolving_agency_id"]].add(row["procedure_id"])
            if row["n_paid_online"]:
                paid_online[row["resolving_agency_id"]].add(row["procedure_id"])
    for unit in units:
        line = values[unit.pk]
        line["procedures"] = len(own[unit.pk])
        line["procedures_online"] = len(online[unit.pk])
        line["procedures_fee_bearing"] = len(fee_bearing[unit.pk])
        line["procedures_fee_bearing_online"] = len(fee_bearing[unit.pk] & online[unit.pk])
        line["procedures_online_used"] = len(online[unit.pk] & used_online[unit.pk])
        line["procedures_fee_bearing_paid_online"] = len(
            fee_bearing[unit.pk] & paid_online[unit.pk]
        )


def _catalogue_at(day: date) -> list[tuple]:
    """(procedure id, online mode, competent agency code, receiving agency codes as JSON,
    fees as JSON) of each procedure as announced by the end of ``day``: its latest version
    whose publishing decision is dated on or before ``day`` (its publication day in the
    platform when it has no decision date), unless that version abolished it. One query; the
    snapshot's other keys (documents, steps, legal bases) are not read."""
    effective = Coalesce("decision_date", TruncDate("published_at", tzinfo=VN_TZ))
    versions = ProcedureVersion.objects.annotate(effective_on=effective).filter(
        effective_on__lte=day
    )
    latest = versions.filter(procedure=OuterRef("procedure")).order_by("-number")
    return list(
        versions.filter(number=Subquery(latest.values("number")[:1]))
        .exclude(status=Procedure.Status.ABOLISHED)
        .values_list(
            "procedure_id",
            KT("snapshot__online_mode"),
            KT("snapshot__competent_agency"),
            KT("snapshot__receiving_agencies"),
            KT("snapshot__fees"),
        )
    )


def _entered(
    config: Configuration, units: list[Agency], *, day_from: date, day_to: date
) -> dict[tuple[str, int], Count]:
    """The entered values of the period per (indicator code, agency): the entries whose own
    period lies inside ``day_from``–``day_to``, added up (one query)."""
    codes = config.entered_codes
    if not codes:
        return {}
    totals: dict[tuple[str, int], Count] = {}
    rows = (
        EnteredValue.objects.filter(
            indicator_code__in=codes,
            agency__in=[unit.pk for unit in units],
            period_from__gte=day_from,
            period_to__lte=day_to,
        )
        .values("indicator_code", "agency_id")
        .annotate(n=Sum("numerator"), d=Sum("denominator"))
    )
    for row in rows:
        totals[(row["indicator_code"], row["agency_id"])] = Count(row["n"], row["d"])
    return totals
