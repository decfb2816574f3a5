"""Which feedback items an officer sees and in which worklist tab: scope by agency, every tab
against its rule, counts equal to the lists; the seeded reply templates; the hourly reminders
as a task and a command."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.http import Http404
from django.utils import timezone

from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.domain import feedback as rules
from cchc.feedback import selectors as sel
from cchc.feedback.models import Category, ReplyTemplate
from cchc.feedback.services import (
    feedback_approve,
    feedback_classify,
    feedback_publish,
    feedback_submit_draft,
)
from cchc.feedback.tasks import feedback_remind_task
from tests.feedback.conftest import receive, vn

# A Wednesday with no holiday near: 10 working days are two calendar weeks.
NOW = vn(2025, 6, 11, 10)

pytestmark = pytest.mark.django_db


def tab_codes(user, tab: str, now=None) -> list[str]:
    return [i.code for i in sel.feedback_worklist(user, tab, now or timezone.now())]


def test_an_officer_sees_items_received_or_handled_by_their_agency_only(
    world, counter_officer, specialist, other_agency_officer, home_affairs_evaluator, citizen
):
    ours = receive(world)
    theirs = receive(world, subject_agency=world.justice)
    forwarded = feedback_classify(
        receive(world), counter_officer, classification="outside_competence", agency=world.justice
    )
    # The division's specialist sees the department's items; Justice sees its own and what
    # was forwarded to it; Home Affairs sees all; a citizen none.
    assert set(sel.feedback_visible_to(specialist)) == {ours, forwarded}
    assert set(sel.feedback_visible_to(other_agency_officer)) == {theirs, forwarded}
    assert set(sel.feedback_visible_to(home_affairs_evaluator)) == {ours, theirs, forwarded}
    assert not sel.feedback_visible_to(citizen).exists()
    assert sel.feedback_get_for_user(counter_officer, ours.code.lower()) == ours
    with pytest.raises(Http404):
        sel.feedback_get_for_user(counter_officer, theirs.code)


def test_every_item_is_in_the_tab_its_status_and_deadlines_say(
    world, counter_officer, leader, specialist
):
    now = NOW
    received = receive(world, at=now - timedelta(hours=2))
    late_forward = receive(world, at=now - timedelta(days=20))
    handling = feedback_classify(
        receive(world, at=now - timedelta(hours=1)),
        counter_officer,
        classification="conduct",
        now=now - timedelta(hours=1),
    )
    due_soon = feedback_classify(
        receive(world, at=now - timedelta(days=14)),
        counter_officer,
        classification="within_competence",
        now=now - timedelta(days=13),
    )
    overdue = feedback_classify(
        receive(world, at=now - timedelta(days=40)),
        counter_officer,
        classification="within_competence",
        now=now - timedelta(days=30),
    )
    awaiting = feedback_submit_draft(
        feedback_classify(
            receive(world, at=now - timedelta(hours=3)),
            counter_officer,
            classification="within_competence",
            now=now - timedelta(hours=3),
        ),
        specialist,
        text="Dự thảo",
        now=now - timedelta(hours=2),
    )
    answered = feedback_approve(
        feedback_submit_draft(
            feedback_classify(receive(world), counter_officer, classification="conduct"),
            specialist,
            text="Trả lời",
        ),
        leader,
    )
    published = feedback_publish(
        feedback_approve(
            feedback_submit_draft(
                feedback_classify(receive(world), counter_officer, classification="conduct"),
                specialist,
                text="Trả lời khác",
            ),
            leader,
        ),
        leader,
    )
    refused = feedback_classify(
        receive(world), counter_officer, classification="not_accepted", reason="Không rõ nội dung"
    )
    soon_limit = sel.due_soon_limit(now)
    assert now < due_soon.answer_due_at <= soon_limit, "the fixture is due within 2 working days"
    assert overdue.answer_due_at < now

    assert set(tab_codes(leader, "received", now)) == {received.code, late_forward.code}
    assert tab_codes(leader, "forward_overdue", now) == [late_forward.code]
    # The tab's query agrees with the domain's rule.
    cal = current_calendar()
    assert rules.forward_overdue(rules.Status.RECEIVED, late_forward.received_at, now, cal)
    assert not rules.forward_overdue(rules.Status.RECEIVED, received.received_at, now, cal)
    assert set(tab_codes(leader, "handling", now)) == {handling.code, due_soon.code, overdue.code}
    assert tab_codes(leader, "awaiting", now) == [awaiting.code]
    assert tab_codes(leader, "due_soon", now) == [due_soon.code]
    assert tab_codes(leader, "answer_overdue", now) == [overdue.code]
    assert tab_codes(leader, "answered", now) == [answered.code]
    assert set(tab_codes(leader, "done", now)) == {published.code, refused.code}

    counts = sel.feedback_tab_counts(leader, now)
    assert counts == {tab: len(tab_codes(leader, tab, now)) for tab in sel.Tab}
    assert sel.feedback_attention_count(leader, now) == 3  # late forward, due soon, overdue


def test_another_agency_counts_nothing_of_ours(world, other_agency_officer):
    receive(world, at=timezone.now() - timedelta(days=20))
    counts = sel.feedback_tab_counts(other_agency_officer, timezone.now())
    assert set(counts.values()) == {0}
    assert sel.feedback_attention_count(other_agency_officer, timezone.now()) == 0


def test_every_category_has_a_common_reply_template_from_the_migration():
    common = ReplyTemplate.objects.filter(agency=None, active=True)
    assert set(common.values_list("category", flat=True)) == set(Category.values)
    for template in common:
        assert "Kính gửi" in template.body and "Trân trọng" in template.body


def test_the_reminders_run_as_a_task_and_as_a_command_once_per_deadline(world, counter_officer):
    feedback_classify(
        receive(world, at=timezone.now() - timedelta(days=40)),
        counter_officer,
        classification="within_competence",
        now=timezone.now() - timedelta(days=30),
    )
    sent = feedback_remind_task.delay().get()
    assert sent > 0
    overdue = OutboxMessage.objects.filter(template="feedback_overdue")
    assert overdue.count() == sent
    out = io.StringIO()
    call_command("feedback_remind", stdout=out)
    assert overdue.count() == sent  # deduplicated: nothing new for the same deadline
    assert "lời nhắc" in out.getvalue()
