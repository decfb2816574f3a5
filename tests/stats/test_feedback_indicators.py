"""Feedback and petitions in the period report and the serving index (issue 10, Build 5):
received, answered, answered on time, published and overdue per agency, read from the exact
counters the services keep — and the same on-time share recounted straight from the items
and their history; an item left unclassified is overdue on the right working day, across the
30/4–1/5 holidays."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cchc.domain.workdays import VN_TZ
from cchc.feedback.models import FeedbackDailyStat, FeedbackEvent, FeedbackItem
from cchc.feedback.services import (
    feedback_approve,
    feedback_check,
    feedback_classify,
    feedback_extend,
    feedback_publish,
    feedback_submit_draft,
)
from cchc.org.models import Agency, User
from cchc.org.selectors import agencies_visible_to
from cchc.stats.report import agency_report
from cchc.stats.selectors import share
from cchc.stats.serving import serving_index
from tests.dossiers.helpers import receive as receive_dossier
from tests.factories import UserFactory
from tests.feedback.conftest import receive, vn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serving_config")]

APRIL_MAY = {"day_from": date(2025, 4, 1), "day_to": date(2025, 5, 31)}
HOUR = timedelta(hours=1)


@pytest.fixture
def commune_staff(world):
    """The commune's officers: who classifies, drafts and approves its answers."""
    return {
        "counter": UserFactory(role=User.Role.COUNTER_OFFICER, agency=world.commune),
        "specialist": UserFactory(role=User.Role.SPECIALIST, agency=world.commune),
        "leader": UserFactory(role=User.Role.LEADER, agency=world.commune),
    }


def answer(item, drafter, leader, *, drafted_at, approved_at):
    item = feedback_submit_draft(
        item, drafter, text="Cơ quan đã kiểm tra và trả lời như sau.", now=drafted_at
    )
    return feedback_approve(item, leader, now=approved_at)


@pytest.fixture
def two_agencies(world, commune_staff):
    """Sở Xây dựng answers four items itself: two on time (one approved on 07/05, on time
    only because 30/4 and 1/5 are not working days), one late, one extended then answered
    within the extension; one is published. It forwards one to the commune, which answers it
    late; the commune answers one of its own on time, and leaves one waiting. One item stays
    unclassified at Sở Xây dựng. Each agency also received a dossier in the period (the
    serving index ranks the agencies with dossiers)."""
    receive_dossier(world, now=vn(2025, 4, 21, 9))
    receive_dossier(
        world, commune_staff["counter"], procedure=world.birth_registration, now=vn(2025, 4, 21)
    )
    c, s, lead = world.counter_officer, world.specialist, world.leader
    own = []
    for hour in (9, 10, 11, 14):
        item = receive(world, at=vn(2025, 4, 22, hour))
        item = feedback_classify(item, c, classification="within_competence", now=item.received_at)
        own.append(item)
    # On time across the holidays (10 working days from 22/04 09:00 skip 30/4 and 1/5: due
    # 08/05 09:00, not 06/05), on time by an hour, late by an hour.
    assert own[0].answer_due_at == vn(2025, 5, 8, 9)
    answer(own[0], s, lead, drafted_at=vn(2025, 5, 5, 9), approved_at=vn(2025, 5, 7, 10))
    due = own[1].answer_due_at
    answered = answer(own[1], s, lead, drafted_at=due - 2 * HOUR, approved_at=due - HOUR)
    feedback_publish(answered, lead, now=due + HOUR)
    due = own[2].answer_due_at
    answer(own[2], s, lead, drafted_at=due - HOUR, approved_at=due + HOUR)
    extended = feedback_extend(
        own[3], lead, days=5, reason="Cần lấy ý kiến Sở Tư pháp", now=vn(2025, 5, 2, 9)
    )
    answer(
        extended,
        s,
        lead,
        drafted_at=extended.answer_due_at - 2 * HOUR,
        approved_at=extended.answer_due_at - HOUR,
    )

    forwarded = feedback_classify(
        receive(world, at=vn(2025, 4, 23, 9)),
        c,
        classification="outside_competence",
        agency=world.commune,
        now=vn(2025, 4, 24, 9),
    )
    staff = commune_staff
    answer(
        forwarded,
        staff["specialist"],
        staff["leader"],
        drafted_at=forwarded.answer_due_at,
        approved_at=forwarded.answer_due_at + 24 * HOUR,
    )
    mine = [
        feedback_classify(
            receive(world, at=vn(2025, 4, 25, 9), subject_agency=world.commune),
            staff["counter"],
            classification="within_competence",
            now=vn(2025, 4, 25, 10),
        )
        for _ in range(2)
    ]
    answer(
        mine[0],
        staff["specialist"],
        staff["leader"],
        drafted_at=vn(2025, 4, 28, 9),
        approved_at=vn(2025, 4, 29, 9),
    )
    receive(world, at=vn(2025, 5, 26, 9))  # unclassified
    return world


