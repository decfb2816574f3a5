"""Home Affairs loads a PAR Index framework from Excel in the browser: a broken file lists its
errors by sheet, row and column and changes nothing; the fixed file creates the framework,
whose tree shows the live binding in words; it is copied to the next year. axe finds nothing
on the list, the import page with its errors and the framework's page."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from cchc.parindex.excel import SHEET_CRITERIA, export_framework
from cchc.parindex.models import Framework
from tests.e2e.conftest import shot
from tests.e2e.test_dossier_journey import sign_in
from tests.e2e.test_portal_accessibility import axe_violations, describe
from tests.parindex.conftest_frameworks import small_framework
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _workbook(tmp_path, *, broken: bool):
    framework = small_framework(year=2025)
    data = export_framework(framework)
    framework.delete()
    book = load_workbook(BytesIO(data))
    if broken:
        book[SHEET_CRITERIA]["E4"] = "hai điểm"
    path = tmp_path / ("hong.xlsx" if broken else "bo-tieu-chi.xlsx")
    book.save(path)
    return path


def test_home_affairs_imports_a_framework_and_copies_it_to_the_next_year(page, tmp_path):
    world = ensure_world()
    broken, good = _workbook(tmp_path, broken=True), _workbook(tmp_path, broken=False)
    sign_in(page, world.home_affairs_evaluator)

    page.goto(page.base_url + "/can-bo/chi-so-cchc/bo-tieu-chi/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bộ tiêu chí Chỉ số CCHC")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    page.get_by_role("link", name="Nhập từ Excel").click()

    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(broken))
    page.get_by_role("button", name="Nhập tệp").click()
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text("Tệp có 1 lỗi")
    expect(page.get_by_role("row", name="Tiêu chí 4 E · Điểm tối đa")).to_contain_text(
        "“hai điểm” không phải là số."
    )
    violations = axe_violations(page)
    assert not violations, describe(violations)
    assert not Framework.objects.exists()

    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(good))
    page.get_by_role("button", name="Nhập tệp").click()
    expect(page.get_by_test_id("framework-name")).to_have_text("Bộ tiêu chí thử năm 2025")
    expect(page.locator('[data-code="1.1.2"]')).to_contain_text(
        "0 điểm khi tỷ lệ từ 20% trở xuống, điểm tối đa khi từ 82,5% trở lên"
    )
    expect(page.get_by_test_id("no-problems")).to_be_visible()
    shot(page, "parindex-framework")
    violations = axe_violations(page)
    assert not violations, describe(violations)

    page.get_by_role("button", name="Sao chép sang năm mới").click()
    expect(page.get_by_test_id("framework-name")).to_have_text("Bộ tiêu chí thử năm 2026")
    assert Framework.objects.get(year=2026).copied_from.year == 2025
