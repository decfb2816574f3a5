"""The portal's public pages: the catalogue (browse, unaccented search, only procedures in
force), a procedure's page (printable), and the dossier lookup page with the public API's
rules (same answer for a wrong code and a wrong phone, no personal data, rate-limited)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from cchc.catalog.models import Procedure
from cchc.dossiers import printing
from cchc.dossiers import rating_links as links
from cchc.dossiers.services import (
    dossier_apologize,
    dossier_approve,
    dossier_forward,
)
from cchc.portal.public.lookup import _retry_text
from cchc.satisfaction.services import rating_submit
from tests.dossiers.helpers import APPLICANT, at, receive
from tests.factories import AgencyFactory, FieldFactory, ProcedureFactory

pytestmark = pytest.mark.django_db

CATALOG = "/dich-vu-cong/thu-tuc/"
LOOKUP = "/dich-vu-cong/tra-cuu/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def text(response) -> str:
    return response.content.decode()


def answer_region(response) -> str:
    """The lookup's answer (what changes with the outcome), without the echoed form."""
    match = re.search(
        r'<div aria-live="polite" id="lookup-answer">(.*?)</div>\s*<form', text(response), re.S
    )
    assert match, text(response)
    return match.group(1)


# --- URLs -----------------------------------------------------------------------------------


def test_portal_urls_and_the_receipt_address():
    assert reverse("portal:home") == "/dich-vu-cong/"
    assert reverse("portal:catalog") == CATALOG
    assert reverse("portal:procedure", args=["1.009794"]) == CATALOG + "1.009794/"
    assert reverse("portal:lookup") == LOOKUP
    assert reverse("public_lookup") == "/tra-cuu/"


# --- home and catalogue ---------------------------------------------------------------------


def test_home_has_search_fields_with_counts_and_links(client, world):
    html = text(client.get("/dich-vu-cong/"))
    assert 'action="/dich-vu-cong/thu-tuc/"' in html and 'name="q"' in html
    assert "Xây dựng" in html and "Hộ tịch" in html and "1 thủ tục" in html
    assert 'href="/dich-vu-cong/tra-cuu/"' in html
    assert "Nộp hồ sơ trực tuyến" in html and "Đăng nhập" in html


def names(response) -> set[str]:
    html = text(response)
    return {
        n
        for n in ("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Đăng ký khai sinh")
        if n in html
    }


BUILDING = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"
BIRTH = "Đăng ký khai sinh"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {BUILDING, BIRTH}),
        ("?q=cap+giay+phep+xay+dung", {BUILDING}),
        ("?q=DANG+KY+KHAI+SINH", {BIRTH}),
        ("?q=đăng+ký+khai+sinh", {BIRTH}),
        ("?q=1.001193", {BIRTH}),
        ("?field=HOTICH", {BIRTH}),
        ("?field=XAYDUNG", {BUILDING}),
        ("?agency=000.00.05.H98", {BUILDING}),
        ("?agency=000.10.01.H98", {BIRTH}),
        ("?level=commune", {BIRTH}),
        ("?level=province", {BUILDING}),
        ("?level=district", set()),
        ("?online=full", {BUILDING, BIRTH}),
        ("?online=partial", set()),
        ("?online=any", {BUILDING, BIRTH}),
        ("?q=khong+co+thu+tuc+nay", set()),
    ],
)
def test_catalogue_browses_by_field_agency_level_and_unaccented_search(
    client, world, query, expected
):
    response = client.get(CATALOG + query)
    assert response.status_code == 200
    assert names(response) == expected


def test_catalogue_shows_only_procedures_in_force(client, world):
    field = FieldFactory(code="TEST", name="Lĩnh vực thử")
    ProcedureFactory(code="2.900001", name="Thủ tục dự thảo", field=field)
    abolished = ProcedureFactory(code="2.900002", name="Thủ tục đã bãi bỏ", field=field)
    Procedure.objects.filter(pk=abolished.pk).update(status=Procedure.Status.ABOLISHED)
    html = text(client.get(CATALOG + "?q=thu+tuc"))
    assert "Thủ tục dự thảo" not in html and "Thủ tục đã bãi bỏ" not in html
    assert "Lĩnh vực thử" not in text(client.get(CATALOG))  # a field with nothing in force


