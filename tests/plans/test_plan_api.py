"""GET /api/v1/plans/{year}?agency=<code>: an agency's plan and its tasks, scoped like the
dossiers."""

from datetime import date

import pytest

from cchc.org.models import ApiToken
from cchc.plans import services
from tests.plans.conftest_plans import appendix

pytestmark = pytest.mark.django_db

ROWS = [
    ["I", "CẢI CÁCH THỂ CHẾ"],
    [1, "Rà soát văn bản", "Báo cáo", "Sở Tư pháp", "Sở Xây dựng; Sở Tư pháp", "Quý IV", ""],
    [2, "Xây dựng kế hoạch", "Kế hoạch", "Sở Tư pháp", "", "30/6/2026", ""],
    [3, "Công khai thủ tục", "", "Các sở, ban, ngành", "", "Thường xuyên", ""],
]


def auth(user):
    _, raw = ApiToken.issue(user)
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def province_plan(world, home_affairs_evaluator):
    from cchc.plans.excel.importer import import_plan

    plan = services.plan_for(world.province, 2026, actor=home_affairs_evaluator)
    plan.number, plan.date = "4984/KH-UBND", date(2025, 12, 26)
    plan.save()
    assert import_plan(appendix(ROWS), plan, actor=home_affairs_evaluator).ok
    return plan


def test_home_affairs_reads_the_province_plan_whole(client, world, province_plan):
    answer = client.get(
        f"/api/v1/plans/2026?agency={world.province.code}",
        headers=auth(world.home_affairs_evaluator),
    )

    assert answer.status_code == 200
    body = answer.json()
    assert body["plan"] == {
        "number": "4984/KH-UBND",
        "date": "2025-12-26",
        "agency_code": world.province.code,
    }
    assert body["tasks"][0] == {
        "number": "1",
        "area": "institutions",
        "content": "Rà soát văn bản",
        "product": "Báo cáo",
        "lead_agency_code": world.justice.code,
        "coordinating_agency_codes": sorted([world.construction.code, world.justice.code]),
        "timing": "Quý IV",
        "due_date": "2026-12-31",
        "status": "not_started",
        "progress": 0,
    }
    assert [t["number"] for t in body["tasks"]] == ["1", "2", "3"]
    assert body["tasks"][2]["lead_agency_code"] is None
    assert body["tasks"][2]["due_date"] is None


def test_an_agency_sees_only_the_province_tasks_it_leads_coordinates_or_its_group_leads(
    client, world, province_plan
):
    answer = client.get(
        f"/api/v1/plans/2026?agency={world.province.code}", headers=auth(world.reform_officer)
    )

    assert answer.status_code == 200
    # 1: coordinates; 2: led by Justice alone; 3: led by "Các sở, ban, ngành".
    assert [t["number"] for t in answer.json()["tasks"]] == ["1", "3"]


def test_without_agency_the_callers_own_plan_is_answered(client, world, reform_officer):
    services.plan_for(world.construction, 2026)
    answer = client.get("/api/v1/plans/2026", headers=auth(reform_officer))

    assert answer.status_code == 200
    assert answer.json() == {
        "plan": {"number": "", "date": None, "agency_code": world.construction.code},
        "tasks": [],
    }


def test_no_plan_or_another_agencys_plan_is_a_json_404(client, world, reform_officer):
    services.plan_for(world.justice, 2026)
    for url in (
        "/api/v1/plans/2027",
        f"/api/v1/plans/2026?agency={world.justice.code}",
        "/api/v1/plans/2026?agency=NOPE",
    ):
        answer = client.get(url, headers=auth(reform_officer))
        assert answer.status_code == 404, url
        assert "detail" in answer.json()


def test_a_plan_needs_a_token_and_a_year_in_range(client, world, reform_officer):
    assert client.get("/api/v1/plans/2026").status_code == 401
    answer = client.get("/api/v1/plans/1999", headers=auth(reform_officer))
    assert answer.status_code == 422
