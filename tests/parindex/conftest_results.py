"""Published PAR Index results for the results pages, exports and API tests.

A small department framework of two fields and four self-assessed criteria (100 points):
field I (1.1: 40, 1.2: 30), field II (2.1: 20, 2.2: 10). ``publish`` takes each unit through
the assessment services with its points and publishes them."""

from __future__ import annotations

from datetime import date

from cchc.org.models import Agency, User
from cchc.parindex.models import Criterion, Framework
from cchc.parindex.services import (
    assessment_appraise,
    assessment_confirm,
    assessment_open,
    assessment_submit,
    evidence_add,
    framework_publish,
    score_review,
    score_save,
)
from tests.factories import AgencyFactory, UserFactory

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


def unit_people(agency: Agency) -> tuple[User, User]:
    """The unit's reform officer and leader (made once per unit)."""
    reform = UserFactory(username=f"cb.{agency.code}", role=User.Role.REFORM_OFFICER, agency=agency)
    leader = UserFactory(username=f"ld.{agency.code}", role=User.Role.LEADER, agency=agency)
    return reform, leader


def council() -> User:
    province = Agency.objects.get(code="000.00.00.H98")
    return UserFactory(username="t.council", role=User.Role.COUNCIL_MEMBER, agency=province)


def publish(framework: Framework, points: dict[Agency, dict[str, int | str]]) -> None:
    """Each unit self-assesses ``points`` (by criterion code) with a link as evidence, its leader
    submits, Home Affairs accepts every score, the council confirms; then the province
    publishes them all — the same services as the pages."""
    home_affairs = User.objects.get(username="t.homeaffairs")
    for agency, given in points.items():
        reform, leader = unit_people(agency)
        assessment = assessment_open(framework, agency, actor=home_affairs)
        for code, value in given.items():
            score_save(assessment, code, actor=reform, points=str(value), explanation="Đã làm")
            evidence_add(assessment, code, actor=reform, link="https://sonoivu.example.vn/bc")
        assessment_submit(assessment, actor=leader)
        for code in given:
            score_review(assessment, code, actor=home_affairs, decision="accept")
        assessment_appraise(assessment, actor=home_affairs)
        assessment_confirm(assessment, actor=council())
    framework_publish(framework, actor=home_affairs)


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
