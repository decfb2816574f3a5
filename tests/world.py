"""The small province every test stands on, built once per database and rebuilt after a
transactional test flushes it (``ensure_world``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cchc.catalog.models import FeeItem, Field, LegalBasis, Procedure
from cchc.catalog.services import procedure_publish
from cchc.core.calendar import calendar_seed, forget_cached_calendar
from cchc.core.models import CalendarDay
from cchc.org.models import Agency, User
from tests.factories import AgencyFactory, ProcedureFactory, UserFactory, add_standard_steps

BUILDING_PERMIT = "1.009794"
BIRTH_REGISTRATION = "1.001193"


@dataclass
class World:
    province: Agency
    construction: Agency
    construction_division: Agency
    justice: Agency
    commune: Agency
    counter_officer: User
    specialist: User
    leader: User
    reform_officer: User
    other_agency_officer: User
    home_affairs_evaluator: User
    citizen: User
    admin: User
    building_permit: Procedure
    birth_registration: Procedure


def ensure_world() -> World:
    if not CalendarDay.objects.exists():
        calendar_seed(first_year=2015, last_year=2030)
    forget_cached_calendar()
    province = AgencyFactory(
        code="000.00.00.H98", name="Ủy ban nhân dân tỉnh Thử Nghiệm", level=Agency.Level.PROVINCE
    )
    construction = AgencyFactory(
        code="000.00.05.H98", name="Sở Xây dựng", level=Agency.Level.DEPARTMENT, parent=province
    )
    construction_division = AgencyFactory(
        code="000.05.01.H98",
        name="Phòng Quản lý hoạt động xây dựng",
        level=Agency.Level.DIVISION,
        parent=construction,
    )
    justice = AgencyFactory(
        code="000.00.03.H98", name="Sở Tư pháp", level=Agency.Level.DEPARTMENT, parent=province
    )
    commune = AgencyFactory(
        code="000.10.01.H98",
        name="Ủy ban nhân dân phường Tân An",
        level=Agency.Level.COMMUNE,
        parent=province,
        valid_from=date(2025, 7, 1),
    )
    R = User.Role
    users = {
        "counter_officer": UserFactory(
            username="t.receiver",
            full_name="Trần Thị Tiếp Nhận",
            role=R.COUNTER_OFFICER,
            agency=construction,
        ),
        "specialist": UserFactory(
            username="t.specialist",
            full_name="Lê Văn Chuyên",
            role=R.SPECIALIST,
            agency=construction_division,
        ),
        "leader": UserFactory(
            username="t.leader", full_name="Phạm Đức Lãnh", role=R.LEADER, agency=construction
        ),
        "reform_officer": UserFactory(
            username="t.reform",
            full_name="Hoàng Thị Cải",
            role=R.REFORM_OFFICER,
            agency=construction,
        ),
        "other_agency_officer": UserFactory(
            username="t.other", full_name="Võ Văn Khác", role=R.SPECIALIST, agency=justice
        ),
        "home_affairs_evaluator": UserFactory(
            username="t.homeaffairs", full_name="Đặng Thị Nội", role=R.HOME_AFFAIRS, agency=province
        ),
        "citizen": UserFactory(
            username="t.citizen",
            full_name="Nguyễn Thị Dân",
            role=R.CITIZEN,
            phone="0912345678",
            citizen_id="001203004567",
        ),
        "admin": UserFactory(
            username="t.admin",
            full_name="Quản Trị Viên",
            role=R.SYSTEM_ADMIN,
            is_staff=True,
            is_superuser=True,
        ),
    }
    construction_field, _ = Field.objects.get_or_create(
        code="XAYDUNG", defaults={"name": "Xây dựng"}
    )
    civil_field, _ = Field.objects.get_or_create(code="HOTICH", defaults={"name": "Hộ tịch"})
    building_permit = _published(
        ProcedureFactory(
            code=BUILDING_PERMIT,
            name="Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
            field=construction_field,
            competent_agency=construction,
            processing_time=Decimal(15),
            online_mode=Procedure.OnlineMode.FULL,
            legacy_level=4,
            result_name="Giấy phép xây dựng",
        ),
        receiving=[construction],
        fee=75000,
        legal="Luật Xây dựng số 50/2014/QH13",
    )
    birth_registration = _published(
        ProcedureFactory(
            code=BIRTH_REGISTRATION,
            name="Đăng ký khai sinh",
            field=civil_field,
            at_province=False,
            at_commune=True,
            competent_text="Ủy ban nhân dân cấp xã",
            processing_time=Decimal(3),
            online_mode=Procedure.OnlineMode.FULL,
            result_name="Giấy khai sinh",
        ),
        receiving=[commune],
        fee=0,
        legal="Luật Hộ tịch số 60/2014/QH13",
    )
    return World(
        province=province,
        construction=construction,
        construction_division=construction_division,
        justice=justice,
        commune=commune,
        building_permit=building_permit,
        birth_registration=birth_registration,
        **users,
    )


def _published(procedure: Procedure, *, receiving: list[Agency], fee: int, legal: str) -> Procedure:
    if procedure.status in Procedure.IN_FORCE:
        return procedure
    procedure.receiving_agencies.set(receiving)
    add_standard_steps(procedure)
    FeeItem.objects.create(procedure=procedure, name="Lệ phí", amount_vnd=fee)
    LegalBasis.objects.create(procedure=procedure, text=legal)
    procedure_publish(
        actor=None,
        procedure=procedure,
        decision_number="123/QĐ-UBND",
        decision_date=date(2025, 7, 15),
    )
    procedure.refresh_from_db()
    return procedure
