"""The appraisal through the pages (issue 12, Build 3): the leader submits; Home Affairs
accepts, adjusts and asks for a clarification criterion by criterion; the unit answers and
resubmits; the appraisal is completed, the council confirms (or sends back), Home Affairs
publishes, a correction reopens with a reason; the history shows every step. Only the forms
the services allow are shown, and a refusal comes back by its field."""

# The fixtures of conftest_assessment are imported by name, so pytest finds them: each test that
# takes one as an argument "redefines" the import.
# ruff: noqa: F811

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from cchc.parindex import services
from cchc.parindex.assessment_pages import actions
from cchc.parindex.assessment_pages import forms as page_forms
from cchc.parindex.models import Assessment, Score
from tests.parindex.conftest_assessment import (  # noqa: F401
    KIND,
    YEAR,
    assessment,
    council_member,
    fill,
    framework,
)
from tests.parindex.test_assessment_views import (
    act,
    assessment_act,
    criterion_url,
    page_url,
    self_score,
)
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db
S = Assessment.Status


@pytest.fixture
def submitted(assessment, reform_officer, leader):
    fill(assessment, reform_officer)
    services.assessment_submit(assessment, actor=leader)
    return assessment


def review(client, a, code, decision, points="", comment=""):
    return client.post(
        act(a, code, "tham-dinh"),
        {
            "tham-dinh-decision": decision,
            "tham-dinh-points": points,
            "tham-dinh-comment": comment,
        },
    )


def status(a: Assessment) -> str:
    a.refresh_from_db()
    return a.status


def test_only_the_forms_the_services_allow_are_shown(
    client, assessment, reform_officer, leader, home_affairs_evaluator
):
    client.force_login(reform_officer)
    page = client.get(page_url(assessment)).content.decode()
    assert assessment_act(assessment, "gui") not in page
    client.force_login(leader)
    page = client.get(page_url(assessment)).content.decode()
    assert assessment_act(assessment, "gui") in page
    client.force_login(home_affairs_evaluator)
    page = client.get(criterion_url(assessment, "1.2")).content.decode()
    assert act(assessment, "1.2", "tham-dinh") not in page  # nothing to review yet
    refused = review(client, assessment, "1.2", "accept")
    assert refused.status_code == 400
    assert str(actions.MSG_NOT_NOW) in refused.content.decode()


def test_the_leader_submits_from_the_assessment_page(client, assessment, reform_officer, leader):
    fill(assessment, reform_officer)
    client.force_login(leader)
    response = client.post(assessment_act(assessment, "gui"))
    assert response.status_code == 302
    assert status(assessment) == S.SUBMITTED


def test_an_adjustment_needs_points_within_the_maximum(client, submitted, home_affairs_evaluator):
    client.force_login(home_affairs_evaluator)
    for points in ("", "5", "-1"):
        response = review(client, submitted, "1.1.a", "adjust", points, "Kế hoạch ban hành muộn")
        assert response.status_code == 400, points
        form = response.context["cards"][0]["form"]
        assert form.errors.get("points") or form.non_field_errors(), form.errors
    assert self_score(submitted, "1.1.a").review == Score.Review.PENDING
    bad = review(client, submitted, "1.1.a", "maybe")
    assert bad.status_code == 400
    assert str(page_forms.MSG_CHOICE) in bad.content.decode()


