"""A small department framework for the PAR Index tests, built as the import would build it.

Field 1 (10 points): 1.1 self-assessed (4), 1.2 live — the share of dossiers received online,
linear from 0 % (0 points) to 50 % (3 points) — and 1.3 appraisal only (3).
Field 2 (10 points): 2.1 self-assessed (6), 2.2 survey (4).
Total 20; 16 appraised, 4 from the survey; without a survey rescaled to 20.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cchc.org.models import User
from cchc.parindex.models import Criterion, Framework
from cchc.parindex.services import (
    assessment_appraise,
    assessment_confirm,
    assessment_open,
    assessment_submit,
    evidence_add,
    score_review,
    score_save,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "bien-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def build_framework(year: int = 2025, kind: str = "department") -> Framework:
    framework = Framework.objects.create(
        year=year,
        unit_kind=kind,
        name=f"Bộ tiêu chí thử nghiệm {year}",
        period_from=date(year, 1, 1),
        period_to=date(year, 12, 31),
        self_assessment_due=date(year, 12, 20),
    )

    def node(code, level, max_points, parent=None, method="self", order=0, **extra):
        return Criterion.objects.create(
            framework=framework,
            parent=parent,
            level=level,
            code=code,
            name=f"Tiêu chí {code}",
            max_points=Decimal(max_points),
            method=method,
            order=order,
            **extra,
        )

    one = node("1", "field", "10", order=1)
    node("1.1", "criterion", "4", one, order=1, required_evidence="Báo cáo, kế hoạch")
    node(
        "1.2",
        "criterion",
        "3",
        one,
        method="live",
        order=2,
        live_numerator="dossiers_received_online",
        live_denominator="dossiers_received",
        live_rule="linear",
        live_lower=Decimal("0"),
        live_upper=Decimal("0.5"),
    )
    node("1.3", "criterion", "3", one, method="appraisal", order=3)
    two = node("2", "field", "10", order=2)
    node("2.1", "criterion", "6", two, order=1)
    node("2.2", "criterion", "4", two, method="survey", order=2)
    return framework


@pytest.fixture
def framework(world) -> Framework:
    return build_framework()


@pytest.fixture
def council_member(world) -> User:
    return User.objects.create_user(
        username="t.council",
        password="x",
        full_name="Hoàng Văn Hội",
        role=User.Role.COUNCIL_MEMBER,
        agency=world.province,
    )


@pytest.fixture
def assessment(world, framework):
    return assessment_open(framework, world.construction, actor=world.home_affairs_evaluator)


def fill(world, assessment, points=("3", "5")):
    """The reform officer scores 1.1 and 2.1 with a file each."""
    for code, value in zip(("1.1", "2.1"), points, strict=True):
        score_save(assessment, code, actor=world.reform_officer, points=value, explanation="Đã làm")
        evidence_add(assessment, code, actor=world.reform_officer, file=pdf())
    return assessment


def finalise(world, assessment, council, *, adjust_21=None):
    """Filled, submitted, reviewed (1.3 given 2 points), appraised and confirmed."""
    fill(world, assessment)
    assessment_submit(assessment, actor=world.leader)
    ha = world.home_affairs_evaluator
    score_review(assessment, "1.1", actor=ha, decision="accept")
    if adjust_21 is None:
        score_review(assessment, "2.1", actor=ha, decision="accept")
    else:
        score_review(
            assessment, "2.1", actor=ha, decision="adjust", points=adjust_21, comment="Thiếu"
        )
    score_review(assessment, "1.3", actor=ha, decision="adjust", points="2", comment="Đạt")
    assessment_appraise(assessment, actor=ha)
    return assessment_confirm(assessment, actor=council)