def recount(agency: Agency, *, day_from: date, day_to: date) -> tuple[int, int]:
    """(answered on time, answered) for ``agency`` over the period, straight from the
    approval events and the items' own deadlines — not from the counters."""
    approvals = FeedbackEvent.objects.filter(action="approve", agency=agency).select_related("item")
    in_period = [e for e in approvals if day_from <= e.at.astimezone(VN_TZ).date() <= day_to]
    on_time = [e for e in in_period if e.at <= e.item.answer_due_at]
    return len(on_time), len(in_period)


def test_the_on_time_share_per_agency_matches_a_recount(two_agencies):
    world = two_agencies
    report = agency_report(agencies_visible_to(world.home_affairs_evaluator), **APRIL_MAY)
    lines = {line.code: line for line in report.feedback}
    index = serving_index(**APRIL_MAY)
    for agency, expected in ((world.construction, (3, 4)), (world.commune, (1, 2))):
        on_time, answered = recount(agency, **APRIL_MAY)
        assert (on_time, answered) == expected
        line = lines[agency.code]
        assert (line.answered_on_time, line.answered) == (on_time, answered)
        assert line.on_time_share == share(on_time, answered)
        mdhl1 = index.agency(agency.code).indicator("MDHL1")
        assert (mdhl1.numerator, mdhl1.denominator) == (on_time, answered)
        assert not mdhl1.entered
    construction = lines[world.construction.code]
    # Received: four of its own, the one it forwarded (on time), the one left waiting.
    assert (construction.received, construction.forwarded, construction.forwarded_late) == (
        6,
        1,
        0,
    )
    assert (construction.answered_late, construction.published) == (1, 1)
    commune = lines[world.commune.code]
    assert (commune.received, commune.answered_late, commune.published) == (2, 1, 0)
    total = report.feedback_total
    assert (total.received, total.answered, total.answered_on_time) == (8, 6, 4)
    assert feedback_check() == []


def test_the_items_are_counted_where_they_happened_and_only_in_the_period(two_agencies):
    world = two_agencies
    april = agency_report(Agency.objects.all(), day_from=date(2025, 4, 1), day_to=date(2025, 4, 30))
    lines = {line.code: line for line in april.feedback}
    # In April only the commune's own answer was approved; the May answers are May's.
    assert lines[world.commune.code].answered == 1
    assert lines[world.construction.code].answered == 0
    assert lines[world.construction.code].received == 5


def test_an_item_not_forwarded_in_5_working_days_is_overdue_on_the_right_working_day(world):
    # Received Thursday 24/04/2025 09:00, outside the receiver's competence and not forwarded:
    # Fri 25, Mon 28, Tue 29, (30/4, 1/5 holidays), Fri 2, (the weekend), Mon 5 → due
    # 05/05/2025 09:00.
    item = receive(world, at=vn(2025, 4, 24, 9))
    assert item.forward_due_at == vn(2025, 5, 5, 9)
    scope = Agency.objects.all()

    def overdue_at(moment):
        report = agency_report(scope, **APRIL_MAY, now=moment)
        return {line.code: line.overdue for line in report.feedback}[world.construction.code]

    assert overdue_at(vn(2025, 4, 30, 17)) == 0  # a holiday: the clock does not run
    assert overdue_at(vn(2025, 5, 5, 9)) == 0
    assert overdue_at(vn(2025, 5, 5, 9, 1)) == 1
    # Forwarded late, it is no longer waiting: counted as a late forward instead.
    feedback_classify(
        item,
        world.counter_officer,
        classification="outside_competence",
        agency=world.justice,
        now=vn(2025, 5, 5, 10),
    )
    report = agency_report(scope, **APRIL_MAY, now=vn(2025, 5, 5, 10))
    line = {line.code: line for line in report.feedback}[world.construction.code]
    assert (line.overdue, line.forwarded, line.forwarded_late) == (0, 1, 1)


def test_an_answer_past_its_due_moment_is_overdue_at_the_agency_that_answers(world):
    item = receive(world, at=vn(2025, 4, 24, 9))
    item = feedback_classify(
        item,
        world.counter_officer,
        classification="outside_competence",
        agency=world.justice,
        now=vn(2025, 4, 25, 9),
    )
    due = item.answer_due_at
    report = agency_report(Agency.objects.all(), **APRIL_MAY, now=due + timedelta(minutes=1))
    lines = {line.code: line.overdue for line in report.feedback}
    assert lines == {world.construction.code: 0, world.justice.code: 1}
    assert FeedbackItem.objects.get(pk=item.pk).status == "handling"


