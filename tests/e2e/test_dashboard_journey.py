"""The province's figures in a real chromium (issue 9): a leader of the province opens the
dashboard, changes the period, drills from an agency's late count to the dossiers behind it,
exports the table to Excel (read back); the public page shows the same on-time figure for
that agency and no personal data; axe finds nothing on the dashboard and the public page at
desktop and phone width, and nothing scrolls sideways."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from cchc.org.models import User
from tests.dossiers.helpers import APPLICANT
from tests.e2e.conftest import shot
from tests.e2e.test_dossier_journey import sign_in
from tests.e2e.test_portal_accessibility import check_strictly
from tests.factories import UserFactory
from tests.stats.test_report import build_activity
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_province_leader_reads_drills_exports_and_the_public_page_agrees(page, phone_page):
    world = ensure_world()
    build_activity(world)  # Sở Xây dựng in 2025: three decided early, one late
    leader = UserFactory(
        username="t.province",
        full_name="Ngô Văn Tỉnh",
        role=User.Role.LEADER,
        agency=world.province,
    )

    sign_in(page, leader)
    with page.expect_navigation():
        page.get_by_role("link", name="Bảng điều khiển").click()
    page.get_by_label("Kỳ", exact=True).select_option("year")
    page.get_by_label("Năm", exact=True).fill("2025")
    with page.expect_navigation():
        page.get_by_role("button", name="Xem").click()
    expect(page.get_by_test_id("dashboard-period")).to_have_text(
        "Từ ngày 01/01/2025 đến ngày 31/12/2025"
    )
    agencies = page.get_by_test_id("table-co-quan")
    row = agencies.get_by_role("row").filter(has_text="Sở Xây dựng")
    expect(row).to_contain_text("75,0%")
    shot(page, "dashboard-province")
    check_strictly(page, "dashboard-desktop")

    # The Excel file has the same row.
    with page.expect_download() as download:
        page.get_by_test_id("export-co-quan-xlsx").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["Sở Xây dựng"][1] == 4 and rows["Sở Xây dựng"][5] == pytest.approx(0.75)

    # The late count opens the late dossier.
    with page.expect_navigation():
        row.get_by_role("link", name="1").click()
    expect(page.get_by_test_id("drill-heading")).to_have_text("Hồ sơ theo số liệu")
    results = page.locator("#worklist-results")
    expect(results.locator("tbody tr")).to_have_count(1)
    shot(page, "dashboard-drill")

    # The public page, on a phone, says the same and names nobody.
    phone_page.goto(phone_page.base_url + "/cong-khai/?year=2025")
    public_row = phone_page.get_by_test_id(f"public-{world.construction.code}")
    expect(public_row).to_contain_text("75,0%")
    assert APPLICANT.full_name not in phone_page.content()
    check_strictly(phone_page, "public-province-phone")

    # The leader's dashboard on a phone: the same figure, nothing scrolls sideways.
    sign_in(phone_page, leader)
    phone_page.goto(phone_page.base_url + "/can-bo/thong-ke/bang-dieu-khien/?period=year&year=2025")
    phone_row = phone_page.get_by_test_id("table-co-quan").get_by_role("row")
    expect(phone_row.filter(has_text="Sở Xây dựng")).to_contain_text("75,0%")
    check_strictly(phone_page, "dashboard-phone")
    assert not page.console_errors, page.console_errors
