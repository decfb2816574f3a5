"""Per-dossier evaluation of the Decree 61/2018 regime (DOMAIN A8, B §7; issue 11 build 2).

Nine indicators of 0, 1 or 2 points each, 18 in all (DOMAIN A8: "nine indicators of 2 points
each (total 18) — total time vs legal time; time of each agency; contacts needed; agencies
contacted; handled at the one-stop unit; publicity of the procedure; officers' attitude;
feedback explained; online service progress and quality — with a self score and an appraised
score"). A self score and an appraised score are kept apart; the bands are configuration
(DOMAIN B §7: that province's bands are > 15 Xuất sắc, 12–< 15 Tốt, 9–< 12 Khá, 6–< 9 Trung
bình, < 6 Yếu, and 15 falls in none of them — "classify it").

DOMAIN gives the indicators and their maximum but not how each one's points are given; the
rules below are this platform's decision (docs/decisions/0008-dossier-evaluation.md), each
non-increasing in what makes the service worse (a later finish, more late agencies, more
supplements, more trips, more agencies, a lower rating):

1. ``total_time`` — the result against the legal due moment (DOMAIN A3's rule,
   ``lifecycle.timeliness``): early 2, on time 1, late 0.
2. ``agency_time`` — each agency that held a step, judged by its steps' own due moments
   (Mẫu 05, DOMAIN A3): no agency late 2, one agency late 1, two or more 0.
3. ``contacts`` — the contacts needed to complete the dossier: the filing plus one per
   supplement request (1 → 2, 2 → 1, 3 or more → 0), and no better than the trips allow: the
   in-person visits counted by the platform (filing and collecting the result: up to 2 → 2,
   the third visit DOMAIN A3 flags → 1, four or more → 0). The lower of the two.
4. ``agencies_contacted`` — distinct agencies the applicant dealt with (1 → 2, 2 → 1, 3+ → 0).
5. ``one_stop`` — received and returned through the one-stop unit: yes 2, no 0.
6. ``publicity`` — the procedure's publicity: entered (the platform does not judge it).
7. ``attitude`` — the applicant's rating of the civil servant element: very satisfied 2,
   satisfied 1, not satisfied 0.
8. ``feedback`` — the rating of the feedback-handling element, the same way.
9. ``online`` — a dossier filed online: result not late 2, late 0. A dossier filed at the
   counter or by post did not use the online service: not applicable, counted as met (2), so
   the applicant's choice of channel costs the agency nothing; the appraiser may change it.

A fact the platform does not know (``None``) leaves its indicator unscored, to be entered.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from cchc.domain.lifecycle import Timeliness

MAX_POINTS = 2
MAX_TOTAL = 18


class Indicator(StrEnum):
    TOTAL_TIME = "total_time"
    AGENCY_TIME = "agency_time"
    CONTACTS = "contacts"
    AGENCIES_CONTACTED = "agencies_contacted"
    ONE_STOP = "one_stop"
    PUBLICITY = "publicity"
    ATTITUDE = "attitude"
    FEEDBACK = "feedback"
    ONLINE = "online"


INDICATORS: tuple[Indicator, ...] = tuple(Indicator)


class Band(StrEnum):
    EXCELLENT = "excellent"  # Xuất sắc
    GOOD = "good"  # Tốt
    FAIR = "fair"  # Khá
    AVERAGE = "average"  # Trung bình
    WEAK = "weak"  # Yếu


# (lowest total, band), highest first: > 15 Xuất sắc, 12–15 Tốt (15 itself is Tốt: DOMAIN B §7
# says the published bands leave 15 out and to classify it; "12–< 15" extended up to 15),
# 9–< 12 Khá, 6–< 9 Trung bình, < 6 Yếu.
DEFAULT_BANDS: tuple[tuple[int, Band], ...] = (
    (16, Band.EXCELLENT),
    (12, Band.GOOD),
    (9, Band.FAIR),
    (6, Band.AVERAGE),
    (0, Band.WEAK),
)

LEVEL_POINTS = {"very_satisfied": 2, "satisfied": 1, "not_satisfied": 0}


@dataclass(frozen=True)
class Facts:
    """What is known about one returned dossier; ``None`` = not known (to be entered)."""

    timeliness: Timeliness | None = None
    late_agencies: int | None = None
    supplement_requests: int | None = None
    visits: int | None = None
    agencies_contacted: int | None = None
    one_stop: bool | None = None
    publicity: int | None = None
    attitude: str | None = None  # a rating level (very_satisfied / satisfied / not_satisfied)
    feedback: str | None = None
    online: bool | None = None  # filed online
    late: bool | None = None  # the result was late (for the online indicator)


def _by_count(count: int) -> int:
    """1 → 2, 2 → 1, 3 or more → 0 (0 counts as 1)."""
    return max(0, min(MAX_POINTS, 3 - max(count, 1)))


def _by_late_count(count: int) -> int:
    """0 → 2, 1 → 1, 2 or more → 0."""
    return max(0, MAX_POINTS - count)


def _by_trips(visits: int) -> int:
    """Up to 2 visits → 2, 3 → 1, 4 or more → 0."""
    return max(0, min(MAX_POINTS, 4 - visits))


def score(facts: Facts) -> dict[Indicator, int | None]:
    """The nine indicators' points from ``facts`` (the rules of the module docstring)."""
    f = facts
    out: dict[Indicator, int | None] = dict.fromkeys(INDICATORS)
    if f.timeliness is not None:
        out[Indicator.TOTAL_TIME] = {
            Timeliness.EARLY: 2,
            Timeliness.ON_TIME: 1,
            Timeliness.LATE: 0,
        }[Timeliness(f.timeliness)]
    if f.late_agencies is not None:
        out[Indicator.AGENCY_TIME] = _by_late_count(f.late_agencies)
    if f.supplement_requests is not None:
        points = _by_count(1 + f.supplement_requests)
        if f.visits is not None:
            points = min(points, _by_trips(f.visits))
        out[Indicator.CONTACTS] = points
    if f.agencies_contacted is not None:
        out[Indicator.AGENCIES_CONTACTED] = _by_count(f.agencies_contacted)
    if f.one_stop is not None:
        out[Indicator.ONE_STOP] = MAX_POINTS if f.one_stop else 0
    if f.publicity is not None:
        out[Indicator.PUBLICITY] = check_points(f.publicity)
    if f.attitude is not None:
        out[Indicator.ATTITUDE] = LEVEL_POINTS[f.attitude]
    if f.feedback is not None:
        out[Indicator.FEEDBACK] = LEVEL_POINTS[f.feedback]
    if f.online is not None:
        if not f.online:
            out[Indicator.ONLINE] = MAX_POINTS
        elif f.late is not None:
            out[Indicator.ONLINE] = 0 if f.late else MAX_POINTS
    return out