def test_the_report_page_and_workbook_show_the_feedback_of_the_period(client, two_agencies):
    world = two_agencies
    client.force_login(world.home_affairs_evaluator)
    period = {"date_from": "01/04/2025", "date_to": "31/05/2025"}
    page = client.get(reverse("stats:report"), period).content.decode()
    assert 'data-testid="report-feedback"' in page
    assert f'data-testid="feedback-{world.construction.code}"' in page
    assert "75,0%" in page  # 3 of 4 answered on time
    book = load_workbook(BytesIO(client.get(reverse("stats:report_xlsx"), period).content))
    sheet = book["Phan anh kien nghi"]
    header = [cell.value for cell in sheet[4]]
    rows = {row[2]: row for row in sheet.iter_rows(min_row=5, values_only=True) if row[2]}
    construction = rows[world.construction.code]
    assert construction[header.index("Đã trả lời")] == 4
    assert construction[header.index("Trả lời đúng hạn")] == 3
    assert construction[header.index("Tỷ lệ trả lời đúng hạn")] == pytest.approx(0.75)


def test_stats_rebuild_checks_and_mends_the_feedback_counters(two_agencies):
    world = two_agencies
    call_command("stats_rebuild", "--check", stdout=StringIO())
    # A restore that lost one late answer of Sở Xây dựng.
    FeedbackDailyStat.objects.filter(agency=world.construction, answered_late=1).update(
        answered_late=F("answered_late") - 1
    )
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("stats_rebuild", "--check", stdout=out)
    assert "FeedbackDailyStat" in out.getvalue() and "answered_late" in out.getvalue()
    call_command("stats_rebuild", stdout=StringIO())
    call_command("stats_rebuild", "--check", stdout=StringIO())
    report = agency_report(Agency.objects.all(), **APRIL_MAY)
    line = next(line for line in report.feedback if line.code == world.construction.code)
    assert (line.answered_on_time, line.answered) == (3, 4)


def test_the_mdhl1_migration_counts_it_and_goes_back_to_entered():
    """0007 switches the seeded MDHL1 to the feedback measures and back; MDHL2 stays entered;
    a rule the reform office changed is left alone."""
    from django.apps import apps as django_apps

    from cchc.stats.models import IndexIndicator
    from tests.stats.conftest import MDHL1_COUNTED

    def rule(code):
        row = IndexIndicator.objects.get(code=code, valid_from=date(2022, 6, 23))
        return (row.numerator, row.denominator)

    assert rule("MDHL1") == ("feedback_answered_in_time", "feedback_answered")
    assert rule("MDHL2") == ("entered", "entered")
    MDHL1_COUNTED.enter(django_apps, None)
    assert rule("MDHL1") == ("entered", "entered")
    row = IndexIndicator.objects.get(code="MDHL1", valid_from=date(2022, 6, 23))
    assert "nhập theo cơ quan và kỳ" in row.source and "Công thức" not in row.source
    MDHL1_COUNTED.count(django_apps, None)
    assert rule("MDHL1") == ("feedback_answered_in_time", "feedback_answered")
    IndexIndicator.objects.filter(code="MDHL1").update(numerator="ratings", denominator="ratings")
    MDHL1_COUNTED.enter(django_apps, None)
    assert rule("MDHL1") == ("ratings", "ratings")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    offsets=st.lists(
        st.one_of(st.none(), st.integers(min_value=-30, max_value=30)), min_size=1, max_size=4
    )
)
def test_on_time_and_late_add_up_to_the_answers_and_match_the_deadlines(world, offsets):
    """Items accepted on Tuesday 22/04/2025, each approved ``offset`` hours from its
    due moment (``None``: left waiting): on time + late = answered, on time = approved by the
    due moment, the same as the recount — whatever the mix."""
    with transaction.atomic():
        expected_on_time = 0
        for n, offset in enumerate(offsets):
            item = receive(world, at=vn(2025, 4, 22, 8, n))
            item = feedback_classify(
                item,
                world.counter_officer,
                classification="within_competence",
                now=item.received_at,
            )
            if offset is None:
                continue
            moment = item.answer_due_at + timedelta(hours=offset)
            item = feedback_submit_draft(
                item, world.specialist, text="Trả lời.", now=item.assigned_at + HOUR
            )
            feedback_approve(item, world.leader, now=moment)
            expected_on_time += offset <= 0
        report = agency_report(Agency.objects.all(), **APRIL_MAY)
        [line] = report.feedback
        answered = sum(offset is not None for offset in offsets)
        assert line.answered_on_time + line.answered_late == line.answered == answered
        assert line.answered_on_time == expected_on_time
        assert (line.answered_on_time, line.answered) == recount(world.construction, **APRIL_MAY)
        assert feedback_check() == []
        transaction.set_rollback(True)


def test_the_transparency_pages_show_the_share_answered_on_time(client, two_agencies):
    world = two_agencies
    period = {"year": "2025"}
    province = client.get(reverse("transparency:province"), period)
    assert province.status_code == 200
    assert province.context["feedback"].answered == 6
    page = province.content.decode()
    assert 'data-testid="public-feedback-on-time">66,7%' in page  # 4 of 6
    agency = client.get(reverse("transparency:agency", args=[world.construction.code]), period)
    assert agency.context["feedback"].on_time_share == share(3, 4)
    assert 'data-testid="public-feedback-on-time">75,0%' in agency.content.decode()
    assert "Nguyễn Văn Gửi" not in page and "0987654321" not in page
