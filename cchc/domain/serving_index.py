"""The serving-quality index (Bộ chỉ số phục vụ người dân, doanh nghiệp, Decision 766/QĐ-TTg):
points from counts, groups, totals and the ranking — plain Python over ``Decimal``, no Django.

DOMAIN A6: six groups with maximum points (publicity and transparency 18, timeliness 20, online
services 12, online payment 10, satisfaction 18, digitisation 22: total 100). Each indicator is
a rate, numerator / denominator over a period, turned into points by its **points rule**:

- linear to a full-points threshold: ``points = max × min(1, rate / threshold)`` (threshold
  100 % = plainly linear; B §5.2: online payment 2 + 2 + 6, dossier ratings full at 90 %);
- or bands: the points of the highest band whose lower rate the rate reaches (0 below the
  first), for a rule published as steps.

An indicator whose denominator is zero follows its **zero rule** (B §5.2's last column): 0
points, full points, or *not applicable*. A value that is missing altogether (an indicator the
platform cannot compute and nobody entered for the agency and period) is not applicable too.

**Not applicable is excluded, not zero.** The indicator adds nothing to its group's points and
its maximum is taken out of the group's maximum; a group whose every indicator is excluded is
excluded itself. The total is the points over the maximum that applies, rescaled to the full
maximum (100): ``total = points × full / applicable``. This is how DOMAIN A7 treats a PAR Index
framework without its survey part (the appraised score rescaled to 100), and it keeps agencies
comparable when a figure exists for one and not another (an agency that returned no result
has no electronic-result rate). An agency with nothing applicable has no total (``None``) and
is ranked after every agency that has one.

**Rounding.** Indicator points are rounded half-up to 2 decimals (``POINTS``; the national
portal publishes 766 scores to 2 decimals, e.g. 90.09); group points are the sums of the
rounded indicator points and the points of the total the sum of the groups', so the parts add
up to the whole shown. The rescaled total is rounded the same way (when every indicator
applies it is the sum itself). Rates are computed exactly (``max × n / (d × threshold)`` is one
correctly rounded division at 28 digits), so raising a numerator never lowers the points.

**Ranking** is competition ranking, "1-2-2-4" (DOMAIN A6, B §5.1 [C]: the portal's code):
an agency's rank is one more than the number of agencies with a strictly higher total; ties
share a rank, and the order the agencies come in does not matter.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TypeVar

POINTS = Decimal("0.01")
ONE = Decimal(1)
NOTHING = Decimal(0)

K = TypeVar("K", bound=Hashable)


class ZeroRule(StrEnum):
    """What an indicator scores when its denominator is zero (B §5.2)."""

    ZERO = "zero"
    FULL = "full"
    NOT_APPLICABLE = "not_applicable"


def round_points(value: Decimal) -> Decimal:
    """Half-up to 2 decimals (see the module docstring)."""
    return value.quantize(POINTS, ROUND_HALF_UP)


@dataclass(frozen=True)
class Linear:
    """Linear to a full-points threshold (DOMAIN A6): ``points = max × min(1, rate /
    threshold)``; ``threshold`` is a rate in (0, 1] (``1`` = plainly linear)."""

    threshold: Decimal = ONE

    def __post_init__(self) -> None:
        if not NOTHING < self.threshold <= ONE:
            raise ValueError("a threshold is a rate above 0 and at most 1 (100 %)")

    def points(self, max_points: Decimal, numerator: int, denominator: int) -> Decimal:
        if numerator >= denominator * self.threshold:
            return max_points
        return max_points * numerator / (denominator * self.threshold)


@dataclass(frozen=True)
class Bands:
    """Points by steps: ``steps`` are (lowest rate, points) pairs; a rate scores the points of
    the highest step it reaches, 0 below the first. Steps must rise in rate and never fall in
    points (so that a better rate never scores less)."""

    steps: tuple[tuple[Decimal, Decimal], ...]

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("bands need at least one step")
        rates = [rate for rate, _ in self.steps]
        points = [p for _, p in self.steps]
        if rates != sorted(set(rates)) or any(not 0 <= r <= ONE for r in rates):
            raise ValueError("band rates must rise, each between 0 and 1")
        if points != sorted(points) or points[0] < 0:
            raise ValueError("band points must not fall as the rate rises, nor be negative")

    @property
    def top(self) -> Decimal:
        return self.steps[-1][1]

    def points(self, max_points: Decimal, numerator: int, denominator: int) -> Decimal:
        reached = Decimal(0)
        for rate, points in self.steps:
            # rate ≤ n / d, compared without dividing
            if rate * denominator <= numerator:
                reached = points
        return reached


PointsRule = Linear | Bands


@dataclass(frozen=True)
class IndicatorRule:
    """One indicator of the index: its group, maximum, points rule and zero rule."""

    code: str
    group: str
    max_points: Decimal
    rule: PointsRule = Linear()
    zero: ZeroRule = ZeroRule.ZERO

    def __post_init__(self) -> None:
        if self.max_points < 0:
            raise ValueError("an indicator's maximum cannot be negative")
        if isinstance(self.rule, Bands) and self.rule.top > self.max_points:
            raise ValueError("a band gives more than the indicator's maximum")


@dataclass(frozen=True)
class GroupRule:
    """One group of indicators (DOMAIN A6) and its maximum points."""

    code: str
    max_points: Decimal


@dataclass(frozen=True)
class Count:
    """A numerator and a denominator over the period (counted or entered)."""

    numerator: int
    denominator: int

    def __post_init__(self) -> None:
        if self.numerator < 0 or self.denominator < 0:
            raise ValueError("counts cannot be negative")


def indicator_points(rule: IndicatorRule, count: Count | None) -> Decimal | None:
    """The indicator's points (rounded, at most its maximum), or ``None`` when it does not
    apply: no value at all, or a zero denominator under the not-applicable rule."""
    if count is None:
        return None
    if count.denominator == 0:
        if rule.zero is ZeroRule.FULL:
            return round_points(rule.max_points)
        if rule.zero is ZeroRule.ZERO:
            return Decimal("0.00")
        return None
    raw = rule.rule.points(rule.max_points, count.numerator, count.denominator)
    return round_points(min(raw, rule.max_points))


@dataclass(frozen=True)
class IndicatorScore:
    code: str
    group: str
    count: Count | None
    points: Decimal | None
    max_points: Decimal

    @property
    def applies(self) -> bool:
        return self.points is not None


@dataclass(frozen=True)
class GroupScore:
    """A group's points and the maximum that applies (its own maximum, less the maxima of its
    excluded indicators); ``points`` is ``None`` when none of its indicators applies."""

    code: str
    points: Decimal | None
    max_points: Decimal
    full_max: Decimal


@dataclass(frozen=True)
class Scorecard:
    """One agency's index: ``points`` out of ``max_points`` (what applies), and ``total`` =
    points rescaled to ``full_max`` (``None`` when nothing applies)."""

    indicators: tuple[IndicatorScore, ...]
    groups: tuple[GroupScore, ...]
    points: Decimal
    max_points: Decimal
    full_max: Decimal
    total: Decimal | None


def scorecard(
    groups: Sequence[GroupRule],
    indicators: Sequence[IndicatorRule],
    counts: Mapping[str, Count | None],
) -> Scorecard:
    """Score every indicator from ``counts`` (by indicator code; a missing code = no value),
    then the groups, in the order given, and the total. A group's points never exceed its
    maximum (a configuration whose indicators add up to more is capped)."""
    known = {g.code for g in groups}
    strays = sorted({i.group for i in indicators} - known)
    if strays:
        raise ValueError(f"indicators of unknown groups: {strays}")
    scores = tuple(
        IndicatorScore(
            i.code,
            i.group,
            counts.get(i.code),
            indicator_points(i, counts.get(i.code)),
            i.max_points,
        )
        for i in indicators
    )
    group_scores = []
    for group in groups:
        members = [s for s in scores if s.group == group.code and s.applies]
        if not members:
            group_scores.append(GroupScore(group.code, None, Decimal(0), group.max_points))
            continue
        points = sum((s.points for s in members if s.points is not None), Decimal("0.00"))
        applicable = sum((s.max_points for s in members), Decimal(0))
        group_scores.append(
            GroupScore(
                group.code,
                min(points, group.max_points),
                min(applicable, group.max_points),
                group.max_points,
            )
        )
    points = sum((g.points for g in group_scores if g.points is not None), Decimal("0.00"))
    applicable = sum((g.max_points for g in group_scores), Decimal(0))
    full = sum((g.max_points for g in groups), Decimal(0))
    total = None
    if applicable > 0:
        total = points if applicable == full else round_points(points * full / applicable)
    return Scorecard(scores, tuple(group_scores), points, applicable, full, total)


def competition_ranks(
    totals: Mapping[K, Decimal | None] | Iterable[tuple[K, Decimal | None]],
) -> dict[K, int]:
    """Competition ranking (1-2-2-4) of ``totals`` (key → total, or pairs): one more than the
    number of strictly higher totals; ``None`` (nothing applies) after every number, the
    ``None`` ones sharing the rank after the last number's. Input order does not matter."""
    pairs = list(totals.items() if isinstance(totals, Mapping) else totals)
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("each key is ranked once")
    values = sorted((v for _, v in pairs if v is not None), reverse=True)
    first_position: dict[Decimal, int] = {}
    for position, value in enumerate(values, start=1):
        first_position.setdefault(value, position)
    after = len(values) + 1
    return {k: (first_position[v] if v is not None else after) for k, v in pairs}
