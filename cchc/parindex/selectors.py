"""Scoped reads of PAR Index assessments (ARCHITECTURE "Scoped reads").

Home Affairs, the appraisal council and system administrators see every assessment; a unit's
reform officer and leader see their own unit's (a division's officer, their department's or
commune's). Anyone else sees none. An assessment outside the reader's scope is a 404, never a
403 that confirms it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from cchc.org.models import User
from cchc.parindex.models import (
    Assessment,
    Evidence,
    Framework,
    PublishedResult,
    Score,
    UnitKind,
)
from cchc.parindex.scores import score_points

WHOLE_PROVINCE_ROLES = {User.Role.HOME_AFFAIRS, User.Role.COUNCIL_MEMBER, User.Role.SYSTEM_ADMIN}
UNIT_ROLES = {User.Role.REFORM_OFFICER, User.Role.LEADER}


def sees_all_assessments(user: object) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or user.role in WHOLE_PROVINCE_ROLES)


def assessments_for(user: object) -> QuerySet[Assessment]:
    """The assessments ``user`` may read, with their framework and unit."""
    rows = Assessment.objects.select_related("framework", "agency")
    if sees_all_assessments(user):
        return rows
    if getattr(user, "is_authenticated", False) and user.role in UNIT_ROLES and user.agency_id:
        return rows.filter(agency=user.agency.unit)
    return rows.none()


def assessment_get_for_user(user: object, year: int, kind: str, agency_code: str) -> Assessment:
    """The assessment of ``agency_code`` under the framework of ``year`` and ``kind`` if
    ``user`` may read it, else ``Http404``."""
    if kind not in UnitKind.values:
        raise Http404
    try:
        return assessments_for(user).get(
            framework__year=year, framework__unit_kind=kind, agency__code=agency_code
        )
    except (Assessment.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def framework_get(year: int, kind: str) -> Framework:
    """The framework of ``year`` and ``kind`` (frameworks are not secret: every officer reads
    them), else ``Http404``."""
    if kind not in UnitKind.values:
        raise Http404
    try:
        return Framework.objects.get(year=year, unit_kind=kind)
    except (Framework.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def published_results(framework: Framework) -> QuerySet[PublishedResult]:
    """The framework's current published results, by rank then unit code."""
    return (
        framework.results.filter(superseded_at__isnull=True)
        .select_related("agency")
        .order_by("rank", "agency__code")
    )


def results_for_year(year: int, unit_kind: str) -> QuerySet[PublishedResult]:
    """The current published results of ``year`` and ``unit_kind`` (empty when none)."""
    return (
        PublishedResult.objects.filter(
            framework__year=year, framework__unit_kind=unit_kind, superseded_at__isnull=True
        )
        .select_related("agency", "framework")
        .order_by("rank", "agency__code")
    )


# --- the province's own assessment (issue 12 §5) ---------------------------------------------


@dataclass(frozen=True)
class UnitSource:
    """What one unit's assessment of the same year says about a criterion of the province's
    own assessment: its points that count now, the maximum and its evidence."""

    year: int
    kind: str
    agency_code: str
    agency_name: str
    unit_kind: str
    status: str
    points: Decimal | None
    max_points: Decimal
    evidence: tuple[Evidence, ...]


def province_sources(assessment: Assessment, code: str) -> list[UnitSource]:
    """For a criterion of the province's own assessment (against the national framework), the
    departments', districts' and communes' assessments of the same year on the criterion with
    the same code — the sample frameworks keep the province's codes for the eight fields and
    their criteria — with their points and evidence, the evidence the province draws on
    (DOMAIN B §6.3: the province self-scores and uploads evidence). Empty for a unit's own
    assessment. Two queries."""
    if assessment.framework.unit_kind != UnitKind.PROVINCE:
        return []
    scores = list(
        Score.objects.filter(
            assessment__framework__year=assessment.framework.year,
            criterion__code=code,
        )
        .exclude(assessment__framework__unit_kind=UnitKind.PROVINCE)
        .select_related("criterion", "assessment__agency", "assessment__framework")
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(removed_at__isnull=True).order_by("added_at"),
            )
        )
        .order_by("assessment__framework__unit_kind", "assessment__agency__code")
    )
    return [
        UnitSource(
            year=s.assessment.framework.year,
            kind=s.assessment.framework.unit_kind,
            agency_code=s.assessment.agency.code,
            agency_name=s.assessment.agency.name,
            unit_kind=s.assessment.framework.get_unit_kind_display(),
            status=s.assessment.get_status_display(),
            points=score_points(s, s.criterion.method),
            max_points=s.criterion.max_points,
            evidence=tuple(s.evidence.all()),
        )
        for s in scores
    ]
