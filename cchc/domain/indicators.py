"""Rates and flags computed from counts — plain Python, no Django.

Satisfaction (DOMAIN A8, Bình Định directive on officers' duties): each rating of a dossier is
very satisfied (rất hài lòng), satisfied (hài lòng) or not satisfied (không hài lòng). An
officer or agency with **more than 50 %** negative ratings in a year is flagged as not
fulfilling duties (không hoàn thành nhiệm vụ); two years in a row is flagged for replacement
(đề xuất thay thế). The satisfied share is the Decision 766 MDHL rate (B §5.2: satisfied
ratings / ratings).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

NEGATIVE_LIMIT = Decimal("0.5")

DutyFlag = Literal["ok", "not_fulfilling", "replace"]
OK: DutyFlag = "ok"
NOT_FULFILLING: DutyFlag = "not_fulfilling"
REPLACE: DutyFlag = "replace"


@dataclass(frozen=True)
class RatingCounts:
    """Counts of ratings by level, for one officer or agency over a period."""

    very_satisfied: int = 0
    satisfied: int = 0
    not_satisfied: int = 0

    def __post_init__(self) -> None:
        if min(self.very_satisfied, self.satisfied, self.not_satisfied) < 0:
            raise ValueError("rating counts cannot be negative")

    @property
    def total(self) -> int:
        return self.very_satisfied + self.satisfied + self.not_satisfied

    def __add__(self, other: RatingCounts) -> RatingCounts:
        return RatingCounts(
            self.very_satisfied + other.very_satisfied,
            self.satisfied + other.satisfied,
            self.not_satisfied + other.not_satisfied,
        )


def _counts(counts: RatingCounts | Mapping[str, int]) -> RatingCounts:
    if isinstance(counts, RatingCounts):
        return counts
    return RatingCounts(
        very_satisfied=int(counts.get("very_satisfied", 0)),
        satisfied=int(counts.get("satisfied", 0)),
        not_satisfied=int(counts.get("not_satisfied", 0)),
    )


def negative_share(counts: RatingCounts | Mapping[str, int]) -> Decimal:
    """Not satisfied / all ratings, as a ``Decimal`` in [0, 1]; ``0`` with no ratings (nobody
    complained, so nobody is flagged)."""
    c = _counts(counts)
    if c.total == 0:
        return Decimal(0)
    return Decimal(c.not_satisfied) / Decimal(c.total)


def satisfied_share(counts: RatingCounts | Mapping[str, int]) -> Decimal:
    """Very satisfied or satisfied / all ratings (Decision 766 MDHL rate); ``0`` with none."""
    c = _counts(counts)
    if c.total == 0:
        return Decimal(0)
    return Decimal(c.very_satisfied + c.satisfied) / Decimal(c.total)


def is_negative_year(share: Decimal | None, limit: Decimal = NEGATIVE_LIMIT) -> bool:
    """More than ``limit`` (50 %) negative: "quá 50 %" — exactly half is not flagged."""
    return share is not None and share > limit


def duty_flag(
    yearly_shares: Mapping[int, Decimal | None],
    *,
    year: int | None = None,
    limit: Decimal = NEGATIVE_LIMIT,
) -> DutyFlag:
    """The A8 flag for ``year`` (default: the latest year given) from negative shares by year
    (``None`` or a missing year = no ratings that year).

    ``"replace"`` when that year and the calendar year before are both over the limit;
    ``"not_fulfilling"`` when only that year is; ``"ok"`` otherwise. Years must follow each
    other: a bad year, a year without ratings, then a bad year is not "two years in a row".
    """
    if not yearly_shares and year is None:
        return OK
    year = max(yearly_shares) if year is None else year
    if not is_negative_year(yearly_shares.get(year), limit):
        return OK
    if is_negative_year(yearly_shares.get(year - 1), limit):
        return REPLACE
    return NOT_FULFILLING
