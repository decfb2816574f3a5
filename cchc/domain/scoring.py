"""The PAR Index (Chỉ số cải cách hành chính, DOMAIN A7, B §6): a unit's points from its
framework, the component index per field, the classification, emulation eligibility, ranks and
their change year over year, live-metric and survey points, and the weak criteria — plain Python
over ``Decimal``, no Django.

**Framework.** Fields (lĩnh vực) → criteria (tiêu chí) → sub-criteria (tiêu chí thành phần).
A *leaf* is a scored node: a sub-criterion, or a criterion without any. A field's maximum is
the sum of its leaves' maxima, the framework's maximum the sum of every leaf's. The national
provincial framework (Decision 876/QĐ-BNV, 2022–2030) has 8 fields, 37 criteria and 88
sub-criteria, 100 points = 68 appraised + 32 from the sociological survey; its maxima are data
from the province's decision, not code (B §6.2).

**Total.** The points of the leaves, each rounded half-up to 2 decimals (``round_points``, as
the serving index does). A unit surveyed counts every leaf. A unit without a survey result:

- under the rescale rule (the default; B §6.3, Hà Nội's practice: "the appraised self-score
  is rescaled to 100"), survey leaves are left out of the points *and* of the maxima — of the
  total and of each field — and ``total = appraised points × full maximum / appraised
  maximum`` (rounded), so its percent is the appraised points over the appraised maximum;
- without it, survey leaves score 0 and stay in the maxima.

``percent = total / maximum × 100`` (2 decimals). Points outside ``[0, leaf maximum]`` are a
``ValueError``: services check them before, the core refuses to score nonsense.

**Component index** per field = its points / the field's maximum that applies, in % (DOMAIN A7);
``None`` when nothing of the field applies. **Classification** by bands on the percent, highest
band first; defaults ≥ 90 Xuất sắc, 80–< 90 Tốt, 70–< 80 Khá, 50–< 70 Trung bình, < 50 Yếu,
configurable per framework (B §6.4: no authoritative thresholds). **Emulation**: a unit with
any component index under 50 % is not considered for emulation awards that year (seed 000
§1i, the Bình Định directive: "Không xét thi đua đối với các cơ quan, đơn vị, địa phương có chỉ
số thành phần về CCHC dưới 50%").

**Ranking** is competition ranking, 1-2-2-4 (``competition_ranks`` of the serving index), and
the **rank change** is last year's rank minus this year's: positive = moved up ("up 3 places"),
negative = moved down (DOMAIN A7: "down 18 places").

**Live metrics** (issue 12 §1) take their points from a rate the platform measures, by
thresholds (the serving index's ``Bands``, re-exported as ``Thresholds``) or linearly between
two rates (``LinearBetween``); a zero denominator follows the ``ZeroRule``. Rates are compared
without floats, so raising a numerator never lowers the points. **Survey** criteria score
``maximum × survey index / 100``.

**Weak criteria** (issue 12 §2, §4): per leaf the average, minimum and maximum over the units
given (units of the same kind) and how many reach the maximum; a unit's weakness is a leaf below
its maximum or below that average, most points missing first — each one a remediation task.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import TypeVar

from cchc.domain.serving_index import Bands as Thresholds
from cchc.domain.serving_index import ZeroRule, competition_ranks, round_points

__all__ = [
    "DEFAULT_BANDS",
    "EMULATION_MIN_COMPONENT",
    "Band",
    "Component",
    "CriterionSpread",
    "FieldRule",
    "FrameworkRule",
    "Leaf",
    "LinearBetween",
    "Method",
    "Thresholds",
    "UnitScore",
    "Weakness",
    "ZeroRule",
    "classify",
    "competition_ranks",
    "criterion_spread",
    "eligible_for_emulation",
    "leaf_points",
    "live_points",
    "rank_changes",
    "round_points",
    "survey_points",
    "unit_score",
    "weak_criteria",
]

K = TypeVar("K", bound=Hashable)

ZERO_POINTS = Decimal("0.00")
HUNDRED = Decimal(100)
EMULATION_MIN_COMPONENT = Decimal(50)

# Error messages (ValueError texts), constants so that callers and tests can match them.
NEGATIVE_POINTS = "points cannot be negative"
POINTS_ABOVE_MAX = "points cannot exceed the criterion's maximum"
POINTS_NOT_A_NUMBER = "points must be a finite decimal number"
UNKNOWN_LEAVES = "points for codes that are not scored criteria of the framework"
UNKNOWN_UNIT = "the unit is not among the units given"
NEGATIVE_MAX = "a maximum cannot be negative"
DUPLICATE_CODE = "a code appears twice in the framework"
UNKNOWN_FIELD = "a criterion belongs to a field the framework does not have"
FIELD_MAX_MISMATCH = "a field's maximum must be the sum of its criteria's maxima"
BANDS_INVALID = "bands must fall strictly from the highest and end with a band at 0"
LINEAR_BOUNDS_INVALID = "linear bounds are rates with 0 ≤ lower < upper ≤ 1"
COUNTS_NEGATIVE = "counts cannot be negative"


class Method(StrEnum):
    """How a scored node gets its points (issue 12 §1)."""

    SELF = "self"  # self-assessed with evidence, appraised by Home Affairs
    LIVE = "live"  # from an indicator the platform measures, by a points rule
    SURVEY = "survey"  # from the survey index of the unit
    APPRAISAL = "appraisal"  # appraisal only (Home Affairs gives the points)


@dataclass(frozen=True)
class Leaf:
    """A scored node: a sub-criterion, or a criterion without any; ``survey`` marks the
    points that come from the sociological survey (left out under the rescale rule)."""

    code: str
    field: str
    max_points: Decimal
    survey: bool = False


@dataclass(frozen=True)
class FieldRule:
    """A field (lĩnh vực); its maximum is the sum of its leaves' maxima."""

    code: str
    max_points: Decimal