def test_catalogue_lists_current_agencies_only(client, world):
    ended = AgencyFactory(code="000.20.01.H98", name="UBND huyện Cũ", valid_to=date(2025, 6, 30))
    world.birth_registration.receiving_agencies.add(ended)
    html = text(client.get(CATALOG))
    assert "Sở Xây dựng" in html and "Ủy ban nhân dân phường Tân An" in html
    assert "UBND huyện Cũ" not in html
    assert "Sở Tư pháp" not in html  # neither receives nor decides a procedure in force


def test_catalogue_pages_by_code(client, world, settings):
    field = FieldFactory(code="NHIEU", name="Nhiều thủ tục")
    for n in range(25):
        ProcedureFactory(
            code=f"2.{800000 + n:06d}", name=f"Thủ tục số {n}", field=field, status="published"
        )
    first = text(client.get(CATALOG + "?field=NHIEU"))
    assert "Thủ tục số 0<" in first and "Thủ tục số 19<" in first and "Thủ tục số 20<" not in first
    assert "after=2.800019" in first
    second = text(client.get(CATALOG + "?field=NHIEU&after=2.800019"))
    assert "Thủ tục số 20<" in second and "Thủ tục số 24<" in second
    assert "Thủ tục số 19<" not in second and "Trang sau" not in second


def test_any_online_mode_leaves_out_procedures_without_one(client, world):
    Procedure.objects.filter(pk=world.birth_registration.pk).update(online_mode="none")
    Procedure.objects.filter(pk=world.building_permit.pk).update(online_mode="partial")
    assert names(client.get(CATALOG + "?online=any")) == {BUILDING}
    assert names(client.get(CATALOG + "?online=none")) == {BIRTH}
    assert 'href="/dich-vu-cong/thu-tuc/?online=any"' in text(client.get("/dich-vu-cong/"))


def test_catalogue_live_search_answers_the_results_only(client, world):
    response = client.get(CATALOG + "?q=khai+sinh", headers={"HX-Request": "true"})
    html = text(response)
    assert BIRTH in html and "<html" not in html and BUILDING not in html


def test_catalogue_queries_are_bounded(client, world, django_assert_max_num_queries):
    field = FieldFactory(code="NHIEU", name="Nhiều thủ tục")
    for n in range(30):
        ProcedureFactory(code=f"2.{800000 + n:06d}", field=field, status="published")
    with django_assert_max_num_queries(5):
        assert client.get(CATALOG).status_code == 200
    with django_assert_max_num_queries(5):
        assert client.get(CATALOG + "?q=thu+tuc&level=province&online=partial").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/dich-vu-cong/").status_code == 200


def test_catalogue_survives_odd_input(client, world):
    for query in ("?level=<script>", "?online=x" * 50, "?after=zzz", "?field=" + "x" * 500):
        assert client.get(CATALOG + query).status_code == 200


# --- procedure page -------------------------------------------------------------------------


def test_procedure_page_has_everything_a_citizen_needs(client, world):
    world.construction.address = "Số 1 đường Trần Hưng Đạo, phường Tân An"
    world.construction.save()
    response = client.get(CATALOG + "1.009794/")
    assert response.status_code == 200
    html = text(response)
    for fragment in (
        BUILDING,
        "1.009794",
        "15 ngày làm việc",
        "75.000 đ",
        "Luật Xây dựng số 50/2014/QH13",
        "Đơn đề nghị theo mẫu",
        "Sở Xây dựng</strong>, Số 1 đường Trần Hưng Đạo, phường Tân An",
        "Trực tuyến toàn trình",
        "bưu chính",
        "Giấy phép xây dựng",
        "123/QĐ-UBND",
        "15/07/2025",
    ):
        assert fragment in html, fragment


def test_procedure_page_shows_the_cutoff_and_hours(client, world):
    from datetime import time

    p = world.birth_registration
    Procedure.objects.filter(pk=p.pk).update(
        cutoff_time=time(16, 0), processing_unit="working_hours", processing_time=8
    )
    html = text(client.get(CATALOG + p.code + "/"))
    assert "8 giờ làm việc" in html and "Hồ sơ nhận sau 16:00" in html


def test_apply_button_only_when_the_apply_page_exists(client, world):
    html = text(client.get(CATALOG + "1.009794/"))
    try:
        url = reverse("portal:apply", args=["1.009794"])
    except NoReverseMatch:
        assert "Nộp hồ sơ trực tuyến" not in html
    else:
        assert f'href="{url}"' in html and "Nộp hồ sơ trực tuyến" in html


