"""Activity behind the periodic-report tests: Sở Xây dựng's dossiers of the first quarter of
2025, received and decided through the services, and a written draft report."""

from __future__ import annotations

import pytest

from cchc.dossiers.services import dossier_approve, dossier_forward
from cchc.plans import report_services as reports
from tests.dossiers.helpers import at, receive

YEAR = 2025


def first_quarter_activity(world) -> None:
    """Three permits received in February (one by post), two of them decided early in
    February; one received in April (outside the quarter)."""
    received = [
        receive(world, now=at(YEAR, 2, 3)),
        receive(world, now=at(YEAR, 2, 4), channel="postal"),
        receive(world, now=at(YEAR, 2, 5)),
    ]
    for day, dossier in zip((10, 11), received[:2], strict=True):
        dossier_forward(actor=world.specialist, dossier=dossier, now=at(YEAR, 2, day, 9))
        dossier_approve(
            actor=world.leader, dossier=dossier, result_number="1/GP", now=at(YEAR, 2, day, 14)
        )
    receive(world, now=at(YEAR, 4, 7))


NARRATIVE = {
    "results": "Đã rà soát 25 thủ tục hành chính.\nCông khai đầy đủ tại Bộ phận Một cửa.",
    "limitations": "Còn hồ sơ chậm do chờ ý kiến cơ quan phối hợp.",
    "proposals": "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ.",
    "number": "15/BC-SXD",
    "recipients": "- Sở Nội vụ;\n- Lưu: VT.",
    "signer_name": "Phạm Đức Lãnh",
    "signer_title": "Giám đốc",
}


def written_report(world, agency=None, actor=None, period="q1"):
    actor = actor or world.reform_officer
    report = reports.report_open(agency or world.construction, YEAR, period, actor)
    return reports.report_save(report, actor=actor, **NARRATIVE)


@pytest.fixture
def q1_activity(world):
    first_quarter_activity(world)
    return world


@pytest.fixture
def draft_report(q1_activity):
    return written_report(q1_activity)
