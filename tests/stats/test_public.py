"""Public transparency pages and the live board: no sign-in, no personal data, the same figures
as the report, a bounded number of queries (none once cached), cacheable by shared caches."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from cchc.dossiers.services import dossier_forward
from cchc.org.selectors import agencies_visible_to
from cchc.satisfaction.services import rating_submit
from cchc.stats.figures import months_between
from cchc.stats.report import agency_report
from cchc.stats.serving import serving_index
from tests.dossiers.helpers import APPLICANT, at, receive
from tests.stats.test_report import approved

pytestmark = pytest.mark.django_db

PROVINCE = reverse("transparency:province")
YEAR_2025 = {"year": "2025"}


@pytest.fixture
def activity(world, serving_config):
    """Sở Xây dựng in 2025: three permits decided early, one late (with its apology), one more
    still with the specialist; two ratings."""
    early = [approved(world, day=day) for day in (8, 9, 10)]
    approved(world, day=11, approve_at=at(2025, 11, 3))
    receive(world, now=at(2025, 10, 6), channel="postal")
    rating_submit(dossier=early[0], overall="satisfied", now=at(2025, 10, 1))
    rating_submit(dossier=early[1], overall="not_satisfied", now=at(2025, 10, 1))
    return world


def test_the_province_page_shows_the_figures_of_the_report_without_personal_data(
    client, activity, django_assert_num_queries
):
    world = activity
    # dossier sums, rating sums, the agencies' names; the index of departments and of
    # communes (five queries each here: configuration, dossier and rating sums, agencies,
    # catalogue; and the departments' feedback sums); the same two sums by month; the
    # feedback answered in the period
    with django_assert_num_queries(17):
        response = client.get(PROVINCE, YEAR_2025)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sở Xây dựng" in page and "Từ ngày 01/01/2025 đến ngày 31/12/2025".lower() in page
    report = agency_report(
        agencies_visible_to(world.home_affairs_evaluator),
        day_from=date(2025, 1, 1),
        day_to=date(2025, 12, 31),
    )
    line = next(line for line in report.lines if line.code == world.construction.code)
    assert line.on_time_share == response.context["lines"][0]["outcomes"].on_time_share
    assert "75,0%" in page  # 3 of 4 decided early or on time
    index = serving_index(
        day_from=date(2025, 1, 1), day_to=date(2025, 12, 31), agency_kind="department"
    )
    construction = index.agency(world.construction.code)
    shown = response.context["lines"][0]["index"]
    assert (shown.total, shown.rank) == (construction.total, 1)
    assert APPLICANT.full_name not in page and APPLICANT.phone not in page
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    # The figures are kept for a while: the next reader costs no query.
    with django_assert_num_queries(0):
        assert client.get(PROVINCE, YEAR_2025).status_code == 200


def test_the_agency_page_has_its_trend_by_month_as_a_chart_and_a_table(
    client, activity, django_assert_num_queries
):
    world = activity
    url = reverse("transparency:agency", args=[world.construction.code])
    # the agency; its dossier and rating sums, by period and by month; the index of its kind
    # (with its feedback sums); its feedback answered in the period
    with django_assert_num_queries(14):
        response = client.get(url, YEAR_2025)
    assert response.status_code == 200
    months = response.context["months"]
    assert [m.month for m in months] == months_between(date(2025, 1, 1), date(2025, 12, 31))
    september = next(m for m in months if m.month == date(2025, 9, 1))
    assert (september.outcomes.received, september.outcomes.finished) == (4, 3)
    october = next(m for m in months if m.month == date(2025, 10, 1))
    assert october.outcomes.postal == 1 and october.outcomes.ratings == 2
    page = response.content.decode()
    assert 'data-chart="trend"' in page and 'id="trend-data"' in page
    assert 'data-testid="trend-table"' in page
    assert response.context["outcomes"].postal_share == Decimal("0.2")  # 1 of 5 received
    assert response.context["index"]["score"].rank == 1
    assert 'data-testid="public-index"' in page and "hạng 1/1" in page


@pytest.mark.parametrize(
    ("params", "field"),
    [({"year": "2014"}, "year"), ({"year": "9999"}, "year"), ({"year": "x"}, "year")],
)
def test_a_bad_period_is_a_400_that_says_why(client, world, params, field):
    response = client.get(PROVINCE, params)
    assert response.status_code == 400
    assert response.context["form"].errors[field]


def test_a_month_not_yet_come_is_refused_and_an_unknown_agency_is_404(client, world):
    today = date.today()
    ahead = (
        {"year": str(today.year), "month": str(today.month + 1)}
        if today.month < 12
        else {"year": str(today.year + 1), "month": "1"}
    )
    assert client.get(PROVINCE, ahead).status_code == 400
    assert client.get(reverse("transparency:agency", args=["000.99.99.H98"])).status_code == 404


def test_the_live_board_lists_ready_codes_and_todays_counts(
    client, world, django_assert_num_queries
):
    d = approved(world, day=8)
    still = receive(world, now=at(2025, 9, 9))
    dossier_forward(actor=world.specialist, dossier=still, now=at(2025, 9, 9, 14))
    url = reverse("transparency:board", args=[world.construction.code])
    with django_assert_num_queries(3):  # the agency, the ready codes, today's counts
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert d.code in page and still.code not in page
    assert APPLICANT.full_name not in page
    assert 'hx-trigger="every 30s"' in page
    content = client.get(reverse("transparency:board_content", args=[world.construction.code]))
    assert content.status_code == 200 and d.code in content.content.decode()
    assert "<html" not in content.content.decode()
