"""Reads of the published PAR Index results (kết quả Chỉ số CCHC): the ranking of a year and
unit kind with the rank change, a unit's scorecard (components, trend over the years, weak
criteria) and the province-wide view of every scored criterion — issue 12 §4 and §7.

Everything here reads ``PublishedResult`` rows, the figures the province published (frozen at
publication; the current one of an assessment has ``superseded_at`` empty), never the live
assessments: a ranking does not move while a correction is under way. The staff pages, the
public pages, the exports and the API all read these selectors, so they show the same figures.

**Rank change** = last year's published rank of the same unit kind minus this year's (positive:
moved up), ``None`` when the unit has none. A unit formed by a merger (its predecessors point
at it with ``Agency.merged_into``) that has no rank of its own last year is compared with the
best (smallest) rank any of its predecessors had in last year's ranking of the same kind —
the simple rule: the new unit answers for the best of what it took over.

**Weak criteria** and the **criterion view** come from ``cchc.domain.scoring`` over the points
of every unit of the same ranking (``PublishedResult.points``). Every selector runs a fixed
number of queries, whatever the number of units or criteria.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from cchc.domain import scoring
from cchc.org.models import Agency
from cchc.parindex.models import (
    MAX_YEAR,
    MIN_YEAR,
    Criterion,
    Framework,
    PublishedResult,
    RemediationTask,
    UnitKind,
)
from cchc.parindex.scores import field_of, leaves_of, rule_from

UNIT_KINDS = tuple(UnitKind.values)


def _known(year: int, unit_kind: str) -> bool:
    """A year and kind a framework can have (a year from a URL may not fit the column)."""
    return MIN_YEAR <= year <= MAX_YEAR and unit_kind in UNIT_KINDS


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(str(value))


@dataclass(frozen=True)
class ComponentRow:
    """A field's component index as published."""

    field_code: str
    field_name: str
    points: Decimal
    max_points: Decimal
    percent: Decimal | None


def components_of(result: PublishedResult) -> tuple[ComponentRow, ...]:
    """The published components of ``result`` (stored as strings of decimals)."""
    return tuple(
        ComponentRow(
            field_code=str(c.get("field_code", "")),
            field_name=str(c.get("field_name", "")),
            points=_decimal(c.get("points")) or Decimal(0),
            max_points=_decimal(c.get("max")) or Decimal(0),
            percent=_decimal(c.get("percent")),
        )
        for c in result.components or []
    )


@dataclass(frozen=True)
class RankingRow:
    """One unit of a published ranking."""

    agency: Agency
    rank: int | None
    rank_change: int | None
    previous_rank: int | None
    total: Decimal
    max_points: Decimal
    percent: Decimal
    classification: str
    eligible: bool
    components: tuple[ComponentRow, ...]


@dataclass(frozen=True)
class Ranking:
    """The published ranking of one framework, ordered by rank."""

    framework: Framework
    rows: tuple[RankingRow, ...]
    previous_year_published: bool

    @property
    def fields(self) -> tuple[tuple[str, str], ...]:
        """(code, name) of the fields, in the order of the components."""
        for row in self.rows:
            return tuple((c.field_code, c.field_name) for c in row.components)
        return ()


def current_results() -> QuerySet[PublishedResult]:
    """The results in force: published and not replaced by a corrected publication."""
    return PublishedResult.objects.filter(superseded_at__isnull=True)


def published_kinds() -> list[Framework]:
    """The frameworks with published results, newest year first (for the index pages)."""
    ids = current_results().values("framework_id")
    return list(Framework.objects.filter(pk__in=ids).order_by("-year", "unit_kind"))


def previous_ranks(year: int, unit_kind: str, agencies: Iterable[Agency]) -> dict[int, int]:
    """Last year's published rank of each of ``agencies`` (by pk) of the same kind; a unit
    without one takes the best rank of its predecessors (see the module docstring)."""
    before = dict(
        current_results()
        .filter(framework__year=year - 1, framework__unit_kind=unit_kind, rank__isnull=False)
        .values_list("agency_id", "rank")
    )
    if not before:
        return {}
    ranks = {a.pk: before[a.pk] for a in agencies if a.pk in before}
    missing = [a.pk for a in agencies if a.pk not in before]
    if missing:
        merged = Agency.objects.filter(merged_into_id__in=missing, pk__in=list(before))
        for predecessor, successor in merged.values_list("pk", "merged_into_id"):
            rank = before[predecessor]
            ranks[successor] = min(rank, ranks.get(successor, rank))
    return ranks


def ranking(year: int, unit_kind: str) -> Ranking | None:
    """The published ranking of ``year`` and ``unit_kind`` ordered by rank (then agency code),
    ``None`` when nothing of that year and kind is published. Three queries at most."""
    if not _known(year, unit_kind):
        return None
    results = list(
        current_results()
        .filter(framework__year=year, framework__unit_kind=unit_kind)
        .select_related("framework", "agency")
        .order_by("rank", "agency__code")
    )
    if not results:
        return None
    results.sort(key=lambda r: (r.rank is None, r.rank or 0, r.agency.code))
    agencies = [r.agency for r in results]
    before = previous_ranks(year, unit_kind, agencies)
    current = {r.agency_id: r.rank for r in results if r.rank is not None}
    changes = scoring.rank_changes(current, before)
    rows = tuple(
        RankingRow(
            agency=r.agency,
            rank=r.rank,
            rank_change=changes.get(r.agency_id),
            previous_rank=before.get(r.agency_id),
            total=r.total,
            max_points=r.max_points,
            percent=r.percent,
            classification=r.classification,
            eligible=r.eligible,
            components=components_of(r),
        )
        for r in results
    )
    return Ranking(framework=results[0].framework, rows=rows, previous_year_published=bool(before))


