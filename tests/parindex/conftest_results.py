"""Published PAR Index results for the results pages, exports and API tests.

A small department framework of two fields and four scored criteria (100 points):
field I (1.1: 40, 1.2: 30), field II (2.1: 20, 2.2: 10). ``publish`` gives each unit its points
and publishes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from cchc.domain import scoring
from cchc.org.models import Agency
from cchc.parindex.models import Assessment, Criterion, Framework, PublishedResult
from tests.factories import AgencyFactory

FIELDS = {
    "I": ("Công tác chỉ đạo, điều hành CCHC", {"1.1": 40, "1.2": 30}),
    "II": ("Cải cách thủ tục hành chính", {"2.1": 20, "2.2": 10}),
}
CRITERION_NAMES = {
    "1.1": "Kế hoạch CCHC năm",
    "1.2": "Báo cáo CCHC định kỳ",
    "2.1": "Hồ sơ giải quyết đúng hạn",
    "2.2": "Công khai thủ tục hành chính",
}


def framework_of(year: int, unit_kind: str = "department") -> Framework:
    framework = Framework.objects.create(
        year=year,
        unit_kind=unit_kind,
        name=f"Bộ chỉ số CCHC các sở năm {year}",
        period_from=date(year, 1, 1),
        period_to=date(year, 12, 31),
    )
    order = 0
    for field_code, (field_name, leaves) in FIELDS.items():
        order += 1
        field = Criterion.objects.create(
            framework=framework,
            level=Criterion.Level.FIELD,
            code=field_code,
            name=field_name,
            max_points=sum(leaves.values()),
            order=order,
        )
        for code, max_points in leaves.items():
            order += 1
            Criterion.objects.create(
                framework=framework,
                parent=field,
                level=Criterion.Level.CRITERION,
                code=code,
                name=CRITERION_NAMES[code],
                max_points=max_points,
                order=order,
            )
    return framework


def department(code: str, name: str, **extra: object) -> Agency:
    province = Agency.objects.get(code="000.00.00.H98")
    return AgencyFactory(
        code=code, name=name, level=Agency.Level.DEPARTMENT, parent=province, **extra
    )


def _rule(framework: Framework) -> scoring.FrameworkRule:
    from cchc.parindex.results import framework_tree

    return framework_tree(framework).rule


def publish(framework: Framework, points: dict[Agency, dict[str, int | str]]) -> None:
    """Publish ``points`` (unit → points by criterion code) as the province does."""
    rule = _rule(framework)
    names = {code: name for code, (name, _) in FIELDS.items()}
    scores = {
        agency: scoring.unit_score(
            rule, {c: Decimal(str(p)) for c, p in given.items()}, surveyed=True
        )
        for agency, given in points.items()
    }
    ranks = scoring.competition_ranks({a: s.total for a, s in scores.items()})
    now = timezone.now()
    for agency, score in scores.items():
        assessment = Assessment.objects.create(
            framework=framework,
            agency=agency,
            status=Assessment.Status.PUBLISHED,
            total=score.total,
            percent=score.percent,
            classification=score.classification,
            published_at=now,
        )
        PublishedResult.objects.create(
            assessment=assessment,
            framework=framework,
            agency=agency,
            total=score.total,
            max_points=score.max_points,
            percent=score.percent,
            classification=score.classification,
            eligible=score.eligible,
            surveyed=True,
            components=[
                {
                    "field_code": c.field,
                    "field_name": names[c.field],
                    "points": str(c.points),
                    "max": str(c.max_points),
                    "percent": None if c.percent is None else str(c.percent),
                }
                for c in score.components
            ],
            points={c: str(Decimal(str(p))) for c, p in points[agency].items()},
            rank=ranks[agency],
            published_at=now,
        )
    framework.status = Framework.Status.PUBLISHED
    framework.published_at = now
    framework.save(update_fields=["status", "published_at"])


def publish_two_years(world: object) -> dict[str, Agency]:
    """2024: Justice 1st, Construction 2nd, Finance 3rd. 2025: Construction and Finance tie at
    82 (both 1st), Justice 3rd, Planning new; Finance has field II at 40 %: not eligible."""
    finance = department("000.00.07.H98", "Sở Tài chính")
    planning = department("000.00.09.H98", "Sở Kế hoạch và Đầu tư")
    publish(
        framework_of(2024),
        {
            world.justice: {"1.1": 40, "1.2": 30, "2.1": 20, "2.2": 5},
            world.construction: {"1.1": 30, "1.2": 20, "2.1": 15, "2.2": 5},
            finance: {"1.1": 10, "1.2": 10, "2.1": 10, "2.2": 5},
        },
    )
    publish(
        framework_of(2025),
        {
            world.construction: {"1.1": 35, "1.2": 25, "2.1": 15, "2.2": 7},
            finance: {"1.1": 40, "1.2": 30, "2.1": 8, "2.2": 4},
            world.justice: {"1.1": 30, "1.2": 20, "2.1": 10, "2.2": 0},
            planning: {"1.1": "12.5", "1.2": 10, "2.1": 15, "2.2": 10},
        },
    )
    return {"finance": finance, "planning": planning}
