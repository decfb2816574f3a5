"""The respondent's survey form at ``/khao-sat/<token>/`` — plain HTML, no JavaScript needed.

The token is the only key: an unknown one is a 404, a used or expired one (or one of a closed
campaign) shows why it is refused. Answers go through ``response_submit``, which refuses again
under the row lock, so two tabs sending the same token record one response.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cchc.surveys import messages as msg
from cchc.surveys.models import Question, QuestionKind, ResponseToken
from cchc.surveys.services import AnswersRefused, SurveyError, response_submit, token_state

FORM = "surveys/public/form.html"
REFUSED = "surveys/public/refused.html"


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def raw_answers(questions: list[Question], data: Mapping) -> dict[int, object]:
    """The posted answers keyed by question id (a list for multiple choice)."""
    raw: dict[int, object] = {}
    for question in questions:
        if question.kind == QuestionKind.MULTIPLE:
            raw[question.pk] = data.getlist(field_name(question))
        else:
            raw[question.pk] = data.get(field_name(question), "")
    return raw


def question_rows(
    questions: list[Question], raw: Mapping[int, object], errors: Mapping[int, str]
) -> list[dict]:
    rows = []
    for question in questions:
        given = raw.get(question.pk)
        picked = {str(v) for v in given} if isinstance(given, list) else {str(given or "")}
        options = question.options()
        # The error summary links to the field itself: the textarea, or the first choice.
        anchor = field_name(question)
        if options:
            anchor = f"{anchor}-{options[0][0]}"
        rows.append(
            {
                "question": question,
                "name": field_name(question),
                "anchor": anchor,
                "options": [
                    {"value": value, "label": label, "checked": str(value) in picked}
                    for value, label in options
                ],
                "text": given if question.kind == QuestionKind.TEXT else "",
                "error": errors.get(question.pk, ""),
            }
        )
    return rows


@never_cache
@require_http_methods(["GET", "POST"])
def respond_view(request: HttpRequest, key: str) -> HttpResponse:
    token = (
        ResponseToken.objects.select_related("campaign__questionnaire", "stratum__agency")
        .filter(key=key)
        .first()
    )
    if token is None:
        return render(request, REFUSED, {"message": msg.MSG_TOKEN_UNKNOWN}, status=404)
    refusal = token_state(token)
    if refusal:
        return render(request, REFUSED, {"message": refusal}, status=410)
    questions = list(token.campaign.questionnaire.questions.order_by("position"))
    raw: dict[int, object] = {}
    errors: dict[int, str] = {}
    status = 200
    if request.method == "POST":
        raw = raw_answers(questions, request.POST)
        try:
            response_submit(key=key, answers=raw)
        except AnswersRefused as refused:
            errors, status = refused.errors, 422
        except SurveyError as error:
            return render(request, REFUSED, {"message": error.message}, status=409)
        else:
            return redirect("surveys_public:thanks")
    context = {
        "token": token,
        "campaign": token.campaign,
        "stratum": token.stratum,
        "rows": question_rows(questions, raw, errors),
        "has_errors": bool(errors),
    }
    return render(request, FORM, context, status=status)


@require_GET
def thanks_view(request: HttpRequest) -> HttpResponse:
    return render(request, "surveys/public/thanks.html")