@dataclass(frozen=True)
class Band:
    """A classification band: a percent at or above ``lower`` (and below the next band up)
    is classified ``name``."""

    lower: Decimal
    name: str


DEFAULT_BANDS: tuple[Band, ...] = (
    Band(Decimal(90), "Xuất sắc"),
    Band(Decimal(80), "Tốt"),
    Band(Decimal(70), "Khá"),
    Band(Decimal(50), "Trung bình"),
    Band(Decimal(0), "Yếu"),
)


def _check_bands(bands: Sequence[Band]) -> None:
    lowers = [band.lower for band in bands]
    falling = all(high > low for high, low in pairwise(lowers))
    if not bands or not falling or lowers[-1] != 0 or any(not band.name for band in bands):
        raise ValueError(BANDS_INVALID)


@dataclass(frozen=True)
class FrameworkRule:
    """A framework's scoring structure: its fields (in display order), its leaves, the rescale
    rule for a unit without a survey result, and its classification bands."""

    fields: tuple[FieldRule, ...]
    leaves: tuple[Leaf, ...]
    rescale_without_survey: bool = True
    bands: tuple[Band, ...] = DEFAULT_BANDS

    def __post_init__(self) -> None:
        field_codes = [f.code for f in self.fields]
        leaf_codes = [leaf.code for leaf in self.leaves]
        if len(set(field_codes)) != len(field_codes) or len(set(leaf_codes)) != len(leaf_codes):
            raise ValueError(DUPLICATE_CODE)
        if any(f.max_points < 0 for f in self.fields) or any(
            leaf.max_points < 0 for leaf in self.leaves
        ):
            raise ValueError(NEGATIVE_MAX)
        if {leaf.field for leaf in self.leaves} - set(field_codes):
            raise ValueError(UNKNOWN_FIELD)
        for f in self.fields:
            if f.max_points != sum(self._maxima(f.code, survey=True), Decimal(0)):
                raise ValueError(FIELD_MAX_MISMATCH)
        _check_bands(self.bands)

    def _maxima(self, field: str | None, *, survey: bool) -> Iterable[Decimal]:
        """Leaf maxima of one field (``None``: every field), survey leaves only if asked."""
        return (
            leaf.max_points
            for leaf in self.leaves
            if (field is None or leaf.field == field) and (survey or not leaf.survey)
        )

    @property
    def max_points(self) -> Decimal:
        """The full maximum: every leaf (e.g. 100)."""
        return sum(self._maxima(None, survey=True), Decimal(0))

    @property
    def appraised_max(self) -> Decimal:
        """The maximum of the leaves that are not survey leaves (876: 68)."""
        return sum(self._maxima(None, survey=False), Decimal(0))

    @property
    def survey_max(self) -> Decimal:
        """The maximum of the survey leaves (876: 32)."""
        return self.max_points - self.appraised_max


@dataclass(frozen=True)
class Component:
    """A field's component index: ``points`` of the ``max_points`` that apply, ``percent``
    (``None`` when that maximum is 0)."""

    field: str
    points: Decimal
    max_points: Decimal
    percent: Decimal | None


@dataclass(frozen=True)
class UnitScore:
    """A unit's PAR Index for one framework."""

    points: Decimal  # sum of the leaf points counted (before the rescale)
    total: Decimal  # after the rescale rule, 2 decimals half-up
    max_points: Decimal  # the framework's full maximum (e.g. 100)
    percent: Decimal  # total / max × 100, 2 decimals
    components: tuple[Component, ...]  # one per field, framework order
    classification: str  # the band's name
    eligible: bool  # no component under 50 % (seed 000 §1i)
    surveyed: bool


