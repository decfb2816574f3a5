"""Reform inspections through their services: planning, recording, findings followed up as plan
tasks, closure with evidence, and the minute as DOCX."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cchc.org.models import User
from cchc.plans.inspection_minute import minute_docx
from cchc.plans.inspection_services import (
    MSG_CLOSURE_EVIDENCE,
    MSG_OPEN_FINDINGS,
    MSG_OWN_UNIT,
    MSG_SELF_HOME_AFFAIRS,
    MSG_SELF_ONLY,
    finding_add,
    finding_close,
    inspection_close,
    inspection_plan,
    inspection_record,
)
from cchc.plans.models import Finding, Inspection, PlanTask, TaskUpdate
from cchc.plans.services import PlanError
from tests.plans.conftest_inspection import pdf, planned, recorded, with_finding

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = ElementTree.fromstring(package.read("word/document.xml"))
    return [
        unicodedata.normalize("NFC", "".join(t.text or "" for t in p.iter(f"{W}t")))
        for p in root.iter(f"{W}p")
    ]


def test_home_affairs_plans_an_inspection_of_the_agencys_unit(world):
    inspection = inspection_plan(
        actor=world.home_affairs_evaluator,
        agency=world.construction_division,
        kind=Inspection.Kind.UNANNOUNCED,
        date_from=date(2025, 5, 12),
        date_to=date(2025, 5, 12),
        scope="Kiểm tra đột xuất",
    )
    assert inspection.agency == world.construction
    assert inspection.inspector == world.province
    assert inspection.year == 2025
    assert inspection.status == Inspection.Status.PLANNED


def test_home_affairs_cannot_record_a_self_inspection(world):
    with pytest.raises(PlanError) as refused:
        planned(world, kind=Inspection.Kind.SELF)
    assert refused.value.message == str(MSG_SELF_HOME_AFFAIRS)


def test_an_agency_records_a_self_inspection_of_its_own_unit_only(world):
    own = inspection_plan(
        actor=world.reform_officer,
        agency=world.construction,
        kind=Inspection.Kind.SELF,
        date_from=date(2025, 3, 3),
        date_to=date(2025, 3, 4),
        scope="Tự kiểm tra",
    )
    assert own.inspector == world.construction
    with pytest.raises(PlanError) as other:
        inspection_plan(
            actor=world.reform_officer,
            agency=world.justice,
            kind=Inspection.Kind.SELF,
            date_from=date(2025, 3, 3),
            date_to=date(2025, 3, 4),
            scope="Tự kiểm tra",
        )
    assert other.value.message == str(MSG_OWN_UNIT)
    with pytest.raises(PlanError) as kind:
        inspection_plan(
            actor=world.leader,
            agency=world.construction,
            kind=Inspection.Kind.PLANNED,
            date_from=date(2025, 3, 3),
            date_to=date(2025, 3, 4),
            scope="Kiểm tra",
        )
    assert kind.value.message == str(MSG_SELF_ONLY)


@pytest.mark.parametrize(
    ("date_from", "date_to", "field"),
    [
        (date(2025, 5, 13), date(2025, 5, 12), "date_to"),
        (date(1800, 5, 13), date(2025, 5, 12), "date_from"),
        ("12/05/2025", date(2025, 5, 12), "date_from"),
    ],
)
def test_dates_out_of_order_or_range_are_refused(world, date_from, date_to, field):
    with pytest.raises(PlanError) as refused:
        inspection_plan(
            actor=world.home_affairs_evaluator,
            agency=world.construction,
            kind=Inspection.Kind.PLANNED,
            date_from=date_from,
            date_to=date_to,
            scope="Kiểm tra",
        )
    assert refused.value.field == field
    assert not Inspection.objects.exists()


def test_a_counter_officer_cannot_plan_an_inspection(world):
    with pytest.raises(PlanError):
        inspection_plan(
            actor=world.counter_officer,
            agency=world.construction,
            kind=Inspection.Kind.SELF,
            date_from=date(2025, 3, 3),
            date_to=date(2025, 3, 4),
            scope="Tự kiểm tra",
        )


def test_recording_needs_the_minute_number_and_conclusion_and_happens_once(world):
    inspection = planned(world)
    with pytest.raises(PlanError) as refused:
        inspection_record(
            inspection, actor=world.home_affairs_evaluator, minute_number="", conclusion="x"
        )
    assert refused.value.field == "minute_number"
    done = inspection_record(
        inspection, actor=world.home_affairs_evaluator, minute_number="1/BB", conclusion="Tốt"
    )
    assert done.status == Inspection.Status.DONE
    with pytest.raises(PlanError):
        inspection_record(
            done, actor=world.home_affairs_evaluator, minute_number="2/BB", conclusion="Tốt"
        )


def test_a_finding_lands_in_the_inspected_agencys_plan_as_a_task_due_on_its_date(world):
    _inspection, finding = with_finding(world, evidence_file=pdf())
    task = finding.task
    assert task.plan.agency == world.construction
    assert task.plan.year == 2025
    assert task.source == PlanTask.Source.INSPECTION
    assert task.due_date == date(2025, 6, 30)
    assert task.timing == PlanTask.Timing.DATE
    assert task.content == "Niêm yết đầy đủ các thủ tục tại bộ phận một cửa"
    assert finding.evidence_file.name.endswith(".pdf")
    assert finding.evidence_name == "minh-chung.pdf"


def test_a_finding_with_a_disguised_file_is_refused_and_no_task_is_created(world):
    inspection = recorded(world)
    fake = SimpleUploadedFile("anh.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    with pytest.raises(PlanError) as refused:
        finding_add(
            inspection,
            actor=world.home_affairs_evaluator,
            content="Tồn tại",
            requirement="Khắc phục",
            due_date=date(2025, 6, 30),
            evidence_file=fake,
        )
    assert refused.value.field == "evidence_file"
    assert not PlanTask.objects.exists()
    assert not Finding.objects.exists()


def test_only_the_inspector_adds_findings(world):
    inspection = recorded(world)
    with pytest.raises(PlanError):
        finding_add(
            inspection,
            actor=world.reform_officer,
            content="Tồn tại",
            requirement="Khắc phục",
            due_date=date(2025, 6, 30),
        )


def test_closing_a_finding_needs_evidence_and_marks_its_task_done(world):
    _inspection, finding = with_finding(world)
    with pytest.raises(PlanError) as refused:
        finding_close(finding, actor=world.reform_officer, note="Đã niêm yết")
    assert refused.value.message == str(MSG_CLOSURE_EVIDENCE)
    closed = finding_close(
        finding, actor=world.reform_officer, note="Đã niêm yết đầy đủ", file=pdf("anh-chup.pdf")
    )
    assert closed.status == Finding.Status.CLOSED
    task = PlanTask.objects.get(pk=finding.task_id)
    assert (task.status, task.progress) == (PlanTask.Status.DONE, 100)
    last = TaskUpdate.objects.filter(task=task).order_by("-id").first()
    assert last.to_status == PlanTask.Status.DONE
    assert last.actor == world.reform_officer
    assert last.original_name == "anh-chup.pdf"


def test_another_agency_cannot_close_a_finding(world):
    _inspection, finding = with_finding(world)
    with pytest.raises(PlanError):
        finding_close(
            finding, actor=world.other_agency_officer, note="x", link="https://example.vn/a"
        )


def test_an_inspection_closes_only_when_every_finding_is_closed(world):
    inspection, finding = with_finding(world)
    with pytest.raises(PlanError) as refused:
        inspection_close(inspection, actor=world.home_affairs_evaluator)
    assert refused.value.message == str(MSG_OPEN_FINDINGS) % {"count": 1}
    finding_close(finding, actor=world.leader, note="Xong", link="https://example.vn/niem-yet")
    closed = inspection_close(inspection, actor=world.home_affairs_evaluator)
    assert closed.status == Inspection.Status.CLOSED
    # Every step is in the inspection's history, with who did it and the state it left.
    history = list(closed.events.order_by("seq").values_list("action", "to_status", "actor"))
    assert history == [
        ("plan", "planned", world.home_affairs_evaluator.pk),
        ("record", "done", world.home_affairs_evaluator.pk),
        ("finding_add", "done", world.home_affairs_evaluator.pk),
        ("finding_close", "done", world.leader.pk),
        ("close", "closed", world.home_affairs_evaluator.pk),
    ]
    with pytest.raises(PlanError):
        finding_add(
            closed,
            actor=world.home_affairs_evaluator,
            content="Muộn",
            requirement="x",
            due_date=date(2025, 7, 1),
        )


def test_the_minute_reads_back_in_the_administrative_layout(world):
    inspection, _finding = with_finding(world)
    texts = read_docx(minute_docx(inspection))
    joined = "\n".join(texts)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert world.province.name.upper() in texts
    assert "BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH" in texts
    assert "Số: 12/BB-SNV" in texts
    assert any(t.endswith("ngày 13 tháng 5 năm 2025") for t in texts)
    assert "Ông Lê Văn Bảy, Sở Tư pháp" in texts
    assert "Kiểm tra việc giải quyết TTHC tại bộ phận một cửa" in texts
    assert "Chưa niêm yết công khai 3 thủ tục lĩnh vực xây dựng" in texts
    assert "Niêm yết đầy đủ các thủ tục tại bộ phận một cửa" in texts
    assert "30/06/2025" in texts
    assert "TRƯỞNG ĐOÀN KIỂM TRA" in joined
    assert "ĐẠI DIỆN CƠ QUAN ĐƯỢC KIỂM TRA" in joined


def test_a_system_admin_is_not_an_inspector(world):
    inspection = planned(world)
    assert world.admin.role == User.Role.SYSTEM_ADMIN
    with pytest.raises(PlanError):
        inspection_record(inspection, actor=world.admin, minute_number="1", conclusion="x")
