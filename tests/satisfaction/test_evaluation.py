"""The per-dossier evaluation (issue 11, build 2; Decree 61/2018 regime, DOMAIN A8): a returned
dossier's platform-filled indicators match values worked out by hand for a case with a
supplement, an inter-agency step and a late step; the rating fills attitude and feedback; Home
Affairs enters what the platform cannot know and appraises, kept apart from the self score;
the counters per agency and day stay exact (``stats_rebuild --check``)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command

from cchc.catalog.models import ProcessStep
from cchc.catalog.services import procedure_publish
from cchc.dossiers.services import (
    dossier_approve,
    dossier_forward,
    dossier_pay,
    dossier_request_supplement,
    dossier_return,
    dossier_submit_supplement,
)
from cchc.satisfaction.evaluation import (
    MSG_ALL_NINE,
    MSG_BAD_POINTS,
    MSG_NOT_ENTERED,
    MSG_NOT_HOME_AFFAIRS,
    MSG_NOT_RETURNED,
    EvaluationError,
    evaluation_appraise,
    evaluation_check,
    evaluation_fill,
    evaluation_recount,
)
from cchc.satisfaction.jobs import evaluations_fill
from cchc.satisfaction.models import DossierEvaluation, EvaluationDailyStat
from cchc.satisfaction.services import rating_submit, satisfaction_check
from tests.dossiers.helpers import at, receive

pytestmark = pytest.mark.django_db

NINE = (
    "total_time",
    "agency_time",
    "contacts",
    "agencies_contacted",
    "one_stop",
    "publicity",
    "attitude",
    "feedback",
    "online",
)


def with_justice_step(world):
    """The building permit asks Sở Tư pháp's opinion between appraisal and approval:
    receive 4 h, appraise 105.5 h (Sở Xây dựng's division), Sở Tư pháp 0.5 h, approve 4 h,
    return 2 h (15 working days = 120 h in all)."""
    permit = world.building_permit
    ProcessStep.objects.filter(procedure=permit, order=4).update(order=5)
    ProcessStep.objects.filter(procedure=permit, order=3).update(order=4)
    ProcessStep.objects.create(
        procedure=permit,
        order=3,
        name="Lấy ý kiến Sở Tư pháp",
        role="specialist",
        agency=world.justice,
        budget_hours=0.5,
    )
    ProcessStep.objects.filter(procedure=permit, order=2).update(budget_hours=105.5)
    procedure_publish(actor=None, procedure=permit, decision_number="3/QĐ", decision_date=None)


@pytest.fixture
def returned(world):
    """A permit received at the counter on Monday 03/03/2025 09:00 (visit 1), legally due 15
    working days later (24/03 09:00). The specialist asks for a supplement on Wednesday 05/03
    09:00; the applicant brings it to the counter on Monday 10/03 09:00 (visit 2): three
    working days paused, so the legal due moment moves to Thursday 27/03 09:00. The specialist
    sends it to Sở Tư pháp on Tuesday 11/03 09:00 — half an hour, due 09:30 — which hands it on
    the next day at 10:00: late. The leader approves on 12/03 11:00 (within 4 h), the fee is
    paid at 11:15 and the result handed over in person at 11:30 (visit 3, the return step's
    2 h kept)."""
    with_justice_step(world)
    d = receive(world, now=at(2025, 3, 3, 9))
    dossier_request_supplement(
        actor=world.specialist,
        dossier=d,
        items=["Bản vẽ kết cấu"],
        reason="Thiếu bản vẽ kết cấu",
        now=at(2025, 3, 5, 9),
    )
    d = dossier_submit_supplement(actor=world.counter_officer, dossier=d, now=at(2025, 3, 10, 9))
    assert d.legal_due_at == at(2025, 3, 27, 9)
    d = dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 11, 9))
    assert d.current_step.agency == world.justice
    d = dossier_forward(actor=world.other_agency_officer, dossier=d, now=at(2025, 3, 12, 10))
    d = dossier_approve(
        actor=world.leader, dossier=d, result_number="9/GPXD", now=at(2025, 3, 12, 11)
    )
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 3, 12, 11, 15))
    d = dossier_return(
        actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, 3, 12, 11, 30)
    )
    assert (d.status, d.visit_count, d.processing_supplement_count) == ("returned", 3, 1)
    return d


def scores(evaluation):
    return {s.indicator: (s.self_score, s.source) for s in evaluation.scores.all()}


def test_the_platform_fills_what_its_records_say_as_worked_out_by_hand(world, returned):
    evaluation = evaluation_fill(returned, now=at(2025, 3, 12, 12))
    assert scores(evaluation) == {
        # finished 12/03, legal due 27/03 09:00: a date before the due date → early → 2
        "total_time": (2, "platform"),
        # Sở Xây dựng's steps (its division's appraisal counts as its own) all in time,
        # Sở Tư pháp's step handed on 12/03 10:00 against 11/03 09:30: one agency late → 1
        "agency_time": (1, "platform"),
        # 1 filing + 1 supplement = 2 contacts → 1; three visits to the counter → 1; lower → 1
        "contacts": (1, "platform"),
        # the applicant only ever dealt with Sở Xây dựng's counter → 1 agency → 2
        "agencies_contacted": (2, "platform"),
        # the route opens and closes with the counter's step → 2
        "one_stop": (2, "platform"),
        # not known to the platform: left to be entered
        "publicity": (None, "entered"),
        # no rating yet
        "attitude": (None, "entered"),
        "feedback": (None, "entered"),
        # filed at the counter: online service not applicable, counted as met → 2
        "online": (2, "platform"),
    }
    # 2 + 1 + 1 + 2 + 2 + 2 = 10, six of nine scored: no band yet
    assert (evaluation.self_total, evaluation.self_complete, evaluation.self_band) == (
        10,
        False,
        "",
    )
    assert evaluation.day == at(2025, 3, 12).date()
    assert evaluation.resolving_agency == world.construction


def test_the_rating_fills_attitude_and_feedback_and_home_affairs_enters_and_appraises(
    world, returned, home_affairs_evaluator
):
    evaluation_fill(returned, now=at(2025, 3, 12, 12))
    rating_submit(
        dossier=returned,
        overall="satisfied",
        aspects={"civil_servant": "satisfied", "feedback": "very_satisfied"},
        now=at(2025, 3, 13, 9),
    )
    evaluation = DossierEvaluation.objects.get(dossier=returned)
    assert scores(evaluation)["attitude"] == (1, "rating")
    assert scores(evaluation)["feedback"] == (2, "rating")
    assert (evaluation.self_total, evaluation.self_band) == (13, "")  # 10 + 1 + 2
    appraised = dict.fromkeys(NINE, 2) | {"agency_time": 1}
    evaluation = evaluation_appraise(
        actor=home_affairs_evaluator,
        dossier=returned,
        entered={"publicity": 2},
        appraised=appraised,
        note="Đã kiểm tra niêm yết công khai",
        now=at(2025, 3, 20),
    )
    # self: 13 + 2 = 15, all nine: 15 itself is classified (Tốt); appraised 17: Xuất sắc
    assert (evaluation.self_total, evaluation.self_complete, evaluation.self_band) == (
        15,
        True,
        "good",
    )
    assert (evaluation.appraised_total, evaluation.appraised_band) == (17, "excellent")
    assert scores(evaluation)["publicity"] == (2, "entered")
    # refilled later: the entered score and the appraisal stay, nothing is counted twice
    again = evaluation_fill(returned, now=at(2025, 3, 21))
    assert (again.self_total, again.appraised_total) == (15, 17)
    row = EvaluationDailyStat.objects.get(resolving_agency=world.construction)
    assert (row.evaluated, row.self_points, row.self_good, row.appraised_excellent) == (
        1,
        15,
        1,
        1,
    )
    assert evaluation_check() == [] and satisfaction_check() == []


def test_appraisals_out_of_rule_are_refused_with_a_reason(
    world, returned, home_affairs_evaluator, leader
):
    evaluation_fill(returned, now=at(2025, 3, 12, 12))
    full = dict.fromkeys(NINE, 2)
    cases = [
        (leader, full, {}, MSG_NOT_HOME_AFFAIRS),
        (home_affairs_evaluator, full | {"online": 3}, {}, MSG_BAD_POINTS),
        (home_affairs_evaluator, {"online": 2}, {}, MSG_ALL_NINE),
        (home_affairs_evaluator, full, {"total_time": 0}, MSG_NOT_ENTERED),
        (home_affairs_evaluator, full | {"nonsense": 1}, {}, MSG_BAD_POINTS),
    ]
    for actor, appraised, entered, message in cases:
        with pytest.raises(EvaluationError) as refused:
            evaluation_appraise(actor=actor, dossier=returned, appraised=appraised, entered=entered)
        assert refused.value.message == message
    assert DossierEvaluation.objects.get(dossier=returned).appraised_total is None


def test_only_a_returned_dossier_is_evaluated(world):
    d = receive(world, now=at(2025, 3, 3, 9))
    with pytest.raises(EvaluationError) as refused:
        evaluation_fill(d)
    assert refused.value.message == MSG_NOT_RETURNED


def test_the_job_fills_returned_dossiers_once_with_a_rating_given_before_the_return(world):
    d = receive(world, now=at(2025, 3, 3, 9))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4, 9))
    d = dossier_approve(
        actor=world.leader, dossier=d, result_number="1/GPXD", now=at(2025, 3, 4, 10)
    )
    rating_submit(
        dossier=d,
        overall="not_satisfied",
        aspects={"civil_servant": "not_satisfied"},
        now=at(2025, 3, 4, 11),
    )
    assert not DossierEvaluation.objects.exists()  # rated before the return: nothing yet
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 3, 4, 11))
    dossier_return(
        actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, 3, 4, 11, 30)
    )
    assert evaluations_fill(now=at(2025, 3, 4, 12)) == 1
    assert evaluations_fill(now=at(2025, 3, 4, 13)) == 0
    evaluation = DossierEvaluation.objects.get(dossier=d)
    assert scores(evaluation)["attitude"] == (0, "rating")
    assert scores(evaluation)["feedback"] == (None, "entered")
    # early (2), no late agency (2), no supplement and two visits (2), one agency (2), one
    # stop (2), not online (2), attitude 0 → 12
    assert evaluation.self_total == 12


def test_stats_rebuild_checks_and_mends_the_evaluation_counters(world, returned):
    evaluation_fill(returned, now=at(2025, 3, 12, 12))
    EvaluationDailyStat.objects.update(self_points=99)
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("stats_rebuild", "--check", stdout=out)
    assert "EvaluationDailyStat" in out.getvalue() and "self_points" in out.getvalue()
    call_command("stats_rebuild", stdout=io.StringIO())
    out = io.StringIO()
    call_command("stats_rebuild", "--check", stdout=out)
    assert "0 khác biệt." in out.getvalue()
    key = (world.construction.pk, at(2025, 3, 12).date())
    assert evaluation_recount()[key] == {"evaluated": 1, "self_points": 10}


def test_the_officers_dossier_page_shows_the_evaluation_card(
    client, world, returned, home_affairs_evaluator
):
    from django.urls import reverse

    url = reverse("dossiers:detail", args=[returned.code])
    client.force_login(world.counter_officer)
    assert 'data-testid="evaluation-card"' not in client.get(url).content.decode()  # not yet
    evaluation_fill(returned, now=at(2025, 3, 12, 12))
    evaluation_appraise(
        actor=home_affairs_evaluator,
        dossier=returned,
        entered={"publicity": 2},
        appraised=dict.fromkeys(NINE, 1),
        now=at(2025, 3, 20),
    )
    page = client.get(url).content.decode()
    assert 'data-testid="evaluation-card"' in page
    assert 'data-testid="evaluation-self">12/18<' in page  # 10 + publicity 2; no rating
    assert "chưa đủ chín chỉ số" in page
    assert 'data-testid="evaluation-appraised">9/18<' in page and "Khá" in page
    assert page.count("data-indicator=") == 9
    assert "Tổng thời gian giải quyết so với quy định" in page and "Hệ thống tự tính" in page


def test_the_report_sums_the_evaluations_per_resolving_agency_and_period(
    client, world, returned, home_affairs_evaluator
):
    from django.urls import reverse

    from cchc.org.selectors import agencies_visible_to
    from cchc.stats.report import agency_report

    evaluation_fill(returned, now=at(2025, 3, 12, 12))
    evaluation_appraise(
        actor=home_affairs_evaluator,
        dossier=returned,
        entered={"publicity": 2},
        appraised=dict.fromkeys(NINE, 2) | {"agency_time": 1},  # 17: Xuất sắc
        now=at(2025, 3, 20),
    )
    other = receive(world, now=at(2025, 3, 3, 10))
    dossier_forward(actor=world.specialist, dossier=other, now=at(2025, 3, 4, 9))
    dossier_forward(actor=world.other_agency_officer, dossier=other, now=at(2025, 3, 4, 9, 15))
    dossier_approve(actor=world.leader, dossier=other, result_number="2", now=at(2025, 3, 4, 10))
    dossier_pay(actor=world.counter_officer, dossier=other, now=at(2025, 3, 4, 10))
    dossier_return(
        actor=world.counter_officer, dossier=other, method="in_person", now=at(2025, 4, 1, 9)
    )
    evaluation_fill(other, now=at(2025, 4, 1, 10))  # returned in April: outside March

    def report(day_to):
        return agency_report(
            agencies_visible_to(home_affairs_evaluator),
            day_from=date(2025, 3, 1),
            day_to=day_to,
        )

    (march,) = report(date(2025, 3, 31)).evaluations
    assert (march.name, march.evaluated, march.self_points, march.self_good) == (
        "Sở Xây dựng",
        1,
        12,  # 10 by the platform + publicity 2 entered; no rating: incomplete, no self band
        0,
    )
    assert (march.appraised, march.appraised_points, march.appraised_excellent) == (1, 17, 1)
    spring = report(date(2025, 4, 30))
    assert spring.evaluations_total.evaluated == 2
    client.force_login(home_affairs_evaluator)
    page = client.get(
        reverse("stats:report"), {"date_from": "01/03/2025", "date_to": "31/03/2025"}
    ).content.decode()
    assert 'data-testid="report-evaluations"' in page and "17,0" in page


def test_the_reports_workbook_carries_the_evaluations_on_their_own_sheet(
    client, world, returned, home_affairs_evaluator
):
    from io import BytesIO

    from django.urls import reverse
    from openpyxl import load_workbook

    evaluation_fill(returned, now=at(2025, 3, 12, 12))
    evaluation_appraise(
        actor=home_affairs_evaluator,
        dossier=returned,
        entered={"publicity": 2},
        appraised=dict.fromkeys(NINE, 2) | {"agency_time": 1},  # 17: Xuất sắc
        now=at(2025, 3, 20),
    )
    client.force_login(home_affairs_evaluator)
    period = {"date_from": "01/03/2025", "date_to": "31/03/2025"}
    book = load_workbook(BytesIO(client.get(reverse("stats:report_xlsx"), period).content))
    sheet = book["Danh gia giai quyet ho so"]
    header = [cell.value for cell in sheet[4]]
    rows = [row for row in sheet.iter_rows(min_row=5, values_only=True) if row[1]]
    construction = next(row for row in rows if row[2] == world.construction.code)
    total = rows[-2]  # the total row, then the note under the table

    def cell(row, label):
        return row[header.index(label)]

    assert cell(construction, "Hồ sơ được đánh giá") == 1
    assert cell(construction, "Điểm tự đánh giá bình quân") == pytest.approx(12.0)
    assert cell(construction, "Đã thẩm định") == 1
    assert cell(construction, "Điểm thẩm định bình quân") == pytest.approx(17.0)
    assert (cell(construction, "Xuất sắc"), cell(construction, "Tốt")) == (1, 0)
    assert (total[1], cell(total, "Đã thẩm định"), cell(total, "Xuất sắc")) == ("Tổng cộng", 1, 1)
    assert "điểm tối đa 18" in rows[-1][1]
