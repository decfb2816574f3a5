"""Loading the demo province (``manage.py seed_demo``): agencies before and after the
01/07/2025 merger, 300+ published procedures with internal processes, demo users, and made-up
dossiers and feedback in every state.

Idempotent: records are matched by their codes and usernames; a second run changes nothing.
"""

from __future__ import annotations

from base64 import b32decode
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cchc.catalog.models import (
    FeeItem,
    LegalBasis,
    Procedure,
    ProcessStep,
    RequiredDocument,
)
from cchc.catalog.models import Field as CatalogField
from cchc.catalog.services import procedure_publish
from cchc.core.calendar import calendar_seed, office_hours
from cchc.core.models import CalendarDay
from cchc.demo import agencies as agency_data
from cchc.demo import procedures as procedure_data
from cchc.demo.dossiers import seed_dossiers
from cchc.demo.feedback import seed_feedback
from cchc.demo.parindex import seed_parindex
from cchc.demo.plans import seed_plans
from cchc.demo.surveys import seed_surveys
from cchc.dossiers.counters import counters_check, counters_rebuild
from cchc.org.models import Agency, User
from cchc.satisfaction.jobs import evaluations_fill

DEMO_PASSWORD = "Demo@CCHC-2025"
# The demo administrator's two-step secret (issue 14 — accounts: administrators must give a
# code after the password). Public like the password: add it to any authenticator app, or
# print the current code with `make demo-otp`. A real installation's administrators enrol
# their own device at their first sign-in.
DEMO_ADMIN_OTP_SECRET = "CCHCDEMOADMINTOTPSECRETBINHSON22"  # nosec B105
PUBLISHING_DECISION = ("1520/QĐ-UBND", date(2025, 7, 10))
DEMO_DEPARTMENT = "xaydung"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    agency: str
    note: str = ""


@dataclass
class SeedReport:
    agencies_created: int = 0
    procedures_created: int = 0
    users_created: int = 0
    dossiers_created: int = 0
    feedback_created: int = 0
    logins: list[DemoLogin] = field(default_factory=list)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _agency(
    *, code: str, name: str, level: str, parent: Agency | None, report: SeedReport, **extra: object
) -> Agency:
    defaults = {"name": name, "level": level, "parent": parent, **extra}
    agency, created = Agency.objects.get_or_create(code=code, defaults=defaults)
    report.agencies_created += created
    return agency


def seed_agencies(report: SeedReport) -> dict[str, Agency]:
    """The province, its departments and divisions, the old districts and communes (ended
    30/06/2025) and the new communes that replaced them (since 01/07/2025)."""
    keyed: dict[str, Agency] = {}
    p = agency_data.PROVINCE
    province = _agency(
        code=p["code"],
        name=p["name"],
        level=Agency.Level.PROVINCE,
        parent=None,
        report=report,
        short_name=p.get("short_name", ""),
        address=p.get("address", ""),
        phone=p.get("phone", ""),
        email=p.get("email", ""),
    )
    keyed["province"] = province
    for d in agency_data.DEPARTMENTS:
        department = _agency(
            code=d["code"],
            name=d["name"],
            level=Agency.Level.DEPARTMENT,
            parent=province,
            report=report,
            short_name=d.get("short_name", ""),
            address=d.get("address", ""),
            phone=d.get("phone", ""),
            email=d.get("email", ""),
        )
        keyed[d["key"]] = department
        for division in d.get("divisions", []):
            _agency(
                code=division["code"],
                name=division["name"],
                level=Agency.Level.DIVISION,
                parent=department,
                report=report,
            )
    new_communes: dict[str, Agency] = {}
    for c in agency_data.COMMUNES:
        new_communes[c["key"]] = _agency(
            code=c["code"],
            name=c["name"],
            level=Agency.Level.COMMUNE,
            parent=province,
            report=report,
            short_name=c.get("short_name", ""),
            address=c.get("address", ""),
            phone=c.get("phone", ""),
            email=c.get("email", ""),
            valid_from=_day(c.get("valid_from")),
        )
        keyed[c["key"]] = new_communes[c["key"]]
    successor = {old: c["key"] for c in agency_data.COMMUNES for old in c.get("merged_from", [])}
    for district_row in agency_data.DISTRICTS:
        district = _agency(
            code=district_row["code"],
            name=district_row["name"],
            level=Agency.Level.DISTRICT,
            parent=province,
            report=report,
            valid_to=_day(district_row.get("valid_to")),
        )
        keyed[district_row["key"]] = district
        for old in district_row["communes"]:
            keyed[old["key"]] = _agency(
                code=old["code"],
                name=old["name"],
                level=Agency.Level.COMMUNE,
                parent=district,
                report=report,
                valid_to=_day(district_row.get("valid_to")),
                merged_into=new_communes.get(successor.get(old["key"], "")),
            )
    keyed["_communes"] = new_communes  # type: ignore[assignment]
    return keyed


