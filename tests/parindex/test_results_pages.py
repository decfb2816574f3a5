"""The staff pages of the published PAR Index results: the ranking (with its XLSX and PDF, the
figures read back from the files), the criterion view and a unit's scorecard (with its PDF).
Every officer reads the ranking; a scorecard is for its unit and the province-wide roles."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from openpyxl import load_workbook

from tests.dossiers.test_printing import read_pdf
from tests.factories import UserFactory
from tests.parindex.conftest_results import publish_two_years, unit_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years(world):
    return publish_two_years(world)


def ranking_url(year=2025, kind="department"):
    return reverse("parindex:ranking", args=[year, kind])


def scorecard_url(code, year=2025, kind="department"):
    return reverse("parindex:scorecard", args=[year, kind, code])


def row_of(html: str, code: str) -> str:
    start = html.index(f'data-testid="rank-{code}"')
    return html[start : html.index("</tr>", start)]


def test_any_officer_reads_the_ranking_with_shared_ranks_changes_and_eligibility(
    client, world, two_years, specialist, django_assert_max_num_queries
):
    client.force_login(specialist)
    with django_assert_max_num_queries(8):
        response = client.get(ranking_url())
    assert response.status_code == 200
    html = response.content.decode()
    construction = row_of(html, world.construction.code)
    finance = row_of(html, "000.00.07.H98")
    assert '<td class="text-end">1</td>' in construction
    assert '<td class="text-end">1</td>' in finance  # equal totals share the rank
    assert "82</td>" in construction and "82</td>" in finance
    assert "85,7%" in construction and "73,3%" in construction
    assert "Tốt" in construction
    assert '<td data-testid="change">↑1 bậc</td>' in construction
    assert '<td data-testid="change">↑2 bậc</td>' in finance
    assert '<td data-testid="change">↓2 bậc</td>' in row_of(html, world.justice.code)
    assert '<td data-testid="change">Mới</td>' in row_of(html, "000.00.09.H98")
    assert '<td data-testid="eligible">Có</td>' in construction
    assert '<td data-testid="eligible">Không</td>' in finance  # field II at 40 %
    assert 'text-danger fw-bold">40,0%' in finance


def test_the_ranking_links_the_scorecards_the_reader_may_open_and_the_public_ones_otherwise(
    client, world, two_years, leader
):
    client.force_login(leader)  # of Construction
    html = client.get(ranking_url()).content.decode()
    assert f'href="{scorecard_url(world.construction.code)}"' in html
    public = reverse("parindex_public:scorecard", args=[2025, "department", world.justice.code])
    assert f'href="{public}"' in html
    assert f'href="{scorecard_url(world.justice.code)}"' not in html


def test_the_ranking_page_runs_the_same_queries_for_more_units(
    client, world, two_years, specialist, django_assert_max_num_queries
):
    from tests.parindex.conftest_results import department, framework_of, publish

    many = {
        department(f"000.00.{n:02d}.H98", f"Sở thử {n}"): {"1.1": n, "1.2": 0, "2.1": 0, "2.2": 0}
        for n in range(20, 35)
    }
    publish(framework_of(2026), many)
    client.force_login(specialist)
    with django_assert_max_num_queries(8):
        assert client.get(ranking_url(2026)).status_code == 200


def test_the_ranking_is_for_officers_only(client, world, two_years, citizen):
    response = client.get(ranking_url())
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    client.force_login(citizen)
    assert client.get(ranking_url()).status_code == 403


@pytest.mark.parametrize(("year", "kind"), [(2023, "department"), (2025, "commune"), (2025, "x")])
def test_a_year_or_kind_without_published_results_is_a_404(
    client, two_years, specialist, year, kind
):
    client.force_login(specialist)
    assert client.get(ranking_url(year, kind)).status_code == 404
    export = reverse("parindex:ranking_export", args=[year, kind, "excel"])
    assert client.get(export).status_code == 404


def test_the_ranking_workbook_holds_the_figures_of_the_page(client, world, two_years, leader):
    client.force_login(leader)
    response = client.get(reverse("parindex:ranking_export", args=[2025, "department", "excel"]))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == 'attachment; filename="chi-so-cchc-2025-department.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [
        [cell.value for cell in row]
        for row in sheet.iter_rows(min_row=5)
        if row[0].value is not None
    ]
    assert [(r[0], r[1], float(r[3]), float(r[5]), r[6]) for r in rows] == [
        (1, world.construction.code, 82.0, 82.0, "Tốt"),
        (1, "000.00.07.H98", 82.0, 82.0, "Tốt"),
        (3, world.justice.code, 60.0, 60.0, "Trung bình"),
        (4, "000.00.09.H98", 47.5, 47.5, "Yếu"),
    ]
    finance = rows[1]
    assert [float(finance[7]), float(finance[8])] == [100.0, 40.0]
    assert finance[9:] == ["↑2 bậc", "Không"]
    assert rows[3][9:] == ["Mới", "Không"]
    assert sheet.cell(row=4, column=8).value == "I. Công tác chỉ đạo, điều hành CCHC (%)"


def test_the_ranking_pdf_holds_the_figures_of_the_page(client, world, two_years, leader):
    client.force_login(leader)
    response = client.get(reverse("parindex:ranking_export", args=[2025, "department", "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    _, text = read_pdf(response.content)
    assert "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025" in text
    assert "1 Sở Xây dựng 82/100 82,0% Tốt 85,7% 73,3% ↑1 bậc Có" in text
    assert "1 Sở Tài chính 82/100 82,0% Tốt 100,0% 40,0% ↑2 bậc Không" in text
    assert "4 Sở Kế hoạch và Đầu tư 47,5/100 47,5% Yếu" in text


def test_an_unknown_export_format_is_a_404(client, two_years, leader):
    client.force_login(leader)
    url = reverse("parindex:ranking_export", args=[2025, "department", "word"])
    assert client.get(url).status_code == 404


def test_the_criterion_view_gives_average_lowest_highest_and_units_at_max(
    client, two_years, specialist, django_assert_max_num_queries
):
    client.force_login(specialist)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("parindex:criteria", args=[2025, "department"]))
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('data-testid="criterion-1.1"')
    row = html[start : html.index("</tr>", start)]
    cells = [c.rsplit(">", 1)[1] for c in row.split("</td>")[:-1]]
    assert [c.split("<")[0] for c in cells[1:]] == ["40", "29,38", "12,5", "40", "1/4"]
    assert "1.1. Kế hoạch CCHC năm" in row


def test_the_unit_reads_its_scorecard_with_components_trend_and_weak_criteria(
    client, world, two_years, reform_officer, django_assert_max_num_queries
):
    client.force_login(reform_officer)
    with django_assert_max_num_queries(12):
        response = client.get(scorecard_url(world.construction.code))
    assert response.status_code == 200
    card = response.context["card"]
    assert [(c.field_code, str(c.percent)) for c in card.components] == [
        ("I", "85.71"),
        ("II", "73.33"),
    ]
    assert [(p.year, str(p.total), p.rank) for p in card.trend] == [
        (2024, "70.00", 2),
        (2025, "82.00", 1),
    ]
    assert card.rank_change == 1
    assert [w.leaf.criterion.code for w in card.weak] == ["1.1", "1.2", "2.1", "2.2"]
    assert response.context["components_chart"]["series"][0]["values"] == [85.71, 73.33]
    html = response.content.decode()
    assert 'data-chart="components"' in html
    assert "vendor/chartjs/chart.umd.js" in html
    assert "Giao nhiệm vụ khắc phục" not in html  # the reform officer does not assign


def test_weak_criteria_come_most_missing_first_and_say_below_average(
    client, two_years, home_affairs_evaluator
):
    client.force_login(home_affairs_evaluator)
    response = client.get(scorecard_url("000.00.09.H98"))
    weak = response.context["card"].weak
    assert [
        (w.leaf.criterion.code, str(w.weakness.missing), w.weakness.below_average) for w in weak
    ] == [("1.1", "27.50", True), ("1.2", "20.00", True), ("2.1", "5.00", False)]
    html = response.content.decode()
    assert html.count("Giao nhiệm vụ khắc phục") == 3  # Home Affairs assigns, one per criterion


def test_the_units_leader_may_assign_remediation(client, world, two_years, leader):
    client.force_login(leader)
    html = client.get(scorecard_url(world.construction.code)).content.decode()
    assert html.count("Giao nhiệm vụ khắc phục") == 4


def test_another_units_scorecard_is_a_404(client, world, two_years):
    _, justice_leader = unit_people(world.justice)
    client.force_login(justice_leader)
    assert client.get(scorecard_url(world.construction.code)).status_code == 404
    assert client.get(scorecard_url(world.justice.code)).status_code == 200
    pdf = reverse("parindex:scorecard_pdf", args=[2025, "department", world.construction.code])
    assert client.get(pdf).status_code == 404


def test_an_officer_who_does_not_read_assessments_reads_no_scorecard(
    client, world, two_years, specialist
):
    client.force_login(specialist)  # of Construction, but not its reform officer or leader
    assert client.get(scorecard_url(world.construction.code)).status_code == 404


def test_a_unit_without_a_published_result_has_no_scorecard(client, world, two_years):
    council = UserFactory(username="t.council", role="council_member", agency=world.province)
    client.force_login(council)
    assert client.get(scorecard_url(world.commune.code)).status_code == 404
    assert client.get(scorecard_url(world.construction.code, year=2023)).status_code == 404


def test_the_scorecard_pdf_holds_the_figures_of_the_page(client, world, two_years, leader):
    client.force_login(leader)
    url = reverse("parindex:scorecard_pdf", args=[2025, "department", world.construction.code])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="chi-so-cchc-2025-{world.construction.code}.pdf"'
    )
    _, text = read_pdf(response.content)
    assert "Sở Xây dựng (000.00.05.H98)" in text
    assert "Tổng điểm 82/100" in text
    assert "Thứ hạng 1/4 · ↑1 bậc" in text
    assert "I. Công tác chỉ đạo, điều hành CCHC 60 70 85,7%" in text
    assert "2024 70 70,0% Khá 2" in text
    assert "1.1. Kế hoạch CCHC năm 35 40 29,38 5" in text
