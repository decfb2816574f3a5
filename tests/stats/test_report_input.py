"""The report's doors and workbook against hostile input: a period near year 1 or 9999 is a
message (400), and names stored before the text checks existed (control characters, a leading
``=``) come out of the workbook as plain text, never a formula."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from cchc.org.models import Agency
from tests.stats.test_report import PERIOD, URL, XLSX_URL, activity  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

MSG_YEARS = "Năm phải từ 1900 đến 2100."


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "01/01/0001", "date_to": "31/12/2025"},
        {"date_from": "01/01/0001"},
        {"date_from": "30/12/9999", "date_to": "31/12/9999"},
    ],
)
def test_a_report_period_near_year_1_or_9999_is_a_400_with_the_reason(client, leader, params):
    client.force_login(leader)
    for url in (URL, XLSX_URL):
        response = client.get(url, params)
        assert response.status_code == 400, (url, params)
        assert MSG_YEARS in response.content.decode()


def test_a_stored_name_with_a_control_character_and_a_formula_is_written_as_text(
    client,
    activity,  # noqa: F811
):
    world = activity
    legacy = '=HYPERLINK("http://x","y")\x01Sở Xây dựng'
    Agency.objects.filter(pk=world.construction.pk).update(name=legacy)  # a row from before
    client.force_login(world.home_affairs_evaluator)
    response = client.get(XLSX_URL, PERIOD)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value]
    name = next(cell for cell in cells if "HYPERLINK" in str(cell.value))
    assert name.value == '=HYPERLINK("http://x","y")Sở Xây dựng'
    assert name.data_type == "s"
    assert not any(cell.data_type == "f" for cell in cells)
    assert "Sở Xây dựng" in client.get(URL, PERIOD).content.decode()
