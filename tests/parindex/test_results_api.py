"""GET /api/v1/parindex/{year}/{unit_kind}/ranking: public, the published ranking ordered by
rank in the shape of issue 12 §7 and of its OpenAPI document; a year or kind with nothing
published is a 404, a kind or year the API does not know a 422 that names the parameter."""

from __future__ import annotations

import pytest

from tests.core.test_api_document import conforms
from tests.parindex.conftest_results import department, framework_of, publish, publish_two_years

pytestmark = pytest.mark.django_db

PATH = "/api/v1/parindex/{year}/{unit_kind}/ranking"


@pytest.fixture
def document(client, world) -> dict:
    return client.get("/api/v1/openapi.json").json()


@pytest.fixture
def two_years(world):
    return publish_two_years(world)


def test_the_published_ranking_ordered_by_rank_without_signing_in(
    client, world, two_years, document, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/parindex/2025/department/ranking")
    assert response.status_code == 200
    conforms(document, PATH, "get", response)
    body = response.json()
    assert [(r["agency_code"], r["rank"], r["total"], r["rank_change"]) for r in body] == [
        (world.construction.code, 1, 82.0, 1),
        ("000.00.07.H98", 1, 82.0, 2),
        (world.justice.code, 3, 60.0, -2),
        ("000.00.09.H98", 4, 47.5, None),
    ]
    construction = body[0]
    assert construction == {
        "agency_code": world.construction.code,
        "agency_name": "Sở Xây dựng",
        "total": 82.0,
        "max": 100.0,
        "percent": 82.0,
        "rank": 1,
        "rank_change": 1,
        "classification": "Tốt",
        "components": [
            {
                "field_code": "I",
                "field_name": "Công tác chỉ đạo, điều hành CCHC",
                "points": 60.0,
                "max": 70.0,
                "percent": 85.71,
            },
            {
                "field_code": "II",
                "field_name": "Cải cách thủ tục hành chính",
                "points": 22.0,
                "max": 30.0,
                "percent": 73.33,
            },
        ],
        "eligible_for_emulation": True,
    }


def test_units_with_equal_totals_share_a_rank_and_one_field_under_half_is_not_eligible(
    client, world, two_years
):
    body = client.get("/api/v1/parindex/2025/department/ranking").json()
    finance = next(r for r in body if r["agency_code"] == "000.00.07.H98")
    construction = next(r for r in body if r["agency_code"] == world.construction.code)
    assert finance["total"] == construction["total"] == 82.0
    assert finance["rank"] == construction["rank"] == 1
    assert [c["percent"] for c in finance["components"]] == [100.0, 40.0]
    assert finance["eligible_for_emulation"] is False
    assert finance["classification"] == "Tốt"


def test_the_classification_is_the_name_the_framework_configures(client, world):
    framework = framework_of(2025)
    framework.bands = [[60, "Hoàn thành tốt"], [0, "Chưa hoàn thành"]]
    framework.save()
    publish(framework, {world.justice: {"1.1": 40, "1.2": 30, "2.1": 20, "2.2": 10}})
    body = client.get("/api/v1/parindex/2025/department/ranking").json()
    assert body[0]["classification"] == "Hoàn thành tốt"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/parindex/2023/department/ranking",  # no framework that year
        "/api/v1/parindex/2025/commune/ranking",  # no commune framework
    ],
)
def test_a_year_or_kind_without_a_published_ranking_is_a_404(client, two_years, document, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}
    conforms(document, PATH, "get", response)


def test_a_framework_not_yet_published_is_a_404(client, world):
    framework_of(2026)
    assert client.get("/api/v1/parindex/2026/department/ranking").status_code == 404


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/v1/parindex/2025/division/ranking", "unit_kind"),
        ("/api/v1/parindex/1999/department/ranking", "year"),
        ("/api/v1/parindex/nam/department/ranking", "year"),
    ],
)
def test_a_kind_or_year_the_api_does_not_know_is_a_422_naming_it(
    client, world, document, url, param
):
    response = client.get(url)
    assert response.status_code == 422
    assert [e["param"] for e in response.json()["errors"]] == [param]
    conforms(document, PATH, "get", response)


def test_a_unit_formed_by_a_merger_is_compared_with_its_predecessors_best_rank(client, world):
    old_one = department("000.00.11.H98", "Sở Kế hoạch và Đầu tư (cũ)")
    old_two = department("000.00.12.H98", "Sở Tài chính (cũ)")
    publish(
        framework_of(2024),
        {
            world.justice: {"1.1": 40, "1.2": 30, "2.1": 20, "2.2": 10},
            old_one: {"1.1": 30, "1.2": 30, "2.1": 20, "2.2": 10},
            old_two: {"1.1": 20, "1.2": 30, "2.1": 20, "2.2": 10},
        },
    )
    merged = department("000.00.13.H98", "Sở Tài chính")
    for old in (old_one, old_two):
        old.merged_into = merged
        old.save()
    publish(
        framework_of(2025),
        {
            merged: {"1.1": 40, "1.2": 30, "2.1": 20, "2.2": 10},
            world.justice: {"1.1": 30, "1.2": 30, "2.1": 20, "2.2": 10},
        },
    )
    body = client.get("/api/v1/parindex/2025/department/ranking").json()
    assert [(r["agency_code"], r["rank"], r["rank_change"]) for r in body] == [
        ("000.00.13.H98", 1, 1),  # Kế hoạch và Đầu tư was 2nd, Tài chính 3rd: compared with 2nd
        (world.justice.code, 2, -1),
    ]
