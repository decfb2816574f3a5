"""The feedback services on the real database: intake (Art. 7), classification and routing
(Art. 9), draft, return, approval, publication without personal data (Art. 19), extension,
reopening, and the counters against a recount."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cchc.core.models import OutboxMessage
from cchc.feedback.models import FeedbackDailyStat, FeedbackEvent, FeedbackItem, PublicationEdit
from cchc.feedback.services import (
    FeedbackError,
    Sender,
    feedback_approve,
    feedback_check,
    feedback_classify,
    feedback_duplicates,
    feedback_extend,
    feedback_forward,
    feedback_lookup,
    feedback_merge,
    feedback_publish,
    feedback_remind,
    feedback_reopen,
    feedback_return_draft,
    feedback_submit_draft,
)
from tests.feedback.conftest import receive, vn

pytestmark = pytest.mark.django_db


def test_receive_registers_code_deadline_counter_and_notice(world):
    item = receive(world, at=vn(2025, 4, 24, 9))
    assert item.code == "PAKN-250424-0001"
    assert item.status == "received"
    assert item.sender_phone == "0987654321"
    assert item.receiving_agency == world.construction
    # Thursday 24/04 09:00 + 5 working days over 30/4–1/5 (and the weekend) → 05/05 09:00.
    assert item.forward_due_at == vn(2025, 5, 5, 9)
    stat = FeedbackDailyStat.objects.get(agency=world.construction)
    assert (stat.day.isoformat(), stat.received) == ("2025-04-24", 1)
    notices = OutboxMessage.objects.filter(template="feedback_received")
    assert {m.channel for m in notices} == {"email", "sms"}
    assert receive(world, at=vn(2025, 4, 24, 10)).code == "PAKN-250424-0002"


@pytest.mark.parametrize(
    ("sender", "field"),
    [
        (Sender(name="", address="12 Lê Lợi", phone="0987654321"), "sender_name"),
        (Sender(name="Nguyễn Văn A", address=" ", phone="0987654321"), "sender_address"),
        (Sender(name="Nguyễn Văn A", address="12 Lê Lợi", phone=""), "sender_phone"),
        (Sender(name="Nguyễn Văn A", address="12 Lê Lợi", phone="12345"), "sender_phone"),
        (Sender(name="Nguyễn Văn A", address="12 Lê Lợi", phone="+1 415 555 0100"), "sender_phone"),
        (Sender(name="Nguyễn\x00 Văn A", address="12 Lê Lợi", phone="0987654321"), "sender_name"),
    ],
)
def test_anonymous_or_unreachable_sender_is_refused_and_nothing_is_stored(world, sender, field):
    with pytest.raises(FeedbackError) as refused:
        receive(world, sender=sender)
    assert refused.value.field == field
    assert refused.value.message
    assert not FeedbackItem.objects.exists()
    assert not FeedbackDailyStat.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_the_whole_way_classify_forward_return_approve_publish(
    world, counter_officer, justice_leader, other_agency_officer
):
    item = receive(world, at=vn(2025, 4, 24, 9), category="unfit_regulation")
    # Outside competence: forwarded to Justice within the 5 working days.
    item = feedback_classify(
        item,
        counter_officer,
        classification="outside_competence",
        agency=world.justice,
        now=vn(2025, 5, 5, 8),
    )
    assert (item.status, item.handling_agency, item.classification) == (
        "handling",
        world.justice,
        "outside_competence",
    )
    # 10 working days from 05/05 08:00 (the start of the day): the end of 16/05.
    assert item.answer_due_at == vn(2025, 5, 16, 17)
    # A regulation item needs the six tests of Art. 14.
    with pytest.raises(FeedbackError) as refused:
        feedback_submit_draft(item, other_agency_officer, text="Trả lời", now=vn(2025, 5, 6, 9))
    assert refused.value.field == "review"
    review = {
        t: {"met": t != "simplicity", "note": "Đã xem xét"}
        for t in ("necessity", "legality", "simplicity", "feasibility", "consistency", "treaty")
    }
    item = feedback_submit_draft(
        item,
        other_agency_officer,
        text="Sở Tư pháp trả lời ông Nguyễn Văn Gửi (0987654321): quy định sẽ được sửa.",
        review=review,
        outcome="propose",
        now=vn(2025, 5, 6, 9),
    )
    assert item.status == "awaiting_approval"
    with pytest.raises(FeedbackError):  # a specialist cannot approve
        feedback_approve(item, other_agency_officer, now=vn(2025, 5, 6, 10))
    item = feedback_return_draft(
        item, justice_leader, reason="Nêu rõ căn cứ pháp lý", now=vn(2025, 5, 6, 10)
    )
    assert item.status == "handling"
    item = feedback_submit_draft(
        item,
        other_agency_officer,
        text=(
            "Theo Nghị định 20/2008, Sở Tư pháp trả lời ông Nguyễn Văn Gửi, điện thoại "
            "0987 654 321, email gui@example.vn: đề nghị sửa quy định."
        ),
        review=review,
        outcome="propose",
        now=vn(2025, 5, 7, 9),
    )
    item = feedback_approve(item, justice_leader, now=vn(2025, 5, 7, 10))
    assert (item.status, item.answer_timeliness) == ("answered", "on_time")
    assert "Nguyễn Văn Gửi" not in item.published_answer and "0987" not in item.published_answer
    assert "gui@example.vn" not in item.published_answer
    item = feedback_publish(
        item,
        justice_leader,
        answer=item.published_answer + " Trân trọng.",
        reason="Thêm lời chào",
        now=vn(2025, 5, 7, 11),
    )
    assert item.status == "published"
    assert PublicationEdit.objects.get(item=item).field == "answer"
    assert "Nguyễn Văn Gửi" in item.answer  # the original is kept
    actions = list(FeedbackEvent.objects.filter(item=item).values_list("action", flat=True))
    assert actions == [
        "receive",
        "forward",
        "submit_draft",
        "return_draft",
        "submit_draft",
        "approve",
        "publish",
    ]
    assert feedback_check() == []
    stats = {(s.agency_id, s.day.isoformat()): s for s in FeedbackDailyStat.objects.all()}
    assert stats[(world.construction.pk, "2025-05-05")].forwarded == 1
    assert stats[(world.construction.pk, "2025-05-05")].forwarded_late == 0
    assert stats[(world.justice.pk, "2025-05-07")].answered == 1
    assert stats[(world.justice.pk, "2025-05-07")].published == 1


def test_forward_after_five_working_days_is_counted_late(world, counter_officer):
    item = receive(world, at=vn(2025, 4, 24, 9))
    item = feedback_classify(
        item,
        counter_officer,
        classification="outside_competence",
        agency=world.justice,
        now=vn(2025, 5, 5, 9, 1),
    )
    event = FeedbackEvent.objects.get(item=item, action="forward")
    assert event.timely is False
    assert (
        FeedbackDailyStat.objects.get(agency=world.construction, day="2025-05-05").forwarded_late
        == 1
    )
    assert feedback_check() == []


def test_not_accepted_needs_a_reason_and_tells_the_sender(world, counter_officer):
    item = receive(world)
    with pytest.raises(FeedbackError):
        feedback_classify(item, counter_officer, classification="not_accepted")
    item = feedback_classify(
        item,
        counter_officer,
        classification="not_accepted",
        reason="Nội dung là khiếu nại, không phải phản ánh",
    )
    assert item.status == "not_accepted"
    assert OutboxMessage.objects.filter(template="feedback_not_accepted", channel="sms").exists()


def test_officer_of_another_agency_has_no_part(world, other_agency_officer):
    item = receive(world)
    with pytest.raises(FeedbackError):
        feedback_classify(item, other_agency_officer, classification="within_competence")


def test_reassignment_keeps_history_and_extension_once(
    world, counter_officer, leader, justice_leader
):
    item = receive(world, at=vn(2025, 6, 2, 9))
    item = feedback_classify(
        item, counter_officer, classification="within_competence", now=vn(2025, 6, 2, 10)
    )
    item = feedback_forward(
        item, leader, agency=world.justice, reason="Thuộc lĩnh vực tư pháp", now=vn(2025, 6, 3, 9)
    )
    assert item.handling_agency == world.justice
    assert list(item.events.values_list("action", flat=True)) == ["receive", "accept", "reassign"]
    item = feedback_extend(
        item, justice_leader, days=5, reason="Cần lấy ý kiến", now=vn(2025, 6, 4, 9)
    )
    assert item.answer_due_at == vn(2025, 6, 24, 9)  # 10 + 5 working days from 03/06 09:00
    with pytest.raises(FeedbackError):
        feedback_extend(item, justice_leader, days=5, reason="Lần hai", now=vn(2025, 6, 5, 9))


def test_reopen_within_window_by_phone(world, counter_officer, leader, settings):
    settings.CCHC_FEEDBACK_REOPEN_DAYS = 30
    item = receive(world, at=vn(2025, 6, 2, 9))
    item = feedback_classify(
        item, counter_officer, classification="within_competence", now=vn(2025, 6, 2, 10)
    )
    item = feedback_submit_draft(item, leader, text="Đã chấn chỉnh cán bộ.", now=vn(2025, 6, 3, 9))
    item = feedback_approve(item, leader, now=vn(2025, 6, 3, 10))
    assert feedback_lookup(item.code.lower(), "0987.654.321") == item
    assert feedback_lookup(item.code, "0900000000") is None
    with pytest.raises(FeedbackError):
        feedback_reopen(item, phone="0900000000", reason="Chưa đúng", now=vn(2025, 6, 4, 9))
    with pytest.raises(FeedbackError):
        feedback_reopen(item, phone="0987654321", reason="Chưa đúng", now=vn(2025, 7, 4, 9))
    item = feedback_reopen(
        item,
        phone="0987654321",
        reason="Câu trả lời chưa nói đến việc trả hồ sơ",
        now=vn(2025, 6, 4, 9),
    )
    assert (item.status, item.reopen_count) == ("handling", 1)
    assert feedback_check() == []


def test_duplicates_and_merge(world, counter_officer):
    first = receive(world)
    second = receive(
        world,
        sender=Sender(name="Trần B", address="1 Nguyễn Huệ", phone="0911111111"),
        title="Cán bộ yêu cầu giấy tờ ngoài quy định",
    )
    found = feedback_duplicates(phone="0911111111", text=first.content, exclude_pk=second.pk)
    assert first in found
    merged = feedback_merge(second, counter_officer, into=first)
    assert (merged.status, merged.merged_into) == ("merged", first)
    with pytest.raises(FeedbackError):
        feedback_merge(first, counter_officer, into=first)


def test_reminders_are_queued_once(world, counter_officer, leader):
    item = receive(world, at=vn(2025, 6, 2, 9))
    feedback_classify(
        item, counter_officer, classification="within_competence", now=vn(2025, 6, 2, 10)
    )
    first = feedback_remind(now=vn(2025, 6, 20, 9))
    assert first > 0
    before = OutboxMessage.objects.count()
    feedback_remind(now=vn(2025, 6, 20, 9) + timedelta(hours=1))
    assert OutboxMessage.objects.count() == before
