"""The demo province's reform plan, reports, an inspection and the modernisation registers
(issue 13 §7), made through the same services the pages use.

- the province's plan for this year, imported by Home Affairs from the workbook shipped with the
  demo (``data/ke-hoach-cchc-phu-luc.xlsx``, the layout of seed 004's appendix), with progress
  on some tasks (one done with its evidence, some under way);
- Sở Xây dựng's quarter-1 report submitted, Sở Tư pháp's returned by Home Affairs with a
  comment;
- a planned inspection of Sở Xây dựng with two findings, their follow-up tasks in its plan,
  one of them closed;
- Sở Xây dựng's ISO 9001 register and its document counts for the months so far.

Runs once (nothing when a plan exists).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.demo.dossiers import _history_delivered
from cchc.org.models import Agency, User
from cchc.plans.inspection_services import (
    finding_add,
    finding_close,
    inspection_plan,
    inspection_record,
)
from cchc.plans.models import Period, Plan, PlanTask
from cchc.plans.plan_services import plan_import, task_progress
from cchc.plans.register_services import document_month_save, iso_save, procedures_of
from cchc.plans.report_services import (
    report_open,
    report_return,
    report_save,
    report_submit,
)

WORKBOOK = Path(__file__).resolve().parent / "data" / "ke-hoach-cchc-phu-luc.xlsx"
HOME_AFFAIRS = "demo.homeaffairs"
DEMO_REFORM = "demo.reform"
JUSTICE = "Sở Tư pháp"


def seed_plans(*, today: date | None = None) -> int:
    """Seed the plans; the number of plan tasks made (0 when a plan exists)."""
    if Plan.objects.exists():
        return 0
    today = today or timezone.localdate()
    year = today.year
    ha = User.objects.get(username=HOME_AFFAIRS)
    reform = User.objects.select_related("agency").get(username=DEMO_REFORM)
    first_message = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first()
    department = reform.agency.unit
    with WORKBOOK.open("rb") as handle:
        plan, errors = plan_import(
            handle, actor=ha, year=year, number="215/KH-UBND", issued_on=date(year, 1, 10)
        )
    if plan is None:
        raise RuntimeError(f"the demo plan did not import: {[str(e) for e in errors]}")
    _progress(plan, ha, today)
    _reports(year, department, reform, ha)
    _inspection(year, department, reform, ha, today)
    _registers(year, department, reform, today)
    # The notices of this made-up history went out back then (as the dossiers' do).
    _history_delivered(after_pk=first_message or 0)
    return PlanTask.objects.count()


def _progress(plan: Plan, ha: User, today: date) -> None:
    tasks = list(plan.tasks.filter(lead_agency__isnull=False).order_by("order"))
    led_by_home_affairs = [t for t in tasks if t.lead_agency_id == ha.agency.unit.pk]
    for task in led_by_home_affairs[:1]:
        task_progress(
            task,
            actor=ha,
            status=PlanTask.Status.DONE,
            progress=100,
            note="Đã ban hành Kế hoạch CCHC năm của tỉnh.",
            document=plan.number or "215/KH-UBND",
        )
    for task, pct in zip(led_by_home_affairs[1:3], (40, 60), strict=False):
        task_progress(
            task,
            actor=ha,
            status=PlanTask.Status.IN_PROGRESS,
            progress=pct,
            note="Đang triển khai theo kế hoạch.",
        )


def _reports(year: int, department: Agency, reform: User, ha: User) -> None:
    report = report_open(department, year, Period.Q1, reform)
    report_save(
        report,
        actor=reform,
        number="45/BC-SXD",
        results=(
            "Tiếp nhận và giải quyết hồ sơ đúng quy định; 100% thủ tục được công khai trên "
            "Cổng Dịch vụ công; triển khai thanh toán trực tuyến."
        ),
        limitations="Một số hồ sơ giải quyết trễ hạn do phối hợp liên thông chậm.",
        proposals="Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ một cửa điện tử.",
        recipients="Sở Nội vụ;\nLưu: VT.",
        signer_name="Nguyễn Văn An",
        signer_title="Giám đốc",
    )
    report_submit(report, actor=reform)
    justice = Agency.objects.filter(
        name=JUSTICE, level=Agency.Level.DEPARTMENT, parent=department.parent
    ).first()
    officer = (
        User.objects.filter(
            agency__path__startswith=justice.path, role=User.Role.REFORM_OFFICER, is_active=True
        ).first()
        if justice
        else None
    )
    if justice is None or officer is None:
        return
    other = report_open(justice, year, Period.Q1, officer)
    report_save(
        other,
        actor=officer,
        number="12/BC-STP",
        results="Rà soát văn bản quy phạm pháp luật theo kế hoạch.",
        signer_name="Trần Thị Bình",
        signer_title="Phó Giám đốc",
    )
    report_submit(other, actor=officer)
    report_return(
        other,
        actor=ha,
        comment="Bổ sung số liệu giải quyết hồ sơ và nguyên nhân hồ sơ trễ hạn.",
    )


def _inspection(year: int, department: Agency, reform: User, ha: User, today: date) -> None:
    start = max(date(year, 1, 5), today - timedelta(days=20))
    inspection = inspection_plan(
        actor=ha,
        agency=department,
        kind="planned",
        date_from=start,
        date_to=start + timedelta(days=1),
        scope=(
            "Công tác cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông."
        ),
        members="Sở Nội vụ (trưởng đoàn); Văn phòng UBND tỉnh; Sở Tư pháp.",
    )
    inspection_record(
        inspection,
        actor=ha,
        minute_number="08/BB-KTCCHC",
        conclusion="Cơ quan thực hiện cơ bản đầy đủ nhiệm vụ; còn tồn tại cần khắc phục.",
    )
    first = finding_add(
        inspection,
        actor=ha,
        content="Chưa niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa.",
        requirement="Niêm yết đầy đủ, đúng quy định các thủ tục hành chính.",
        due_date=today + timedelta(days=30),
    )
    finding_add(
        inspection,
        actor=ha,
        content="Một số hồ sơ trễ hạn chưa có văn bản xin lỗi người dân.",
        requirement="Gửi văn bản xin lỗi đối với mọi hồ sơ trễ hạn (Mẫu 04).",
        due_date=today + timedelta(days=45),
    )
    finding_close(
        first,
        actor=reform,
        note="Đã niêm yết đầy đủ 100% thủ tục tại bộ phận một cửa.",
        link="https://soxaydung.example.vn/niem-yet-tthc",
    )


def _registers(year: int, department: Agency, reform: User, today: date) -> None:
    codes = list(procedures_of(department).values_list("code", flat=True)[:5])
    iso_save(
        department,
        actor=reform,
        status="applied",
        certificate="25/QĐ-SXD",
        certified_on=date(year - 1, 6, 15),
        scope="Các thủ tục hành chính thuộc thẩm quyền giải quyết của Sở.",
        next_audit=date(year, 11, 30),
        procedure_codes=codes,
    )
    for month in range(1, today.month + 1):
        sent = 120 + 7 * month
        received = 300 + 11 * month
        document_month_save(
            department,
            actor=reform,
            month=date(year, month, 1),
            sent_total=sent,
            sent_electronic=sent - 6,
            received_total=received,
            received_electronic=received - 9,
        )
