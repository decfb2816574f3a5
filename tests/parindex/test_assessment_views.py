"""The assessment pages (issue 12, Build 3) through Django's test client: the worklist by role
with its counts, the assessment page (tree, totals, deadline), the criterion page with the
self-assessment and evidence forms, one form per allowed action; another unit's assessment is
a 404; bad input is shown by its field, nothing is stored, never a 500; bounded queries."""

# The fixtures of conftest_assessment are imported by name, so pytest finds them: each test that
# takes one as an argument "redefines" the import.
# ruff: noqa: F811

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cchc.parindex import services
from cchc.parindex.assessment_pages import actions
from cchc.parindex.assessment_pages import forms as page_forms
from cchc.parindex.models import Assessment, Evidence, Score
from tests.parindex.conftest_assessment import (  # noqa: F401
    KIND,
    YEAR,
    assessment,
    council_member,
    fill,
    framework,
    justice_assessment,
    make_framework,
    pdf,
)

pytestmark = pytest.mark.django_db


def page_url(a: Assessment) -> str:
    return reverse("parindex:assessment", args=[YEAR, KIND, a.agency.code])


def criterion_url(a: Assessment, code: str) -> str:
    return reverse("parindex:criterion", args=[YEAR, KIND, a.agency.code, code])


def act(a: Assessment, code: str, slug: str) -> str:
    return reverse("parindex:criterion_action", args=[YEAR, KIND, a.agency.code, code, slug])


def assessment_act(a: Assessment, slug: str) -> str:
    return reverse("parindex:assessment_action", args=[YEAR, KIND, a.agency.code, slug])


def self_score(a: Assessment, code: str) -> Score:
    return Score.objects.get(assessment=a, criterion__code=code)


# --- the worklist ----------------------------------------------------------------------------


def test_the_reform_officer_sees_only_the_units_own_assessment(
    client, assessment, justice_assessment, reform_officer, django_assert_max_num_queries
):
    client.force_login(reform_officer)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("parindex:assessments"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page_url(assessment) in page
    assert page_url(justice_assessment) not in page
    assert 'data-testid="count-can-thuc-hien">1<' in page


def test_home_affairs_finds_the_submitted_assessments_to_review(
    client, assessment, justice_assessment, leader, reform_officer, home_affairs_evaluator
):
    fill(assessment, reform_officer)
    services.assessment_submit(assessment, actor=leader)
    client.force_login(home_affairs_evaluator)
    page = client.get(reverse("parindex:assessments")).content.decode()
    assert 'data-testid="count-cho-tham-dinh">1<' in page
    assert page_url(assessment) in page and page_url(justice_assessment) not in page
    everything = client.get(reverse("parindex:assessments") + "?tab=tat-ca").content.decode()
    assert page_url(justice_assessment) in everything


def test_the_worklist_counts_its_tabs_in_one_query_whatever_the_number_of_units(
    client, world, framework, home_affairs_evaluator, django_assert_num_queries
):
    client.force_login(home_affairs_evaluator)
    services.assessment_open(framework, world.construction, actor=home_affairs_evaluator)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("parindex:assessments") + "?tab=tat-ca")
    services.assessment_open(framework, world.justice, actor=home_affairs_evaluator)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("parindex:assessments") + "?tab=tat-ca")
    counted = [q for q in one.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counted) == 1


def test_the_menu_offers_the_par_index_to_the_roles_that_work_on_it(
    client, reform_officer, counter_officer, council_member
):
    for user, shown in ((reform_officer, True), (council_member, True), (counter_officer, False)):
        client.force_login(user)
        page = client.get(reverse("home")).content.decode()
        assert (f'href="{reverse("parindex:assessments")}"' in page) is shown, user.role


# --- the assessment page ---------------------------------------------------------------------


def test_the_assessment_page_shows_the_tree_the_totals_and_the_deadline(
    client, assessment, reform_officer, django_assert_max_num_queries
):
    fill(assessment, reform_officer)
    assessment.due_date = assessment.framework.self_assessment_due
    Assessment.objects.filter(pk=assessment.pk).update(due_date=assessment.due_date)
    client.force_login(reform_officer)
    with django_assert_max_num_queries(20):
        response = client.get(page_url(assessment))
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # the unit's evidence and scores
    for code in ("1", "1.1", "1.1.a", "1.1.b", "1.2", "2", "2.1", "2.2"):
        assert f'data-code="{code}"' in page
    assert 'data-testid="assessment-due">15/01/2026<' in page
    assert 'data-testid="points-1.1.b">1,5<' in page
    assert 'data-testid="components"' in page
    assert criterion_url(assessment, "1.1.a") in page


