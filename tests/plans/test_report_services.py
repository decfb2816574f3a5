"""Periodic reports through their one door: figures from live data for the unit and period,
the narrative saved with the shared text checks, the snapshot frozen at submission, Home
Affairs' return (comment required) and acceptance, a resubmission freezing new figures, an
event per action and notices in the outbox, and the province report consolidating the units."""

# The fixtures of conftest_reports are imported by name, so pytest finds them: each test that
# takes one as an argument "redefines" the import.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from cchc.core.models import OutboxMessage
from cchc.plans import report_services as reports
from cchc.plans.models import PeriodicReport
from cchc.plans.report_figures import period_days, report_figures
from cchc.plans.services import PlanError, plan_for, task_add
from tests.dossiers.helpers import at, receive
from tests.plans.conftest_reports import (  # noqa: F401
    NARRATIVE,
    YEAR,
    draft_report,
    q1_activity,
    written_report,
)

pytestmark = pytest.mark.django_db


def test_periods_run_from_the_first_of_january():
    assert period_days(2025, "q1") == (date(2025, 1, 1), date(2025, 3, 31))
    assert period_days(2025, "h1") == (date(2025, 1, 1), date(2025, 6, 30))
    assert period_days(2025, "q3") == (date(2025, 1, 1), date(2025, 9, 30))
    assert period_days(2025, "year") == (date(2025, 1, 1), date(2025, 12, 31))


def test_the_figures_are_the_dashboards_for_the_agency_and_quarter(client, q1_activity):
    world = q1_activity
    figures = report_figures(world.construction, YEAR, "q1")
    client.force_login(world.home_affairs_evaluator)
    page = client.get(
        reverse("stats:dashboard"),
        {"period": "quarter", "part": "1", "year": str(YEAR), "agency": world.construction.code},
    )
    table = next(t for t in page.context["tables"] if t.name == "co-quan")
    total = table.total
    one_stop = figures["one_stop"]
    assert (one_stop["received"], one_stop["finished"]) == (total[1], total[4]) == (3, 2)
    assert one_stop["finished_early"] == 2 and one_stop["finished_late"] == 0
    assert one_stop["postal"] == 1 and one_stop["online"] == 0
    assert one_stop["apologies"] == total[7] == 0
    assert figures["agency"]["code"] == world.construction.code
    # The year counts the April dossier too; another unit has none of them.
    assert report_figures(world.construction, YEAR, "h1")["one_stop"]["received"] == 4
    assert report_figures(world.justice, YEAR, "q1")["one_stop"]["received"] == 0


def test_plan_progress_counts_the_units_tasks_by_status(q1_activity):
    world = q1_activity
    plan = plan_for(world.construction, YEAR)
    for content in ("Rà soát thủ tục", "Niêm yết công khai"):
        task_add(
            plan, content=content, due_date=date(YEAR, 6, 30), timing="date", timing_text="30/6"
        )
    figures = report_figures(world.construction, YEAR, "q1")
    assert figures["plan"]["total"] == 2
    assert figures["plan"]["by_status"]["not_started"] == 2
    assert report_figures(world.justice, YEAR, "q1")["plan"]["total"] == 0


def test_the_narrative_is_saved_and_checked(draft_report, world):
    report = draft_report
    assert report.status == PeriodicReport.Status.DRAFT
    assert report.results.startswith("Đã rà soát") and report.number == "15/BC-SXD"
    with pytest.raises(PlanError):
        reports.report_save(report, actor=world.reform_officer, results="bad\x07text")
    with pytest.raises(PlanError):
        reports.report_save(report, actor=world.reform_officer, results="x" * 20001)
    with pytest.raises(PlanError):  # another agency's officer
        reports.report_save(report, actor=world.other_agency_officer, results="x")
    with pytest.raises(PlanError):  # a counter officer does not write reports
        reports.report_open(world.construction, YEAR, "q1", world.counter_officer)
    with pytest.raises(PlanError):
        reports.report_open(world.construction, YEAR, "q2", world.reform_officer)
    report.refresh_from_db()
    assert report.results == NARRATIVE["results"]


