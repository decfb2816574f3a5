"""Home Affairs appraises a dossier's evaluation on a page (issue 11, build 2): the nine
appraised scores and the "entered" self scores, through ``evaluation_appraise``; others are
refused (403, or 404 outside their scope); every bad answer is shown by its field, nothing is
stored, never a 500; the counters stay exact."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cchc.satisfaction.evaluation import evaluation_check, evaluation_fill
from cchc.satisfaction.models import DossierEvaluation, EvaluationDailyStat
from tests.dossiers.helpers import at
from tests.satisfaction.test_evaluation import NINE, returned, with_justice_step  # noqa: F401
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluated(returned):  # noqa: F811
    evaluation_fill(returned, now=at(2025, 3, 12, 12))
    return returned


def url(dossier):
    return reverse("evaluation:appraise", args=[dossier.code])


def answers(**overrides):
    data = {f"appraised_{name}": "2" for name in NINE} | {"entered_publicity": "1"}
    return data | overrides


def test_home_affairs_appraises_from_the_evaluation_card(client, evaluated, home_affairs_evaluator):
    client.force_login(home_affairs_evaluator)
    card = client.get(reverse("dossiers:detail", args=[evaluated.code])).content.decode()
    assert f'href="{url(evaluated)}"' in card
    page = client.get(url(evaluated)).content.decode()
    # nine indicators, nine appraised scores, three self scores to enter (publicity; attitude
    # and feedback while the applicant has not rated)
    assert page.count("<legend") == 9 + 9 + 3
    assert 'name="entered_publicity"' in page and 'name="entered_attitude"' in page
    assert 'name="entered_total_time"' not in page
    response = client.post(url(evaluated), answers(appraised_agency_time="1", note=" Đã xem "))
    assert response.status_code == 302
    evaluation = DossierEvaluation.objects.get(dossier=evaluated)
    assert (evaluation.appraised_total, evaluation.appraised_band) == (17, "excellent")
    assert evaluation.scores.get(indicator="publicity").self_score == 1
    assert evaluation.appraisal_note == "Đã xem"
    assert evaluation.appraised_by == home_affairs_evaluator
    row = EvaluationDailyStat.objects.get(resolving_agency=evaluation.resolving_agency)
    assert (row.appraised, row.appraised_points, row.appraised_excellent) == (1, 17, 1)
    assert evaluation_check() == []
    again = client.get(url(evaluated)).content.decode()  # the stored scores come back checked
    assert 'name="appraised_agency_time" value="1" id="id_appraised_agency_time_1" checked' in again


def test_the_system_administrator_may_appraise_too(client, evaluated, admin_user):
    sign_in_verified(client, admin_user)
    assert client.post(url(evaluated), answers()).status_code == 302
    assert DossierEvaluation.objects.get(dossier=evaluated).appraised_total == 18


def test_other_roles_are_refused_and_see_no_link(
    client, evaluated, counter_officer, leader, other_agency_officer, citizen
):
    for user in (counter_officer, leader, other_agency_officer, citizen):
        client.force_login(user)
        assert client.get(url(evaluated)).status_code == 403
        assert client.post(url(evaluated), answers()).status_code == 403
    client.force_login(counter_officer)
    card = client.get(reverse("dossiers:detail", args=[evaluated.code])).content.decode()
    assert 'data-testid="evaluation-card"' in card and "evaluation-appraise-link" not in card
    client.logout()
    assert client.get(url(evaluated)).status_code == 302  # to the sign-in page
    assert DossierEvaluation.objects.get(dossier=evaluated).appraised_total is None


def test_an_unknown_or_unevaluated_dossier_is_not_found(
    client,
    world,
    returned,  # noqa: F811
    home_affairs_evaluator,
):
    client.force_login(home_affairs_evaluator)
    assert client.get(url(returned)).status_code == 404  # returned, not yet evaluated
    assert client.get(reverse("evaluation:appraise", args=["KHONG-CO"])).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"appraised_online": ""}, "appraised_online"),
        ({"appraised_online": "3"}, "appraised_online"),
        ({"appraised_contacts": "-1"}, "appraised_contacts"),
        ({"appraised_one_stop": "hai"}, "appraised_one_stop"),
        ({"entered_publicity": "3"}, "entered_publicity"),
    ],
)
def test_every_bad_answer_is_shown_by_its_field_and_nothing_is_stored(
    client, evaluated, home_affairs_evaluator, overrides, field
):
    client.force_login(home_affairs_evaluator)
    data = {k: v for k, v in answers(**overrides).items() if v != ""}
    response = client.post(url(evaluated), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert f'data-error-for="{field}"' in page and "Chọn điểm 0, 1 hoặc 2." in page
    evaluation = DossierEvaluation.objects.get(dossier=evaluated)
    assert evaluation.appraised_total is None
    assert evaluation.scores.get(indicator="publicity").self_score is None
    assert not evaluation.scores.filter(appraised_score__isnull=False).exists()


def test_an_empty_form_names_all_nine_and_a_long_note_is_refused(
    client, evaluated, home_affairs_evaluator
):
    client.force_login(home_affairs_evaluator)
    page = client.post(url(evaluated), {}).content.decode()
    assert page.count('data-error-for="appraised_') == 9
    page = client.post(url(evaluated), answers(note="x" * 2001)).content.decode()
    assert "Ghi chú không quá 2.000 ký tự." in page
    assert DossierEvaluation.objects.get(dossier=evaluated).appraised_total is None
