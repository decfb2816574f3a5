"""Helpers of the inspection and register tests: an inspection planned by Home Affairs of the
Department of Construction, with findings."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from cchc.plans.inspection_services import finding_add, inspection_plan, inspection_record
from cchc.plans.models import Inspection

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "minh-chung.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def planned(world, *, kind: str = Inspection.Kind.PLANNED) -> Inspection:
    return inspection_plan(
        actor=world.home_affairs_evaluator,
        agency=world.construction,
        kind=kind,
        date_from=date(2025, 5, 12),
        date_to=date(2025, 5, 13),
        scope="Kiểm tra việc giải quyết TTHC tại bộ phận một cửa",
        members="Bà Đặng Thị Nội, Sở Nội vụ — Trưởng đoàn\nÔng Lê Văn Bảy, Sở Tư pháp",
    )


def recorded(world) -> Inspection:
    return inspection_record(
        planned(world),
        actor=world.home_affairs_evaluator,
        minute_number="12/BB-SNV",
        conclusion="Cơ quan thực hiện cơ bản đầy đủ; còn tồn tại cần khắc phục.",
    )


def with_finding(world, **extra):
    inspection = recorded(world)
    finding = finding_add(
        inspection,
        actor=world.home_affairs_evaluator,
        content="Chưa niêm yết công khai 3 thủ tục lĩnh vực xây dựng",
        requirement="Niêm yết đầy đủ các thủ tục tại bộ phận một cửa",
        due_date=date(2025, 6, 30),
        **extra,
    )
    return inspection, finding
