"""In a browser: Home Affairs imports the province's plan (a broken file first: its errors are
named and nothing is stored), opens the plan by area and a task, and the lead agency reports
progress on it. axe finds nothing on the import page with its errors, the plan and the task."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cchc.plans.models import Plan
from tests.e2e.test_dossier_journey import sign_in
from tests.e2e.test_portal_accessibility import axe_violations, describe
from tests.plans.conftest_plans import appendix
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = [
    ["I", "CẢI CÁCH THỂ CHẾ"],
    [1, "Rà soát văn bản quy phạm", "Báo cáo", "Sở Xây dựng", "Các sở, ban, ngành", "Quý IV", ""],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    [2, "Công khai thủ tục", "", "Sở Tư pháp", "Sở Xây dựng", "Thường xuyên", ""],
]


def _file(tmp_path, rows, name):
    path = tmp_path / name
    path.write_bytes(appendix(rows).getvalue())
    return path


def test_home_affairs_imports_the_plan_and_the_lead_agency_reports_progress(
    page,
    tmp_path,
):
    world = ensure_world()
    broken = _file(tmp_path, [[1, "Việc", "", "Sở Tư pháb", "", "Quý V", ""]], "hong.xlsx")
    good = _file(tmp_path, ROWS, "phu-luc.xlsx")
    sign_in(page, world.home_affairs_evaluator)

    page.goto(page.base_url + "/can-bo/ke-hoach/")
    page.get_by_role("link", name="Nhập kế hoạch từ tệp Excel").click()
    page.get_by_label("Năm kế hoạch").fill("2026")
    page.get_by_label("Tệp phụ lục (.xlsx)").set_input_files(str(broken))
    page.get_by_role("button", name="Nhập", exact=True).click()
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text("Sở Tư pháp")
    expect(errors).to_contain_text("Quý V")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    assert not Plan.objects.filter(year=2026, agency=world.province).exists()

    page.get_by_label("Năm kế hoạch").fill("2026")
    page.get_by_label("Số, ký hiệu").fill("12/KH-UBND")
    page.get_by_label("Tệp phụ lục (.xlsx)").set_input_files(str(good))
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.get_by_role("heading", name="Cải cách thể chế")).to_be_visible()
    expect(page.get_by_test_id("plan-rate")).to_contain_text("0%")
    violations = axe_violations(page)
    assert not violations, describe(violations)

    page.get_by_role("link", name="Rà soát văn bản quy phạm").click()
    expect(page.get_by_test_id("task-status")).to_contain_text("Chưa thực hiện")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    page.get_by_label("Trạng thái").select_option("in_progress")
    page.get_by_label("Tiến độ (%)").fill("40")
    page.get_by_label("Kết quả, ghi chú").fill("Đã dự thảo báo cáo")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("task-status")).to_contain_text("Đang thực hiện — 40%")
    expect(page.get_by_test_id("task-history")).to_contain_text("Đã dự thảo báo cáo")