def step_plan(legal_hours: Decimal) -> list[tuple[str, str, Decimal]]:
    """Split the legal time into receive, appraise, approve and return steps that fit it."""

    def share(fraction: str, low: str, high: str) -> Decimal:
        value = (legal_hours * Decimal(fraction)).quantize(Decimal("0.5"), ROUND_HALF_UP)
        return min(max(value, Decimal(low)), Decimal(high))

    receive = share("0.1", "0.5", "4")
    approve = share("0.15", "0.5", "8")
    handover = share("0.05", "0.5", "2")
    appraise = legal_hours - receive - approve - handover
    if appraise <= 0:  # same-day procedures: a quarter each
        receive = approve = handover = appraise = legal_hours / 4
    return [
        ("Tiếp nhận, kiểm tra và chuyển hồ sơ", ProcessStep.Role.COUNTER_OFFICER, receive),
        ("Thẩm định hồ sơ, dự thảo kết quả", ProcessStep.Role.SPECIALIST, appraise),
        ("Xem xét, ký duyệt kết quả", ProcessStep.Role.LEADER, approve),
        ("Trả kết quả cho tổ chức, cá nhân", ProcessStep.Role.COUNTER_OFFICER, handover),
    ]


def _coordinating_agency(keyed: dict[str, Agency], competent_key: str) -> Agency | None:
    for key in ("congan", "taichinh", "noivu", "nnmt"):
        if key != competent_key and key in keyed:
            return keyed[key]
    return None


def seed_catalogue(keyed: dict[str, Agency], report: SeedReport) -> None:
    fields = {}
    for row in procedure_data.FIELDS:
        fields[row["code"]], _ = CatalogField.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
    communes = list(keyed["_communes"].values())  # type: ignore[union-attr]
    day_hours = Decimal(office_hours().day_seconds) / 3600
    existing = set(Procedure.objects.values_list("code", flat=True))
    for row in procedure_data.PROCEDURES:
        if row["code"] in existing:
            continue
        competent_key = row["competent"]
        competent = None if competent_key == "commune" else keyed[competent_key]
        levels = set(row["levels"])
        procedure = Procedure.objects.create(
            code=row["code"],
            name=row["name"],
            field=fields[row["field"]],
            at_province="province" in levels,
            at_district="district" in levels,
            at_commune="commune" in levels,
            competent_agency=competent,
            competent_text="Ủy ban nhân dân cấp xã" if competent is None else "",
            processing_time=Decimal(row["time"]),
            processing_unit=row["unit"],
            cutoff_time=time.fromisoformat(row["cutoff"]) if row.get("cutoff") else None,
            supplement_clock=row.get("supplement", "pause"),
            online_mode=row["online"],
            legacy_level=row.get("legacy_level", 2),
            postal_submission=row.get("postal_submission", True),
            postal_return=row.get("postal_return", True),
            inter_agency=row.get("inter_agency", False),
            result_name=row.get("result", ""),
        )
        procedure.receiving_agencies.set(communes if competent is None else [competent])
        for order, (name, form, count, optional) in enumerate(row["documents"], start=1):
            RequiredDocument.objects.create(
                procedure=procedure,
                order=order,
                name=name,
                form=form,
                count=count,
                is_optional=optional,
            )
        for order, (name, amount) in enumerate(row["fees"], start=1):
            FeeItem.objects.create(procedure=procedure, order=order, name=name, amount_vnd=amount)
        for order, text in enumerate(row["legal"], start=1):
            LegalBasis.objects.create(procedure=procedure, order=order, text=text)
        _create_steps(procedure, keyed, competent_key, day_hours)
        procedure_publish(
            actor=None,
            procedure=procedure,
            decision_number=PUBLISHING_DECISION[0],
            decision_date=PUBLISHING_DECISION[1],
        )
        report.procedures_created += 1


def _create_steps(
    procedure: Procedure, keyed: dict[str, Agency], competent_key: str, day_hours: Decimal
) -> None:
    legal_hours = (
        procedure.processing_time
        if procedure.processing_unit == Procedure.TimeUnit.WORKING_HOURS
        else procedure.processing_time * day_hours
    )
    plan = step_plan(legal_hours)
    partner = _coordinating_agency(keyed, competent_key) if procedure.inter_agency else None
    order = 0
    for name, role, hours in plan:
        if partner is not None and role == ProcessStep.Role.SPECIALIST:
            ours = (hours * Decimal("0.6")).quantize(Decimal("0.01"))
            order += 1
            ProcessStep.objects.create(
                procedure=procedure, order=order, name=name, role=role, budget_hours=ours
            )
            order += 1
            ProcessStep.objects.create(
                procedure=procedure,
                order=order,
                name=f"Phối hợp giải quyết liên thông tại {partner.name}",
                role=role,
                budget_hours=hours - ours,
                agency=partner,
            )
            continue
        order += 1
        ProcessStep.objects.create(
            procedure=procedure, order=order, name=name, role=role, budget_hours=hours
        )