# --- the framework's scored criteria ----------------------------------------------------------


@dataclass(frozen=True)
class Leaf:
    """A scored criterion with its field, for the pages."""

    criterion: Criterion
    field: Criterion


@dataclass(frozen=True)
class Tree:
    rule: scoring.FrameworkRule
    leaves: tuple[Leaf, ...]
    by_code: dict[str, Leaf]


def framework_tree(framework: Framework) -> Tree:
    """The scored criteria of ``framework`` in tree order, with their fields, and its scoring
    rule (``cchc.parindex.scores``; one query)."""
    criteria = list(Criterion.objects.filter(framework=framework))
    by_pk = {node.pk: node for node in criteria}
    leaves = tuple(
        Leaf(criterion=node, field=field_of(node, by_pk)) for node in leaves_of(criteria)
    )
    return Tree(
        rule=rule_from(framework, criteria),
        leaves=leaves,
        by_code={leaf.criterion.code: leaf for leaf in leaves},
    )


def _unit_points(tree: Tree, stored: Mapping[str, object]) -> dict[str, Decimal | None]:
    """A unit's published points by leaf code (codes the framework no longer scores left out)."""
    return {code: _decimal(value) for code, value in stored.items() if code in tree.by_code}


def _points_of_framework(framework: Framework, tree: Tree) -> dict[int, dict[str, Decimal | None]]:
    rows = current_results().filter(framework=framework).values_list("agency_id", "points")
    return {agency: _unit_points(tree, points or {}) for agency, points in rows}


# --- the province-wide criterion view ---------------------------------------------------------


@dataclass(frozen=True)
class CriterionRow:
    leaf: Leaf
    spread: scoring.CriterionSpread


def criterion_view(framework: Framework) -> list[CriterionRow]:
    """Every scored criterion of ``framework`` over its published units: average, lowest,
    highest and units at the maximum (two queries)."""
    tree = framework_tree(framework)
    spreads = scoring.criterion_spread(tree.rule, _points_of_framework(framework, tree))
    return [CriterionRow(leaf=leaf, spread=spreads[leaf.criterion.code]) for leaf in tree.leaves]


def framework_published(year: int, unit_kind: str) -> Framework | None:
    """The framework of ``year`` and ``unit_kind`` if it has published results."""
    if not _known(year, unit_kind):
        return None
    return (
        Framework.objects.filter(year=year, unit_kind=unit_kind)
        .filter(pk__in=current_results().values("framework_id"))
        .first()
    )


# --- a unit's scorecard -----------------------------------------------------------------------


@dataclass(frozen=True)
class WeakRow:
    leaf: Leaf
    weakness: scoring.Weakness
    task: RemediationTask | None


@dataclass(frozen=True)
class TrendPoint:
    year: int
    total: Decimal
    percent: Decimal
    classification: str
    rank: int | None


@dataclass(frozen=True)
class Scorecard:
    result: PublishedResult
    framework: Framework
    agency: Agency
    components: tuple[ComponentRow, ...]
    units: int
    rank_change: int | None
    previous_rank: int | None
    trend: tuple[TrendPoint, ...]
    weak: tuple[WeakRow, ...]


def scorecard_result(year: int, unit_kind: str, agency_code: str) -> PublishedResult | None:
    """The result in force of the unit with ``agency_code`` for ``year`` and ``unit_kind``."""
    if not _known(year, unit_kind):
        return None
    return (
        current_results()
        .filter(framework__year=year, framework__unit_kind=unit_kind, agency__code=agency_code)
        .select_related("framework", "agency", "assessment")
        .first()
    )


def scorecard(result: PublishedResult, *, with_tasks: bool = True) -> Scorecard:
    """The scorecard of one published result: its components, the trend over the years of
    published results of the same kind, the rank change and the weak criteria (below the
    maximum or below the average of the units of the same ranking), most points missing first,
    each with its open remediation task (staff pages; ``with_tasks=False`` for public pages)."""
    framework, agency = result.framework, result.agency
    tree = framework_tree(framework)
    unit_points = _points_of_framework(framework, tree)
    unit_points.setdefault(agency.pk, _unit_points(tree, result.points or {}))
    weaknesses = scoring.weak_criteria(tree.rule, unit_points, agency.pk)
    tasks: dict[int, RemediationTask] = {}
    if with_tasks:
        open_tasks = (
            RemediationTask.objects.filter(assessment_id=result.assessment_id)
            .exclude(status=RemediationTask.Status.CANCELLED)
            .select_related("owner")
        )
        tasks = {task.criterion_id: task for task in open_tasks}
    weak = tuple(
        WeakRow(
            leaf=tree.by_code[w.code],
            weakness=w,
            task=tasks.get(tree.by_code[w.code].criterion.pk),
        )
        for w in weaknesses
    )
    trend = tuple(
        TrendPoint(year, total, percent, classification, rank)
        for year, total, percent, classification, rank in current_results()
        .filter(agency=agency, framework__unit_kind=framework.unit_kind)
        .order_by("framework__year")
        .values_list("framework__year", "total", "percent", "classification", "rank")
    )
    before = previous_ranks(framework.year, framework.unit_kind, [agency])
    change = None
    if result.rank is not None:
        change = scoring.rank_changes({agency.pk: result.rank}, before)[agency.pk]
    return Scorecard(
        result=result,
        framework=framework,
        agency=agency,
        components=components_of(result),
        units=len(unit_points),
        rank_change=change,
        previous_rank=before.get(agency.pk),
        trend=trend,
        weak=weak,
    )
