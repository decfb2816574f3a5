"""Số liệu chỉ số phục vụ nhập tay: the reform office enters the values the platform does not
hold for the agencies in its scope, each checked and stamped; a leader sees them; other
officers and agencies outside the scope get nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from cchc.stats.models import EnteredValue
from tests.stats.helpers import enter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serving_config")]

URL = reverse("stats:entered_values")


def entry(world, **changes) -> dict:
    return {
        "indicator_code": "MDSH6",
        "agency": world.construction.pk,
        "period_from": "01/09/2025",
        "period_to": "30/09/2025",
        "numerator": "7",
        "denominator": "10",
        "note": "Báo cáo của Trung tâm Phục vụ hành chính công",
        **changes,
    }


def test_a_reform_officer_enters_a_value_for_their_unit_stamped_with_who_and_when(
    client, world, reform_officer
):
    client.force_login(reform_officer)
    response = client.post(f"{URL}?date_from=01/01/2025", entry(world))
    assert response.status_code == 302 and response["Location"] == f"{URL}?date_from=01/01/2025"
    saved = EnteredValue.objects.get()
    assert (saved.indicator_code, saved.agency, saved.period_from, saved.period_to) == (
        "MDSH6",
        world.construction,
        date(2025, 9, 1),
        date(2025, 9, 30),
    )
    assert (saved.numerator, saved.denominator, saved.entered_by) == (7, 10, reform_officer)
    page = client.get(response["Location"]).content.decode()
    assert "Đã ghi số liệu." in page
    assert "MDSH6" in page and "01/09/2025–30/09/2025" in page and "Hoàng Thị Cải" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"numerator": "11"}, "Tử số không được lớn hơn mẫu số."),
        ({"period_to": "31/08/2025"}, "Ngày cuối kỳ không được trước ngày đầu kỳ."),
        ({"indicator_code": "TTTT1"}, "TTTT1 không phải là một trong các lựa chọn"),  # counted
        ({"numerator": "-1"}, "0"),
        ({"period_from": "31/02/2025"}, "dd/mm/yyyy"),
    ],
)
def test_a_refused_entry_says_why_and_writes_nothing(
    client, world, reform_officer, changes, message
):
    client.force_login(reform_officer)
    response = client.post(URL, entry(world, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not EnteredValue.objects.exists()


def test_an_entry_overlapping_another_is_refused(client, world, reform_officer):
    enter(world, "MDSH6", world.construction, date(2025, 9, 1), date(2025, 9, 30), 1, 2)
    client.force_login(reform_officer)
    response = client.post(URL, entry(world, period_from="15/09/2025", period_to="15/10/2025"))
    assert response.status_code == 400
    assert "trùng với kỳ đang nhập" in response.content.decode()
    assert EnteredValue.objects.count() == 1


def test_an_agency_outside_the_officers_scope_cannot_be_chosen(client, world, reform_officer):
    client.force_login(reform_officer)
    response = client.post(URL, entry(world, agency=world.justice.pk))
    assert response.status_code == 400 and not EnteredValue.objects.exists()
    page = client.get(URL).content.decode()
    assert "Sở Xây dựng" in page and "Sở Tư pháp" not in page


def test_home_affairs_enters_for_any_agency_and_sees_every_entry(
    client, world, home_affairs_evaluator, django_assert_num_queries
):
    enter(world, "MDSH6", world.construction, date(2025, 9, 1), date(2025, 9, 30), 1, 2)
    client.force_login(home_affairs_evaluator)
    assert client.post(URL, entry(world, agency=world.justice.pk)).status_code == 302
    client.get(URL, {"date_from": "01/01/2025"})
    # session, user, the indicators to choose, the entries, the agencies to choose
    with django_assert_num_queries(5):
        response = client.get(URL, {"date_from": "01/01/2025"})
    rows = response.content.decode().split('data-testid="entered-values"')[1]
    assert "Sở Xây dựng" in rows and "Sở Tư pháp" in rows


def test_a_leader_sees_the_entries_of_the_unit_without_a_form(client, world, leader):
    enter(world, "MDSH6", world.construction, date(2025, 9, 1), date(2025, 9, 30), 1, 2)
    client.force_login(leader)
    page = client.get(URL, {"date_from": "01/01/2025"}).content.decode()
    assert "MDSH6" in page and "Ghi số liệu" not in page
    assert client.post(URL, entry(world)).status_code == 403
    assert EnteredValue.objects.count() == 1


def test_other_officers_and_citizens_are_refused(client, world, specialist, citizen):
    client.force_login(specialist)
    assert client.get(URL).status_code == 403
    client.force_login(citizen)
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302


def test_a_bad_period_says_why(client, world, reform_officer):
    client.force_login(reform_officer)
    response = client.get(URL, {"date_from": "01/10/2025", "date_to": "01/09/2025"})
    assert response.status_code == 400
    assert "“Từ ngày” phải trước hoặc bằng “đến ngày”." in response.content.decode()


def test_the_page_reads_in_english(client, world, reform_officer):
    client.force_login(reform_officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(URL).content.decode()
    assert "Serving-index values entered by hand" in page and "Enter a value" in page
    assert "Numerator" in page and "Nhập số liệu" not in page
