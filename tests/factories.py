"""factory-boy factories for the test personas and catalogue."""

from __future__ import annotations

from decimal import Decimal

import factory

from cchc.catalog.models import Field, Procedure, ProcessStep, RequiredDocument
from cchc.org.models import Agency, User

PASSWORD = "Mat-khau-thu-nghiem-2025"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{500 + n // 100:03d}.{n % 100:02d}.77.H98")
    name = factory.Sequence(lambda n: f"Cơ quan thử nghiệm số {n}")
    level = Agency.Level.DEPARTMENT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    role = User.Role.SPECIALIST
    password = factory.django.Password(PASSWORD)


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"LV{n:03d}")
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"2.{900000 + n:06d}")
    name = factory.Sequence(lambda n: f"Thủ tục thử nghiệm {n}")
    field = factory.SubFactory(FieldFactory)
    at_province = True
    processing_time = Decimal(5)
    processing_unit = Procedure.TimeUnit.WORKING_DAYS
    online_mode = Procedure.OnlineMode.PARTIAL


def add_standard_steps(procedure: Procedure, *, agency: Agency | None = None) -> None:
    """Receive (4 h), appraise (most of the time), approve (4 h), return (2 h)."""
    total = procedure.processing_hours
    plan = [
        ("Tiếp nhận, chuyển hồ sơ", ProcessStep.Role.COUNTER_OFFICER, Decimal(4)),
        ("Thẩm định hồ sơ", ProcessStep.Role.SPECIALIST, total - Decimal(10)),
        ("Phê duyệt kết quả", ProcessStep.Role.LEADER, Decimal(4)),
        ("Trả kết quả", ProcessStep.Role.COUNTER_OFFICER, Decimal(2)),
    ]
    for order, (name, role, hours) in enumerate(plan, start=1):
        ProcessStep.objects.create(
            procedure=procedure,
            order=order,
            name=name,
            role=role,
            budget_hours=hours,
            agency=agency,
        )
    RequiredDocument.objects.create(procedure=procedure, order=1, name="Đơn đề nghị theo mẫu")
