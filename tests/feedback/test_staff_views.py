"""The officers' feedback pages through the test client: the worklist with its tabs and counts,
the item page with the forms the officer may use now, each action through its service, bad
input answered on its field with nothing stored, another agency's item a 404, the counter
intake with its duplicate check, attachments for officers only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.feedback.models import FeedbackEvent, FeedbackItem, PublicationEdit
from cchc.feedback.services import (
    Sender,
    feedback_approve,
    feedback_classify,
    feedback_submit_draft,
)
from tests.feedback.conftest import receive
from tests.portal.apply_helpers import pdf

pytestmark = pytest.mark.django_db

WORKLIST = reverse("feedback:worklist")
INTAKE = reverse("feedback:intake")


def detail(item) -> str:
    return reverse("feedback:detail", args=[item.code])


def action(item, slug: str) -> str:
    return reverse("feedback:action", args=[item.code, slug])


def snapshot(item) -> tuple:
    item = FeedbackItem.objects.get(pk=item.pk)
    return (item.status, item.event_count, item.handling_agency_id, item.draft_answer)


@pytest.fixture
def construction_item(world):
    return receive(world)


@pytest.fixture
def justice_item(world):
    return receive(world, subject_agency=world.justice, title="Sở Tư pháp chậm trả lời")


# --- worklist ------------------------------------------------------------------------------


def test_the_worklist_shows_the_agencys_items_with_every_tabs_count(
    client, world, counter_officer, construction_item, justice_item, django_assert_num_queries
):
    client.force_login(counter_officer)
    client.get(WORKLIST)  # warm the per-process caches (calendar)
    # session, user, the officer's agency, the merged agencies of the scope; the page's rows
    # (agencies and handler joined); all eight counts in one query
    with django_assert_num_queries(6):
        response = client.get(WORKLIST)
    assert response.status_code == 200
    body = response.content.decode()
    assert construction_item.code in body
    assert justice_item.code not in body
    counts = {name: n for name, _label, n, _alert in response.context["tabs"]}
    assert counts["received"] == 1
    assert counts["handling"] == 0
    assert "Chờ phân loại" in body and "Quá hạn trả lời" in body


def test_the_worklist_query_count_does_not_grow_with_the_rows(
    client, world, counter_officer, django_assert_num_queries
):
    for n in range(30):
        receive(world, title=f"Phản ánh thứ {n} về thủ tục xây dựng")
    client.force_login(counter_officer)
    client.get(WORKLIST)
    with django_assert_num_queries(6):
        response = client.get(WORKLIST)
    assert len(response.context["rows"]) == 25
    assert response.context["next_query"] == "tab=received&trang=2"
    second = client.get(WORKLIST, {"tab": "received", "trang": "2"})
    assert len(second.context["rows"]) == 5 and not second.context["next_query"]


def test_an_item_past_its_five_working_days_is_in_the_forwarding_overdue_tab(
    client, world, counter_officer
):
    late = receive(world, at=timezone.now() - timedelta(days=30))
    fresh = receive(world)
    client.force_login(counter_officer)
    response = client.get(WORKLIST, {"tab": "forward_overdue"})
    codes = [row["item"].code for row in response.context["rows"]]
    assert codes == [late.code]
    assert fresh.code not in codes
    assert row_overdue(response, late)


def row_overdue(response, item) -> bool:
    row = next(r for r in response.context["rows"] if r["item"].pk == item.pk)
    return row["deadline"]["overdue"]


def test_unknown_tab_or_page_falls_back_without_error(client, counter_officer, construction_item):
    client.force_login(counter_officer)
    for params in ({"tab": "<script>"}, {"trang": "-1"}, {"trang": "9" * 40}, {"tab": "ok" * 999}):
        assert client.get(WORKLIST, params).status_code == 200
    # A control character in the address is refused by the site's middleware, never a 500.
    assert client.get(WORKLIST, {"tab": "\x00"}).status_code == 400


def test_a_citizen_gets_403_and_an_anonymous_visitor_signs_in(client, citizen):
    assert client.get(WORKLIST).status_code == 302
    client.force_login(citizen)
    assert client.get(WORKLIST).status_code == 403


def test_home_affairs_sees_every_agencys_items(
    client, home_affairs_evaluator, construction_item, justice_item
):
    client.force_login(home_affairs_evaluator)
    body = client.get(WORKLIST).content.decode()
    assert construction_item.code in body and justice_item.code in body


# --- item page and scoping -----------------------------------------------------------------


def test_the_item_page_shows_sender_deadlines_history_and_the_classify_form(
    client, counter_officer, construction_item
):
    client.force_login(counter_officer)
    response = client.get(detail(construction_item))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nguyễn Văn Gửi" in body and "0987654321" in body and "gui@example.vn" in body
    assert construction_item.forward_due_at.astimezone(timezone.get_current_timezone())
    slugs = [card["spec"].slug for card in response.context["cards"]]
    assert slugs == ["phan-loai"]
    assert 'for="id_phan-loai-reason"' in body
    assert "Tiếp nhận" in body  # the history's first event


def test_another_agencys_item_is_a_404_for_page_action_and_attachment(
    client, other_agency_officer, construction_item
):
    client.force_login(other_agency_officer)
    before = snapshot(construction_item)
    assert client.get(detail(construction_item)).status_code == 404
    response = client.post(
        action(construction_item, "phan-loai"), {"phan-loai-classification": "within_competence"}
    )
    assert response.status_code == 404
    url = reverse("feedback:attachment", args=[construction_item.code, 1])
    assert client.get(url).status_code == 404
    assert snapshot(construction_item) == before


@pytest.mark.parametrize(
    ("code", "status"),
    [("PAKN-000000-9999", 404), ("x" * 500, 404), ("pakn-é", 404), ("PAKN\x00", 400)],
)
def test_an_unknown_code_is_a_404_never_a_500(client, counter_officer, code, status):
    client.force_login(counter_officer)
    assert client.get(f"{WORKLIST}{code}/").status_code == status


def test_an_unknown_action_is_a_404(client, counter_officer, construction_item):
    client.force_login(counter_officer)
    assert client.post(action(construction_item, "khong-co")).status_code == 404


# --- actions -------------------------------------------------------------------------------


def test_classify_within_competence_starts_the_answer_clock(
    client, counter_officer, construction_item
):
    client.force_login(counter_officer)
    response = client.post(
        action(construction_item, "phan-loai"),
        {"phan-loai-classification": "within_competence", "phan-loai-reason": "Đúng thẩm quyền"},
    )
    assert response.status_code == 302
    assert response["Location"] == detail(construction_item)
    item = FeedbackItem.objects.get(pk=construction_item.pk)
    assert (item.status, item.classification) == ("handling", "within_competence")
    assert item.answer_due_at is not None


def test_classify_outside_competence_forwards_to_the_chosen_agency(
    client, world, counter_officer, construction_item
):
    client.force_login(counter_officer)
    response = client.post(
        action(construction_item, "phan-loai"),
        {
            "phan-loai-classification": "outside_competence",
            "phan-loai-agency": world.justice.code,
        },
    )
    assert response.status_code == 302
    item = FeedbackItem.objects.get(pk=construction_item.pk)
    assert item.handling_agency == world.justice


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "classification", "Chọn một cách phân loại."),
        ({"phan-loai-classification": "bogus"}, "classification", "Lựa chọn không hợp lệ."),
        ({"phan-loai-classification": "not_accepted"}, "reason", "Nhập lý do."),
        (
            {"phan-loai-classification": "outside_competence"},
            "agency",
            "Chọn cơ quan có thẩm quyền để chuyển đến.",
        ),
        (
            {"phan-loai-classification": "outside_competence", "phan-loai-agency": "NO.SUCH"},
            "agency",
            "Lựa chọn không hợp lệ.",
        ),
        (
            {"phan-loai-classification": "not_accepted", "phan-loai-reason": "lý do\x07"},
            "reason",
            "",
        ),
        (
            {"phan-loai-classification": "not_accepted", "phan-loai-reason": "x" * 100_000},
            "reason",
            "Nội dung quá dài",
        ),
    ],
)
def test_bad_classification_input_is_answered_on_its_field_and_nothing_changes(
    client, counter_officer, construction_item, data, field, message
):
    client.force_login(counter_officer)
    before = snapshot(construction_item)
    response = client.post(action(construction_item, "phan-loai"), data)
    assert response.status_code == 400
    form = next(c["form"] for c in response.context["cards"] if c["spec"].slug == "phan-loai")
    assert form.errors[field]
    assert message in " ".join(form.errors[field])
    assert snapshot(construction_item) == before


def test_a_specialist_cannot_classify_and_is_told_so(client, specialist, construction_item):
    client.force_login(specialist)
    before = snapshot(construction_item)
    response = client.post(
        action(construction_item, "phan-loai"), {"phan-loai-classification": "within_competence"}
    )
    assert response.status_code == 400
    assert "không thể thực hiện thao tác này" in response.content.decode()
    assert snapshot(construction_item) == before


@pytest.fixture
def handling(world, counter_officer, construction_item):
    return feedback_classify(construction_item, counter_officer, classification="within_competence")


def test_the_leader_assigns_an_officer_and_reassigns_to_another_agency(
    client, world, leader, specialist, handling
):
    client.force_login(leader)
    page = client.get(detail(handling))
    slugs = [c["spec"].slug for c in page.context["cards"]]
    assert {"chuyen", "giao", "du-thao", "gia-han"} <= set(slugs)
    response = client.post(action(handling, "giao"), {"giao-handler": specialist.pk})
    assert response.status_code == 302
    assert FeedbackItem.objects.get(pk=handling.pk).handler == specialist
    response = client.post(
        action(handling, "chuyen"),
        {"chuyen-agency": world.justice.code, "chuyen-reason": "Thuộc lĩnh vực tư pháp"},
    )
    assert response.status_code == 302
    item = FeedbackItem.objects.get(pk=handling.pk)
    assert item.handling_agency == world.justice
    assert FeedbackEvent.objects.filter(item=item, action="reassign").exists()
    # The receiving agency still opens it, and its history shows the reassignment.
    body = client.get(detail(item)).content.decode()
    assert "Chuyển lại cơ quan xử lý" in body and "Sở Tư pháp" in body


def test_assigning_someone_outside_the_agency_is_refused(
    client, leader, other_agency_officer, handling
):
    client.force_login(leader)
    before = snapshot(handling)
    for value in (other_agency_officer.pk, 999999, "abc"):
        response = client.post(action(handling, "giao"), {"giao-handler": value})
        assert response.status_code == 400
    assert snapshot(handling) == before
    assert FeedbackItem.objects.get(pk=handling.pk).handler is None


def test_draft_from_template_return_approve_publish(client, world, leader, specialist, handling):
    from cchc.feedback.models import ReplyTemplate

    ReplyTemplate.objects.all().delete()
    common = ReplyTemplate.objects.create(
        category="officer_conduct", title="Mẫu chung", body="Kính gửi ông/bà, nội dung chung."
    )
    own = ReplyTemplate.objects.create(
        category="officer_conduct",
        agency=world.construction,
        title="Mẫu của Sở",
        body="Sở Xây dựng trả lời như sau.",
    )
    client.force_login(specialist)
    page = client.get(detail(handling))
    assert [t.pk for t in page.context["templates"]] == [own.pk, common.pk]
    draft_form = next(c["form"] for c in page.context["cards"] if c["spec"].slug == "du-thao")
    assert draft_form.initial["text"] == own.body
    page = client.get(detail(handling), {"mau": str(common.pk)})
    draft_form = next(c["form"] for c in page.context["cards"] if c["spec"].slug == "du-thao")
    assert draft_form.initial["text"] == common.body

    response = client.post(action(handling, "du-thao"), {"du-thao-text": ""})
    assert response.status_code == 400
    assert "Nhập nội dung dự thảo trả lời." in response.content.decode()
    response = client.post(
        action(handling, "du-thao"), {"du-thao-text": "Sở đã chấn chỉnh cán bộ tiếp nhận."}
    )
    assert response.status_code == 302
    assert FeedbackItem.objects.get(pk=handling.pk).status == "awaiting_approval"

    client.force_login(leader)
    response = client.post(action(handling, "tra-lai"), {"tra-lai-reason": ""})
    assert response.status_code == 400
    response = client.post(action(handling, "tra-lai"), {"tra-lai-reason": "Bổ sung căn cứ"})
    assert response.status_code == 302
    assert FeedbackItem.objects.get(pk=handling.pk).status == "handling"

    client.force_login(specialist)
    client.post(action(handling, "du-thao"), {"du-thao-text": "Trả lời đã bổ sung căn cứ."})
    client.force_login(leader)
    assert client.post(action(handling, "duyet")).status_code == 302
    item = FeedbackItem.objects.get(pk=handling.pk)
    assert item.status == "answered"

    page = client.get(detail(item)).content.decode()
    assert 'data-testid="public-preview"' in page
    response = client.post(
        action(item, "cong-khai"),
        {
            "cong-khai-published_title": "",
            "cong-khai-published_content": item.published_content,
            "cong-khai-published_answer": item.published_answer,
        },
    )
    assert response.status_code == 400
    assert "Nội dung công khai không được để trống." in response.content.decode()
    assert FeedbackItem.objects.get(pk=item.pk).status == "answered"
    response = client.post(
        action(item, "cong-khai"),
        {
            "cong-khai-published_title": "Yêu cầu giấy tờ ngoài quy định",
            "cong-khai-published_content": item.published_content,
            "cong-khai-published_answer": item.published_answer + " Gọi 0987654321.",
            "cong-khai-reason": "Rút gọn tiêu đề",
        },
    )
    assert response.status_code == 302
    item = FeedbackItem.objects.get(pk=item.pk)
    assert item.status == "published"
    assert "0987654321" not in item.published_answer
    assert PublicationEdit.objects.filter(item=item, field="title").exists()
    body = client.get(detail(item)).content.decode()
    assert "Rút gọn tiêu đề" in body


def test_a_regulation_draft_needs_the_six_tests_and_the_outcome(
    client, world, counter_officer, specialist
):
    item = receive(world, category="unfit_regulation")
    item = feedback_classify(item, counter_officer, classification="within_competence")
    client.force_login(specialist)
    page = client.get(detail(item)).content.decode()
    assert "Sự cần thiết" in page and "Điều 14" in page
    before = snapshot(item)
    response = client.post(action(item, "du-thao"), {"du-thao-text": "Quy định phù hợp."})
    assert response.status_code == 400
    assert "sáu tiêu chí" in response.content.decode()
    assert snapshot(item) == before
    data = {"du-thao-text": "Quy định phù hợp.", "du-thao-review_outcome": "no_change"}
    for test in ("necessity", "legality", "simplicity", "feasibility", "consistency", "treaty"):
        data[f"du-thao-met_{test}"] = "yes"
        data[f"du-thao-note_{test}"] = "Đạt"
    response = client.post(action(item, "du-thao"), data)
    assert response.status_code == 302
    item = FeedbackItem.objects.get(pk=item.pk)
    assert item.review["necessity"] == {"met": True, "note": "Đạt"}
    assert item.review_outcome == "no_change"


@pytest.mark.parametrize("days", ["0", "31", "abc", "", "1" * 50])
def test_an_extension_outside_one_to_thirty_days_is_refused(client, leader, handling, days):
    client.force_login(leader)
    before = snapshot(handling)
    response = client.post(
        action(handling, "gia-han"), {"gia-han-days": days, "gia-han-reason": "x"}
    )
    assert response.status_code == 400
    assert "Số ngày gia hạn từ 1 đến 30 ngày làm việc." in response.content.decode()
    assert snapshot(handling) == before


def test_the_leader_extends_once(client, leader, handling):
    client.force_login(leader)
    response = client.post(
        action(handling, "gia-han"), {"gia-han-days": "5", "gia-han-reason": "Cần xác minh"}
    )
    assert response.status_code == 302
    item = FeedbackItem.objects.get(pk=handling.pk)
    assert (item.extensions, item.extension_days) == (1, 5)
    page = client.get(detail(item))
    assert "gia-han" not in [c["spec"].slug for c in page.context["cards"]]
    response = client.post(
        action(item, "gia-han"), {"gia-han-days": "5", "gia-han-reason": "Lần hai"}
    )
    assert response.status_code == 400
    assert FeedbackItem.objects.get(pk=item.pk).extensions == 1


def test_a_duplicate_is_merged_into_the_suggested_item(client, world, counter_officer):
    first = receive(world)
    second = receive(world)
    client.force_login(counter_officer)
    page = client.get(detail(second))
    assert [d.code for d in page.context["duplicates"]] == [first.code]
    response = client.post(action(second, "gop"), {"gop-into": "PAKN-000000-0000"})
    assert response.status_code == 400
    assert FeedbackItem.objects.get(pk=second.pk).status == "received"
    response = client.post(action(second, "gop"), {"gop-into": first.code})
    assert response.status_code == 302
    second = FeedbackItem.objects.get(pk=second.pk)
    assert (second.status, second.merged_into_id) == ("merged", first.pk)


def test_the_letter_link_appears_only_when_its_url_exists(client, leader, specialist, handling):
    from django.urls import NoReverseMatch

    feedback_submit_draft(handling, specialist, text="Trả lời")
    item = feedback_approve(handling, leader)
    client.force_login(leader)
    response = client.get(detail(item))
    try:
        reverse("feedback:letter", kwargs={"code": item.code, "fmt": "pdf"})
        exists = True
    except NoReverseMatch:
        exists = False
    assert bool(response.context["letters"]) == exists


# --- attachments ---------------------------------------------------------------------------


def test_attachments_download_for_officers_of_the_agency_only(
    client, world, settings, tmp_path, counter_officer, other_agency_officer, citizen
):
    settings.MEDIA_ROOT = str(tmp_path)
    from cchc.feedback.services import FeedbackInput, feedback_receive

    item = feedback_receive(
        FeedbackInput(
            kind="phan_anh",
            category="officer_conduct",
            title="Có ảnh chụp",
            content="Ảnh chụp tờ giấy yêu cầu thêm.",
            sender=Sender(name="Nguyễn Văn Gửi", address="12 Lê Lợi", phone="0987654321"),
            subject_agency=world.construction,
        ),
        channel="portal",
        files=[pdf("giay-yeu-cau.pdf")],
    )
    attachment = item.attachments.get()
    url = reverse("feedback:attachment", args=[item.code, attachment.pk])
    client.force_login(counter_officer)
    assert url in client.get(detail(item)).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(reverse("feedback:attachment", args=[item.code, 999])).status_code == 404
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404
    client.force_login(citizen)
    assert client.get(url).status_code == 403


# --- counter intake ------------------------------------------------------------------------

INTAKE_DATA = {
    "channel": "counter",
    "sender_name": "Trần Văn Đến",
    "sender_address": "5 Hùng Vương, phường Tân An",
    "sender_phone": "0912 000 111",
    "kind": "phan_anh",
    "category": "officer_conduct",
    "title": "Bị yêu cầu nộp thêm giấy tờ",
    "content": "Cán bộ yêu cầu bản sao chứng thực không có trong thủ tục.",
}


def test_the_intake_form_says_anonymous_items_are_not_accepted(client, counter_officer):
    client.force_login(counter_officer)
    body = client.get(INTAKE).content.decode()
    assert "nặc danh không được tiếp nhận" in body and "Điều 7" in body
    for name in ("sender_name", "sender_address", "sender_phone", "title", "content"):
        assert f'for="id_{name}"' in body


def test_the_officer_registers_a_counter_item_and_lands_on_its_page(client, world, counter_officer):
    client.force_login(counter_officer)
    response = client.post(INTAKE, {**INTAKE_DATA, "subject_agency": world.construction.code})
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert response["Location"] == detail(item)
    assert (item.channel, item.sender_phone, item.receiving_agency) == (
        "counter",
        "0912000111",
        world.construction,
    )
    assert FeedbackEvent.objects.get(item=item).actor == counter_officer


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sender_name": ""}, "sender_name"),
        ({"sender_address": "  "}, "sender_address"),
        ({"sender_phone": "12345"}, "sender_phone"),
        ({"sender_phone": "+1 415 555 0100"}, "sender_phone"),
        ({"channel": "portal"}, "channel"),
        ({"category": "nope"}, "category"),
        ({"subject_agency": "NO.SUCH.AGENCY"}, "subject_agency"),
        ({"procedure": "NO-SUCH"}, "procedure"),
        ({"dossier_code": "000.00.05.H98-250101-9999"}, "dossier_code"),
        ({"title": "a\x07b"}, "title"),
        ({"content": "x" * 20_000}, "content"),
        ({"sender_email": "not-an-email"}, "sender_email"),
    ],
)
def test_bad_intake_input_is_answered_on_its_field_and_nothing_is_stored(
    client, counter_officer, change, field
):
    client.force_login(counter_officer)
    response = client.post(INTAKE, {**INTAKE_DATA, **change})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not FeedbackItem.objects.exists()


def test_likely_duplicates_are_shown_before_saving_and_saved_only_when_confirmed(
    client, world, counter_officer
):
    earlier = receive(
        world, sender=Sender(name="Trần Văn Đến", address="5 Hùng Vương", phone="0912000111")
    )
    client.force_login(counter_officer)
    response = client.post(INTAKE, INTAKE_DATA)
    assert response.status_code == 200
    assert [d.code for d in response.context["duplicates"]] == [earlier.code]
    assert FeedbackItem.objects.count() == 1
    body = response.content.decode()
    assert 'for="id_confirm_new"' in body
    response = client.post(INTAKE, {**INTAKE_DATA, "confirm_new": "on"})
    assert response.status_code == 302
    assert FeedbackItem.objects.count() == 2


# --- the menu's attention count ------------------------------------------------------------


def test_the_attention_badge_counts_due_soon_and_overdue_items(
    client, world, counter_officer, other_agency_officer, django_assert_num_queries
):
    receive(world, at=timezone.now() - timedelta(days=30))
    receive(world)
    url = reverse("feedback:attention")
    client.force_login(counter_officer)
    client.get(url)
    with django_assert_num_queries(5):
        response = client.get(url)
    assert response.context["count"] == 1
    assert 'data-testid="feedback-attention"' in response.content.decode()
    client.force_login(other_agency_officer)
    assert client.get(url).context["count"] == 0


def test_the_menu_leads_officers_to_feedback_with_the_count_loaded_after_the_page(
    client, counter_officer, citizen
):
    client.force_login(counter_officer)
    body = client.get(reverse("dossiers:worklist")).content.decode()
    assert f'href="{WORKLIST}"' in body
    assert f'hx-get="{reverse("feedback:attention")}"' in body
    client.force_login(citizen)
    assert client.get(reverse("feedback:attention")).status_code == 403


GARBAGE = ["", "9" * 40, "-1", "NO.SUCH", "a\x07b", "x" * 30_000, "<script>alert(1)</script>"]
FIELDS = {
    "phan-loai": ["classification", "agency", "external_authority", "reason"],
    "chuyen": ["agency", "external_authority", "reason"],
    "giao": ["handler"],
    "gop": ["into"],
    "du-thao": ["text", "review_outcome"],
    "tra-lai": ["reason"],
    "duyet": [],
    "cong-khai": ["published_title", "published_content", "published_answer", "reason"],
    "gia-han": ["days", "reason"],
}


@pytest.mark.parametrize("value", GARBAGE)
def test_no_input_to_any_action_is_a_server_error(client, world, leader, handling, value):
    received = receive(world)  # a likely duplicate of ``handling``: the merge form is offered
    client.force_login(leader)
    for item in (received, handling):
        for slug, fields in FIELDS.items():
            data = {f"{slug}-{name}": value for name in fields}
            response = client.post(action(item, slug), data)
            assert response.status_code in (302, 400), (item.status, slug, response.status_code)
    assert FeedbackItem.objects.get(pk=received.pk).status == "received"
    url = reverse("feedback:attachment", args=[handling.code, 9 * 10**30])
    assert client.get(url).status_code == 404


def test_the_item_page_runs_a_bounded_number_of_queries(
    client, world, leader, specialist, handling, django_assert_num_queries
):
    for n in range(5):
        receive(world, title=f"Phản ánh cùng người gửi {n}")
    client.force_login(leader)
    client.post(action(handling, "giao"), {"giao-handler": specialist.pk})
    client.get(detail(handling))
    # session, user, the officer's agency, the merged agencies of the scope; the item; likely
    # duplicates (five from the same phone: no text comparison needed) and which of them the
    # officer may open; reply templates; history; attachments; publication edits; the
    # agencies to forward to and the officers to assign
    with django_assert_num_queries(13):
        response = client.get(detail(handling))
    assert response.status_code == 200
    for n in range(5):
        receive(world, title=f"Thêm phản ánh {n}")
    with django_assert_num_queries(13):
        client.get(detail(handling))


def test_the_wrong_method_is_405(client, counter_officer, construction_item):
    client.force_login(counter_officer)
    assert client.get(action(construction_item, "phan-loai")).status_code == 405
    assert client.post(WORKLIST).status_code == 405
    assert client.post(detail(construction_item)).status_code == 405
    assert client.put(INTAKE).status_code == 405
