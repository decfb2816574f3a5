"""The procedure catalogue: search, publishing rules, staff pages and API v1."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cchc.catalog.models import Procedure, ProcessStep
from cchc.catalog.selectors import procedure_list
from cchc.catalog.services import procedure_abolish, procedure_publish
from cchc.core.text import fold
from cchc.org.models import ApiToken
from tests.factories import ProcedureFactory, add_standard_steps
from tests.world import BUILDING_PERMIT

pytestmark = pytest.mark.django_db


def test_fold_strips_vietnamese_diacritics_and_case():
    assert fold("Cấp GIẤY phép  Xây dựng") == "cap giay phep xay dung"
    assert fold("Đăng ký kết hôn") == "dang ky ket hon"
    assert fold("ĐỒNG") == "dong"


@pytest.mark.parametrize(
    "query",
    [
        "cap giay phep xay dung",
        "CẤP GIẤY PHÉP XÂY DỰNG",
        "giay phep xay",
        "1.009794",
        "nha o rieng le",
    ],
)
def test_search_ignores_diacritics_and_case_on_this_database(world, query):
    codes = list(procedure_list(q=query).values_list("code", flat=True))
    assert BUILDING_PERMIT in codes


def test_search_needs_every_word(world):
    assert not procedure_list(q="giay phep khai sinh").exists()


def test_api_finds_the_building_permit_without_accents(client, world):
    response = client.get("/api/v1/procedures", {"q": "cap giay phep xay dung"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item == {
        "code": BUILDING_PERMIT,
        "name": "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        "field": "Xây dựng",
        "agency": "Sở Xây dựng",
        "processing_days": 15.0,
        "online_mode": "full",
        "fee_vnd": 75000,
    }
    assert body["next"] is None


def test_api_pages_with_a_next_link(client, world, settings):
    settings.CCHC_API_PAGE_SIZE = 1
    body = client.get("/api/v1/procedures").json()
    assert body["count"] == 2 and len(body["items"]) == 1
    assert body["next"].startswith("http://testserver/api/v1/procedures?")
    second = client.get(body["next"]).json()
    assert second["items"][0]["code"] != body["items"][0]["code"]
    assert second["next"] is None


def test_api_filters_by_field_and_agency(client, world):
    by_field = client.get("/api/v1/procedures", {"field": "HOTICH"}).json()
    assert [i["code"] for i in by_field["items"]] == ["1.001193"]
    by_agency = client.get("/api/v1/procedures", {"agency": world.commune.code}).json()
    assert [i["code"] for i in by_agency["items"]] == ["1.001193"]


@pytest.mark.parametrize(("params", "param"), [({"page": "0"}, "page"), ({"page": "hai"}, "page")])
def test_api_bad_list_input_is_422(client, world, params, param):
    response = client.get("/api/v1/procedures", params)
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == param


def test_api_procedure_detail_has_documents_steps_and_versions(client, world):
    body = client.get(f"/api/v1/procedures/{BUILDING_PERMIT}").json()
    assert body["status"] == "published"
    assert body["documents"][0]["name"] == "Đơn đề nghị theo mẫu"
    assert [s["order"] for s in body["steps"]] == [1, 2, 3, 4]
    assert sum(s["budget_hours"] for s in body["steps"]) == 15 * 8
    assert body["versions"][0]["decision_number"] == "123/QĐ-UBND"
    assert body["legal_bases"] == ["Luật Xây dựng số 50/2014/QH13"]


def test_drafts_are_hidden_from_the_public_but_not_from_staff_tokens(client, world, specialist):
    draft = ProcedureFactory(name="Thủ tục đang dự thảo")
    assert client.get(f"/api/v1/procedures/{draft.code}").status_code == 404
    _, raw = ApiToken.issue(specialist)
    response = client.get(
        f"/api/v1/procedures/{draft.code}", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "draft"


def test_publishing_requires_steps_that_fit_the_legal_time(world):
    procedure = ProcedureFactory(processing_time=Decimal(1))
    with pytest.raises(ValidationError) as error:
        procedure_publish(
            actor=None, procedure=procedure, decision_number="1/QĐ", decision_date=None
        )
    assert "chưa có quy trình nội bộ" in str(error.value)
    ProcessStep.objects.create(
        procedure=procedure, order=1, name="Thẩm định", role="specialist", budget_hours=Decimal(9)
    )
    with pytest.raises(ValidationError) as error:
        procedure_publish(
            actor=None, procedure=procedure, decision_number="1/QĐ", decision_date=None
        )
    assert "vượt thời hạn giải quyết (8 giờ)" in str(error.value)
    procedure.refresh_from_db()
    assert procedure.status == Procedure.Status.DRAFT and procedure.versions.count() == 0


def test_amending_keeps_every_version(world):
    procedure = ProcedureFactory(processing_time=Decimal(10))
    add_standard_steps(procedure)
    first = procedure_publish(
        actor=None, procedure=procedure, decision_number="1/QĐ", decision_date=date(2025, 1, 2)
    )
    procedure.processing_time = Decimal(12)
    procedure.save()
    second = procedure_publish(
        actor=None, procedure=procedure, decision_number="2/QĐ", decision_date=date(2025, 3, 2)
    )
    first.refresh_from_db()
    procedure.refresh_from_db()
    assert (first.number, first.status, first.snapshot["processing_time"]) == (
        1,
        "amended",
        "10.00",
    )
    assert (second.number, second.status, second.snapshot["processing_time"]) == (
        2,
        "amended",
        "12.00",
    )
    assert procedure.status == Procedure.Status.AMENDED and procedure.is_in_force
    abolished = procedure_abolish(
        actor=None, procedure=procedure, decision_number="3/QĐ", decision_date=None
    )
    procedure.refresh_from_db()
    assert abolished.number == 3 and procedure.status == "abolished" and not procedure.is_in_force
    with pytest.raises(ValidationError):
        procedure_publish(
            actor=None, procedure=procedure, decision_number="4/QĐ", decision_date=None
        )


def test_staff_catalogue_page_searches_without_accents(
    client, world, specialist, django_assert_max_num_queries
):
    client.force_login(specialist)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("catalog:procedure_list"), {"q": "cap giay phep xay dung"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ" in page
    assert "75.000 đ" in page
    assert "Đăng ký khai sinh" not in page


def test_staff_catalogue_list_query_count_does_not_grow_with_rows(
    client, world, specialist, django_assert_max_num_queries
):
    for _ in range(30):
        procedure = ProcedureFactory()
        add_standard_steps(procedure)
    client.force_login(specialist)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("catalog:procedure_list"))
    assert response.status_code == 200
    assert "Trang sau" in response.content.decode()


def test_htmx_search_returns_only_the_rows(client, world, specialist):
    client.force_login(specialist)
    response = client.get(
        reverse("catalog:procedure_list"), {"q": "khai sinh"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "<html" not in page and "Đăng ký khai sinh" in page


def test_procedure_page_shows_dates_as_dd_mm_yyyy(
    client, world, specialist, django_assert_max_num_queries
):
    client.force_login(specialist)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("catalog:procedure_detail", args=[BUILDING_PERMIT]))
    page = response.content.decode()
    assert "15/07/2025" in page and "123/QĐ-UBND" in page and "15 ngày làm việc" in page


def test_catalogue_pages_are_for_staff(client, world, citizen):
    assert client.get(reverse("catalog:procedure_list")).status_code == 302
    client.force_login(citizen)
    assert client.get(reverse("catalog:procedure_list")).status_code == 403


def test_unknown_procedure_is_404(client, world, specialist):
    client.force_login(specialist)
    assert client.get(reverse("catalog:procedure_detail", args=["9.999999"])).status_code == 404
    assert client.get("/api/v1/procedures/9.999999").status_code == 404
