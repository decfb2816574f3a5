"""The inspection pages: scoped reads, the forms through the services, the minute download,
and clear messages (never a 500) for bad input."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from cchc.plans.models import Finding, Inspection, PlanTask
from tests.plans.conftest_inspection import pdf, planned, with_finding
from tests.plans.test_inspection_services import read_docx


def test_home_affairs_plans_an_inspection_through_the_form(client, world):
    client.force_login(world.home_affairs_evaluator)
    response = client.post(
        reverse("plans:inspection_plan"),
        {
            "kind": "planned",
            "agency": world.construction.pk,
            "date_from": "12/05/2025",
            "date_to": "13/05/2025",
            "scope": "Kiểm tra một cửa",
            "members": "Bà Nội",
        },
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:inspection", args=[inspection.pk])
    assert inspection.date_from == date(2025, 5, 12)


def test_bad_dates_are_shown_on_the_form(client, world):
    client.force_login(world.home_affairs_evaluator)
    response = client.post(
        reverse("plans:inspection_plan"),
        {
            "kind": "planned",
            "agency": world.construction.pk,
            "date_from": "13/05/2025",
            "date_to": "12/05/2025",
            "scope": "Kiểm tra",
        },
    )
    assert response.status_code == 200
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()
    garbage = client.post(
        reverse("plans:inspection_plan"),
        {"kind": "x", "agency": "abc", "date_from": "99/99/9999", "date_to": "", "scope": ""},
    )
    assert garbage.status_code == 200
    assert not Inspection.objects.exists()


def test_an_agency_reads_its_own_inspections_and_another_agencys_is_a_404(client, world):
    inspection = planned(world)
    client.force_login(world.reform_officer)
    assert client.get(reverse("plans:inspection", args=[inspection.pk])).status_code == 200
    listing = client.get(reverse("plans:inspections"))
    assert world.construction.name in listing.content.decode()
    client.force_login(world.other_agency_officer)
    assert client.get(reverse("plans:inspection", args=[inspection.pk])).status_code == 404
    assert client.get(reverse("plans:inspection_minute", args=[inspection.pk])).status_code == 404
    assert world.construction.name not in client.get(reverse("plans:inspections")).content.decode()


def test_recording_adding_a_finding_closing_it_and_the_inspection(client, world):
    inspection = planned(world)
    client.force_login(world.home_affairs_evaluator)
    url = reverse("plans:inspection_record", args=[inspection.pk])
    assert client.post(url, {"minute_number": "", "conclusion": ""}).status_code == 400
    assert client.post(url, {"minute_number": "3/BB", "conclusion": "Đạt"}).status_code == 302
    add = reverse("plans:finding_add", args=[inspection.pk])
    refused = client.post(add, {"content": "x", "requirement": "y", "due_date": "01/01/2024"})
    assert refused.status_code == 400
    assert "Hạn khắc phục không được trước ngày bắt đầu kiểm tra." in refused.content.decode()
    response = client.post(
        add,
        {
            "content": "Chưa niêm yết",
            "requirement": "Niêm yết",
            "due_date": "30/06/2025",
            "evidence_file": pdf(),
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert finding.task.source == PlanTask.Source.INSPECTION
    close = reverse("plans:inspection_close", args=[inspection.pk])
    early = client.post(close)
    assert early.status_code == 400
    assert "Còn 1 tồn tại chưa khắc phục" in early.content.decode()
    client.force_login(world.reform_officer)
    url = reverse("plans:finding_close", args=[inspection.pk, finding.pk])
    assert client.post(url, {"note": "Đã làm"}).status_code == 400
    done = client.post(url, {"note": "Đã làm", "link": "https://so-xay-dung.vn/niem-yet"})
    assert done.status_code == 302
    client.force_login(world.home_affairs_evaluator)
    assert client.post(close).status_code == 302
    assert Inspection.objects.get().status == Inspection.Status.CLOSED


def test_the_minute_downloads_as_docx(client, world):
    inspection, _finding = with_finding(world)
    client.force_login(world.leader)
    response = client.get(reverse("plans:inspection_minute", args=[inspection.pk]))
    assert response.status_code == 200
    assert "bien-ban-kiem-tra" in response["Content-Disposition"]
    assert "BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH" in read_docx(response.content)


def test_another_agency_cannot_close_a_finding_through_the_page(client, world):
    inspection, finding = with_finding(world)
    client.force_login(world.other_agency_officer)
    url = reverse("plans:finding_close", args=[inspection.pk, finding.pk])
    assert client.post(url, {"note": "x", "link": "https://a.vn"}).status_code == 404


def test_unknown_ids_are_404s(client, world):
    client.force_login(world.home_affairs_evaluator)
    assert client.get(reverse("plans:inspection", args=[999999])).status_code == 404
    assert client.get(reverse("plans:finding_close", args=[999999, 1])).status_code == 404
    assert client.get(reverse("plans:inspections") + "?trang-thai=bogus").status_code == 200


def test_a_findings_evidence_downloads_for_the_agency_and_is_a_404_for_another(client, world):
    inspection, finding = with_finding(world, evidence_file=pdf())
    url = reverse("plans:finding_file", args=[inspection.pk, finding.pk, "bang-chung"])
    client.force_login(world.reform_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "minh-chung.pdf" in response["Content-Disposition"]
    closure = reverse("plans:finding_file", args=[inspection.pk, finding.pk, "khac-phuc"])
    assert client.get(closure).status_code == 404
    client.force_login(world.other_agency_officer)
    assert client.get(url).status_code == 404
