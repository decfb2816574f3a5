"""The objects the authorisation sweep calls every route on, built once per test module through
the services: everything belongs to agency A (Sở Xây dựng) and citizen A (the world's citizen).

Citizen A's online building permit received by agency A (with an uploaded file, an electronic
result, a pending online payment, an alert notice), a paid and returned counter dossier rated by
its applicant, a feedback item about agency A with an attachment, a survey campaign on agency A,
a PAR Index framework with agency A's assessment (a criterion with an evidence file, a
remediation task), agency A's plan with a task, a periodic report, an inspection with a finding
and its evidence file, and agency A's ISO and document-exchange registers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.dossiers.models import Dossier, DossierDocument, Payment
from cchc.dossiers.payments.services import payment_start
from cchc.dossiers.services import (
    ApplicantData,
    DocumentData,
    IntakeRequest,
    dossier_accept,
    dossier_approve,
    dossier_create_draft,
    dossier_forward,
    dossier_pay,
    dossier_return,
    dossier_submit,
)
from cchc.dossiers.uploads import store_upload
from cchc.feedback.models import FeedbackItem
from cchc.feedback.services import FeedbackInput, feedback_receive
from cchc.org.models import User
from cchc.parindex import services as par
from cchc.parindex.models import Assessment, Framework
from cchc.plans import report_services as reports
from cchc.plans.inspection_services import finding_add, inspection_plan, inspection_record
from cchc.plans.models import Inspection, Plan, PlanTask
from cchc.plans.services import plan_for, task_add
from cchc.satisfaction.services import rating_submit
from cchc.surveys.models import Campaign, ResponseToken
from tests.dossiers.helpers import at, receive
from tests.factories import UserFactory
from tests.feedback.conftest import SENDER
from tests.parindex.conftest_assessment import make_framework
from tests.parindex.conftest_results import framework_of, publish
from tests.surveys.conftest import build_questionnaire
from tests.world import World

# The year of agency A's published PAR Index result (the results pages are swept on it).
RESULTS_YEAR = 2024
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "tai-lieu.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@dataclass
class SweepObjects:
    world: World
    citizen_b: User
    council_member: User
    dossier: Dossier  # citizen A's online dossier, received by agency A, fee owed
    document: DossierDocument  # its uploaded file
    payment: Payment
    returned: Dossier  # citizen A's counter dossier, paid, returned and rated
    feedback: FeedbackItem
    attachment_id: int
    campaign: Campaign
    token: ResponseToken
    framework: Framework
    assessment: Assessment
    criterion_code: str
    evidence_id: int
    remediation_id: int
    plan: Plan
    task: PlanTask
    report_id: int
    inspection: Inspection
    finding_id: int
    notice_id: int


def build(world: World) -> SweepObjects:
    """Agency A's and citizen A's objects, through the services."""
    citizen = world.citizen
    citizen_b = UserFactory(
        username="t.citizen.b",
        full_name="Lê Thị Khác",
        role=User.Role.CITIZEN,
        phone="0900000002",
    )
    council_member = UserFactory(
        username="t.council",
        full_name="Ngô Thị Hội Đồng",
        role=User.Role.COUNCIL_MEMBER,
        agency=world.province,
    )
    dossier = _online_dossier(world, citizen)
    payment = payment_start(actor=citizen, dossier=dossier)
    returned = _returned_and_rated(world, citizen)
    feedback = feedback_receive(
        _feedback_input(world), channel="portal", files=[pdf("anh-chup.pdf")]
    )
    campaign, token = _campaign(world)
    framework, assessment, evidence_id, remediation_id = _assessment(world, council_member)
    plan, task = _plan(world)
    report = reports.report_open(world.construction, 2025, "q1", world.reform_officer)
    inspection, finding_id = _inspection(world)
    notice_id = _notice(world)
    return SweepObjects(
        world=world,
        citizen_b=citizen_b,
        council_member=council_member,
        dossier=dossier,
        document=dossier.documents.exclude(file="").first(),
        payment=payment,
        returned=returned,
        feedback=feedback,
        attachment_id=feedback.attachments.first().pk,
        campaign=campaign,
        token=token,
        framework=framework,
        assessment=assessment,
        criterion_code="1.2",
        evidence_id=evidence_id,
        remediation_id=remediation_id,
        plan=plan,
        task=task,
        report_id=report.pk,
        inspection=inspection,
        finding_id=finding_id,
        notice_id=notice_id,
    )


def _online_dossier(world: World, citizen: User) -> Dossier:
    """Filed online with a PDF on 03/03/2025, accepted, forwarded and approved: fee owed."""
    request = IntakeRequest(
        procedure=world.building_permit,
        applicant=ApplicantData(
            full_name=citizen.get_full_name(),
            id_number=citizen.citizen_id,
            phone=citizen.phone,
            email="dan.nguyen@example.vn",
            address="Số 7 đường Trần Phú, phường Tân An",
        ),
        receiving_agency=world.construction,
        documents=[
            DocumentData(name="Đơn đề nghị cấp giấy phép xây dựng", file=store_upload(pdf()))
        ],
    )
    d = dossier_create_draft(applicant_user=citizen, request=request, now=at(2025, 3, 3, 8))
    d = dossier_submit(actor=citizen, dossier=d, now=at(2025, 3, 3, 8, 30))
    d = dossier_accept(actor=world.counter_officer, dossier=d, now=at(2025, 3, 4, 9))
    d = dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 5, 9))
    d = dossier_approve(actor=world.leader, dossier=d, result_number="12/GPXD", now=at(2025, 3, 6))
    d.refresh_from_db()
    return d


def _returned_and_rated(world: World, citizen: User) -> Dossier:
    d = receive(world, now=at(2025, 3, 3), applicant_user=citizen)
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4))
    d = dossier_approve(actor=world.leader, dossier=d, result_number="13/GPXD", now=at(2025, 3, 5))
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 3, 5, 15))
    d = dossier_return(
        actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, 3, 6)
    )
    rating_submit(dossier=d, rater_user=citizen, overall="satisfied", now=at(2025, 3, 7))
    d.refresh_from_db()
    return d


def _feedback_input(world: World) -> FeedbackInput:
    return FeedbackInput(
        kind="phan_anh",
        category="officer_conduct",
        title="Hồ sơ xây dựng bị yêu cầu giấy tờ ngoài quy định",
        content="Cán bộ yêu cầu nộp thêm giấy tờ không có trong thành phần hồ sơ.",
        sender=SENDER,
        subject_agency=world.construction,
    )


def _campaign(world: World) -> tuple[Campaign, ResponseToken]:
    from cchc.surveys.services import CampaignInput, campaign_open

    questionnaire, _questions = build_questionnaire()
    campaign = campaign_open(
        data=CampaignInput(
            code="KS-AUTHZ",
            name="Khảo sát của phép thử phân quyền",
            period_start=date(2025, 3, 1),
            period_end=date(2025, 3, 31),
            questionnaire=questionnaire,
            agencies=[world.construction],
            margin=Decimal("0.3"),
            seed="authz",
        ),
        actor=world.home_affairs_evaluator,
        now=timezone.now(),
    )
    return campaign, campaign.tokens.first()


def _assessment(world: World, council: User) -> tuple[Framework, Assessment, int, int]:
    """Agency A's open assessment of 2025 (an evidence file on 1.2) and its published result of
    2024 (a remediation task on 1.1, scored below its maximum)."""
    framework = make_framework()
    assessment = par.assessment_open(
        framework, world.construction, actor=world.home_affairs_evaluator
    )
    evidence = par.evidence_add(assessment, "1.2", actor=world.reform_officer, file=pdf())
    published = framework_of(RESULTS_YEAR)
    publish(published, {world.construction: {"1.1": 30, "1.2": 20, "2.1": 15, "2.2": 5}})
    remediation = par.remediation_create(
        Assessment.objects.get(framework=published, agency=world.construction),
        "1.1",
        actor=world.home_affairs_evaluator,
        action="Bổ sung kế hoạch",
        due_date=timezone.localdate() + timedelta(days=180),
    )
    return framework, assessment, evidence.pk, remediation.pk


def _plan(world: World) -> tuple[Plan, PlanTask]:
    plan = plan_for(world.construction, 2025, actor=world.reform_officer)
    task = task_add(
        plan,
        content="Rà soát thủ tục",
        number="1",
        due_date=date(2025, 6, 30),
        timing=PlanTask.Timing.DATE,
        timing_text="30/6/2025",
        lead_agency=world.construction,
    )
    return plan, task


def _inspection(world: World) -> tuple[Inspection, int]:
    ha = world.home_affairs_evaluator
    inspection = inspection_plan(
        actor=ha,
        agency=world.construction,
        kind=Inspection.Kind.PLANNED,
        date_from=date(2025, 5, 12),
        date_to=date(2025, 5, 13),
        scope="Kiểm tra việc giải quyết TTHC",
        members="Bà Đặng Thị Nội — Trưởng đoàn",
    )
    inspection = inspection_record(
        inspection, actor=ha, minute_number="12/BB-SNV", conclusion="Còn tồn tại."
    )
    finding = finding_add(
        inspection,
        actor=ha,
        content="Chưa niêm yết 3 thủ tục",
        requirement="Niêm yết đầy đủ",
        due_date=date(2025, 6, 30),
        evidence_file=pdf(),
    )
    return inspection, finding.pk


def _notice(world: World) -> int:
    """An unread in-app notice of agency A's counter officer."""
    notice = OutboxMessage.objects.filter(
        user=world.counter_officer, channel=OutboxMessage.Channel.INTERNAL
    ).first()
    if notice is None:
        notice = OutboxMessage.objects.create(
            user=world.counter_officer,
            channel=OutboxMessage.Channel.INTERNAL,
            recipient=world.counter_officer.username,
            subject="Hồ sơ sắp đến hạn",
            body="Hồ sơ sắp đến hạn",
        )
    return notice.pk
