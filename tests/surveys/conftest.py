"""Survey fixtures: returned dossiers made through the dossier services, a published
questionnaire covering the five elements and every question kind, and a campaign opened on
them through the survey services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc.dossiers.services import dossier_approve, dossier_forward, dossier_pay, dossier_return
from cchc.surveys.services import (
    CampaignInput,
    campaign_open,
    question_add,
    questionnaire_create,
    questionnaire_publish,
)
from tests.dossiers.helpers import at, receive


def returned(world, *, day: int = 3, month: int = 3):
    """A building-permit dossier received, forwarded, approved, paid and returned."""
    d = receive(world, now=at(2025, month, day))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, month, day + 1))
    d = dossier_approve(
        actor=world.leader, dossier=d, result_number="12/GPXD", now=at(2025, month, day + 2)
    )
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, month, day + 2, 15))
    return dossier_return(
        actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, month, day + 3)
    )


def build_questionnaire(code: str = "SIPAS-HC"):
    q = questionnaire_create(
        code=code, title="Phiếu khảo sát sự hài lòng", service_type="Hành chính"
    )
    add = question_add
    questions = {
        "access": add(
            q, kind="scale5", element="access", text="Anh/chị đánh giá việc tiếp cận dịch vụ?"
        ),
        "procedure": add(
            q, kind="level3", element="procedure", text="Thủ tục có đơn giản, dễ hiểu?"
        ),
        "civil_servant": add(
            q, kind="scale5", element="civil_servant", text="Thái độ của công chức tiếp nhận?"
        ),
        "result": add(
            q, kind="scale5", element="result", text="Kết quả có đúng hẹn, đúng quy định?"
        ),
        "feedback": add(
            q,
            kind="level3",
            element="feedback",
            text="Việc tiếp nhận, xử lý góp ý, phản ánh?",
            required=False,
        ),
        "channel": add(
            q,
            kind="single",
            text="Anh/chị biết thủ tục qua đâu?",
            choices=["Cổng dịch vụ công", "Bộ phận một cửa", "Người quen"],
        ),
        "wishes": add(
            q,
            kind="multiple",
            text="Cần cải thiện điều gì?",
            choices=["Thời gian", "Phí, lệ phí", "Thái độ"],
            required=False,
        ),
        "comment": add(q, kind="text", text="Ý kiến khác", required=False),
    }
    questionnaire_publish(q, now=at(2025, 3, 1))
    q.refresh_from_db()
    return q, questions


def all_satisfied(questions) -> dict:
    return {
        questions["access"].pk: 5,
        questions["procedure"].pk: 3,
        questions["civil_servant"].pk: 4,
        questions["result"].pk: 4,
        questions["feedback"].pk: 2,
        questions["channel"].pk: 0,
    }


@pytest.fixture
def questionnaire(world):
    return build_questionnaire()


@pytest.fixture
def six_returned(world):
    """Six building permits returned in March 2025 (one stratum: construction × permit)."""
    return [returned(world, day=day) for day in (3, 4, 5, 6, 7, 10)]


@pytest.fixture
def campaign(world, questionnaire, six_returned, home_affairs_evaluator):
    q, _questions = questionnaire
    return campaign_open(
        data=CampaignInput(
            code="KS-2025-Q1",
            name="Khảo sát quý I năm 2025",
            period_start=date(2025, 3, 1),
            period_end=date(2025, 3, 31),
            questionnaire=q,
            agencies=[world.construction],
            margin=Decimal("0.3"),
            seed="quy-1-2025",
        ),
        actor=home_affairs_evaluator,
        now=at(2025, 4, 1),
    )


@pytest.fixture
def live_campaign(world, questionnaire, six_returned, home_affairs_evaluator):
    """The same campaign opened now, so that its tokens have not expired."""
    from django.utils import timezone

    q, _questions = questionnaire
    return campaign_open(
        data=CampaignInput(
            code="KS-MO",
            name="Khảo sát đang mở",
            period_start=date(2025, 3, 1),
            period_end=date(2025, 3, 31),
            questionnaire=q,
            agencies=[world.construction],
            margin=Decimal("0.3"),
            seed="dang-mo",
        ),
        actor=home_affairs_evaluator,
        now=timezone.now(),
    )
