"""A dossier's whole life at the one-stop counter, in a real chromium: the counter officer
receives it and prints the receipt, the specialist forwards it, the leader approves it and sees
it in the year's report, the counter collects the fee and returns the result, and the control
sheet shows every hand-over."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.conftest import officer_open, officer_sign_out, shot
from tests.e2e.test_portal_accessibility import axe_violations, describe
from tests.factories import PASSWORD
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROCEDURE = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"


def sign_in(page, user) -> None:
    page.goto(page.base_url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("current-user")).to_contain_text(user.full_name)


def pdf_text(page, href: str) -> str:
    """Fetch a printed form with the browser's session and return its text."""
    response = page.request.get(page.base_url + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_receive_forward_approve_return_and_the_control_sheet(page):
    world = ensure_world()

    # The counter officer receives the dossier and prints the receipt (Mẫu 01).
    sign_in(page, world.counter_officer)
    with page.expect_navigation():  # to the load: htmx listens once its script has run
        page.get_by_role("link", name="Tiếp nhận", exact=True).click()
    page.get_by_label("Mã hoặc tên thủ tục").fill("cap giay phep xay dung")
    results = page.locator("#procedure-results")
    expect(results).to_contain_text(PROCEDURE)
    shot(page, "dossier-intake-search")
    results.get_by_role("link", name=PROCEDURE).click()
    page.get_by_role("checkbox", name="Đơn đề nghị theo mẫu").check()
    page.get_by_label("Họ và tên / Tên tổ chức").fill("Nguyễn Văn Bình")
    page.get_by_label("Số CCCD / Mã số thuế").fill("001090012345")
    page.get_by_label("Điện thoại").fill("0987654321")
    page.get_by_label("Thư điện tử").fill("binh.nguyen@example.vn")
    page.get_by_label("Địa chỉ", exact=True).fill("Số 5 đường Lê Lợi, phường Tân An")
    shot(page, "dossier-intake-checklist")
    page.get_by_role("button", name="Tiếp nhận", exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã tiếp nhận hồ sơ")
    code = page.get_by_test_id("dossier-code").inner_text()
    assert re.fullmatch(r"000\.00\.05\.H98-\d{6}-\d{4}", code)
    expect(page.get_by_test_id("dossier-status")).to_have_text("Mới tiếp nhận")
    shot(page, "dossier-received")
    receipt = page.get_by_test_id("print-receipt")
    expect(receipt).to_have_text(re.compile("In phiếu hẹn"))
    assert code in pdf_text(page, receipt.get_attribute("href"))
    officer_sign_out(page)

    # The specialist takes it from the agency's queue and forwards it to the leader.
    sign_in(page, world.specialist)
    officer_open(page, "Chờ xử lý của cơ quan", code)
    page.locator("#action-chuyen summary").click()
    page.get_by_label("Chuyển cho").select_option(label="Phạm Đức Lãnh — Lãnh đạo")
    page.get_by_label("Ý kiến xử lý").fill("Hồ sơ đủ điều kiện cấp phép.")
    shot(page, "dossier-forward")
    page.get_by_role("button", name="Chuyển", exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã chuyển hồ sơ")
    expect(page.get_by_test_id("dossier-status")).to_have_text("Đang giải quyết")
    officer_sign_out(page)

    # The leader approves with a result number.
    sign_in(page, world.leader)
    officer_open(page, "Của tôi", code)
    page.locator("#action-phe-duyet summary").click()
    page.get_by_label("Số văn bản kết quả").fill("125/GPXD")
    shot(page, "dossier-approve")
    page.get_by_role("button", name="Phê duyệt", exact=True).click()
    expect(page.get_by_test_id("dossier-status")).to_have_text("Đã có kết quả")
    page.get_by_role("link", name="Cảnh báo", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cảnh báo")
    shot(page, "dossier-alerts")

    # The leader's report of the year: the approval counts as finished early, at once.
    page.get_by_role("link", name="Thống kê", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tình hình giải quyết TTHC")
    row = page.get_by_test_id(f"report-{world.construction.code}")
    expect(row).to_contain_text("Sở Xây dựng")
    expect(row.get_by_role("cell").nth(3)).to_have_text("1")  # finished
    expect(row.get_by_role("cell").nth(4)).to_have_text("100,0%")  # on time
    shot(page, "dossier-report")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    with page.expect_download() as download:
        page.get_by_test_id("report-xlsx").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    with open(download.value.path(), "rb") as file:
        sheet = load_workbook(io.BytesIO(file.read())).active
    assert [c.value for c in sheet[5]][1:4] == ["Sở Xây dựng", world.construction.code, 1]
    row.get_by_role("link", name="Sở Xây dựng").click()  # where the figures come from
    expect(page.get_by_role("heading", level=1)).to_contain_text("theo thủ tục")
    expect(page.get_by_test_id(f"report-{world.building_permit.code}")).to_contain_text(PROCEDURE)
    officer_sign_out(page)

    # The counter records the fee and returns the result in person.
    sign_in(page, world.counter_officer)
    officer_open(page, "Chờ trả kết quả", code)
    expect(page.get_by_test_id("outstanding")).to_have_text("75.000 đ")
    card = page.locator("#action-thu-phi")
    card.locator("summary").click()
    card.get_by_role("button", name="Ghi nhận").click()
    expect(page.get_by_test_id("outstanding")).to_have_text("0 đ")
    card = page.locator("#action-tra-ket-qua")
    card.locator("summary").click()
    card.get_by_label("Hình thức trả").select_option("in_person")
    card.get_by_role("button", name="Trả kết quả").click()
    expect(page.get_by_test_id("dossier-status")).to_have_text("Đã trả kết quả")
    shot(page, "dossier-returned")

    # The control sheet (Mẫu 05) has a row for every hand-over.
    sheet = pdf_text(page, page.locator('a[data-kind="control-sheet"]').get_attribute("href"))
    assert code in sheet
    for hand_over in (
        "Tiếp nhận hồ sơ, chuyển xử lý",
        "Chuyển bước tiếp theo",
        "Phê duyệt, ban hành kết quả",
        "Trả kết quả cho tổ chức, cá nhân",
    ):
        assert hand_over in sheet, hand_over
    for officer in (world.counter_officer, world.specialist, world.leader):
        assert officer.full_name in sheet, officer
    assert "Nguyễn Văn Bình" in sheet
    officer_sign_out(page)
    assert page.console_errors == []