def test_no_apply_button_for_a_procedure_without_online_mode(client, world):
    Procedure.objects.filter(pk=world.building_permit.pk).update(online_mode="none")
    html = text(client.get(CATALOG + "1.009794/"))
    assert "Nộp hồ sơ trực tuyến" not in html and "Không trực tuyến" in html


@pytest.mark.parametrize("status", ["draft", "abolished"])
def test_a_procedure_not_in_force_is_404(client, world, status):
    Procedure.objects.filter(pk=world.building_permit.pk).update(status=status)
    assert client.get(CATALOG + "1.009794/").status_code == 404


def test_an_unknown_procedure_is_404(client, world):
    assert client.get(CATALOG + "9.999999/").status_code == 404
    assert client.get(CATALOG + "x" * 300 + "/").status_code == 404


def test_procedure_page_is_printable(client, world):
    html = text(client.get(CATALOG + "1.009794/"))
    assert re.search(r'<link rel="stylesheet" href="/static/css/portal\.css', html)
    assert "data-print" in html and "no-print" in html
    css = (Path(django_settings.BASE_DIR) / "cchc/static/css/portal.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert "header" in print_rules and "form" in print_rules and ".no-print" in print_rules


def test_procedure_page_queries_are_bounded(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        assert client.get(CATALOG + "1.009794/").status_code == 200


def test_procedure_page_only_answers_get(client, world):
    assert client.post(CATALOG + "1.009794/").status_code == 405


# --- lookup ---------------------------------------------------------------------------------


@pytest.fixture
def dossier(world):
    return receive(world, now=at(2025, 3, 3))


def test_lookup_form_prefills_the_code_from_the_receipt_address(client, world):
    response = client.get("/tra-cuu/?ma=000.00.05.H98-250303-0001")
    assert response.status_code == 200
    html = text(response)
    assert 'value="000.00.05.H98-250303-0001"' in html
    assert "Số điện thoại người nộp" in html


def test_lookup_with_the_right_phone_shows_status_and_dates_without_personal_data(client, dossier):
    response = client.post(LOOKUP, {"code": dossier.code, "phone": "0987 654 321"})
    assert response.status_code == 200
    html = answer_region(response)
    assert "Mới tiếp nhận" in html
    assert "đang được chuyển đến bộ phận giải quyết" in html
    assert "1.009794 — Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ" in html
    assert "09:00 03/03/2025" in html and "09:00 24/03/2025" in html
    page = text(response)
    for personal in (APPLICANT.full_name, APPLICANT.email, APPLICANT.address, APPLICANT.id_number):
        assert personal not in page
    assert "rating-link" not in html  # no result yet


def test_wrong_code_and_wrong_phone_get_the_same_answer(client, dossier):
    wrong_phone = client.post(LOOKUP, {"code": dossier.code, "phone": "0900000000"})
    wrong_code = client.post(LOOKUP, {"code": "000.00.05.H98-250303-9999", "phone": "0987654321"})
    assert wrong_phone.status_code == wrong_code.status_code == 404
    assert answer_region(wrong_phone) == answer_region(wrong_code)
    assert "Không tìm thấy hồ sơ có mã và số điện thoại này." in answer_region(wrong_code)
    assert "Mới tiếp nhận" not in text(wrong_phone)


def test_the_root_address_works_like_the_portal_page(client, dossier):
    response = client.post("/tra-cuu/", {"code": dossier.code, "phone": "0987654321"})
    assert response.status_code == 200 and "Mới tiếp nhận" in text(response)


def test_empty_fields_are_clear_errors_without_a_lookup(client, dossier):
    response = client.post(LOOKUP, {"code": "", "phone": ""})
    assert response.status_code == 422
    html = text(response)
    assert "Nhập mã hồ sơ ghi trên giấy hẹn." in html
    assert "Nhập số điện thoại đã khai khi nộp hồ sơ." in html


def test_too_many_lookups_get_a_429_page_with_the_wait(client, dossier, settings):
    settings.CCHC_PUBLIC_LOOKUP_LIMIT = 2
    settings.CCHC_PUBLIC_LOOKUP_WINDOW = 60
    for _ in range(2):
        client.post(LOOKUP, {"code": dossier.code, "phone": "0900000000"})
    response = client.post(LOOKUP, {"code": dossier.code, "phone": "0987654321"})
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60
    html = text(response)
    assert "Bạn tra cứu quá nhiều lần" in html
    assert re.search(r"thử lại sau (\d+ giây|1 phút)", html)
    assert "Mới tiếp nhận" not in html


def test_the_page_and_the_api_share_one_rate_limit(client, dossier, settings):
    settings.CCHC_PUBLIC_LOOKUP_LIMIT = 1
    api = client.get(f"/api/v1/public/dossiers/{dossier.code}", {"phone": "0987654321"})
    assert api.status_code == 200
    assert client.post(LOOKUP, {"code": dossier.code, "phone": "0987654321"}).status_code == 429


def test_apologies_are_shown(client, world, dossier):
    dossier_apologize(
        actor=world.specialist,
        dossier=dossier,
        reason="Cần lấy ý kiến cơ quan quản lý đê điều.",
        new_due_at=at(2025, 3, 31, 9),
        now=at(2025, 3, 20),
    )
    html = answer_region(client.post(LOOKUP, {"code": dossier.code, "phone": "0987654321"}))
    assert "Thư xin lỗi ngày 09:00 20/03/2025" in html
    assert "Cần lấy ý kiến cơ quan quản lý đê điều." in html
    assert "09:00 31/03/2025" in html


def result_ready(world, **extra):
    d = receive(world, now=at(2025, 3, 3), **extra)
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4))
    return dossier_approve(actor=world.leader, dossier=d, result_number="1/GP", now=at(2025, 3, 5))


