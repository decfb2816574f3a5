"""The respondent's form at /khao-sat/<token>/ as a browser without JavaScript uses it: plain
GET and POST, errors shown next to their questions, a used, expired or unknown token refused
with its reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from cchc.surveys import messages as msg
from cchc.surveys.models import Channel, Response

pytestmark = pytest.mark.django_db


def form_data(questions, **extra) -> dict:
    data = {
        f"q{questions['access'].pk}": "5",
        f"q{questions['procedure'].pk}": "3",
        f"q{questions['civil_servant'].pk}": "4",
        f"q{questions['result'].pk}": "4",
        f"q{questions['channel'].pk}": "1",
        f"q{questions['wishes'].pk}": ["0", "2"],
        f"q{questions['comment'].pk}": "Rất nhanh.",
    }
    data.update(extra)
    return data


def test_the_form_shows_every_question_with_its_choices(client, live_campaign, questionnaire):
    token = live_campaign.tokens.first()
    page = client.get(reverse("surveys_public:respond", args=[token.key]))
    assert page.status_code == 200
    html = page.content.decode()
    for question in questionnaire[1].values():
        assert question.text in html
    assert "Rất hài lòng" in html and "Cổng dịch vụ công" in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_answering_records_an_online_response_and_a_second_post_is_refused(
    client, live_campaign, questionnaire
):
    _q, questions = questionnaire
    token = live_campaign.tokens.first()
    url = reverse("surveys_public:respond", args=[token.key])
    sent = client.post(url, form_data(questions))
    assert sent.status_code == 302 and sent["Location"] == reverse("surveys_public:thanks")
    response = Response.objects.get(token=token)
    assert response.channel == Channel.ONLINE
    assert response.answers.get(question=questions["wishes"]).values == [0, 2]
    again = client.post(url, form_data(questions))
    assert again.status_code == 410
    assert str(msg.MSG_TOKEN_USED) in again.content.decode()
    assert client.get(url).status_code == 410
    assert Response.objects.count() == 1


def test_a_missing_answer_is_shown_next_to_its_question_and_the_answers_kept(
    client, live_campaign, questionnaire
):
    _q, questions = questionnaire
    token = live_campaign.tokens.first()
    data = form_data(questions)
    del data[f"q{questions['access'].pk}"]
    page = client.post(reverse("surveys_public:respond", args=[token.key]), data)
    assert page.status_code == 422
    html = page.content.decode()
    assert f'id="q{questions["access"].pk}-error"' in html
    assert str(msg.MSG_REQUIRED) in html
    assert f'id="q{questions["procedure"].pk}-3" checked' in html
    assert "Rất nhanh." in html
    assert not Response.objects.exists()


def test_an_unknown_or_expired_token_is_refused(client, live_campaign):
    assert client.get(reverse("surveys_public:respond", args=["khong-co-ma"])).status_code == 404
    token = live_campaign.tokens.first()
    token.expires_at = token.expires_at - timedelta(days=400)
    token.save(update_fields=["expires_at"])
    page = client.get(reverse("surveys_public:respond", args=[token.key]))
    assert page.status_code == 410
    assert str(msg.MSG_TOKEN_EXPIRED) in page.content.decode()


def test_the_thanks_page_is_public(client):
    assert client.get(reverse("surveys_public:thanks")).status_code == 200
