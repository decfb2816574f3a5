"""A survey campaign through its services (issue 11 §3): questionnaires frozen once published,
strata sized by Yamane's formula, a sample that depends on the seed only, one-use tokens,
paper and phone answers typed by staff, and indexes checked against values worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc.domain.survey import draw_sample
from cchc.surveys import messages as msg
from cchc.surveys.models import (
    Answer,
    Campaign,
    Channel,
    Question,
    Questionnaire,
    Response,
    ResponseToken,
    Stratum,
    SurveyEvent,
)
from cchc.surveys.services import (
    AnswersRefused,
    CampaignInput,
    SurveyError,
    campaign_close,
    campaign_open,
    campaign_progress,
    campaign_results,
    question_add,
    questionnaire_create,
    questionnaire_new_version,
    questionnaire_publish,
    response_enter,
    response_submit,
    stratum_add_service,
    tokens_issue,
)
from tests.dossiers.helpers import at
from tests.surveys.conftest import all_satisfied, returned

pytestmark = pytest.mark.django_db


def open_again(world, questionnaire, actor, *, code, seed="quy-1-2025", margin="0.3"):
    return campaign_open(
        data=CampaignInput(
            code=code,
            name="Khảo sát lặp lại",
            period_start=date(2025, 3, 1),
            period_end=date(2025, 3, 31),
            questionnaire=questionnaire,
            agencies=[world.construction],
            margin=Decimal(margin),
            seed=seed,
        ),
        actor=actor,
        now=at(2025, 4, 2),
    )


def sampled(campaign) -> set[int]:
    return set(campaign.tokens.values_list("dossier_id", flat=True))


# --- questionnaires -------------------------------------------------------------------------


def test_a_published_questionnaire_is_frozen_and_a_new_version_copies_it(questionnaire):
    q, _questions = questionnaire
    assert q.status == Questionnaire.Status.PUBLISHED
    with pytest.raises(SurveyError, match=str(msg.MSG_FROZEN)):
        question_add(q, kind="text", text="Thêm một câu")
    with pytest.raises(SurveyError, match=str(msg.MSG_FROZEN)):
        questionnaire_publish(q)
    draft = questionnaire_new_version(q)
    assert (draft.code, draft.version, draft.status) == (q.code, 2, Questionnaire.Status.DRAFT)
    assert list(draft.questions.values_list("position", "kind", "element", "text")) == list(
        q.questions.values_list("position", "kind", "element", "text")
    )
    question_add(draft, kind="text", text="Thêm một câu")
    assert q.questions.count() == 8 and draft.questions.count() == 9


def test_a_graded_question_needs_an_element_and_a_choice_question_two_choices(world):
    q = questionnaire_create(code="X", title="Nháp")
    with pytest.raises(SurveyError, match=str(msg.MSG_QUESTION_ELEMENT)):
        question_add(q, kind="scale5", text="Hài lòng không?")
    with pytest.raises(SurveyError, match=str(msg.MSG_QUESTION_CHOICES)):
        question_add(q, kind="single", text="Chọn", choices=["Một"])
    with pytest.raises(SurveyError, match=str(msg.MSG_EMPTY_QUESTIONNAIRE)):
        questionnaire_publish(q)
    assert not Question.objects.filter(questionnaire=q).exists()


def test_a_campaign_on_a_draft_questionnaire_is_refused(world, home_affairs_evaluator):
    draft = questionnaire_create(code="X", title="Nháp")
    with pytest.raises(SurveyError, match=str(msg.MSG_NOT_PUBLISHED)):
        open_again(world, draft, home_affairs_evaluator, code="KS-X")
    assert not Campaign.objects.exists()


# --- sampling -------------------------------------------------------------------------------


def test_a_stratum_is_sized_by_yamanes_formula_and_sampled_from_its_returned_dossiers(
    campaign, six_returned, world
):
    (stratum,) = campaign.strata.all()
    # N = 6, e = 0.3: 6 / (1 + 6 · 0.09) = 6 / 1.54 = 3.9 → 4.
    assert (stratum.agency, stratum.procedure) == (world.construction, world.building_permit)
    assert (stratum.population, stratum.target) == (6, 4)
    ids = [d.pk for d in six_returned]
    expected = draw_sample(ids, 4, f"quy-1-2025/{world.construction.pk}/{world.building_permit.pk}")
    assert sampled(campaign) == set(expected)
    assert campaign.tokens.filter(used_at__isnull=True).count() == 4
    assert SurveyEvent.objects.get(campaign=campaign, action="open").detail["sampled"] == 4


def test_the_same_seed_draws_the_same_sample(
    campaign, questionnaire, home_affairs_evaluator, world
):
    again = open_again(world, questionnaire[0], home_affairs_evaluator, code="KS-LAI")
    assert sampled(again) == sampled(campaign)


def test_only_dossiers_returned_inside_the_period_are_counted(
    world, questionnaire, home_affairs_evaluator
):
    inside = returned(world, day=3, month=3)
    returned(world, day=3, month=2)  # returned in February
    from tests.dossiers.helpers import receive

    receive(world, now=at(2025, 3, 5))  # received, never returned
    campaign = open_again(world, questionnaire[0], home_affairs_evaluator, code="KS-KY")
    (stratum,) = campaign.strata.all()
    assert (stratum.population, stratum.target) == (1, 1)
    assert sampled(campaign) == {inside.pk}


def test_only_home_affairs_and_the_reform_office_open_a_campaign(
    world, questionnaire, specialist, reform_officer
):
    with pytest.raises(SurveyError, match=str(msg.MSG_ROLE)):
        open_again(world, questionnaire[0], specialist, code="KS-CV")
    assert open_again(world, questionnaire[0], reform_officer, code="KS-CCHC").pk


def test_a_reused_campaign_code_is_refused(campaign, questionnaire, home_affairs_evaluator, world):
    with pytest.raises(SurveyError, match=str(msg.MSG_CODE_TAKEN)):
        open_again(world, questionnaire[0], home_affairs_evaluator, code=campaign.code)


# --- tokens ---------------------------------------------------------------------------------


def test_a_token_answers_once_and_is_refused_the_second_time(campaign, questionnaire):
    _q, questions = questionnaire
    token = campaign.tokens.first()
    response = response_submit(key=token.key, answers=all_satisfied(questions), now=at(2025, 4, 3))
    token.refresh_from_db()
    assert token.used_at == at(2025, 4, 3)
    assert (response.channel, response.entered_by, response.token) == (Channel.ONLINE, None, token)
    assert response.answers.count() == 6
    with pytest.raises(SurveyError, match=str(msg.MSG_TOKEN_USED)):
        response_submit(key=token.key, answers=all_satisfied(questions), now=at(2025, 4, 4))
    assert Response.objects.count() == 1


def test_an_expired_or_unknown_token_or_a_closed_campaign_is_refused(
    campaign, questionnaire, home_affairs_evaluator
):
    _q, questions = questionnaire
    first, second = campaign.tokens.all()[:2]
    with pytest.raises(SurveyError, match=str(msg.MSG_TOKEN_EXPIRED)):
        response_submit(key=first.key, answers=all_satisfied(questions), now=at(2025, 6, 1))
    with pytest.raises(SurveyError, match=str(msg.MSG_TOKEN_UNKNOWN)):
        response_submit(key="khong-co", answers=all_satisfied(questions), now=at(2025, 4, 3))
    campaign_close(campaign, actor=home_affairs_evaluator, now=at(2025, 4, 5))
    with pytest.raises(SurveyError, match=str(msg.MSG_CAMPAIGN_CLOSED)):
        response_submit(key=second.key, answers=all_satisfied(questions), now=at(2025, 4, 6))
    assert not Response.objects.exists()
    assert not ResponseToken.objects.filter(used_at__isnull=False).exists()


def test_missing_or_invalid_answers_are_refused_per_question_and_nothing_is_written(
    campaign, questionnaire
):
    _q, questions = questionnaire
    token = campaign.tokens.first()
    answers = all_satisfied(questions)
    del answers[questions["access"].pk]
    answers[questions["procedure"].pk] = 4  # not on a 3-level scale
    answers[questions["channel"].pk] = "abc"
    with pytest.raises(AnswersRefused) as refused:
        response_submit(key=token.key, answers=answers, now=at(2025, 4, 3))
    assert refused.value.errors == {
        questions["access"].pk: str(msg.MSG_REQUIRED),
        questions["procedure"].pk: str(msg.MSG_CHOICE),
        questions["channel"].pk: str(msg.MSG_CHOICE),
    }
    token.refresh_from_db()
    assert token.used_at is None and not Answer.objects.exists()


def test_multiple_choices_and_a_comment_are_kept(campaign, questionnaire):
    _q, questions = questionnaire
    answers = all_satisfied(questions) | {
        questions["wishes"].pk: ["2", "0"],
        questions["comment"].pk: "  Nên mở thêm quầy buổi chiều.  ",
    }
    response = response_submit(key=campaign.tokens.first().key, answers=answers, now=at(2025, 4, 3))
    assert response.answers.get(question=questions["wishes"]).values == [0, 2]
    assert (
        response.answers.get(question=questions["comment"]).text == "Nên mở thêm quầy buổi chiều."
    )


# --- staff entry ----------------------------------------------------------------------------


def test_staff_type_in_paper_and_phone_answers_marked_as_such(
    campaign, questionnaire, home_affairs_evaluator, specialist
):
    _q, questions = questionnaire
    stratum = campaign.strata.get()
    paper = response_enter(
        campaign=campaign,
        stratum=stratum,
        channel="paper",
        answers=all_satisfied(questions),
        actor=home_affairs_evaluator,
        now=at(2025, 4, 3),
    )
    phone = response_enter(
        campaign=campaign,
        stratum=stratum,
        channel="phone",
        answers=all_satisfied(questions),
        actor=home_affairs_evaluator,
        now=at(2025, 4, 3),
    )
    assert (paper.channel, paper.entered_by) == (Channel.PAPER, home_affairs_evaluator)
    assert phone.channel == Channel.PHONE and phone.token is None
    with pytest.raises(SurveyError, match=str(msg.MSG_CHANNEL)):
        response_enter(
            campaign=campaign,
            stratum=stratum,
            channel="online",
            answers=all_satisfied(questions),
            actor=home_affairs_evaluator,
        )
    with pytest.raises(SurveyError, match=str(msg.MSG_ROLE)):
        response_enter(
            campaign=campaign,
            stratum=stratum,
            channel="paper",
            answers=all_satisfied(questions),
            actor=specialist,
        )
    progress = campaign_progress(campaign)
    assert [(r["population"], r["target"], r["tokens"], r["responses"]) for r in progress] == [
        (6, 4, 4, 2)
    ]
    assert progress[0]["by_channel"] == {"online": 0, "paper": 1, "phone": 1}


def test_a_public_service_unit_gets_a_declared_stratum_and_walk_in_tokens(
    campaign, world, home_affairs_evaluator
):
    hospital = stratum_add_service(
        campaign,
        agency=world.commune,
        service_name="Khám bệnh ngoại trú",
        population=400,
        actor=home_affairs_evaluator,
    )
    # 400 / (1 + 400 · 0.09) = 400 / 37 = 10.8 → 11.
    assert (hospital.population, hospital.target, hospital.procedure) == (400, 11, None)
    tokens = tokens_issue(hospital, count=3, actor=home_affairs_evaluator)
    assert {t.respondent for t in tokens} == {"walk_in"} and len({t.key for t in tokens}) == 3
    assert Stratum.objects.filter(campaign=campaign).count() == 2


# --- results --------------------------------------------------------------------------------


def answer(questions, access, procedure, civil, result, feedback=None) -> dict:
    given = {
        questions["access"].pk: access,
        questions["procedure"].pk: procedure,
        questions["civil_servant"].pk: civil,
        questions["result"].pk: result,
        questions["channel"].pk: 1,
    }
    if feedback is not None:
        given[questions["feedback"].pk] = feedback
    return given


def test_indexes_and_intervals_match_values_worked_out_by_hand(
    campaign, questionnaire, home_affairs_evaluator
):
    _q, questions = questionnaire
    a, b = campaign.tokens.all()[:2]
    response_submit(key=a.key, answers=answer(questions, 5, 3, 4, 4, 2), now=at(2025, 4, 3))
    response_submit(key=b.key, answers=answer(questions, 2, 1, 5, 3), now=at(2025, 4, 3))
    response_enter(
        campaign=campaign,
        stratum=campaign.strata.get(),
        channel="paper",
        answers=answer(questions, 4, 2, 1, 5, 1),
        actor=home_affairs_evaluator,
        now=at(2025, 4, 4),
    )
    results = campaign_results(campaign)
    by_element = {row.element: row for row in results.overall.elements}
    # access 5, 2, 4 → 2 of 3; procedure (3 levels) 3, 1, 2 → 2 of 3; civil servant 4, 5, 1 →
    # 2 of 3; result 4, 3, 5 → 2 of 3; feedback (3 levels, optional) 2, 1 → 1 of 2.
    assert {e: (r.satisfied, r.answers) for e, r in by_element.items()} == {
        "access": (2, 3),
        "procedure": (2, 3),
        "civil_servant": (2, 3),
        "result": (2, 3),
        "feedback": (1, 2),
    }
    # Wilson 2 of 3: centre (0.66667 + 0.64027) / 2.28053 = 0.57308, half width
    # 1.96 / 2.28053 · √(0.07407 + 0.10671) = 0.36543 → [0.2077, 0.9385].
    access = by_element["access"]
    assert access.index == pytest.approx(2 / 3)
    assert (access.interval.low, access.interval.high) == (
        pytest.approx(0.2077, abs=1e-4),
        pytest.approx(0.9385, abs=1e-4),
    )
    # Wilson 1 of 2: centre 0.5, half width 1.96 / 2.9208 · √(0.125 + 0.2401) = 0.4055.
    feedback = by_element["feedback"]
    assert (feedback.interval.low, feedback.interval.high) == (
        pytest.approx(0.0945, abs=1e-4),
        pytest.approx(0.9055, abs=1e-4),
    )
    # Overall: (4 · 2/3 + 1/2) / 5 = 0.6333; bounds (4 · 0.2077 + 0.0945) / 5 = 0.1851 and
    # (4 · 0.9385 + 0.9055) / 5 = 0.9319.
    assert results.overall.index == pytest.approx(0.6333, abs=1e-4)
    assert results.overall.interval.low == pytest.approx(0.1851, abs=1e-4)
    assert results.overall.interval.high == pytest.approx(0.9319, abs=1e-4)
    assert results.overall.answers == 14
    ((agency, per_agency),) = results.by_agency
    assert agency == campaign.strata.get().agency and per_agency == results.overall


def test_results_are_split_per_agency_and_stratum(
    campaign, questionnaire, world, home_affairs_evaluator
):
    _q, questions = questionnaire
    hospital = stratum_add_service(
        campaign,
        agency=world.commune,
        service_name="Khám bệnh ngoại trú",
        population=400,
        actor=home_affairs_evaluator,
    )
    response_submit(
        key=campaign.tokens.first().key,
        answers=answer(questions, 5, 3, 4, 4),
        now=at(2025, 4, 3),
    )
    response_enter(
        campaign=campaign,
        stratum=hospital,
        channel="phone",
        answers=answer(questions, 1, 1, 1, 1),
        actor=home_affairs_evaluator,
    )
    results = campaign_results(campaign)
    indexes = {agency.code: result.index for agency, result in results.by_agency}
    assert indexes == {world.construction.code: 1.0, world.commune.code: 0.0}
    assert [(s.service_name, r.index) for s, r in results.by_stratum] == [
        (world.building_permit.name, 1.0),
        ("Khám bệnh ngoại trú", 0.0),
    ]
    assert results.overall.index == pytest.approx(0.5)
