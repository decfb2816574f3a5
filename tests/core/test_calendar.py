"""The calendar table and the calendar API (DOMAIN A2) on the real database."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from cchc.core.api import ApiInputError, parse_moment
from cchc.core.calendar import calendar_day_clear, calendar_day_set, current_calendar
from cchc.core.holiday_source import vn_calendar_exceptions
from cchc.core.models import CalendarDay, CalendarDayChange
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db

DUE = "/api/v1/calendar/due-date"
DAYS = "/api/v1/calendar/working-days"


def due(client, start, **amount):
    return client.get(DUE, {"start": start, **amount})


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        ("2025-01-06T09:00:00+07:00", "1", "2025-01-07T09:00:00+07:00"),
        ("2025-01-10T16:00:00+07:00", "2", "2025-01-14T16:00:00+07:00"),
        ("2025-01-06T08:00:00+07:00", "1", "2025-01-06T17:00:00+07:00"),
        ("2025-01-06T08:00:00+07:00", "0.5", "2025-01-06T12:00:00+07:00"),
        ("2025-01-06T01:00:00+00:00", "1", "2025-01-06T17:00:00+07:00"),
    ],
)
def test_due_date_answers_the_domain_examples(client, world, start, days, expected):
    response = due(client, start, working_days=days)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["due_at"] == expected
    assert body["calendar_version"] == current_calendar().version >= 1


def test_due_date_in_working_hours(client, world):
    body = due(client, "2025-01-06T11:00:00+07:00", working_hours="2").json()
    assert body["due_at"] == "2025-01-06T14:00:00+07:00"


def test_unencoded_plus_in_the_offset_is_understood(client, world):
    response = client.get(DUE + "?start=2025-01-06T09:00:00+07:00&working_days=1")
    assert response.json()["due_at"] == "2025-01-07T09:00:00+07:00"


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"start": "2025-01-06T09:00:00", "working_days": "1"}, "start"),
        ({"start": "hôm qua", "working_days": "1"}, "start"),
        ({"working_days": "1"}, "start"),
        ({"start": "2025-01-06T09:00:00+07:00"}, "working_days"),
        (
            {"start": "2025-01-06T09:00:00+07:00", "working_days": "1", "working_hours": "2"},
            "working_days",
        ),
        ({"start": "2025-01-06T09:00:00+07:00", "working_days": "-1"}, "working_days"),
        ({"start": "2025-01-06T09:00:00+07:00", "working_days": "abc"}, "working_days"),
        ({"start": "2025-01-06T09:00:00+07:00", "working_days": "NaN"}, "working_days"),
        ({"start": "2025-01-06T09:00:00+07:00", "working_days": "100000"}, "working_days"),
        ({"start": "2025-01-06T09:00:00+07:00", "working_hours": "x"}, "working_hours"),
    ],
)
def test_bad_due_date_input_is_422_naming_the_parameter(client, world, params, param):
    response = client.get(DUE, params)
    assert response.status_code == 422
    body = response.json()
    assert f"'{param}'" in body["detail"]
    assert body["errors"][0]["param"] == param
    assert body["errors"][0]["message"]


TET_AND_SWAPS = [
    # Tết 2024: 08–14/02; substituted day off 29/04/2024 for the make-up Saturday 04/05/2024
    ("2024-02-07T16:00:00+07:00", "1", "2024-02-15T16:00:00+07:00"),
    ("2024-04-26T16:00:00+07:00", "1", "2024-05-02T16:00:00+07:00"),
    ("2024-05-03T16:00:00+07:00", "1", "2024-05-04T16:00:00+07:00"),
    # Tết 2025: 27/01–31/01 (+ 01/02 a Saturday); 02/05/2025 off for the make-up 26/04/2025
    ("2025-01-24T16:00:00+07:00", "1", "2025-02-03T16:00:00+07:00"),
    ("2025-04-25T16:00:00+07:00", "1", "2025-04-26T16:00:00+07:00"),
    ("2025-04-29T16:00:00+07:00", "1", "2025-05-05T16:00:00+07:00"),
    # Tết 2026: 16–20/02; Hùng Kings 26/04 (Sunday) observed 27/04; 31/08 off for 22/08
    ("2026-02-13T16:00:00+07:00", "2", "2026-02-24T16:00:00+07:00"),
    ("2026-04-24T16:00:00+07:00", "1", "2026-04-28T16:00:00+07:00"),
    ("2026-08-21T16:00:00+07:00", "1", "2026-08-22T16:00:00+07:00"),
    ("2026-08-28T16:00:00+07:00", "1", "2026-09-03T16:00:00+07:00"),
]


@pytest.mark.parametrize(("start", "days", "expected"), TET_AND_SWAPS)
def test_tet_days_off_and_makeup_saturdays(client, world, start, days, expected):
    assert due(client, start, working_days=days).json()["due_at"] == expected


def test_calendar_table_matches_the_holidays_package_for_2024_to_2026(world):
    expected = {row.date: row.is_working for row in vn_calendar_exceptions(2024, 2026)}
    stored = dict(
        CalendarDay.objects.filter(date__year__in=[2024, 2025, 2026]).values_list(
            "date", "is_working"
        )
    )
    assert stored == expected
    assert stored[date(2025, 4, 26)] is True  # make-up Saturday
    assert stored[date(2026, 2, 17)] is False  # Tết


def test_working_days_lists_the_working_dates(client, world):
    response = client.get(DAYS, {"from": "2025-04-24", "to": "2025-05-06"})
    assert response.status_code == 200
    assert response.json()["days"] == [
        "2025-04-24",
        "2025-04-25",
        "2025-04-26",
        "2025-04-28",
        "2025-04-29",
        "2025-05-05",
        "2025-05-06",
    ]


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"from": "2025-05-06", "to": "2025-04-24"}, "to"),
        ({"from": "06/05/2025", "to": "2025-05-07"}, "from"),
        ({"to": "2025-05-07"}, "from"),
        ({"from": "2015-01-01", "to": "2030-12-31"}, "to"),
    ],
)
def test_bad_working_days_input_is_422(client, world, params, param):
    response = client.get(DAYS, params)
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == param


def test_an_admin_edit_makes_a_new_version_and_moves_the_answer(
    client, world, admin_user, django_capture_on_commit_callbacks
):
    before = current_calendar().version
    # A provincial decision gives Monday 13/01/2025 off.
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_set(
            actor=admin_user,
            day=date(2025, 1, 13),
            is_working=False,
            reason="Nghỉ theo quyết định của tỉnh",
            legal_source="Quyết định 1/QĐ-UBND",
        )
    body = due(client, "2025-01-10T16:00:00+07:00", working_days="2").json()
    assert body["due_at"] == "2025-01-15T16:00:00+07:00"
    assert body["calendar_version"] == before + 1
    change = CalendarDayChange.objects.get(version__number=before + 1)
    assert (change.date, change.was_working, change.is_working) == (date(2025, 1, 13), None, False)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_clear(actor=admin_user, day=date(2025, 1, 13), reason="Huỷ")
    body = due(client, "2025-01-10T16:00:00+07:00", working_days="2").json()
    assert body["due_at"] == "2025-01-14T16:00:00+07:00"
    assert body["calendar_version"] == before + 2


def test_the_admin_page_saves_through_the_versioned_service(
    client, world, admin_user, django_capture_on_commit_callbacks
):
    sign_in_verified(client, admin_user)
    before = current_calendar().version
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:core_calendarday_add"),
            {
                "date": "12/01/2025",
                "is_working": "on",
                "kind": "makeup_workday",
                "reason": "Làm bù",
                "legal_source": "QĐ 2",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    day = CalendarDay.objects.get(date=date(2025, 1, 12))
    assert day.is_working and day.version.number == before + 1
    body = due(client, "2025-01-10T16:00:00+07:00", working_days="1").json()
    assert body["due_at"] == "2025-01-12T16:00:00+07:00"


@pytest.mark.parametrize(
    "params",
    [
        {"start": "9999-12-31T16:00:00+07:00", "working_days": "1"},
        {"start": "9999-12-31T23:59:59-12:00", "working_hours": "1"},
        {"start": "0001-01-01T00:00:00+14:00", "working_days": "1"},
        {"start": "0001-01-01T08:00:00+07:00", "working_hours": "8"},
    ],
)
def test_a_start_near_year_1_or_9999_is_422_not_500(client, world, params):
    response = client.get(DUE, params)
    assert response.status_code == 422, response.content
    assert response.json()["errors"] == [{"param": "start", "message": "năm phải từ 1900 đến 2100"}]


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"from": "9999-12-30", "to": "9999-12-31"}, "from"),
        ({"from": "2025-01-01", "to": "9999-12-31"}, "to"),
        ({"from": "0001-01-01", "to": "0001-01-02"}, "from"),
    ],
)
def test_working_days_near_year_1_or_9999_is_422_not_500(client, world, params, param):
    response = client.get(DAYS, params)
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0] == {"param": param, "message": "năm phải từ 1900 đến 2100"}


@pytest.mark.parametrize("raw", ["9999-12-31T23:00:00+07:00", "0001-01-01T00:00:00+00:00"])
def test_a_moment_parsed_for_the_dossier_api_is_within_the_years(raw):
    with pytest.raises(ApiInputError) as caught:
        parse_moment("new_due_at", raw)
    assert caught.value.message == "năm phải từ 1900 đến 2100"
