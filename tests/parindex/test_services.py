"""The PAR Index assessment's one door: the workflow, its refusals, live criteria, publication
and corrections, remediation tasks — through the services on the real database."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.dossiers.models import Dossier
from cchc.org.models import User
from cchc.parindex.models import (
    Assessment,
    AssessmentEvent,
    Evidence,
    Framework,
    PublishedResult,
    RemediationTask,
    Score,
)
from cchc.parindex.selectors import assessment_get_for_user, assessments_for
from cchc.parindex.services import (
    AssessmentError,
    allowed_actions,
    assessment_appraise,
    assessment_open,
    assessment_reopen,
    assessment_request_clarification,
    assessment_send_back,
    assessment_submit,
    assessments_open_all,
    clarification_answer,
    evidence_add,
    framework_publish,
    live_refresh,
    remediation_create,
    remediation_update,
    score_annotate,
    score_review,
    score_save,
)
from tests.dossiers.helpers import at, receive
from tests.parindex.conftest import fill, finalise, pdf

pytestmark = pytest.mark.django_db


def score(assessment, code) -> Score:
    return Score.objects.get(assessment=assessment, criterion__code=code)


def test_opening_gives_one_score_per_scored_criterion_and_locks_the_framework(
    world, framework, assessment
):
    codes = sorted(assessment.scores.values_list("criterion__code", flat=True))
    assert codes == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    framework.refresh_from_db()
    assert framework.status == Framework.Status.OPEN
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.due_date == date(2025, 12, 20)
    # No dossier in 2025 yet: 0 of 0, the zero rule gives 0 points.
    live = score(assessment, "1.2")
    assert (live.live_numerator, live.live_denominator, live.system_points) == (0, 0, 0)
    with pytest.raises(AssessmentError):
        assessment_open(framework, world.construction, actor=world.home_affairs_evaluator)
    with pytest.raises(AssessmentError):
        assessment_open(framework, world.commune, actor=world.home_affairs_evaluator)
    with pytest.raises(AssessmentError):
        assessment_open(framework, world.justice, actor=world.reform_officer)


def test_opening_for_every_unit_of_the_kind_skips_those_already_open(world, framework, assessment):
    opened = assessments_open_all(framework, actor=world.home_affairs_evaluator)
    assert [a.agency for a in opened] == [world.justice]
    assert assessments_open_all(framework, actor=world.home_affairs_evaluator) == []


def test_a_live_criterion_follows_the_dossiers_and_the_points_rule_on_a_recount(
    world, framework, assessment
):
    receive(world, channel="online", now=at(2025, 3, 3))
    receive(world, now=at(2025, 3, 4))
    live_refresh(assessment)

    def recount():
        rows = Dossier.objects.filter(
            received_at__year=2025, resolving_agency=world.construction
        ).exclude(received_at__isnull=True)
        return rows.filter(channel="online").count(), rows.count()

    live = score(assessment, "1.2")
    assert (live.live_numerator, live.live_denominator) == recount() == (1, 2)
    # rate 1/2 reaches the upper bound (50 %): the full 3 points
    assert live.system_points == Decimal("3.00")

    receive(world, now=at(2025, 5, 5))
    receive(world, now=at(2025, 5, 6))
    live_refresh(assessment)
    live = score(assessment, "1.2")
    numerator, denominator = recount()
    assert (live.live_numerator, live.live_denominator) == (numerator, denominator) == (1, 4)
    # linear between 0 and 50 %: 3 × (1/4) / (1/2) = 1.5
    expected = (Decimal(3) * numerator / denominator / Decimal("0.5")).quantize(Decimal("0.01"))
    assert live.system_points == expected == Decimal("1.50")
    # A dossier of another year or another department does not count.
    receive(world, channel="online", now=at(2026, 1, 5))
    live_refresh(assessment)
    assert score(assessment, "1.2").live_denominator == 4


def test_a_live_criterion_cannot_be_scored_nor_reviewed_only_annotated(world, assessment):
    with pytest.raises(AssessmentError) as refused:
        score_save(assessment, "1.2", actor=world.reform_officer, points="3")
    assert refused.value.field == "points"
    score_annotate(assessment, "1.2", actor=world.reform_officer, text="Số liệu đã đối chiếu")
    assert score(assessment, "1.2").annotation == "Số liệu đã đối chiếu"
    fill(world, assessment)
    assessment_submit(assessment, actor=world.leader)
    with pytest.raises(AssessmentError):
        score_review(
            assessment, "1.2", actor=world.home_affairs_evaluator, decision="adjust", points="0"
        )


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("4.01", "points"),
        ("-1", "points"),
        ("abc", "points"),
        ("NaN", "points"),
        ("1e999", "points"),
        ("1.005", "points"),
    ],
)
def test_points_outside_the_maximum_or_not_a_number_are_refused(world, assessment, value, field):
    with pytest.raises(AssessmentError) as refused:
        score_save(assessment, "1.1", actor=world.reform_officer, points=value)
    assert refused.value.field == field
    assert score(assessment, "1.1").self_points is None
    assert not AssessmentEvent.objects.filter(assessment=assessment, action="score").exists()


def test_control_characters_and_oversized_text_are_refused_with_their_field(world, assessment):
    with pytest.raises(AssessmentError) as refused:
        score_save(assessment, "1.1", actor=world.reform_officer, points="1", explanation="a\x07b")
    assert refused.value.field == "explanation"
    with pytest.raises(AssessmentError) as refused:
        score_save(
            assessment, "1.1", actor=world.reform_officer, points="1", explanation="x" * 6000
        )
    assert refused.value.field == "explanation"
    assert score(assessment, "1.1").self_points is None


def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_stored(
    world, assessment, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00" + b"\x00" * 100, "application/pdf")
    with pytest.raises(AssessmentError) as refused:
        evidence_add(assessment, "1.1", actor=world.reform_officer, file=fake)
    assert refused.value.field == "file"
    assert not Evidence.objects.exists()
    assert not list(tmp_path.rglob("*.*"))
    with pytest.raises(AssessmentError) as refused:
        evidence_add(assessment, "1.1", actor=world.reform_officer, link="javascript:alert(1)")
    assert refused.value.field == "link"
    with pytest.raises(AssessmentError) as refused:
        evidence_add(assessment, "1.1", actor=world.reform_officer)
    assert refused.value.field == "file"
    evidence_add(assessment, "1.1", actor=world.reform_officer, file=pdf())
    stored = Evidence.objects.get()
    assert stored.original_name == "bien-ban.pdf" and stored.size > 0 and len(stored.sha256) == 64


def test_submitting_needs_the_leader_every_point_and_evidence_for_points_above_zero(
    world, assessment
):
    with pytest.raises(AssessmentError) as refused:
        assessment_submit(assessment, actor=world.leader)
    assert "1.1" in refused.value.message and "2.1" in refused.value.message
    score_save(assessment, "1.1", actor=world.reform_officer, points="3")
    score_save(assessment, "2.1", actor=world.reform_officer, points="0")
    with pytest.raises(AssessmentError) as refused:
        assessment_submit(assessment, actor=world.leader)
    assert "1.1" in refused.value.message and "2.1" not in refused.value.message
    evidence_add(assessment, "1.1", actor=world.reform_officer, document="123/KH-SXD")
    with pytest.raises(AssessmentError):
        assessment_submit(assessment, actor=world.reform_officer)
    assessment_submit(assessment, actor=world.leader)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    notices = OutboxMessage.objects.filter(template="parindex_submit")
    assert [m.recipient for m in notices] == [world.home_affairs_evaluator.username]


def test_appraisal_with_an_adjustment_and_a_clarification_round(world, assessment, council_member):
    fill(world, assessment)
    assessment_submit(assessment, actor=world.leader)
    ha = world.home_affairs_evaluator
    with pytest.raises(AssessmentError):  # the unit cannot review itself
        score_review(assessment, "1.1", actor=world.leader, decision="accept")
    with pytest.raises(AssessmentError) as refused:  # an adjustment needs its reason
        score_review(assessment, "2.1", actor=ha, decision="adjust", points="4")
    assert refused.value.field == "comment"
    score_review(assessment, "1.1", actor=ha, decision="accept")
    score_review(assessment, "2.1", actor=ha, decision="adjust", points="4", comment="Thiếu KH")
    score_review(assessment, "1.3", actor=ha, decision="clarify", comment="Nêu rõ kết quả")
    with pytest.raises(AssessmentError):  # 1.3 is still open
        assessment_appraise(assessment, actor=ha)
    assessment_request_clarification(assessment, actor=ha, note="Giải trình trong 5 ngày")
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.CLARIFICATION
    assert assessment.due_date > timezone.localdate()
    # Only the criterion asked about may change; the answer is needed to resubmit.
    with pytest.raises(AssessmentError):
        score_save(assessment, "1.1", actor=world.reform_officer, points="4")
    with pytest.raises(AssessmentError) as refused:
        assessment_submit(assessment, actor=world.leader)
    assert "1.3" in refused.value.message
    clarification_answer(assessment, "1.3", actor=world.reform_officer, answer="Đã ban hành QĐ")
    assessment_submit(assessment, actor=world.leader)
    assert score(assessment, "1.3").review == Score.Review.PENDING
    score_review(assessment, "1.3", actor=ha, decision="adjust", points="2", comment="Đạt một phần")
    assessment_appraise(assessment, actor=ha)
    assessment.refresh_from_db()
    # 3 (1.1) + 0 (1.2, no dossier) + 2 (1.3) + 4 (2.1) = 9 of 16 appraised, no survey:
    # rescaled to 20 → 11.25; the unit's own was 3 + 5 = 8 → 10.
    assert assessment.total == Decimal("11.25")
    assert assessment.self_total == Decimal("10.00")
    assert assessment.percent == Decimal("56.25")
    assert assessment.classification == "Trung bình"
    assessment_send_back(assessment, actor=council_member, note="Xem lại 2.1")
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    actions = list(assessment.events.values_list("action", flat=True))
    assert actions[:2] == ["open", "score"]
    assert "request_clarification" in actions and actions[-1] == "send_back"


def test_publishing_ranks_equal_totals_together_and_freezes_the_result(
    world, framework, council_member
):
    ha = world.home_affairs_evaluator
    first = assessment_open(framework, world.construction, actor=ha)
    finalise(world, first, council_member)
    second = assessment_open(framework, world.justice, actor=ha)
    justice_officer = User.objects.create_user(
        username="t.justice.reform",
        password="x",
        role=User.Role.REFORM_OFFICER,
        agency=world.justice,
    )
    justice_leader = User.objects.create_user(
        username="t.justice.leader", password="x", role=User.Role.LEADER, agency=world.justice
    )
    for code, value in (("1.1", "3"), ("2.1", "5")):
        score_save(second, code, actor=justice_officer, points=value)
        evidence_add(second, code, actor=justice_officer, link="https://sotuphap.example.vn/kh")
    assessment_submit(second, actor=justice_leader)
    for code in ("1.1", "2.1"):
        score_review(second, code, actor=ha, decision="accept")
    score_review(second, "1.3", actor=ha, decision="adjust", points="2", comment="Đạt")
    assessment_appraise(second, actor=ha)
    from cchc.parindex.services import assessment_confirm

    assessment_confirm(second, actor=council_member)
    with pytest.raises(AssessmentError):
        framework_publish(framework, actor=council_member)
    results = framework_publish(framework, actor=ha)
    assert sorted(r.rank for r in results) == [1, 1]
    assert {r.total for r in results} == {Decimal("12.50")}  # 10 of 16, rescaled to 20
    result = PublishedResult.objects.get(agency=world.construction)
    assert result.components[0]["field_code"] == "1"
    assert result.points["1.3"] == "2.00"
    # Field 1: 3 + 0 + 2 = 5 of 10 → 50 %: eligible; field 2: 5 of 6 (survey left out).
    assert result.eligible is True

    # A correction: reopened with a reason; the published figure stays until republished.
    with pytest.raises(AssessmentError) as refused:
        assessment_reopen(first, actor=ha, reason=" ")
    assert refused.value.field == "reason"
    assessment_reopen(first, actor=ha, reason="Sai số liệu tiêu chí 2.1")
    first.refresh_from_db()
    assert first.status == Assessment.Status.SUBMITTED
    assert PublishedResult.objects.get(agency=world.construction, superseded_at=None) == result
    score_review(first, "2.1", actor=ha, decision="adjust", points="6", comment="Bổ sung")
    assessment_appraise(first, actor=ha)
    assessment_confirm(first, actor=council_member)
    framework_publish(framework, actor=ha)
    current = PublishedResult.objects.get(agency=world.construction, superseded_at=None)
    assert current.total == Decimal("13.75") and current.rank == 1
    assert PublishedResult.objects.get(agency=world.justice, superseded_at=None).rank == 2
    result.refresh_from_db()
    assert result.superseded_at is not None
    assert first.events.filter(action="reopen", note="Sai số liệu tiêu chí 2.1").exists()


def test_a_field_under_half_makes_the_unit_not_eligible(world, assessment, council_member):
    ha = world.home_affairs_evaluator
    fill(world, assessment, points=("0", "5"))
    assessment_submit(assessment, actor=world.leader)
    for code in ("1.1", "2.1"):
        score_review(assessment, code, actor=ha, decision="accept")
    score_review(assessment, "1.3", actor=ha, decision="adjust", points="1", comment="Yếu")
    assessment_appraise(assessment, actor=ha)
    from cchc.parindex.services import assessment_confirm

    assessment_confirm(assessment, actor=council_member)
    (result,) = framework_publish(assessment.framework, actor=ha)
    assert result.components[0]["percent"] == "10.00"  # 1 of 10
    assert result.eligible is False


def test_scoped_reads_hide_another_units_assessment(world, framework, assessment):
    other = assessment_open(framework, world.justice, actor=world.home_affairs_evaluator)
    assert list(assessments_for(world.reform_officer)) == [assessment]
    assert set(assessments_for(world.home_affairs_evaluator)) == {assessment, other}
    assert not assessments_for(world.counter_officer).exists()
    from django.http import Http404

    with pytest.raises(Http404):
        assessment_get_for_user(world.reform_officer, 2025, "department", world.justice.code)
    with pytest.raises(Http404):
        assessment_get_for_user(world.reform_officer, 2025, "planet", world.construction.code)
    assert allowed_actions(assessment, world.reform_officer) == {"score", "annotate"}
    assert "submit" in allowed_actions(assessment, world.leader)
    assert allowed_actions(other, world.reform_officer) == set()


def test_remediation_tasks_are_assigned_on_weak_criteria_and_worked_through(
    world, assessment, council_member
):
    finalise(world, assessment, council_member)
    framework_publish(assessment.framework, actor=world.home_affairs_evaluator)
    due = timezone.localdate() + timedelta(days=30)
    with pytest.raises(AssessmentError):  # the reform officer does not assign
        remediation_create(
            assessment, "1.1", actor=world.reform_officer, action="Bổ sung", due_date=due
        )
    with pytest.raises(AssessmentError) as refused:
        remediation_create(
            assessment, "1.1", actor=world.leader, action="Bổ sung", due_date=date(1, 1, 1)
        )
    assert refused.value.field == "due_date"
    with pytest.raises(AssessmentError) as refused:
        remediation_create(
            assessment,
            "1.1",
            actor=world.leader,
            action="Bổ sung",
            due_date=due,
            owner=world.other_agency_officer,
        )
    assert refused.value.field == "owner"
    task = remediation_create(
        assessment,
        "1.1",
        actor=world.leader,
        action="Ban hành kế hoạch kiểm tra CCHC",
        due_date=due,
        owner=world.reform_officer,
    )
    assert task.points_gap == Decimal("1.00")  # 3 of 4
    with pytest.raises(AssessmentError):  # one open task per criterion
        remediation_create(assessment, "1.1", actor=world.leader, action="Lại", due_date=due)
    with pytest.raises(AssessmentError) as refused:
        remediation_update(task, actor=world.reform_officer, status="done")
    assert refused.value.field == "progress_note"
    remediation_update(task, actor=world.reform_officer, status="in_progress")
    remediation_update(
        task,
        actor=world.reform_officer,
        status="done",
        progress_note="Đã ban hành KH 12/KH-SXD",
        evidence_link="https://soxaydung.example.vn/kh12",
    )
    task.refresh_from_db()
    assert task.status == RemediationTask.Status.DONE and task.done_at is not None
    with pytest.raises(AssessmentError):
        remediation_update(task, actor=world.other_agency_officer, status="in_progress")
    assert OutboxMessage.objects.filter(template="parindex_task").count() == 1


def test_reminders_before_and_after_a_deadline_are_sent_once(world, assessment, council_member):
    from cchc.parindex.services import parindex_remind

    # Due Sat 20/12/2025: on Thu 18/12 two working days reach Fri 19/12 only; on Fri 19/12
    # they reach Mon 22/12, past the deadline.
    assert parindex_remind(at(2025, 12, 18, 8)) == 0
    friday = at(2025, 12, 19, 8)
    assert parindex_remind(friday) == 2  # the unit's reform officer and leader
    assert parindex_remind(friday) == 0
    assert parindex_remind(at(2025, 12, 22, 8)) == 2  # now overdue: once more
    subjects = set(
        OutboxMessage.objects.filter(template="parindex_reminder").values_list("subject", flat=True)
    )
    assert any("Quá hạn" in s and "20/12/2025" in s for s in subjects)


def test_the_province_draws_on_the_units_evidence_and_measures_every_unit(world, assessment):
    from cchc.parindex.selectors import province_sources
    from tests.parindex.conftest import build_framework

    fill(world, assessment)
    evidence_add(assessment, "1.1", actor=world.reform_officer, document="45/KH-SXD")
    receive(world, channel="online", now=at(2025, 3, 3))
    province_framework = build_framework(kind="province")
    ha = world.home_affairs_evaluator
    own = assessment_open(province_framework, world.province, actor=ha)
    sources = province_sources(own, "1.1")
    assert [(s.agency_code, s.points) for s in sources] == [
        (world.construction.code, Decimal("3.00"))
    ]
    assert [e.document for e in sources[0].evidence if e.document] == ["45/KH-SXD"]
    assert len(sources[0].evidence) == 2
    assert province_sources(assessment, "1.1") == []
    # Home Affairs fills the province's own assessment; the live criterion counts every unit.
    score_save(own, "1.1", actor=ha, points="4", explanation="Tổng hợp từ các sở")
    live = score(own, "1.2")
    assert (live.live_numerator, live.live_denominator) == (1, 1)
    assert "submit" in allowed_actions(own, ha)


def test_the_system_administrator_may_open_assessments_but_not_appraise(world, framework):
    opened = assessments_open_all(framework, actor=world.admin)
    assert {a.agency for a in opened} == {world.construction, world.justice}
    assert allowed_actions(opened[0], world.admin) == set()