def _percent(points: Decimal, max_points: Decimal) -> Decimal:
    return round_points(points * HUNDRED / max_points) if max_points else ZERO_POINTS


def leaf_points(leaf: Leaf, value: Decimal | int | None) -> Decimal:
    """A leaf's points as counted: ``None`` (not scored) is 0; rounded half-up to 2 decimals;
    ``ValueError`` outside ``[0, leaf maximum]``."""
    if value is None:
        return ZERO_POINTS
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValueError(POINTS_NOT_A_NUMBER)
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(POINTS_NOT_A_NUMBER)
    if value < 0:
        raise ValueError(f"{NEGATIVE_POINTS}: {leaf.code} = {value}")
    if value > leaf.max_points:
        raise ValueError(f"{POINTS_ABOVE_MAX}: {leaf.code} = {value} > {leaf.max_points}")
    return round_points(value)


def _counted_points(
    rule: FrameworkRule, points: Mapping[str, Decimal | None]
) -> dict[str, Decimal]:
    strays = sorted(set(points) - {leaf.code for leaf in rule.leaves})
    if strays:
        raise ValueError(f"{UNKNOWN_LEAVES}: {strays}")
    return {leaf.code: leaf_points(leaf, points.get(leaf.code)) for leaf in rule.leaves}


def classify(percent: Decimal, bands: Sequence[Band] = DEFAULT_BANDS) -> str:
    """The name of the highest band whose lower bound ``percent`` reaches (the lowest band
    for anything below every bound)."""
    for band in bands:
        if percent >= band.lower:
            return band.name
    return bands[-1].name


def eligible_for_emulation(components: Iterable[Component]) -> bool:
    """Seed 000 §1i: no emulation award for a unit with a component index under 50 %;
    a component that does not apply (no percent) does not count against it."""
    return all(c.percent is None or c.percent >= EMULATION_MIN_COMPONENT for c in components)


def unit_score(
    rule: FrameworkRule, points: Mapping[str, Decimal | None], *, surveyed: bool
) -> UnitScore:
    """Score one unit: ``points`` by leaf code (a missing code or ``None`` scores 0; a code
    that is not a leaf of the framework is a ``ValueError``); ``surveyed`` says whether the
    unit has a survey result (see the module docstring for the rescale rule)."""
    counted = _counted_points(rule, points)
    # Survey leaves leave the points when there is no survey; under the rescale rule they
    # leave the maxima too, otherwise they stay there and score nothing.
    count_survey = surveyed
    max_survey = surveyed or not rule.rescale_without_survey
    components = []
    for f in rule.fields:
        field_points = sum(
            (
                counted[leaf.code]
                for leaf in rule.leaves
                if leaf.field == f.code and (count_survey or not leaf.survey)
            ),
            ZERO_POINTS,
        )
        field_max = sum(rule._maxima(f.code, survey=max_survey), Decimal(0))
        percent = _percent(field_points, field_max) if field_max else None
        components.append(Component(f.code, field_points, field_max, percent))
    total_points = sum((c.points for c in components), ZERO_POINTS)
    full_max = rule.max_points
    applicable_max = sum(rule._maxima(None, survey=max_survey), Decimal(0))
    if applicable_max == full_max:
        total = total_points
    elif applicable_max:
        total = round_points(total_points * full_max / applicable_max)
    else:
        total = ZERO_POINTS
    percent = _percent(total, full_max)
    return UnitScore(
        points=total_points,
        total=total,
        max_points=full_max,
        percent=percent,
        components=tuple(components),
        classification=classify(percent, rule.bands),
        eligible=eligible_for_emulation(components),
        surveyed=surveyed,
    )


def rank_changes(current: Mapping[K, int], previous: Mapping[K, int | None]) -> dict[K, int | None]:
    """Per unit ranked now: last year's rank minus this year's (positive = moved up);
    ``None`` when the unit has no rank last year."""
    changes: dict[K, int | None] = {}
    for unit, rank in current.items():
        before = previous.get(unit)
        changes[unit] = None if before is None else before - rank
    return changes


@dataclass(frozen=True)
class LinearBetween:
    """Points linear in the rate between two rates: 0 at or below ``lower``, the maximum at or
    above ``upper`` (rates in [0, 1], ``lower < upper``)."""

    lower: Decimal
    upper: Decimal

    def __post_init__(self) -> None:
        if not 0 <= self.lower < self.upper <= 1:
            raise ValueError(LINEAR_BOUNDS_INVALID)

    def points(self, max_points: Decimal, numerator: int, denominator: int) -> Decimal:
        # rate ≤ lower ⇔ n ≤ lower·d: compared and divided without floats, one correctly
        # rounded division, so a larger numerator never scores less.
        low = self.lower * denominator
        if numerator <= low:
            return Decimal(0)
        if numerator >= self.upper * denominator:
            return max_points
        return max_points * (numerator - low) / ((self.upper - self.lower) * denominator)