def test_the_assessment_page_runs_the_same_queries_for_a_bigger_framework(
    client, world, assessment, home_affairs_evaluator, django_assert_num_queries
):
    client.force_login(home_affairs_evaluator)
    with CaptureQueriesContext(connection) as small:
        client.get(page_url(assessment))
    for code in ("1.1.a", "1.1.b", "1.2"):
        services.evidence_add(assessment, code, actor=world.reform_officer, link="https://a.vn/1")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(page_url(assessment))


def test_another_units_assessment_is_not_found(
    client, assessment, justice_assessment, reform_officer, leader
):
    for user in (reform_officer, leader):
        client.force_login(user)
        assert client.get(page_url(justice_assessment)).status_code == 404
        assert client.get(criterion_url(justice_assessment, "1.2")).status_code == 404
        response = client.post(act(justice_assessment, "1.2", "tu-danh-gia"), {})
        assert response.status_code == 404
        assert client.post(assessment_act(justice_assessment, "gui"), {}).status_code == 404
    assert client.get(criterion_url(assessment, "9.9")).status_code == 404
    assert client.get(criterion_url(assessment, "1.1")).status_code == 404  # not a scored node


def test_actions_answer_only_to_post(client, assessment, reform_officer):
    client.force_login(reform_officer)
    assert client.get(act(assessment, "1.2", "tu-danh-gia")).status_code == 405
    assert client.get(assessment_act(assessment, "gui")).status_code == 405
    assert client.post(act(assessment, "1.2", "khong-co")).status_code == 404


# --- self-assessment and evidence ------------------------------------------------------------


def test_the_reform_officer_scores_a_criterion_on_its_page(client, assessment, reform_officer):
    client.force_login(reform_officer)
    page = client.get(criterion_url(assessment, "1.1.a")).content.decode()
    assert 'name="tu-danh-gia-points"' in page and 'name="tai-lieu-files"' in page
    response = client.post(
        act(assessment, "1.1.a", "tu-danh-gia"),
        {"tu-danh-gia-points": "3,5", "tu-danh-gia-explanation": "Ban hành ngày 10/01"},
    )
    assert response.status_code == 302
    score = self_score(assessment, "1.1.a")
    assert (score.self_points, score.explanation) == (Decimal("3.5"), "Ban hành ngày 10/01")


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ("abc", page_forms.MSG_POINTS),
        ("NaN", page_forms.MSG_POINTS),
        ("Infinity", page_forms.MSG_POINTS),
        ("1e400000", page_forms.MSG_POINTS_SIZE),
        ("99999999999999999999", page_forms.MSG_POINTS_SIZE),
        ("1,234", page_forms.MSG_POINTS),
    ],
)
def test_points_that_are_not_a_number_of_the_right_size_are_refused_in_words(
    client, assessment, reform_officer, points, message
):
    client.force_login(reform_officer)
    response = client.post(
        act(assessment, "1.1.a", "tu-danh-gia"),
        {"tu-danh-gia-points": points, "tu-danh-gia-explanation": ""},
    )
    assert response.status_code == 400
    assert str(message) in response.content.decode()
    assert self_score(assessment, "1.1.a").self_points is None


@pytest.mark.parametrize("points", ["-1", "4,01", "1000"])
def test_negative_points_and_points_above_the_maximum_come_back_by_their_field(
    client, assessment, reform_officer, points
):
    client.force_login(reform_officer)
    response = client.post(
        act(assessment, "1.1.a", "tu-danh-gia"),
        {"tu-danh-gia-points": points, "tu-danh-gia-explanation": "x"},
    )
    assert response.status_code == 400
    form = response.context["cards"][0]["form"]
    assert form.errors.get("points"), form.errors
    assert self_score(assessment, "1.1.a").self_points is None


def test_control_characters_are_refused_at_the_door(client, assessment, reform_officer):
    client.force_login(reform_officer)
    response = client.post(
        act(assessment, "1.1.a", "tu-danh-gia"),
        {"tu-danh-gia-points": "1", "tu-danh-gia-explanation": "Kế hoạch\x01số 1"},
    )
    assert response.status_code == 400
    assert "U+0001" in response.content.decode()
    assert self_score(assessment, "1.1.a").explanation == ""


