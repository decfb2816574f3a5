"""Survey campaigns in the SIPAS style (DOMAIN A8, issue 11 §3): how many people to ask in a
stratum, which ones, and what their answers say with a 95 % confidence interval.

- **Sample size** per stratum (one agency × one service): Yamane's n = N / (1 + N·e²), rounded
  up, with the margin e configurable (default 5 %). A stratum of 100 returned dossiers asks
  80; one of 10 000 asks 385; the size never exceeds N.
- **The sample** is drawn by ranking every id on SHA-256(seed, id) and keeping the n smallest:
  the same seed and population give the same sample on any machine and any Python, whatever
  order the population comes in, and a larger n keeps every id a smaller one chose.
- **The Wilson interval** (z = 1.96) for a share k/n: unlike the textbook p ± z·√(p(1−p)/n) it
  stays inside [0, 1] and does not collapse to a point at 0 % or 100 %.
- **Element index** = share of answers that are "satisfied" or "very satisfied": 4 or 5 on the
  5-point scale, the two upper levels (2, 3) on the 3-level scale.
- **Overall index** = mean of the element indexes (elements without answers are left out). Its
  interval is the mean of the elements' Wilson bounds: the five elements are answered by the
  same respondents, so their errors are not independent; averaging the bounds is the interval
  when the errors move together, the widest case, and we prefer not to claim more precision
  than the survey has. It is easy to check by hand and always contains the overall index.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

Z_95 = 1.96
DEFAULT_MARGIN = Fraction(5, 100)


class Scale(StrEnum):
    """The graded answer kinds that count towards an element's index."""

    FIVE_POINT = "scale5"  # 1 very unsatisfied … 5 very satisfied
    THREE_LEVEL = "level3"  # 1 not satisfied, 2 satisfied, 3 very satisfied


SCALE_RANGE = {Scale.FIVE_POINT: range(1, 6), Scale.THREE_LEVEL: range(1, 4)}
SATISFIED_FROM = {Scale.FIVE_POINT: 4, Scale.THREE_LEVEL: 2}


def sample_size(population: int, margin: Fraction | float | str = DEFAULT_MARGIN) -> int:
    """Yamane's n = N / (1 + N·e²), rounded up; 0 for an empty stratum.

    ``margin`` is e as a fraction (0.05 for 5 %), strictly between 0 and 1.
    """
    if population < 0:
        raise ValueError("population must not be negative")
    e = Fraction(margin) if not isinstance(margin, float) else Fraction(str(margin))
    if not 0 < e < 1:
        raise ValueError("margin must be strictly between 0 and 1")
    if population == 0:
        return 0
    exact = Fraction(population) / (1 + population * e * e)
    return min(population, math.ceil(exact))


def _rank(seed: str, item: object) -> bytes:
    return hashlib.sha256(f"{seed}\x1f{item}".encode()).digest()


def draw_sample(population: Iterable[object], size: int, seed: str) -> list[object]:
    """The ``size`` ids of ``population`` with the smallest SHA-256(seed, id), in that rank order.

    Reproducible (same seed and population → same sample), independent of the population's
    order and duplicates; all of the population when it is not larger than ``size``.
    """
    if size < 0:
        raise ValueError("size must not be negative")
    unique = {str(item): item for item in population}
    ranked = sorted(unique, key=lambda key: (_rank(seed, key), key))
    return [unique[key] for key in ranked[:size]]


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low - 1e-12 <= value <= self.high + 1e-12


def wilson(successes: int, total: int, z: float = Z_95) -> Interval | None:
    """The Wilson score interval for ``successes`` out of ``total``; None when nobody answered."""
    if total < 0 or not 0 <= successes <= max(total, 0):
        raise ValueError("need 0 <= successes <= total")
    if total == 0:
        return None
    p = successes / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half = (z / denominator) * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total))
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


def is_satisfied(scale: Scale | str, value: int) -> bool:
    """Whether one graded answer counts as "satisfied" or "very satisfied"."""
    scale = Scale(scale)
    if value not in SCALE_RANGE[scale]:
        raise ValueError(f"{value} is not on the {scale} scale")
    return value >= SATISFIED_FROM[scale]


@dataclass(frozen=True)
class ElementResult:
    element: str
    answers: int
    satisfied: int
    index: float | None
    interval: Interval | None


@dataclass(frozen=True)
class SurveyResult:
    elements: tuple[ElementResult, ...]
    answers: int
    index: float | None
    interval: Interval | None


def element_result(element: str, answers: Sequence[tuple[Scale | str, int]]) -> ElementResult:
    """The index of one element from its graded answers ``(scale, value)``."""
    satisfied = sum(1 for scale, value in answers if is_satisfied(scale, value))
    total = len(answers)
    return ElementResult(
        element=element,
        answers=total,
        satisfied=satisfied,
        index=satisfied / total if total else None,
        interval=wilson(satisfied, total),
    )


def survey_result(
    answers: Mapping[str, Sequence[tuple[Scale | str, int]]], elements: Sequence[str]
) -> SurveyResult:
    """Element indexes in the order of ``elements`` and their mean with its interval."""
    rows = tuple(element_result(element, answers.get(element, ())) for element in elements)
    counted = [row for row in rows if row.index is not None]
    if not counted:
        return SurveyResult(rows, 0, None, None)
    index = sum(row.index for row in counted) / len(counted)  # type: ignore[misc]
    low = sum(row.interval.low for row in counted) / len(counted)  # type: ignore[union-attr]
    high = sum(row.interval.high for row in counted) / len(counted)  # type: ignore[union-attr]
    return SurveyResult(rows, sum(row.answers for row in rows), index, Interval(low, high))
