"""Building dossiers through the services, for tests."""

from __future__ import annotations

from datetime import datetime

from cchc.domain.workdays import VN_TZ
from cchc.dossiers.services import ApplicantData, DocumentData, IntakeRequest, dossier_receive

APPLICANT = ApplicantData(
    full_name="Nguyễn Văn Bình",
    id_number="001090012345",
    phone="0987654321",
    email="binh.nguyen@example.vn",
    address="Số 5 đường Lê Lợi, phường Tân An, tỉnh Bình Sơn",
)


def at(y, m, d, hh=9, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def receive(world, officer=None, *, procedure=None, now=None, channel="in_person", **extra):
    request = IntakeRequest(
        procedure=procedure or world.building_permit,
        applicant=extra.pop("applicant", APPLICANT),
        channel=channel,
        documents=[
            DocumentData(name="Đơn đề nghị cấp giấy phép xây dựng", original=True, copies=1)
        ],
        **extra,
    )
    return dossier_receive(
        actor=officer or world.counter_officer, request=request, now=now or at(2025, 3, 3)
    )