def test_evidence_files_pass_the_portals_upload_checks(client, assessment, reform_officer):
    client.force_login(reform_officer)
    response = client.post(
        act(assessment, "1.1.a", "tai-lieu"),
        {"tai-lieu-files": [pdf()], "tai-lieu-note": "Kế hoạch 12/KH-SXD"},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get(score__assessment=assessment)
    assert (evidence.original_name, evidence.content_type) == ("ke-hoach.pdf", "application/pdf")
    page = client.get(criterion_url(assessment, "1.1.a")).content.decode()
    download = reverse(
        "parindex:evidence_file", args=[YEAR, KIND, assessment.agency.code, "1.1.a", evidence.pk]
    )
    assert download in page
    file_response = client.get(download)
    assert file_response.status_code == 200
    assert b"".join(file_response.streaming_content).startswith(b"%PDF-")


def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_stored(
    client, assessment, reform_officer
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(reform_officer)
    fake = SimpleUploadedFile(
        "ke-hoach.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(act(assessment, "1.1.a", "tai-lieu"), {"tai-lieu-files": [fake]})
    assert response.status_code == 400
    assert "không phải tệp PDF, JPEG hoặc PNG" in response.content.decode()
    empty = client.post(act(assessment, "1.1.a", "tai-lieu"), {"tai-lieu-note": "x"})
    assert empty.status_code == 400
    assert str(page_forms.MSG_EVIDENCE_EMPTY) in empty.content.decode()
    assert not Evidence.objects.filter(score__assessment=assessment).exists()


def test_a_link_and_a_document_number_are_evidence_too_and_can_be_removed(
    client, assessment, reform_officer
):
    client.force_login(reform_officer)
    response = client.post(
        act(assessment, "1.2", "tai-lieu"),
        {"tai-lieu-link": "vanban.tinh.gov.vn/123", "tai-lieu-document": "45/BC-SXD"},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get(score__assessment=assessment)
    assert (evidence.link, evidence.document) == ("https://vanban.tinh.gov.vn/123", "45/BC-SXD")
    remove = reverse(
        "parindex:evidence_remove", args=[YEAR, KIND, assessment.agency.code, "1.2", evidence.pk]
    )
    assert client.post(remove).status_code == 302
    evidence.refresh_from_db()
    assert evidence.removed_at is not None
    assert client.post(remove).status_code == 404


def test_a_live_criterion_offers_a_note_not_points(client, assessment, reform_officer):
    client.force_login(reform_officer)
    page = client.get(criterion_url(assessment, "2.1")).content.decode()
    assert 'name="tu-danh-gia-points"' not in page and 'name="ghi-chu-text"' in page
    refused = client.post(act(assessment, "2.1", "tu-danh-gia"), {"tu-danh-gia-points": "6"})
    assert refused.status_code == 400
    assert str(actions.MSG_NOT_NOW) in refused.content.decode()
    assert self_score(assessment, "2.1").self_points is None
    noted = client.post(act(assessment, "2.1", "ghi-chu"), {"ghi-chu-text": "Số liệu đúng"})
    assert noted.status_code == 302
    assert self_score(assessment, "2.1").annotation == "Số liệu đúng"


def test_a_live_criterion_shows_its_figures_and_the_dossiers_behind_them(
    client, assessment, home_affairs_evaluator
):
    client.force_login(home_affairs_evaluator)
    page = client.get(criterion_url(assessment, "2.1")).content.decode()
    score = self_score(assessment, "2.1")
    shown = f"{score.live_numerator} / {score.live_denominator}".replace("None", "—")
    assert f'data-testid="live-figures">{shown}<' in page
    drill = (
        reverse("dossiers:worklist")
        + "?tab=all&amp;resolving=000.00.05.H98&amp;finished_from=01%2F01%2F2025"
        + "&amp;finished_to=31%2F12%2F2025"
    )
    assert f'href="{drill}"' in page
    assert drill in client.get(page_url(assessment)).content.decode()


def test_a_refused_submission_says_why_on_the_page_and_changes_nothing(client, assessment, leader):
    client.force_login(leader)
    response = client.post(assessment_act(assessment, "gui"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Chưa chấm điểm các tiêu chí: 1.1.a, 1.1.b, 1.2" in page
    assert '<details class="card mb-2 action-card" id="action-gui" open>' in page
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT
    assert not assessment.events.filter(action="submit").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/can-bo/chi-so-cchc/danh-gia/99999999999999999999/department/000.00.05.H98/",
        "/can-bo/chi-so-cchc/danh-gia/2025/moon/000.00.05.H98/",
        "/can-bo/chi-so-cchc/danh-gia/2025/department/%E2%80%AEx%20y/",
        "/can-bo/chi-so-cchc/danh-gia/99999999999999999999/department/cong-bo/",
        "/can-bo/chi-so-cchc/danh-gia/2025/moon/cong-bo/",
        "/can-bo/chi-so-cchc/danh-gia/2025/department/000.00.05.H98/tieu-chi/" + "9" * 300 + "/",
    ],
)
def test_odd_addresses_are_not_found_never_an_error(
    client, assessment, home_affairs_evaluator, path
):
    client.force_login(home_affairs_evaluator)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("query", ["?tab=khong-co", "?trang=abc", "?trang=999999", "?nam=0x1"])
def test_odd_worklist_queries_fall_back_to_the_defaults(
    client, assessment, home_affairs_evaluator, query
):
    client.force_login(home_affairs_evaluator)
    assert client.get(reverse("parindex:assessments") + query).status_code == 200
