"""The criteria the platform measures itself (issue 12 §3): a live node's rate and points, and
a survey node's index and points, for one unit over the framework's period.

**Live** (``Criterion.Method.LIVE``): numerator and denominator are measures of the indicator
engine (``cchc.stats.measures``), counted by ``cchc.stats.serving.measure_counts`` from the
exact summary tables for the framework's period (``period_from``–``period_to``), credited to
the resolving unit as the serving index credits them (a division rolls up to its unit). The
province's own assessment counts every unit together. Points: the node's rule — linear between
two rates, or thresholds — and its zero rule (``cchc.domain.scoring.live_points``).

**Survey** (``Criterion.Method.SURVEY``): the unit's survey index from the closed campaigns
whose period ends in the framework's period (``cchc.surveys.selectors.survey_agency_indexes``):
the campaign's overall index of the unit's own stratum, or, when the unit and its divisions
were surveyed apart, their indexes weighted by their graded answers; the province's, every
surveyed unit's weighted the same way. Points = max × index (``scoring.survey_points``); no
survey result → no points, and the framework's rescale rule applies.

Neither value can be typed over: the services only annotate them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cchc.domain import scoring
from cchc.domain.serving_index import Bands, ZeroRule
from cchc.org.models import Agency
from cchc.parindex.models import Criterion, Framework
from cchc.stats.serving import measure_counts
from cchc.surveys.selectors import survey_agency_indexes

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class LiveValue:
    """What the platform measured for one node: ``numerator``/``denominator`` (live) or
    ``survey_index`` in % (survey), and the ``points`` (``None``: not applicable / no
    survey)."""

    numerator: int | None
    denominator: int | None
    survey_index: Decimal | None
    points: Decimal | None


def points_rule(node: Criterion) -> scoring.LinearBetween | Bands:
    """The node's live points rule (``ValueError`` when it is not valid)."""
    if node.live_rule == Criterion.LiveRule.THRESHOLDS:
        steps = tuple((Decimal(str(rate)), Decimal(str(pts))) for rate, pts in node.live_steps)
        return Bands(steps)
    lower = node.live_lower if node.live_lower is not None else Decimal(0)
    upper = node.live_upper if node.live_upper is not None else Decimal(1)
    return scoring.LinearBetween(Decimal(lower), Decimal(upper))


def _whole_province(agency: Agency) -> bool:
    return agency.level == Agency.Level.PROVINCE


def measured_values(
    framework: Framework, nodes: list[Criterion], agency: Agency
) -> dict[int, LiveValue]:
    """The live and survey values of ``nodes`` for ``agency`` (criterion pk → value): one
    count of the measures for all live nodes together, one read of the surveys."""
    live = [n for n in nodes if n.method == Criterion.Method.LIVE]
    survey = [n for n in nodes if n.method == Criterion.Method.SURVEY]
    found: dict[int, LiveValue] = {}
    if live:
        measures = {n.live_numerator for n in live} | {n.live_denominator for n in live}
        measures.discard("")
        counts = _counts(framework, measures, agency)
        for node in live:
            numerator = counts.get(node.live_numerator, 0)
            denominator = counts.get(node.live_denominator, 0)
            points = scoring.live_points(
                points_rule(node),
                node.max_points,
                numerator,
                denominator,
                ZeroRule(node.live_zero),
            )
            found[node.pk] = LiveValue(numerator, denominator, None, points)
    if survey:
        index = survey_index(agency, framework.period_from, framework.period_to)
        for node in survey:
            found[node.pk] = LiveValue(
                None, None, index, scoring.survey_points(node.max_points, index)
            )
    return found


def _counts(framework: Framework, measures: set[str], agency: Agency) -> dict[str, int]:
    scope = None if _whole_province(agency) else Agency.objects.filter(pk=agency.unit.pk)
    per_unit = measure_counts(
        measures, day_from=framework.period_from, day_to=framework.period_to, agencies=scope
    )
    totals = dict.fromkeys(measures, 0)
    for line in per_unit.values():
        for name in measures:
            totals[name] += line.get(name, 0)
    return totals


def survey_index(agency: Agency, day_from: date, day_to: date) -> Decimal | None:
    """The unit's survey index in % over the window (see the module docstring), 2 decimals;
    ``None`` without a survey result."""
    whole = _whole_province(agency)
    weighted = Decimal(0)
    answers = 0
    for row in survey_agency_indexes(day_from, day_to):
        if row.index is None or not row.answers:
            continue
        if whole or row.unit_id == agency.unit.pk:
            weighted += Decimal(str(row.index)) * row.answers
            answers += row.answers
    if not answers:
        return None
    return (weighted * HUNDRED / answers).quantize(Decimal("0.01"))