DEMO_USERS: list[tuple[str, str, str, str, str]] = [
    # username, full name, role, agency key, job title
    ("demo.receiver", "Nguyễn Thị Thu Hà", "counter_officer", DEMO_DEPARTMENT, "Cán bộ một cửa"),
    ("demo.specialist", "Trần Minh Quân", "specialist", DEMO_DEPARTMENT, "Chuyên viên"),
    ("demo.leader", "Lê Văn Hùng", "leader", DEMO_DEPARTMENT, "Phó Giám đốc Sở"),
    ("demo.reform", "Phạm Thị Lan", "reform_officer", DEMO_DEPARTMENT, "Cán bộ CCHC"),
    ("demo.homeaffairs", "Võ Thanh Tùng", "home_affairs", "noivu", "Phòng Cải cách hành chính"),
    ("demo.council", "Đỗ Thị Mai", "council_member", "vpubnd", "Thành viên hội đồng thẩm định"),
    ("demo.justice", "Hoàng Văn Nam", "specialist", "tuphap", "Chuyên viên"),
    ("demo.justice.leader", "Ngô Thị Thanh Xuân", "leader", "tuphap", "Phó Giám đốc Sở"),
    ("demo.xa.motcua", "Lý Thị Hoa", "counter_officer", "@commune", "Công chức một cửa"),
    ("demo.xa.chuyenvien", "Đinh Văn Sơn", "specialist", "@commune", "Công chức tư pháp - hộ tịch"),
    ("demo.xa.lanhdao", "Trương Quốc Bảo", "leader", "@commune", "Phó Chủ tịch UBND"),
    ("demo.citizen", "Bùi Thị Hồng", "citizen", "", ""),
    ("demo.admin", "Quản trị hệ thống", "system_admin", "", "Quản trị hệ thống"),
]


def seed_users(keyed: dict[str, Agency], report: SeedReport) -> None:
    first_commune = next(iter(keyed["_communes"].values()))  # type: ignore[union-attr]
    for username, full_name, role, agency_key, title in DEMO_USERS:
        agency = first_commune if agency_key == "@commune" else keyed.get(agency_key)
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                full_name=full_name,
                role=role,
                agency=agency,
                job_title=title,
                email=f"{username.replace('.', '')}@binhson.gov.vn",
            )
            if role == User.Role.CITIZEN:
                user.phone, user.citizen_id = "0912345678", "037190001234"
                user.address = "Số 12 đường Nguyễn Huệ, phường Tân An, tỉnh Bình Sơn"
                user.email = "hong.bui@example.vn"
                # The demo's citizen proved both long ago (links the visitor cannot open).
                user.email_verified_at = user.phone_verified_at = timezone.now()
            if role == User.Role.SYSTEM_ADMIN:
                user.is_staff = user.is_superuser = True
            user.set_password(DEMO_PASSWORD)
            user.save()
            if username == "demo.receiver":
                # Back-office entry of paper dossiers with a past receipt time (issue 3).
                user.user_permissions.add(
                    Permission.objects.get(
                        codename="backdate_intake", content_type__app_label="dossiers"
                    )
                )
            report.users_created += 1
        if role == User.Role.SYSTEM_ADMIN:
            demo_admin_device(user)
        report.logins.append(
            DemoLogin(username, user.get_role_display(), agency.name if agency else "")
        )


def demo_admin_device(user: User) -> TOTPDevice:
    """The demo administrator's confirmed TOTP device with the public demo secret (created
    again by each seeding if someone removed it)."""
    key = b32decode(DEMO_ADMIN_OTP_SECRET).hex()
    device = TOTPDevice.objects.filter(user=user, confirmed=True, key=key).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Demo", key=key, confirmed=True)
    return device


def demo_admin_code() -> str:
    """The 6 digits the demo administrator's app shows now."""
    from django_otp.oath import totp

    value = totp(b32decode(DEMO_ADMIN_OTP_SECRET))
    return f"{value:06d}"


@transaction.atomic
def seed_demo(progress: Callable[[str], None] = lambda _: None) -> SeedReport:
    report = SeedReport()
    if not CalendarDay.objects.exists():
        calendar_seed(first_year=2015, last_year=2030)
    progress("Cơ quan, đơn vị…")
    keyed = seed_agencies(report)
    progress("Danh mục thủ tục hành chính…")
    seed_catalogue(keyed, report)
    progress("Tài khoản demo…")
    seed_users(keyed, report)
    progress("Hồ sơ mẫu…")
    report.dossiers_created = seed_dossiers(keyed[DEMO_DEPARTMENT])
    progress("Phản ánh, kiến nghị mẫu…")
    report.feedback_created = seed_feedback(keyed[DEMO_DEPARTMENT])
    seed_surveys(keyed[DEMO_DEPARTMENT])
    # The nightly job once: every returned dossier gets its evaluation (Decree 61/2018).
    evaluations_fill(limit=100_000)
    # A demo database made by an earlier release has no step counters for its old hand-overs
    # (a migration cannot judge them): counted here, so the report shows them.
    if counters_check():
        progress("Số liệu tổng hợp…")
        counters_rebuild()
    progress("Chỉ số CCHC…")
    seed_parindex()
    progress("Kế hoạch, báo cáo, kiểm tra CCHC…")
    seed_plans()
    return report