def test_a_ready_counter_dossier_links_to_its_rating_page_after_the_lookup(client, world):
    d = result_ready(world)
    response = client.post(LOOKUP, {"code": d.code, "phone": "0987654321"})
    html = answer_region(response)
    assert "Đã có kết quả" in html and "Trước hạn" in html and "09:00 05/03/2025" in html
    assert f'href="{reverse("portal:rate_token", args=[links.rating_token(d)])}"' in html


def test_a_ready_account_dossier_links_to_the_account_rating_page(client, world):
    d = result_ready(world, applicant_user=world.citizen)
    html = answer_region(client.post(LOOKUP, {"code": d.code, "phone": "0987654321"}))
    assert f'href="{reverse("portal:rate", args=[d.public_id])}"' in html
    assert links.rating_token(d) not in html


def test_no_rating_link_once_rated(client, world):
    d = result_ready(world)
    rating_submit(dossier=d, overall="satisfied")
    html = answer_region(client.post(LOOKUP, {"code": d.code, "phone": "0987654321"}))
    assert "Đã có kết quả" in html and "rating-link" not in html


def test_a_wrong_phone_says_nothing_about_rating_even_with_the_token(client, world):
    d = result_ready(world)
    token = links.rating_token(d)
    wrong = client.post(LOOKUP, {"code": d.code, "phone": "0900000000", "t": token})
    unknown = client.post(LOOKUP, {"code": "000.00.05.H98-250303-9999", "phone": "0900000000"})
    assert wrong.status_code == 404
    assert answer_region(wrong) == answer_region(unknown)
    assert "danh-gia" not in text(wrong)


def test_the_receipt_qr_leads_to_the_lookup_with_the_rating_token(client, world, settings):
    d = result_ready(world)
    context = printing.BUILDERS["receipt"](d)
    assert context["qr_data_uri"] == printing.qr_data_uri(links.lookup_rating_url(d))
    path = links.lookup_rating_url(d).removeprefix(settings.CCHC_PUBLIC_URL)
    html = text(client.get(path))
    assert f'value="{d.code}"' in html
    assert reverse("portal:rate_token", args=[links.rating_token(d)]) in html
    # Nothing before the result, nor once rated, nor for a forged token or another code.
    rating_submit(dossier=d, overall="satisfied")
    assert "danh-gia" not in text(client.get(path))
    early = receive(world, now=at(2025, 3, 3))
    assert "danh-gia" not in text(
        client.get(f"/tra-cuu/?ma={early.code}&t={links.rating_token(early)}")
    )
    assert "danh-gia" not in text(client.get(f"/tra-cuu/?ma={d.code}&t=x.y"))
    other = receive(world, now=at(2025, 3, 3))
    assert "danh-gia" not in text(
        client.get(f"/tra-cuu/?ma={other.code}&t={links.rating_token(d)}")
    )


def test_lookup_only_answers_get_and_post(client, world):
    assert client.put(LOOKUP).status_code == 405


def test_the_wait_before_retrying_is_said_with_the_right_plural():
    assert (_retry_text(1), _retry_text(30), _retry_text(61)) == ("1 giây", "30 giây", "2 phút")
    with translation.override("en"):
        assert (_retry_text(1), _retry_text(30)) == ("1 second", "30 seconds")