def live_points(
    rule: LinearBetween | Thresholds,
    max_points: Decimal,
    numerator: int,
    denominator: int,
    zero: ZeroRule = ZeroRule.ZERO,
) -> Decimal | None:
    """A live-metric criterion's points from the platform's count (rounded, at most
    ``max_points``); a zero denominator follows ``zero`` (``None`` = not applicable)."""
    if max_points < 0:
        raise ValueError(NEGATIVE_MAX)
    if numerator < 0 or denominator < 0:
        raise ValueError(COUNTS_NEGATIVE)
    if denominator == 0:
        if zero is ZeroRule.FULL:
            return round_points(max_points)
        if zero is ZeroRule.ZERO:
            return ZERO_POINTS
        return None
    raw = rule.points(max_points, numerator, denominator)
    return round_points(min(raw, max_points))


def survey_points(max_points: Decimal, index_percent: Decimal | None) -> Decimal | None:
    """A survey criterion's points: ``max × index / 100`` rounded, kept within ``[0, max]``;
    ``None`` when the unit has no survey index."""
    if index_percent is None:
        return None
    if max_points < 0:
        raise ValueError(NEGATIVE_MAX)
    raw = round_points(max_points * index_percent / HUNDRED)
    return min(max(raw, ZERO_POINTS), max_points)


@dataclass(frozen=True)
class CriterionSpread:
    """One leaf over the units given: the average (2 decimals), lowest and highest points,
    and how many units reach the maximum."""

    code: str
    max_points: Decimal
    units: int
    average: Decimal
    minimum: Decimal
    maximum: Decimal
    at_max: int


def criterion_spread(
    rule: FrameworkRule, unit_points: Mapping[K, Mapping[str, Decimal | None]]
) -> dict[str, CriterionSpread]:
    """Per leaf code (framework order), its spread over ``unit_points`` (unit → points by
    leaf code, as for ``unit_score``; a missing or ``None`` points counts 0). With no units
    every figure is 0."""
    counted = [_counted_points(rule, points) for points in unit_points.values()]
    spreads = {}
    for leaf in rule.leaves:
        values = [points[leaf.code] for points in counted]
        if values:
            average = round_points(sum(values, ZERO_POINTS) / len(values))
            lowest, highest = min(values), max(values)
        else:
            average = lowest = highest = ZERO_POINTS
        spreads[leaf.code] = CriterionSpread(
            code=leaf.code,
            max_points=leaf.max_points,
            units=len(values),
            average=average,
            minimum=lowest,
            maximum=highest,
            at_max=sum(1 for v in values if v >= leaf.max_points),
        )
    return spreads


@dataclass(frozen=True)
class Weakness:
    """A leaf where the unit falls short: below the maximum, below the average of the units
    given, or both; ``missing`` = maximum − points."""

    code: str
    points: Decimal
    max_points: Decimal
    average: Decimal
    below_average: bool
    below_max: bool
    missing: Decimal


def _natural(code: str) -> tuple[tuple[int, int | str], ...]:
    """``1.2`` before ``1.10``: digits compare as numbers."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.findall(r"\d+|\D+", code))


def weak_criteria(
    rule: FrameworkRule, unit_points: Mapping[K, Mapping[str, Decimal | None]], unit: K
) -> list[Weakness]:
    """The ``unit``'s leaves below their maximum or below the average of ``unit_points``
    (the units of the same kind, the unit among them), most points missing first, then by
    code (numbers in a code compare as numbers)."""
    if unit not in unit_points:
        raise ValueError(UNKNOWN_UNIT)
    spreads = criterion_spread(rule, unit_points)
    own = _counted_points(rule, unit_points[unit])
    weaknesses = []
    for leaf in rule.leaves:
        points, spread = own[leaf.code], spreads[leaf.code]
        below_average = points < spread.average
        below_max = points < leaf.max_points
        if below_average or below_max:
            weaknesses.append(
                Weakness(
                    code=leaf.code,
                    points=points,
                    max_points=leaf.max_points,
                    average=spread.average,
                    below_average=below_average,
                    below_max=below_max,
                    missing=leaf.max_points - points,
                )
            )
    weaknesses.sort(key=lambda w: (-w.missing, _natural(w.code), w.code))
    return weaknesses