def check_points(points: int) -> int:
    """``points`` if it is 0, 1 or 2; else ``ValueError``."""
    if isinstance(points, bool) or not isinstance(points, int) or not 0 <= points <= MAX_POINTS:
        raise ValueError(points)
    return points


def total(scores: Mapping[Indicator, int | None]) -> int:
    """The sum of the scored indicators (0..18)."""
    return sum(v for v in scores.values() if v is not None)


def complete(scores: Mapping[Indicator, int | None]) -> bool:
    """Every one of the nine indicators has its points."""
    return all(scores.get(i) is not None for i in INDICATORS)


def band(points: int, bands: Sequence[tuple[int, Band]] = DEFAULT_BANDS) -> Band:
    """The band of a total: the first ``(lowest, band)`` whose lowest total ``points`` reaches
    (``bands`` highest first, the last one's lowest 0, so every total 0..18 has exactly one)."""
    for lowest, name in bands:
        if points >= lowest:
            return Band(name)
    raise ValueError(points)


def check_bands(bands: Sequence[tuple[int, Band]]) -> tuple[tuple[int, Band], ...]:
    """``bands`` if their lowest totals strictly decrease and end at 0; else ``ValueError``."""
    lows = [low for low, _ in bands]
    if not lows or lows[-1] != 0 or any(a <= b for a, b in itertools.pairwise(lows)):
        raise ValueError(bands)
    return tuple((int(low), Band(name)) for low, name in bands)
