"""GET /api/v1/serving-index: public, the figures of ``serving_index`` ordered by rank, in the
shape its OpenAPI document gives; a bad period is a 422 that names the parameter."""

from __future__ import annotations

import pytest

from tests.core.test_api_document import conforms

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serving_config")]

URL = "/api/v1/serving-index"
PATH = "/api/v1/serving-index"
SEPTEMBER = {"from": "2025-09-01", "to": "2025-09-30"}


@pytest.fixture
def document(client, world) -> dict:
    return client.get("/api/v1/openapi.json").json()


def test_every_agency_of_the_period_ordered_by_rank_without_signing_in(
    client, september, document, django_assert_num_queries
):
    # the eight queries of serving_index, nothing for the caller: no session, no token
    with django_assert_num_queries(8):
        response = client.get(URL, SEPTEMBER)
    assert response.status_code == 200
    conforms(document, PATH, "get", response)
    body = response.json()
    assert (body["from"], body["to"]) == ("2025-09-01", "2025-09-30")
    assert [(a["agency_code"], a["rank"], a["total"]) for a in body["agencies"]] == [
        (september.construction.code, 1, 68.49),
        (september.commune.code, 2, 23.53),
    ]
    construction = body["agencies"][0]
    assert construction["agency_name"] == "Sở Xây dựng"
    assert set(construction) == {
        "agency_code",
        "agency_name",
        "total",
        "rank",
        "groups",
        "indicators",
    }
    assert construction["groups"][3] == {
        "code": "TTTT",
        "name": "Thanh toán trực tuyến",
        "points": 4.0,
        "max": 10.0,
    }
    by_code = {i["code"]: i for i in construction["indicators"]}
    assert len(by_code) == 21
    assert by_code["TTTT1"] == {
        "code": "TTTT1",
        "group": "TTTT",
        "numerator": 1,
        "denominator": 3,
        "points": 0.83,
        "max": 2.0,
        "entered": False,
    }
    assert by_code["CKMB1"]["entered"] is True and by_code["CKMB1"]["points"] == 5.4
    # not entered: no value, does not apply
    assert (by_code["CKMB4"]["numerator"], by_code["CKMB4"]["points"]) == (None, None)


def test_the_body_of_a_period_is_cached_as_the_public_pages_are(
    client, september, django_assert_num_queries, settings
):
    first = client.get(URL, SEPTEMBER).json()
    with django_assert_num_queries(0):
        again = client.get(URL, SEPTEMBER)
    assert again.json() == first
    # another period or kind is its own entry; without a cache every call computes
    with django_assert_num_queries(8):
        client.get(URL, {**SEPTEMBER, "agency_kind": "department"})
    settings.CCHC_PUBLIC_CACHE_SECONDS = 0
    with django_assert_num_queries(8):
        client.get(URL, {**SEPTEMBER, "from": "2025-09-02"})
    with django_assert_num_queries(8):
        client.get(URL, {**SEPTEMBER, "from": "2025-09-02"})


def test_one_kind_of_agency_is_ranked_among_its_kind(client, september):
    body = client.get(URL, {**SEPTEMBER, "agency_kind": "commune"}).json()
    assert [(a["agency_code"], a["rank"]) for a in body["agencies"]] == [
        (september.commune.code, 1)
    ]


def test_a_period_without_dossiers_has_no_agencies(client, world, document):
    response = client.get(URL, {"from": "2025-01-01", "to": "2025-01-31"})
    assert response.status_code == 200 and response.json()["agencies"] == []
    conforms(document, PATH, "get", response)


@pytest.mark.parametrize(
    ("query", "param", "message"),
    [
        ({"from": "2025-09-30", "to": "2025-09-01"}, "to", "phải không sớm hơn ngày 'from'"),
        ({"from": "2024-01-01", "to": "2025-01-01"}, "to", "không được dài quá 366 ngày"),
        ({"from": "2025-09-01"}, "to", "bắt buộc phải có"),
        ({"from": "01/09/2025", "to": "2025-09-30"}, "from", "không phải ngày dạng YYYY-MM-DD"),
        ({"from": "1800-01-01", "to": "2025-01-31"}, "from", "năm phải từ 1900 đến 2100"),
        ({**SEPTEMBER, "agency_kind": "district"}, "agency_kind", "không thuộc các giá trị"),
    ],
)
def test_a_bad_period_or_kind_is_a_422_naming_the_parameter(
    client, world, document, query, param, message
):
    response = client.get(URL, query)
    assert response.status_code == 422
    conforms(document, PATH, "get", response)
    error = response.json()["errors"][0]
    assert error["param"] == param and message in error["message"]


def test_a_whole_leap_year_is_one_period(client, world):
    assert client.get(URL, {"from": "2024-01-01", "to": "2024-12-31"}).status_code == 200


def test_only_get_is_answered(client, world):
    response = client.post(URL, {}, content_type="application/json")
    assert response.status_code == 405 and response["Allow"] == "GET"
