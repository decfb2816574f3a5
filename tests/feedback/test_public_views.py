"""The citizen's feedback pages through Django's test client: sending (Art. 7's sender, a
Vietnamese phone, the portal's upload checks, nothing stored half, never a 500), following by
code + phone (one answer for a wrong code or phone, rate-limited), reopening, and the public
answers (accent-free search, filters, bounded queries, no personal data of the sender)."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.timezone import localtime

from cchc.core.models import OutboxMessage
from cchc.feedback.models import FeedbackAttachment, FeedbackItem
from cchc.feedback.services import (
    Sender,
    feedback_approve,
    feedback_classify,
    feedback_publish,
    feedback_submit_draft,
)
from tests.dossiers.helpers import receive as receive_dossier
from tests.feedback.conftest import receive, vn
from tests.portal.apply_helpers import PDF, stored_files

pytestmark = pytest.mark.django_db

SEND = "/phan-anh/gui/"
FOLLOW = "/phan-anh/tra-cuu/"
LIST = "/phan-anh/"

# The sender of every published item below: none of it may reach a public page.
PRIVATE = Sender(
    name="Trịnh Thị Riêng Tư",
    address="99 Hẻm Bí Mật, phường Tân An",
    phone="0909 111 222",
    email="rieng.tu@example.vn",
    id_number="001190009999",
)
PRIVATE_TEXTS = [
    "Trịnh Thị Riêng Tư",
    "99 Hẻm Bí Mật",
    "0909111222",
    "0909 111 222",
    "rieng.tu@example.vn",
    "001190009999",
]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def form(world, **extra) -> dict:
    data = {
        "kind": "phan_anh",
        "category": "officer_conduct",
        "subject_agency": world.construction.code,
        "procedure": "",
        "dossier_code": "",
        "title": "Bị yêu cầu nộp thêm giấy tờ",
        "content": "Cán bộ yêu cầu bản sao sổ hộ khẩu, không có trong thành phần hồ sơ.",
        "sender_name": "Nguyễn Văn Gửi",
        "sender_address": "12 Lê Lợi, phường Tân An",
        "sender_phone": "0987 654 321",
        "sender_email": "gui@example.vn",
    }
    data.update(extra)
    return data


def field_error(response, field: str) -> str:
    """The message shown next to ``field`` (the ``_error`` block under it)."""
    match = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</div>', response.content.decode(), re.S)
    assert match, f"no error next to {field}: {response.content.decode()[:3000]}"
    return match.group(1).strip()


def nothing_stored(media=None) -> bool:
    stored = not media or not stored_files(media)
    return (
        stored
        and not FeedbackItem.objects.exists()
        and not FeedbackAttachment.objects.exists()
        and not OutboxMessage.objects.filter(template__startswith="feedback_").exists()
    )


# --- send -------------------------------------------------------------------------------------


def test_urls_are_the_vietnamese_addresses_of_the_brief():
    assert reverse("feedback_public:list") == "/phan-anh/"
    assert reverse("feedback_public:send") == "/phan-anh/gui/"
    assert reverse("feedback_public:sent") == "/phan-anh/da-gui/"
    assert reverse("feedback_public:follow") == "/phan-anh/tra-cuu/"
    assert reverse("feedback_public:detail", args=["PAKN-250424-0001"]) == (
        "/phan-anh/PAKN-250424-0001/"
    )


def test_the_form_says_anonymous_feedback_is_refused_and_labels_every_field(client, world):
    page = client.get(SEND).content.decode()
    assert "nặc danh không được tiếp nhận" in page
    assert "không bao giờ được công khai" in page
    for name in (
        "title",
        "content",
        "attachments",
        "dossier_code",
        "subject_agency",
        "procedure",
        "sender_name",
        "sender_address",
        "sender_phone",
        "sender_email",
    ):
        assert f'<label class="form-label" for="id_{name}"' in page, name
    for i in range(8):  # the 8 categories of Art. 5, each with its hint
        assert f'for="id_category_{i}"' in page
    assert "Cán bộ, công chức giải quyết chậm" in page
    assert [int(h) for h in re.findall(r"<h([1-6])", page)][:2] == [1, 2]


def test_a_citizen_sends_feedback_and_gets_its_code_and_deadline(client, world, media):
    response = client.post(SEND, form(world, attachments=SimpleUploadedFile("a.pdf", PDF)))
    assert response.status_code == 302
    assert response["Location"] == "/phan-anh/da-gui/"
    item = FeedbackItem.objects.get()
    assert (item.channel, item.sender_phone, item.subject_agency) == (
        "portal",
        "0987654321",
        world.construction,
    )
    assert item.attachments.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert item.code in page and item.code.startswith("PAKN-")
    assert localtime(item.forward_due_at).strftime("%d/%m/%Y") in page
    assert f"/phan-anh/tra-cuu/?ma={item.code}" in page
    assert "5 ngày làm việc" in page


def test_a_signed_in_citizen_finds_name_phone_and_address_filled_in(client, world, citizen):
    citizen.address = "7 Trần Phú, phường Tân An"
    citizen.save()
    client.force_login(citizen)
    page = client.get(SEND).content.decode()
    assert 'value="Nguyễn Thị Dân"' in page
    assert 'value="0912345678"' in page
    assert 'value="7 Trần Phú, phường Tân An"' in page


def test_anonymous_feedback_is_refused_next_to_the_name_and_nothing_is_stored(client, world):
    response = client.post(SEND, form(world, sender_name="", sender_address=" "))
    assert response.status_code == 422
    assert field_error(response, "sender_name")
    assert field_error(response, "sender_address")
    assert nothing_stored()


@pytest.mark.parametrize("phone", ["12345", "+1 415 555 0100", "0123", "abc"])
def test_a_phone_that_is_not_vietnamese_is_refused(client, world, phone):
    response = client.post(SEND, form(world, sender_phone=phone))
    assert response.status_code == 422
    assert "10 chữ số" in field_error(response, "sender_phone")
    assert nothing_stored()


def test_an_exe_renamed_pdf_is_refused_next_to_the_attachments(client, world, media):
    exe = SimpleUploadedFile("hoa-don.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")
    response = client.post(SEND, form(world, attachments=exe))
    assert response.status_code == 422
    assert "không phải tệp PDF, JPEG hoặc PNG" in field_error(response, "attachments")
    assert nothing_stored(media)


def test_an_oversized_attachment_is_refused(client, world, media, settings):
    settings.CCHC_UPLOAD_MAX_FILE_BYTES = 1024
    big = SimpleUploadedFile("to.pdf", PDF + b"0" * 2048, "application/pdf")
    response = client.post(SEND, form(world, attachments=big))
    assert response.status_code == 422
    assert "lớn hơn 1 KB" in field_error(response, "attachments")
    assert nothing_stored(media)


def test_control_characters_are_refused_next_to_the_field(client, world):
    response = client.post(SEND, form(world, title="Tiêu\x01 đề", sender_address="12\x0b Lê"))
    assert response.status_code == 422
    assert "ký tự điều khiển" in field_error(response, "title")
    assert "ký tự điều khiển" in field_error(response, "sender_address")
    assert nothing_stored()


def test_huge_fields_and_unknown_choices_get_messages_not_a_500(client, world):
    response = client.post(
        SEND,
        form(
            world,
            content="x" * 10_001,
            title="t" * 201,
            kind="khieu_nai",
            category="nope",
            subject_agency="999.99.99.Z99",
            procedure="nope",
            sender_email="not-an-email",
        ),
    )
    assert response.status_code == 422
    for name in ("content", "title", "kind", "category", "subject_agency", "sender_email"):
        assert field_error(response, name)
    assert nothing_stored()


def test_a_wrong_content_type_is_answered_with_the_form_not_a_500(client, world):
    response = client.post(SEND, data="{}", content_type="application/json")
    assert response.status_code == 422
    assert field_error(response, "sender_name")
    assert nothing_stored()


def test_feedback_about_a_dossier_needs_the_applicants_phone(client, world):
    dossier = receive_dossier(world)
    page = client.get(f"{SEND}?ho_so={dossier.code}").content.decode()
    assert f'value="{dossier.code}"' in page
    response = client.post(
        SEND,
        form(
            world,
            dossier_code=dossier.code,
            subject_agency=world.justice.code,
            sender_phone="0911 222 333",
        ),
    )
    assert response.status_code == 422
    assert "không khớp" in field_error(response, "dossier_code")
    assert nothing_stored()
    response = client.post(
        SEND,
        form(
            world,
            dossier_code=dossier.code,
            subject_agency=world.justice.code,
            sender_phone="0987654321",
        ),
    )
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    # The dossier gives the agency and the procedure, whatever the form said.
    assert (item.dossier, item.procedure) == (dossier, world.building_permit)
    assert item.subject_agency != world.justice


def test_the_dossier_pages_link_to_feedback_about_the_dossier(client, world, citizen):
    dossier = receive_dossier(world)
    client.get("/dich-vu-cong/tra-cuu/")
    response = client.post("/dich-vu-cong/tra-cuu/", {"code": dossier.code, "phone": "0987654321"})
    assert f"/phan-anh/gui/?ho_so={dossier.code}" in response.content.decode()
    assert 'href="/phan-anh/"' in client.get("/dich-vu-cong/").content.decode()


# --- follow and reopen ------------------------------------------------------------------------


def answered(world, justice_leader, other_agency_officer, counter_officer, *, sender=PRIVATE):
    item = receive(world, at=vn(2025, 4, 24, 9), sender=sender)
    item = feedback_classify(
        item,
        counter_officer,
        classification="conduct",
        agency=world.justice,
        now=vn(2025, 4, 25, 9),
    )
    item = feedback_submit_draft(
        item,
        other_agency_officer,
        text=(
            "Sở Tư pháp trả lời bà Trịnh Thị Riêng Tư (0909 111 222, rieng.tu@example.vn): "
            "cán bộ đã được nhắc nhở; hồ sơ không cần bản sao sổ hộ khẩu."
        ),
        now=vn(2025, 4, 28, 9),
    )
    return feedback_approve(item, justice_leader, now=vn(2025, 4, 28, 10))


def test_the_sender_follows_by_code_and_phone(client, world):
    item = receive(world, at=vn(2025, 4, 24, 9))
    page = client.get(f"{FOLLOW}?ma={item.code}").content.decode()
    assert f'value="{item.code}"' in page
    response = client.post(FOLLOW, {"code": item.code.lower(), "phone": "0987654321"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # the sender's item, never cached
    page = response.content.decode()
    assert "Đã tiếp nhận, chờ phân loại" in page
    assert "Sở Xây dựng" in page
    assert "05/05/2025" in page  # the 5-working-day deadline across 30/4–1/5


def test_a_wrong_phone_and_a_wrong_code_get_the_same_answer(client, world):
    item = receive(world)
    wrong_phone = client.post(FOLLOW, {"code": item.code, "phone": "0911111111"})
    wrong_code = client.post(FOLLOW, {"code": "PAKN-000000-0000", "phone": "0987654321"})
    assert wrong_phone.status_code == wrong_code.status_code == 404

    def answer(response) -> str:
        return re.search(
            r'id="follow-answer">(.*?)</div>\s*<form', response.content.decode(), re.S
        ).group(1)

    assert answer(wrong_phone) == answer(wrong_code)
    assert item.title not in wrong_phone.content.decode()


def test_following_is_rate_limited_per_client(client, world, settings):
    settings.CCHC_PUBLIC_LOOKUP_LIMIT = 2
    item = receive(world)
    for _ in range(2):
        assert client.post(FOLLOW, {"code": item.code, "phone": "0911111111"}).status_code == 404
    limited = client.post(FOLLOW, {"code": item.code, "phone": "0987654321"})
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) >= 1
    assert item.title not in limited.content.decode()


def test_the_phone_never_travels_in_an_address(client, world):
    item = receive(world)
    page = client.post(FOLLOW, {"code": item.code, "phone": "0987654321"}).content.decode()
    for action in re.findall(r'action="([^"]*)"', page):
        assert "0987654321" not in action
    for href in re.findall(r'href="([^"]*)"', page):
        assert "0987654321" not in href


def test_the_sender_reads_the_answer_and_reopens_within_the_window(
    client, world, justice_leader, other_agency_officer, counter_officer, settings
):
    settings.CCHC_FEEDBACK_REOPEN_DAYS = 100_000  # the answer of 2025 is still in the window
    item = answered(world, justice_leader, other_agency_officer, counter_officer)
    response = client.post(FOLLOW, {"code": item.code, "phone": "0909111222"})
    page = response.content.decode()
    assert "hồ sơ không cần bản sao sổ hộ khẩu" in page
    assert "Sở Tư pháp" in page
    assert 'data-testid="reopen-form"' in page
    empty = client.post(FOLLOW, {"action": "reopen", "code": item.code, "reason": ""})
    assert empty.status_code == 422
    assert field_error(empty, "reason")
    item.refresh_from_db()
    assert item.status == "answered"
    response = client.post(
        FOLLOW,
        {"action": "reopen", "code": item.code, "reason": "Chưa trả lời về chi phí phát sinh."},
    )
    assert response.status_code == 200
    assert 'data-testid="reopened"' in response.content.decode()
    item.refresh_from_db()
    assert (item.status, item.reopen_count) == ("handling", 1)


def test_reopening_needs_the_code_proved_with_its_phone_in_this_session(
    client, world, justice_leader, other_agency_officer, counter_officer, settings
):
    settings.CCHC_FEEDBACK_REOPEN_DAYS = 100_000
    item = answered(world, justice_leader, other_agency_officer, counter_officer)
    response = client.post(FOLLOW, {"action": "reopen", "code": item.code, "reason": "Lý do"})
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == "answered"


def test_after_the_window_no_reopen_form_is_offered(
    client, world, justice_leader, other_agency_officer, counter_officer
):
    item = answered(world, justice_leader, other_agency_officer, counter_officer)
    page = client.post(FOLLOW, {"code": item.code, "phone": "0909111222"}).content.decode()
    assert "hồ sơ không cần bản sao sổ hộ khẩu" in page
    assert 'data-testid="reopen-form"' not in page
    response = client.post(FOLLOW, {"action": "reopen", "code": item.code, "reason": "Lý do"})
    assert response.status_code == 422
    assert "hết thời hạn" in response.content.decode()


# --- the public answers -------------------------------------------------------------------------


@pytest.fixture
def published(world, justice_leader, other_agency_officer, counter_officer):
    item = answered(world, justice_leader, other_agency_officer, counter_officer)
    return feedback_publish(item, justice_leader, now=vn(2025, 4, 28, 11))


def test_an_accent_free_query_finds_the_accented_answer(client, published):
    page = client.get(LIST, {"q": "SO HO KHAU"}).content.decode()
    assert published.code in page
    page = client.get(LIST, {"q": "giấy phép lái xe"}).content.decode()
    assert published.code not in page


def test_filters_by_agency_procedure_and_category(client, world, published):
    assert published.code in client.get(LIST, {"co_quan": world.justice.code}).content.decode()
    assert published.code not in client.get(LIST, {"co_quan": world.commune.code}).content.decode()
    assert published.code in client.get(LIST, {"nhom": "officer_conduct"}).content.decode()
    assert published.code not in client.get(LIST, {"nhom": "initiative"}).content.decode()
    other = client.get(LIST, {"thu_tuc": world.building_permit.code}).content.decode()
    assert published.code not in other


def test_only_published_items_are_public(
    client, world, justice_leader, other_agency_officer, counter_officer
):
    item = answered(world, justice_leader, other_agency_officer, counter_officer)
    assert item.code not in client.get(LIST).content.decode()
    assert client.get(f"/phan-anh/{item.code}/").status_code == 404
    assert client.get("/phan-anh/KHONG-CO/").status_code == 404


def test_no_personal_data_of_the_sender_on_any_public_page(client, published):
    pages = [
        client.get(LIST).content.decode(),
        client.get(LIST, {"q": "ho khau"}).content.decode(),
        client.get(f"/phan-anh/{published.code}/").content.decode(),
    ]
    assert "hồ sơ không cần bản sao sổ hộ khẩu" in pages[2]
    for page in pages:
        for private in PRIVATE_TEXTS:
            assert private not in page, private


def test_the_list_reads_a_bounded_number_of_queries(
    client,
    world,
    justice_leader,
    other_agency_officer,
    counter_officer,
    django_assert_max_num_queries,
):
    for i in range(25):
        item = answered(
            world,
            justice_leader,
            other_agency_officer,
            counter_officer,
            sender=Sender(name=f"Người {i}", address="Số 1", phone=f"09090000{i:02d}"),
        )
        feedback_publish(item, justice_leader, now=vn(2025, 4, 28, 11))
    with django_assert_max_num_queries(6):
        first = client.get(LIST, {"q": "ho khau"})
    assert first.status_code == 200
    assert first.content.decode().count('data-testid="feedback-results"') == 1
    second = client.get(LIST, {"q": "ho khau", "trang": "2"}).content.decode()
    assert "Trang 2/2" in second
    assert client.get(LIST, {"trang": "abc"}).status_code == 200
    assert client.get(LIST, {"trang": "999999"}).status_code == 200


def test_a_page_survives_any_stored_value(client, published):
    FeedbackItem.objects.filter(pk=published.pk).update(
        category="no_longer_a_category",
        kind="",
        published_title="<script>alert(1)</script>",
        published_answer="Dòng 1\nDòng 2 <b>x</b>",
        published_content="",
    )
    for url in (
        LIST,
        f"/phan-anh/{published.code}/",
        f"{LIST}?q=%ff%27%22&co_quan=%3C&thu_tuc=x&nhom=%E2%80%8F",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<script>alert(1)</script>" not in response.content.decode()
