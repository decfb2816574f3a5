"""The public PAR Index pages (/cong-khai/chi-so-cchc/): the published rankings and a unit's
published scorecard, without signing in and without the remediation tasks; nothing published
is a 404; the transparency page links them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.parindex.conftest_results import framework_of, publish_two_years

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years(world):
    return publish_two_years(world)


def test_the_public_index_lists_the_published_rankings(client, two_years):
    framework_of(2026)  # not published: not listed
    response = client.get(reverse("parindex_public:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("parindex_public:ranking", args=[2025, "department"]) in html
    assert reverse("parindex_public:ranking", args=[2024, "department"]) in html
    assert "/2026/" not in html


def test_anyone_reads_the_published_ranking(
    client, world, two_years, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("parindex_public:ranking", args=[2025, "department"]))
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index(f'data-testid="rank-{world.construction.code}"')
    row = html[start : html.index("</tr>", start)]
    assert "↑1 bậc" in row and "85,7%" in row
    scorecard = reverse("parindex_public:scorecard", args=[2025, "department", "000.00.07.H98"])
    assert scorecard in html


def test_anyone_reads_a_units_published_scorecard_without_its_tasks(client, world, two_years):
    url = reverse("parindex_public:scorecard", args=[2025, "department", world.construction.code])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sở Xây dựng" in html and "85,7%" in html and 'data-chart="components"' in html
    assert 'data-testid="weak-1.1"' in html
    assert "Giao nhiệm vụ khắc phục" not in html
    assert "Nhiệm vụ khắc phục" not in html


@pytest.mark.parametrize(
    "url",
    [
        reverse("parindex_public:ranking", args=[2023, "department"]),
        reverse("parindex_public:ranking", args=[2025, "commune"]),
        reverse("parindex_public:ranking", args=[2026, "department"]),
        reverse("parindex_public:scorecard", args=[2025, "department", "000.10.01.H98"]),
        reverse("parindex_public:scorecard", args=[2025, "nothing", "000.00.05.H98"]),
    ],
)
def test_nothing_published_is_a_404(client, two_years, url):
    framework_of(2026)
    assert client.get(url).status_code == 404


def test_the_transparency_page_links_the_par_index(client, world):
    response = client.get(reverse("transparency:province"))
    assert reverse("parindex_public:index") in response.content.decode()


@pytest.mark.parametrize("year", [99999999999999999999, 1999, 2101])
def test_a_year_no_framework_can_have_is_a_404_not_an_error(client, two_years, year):
    assert client.get(f"/cong-khai/chi-so-cchc/{year}/department/").status_code == 404
    url = f"/cong-khai/chi-so-cchc/{year}/department/000.00.05.H98/"
    assert client.get(url).status_code == 404
