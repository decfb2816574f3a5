"""Officers often late or complained about (seed 000 §2c: the Department of Home Affairs
proposes rotating officers who are "thường xuyên trễ hẹn", often late in resolving procedures,
or show "nhũng nhiễu", harassment): which thresholds of a period an officer crosses.

The seed names no figure: the thresholds are configuration (the province sets them), and each
one that an officer crosses is reported with the figure that crossed it, so that the list says
why. Four kinds:

- ``late_steps``: at least N steps handed on after their own due moment (DOMAIN A3);
- ``late_share``: more than X % of the steps handed on were late, counted only from M steps;
- ``over_budget``: at least H working hours used beyond the steps' budgets;
- ``not_satisfied``: more than Y % of the officer's ratings were "not satisfied", counted only
  from M ratings (the A8 yearly rule is "more than 50 %"; this one applies to any period).

Counts are "at least" (a count of N is reached); shares are "more than" (A8's "trên 50 %":
exactly the threshold is not crossed). A share with fewer than its minimum behind it is not
judged — one late step out of one is not "often late".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from cchc.domain.indicators import RatingCounts

HOUR = 3600


class Kind(StrEnum):
    LATE_STEPS = "late_steps"
    LATE_SHARE = "late_share"
    OVER_BUDGET = "over_budget"
    NOT_SATISFIED = "not_satisfied"


@dataclass(frozen=True)
class Threshold:
    """One configured threshold. ``value`` is a count of steps (``late_steps``), a percentage
    (``late_share``, ``not_satisfied``) or working hours (``over_budget``); ``minimum`` is the
    number of steps or ratings a share needs before it is judged."""

    kind: Kind
    value: Decimal
    minimum: int = 0

    def __post_init__(self) -> None:
        if self.value < 0 or self.minimum < 0:
            raise ValueError("thresholds cannot be negative")


@dataclass(frozen=True)
class OfficerFigures:
    """What one officer did over a period, from the exact counters."""

    steps: int = 0
    steps_late: int = 0
    over_budget_seconds: int = 0
    ratings: RatingCounts = field(default_factory=RatingCounts)

    def __post_init__(self) -> None:
        if min(self.steps, self.steps_late, self.over_budget_seconds) < 0:
            raise ValueError("figures cannot be negative")
        if self.steps_late > self.steps:
            raise ValueError("more late steps than steps")

    @property
    def late_share(self) -> Decimal | None:
        """Late steps / steps handed on, ``None`` with no step."""
        return Decimal(self.steps_late) / Decimal(self.steps) if self.steps else None

    @property
    def not_satisfied_share(self) -> Decimal | None:
        """ "Not satisfied" ratings / ratings, ``None`` with no rating."""
        total = self.ratings.total
        return Decimal(self.ratings.not_satisfied) / Decimal(total) if total else None


@dataclass(frozen=True)
class Breach:
    """A threshold crossed, with the figure that crossed it (a count, a share in [0, 1] or
    working seconds) and the base it was judged on (steps or ratings; 0 for counts)."""

    threshold: Threshold
    actual: Decimal
    base: int = 0

    @property
    def kind(self) -> Kind:
        return self.threshold.kind


def _percent(share: Decimal) -> Decimal:
    return share * 100


def breaches(figures: OfficerFigures, thresholds: Iterable[Threshold]) -> list[Breach]:
    """The thresholds ``figures`` cross, in the order given."""
    found = []
    for t in thresholds:
        if t.kind == Kind.LATE_STEPS:
            if figures.steps_late and figures.steps_late >= t.value:
                found.append(Breach(t, Decimal(figures.steps_late)))
        elif t.kind == Kind.LATE_SHARE:
            share = figures.late_share
            if share is not None and figures.steps >= t.minimum and _percent(share) > t.value:
                found.append(Breach(t, share, figures.steps))
        elif t.kind == Kind.OVER_BUDGET:
            seconds = figures.over_budget_seconds
            if seconds and seconds >= t.value * HOUR:
                found.append(Breach(t, Decimal(seconds)))
        elif t.kind == Kind.NOT_SATISFIED:
            share = figures.not_satisfied_share
            total = figures.ratings.total
            if share is not None and total >= t.minimum and _percent(share) > t.value:
                found.append(Breach(t, share, total))
    return found


def severity(figures: OfficerFigures, found: list[Breach]) -> tuple:
    """A sort key, worst first: more thresholds crossed, then more late steps, more time over
    budget, more "not satisfied" ratings."""
    return (
        -len(found),
        -figures.steps_late,
        -figures.over_budget_seconds,
        -figures.ratings.not_satisfied,
    )
