"""GET /api/v1/surveys/{campaign_code}/results: the hand-worked indexes and intervals for Home
Affairs' token, 403 for every other role (before the code is looked up), 404 for an unknown
campaign, 401 without a token."""

from __future__ import annotations

import pytest

from cchc.org.models import ApiToken
from tests.core.test_api_document import conforms
from tests.surveys.test_staff_views import three_answers

pytestmark = pytest.mark.django_db


def get(client, user, code):
    headers = {}
    if user is not None:
        _, raw = ApiToken.issue(user, name="khao-sat")
        headers["Authorization"] = f"Bearer {raw}"
    return client.get(f"/api/v1/surveys/{code}/results", headers=headers)


def test_home_affairs_reads_the_indexes_and_intervals_worked_out_by_hand(
    client, campaign, questionnaire, home_affairs_evaluator, world
):
    three_answers(campaign, questionnaire[1], home_affairs_evaluator)
    answer = get(client, home_affairs_evaluator, campaign.code)
    assert answer.status_code == 200
    body = answer.json()
    assert (body["code"], body["status"], body["margin"]) == (campaign.code, "open", 0.3)
    assert (body["period_start"], body["period_end"]) == ("2025-03-01", "2025-03-31")
    overall = body["overall"]
    assert overall["answers"] == 14
    assert overall["index"] == pytest.approx(0.6333, abs=1e-4)
    assert overall["interval"]["low"] == pytest.approx(0.1851, abs=1e-4)
    assert overall["interval"]["high"] == pytest.approx(0.9319, abs=1e-4)
    access, *_, feedback = overall["elements"]
    assert (access["element"], access["name"], access["answers"], access["satisfied"]) == (
        "access",
        "Tiếp cận dịch vụ",
        3,
        2,
    )
    assert access["interval"]["low"] == pytest.approx(0.2077, abs=1e-4)
    assert (feedback["element"], feedback["answers"], feedback["satisfied"]) == ("feedback", 2, 1)
    (agency,) = body["agencies"]
    assert agency["agency_code"] == world.construction.code and agency["index"] == overall["index"]
    document = client.get("/api/v1/openapi.json").json()
    conforms(document, "/api/v1/surveys/{campaign_code}/results", "get", answer)
    (service,) = body["services"]
    assert (service["procedure_code"], service["population"], service["target"]) == (
        world.building_permit.code,
        6,
        4,
    )


def test_a_campaign_without_answers_has_null_indexes(client, campaign, home_affairs_evaluator):
    answer = get(client, home_affairs_evaluator, campaign.code)
    document = client.get("/api/v1/openapi.json").json()
    conforms(document, "/api/v1/surveys/{campaign_code}/results", "get", answer)
    body = answer.json()
    assert (body["overall"]["index"], body["overall"]["interval"]) == (None, None)
    assert {e["index"] for e in body["overall"]["elements"]} == {None}


@pytest.mark.parametrize(
    "persona", ["counter_officer", "specialist", "leader", "reform_officer", "citizen"]
)
def test_every_other_role_gets_403_whether_or_not_the_campaign_exists(
    client, campaign, world, persona
):
    user = getattr(world, persona)
    for code in (campaign.code, "KHONG-CO"):
        answer = get(client, user, code)
        assert answer.status_code == 403
        assert set(answer.json()) == {"detail", "allowed_actions"}
    document = client.get("/api/v1/openapi.json").json()
    conforms(document, "/api/v1/surveys/{campaign_code}/results", "get", answer)


def test_an_unknown_campaign_is_404_and_no_token_is_401(client, home_affairs_evaluator, world):
    assert get(client, home_affairs_evaluator, "KHONG-CO").status_code == 404
    assert get(client, None, "KHONG-CO").status_code == 401
