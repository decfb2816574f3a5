"""Đánh giá thực thi công vụ theo ý kiến người dân (DOMAIN A8): an officer or agency with more
than half "not satisfied" ratings in a year is flagged, two years in a row for replacement, and
a year with fewer ratings than the minimum is "not enough ratings" — in the service, on the
page, in the XLSX and DOCX exports and in the API."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from cchc.core.docx import W
from cchc.dossiers.services import dossier_approve, dossier_forward
from cchc.org.models import Agency, ApiToken, User
from cchc.satisfaction.services import rating_submit
from cchc.stats.duty import duty_flags_of_year
from tests.dossiers.helpers import APPLICANT, at, receive
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("stats:duty")
API = "/api/v1/satisfaction/duty-flags"
# A Monday of September in each year: received, handed on, approved and rated that week.
MONDAY = {2024: 9, 2025: 8}
BAD, GOOD = "not_satisfied", "satisfied"


@pytest.fixture(autouse=True)
def four_ratings_needed(settings):
    settings.CCHC_DUTY_MIN_RATINGS = 4


def officer(world, username: str, name: str) -> User:
    return UserFactory(
        username=username, full_name=name, role=User.Role.SPECIALIST, agency=world.specialist.agency
    )


def rated(world, person: User, *, year: int, bad: int, good: int, comment: str = "") -> None:
    """``bad`` + ``good`` building permits of Sở Xây dựng that ``person`` handed on, each rated
    (the dossier and the officer alike) in September of ``year``."""
    day = MONDAY[year]
    for level in [BAD] * bad + [GOOD] * good:
        dossier = receive(world, now=at(year, 9, day))
        dossier_forward(actor=person, dossier=dossier, now=at(year, 9, day + 1))
        dossier_approve(
            actor=world.leader, dossier=dossier, result_number="7/GPXD", now=at(year, 9, day + 2)
        )
        rating_submit(
            dossier=dossier,
            overall=level,
            officers={person: level},
            comment=comment,
            now=at(year, 9, day + 3),
        )


def row_of(rows, code):
    return next(r for r in rows if r.code == code)


def province(year=2025):
    return duty_flags_of_year(Agency.objects.all(), year, province=True)


@pytest.mark.parametrize(
    ("bad", "good", "flagged"),
    [(2, 3, False), (2, 2, False), (3, 2, True)],
    ids=["just below half", "exactly half", "just above half"],
)
def test_an_officer_is_flagged_only_above_half_not_satisfied(world, bad, good, flagged):
    rated(world, officer(world, "x.chuyen", "Lê Văn Chuyên"), year=2025, bad=bad, good=good)
    row = row_of(province().officers, "x.chuyen")
    assert (row.ratings.total, row.not_satisfied, row.enough_ratings) == (bad + good, bad, True)
    assert row.flagged is flagged
    assert row.flagged_two_years is False


@pytest.mark.parametrize(
    ("bad", "good", "flagged"),
    [(2, 3, False), (2, 2, False), (3, 2, True)],
    ids=["just below half", "exactly half", "just above half"],
)
def test_an_agency_is_flagged_only_above_half_not_satisfied(world, bad, good, flagged):
    rated(world, officer(world, "x.a", "Lê Văn A"), year=2025, bad=bad, good=0)
    rated(world, officer(world, "x.b", "Lê Văn B"), year=2025, bad=0, good=good)
    row = row_of(province().agencies, world.construction.code)
    assert (row.ratings.total, row.not_satisfied) == (bad + good, bad)
    assert row.flagged is flagged


def test_fewer_ratings_than_the_minimum_are_not_enough_and_never_flagged(world, settings):
    rated(world, officer(world, "x.chuyen", "Lê Văn Chuyên"), year=2025, bad=3, good=0)
    row = row_of(province().officers, "x.chuyen")
    agency = row_of(province().agencies, world.construction.code)
    assert (row.enough_ratings, row.flagged, row.share) == (False, False, 1)
    assert (agency.enough_ratings, agency.flagged) == (False, False)
    assert row.verdict == "Chưa đủ số lượt đánh giá"
    settings.CCHC_DUTY_MIN_RATINGS = 3
    assert row_of(province().officers, "x.chuyen").flagged is True


def test_above_half_two_years_in_a_row_is_proposed_for_replacement(world):
    person = officer(world, "x.chuyen", "Lê Văn Chuyên")
    rated(world, person, year=2024, bad=3, good=2)
    rated(world, person, year=2025, bad=3, good=2)
    row = row_of(province().officers, "x.chuyen")
    agency = row_of(province().agencies, world.construction.code)
    assert (row.flagged, row.flagged_two_years) == (True, True)
    assert (agency.flagged, agency.flagged_two_years) == (True, True)
    assert row.last_share == Decimal("0.6")
    assert row.verdict == "Đề xuất thay thế (2 năm liền trên 50% không hài lòng)"
    assert row_of(province(2024).officers, "x.chuyen").flagged_two_years is False


@pytest.mark.parametrize(
    ("last_bad", "last_good"),
    [(2, 2), (3, 0)],
    ids=["last year exactly half", "last year under the minimum"],
)
def test_a_last_year_at_half_or_without_enough_ratings_is_not_a_second_bad_year(
    world, last_bad, last_good
):
    person = officer(world, "x.chuyen", "Lê Văn Chuyên")
    rated(world, person, year=2024, bad=last_bad, good=last_good)
    rated(world, person, year=2025, bad=3, good=2)
    row = row_of(province().officers, "x.chuyen")
    assert (row.flagged, row.flagged_two_years) == (True, False)


def test_the_list_takes_the_same_queries_whatever_the_number_of_rows(
    world, django_assert_num_queries
):
    rated(world, officer(world, "x.a", "Lê Văn A"), year=2025, bad=1, good=0)
    with django_assert_num_queries(6):
        province()
    rated(world, officer(world, "x.b", "Lê Văn B"), year=2025, bad=1, good=0)
    rated(world, officer(world, "x.c", "Lê Văn C"), year=2024, bad=1, good=0)
    with django_assert_num_queries(6):
        assert len(province().officers) == 2


# --- The page ---------------------------------------------------------------------------------


@pytest.fixture
def three_officers(world):
    rated(world, officer(world, "x.below", "Lê Văn Dưới"), year=2025, bad=2, good=3)
    rated(world, officer(world, "x.above", "Lê Văn Trên"), year=2025, bad=3, good=2)
    rated(world, officer(world, "x.few", "Lê Văn Ít"), year=2025, bad=2, good=0, comment="Chậm")
    return world


def page_flags(response) -> dict[str, str]:
    html = response.content.decode()
    found = {}
    for part in html.split('data-testid="duty-')[1:]:
        code, rest = part.split('"', 1)
        if 'data-flag="' in rest.split(">", 1)[0]:
            found[code] = rest.split('data-flag="', 1)[1].split('"', 1)[0]
    return found


def service_flag(row) -> str:
    if not row.enough_ratings:
        return "short"
    return "replace" if row.flagged_two_years else "not_fulfilling" if row.flagged else "ok"


def test_the_page_shows_the_flags_of_the_service(client, three_officers, home_affairs_evaluator):
    client.force_login(home_affairs_evaluator)
    response = client.get(URL, {"year": "2025"})
    assert response.status_code == 200
    flags = province()
    expected = {r.code: service_flag(r) for r in flags.agencies + flags.officers}
    assert page_flags(response) == expected
    assert expected["x.above"] == "not_fulfilling"
    assert expected["x.below"] == "ok"
    assert expected["x.few"] == "short"
    assert "Chưa đủ số lượt đánh giá" in response.content.decode()


def test_a_unit_leader_sees_the_unit_and_its_officers_only(client, three_officers, leader, world):
    client.force_login(leader)
    assert set(page_flags(client.get(URL, {"year": "2025"}))) == {
        world.construction.code,
        "x.below",
        "x.above",
        "x.few",
    }
    other = UserFactory(role=User.Role.LEADER, agency=world.justice)
    client.force_login(other)
    assert page_flags(client.get(URL, {"year": "2025"})) == {}
    assert client.get(reverse("stats:duty_officer", args=["x.above"])).status_code == 404
    code = world.construction.code
    assert client.get(reverse("stats:duty_agency", args=[code])).status_code == 404


def test_counter_officers_are_refused_and_strangers_sent_to_sign_in(client, counter_officer):
    assert client.get(URL).status_code == 302
    client.force_login(counter_officer)
    assert client.get(URL).status_code == 403


def test_a_year_that_is_not_one_is_a_400_that_says_why(client, home_affairs_evaluator):
    client.force_login(home_affairs_evaluator)
    response = client.get(URL, {"year": "20x5"})
    assert response.status_code == 400
    assert "Năm phải là số từ 2000 đến 2100." in response.content.decode()


def test_the_drill_down_lists_the_ratings_and_comments_without_the_applicants_name(
    client, three_officers, home_affairs_evaluator, world
):
    client.force_login(home_affairs_evaluator)
    response = client.get(reverse("stats:duty_officer", args=["x.few"]), {"year": "2025"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('data-level="not_satisfied"') == 2
    assert "Chậm" in html
    assert 'data-flag="short"' in html
    assert APPLICANT.full_name not in html
    code = world.construction.code
    response = client.get(reverse("stats:duty_agency", args=[code]), {"year": "2025"})
    html = response.content.decode()
    assert html.count("data-level=") == 12
    assert APPLICANT.full_name not in html


def test_the_report_links_to_the_page_for_its_readers(client, leader):
    client.force_login(leader)
    assert reverse("stats:duty") in client.get(reverse("stats:report")).content.decode()


# --- The exports ------------------------------------------------------------------------------


def test_the_workbook_lists_agencies_and_officers_with_their_verdicts(
    client, three_officers, home_affairs_evaluator
):
    client.force_login(home_affairs_evaluator)
    response = client.get(reverse("stats:duty_export", args=["excel"]), {"year": "2025"})
    assert response.status_code == 200
    assert "danh-gia-thuc-thi-cong-vu-tinh-2025.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    officers = {
        row[2]: row for row in book["Can bo"].iter_rows(min_row=5, values_only=True) if row[0]
    }
    assert officers["x.above"][4:7] == (5, 3, pytest.approx(0.6))
    assert officers["x.above"][8] == "Không hoàn thành nhiệm vụ (trên 50% không hài lòng)"
    assert officers["x.few"][8] == "Chưa đủ số lượt đánh giá"
    agencies = list(book["Co quan"].iter_rows(min_row=5, values_only=True))
    assert agencies[0][3:6] == (12, 7, pytest.approx(7 / 12))


def test_the_annex_is_a_word_document_with_both_tables(
    client, three_officers, home_affairs_evaluator
):
    client.force_login(home_affairs_evaluator)
    response = client.get(reverse("stats:duty_export", args=["word"]), {"year": "2025"})
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        assert "word/styles.xml" in package.namelist()
        root = ElementTree.fromstring(package.read("word/document.xml"))
    paragraphs = [
        "".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in root.iter(f"{{{W}}}p")
    ]
    assert paragraphs[0] == "PHỤ LỤC"
    assert "ĐÁNH GIÁ THỰC THI CÔNG VỤ THEO Ý KIẾN NGƯỜI DÂN NĂM 2025" in paragraphs
    rows = [
        ["".join(t.text or "" for t in c.iter(f"{{{W}}}t")) for c in r.iter(f"{{{W}}}tc")]
        for r in root.iter(f"{{{W}}}tr")
    ]
    above = next(r for r in rows if "x.above" in r)
    assert above[4:9] == [
        "5",
        "3",
        "60,0%",
        "—",
        "Không hoàn thành nhiệm vụ (trên 50% không hài lòng)",
    ]
    assert len(rows) == 2 + 1 + 3


# --- The API ----------------------------------------------------------------------------------


def bearer(user) -> dict:
    _, raw = ApiToken.issue(user, name="duty")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_home_affairs_reads_the_flags_through_the_api(
    client, three_officers, home_affairs_evaluator
):
    response = client.get(API, {"year": 2025}, **bearer(home_affairs_evaluator))
    assert response.status_code == 200
    body = response.json()
    assert (body["year"], body["min_ratings"]) == (2025, 4)
    officers = {row["code"]: row for row in body["officers"]}
    assert officers["x.above"] == {
        "code": "x.above",
        "name": "Lê Văn Trên",
        "ratings": 5,
        "not_satisfied": 3,
        "share": 0.6,
        "enough_ratings": True,
        "flagged": True,
        "flagged_two_years": False,
    }
    assert (officers["x.few"]["enough_ratings"], officers["x.few"]["flagged"]) == (False, False)
    assert officers["x.below"]["flagged"] is False
    assert [a["code"] for a in body["agencies"]] == [three_officers.construction.code]


def test_other_roles_get_403_and_no_token_401(client, leader):
    response = client.get(API, {"year": 2025}, **bearer(leader))
    assert response.status_code == 403
    assert response.json()["allowed_actions"] == []
    response = client.get(API, {"year": 2025})
    assert response.status_code == 401


def test_a_year_out_of_range_is_a_422_that_names_it(client, home_affairs_evaluator):
    response = client.get(API, {"year": 1999}, **bearer(home_affairs_evaluator))
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "year"


def test_the_page_takes_the_same_queries_whatever_the_number_of_rows(
    client, world, leader, django_assert_num_queries
):
    rated(world, officer(world, "x.a", "Lê Văn A"), year=2025, bad=1, good=0)
    client.force_login(leader)
    client.get(URL, {"year": "2025"})
    with CaptureQueriesContext(connection) as one_row:
        client.get(URL, {"year": "2025"})
    rated(world, officer(world, "x.b", "Lê Văn B"), year=2025, bad=1, good=0)
    rated(world, officer(world, "x.c", "Lê Văn C"), year=2025, bad=0, good=1)
    with django_assert_num_queries(len(one_row)):
        response = client.get(URL, {"year": "2025"})
    assert len(page_flags(response)) == 1 + 3
