"""The lead agency reports progress with evidence; late tasks are flagged on the working day
after their due date and reminded through the outbox; remediation tasks of the PAR Index land
in the plans."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.parindex.services import framework_publish, remediation_create, remediation_update
from cchc.plans import services
from cchc.plans.models import PlanTask
from cchc.plans.plan_services import plans_flag_late, sync_remediation_tasks, task_progress
from cchc.plans.services import PlanError
from tests.parindex.conftest import PDF, assessment, council_member, finalise, framework  # noqa: F401
from tests.plans.conftest_plans import task_for

pytestmark = pytest.mark.django_db

# Wednesday 29/04/2026 is followed by two public holidays (30/04, 01/05) and a weekend: the task
# is late from Monday 04/05/2026.
DUE = date(2026, 4, 29)


def at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def plan(world, home_affairs_evaluator):
    return services.plan_for(world.province, 2026, actor=home_affairs_evaluator)


def reminders(task, kind):
    return OutboxMessage.objects.filter(dedupe_key__startswith=f"plan:task:{task.pk}:{kind}:")


def test_a_task_due_before_a_holiday_is_flagged_late_on_the_first_working_day_after_it(world, plan):
    calendar = current_calendar()
    assert not calendar.is_working_day(date(2026, 4, 30))
    assert not calendar.is_working_day(date(2026, 5, 1))
    task = task_for(plan, world.construction, DUE)

    for day in (DUE, date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 3)):
        plans_flag_late(at(day, 16))
        task.refresh_from_db()
        assert task.status == PlanTask.Status.NOT_STARTED, day
        assert not reminders(task, "late").exists()

    plans_flag_late(at(date(2026, 5, 4), 7))
    task.refresh_from_db()

    assert task.status == PlanTask.Status.LATE
    assert task.late_notified_on == date(2026, 5, 4)
    assert task.updates.order_by("id").last().to_status == PlanTask.Status.LATE
    assert set(reminders(task, "late").values_list("recipient", flat=True)) == {
        world.reform_officer.username,
        world.leader.username,
    }


def test_the_job_run_twice_reminds_once(world, plan):
    task = task_for(plan, world.construction, DUE)
    first = plans_flag_late(at(date(2026, 5, 4)))
    second = plans_flag_late(at(date(2026, 5, 5)))

    assert first == 2 and second == 0
    assert reminders(task, "late").count() == 2
    assert task.updates.filter(to_status=PlanTask.Status.LATE).count() == 1


def test_a_task_due_within_two_working_days_is_reminded_before_its_due_date(world, plan):
    task = task_for(plan, world.construction, date(2026, 5, 8))  # a Friday

    plans_flag_late(at(date(2026, 5, 5)))
    assert not reminders(task, "soon").exists()
    plans_flag_late(at(date(2026, 5, 6)))
    assert reminders(task, "soon").count() == 2


def test_the_management_command_runs_the_job(world, plan, capsys):
    task_for(plan, world.construction, timezone.localdate() + timedelta(days=1))
    call_command("plans_flag_late")
    assert "lời nhắc" in capsys.readouterr().out


def test_the_lead_agency_reports_progress_with_evidence(world, plan):
    task = task_for(plan, world.construction, date(2030, 6, 30))
    now = at(date(2026, 5, 4))

    task_progress(
        task,
        actor=world.reform_officer,
        status="in_progress",
        progress=40,
        note="Đã dự thảo",
        now=now,
    )
    update = task_progress(
        task,
        actor=world.leader,
        status="done",
        progress=80,
        document="12/KH-SXD",
        link="https://sxd.example.vn/ke-hoach",
        file=SimpleUploadedFile("ket-qua.pdf", PDF, "application/pdf"),
        now=now,
    )
    task.refresh_from_db()

    assert (task.status, task.progress, task.done_at) == ("done", 100, now)
    assert (update.from_status, update.to_status, update.document) == (
        "in_progress",
        "done",
        "12/KH-SXD",
    )
    assert update.file.name and update.original_name == "ket-qua.pdf"
    assert [u.to_status for u in task.updates.order_by("id")] == [
        "not_started",
        "in_progress",
        "done",
    ]


@pytest.mark.parametrize(
    ("status", "progress", "fields", "field"),
    [
        ("done", 100, {}, "note"),
        ("cancelled", 0, {}, "note"),
        ("in_progress", 100, {}, "progress"),
        ("in_progress", 101, {}, "progress"),
        ("in_progress", 10, {"link": "javascript:alert(1)"}, "link"),
        ("late", 10, {}, "status"),
        (
            "in_progress",
            10,
            {"file": SimpleUploadedFile("x.exe", b"MZ\x90", "application/pdf")},
            "file",
        ),
    ],
)
def test_a_progress_update_breaking_a_rule_is_refused_and_stores_nothing(
    world, plan, status, progress, fields, field
):
    task = task_for(plan, world.construction, date(2030, 6, 30))
    with pytest.raises(PlanError) as refused:
        task_progress(task, actor=world.reform_officer, status=status, progress=progress, **fields)
    assert refused.value.field == field
    assert task.updates.count() == 1


def test_only_the_lead_agency_or_home_affairs_update_a_task(world, plan):
    task = task_for(plan, world.construction, date(2030, 6, 30))
    for outsider in (world.other_agency_officer, world.counter_officer, world.citizen):
        with pytest.raises(PlanError):
            task_progress(task, actor=outsider, status="in_progress", progress=5)
    task_progress(task, actor=world.home_affairs_evaluator, status="in_progress", progress=5)


def test_a_finished_task_takes_no_more_updates(world, plan):
    task = task_for(plan, world.construction, date(2030, 6, 30))
    task_progress(task, actor=world.reform_officer, status="cancelled", progress=0, note="Trùng")
    with pytest.raises(PlanError) as refused:
        task_progress(task, actor=world.reform_officer, status="in_progress", progress=5)
    assert refused.value.field == "status"


def test_progress_on_a_late_task_keeps_it_late_until_done(world, plan):
    task = task_for(plan, world.construction, DUE)
    plans_flag_late(at(date(2026, 5, 4)))
    task_progress(
        task,
        actor=world.reform_officer,
        status="in_progress",
        progress=50,
        now=at(date(2026, 5, 5)),
    )
    task.refresh_from_db()
    assert (task.status, task.progress) == ("late", 50)


def test_remediation_tasks_of_the_par_index_land_in_the_agencys_plan_in_step(
    world,
    assessment,  # noqa: F811
    council_member,  # noqa: F811
):
    finalise(world, assessment, council_member)
    framework_publish(assessment.framework, actor=world.home_affairs_evaluator)
    due = timezone.localdate() + timedelta(days=30)
    remediation = remediation_create(
        assessment, "1.1", actor=world.leader, action="Ban hành kế hoạch", due_date=due
    )

    assert sync_remediation_tasks() == 1
    assert sync_remediation_tasks() == 0
    task = PlanTask.objects.get(remediation_task=remediation)
    assert (task.plan.agency, task.plan.year) == (world.construction, due.year)
    assert (task.source, task.lead_agency, task.due_date) == ("parindex", world.construction, due)
    assert task.status == "not_started"

    remediation_update(remediation, actor=world.reform_officer, status="in_progress")
    assert sync_remediation_tasks() == 1
    task.refresh_from_db()
    assert task.status == "in_progress"
    with pytest.raises(PlanError):
        task_progress(task, actor=world.reform_officer, status="done", progress=100, note="x")


def test_a_task_turned_late_by_a_progress_update_is_reminded_by_the_next_run(world, plan):
    task = task_for(plan, world.construction, DUE)
    task_progress(
        task,
        actor=world.reform_officer,
        status="in_progress",
        progress=10,
        now=at(date(2026, 5, 4)),
    )
    task.refresh_from_db()
    assert task.status == "late" and task.late_notified_on is None

    plans_flag_late(at(date(2026, 5, 5)))

    task.refresh_from_db()
    assert task.late_notified_on == date(2026, 5, 5)
    assert reminders(task, "late").count() == 2
    assert plans_flag_late(at(date(2026, 5, 6))) == 0
