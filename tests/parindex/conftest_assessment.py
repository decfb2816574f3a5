"""What the assessment pages' tests stand on: a small department framework (two fields; a
criterion with two sub-criteria, a criterion without any, a live metric and an appraisal-only
criterion), the council member, Sở Xây dựng's assessment opened through the services, and
the files the upload checks accept or refuse. Imported by the tests that use it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cchc.org.models import User
from cchc.parindex import services
from cchc.parindex.models import Criterion, Framework, UnitKind
from tests.factories import UserFactory

YEAR = 2025
KIND = UnitKind.DEPARTMENT
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
M = Criterion.Method
L = Criterion.Level


def make_framework(year: int = YEAR) -> Framework:
    """Field 1 (10 points): 1.1 with 1.1.a (4) and 1.1.b (2), 1.2 (4), self-assessed.
    Field 2 (10 points): 2.1 live (6 points, the on-time share, 0 at 50 %, full at 100 %),
    2.2 appraisal only (4)."""
    framework = Framework.objects.create(
        year=year,
        unit_kind=KIND,
        name=f"Bộ tiêu chí Chỉ số CCHC các sở năm {year}",
        decision="15/QĐ-UBND",
        period_from=date(year, 1, 1),
        period_to=date(year, 12, 31),
        self_assessment_due=date(year + 1, 1, 15),
        status=Framework.Status.OPEN,
    )
    order = iter(range(1, 100))

    def node(parent, level, code, name, points, method=M.SELF, **extra):
        return Criterion.objects.create(
            framework=framework,
            parent=parent,
            level=level,
            code=code,
            name=name,
            max_points=Decimal(points),
            method=method,
            order=next(order),
            **extra,
        )

    f1 = node(None, L.FIELD, "1", "Công tác chỉ đạo, điều hành CCHC", 10)
    c11 = node(f1, L.CRITERION, "1.1", "Kế hoạch CCHC năm", 6)
    node(c11, L.SUB, "1.1.a", "Ban hành kế hoạch đúng hạn", 4, required_evidence="Kế hoạch")
    node(c11, L.SUB, "1.1.b", "Mức độ hoàn thành kế hoạch", 2)
    node(f1, L.CRITERION, "1.2", "Báo cáo CCHC định kỳ", 4)
    f2 = node(None, L.FIELD, "2", "Cải cách thủ tục hành chính", 10)
    node(
        f2,
        L.CRITERION,
        "2.1",
        "Tỷ lệ hồ sơ giải quyết đúng hạn",
        6,
        M.LIVE,
        live_numerator="dossiers_finished_in_time",
        live_denominator="dossiers_finished",
        live_rule=Criterion.LiveRule.LINEAR,
        live_lower=Decimal("0.5"),
        live_upper=Decimal("1"),
    )
    node(f2, L.CRITERION, "2.2", "Kiểm soát TTHC", 4, M.APPRAISAL)
    return framework


@pytest.fixture
def council_member(world) -> User:
    return UserFactory(
        username="t.council",
        full_name="Ngô Thị Hội Đồng",
        role=User.Role.COUNCIL_MEMBER,
        agency=world.province,
    )


@pytest.fixture
def framework(world) -> Framework:
    return make_framework()


@pytest.fixture
def assessment(world, framework, home_affairs_evaluator):
    return services.assessment_open(framework, world.construction, actor=home_affairs_evaluator)


@pytest.fixture
def justice_assessment(world, framework, home_affairs_evaluator):
    return services.assessment_open(framework, world.justice, actor=home_affairs_evaluator)


def pdf(name: str = "ke-hoach.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def fill(assessment, actor) -> None:
    """The reform officer's self-assessment of every self-assessed criterion, with evidence."""
    for code, points in (("1.1.a", "4"), ("1.1.b", "1.5"), ("1.2", "3")):
        services.score_save(
            assessment, code, actor=actor, points=Decimal(points), explanation="Đã thực hiện"
        )
        services.evidence_add(assessment, code, actor=actor, document=f"{code}/KH-SXD")