def test_submission_freezes_the_figures_and_new_dossiers_do_not_change_them(draft_report, world):
    report = reports.report_submit(draft_report, actor=world.reform_officer)
    assert report.status == PeriodicReport.Status.SUBMITTED and report.snapshot_at
    assert report.snapshot["one_stop"]["received"] == 3
    receive(world, now=at(YEAR, 3, 20))  # a late-entered dossier of the quarter
    report.refresh_from_db()
    assert reports.figures_of(report)["one_stop"]["received"] == 3
    assert report_figures(world.construction, YEAR, "q1")["one_stop"]["received"] == 4
    notices = OutboxMessage.objects.filter(template="plans_report_submitted")
    assert [m.recipient for m in notices] == [world.home_affairs_evaluator.username]
    with pytest.raises(PlanError):  # no edit once sent
        reports.report_save(report, actor=world.reform_officer, results="Sửa")


def test_return_needs_a_comment_then_resubmission_freezes_new_figures(draft_report, world):
    report = reports.report_submit(draft_report, actor=world.reform_officer)
    with pytest.raises(PlanError):
        reports.report_return(report, actor=world.home_affairs_evaluator, comment="  ")
    with pytest.raises(PlanError):  # only Home Affairs reviews
        reports.report_return(report, actor=world.leader, comment="Bổ sung")
    report = reports.report_return(
        report, actor=world.home_affairs_evaluator, comment="Bổ sung số liệu phản ánh"
    )
    assert report.status == PeriodicReport.Status.RETURNED
    assert report.review_comment == "Bổ sung số liệu phản ánh"
    returned = OutboxMessage.objects.filter(template="plans_report_return")
    assert {m.recipient for m in returned} == {"t.leader", "t.reform"}
    receive(world, now=at(YEAR, 3, 20))
    report = reports.report_save(
        report, actor=world.reform_officer, **{**NARRATIVE, "results": "Đã bổ sung."}
    )
    report = reports.report_submit(report, actor=world.reform_officer)
    assert report.snapshot["one_stop"]["received"] == 4
    report = reports.report_accept(report, actor=world.home_affairs_evaluator)
    assert report.status == PeriodicReport.Status.ACCEPTED
    with pytest.raises(PlanError):  # accepted is final
        reports.report_return(report, actor=world.home_affairs_evaluator, comment="Lại")
    actions = list(report.events.values_list("action", "to_status"))
    assert actions == [
        ("open", "draft"),
        ("save", "draft"),
        ("submit", "submitted"),
        ("return", "returned"),
        ("save", "returned"),
        ("submit", "submitted"),
        ("accept", "accepted"),
    ]


def test_the_province_report_consolidates_the_units_reports(draft_report, world):
    reports.report_submit(draft_report, actor=world.reform_officer)
    justice_officer = world.other_agency_officer
    justice_officer.role = "reform_officer"
    justice_officer.save()
    justice = written_report(world, world.justice, justice_officer)  # a draft: not included
    with pytest.raises(PlanError):  # units do not write the province's report
        reports.report_open(world.province, YEAR, "q1", world.reform_officer)
    province = written_report(world, world.province, world.home_affairs_evaluator)
    figures = reports.figures_of(province)
    assert [a["code"] for a in figures["agencies"]] == [world.construction.code]
    assert figures["agencies"][0]["one_stop"]["received"] == 3
    assert figures["agencies"][0]["results"] == NARRATIVE["results"]
    assert figures["one_stop"]["received"] == 3  # the province-wide live figures
    province = reports.report_submit(province, actor=world.home_affairs_evaluator)
    assert province.snapshot["agencies"][0]["code"] == world.construction.code
    assert justice.status == PeriodicReport.Status.DRAFT


def test_the_index_result_and_the_duty_flags_are_the_units(world):
    from tests.parindex.conftest_results import framework_of, publish
    from tests.stats.test_report import build_activity

    publish(framework_of(2024), {world.construction: {"1.1": 30, "1.2": 20, "2.1": 15, "2.2": 5}})
    build_activity(world)  # 2025: two of three ratings not satisfied
    figures = report_figures(world.construction, 2025, "year")
    assert figures["index"]["year"] == 2024 and figures["index"]["percent"] == "70.00"
    assert figures["index"]["rank"] == 1
    assert figures["satisfaction"]["ratings"] == 3 and figures["satisfaction"]["satisfied"] == 1
    assert figures["satisfaction"]["duty_flags"] == [
        {"code": world.construction.code, "name": "Sở Xây dựng", "flag": "not_fulfilling"}
    ]
    assert report_figures(world.justice, 2025, "year")["index"] is None
    assert report_figures(world.justice, 2025, "year")["satisfaction"]["duty_flags"] == []
