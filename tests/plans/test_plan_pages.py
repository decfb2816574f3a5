"""The plan pages: list, a plan by area with its completion rates, a task with its history and
progress form, the import and the export; scoped by agency."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from cchc.plans import services
from cchc.plans.models import Plan, PlanTask
from cchc.plans.plan_services import plans_flag_late
from tests.plans.conftest_plans import appendix, task_for

pytestmark = pytest.mark.django_db

ROWS = [
    ["I", "CẢI CÁCH THỂ CHẾ"],
    [1, "Rà soát văn bản", "Báo cáo", "Sở Tư pháp", "Sở Xây dựng", "Quý I", ""],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    [2, "Công khai thủ tục", "", "Sở Tư pháp", "", "Thường xuyên", ""],
]


def upload(rows):
    return SimpleUploadedFile("phu-luc.xlsx", appendix(rows).getvalue())


def test_home_affairs_imports_the_province_plan_and_lands_on_it(client, world):
    client.force_login(world.home_affairs_evaluator)
    answer = client.post(
        reverse("plans:plan_import"),
        {"year": 2026, "number": "12/KH-UBND", "issued_on": "05/01/2026", "file": upload(ROWS)},
    )

    plan = Plan.objects.get(agency=world.province, year=2026)
    assert answer.status_code == 302 and answer.url == reverse("plans:plan", args=[plan.pk])
    assert (plan.number, plan.date, plan.tasks.count()) == ("12/KH-UBND", date(2026, 1, 5), 2)
    page = client.get(answer.url).content.decode()
    assert "Cải cách thể chế" in page and "Rà soát văn bản" in page


def test_a_broken_file_shows_its_errors_and_leaves_no_plan(client, world):
    client.force_login(world.reform_officer)
    broken = [[1, "Nhiệm vụ", "", "Sở Không Có", "", "Quý I", ""]]
    answer = client.post(reverse("plans:plan_import"), {"year": 2026, "file": upload(broken)})

    assert answer.status_code == 400
    assert "Sở Không Có" in answer.content.decode()
    assert not Plan.objects.filter(agency=world.construction, year=2026).exists()


def test_a_counter_officer_may_not_import(client, world):
    client.force_login(world.counter_officer)
    assert client.get(reverse("plans:plan_import")).status_code == 403


def test_an_agency_sees_its_own_plan_and_the_province_tasks_it_is_part_of(client, world):
    province = services.plan_for(world.province, 2026)
    mine = task_for(province, world.construction, date(2026, 6, 30), content="Việc của Sở Xây dựng")
    task_for(province, world.justice, date(2026, 6, 30), content="Việc của Sở Tư pháp")
    justice_plan = services.plan_for(world.justice, 2026)
    client.force_login(world.reform_officer)

    listing = client.get(reverse("plans:plans")).content.decode()
    page = client.get(reverse("plans:plan", args=[province.pk])).content.decode()

    assert province.title in listing and justice_plan.title not in listing
    assert "Việc của Sở Xây dựng" in page and "Việc của Sở Tư pháp" not in page
    assert client.get(reverse("plans:plan", args=[justice_plan.pk])).status_code == 404
    other = PlanTask.objects.get(content="Việc của Sở Tư pháp")
    assert client.get(reverse("plans:task", args=[other.pk])).status_code == 404
    assert client.get(reverse("plans:task", args=[mine.pk])).status_code == 200


def test_the_lead_agency_reports_progress_on_the_task_page(client, world):
    plan = services.plan_for(world.construction, 2026)
    task = task_for(plan, world.construction, date(2030, 6, 30))
    client.force_login(world.reform_officer)
    url = reverse("plans:task", args=[task.pk])

    refused = client.post(url, {"status": "cancelled", "progress": 0})
    answer = client.post(
        url, {"status": "in_progress", "progress": 30, "note": "Đã dự thảo", "document": "5/SXD"}
    )

    assert refused.status_code == 400 and "lý do" in refused.content.decode()
    assert answer.status_code == 302
    task.refresh_from_db()
    assert (task.status, task.progress) == ("in_progress", 30)
    page = client.get(url).content.decode()
    assert "Đã dự thảo" in page and "5/SXD" in page and "Đang thực hiện" in page


def test_a_coordinating_agency_reads_the_task_but_has_no_form(client, world):
    plan = services.plan_for(world.province, 2026)
    task = services.task_add(
        plan,
        content="Phối hợp",
        due_date=date(2026, 6, 30),
        timing="date",
        timing_text="30/6/2026",
        lead_agency=world.justice,
        coordinating=[world.construction],
    )
    client.force_login(world.reform_officer)
    url = reverse("plans:task", args=[task.pk])

    assert 'name="progress"' not in client.get(url).content.decode()
    client.post(url, {"status": "in_progress", "progress": 30})
    task.refresh_from_db()
    assert task.status == "not_started"


def test_late_tasks_are_highlighted_and_rates_shown(client, world):
    plan = services.plan_for(world.construction, 2026)
    late = task_for(plan, world.construction, date(2026, 4, 29))
    task_for(plan, world.construction, date(2030, 1, 1))
    plans_flag_late(None)
    client.force_login(world.leader)

    page = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()

    assert f'data-testid="task-{late.pk}" class="table-danger"' in page
    assert "Quá hạn" in page and "0%" in page
    filtered = client.get(reverse("plans:plan", args=[plan.pk]), {"trang-thai": "late"})
    assert filtered.content.decode().count('data-testid="task-') == 1


def test_the_export_downloads_the_appendix(client, world):
    plan = services.plan_for(world.construction, 2026)
    task_for(plan, world.construction, date(2026, 6, 30), content="Xuất ra Excel")
    client.force_login(world.reform_officer)

    answer = client.get(reverse("plans:plan_export", args=[plan.pk]))

    assert answer.status_code == 200
    sheet = load_workbook(BytesIO(answer.content)).active
    assert "Xuất ra Excel" in [c.value for row in sheet.iter_rows() for c in row]


def test_a_task_led_by_a_group_is_seen_and_updated_by_each_agency_of_the_group(client, world):
    plan = services.plan_for(world.province, 2026)
    both = task_for(plan, None, date(2030, 6, 30), content="Việc của các sở")
    both.lead_agency, both.lead_text = None, "Các sở, ban, ngành; UBND cấp huyện"
    both.save()
    named = task_for(plan, None, date(2030, 6, 30), content="Việc hai sở")
    named.lead_agency, named.lead_text = None, "Sở Xây dựng; Sở Tư pháp"
    named.save()
    client.force_login(world.reform_officer)

    page = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "Việc của các sở" in page and "Việc hai sở" in page
    answer = client.post(
        reverse("plans:task", args=[both.pk]), {"status": "in_progress", "progress": 10}
    )
    assert answer.status_code == 302
    both.refresh_from_db()
    assert both.status == "in_progress"

    commune_officer = world.reform_officer
    commune_officer.agency = world.commune
    commune_officer.save()
    client.force_login(commune_officer)
    assert client.get(reverse("plans:plan", args=[plan.pk])).status_code == 404