def test_home_affairs_appraises_with_an_adjustment_and_a_clarification_round(
    client, submitted, reform_officer, leader, home_affairs_evaluator, council_member
):
    client.force_login(home_affairs_evaluator)
    assert review(client, submitted, "1.1.a", "accept").status_code == 302
    adjusted = review(client, submitted, "1.1.b", "adjust", "1", "Chưa hoàn thành 2 nhiệm vụ")
    assert adjusted.status_code == 302
    asked = review(client, submitted, "1.2", "clarify", comment="Bổ sung báo cáo quý IV")
    assert asked.status_code == 302
    score = self_score(submitted, "1.1.b")
    assert (score.review, score.appraised_points) == (Score.Review.ADJUSTED, Decimal("1"))
    response = client.post(
        assessment_act(submitted, "yeu-cau-giai-trinh"),
        {"yeu-cau-giai-trinh-note": "Giải trình tiêu chí 1.2"},
    )
    assert response.status_code == 302
    assert status(submitted) == S.CLARIFICATION

    # The unit sees what to clarify, answers, and its leader sends it back.
    client.force_login(reform_officer)
    page = client.get(page_url(submitted)).content.decode()
    assert 'data-testid="clarification-list"' in page and "Bổ sung báo cáo quý IV" in page
    answered = client.post(
        act(submitted, "1.2", "giai-trinh"), {"giai-trinh-answer": "Đã bổ sung báo cáo quý IV"}
    )
    assert answered.status_code == 302
    assert self_score(submitted, "1.2").clarification_answer == "Đã bổ sung báo cáo quý IV"
    client.force_login(leader)
    assert client.post(assessment_act(submitted, "gui")).status_code == 302
    assert status(submitted) == S.SUBMITTED

    client.force_login(home_affairs_evaluator)
    assert review(client, submitted, "1.2", "accept").status_code == 302
    assert review(client, submitted, "2.2", "adjust", "3", "Đã kiểm tra").status_code == 302
    live = review(client, submitted, "2.1", "accept")  # the platform's points: nothing to review
    assert live.status_code == 400
    assert str(actions.MSG_NOT_NOW) in live.content.decode()
    assert client.post(assessment_act(submitted, "hoan-thanh-tham-dinh")).status_code == 302
    assert status(submitted) == S.APPRAISED

    client.force_login(council_member)
    worklist = client.get(reverse("parindex:assessments")).content.decode()
    assert page_url(submitted) in worklist
    empty_send_back = client.post(assessment_act(submitted, "tra-lai"), {"tra-lai-note": " "})
    assert empty_send_back.status_code == 400
    assert str(page_forms.MSG_REASON) in empty_send_back.content.decode()
    assert client.post(assessment_act(submitted, "xac-nhan")).status_code == 302
    assert status(submitted) == S.FINALISED

    client.force_login(home_affairs_evaluator)
    publish = reverse("parindex:publish", args=[YEAR, KIND])
    assert (
        publish in client.get(reverse("parindex:assessments") + "?tab=cho-cong-bo").content.decode()
    )
    assert submitted.agency.name in client.get(publish).content.decode()
    assert client.post(publish).status_code == 302
    assert status(submitted) == S.PUBLISHED
    page = client.get(page_url(submitted)).content.decode()
    assert 'data-testid="points-1.1.b">1<' in page

    history = client.get(
        reverse("parindex:assessment_history", args=[YEAR, KIND, submitted.agency.code])
    ).content.decode()
    for label in ("Gửi kết quả tự đánh giá", "Yêu cầu giải trình", "Hội đồng xác nhận"):
        assert label in history


def test_a_published_result_reopens_only_with_a_reason(
    client, submitted, home_affairs_evaluator, council_member
):
    for code in ("1.1.a", "1.1.b", "1.2"):
        services.score_review(submitted, code, actor=home_affairs_evaluator, decision="accept")
    services.score_review(
        submitted,
        "2.2",
        actor=home_affairs_evaluator,
        decision="adjust",
        points=Decimal(2),
        comment="Thiếu kiểm tra",
    )
    services.assessment_appraise(submitted, actor=home_affairs_evaluator)
    services.assessment_confirm(submitted, actor=council_member)
    services.framework_publish(submitted.framework, actor=home_affairs_evaluator)
    client.force_login(home_affairs_evaluator)
    refused = client.post(assessment_act(submitted, "mo-lai"), {"mo-lai-reason": ""})
    assert refused.status_code == 400
    assert str(page_forms.MSG_REASON) in refused.content.decode()
    assert status(submitted) == S.PUBLISHED
    reopened = client.post(
        assessment_act(submitted, "mo-lai"), {"mo-lai-reason": "Sai số liệu tiêu chí 2.2"}
    )
    assert reopened.status_code == 302
    assert status(submitted) != S.PUBLISHED
    assert submitted.events.filter(note__contains="Sai số liệu tiêu chí 2.2").exists()


def test_only_home_affairs_opens_the_publication_page(
    client, framework, reform_officer, admin_user
):
    client.force_login(reform_officer)
    assert client.get(reverse("parindex:publish", args=[YEAR, KIND])).status_code == 403
    assert client.get(reverse("parindex:publish", args=[YEAR, "moon"])).status_code == 403
    sign_in_verified(client, admin_user)  # the services let only Home Affairs publish
    assert client.get(reverse("parindex:publish", args=[YEAR, KIND])).status_code == 403
