import io
import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from tests.factories import PASSWORD
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_download(page):
    world = ensure_world()
    page.goto(page.base_url + "/tai-khoan/dang-nhap/" if False else page.base_url + "/")
    page.get_by_role("link", name="Đăng nhập").first.click()
    page.get_by_label("Tên đăng nhập").fill(world.counter_officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Danh mục TTHC").click()
    page.get_by_label("Từ khoá").fill("khai sinh")
    expect(page.locator("#procedure-results")).not_to_contain_text("xây dựng")
    with page.expect_download() as info:
        page.get_by_role("button", name="Xuất Excel").click()
    download = info.value
    print("\nfilename:", download.suggested_filename, page.url)
    book = load_workbook(download.path())
    print([r[:2] for r in book["TTHC"].iter_rows(min_row=2, values_only=True)])
    # page still intact
    expect(page.locator("#procedure-results")).to_contain_text("Đăng ký khai sinh")
    page.get_by_label("Từ khoá").fill("xay dung")
    expect(page.locator("#procedure-results")).to_contain_text("Cấp giấy phép")
    print(page.url, page.console_errors)
    assert page.console_errors == []
