"""Home Affairs' appraisal of one dossier's evaluation on a page (issue 11, build 2): the
appraised score of each of the nine indicators and the self scores of the "entered"
indicators, stored through ``evaluation_appraise``. Home Affairs and the system administrator
only (others 403); a dossier outside the reader's scope, or without an evaluation, is a 404.
Every refusal is shown by its field and nothing is stored."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_noop as N_
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cchc.core.validation import CleanTextFormMixin
from cchc.domain import evaluation as rules
from cchc.dossiers.selectors import dossier_get_for_user
from cchc.org.permissions import staff_required
from cchc.satisfaction.evaluation import APPRAISERS, EvaluationError, evaluation_appraise
from cchc.satisfaction.models import DossierEvaluation, DossierEvaluationScore

MSG_CHOOSE_POINTS = N_("Chọn điểm 0, 1 hoặc 2.")
MSG_NOTE = N_("Ghi chú không quá 2.000 ký tự.")
MAX_NOTE = 2000
POINTS = [("0", "0"), ("1", "1"), ("2", "2")]
TEMPLATE = "satisfaction/evaluation_appraise.html"


def _points(label: object, *, required: bool) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=POINTS if required else [("", gettext_lazy("Chưa chấm")), *POINTS],
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy(MSG_CHOOSE_POINTS),
            "invalid_choice": gettext_lazy(MSG_CHOOSE_POINTS),
        },
    )


class AppraisalForm(CleanTextFormMixin, forms.Form):
    """For each indicator, ``appraised_<indicator>`` (required) and, when the platform could
    not score it, ``entered_<indicator>`` (the self score, optional); a note."""

    def __init__(self, *args: object, scores: list[DossierEvaluationScore], **kwargs: object):
        super().__init__(*args, **kwargs)
        self.rows = []
        for score in scores:
            label = score.get_indicator_display()
            entered = None
            if score.source == DossierEvaluationScore.Source.ENTERED:
                name = f"entered_{score.indicator}"
                self.fields[name] = _points(label, required=False)
                entered = name
            name = f"appraised_{score.indicator}"
            self.fields[name] = _points(label, required=True)
            self.rows.append((score, entered, name))
        self.fields["note"] = forms.CharField(
            label=gettext_lazy("Ghi chú thẩm định (không bắt buộc)"),
            required=False,
            max_length=MAX_NOTE,
            widget=forms.Textarea(attrs={"rows": 3}),
            error_messages={"max_length": gettext_lazy(MSG_NOTE)},
        )

    def bound_rows(self) -> list[tuple[DossierEvaluationScore, object, object]]:
        return [
            (score, self[entered] if entered else None, self[appraised])
            for score, entered, appraised in self.rows
        ]

    def appraised(self) -> dict[str, int]:
        return {s.indicator: int(self.cleaned_data[a]) for s, _e, a in self.rows}

    def entered(self) -> dict[str, int]:
        return {
            s.indicator: int(self.cleaned_data[e])
            for s, e, _a in self.rows
            if e and self.cleaned_data.get(e) not in (None, "")
        }


def _initial(scores: list[DossierEvaluationScore]) -> dict[str, str]:
    initial = {}
    for score in scores:
        if score.appraised_score is not None:
            initial[f"appraised_{score.indicator}"] = str(score.appraised_score)
        if score.source == DossierEvaluationScore.Source.ENTERED and score.self_score is not None:
            initial[f"entered_{score.indicator}"] = str(score.self_score)
    return initial


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required
def appraise_view(request: HttpRequest, code: str) -> HttpResponse:
    if request.user.role not in APPRAISERS:
        raise PermissionDenied
    dossier = dossier_get_for_user(request.user, code)
    evaluation = DossierEvaluation.objects.filter(dossier=dossier).first()
    if evaluation is None:
        raise Http404
    order = {indicator: i for i, indicator in enumerate(rules.INDICATORS)}
    scores = sorted(evaluation.scores.all(), key=lambda s: order[s.indicator])
    form = AppraisalForm(
        request.POST if request.method == "POST" else None,
        initial=_initial(scores) | {"note": evaluation.appraisal_note},
        scores=scores,
    )
    context = {"dossier": dossier, "evaluation": evaluation, "form": form}
    if request.method == "GET":
        return render(request, TEMPLATE, context)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=422)
    try:
        evaluation_appraise(
            actor=request.user,
            dossier=dossier,
            appraised=form.appraised(),
            entered=form.entered(),
            note=form.cleaned_data["note"],
        )
    except EvaluationError as refused:
        form.add_error(None, _(refused.message))
        return render(request, TEMPLATE, context, status=422)
    return redirect("dossiers:detail", dossier.code)
