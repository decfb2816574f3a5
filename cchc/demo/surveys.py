"""Demo survey campaigns (issue 11 §5), made through the survey services: a finished campaign
of last year on the Department of Health's outpatient visits and the Department of
Construction's one-stop counter (declared populations, paper and phone answers, closed), and a
campaign open now on the building dossiers returned in the demo's last 75 days (sample drawn,
tokens issued, some answered online). Deterministic; run only when there is no campaign yet."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from cchc.org.models import Agency, User
from cchc.surveys.models import Campaign, Questionnaire
from cchc.surveys.services import (
    CampaignInput,
    campaign_close,
    campaign_open,
    question_add,
    questionnaire_create,
    questionnaire_publish,
    response_enter,
    response_submit,
    stratum_add_service,
)

HOME_AFFAIRS = "demo.homeaffairs"
# Five-point answers drawn with these weights (1 … 5): mostly satisfied, as SIPAS results are.
WEIGHTS = [1, 2, 3, 8, 6]


def _questionnaire() -> tuple[Questionnaire, dict[str, int]]:
    q = questionnaire_create(
        code="SIPAS", title="Phiếu khảo sát sự hài lòng (SIPAS)", service_type="Hành chính công"
    )
    ids = {}
    for element, text in [
        (
            "access",
            "Anh/chị đánh giá thế nào về việc tiếp cận dịch vụ (nơi làm thủ tục, trang thiết bị)?",
        ),
        ("procedure", "Thủ tục hành chính có được niêm yết công khai, đầy đủ, dễ hiểu?"),
        ("civil_servant", "Công chức có thái độ lịch sự, hướng dẫn tận tình, đầy đủ?"),
        ("result", "Kết quả có đúng hẹn, đúng quy định, thông tin chính xác?"),
        ("feedback", "Góp ý, phản ánh của anh/chị có được tiếp nhận và trả lời?"),
    ]:
        ids[element] = question_add(q, kind="scale5", element=element, text=text).pk
    ids["comment"] = question_add(
        q, kind="text", text="Anh/chị có đề xuất gì để cơ quan phục vụ tốt hơn?", required=False
    ).pk
    questionnaire_publish(q)
    q.refresh_from_db()
    return q, ids


def _answers(rng: random.Random, ids: dict[str, int]) -> dict[int, object]:
    answers: dict[int, object] = {
        pk: rng.choices(range(1, 6), WEIGHTS)[0] for key, pk in ids.items() if key != "comment"
    }
    if rng.random() < 0.2:
        answers[ids["comment"]] = "Đề nghị bố trí thêm chỗ ngồi chờ và hướng dẫn rõ hơn."
    return answers


def seed_surveys(department: Agency, *, actor: User | None = None) -> int:
    """The two demo campaigns; the number of responses recorded (0 when campaigns exist)."""
    if Campaign.objects.exists():
        return 0
    actor = actor or User.objects.get(username=HOME_AFFAIRS)
    rng = random.Random(20251)
    questionnaire, ids = _questionnaire()
    now = timezone.now()
    last_year = now.year - 1
    responses = 0

    finished = campaign_open(
        data=CampaignInput(
            code=f"SIPAS-{last_year}",
            name=f"Khảo sát sự hài lòng năm {last_year}",
            period_start=date(last_year, 1, 1),
            period_end=date(last_year, 12, 31),
            questionnaire=questionnaire,
            agencies=[department],
            margin=Decimal("0.1"),
            seed=f"sipas-{last_year}",
        ),
        actor=actor,
        now=now - timedelta(days=300),
    )
    health = Agency.objects.filter(name="Sở Y tế").first() or department
    for agency, service, population in [
        (health, "Khám bệnh ngoại trú", 400),
        (department, "Tiếp nhận, trả kết quả tại Bộ phận Một cửa", 120),
    ]:
        stratum = stratum_add_service(
            finished, agency=agency, service_name=service, population=population, actor=actor
        )
        for number in range(stratum.target):
            response_enter(
                campaign=finished,
                stratum=stratum,
                channel="paper" if number % 3 else "phone",
                answers=_answers(rng, ids),
                actor=actor,
                now=now - timedelta(days=250 - number),
            )
            responses += 1
    campaign_close(finished, actor=actor, now=now - timedelta(days=200))

    current = campaign_open(
        data=CampaignInput(
            code=f"SIPAS-{now.year}-DEMO",
            name=f"Khảo sát hồ sơ trả kết quả gần đây ({now.year})",
            period_start=(now - timedelta(days=90)).date(),
            period_end=now.date(),
            questionnaire=questionnaire,
            agencies=[department],
            margin=Decimal("0.1"),
            seed=f"sipas-{now.year}",
        ),
        actor=actor,
        now=now,
    )
    for token in current.tokens.order_by("pk")[::2]:
        response_submit(key=token.key, answers=_answers(rng, ids), now=now)
        responses += 1
    return responses
