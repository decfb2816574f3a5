"""The demo province (issue 2, item 6): size, shape, logins and idempotence."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cchc.catalog.models import Field, Procedure, RequiredDocument
from cchc.catalog.selectors import procedure_list
from cchc.core.models import OutboxMessage
from cchc.demo.seed import DEMO_ADMIN_OTP_SECRET
from cchc.dossiers.models import Dossier, OfficerStepDailyStat, StepDailyStat
from cchc.feedback.models import FeedbackItem, PublicationEdit, Status
from cchc.feedback.services import feedback_check
from cchc.org.models import Agency, User
from cchc.parindex.models import Assessment, Framework, PublishedResult, RemediationTask
from cchc.plans.models import (
    DocumentExchange,
    Inspection,
    IsoRegister,
    PeriodicReport,
    Plan,
    PlanTask,
)
from cchc.satisfaction.evaluation import evaluation_check
from cchc.satisfaction.models import DossierEvaluation, DossierEvaluationScore
from cchc.stats.report import feedback_overdue

pytestmark = pytest.mark.django_db

DEMO_LOGINS = {
    "demo.receiver": "counter_officer",
    "demo.specialist": "specialist",
    "demo.leader": "leader",
    "demo.reform": "reform_officer",
    "demo.justice.leader": "leader",
    "demo.homeaffairs": "home_affairs",
    "demo.citizen": "citizen",
    "demo.admin": "system_admin",
}


def test_seed_demo_builds_the_province_once(settings, capsys):
    settings.DEBUG = True
    waiting = OutboxMessage.objects.create(
        channel="email", recipient="a@example.vn", subject="Chờ gửi", body="…"
    )
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "Demo@CCHC-2025" in out and "demo.receiver" in out
    # The administrator's two-step secret is printed, and `make demo-otp` prints its code.
    assert DEMO_ADMIN_OTP_SECRET in out
    call_command("demo_otp")
    code = capsys.readouterr().out.strip()
    (device,) = TOTPDevice.objects.filter(user__username="demo.admin", confirmed=True)
    assert device.verify_token(code)
    counts = (
        Agency.objects.count(),
        Procedure.objects.count(),
        User.objects.count(),
        Dossier.objects.count(),
        FeedbackItem.objects.count(),
        Assessment.objects.count(),
        PlanTask.objects.count(),
    )
    # As a demo database made before the step counters existed: the next seed counts them.
    officer_steps = OfficerStepDailyStat.objects.count()
    StepDailyStat.objects.all().delete()
    OfficerStepDailyStat.objects.all().delete()
    call_command("seed_demo")
    assert StepDailyStat.objects.exists()
    assert OfficerStepDailyStat.objects.count() == officer_steps > 0
    assert (
        Agency.objects.count(),
        Procedure.objects.count(),
        User.objects.count(),
        Dossier.objects.count(),
        FeedbackItem.objects.count(),
        Assessment.objects.count(),
        PlanTask.objects.count(),
    ) == counts

    province = Agency.objects.get(code="000.00.00.H99")
    assert Agency.objects.filter(level="department", parent=province).count() >= 15
    current_communes = Agency.objects.filter(level="commune", valid_to__isnull=True)
    assert current_communes.count() >= 30
    districts = Agency.objects.filter(level="district")
    assert districts.exists() and all(str(d.valid_to) == "2025-06-30" for d in districts)
    merged = Agency.objects.filter(level="commune", merged_into__isnull=False)
    assert merged.exists() and all(str(a.valid_to) == "2025-06-30" for a in merged)

    assert Procedure.objects.filter(status__in=Procedure.IN_FORCE).count() >= 300
    assert Field.objects.filter(procedures__isnull=False).distinct().count() >= 20
    assert not Procedure.objects.filter(steps__isnull=True).exists()
    # A paper that applies only "if any" never blocks a submission (issue 8).
    if_any = RequiredDocument.objects.filter(name__contains="(nếu có)")
    assert if_any.count() == 30 and not if_any.filter(is_optional=False).exists()
    assert (
        procedure_list(q="cap giay phep xay dung")
        .filter(name__startswith="Cấp giấy phép xây dựng")
        .exists()
    )

    users = {u.username: u for u in User.objects.filter(username__in=DEMO_LOGINS)}
    assert {name: users[name].role for name in DEMO_LOGINS} == DEMO_LOGINS
    same = {users[n].agency_id for n in ("demo.receiver", "demo.specialist", "demo.leader")}
    assert len(same) == 1 and users["demo.leader"].agency.name == "Sở Xây dựng"
    assert users["demo.receiver"].has_perm("dossiers.backdate_intake")
    assert not users["demo.specialist"].has_perm("dossiers.backdate_intake")
    assert users["demo.admin"].is_superuser

    assert Dossier.objects.filter(status="returned").exists()

    # Feedback in every state, made through the services (issue 10): the public page, the
    # worklists and the Open311 lists have something to show.
    items = FeedbackItem.objects.all()
    assert 25 <= items.count() <= 40
    assert set(items.values_list("status", flat=True)) == set(Status.values)
    assert items.filter(extensions=1).exists() and items.filter(reopen_count=1).exists()
    assert items.filter(dossier__isnull=False, status="published").exists()
    reviewed = items.filter(category__in=["unfit_regulation", "illegal_regulation"]).exclude(
        review={}
    )
    assert reviewed.filter(status="published").exists()
    assert all(len(item.review) == 6 for item in reviewed)
    assert items.filter(answer_timeliness="late").exists()
    assert PublicationEdit.objects.exists()
    # One waits past the 5 working days to be classified, one past its answer's due moment.
    assert sum(feedback_overdue(Agency.objects.all(), now=timezone.now()).values()) >= 2
    assert feedback_check() == []
    # The evaluation job ran once: every returned dossier has its nine indicators.
    returned = Dossier.objects.filter(status="returned")
    assert returned.exists()
    assert DossierEvaluation.objects.count() == returned.count()
    assert DossierEvaluationScore.objects.count() == 9 * returned.count()
    assert evaluation_check() == []
    # The PAR Index (issue 12 §6): two published years per kind, the same departments ranked
    # both years (rank changes), this year's assessments in several states, remediation
    # tasks and the province's own assessment.
    year = timezone.localdate().year
    for kind in ("department", "commune"):
        statuses = set(Framework.objects.filter(unit_kind=kind).values_list("year", "status"))
        assert statuses == {(year - 2, "published"), (year - 1, "published"), (year, "open")}
    ranked = [
        set(
            PublishedResult.objects.filter(
                framework__year=y, framework__unit_kind="department"
            ).values_list("agency_id", flat=True)
        )
        for y in (year - 2, year - 1)
    ]
    assert len(ranked[0]) >= 5 and ranked[0] == ranked[1]
    states = set(Assessment.objects.filter(framework__year=year).values_list("status", flat=True))
    assert {"draft", "submitted", "clarification", "appraised"} <= states
    assert RemediationTask.objects.count() == 2
    assert Assessment.objects.filter(agency__level="province", framework__year=year).exists()
    # Issue 13: the province's plan imported from the shipped workbook (seed 004's layout),
    # progress on a task, one report submitted and one returned, an inspection with findings
    # followed up in the department's plan, the registers.
    plan = Plan.objects.get(year=year, agency__level="province")
    assert plan.number == "215/KH-UBND" and plan.tasks.count() >= 15
    assert plan.tasks.filter(status="done").exists()
    assert plan.tasks.exclude(due_date=None).count() > 10
    assert sorted(PeriodicReport.objects.values_list("status", flat=True)) == [
        "returned",
        "submitted",
    ]
    inspection = Inspection.objects.get()
    assert inspection.findings.count() == 2 and inspection.findings.filter(status="closed").exists()
    assert PlanTask.objects.filter(source="inspection").count() == 2
    assert DocumentExchange.objects.exists() and IsoRegister.objects.exists()
    capsys.readouterr()
    call_command("stats_rebuild", "--check")  # exits 1 on any difference
    assert capsys.readouterr().out.strip().endswith("0 khác biệt.")

    # The made-up history's notices count as sent back then; a message that was waiting
    # before the seed still waits.
    seeded = OutboxMessage.objects.exclude(pk=waiting.pk)
    assert seeded.filter(dossier_code__contains=".H99-").count() > 100
    assert not seeded.exclude(status="sent").exists()
    assert OutboxMessage.objects.get(pk=waiting.pk).status == "pending"


def test_seed_demo_refuses_production(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_the_readme_gives_dossier_codes_of_the_demo_counters_agency():
    """The README's tour receives a dossier as ``demo.receiver``: its example code is that
    counter's agency (Sở Xây dựng of the demo province)."""
    from pathlib import Path

    from cchc.demo.agencies import DEPARTMENTS
    from cchc.demo.seed import DEMO_DEPARTMENT

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    [counter] = [d["code"] for d in DEPARTMENTS if d["key"] == DEMO_DEPARTMENT]

    assert f"`{counter}-YYMMDD-NNNN`" in readme
    assert set(re.findall(r"\d{3}\.\d{2}\.\d{2}\.H99", readme)) == {counter}
