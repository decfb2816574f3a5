"""Dashboards by role: the province for Home Affairs, the unit and its procedures for its head,
the officer's own work; the period as the national portal publishes it; every table exported
to XLSX and PDF with the page's rows (read back); figures drill down to their dossiers; a
bounded number of queries."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cchc.dossiers.services import dossier_forward, dossier_send_back
from cchc.stats.forms import DashboardForm
from tests.dossiers.helpers import at, receive
from tests.dossiers.test_printing import read_pdf
from tests.stats.test_report import build_activity

pytestmark = pytest.mark.django_db

URL = reverse("stats:dashboard")
YEAR = {"period": "year", "year": "2025"}


@pytest.fixture
def activity(world, serving_config):
    return build_activity(world)


def table(response, name):
    return next(t for t in response.context["tables"] if t.name == name)


def export(name: str, fmt: str) -> str:
    return reverse("stats:dashboard_export", args=[name, fmt])


def test_home_affairs_sees_every_agency_with_links_to_the_late_dossiers(
    client, activity, django_assert_num_queries
):
    world = activity
    client.force_login(world.home_affairs_evaluator)
    client.get(URL, YEAR)  # warm the per-process caches
    # session, user; the index of departments and of communes (at most eight queries each:
    # configuration, dossier and rating sums, agencies, feedback sums, catalogue, use,
    # entries); dossier and rating sums and agency names; the two monthly sums
    with django_assert_num_queries(23):
        response = client.get(URL, YEAR)
    assert response.status_code == 200
    departments = table(response, "chi-so-department")
    assert [row[:2] for row in departments.rows] == [[1, "Sở Xây dựng"]]
    communes = table(response, "chi-so-commune")
    assert [row[1] for row in communes.rows] == ["Ủy ban nhân dân phường Tân An"]
    outcomes = table(response, "co-quan")
    names = [row[0] for row in outcomes.rows]
    assert names == ["Sở Xây dựng", "Ủy ban nhân dân phường Tân An"]
    construction = outcomes.rows[0]
    assert construction[1] == 4 and construction[6].value == 1  # received 4, one late
    late = client.get(construction[6].href)
    assert [r["dossier"].timeliness for r in late.context["rows"]] == ["late"]
    page = response.content.decode()
    assert 'data-chart="trend"' in page and "Từ ngày 01/01/2025 đến ngày 31/12/2025" in page


def test_every_table_exports_the_same_rows_to_xlsx_and_pdf(client, activity):
    world = activity
    client.force_login(world.leader)
    page = client.get(URL, YEAR)
    tables = {t.name: t for t in page.context["tables"]}
    assert set(tables) == {"chi-tieu", "co-quan", "thu-tuc", "buoc-xu-ly"}
    for name, table in tables.items():
        xlsx = client.get(export(name, "xlsx"), YEAR)
        assert xlsx.status_code == 200
        assert xlsx["Content-Disposition"].endswith('.xlsx"')
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        header = [c.value for c in sheet[4]]
        assert header == [str(c.label) for c in table.columns]
        first = [c.value for c in sheet[5]]
        assert first[0] == table.rows[0][0] and first[1] == table.rows[0][1]
        pdf = client.get(export(name, "pdf"), YEAR)
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        _, text = read_pdf(pdf.content)
        assert str(table.title).upper() in text.upper()
        assert "Từ ngày 01/01/2025 đến ngày 31/12/2025" in text
    assert client.get(export("nothing", "xlsx"), YEAR).status_code == 404
    assert client.get(export("co-quan", "doc"), YEAR).status_code == 404


def test_the_unit_head_sees_the_unit_and_its_procedures_and_nothing_else(
    client, activity, django_assert_num_queries
):
    world = activity
    client.force_login(world.leader)
    client.get(URL, YEAR)
    # session, user, the unit and its predecessors; the index of the unit's kind; the unit's
    # outcomes, procedures and steps; the monthly sums — twenty-one, whatever the dossiers
    # (the index's feedback sums since MDHL1 is counted)
    with django_assert_num_queries(21):
        response = client.get(URL, YEAR)
    indicators, agencies, procedures, steps = response.context["tables"]
    # Its indicators, those that could still gain the most points first; ranked among the
    # departments of the province (one here).
    missing = [row[6] for row in indicators.rows]
    assert missing == sorted(missing, reverse=True) and "hạng 1/1" in str(indicators.title)
    assert [row[0] for row in agencies.rows] == ["Sở Xây dựng"]
    assert procedures.rows[0][0].startswith(world.building_permit.code)
    # The steps by the unit that held them: each of the four permits was forwarded by the
    # specialist and approved by the leader — eight hand-overs, the one approval after its
    # step's due moment late.
    (unit,) = steps.rows
    assert (unit[0], unit[1], unit[4]) == ("Sở Xây dựng", 8, 1)
    assert client.get(URL, {**YEAR, "agency": world.justice.code}).status_code == 404
    narrowed = client.get(URL, {**YEAR, "channel": "online"})
    assert table(narrowed, "co-quan").rows == []  # all at the counter


def test_an_officer_sees_their_own_work_and_timeliness(client, activity, django_assert_num_queries):
    world = activity
    client.force_login(world.specialist)
    client.get(URL, YEAR)
    # session, user; the officer's unit and the units merged into it; the three worklist
    # counts; the officer's own step sums — nine, whatever the number of dossiers
    with django_assert_num_queries(9):
        response = client.get(URL, YEAR)
    work, steps = response.context["tables"]
    assert [row[0] for row in work.rows] == [
        "Hồ sơ đang giữ",
        "Trong đó: quá hạn",
        "Trong đó: còn hạn",
    ]
    assert [row[1].value for row in work.rows] == [0, 0, 0]  # every permit decided
    (mine,) = steps.rows
    assert mine[0] == world.specialist.get_full_name() and mine[1] == 4  # forwarded four


@pytest.mark.parametrize(
    ("params", "span"),
    [
        ({"period": "month", "year": "2025", "part": "2"}, (date(2025, 2, 1), date(2025, 2, 28))),
        ({"period": "quarter", "year": "2025", "part": "3"}, (date(2025, 7, 1), date(2025, 9, 30))),
        ({"period": "half", "year": "2025"}, (date(2025, 1, 1), date(2025, 6, 30))),
        ({"period": "nine", "year": "2025"}, (date(2025, 1, 1), date(2025, 9, 30))),
        ({"period": "year", "year": "2024"}, (date(2024, 1, 1), date(2024, 12, 31))),
        (
            {"period": "custom", "date_from": "05/03/2025", "date_to": "07/04/2025"},
            (date(2025, 3, 5), date(2025, 4, 7)),
        ),
    ],
)
def test_the_periods_are_those_the_national_portal_publishes(params, span):
    form = DashboardForm(params)
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["day_from"], form.cleaned_data["day_to"]) == span


@pytest.mark.parametrize(
    "params",
    [
        {"period": "quarter", "year": "2025", "part": "5"},
        {"period": "custom", "date_from": "05/03/2025"},
        {"period": "custom", "date_from": "07/04/2025", "date_to": "05/03/2025"},
        {"period": "year", "year": "9999"},
        {"period": "nonsense"},
    ],
)
def test_a_bad_period_is_a_400_that_says_why(client, world, params):
    client.force_login(world.home_affairs_evaluator)
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response.context["form"].errors


def test_an_officers_workload_counts_the_dossiers_they_hold_and_opens_them(client, world):
    """Two permits the leader sent back to the specialist, who now holds them — one received in
    March 2025 and long past its due moment, one received today and within it; a third waits
    in the specialists' queue, held by nobody. The counts are the specialist's own, and each
    opens the "mine" worklist filtered the same way (the list shows the same dossiers)."""

    def held_by_specialist(received_at):
        dossier = receive(world, now=received_at)
        dossier_forward(actor=world.specialist, dossier=dossier, now=received_at)
        return dossier_send_back(
            actor=world.leader, dossier=dossier, reason="Bổ sung ý kiến", now=received_at
        )

    now = timezone.now()
    late, fresh = held_by_specialist(at(2025, 3, 3)), held_by_specialist(now)
    receive(world, now=now)
    client.force_login(world.specialist)
    work = table(client.get(URL, YEAR), "cong-viec")
    assert [row[1].value for row in work.rows] == [2, 1, 1]
    expected = ({late.code, fresh.code}, {late.code}, {fresh.code})
    for row, codes in zip(work.rows, expected, strict=True):
        listed = client.get(row[1].href)
        assert {r["dossier"].code for r in listed.context["rows"]} == codes, row[0]
