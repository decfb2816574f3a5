"""The actions of the assessment pages, one table each: the assessment's own (submit, ask for
clarification, complete the appraisal, confirm, send back, reopen) and those on one criterion
(self-assessment, evidence, note, review, clarification answer). Each names the action of
``services.allowed_actions`` that shows it, its form, and the one service call it makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms as django_forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cchc.org.models import User
from cchc.parindex import services
from cchc.parindex.assessment_pages import forms
from cchc.parindex.models import Assessment, Criterion, Score

MSG_NOT_NOW = _("Bạn không thể thực hiện thao tác này với bản đánh giá ở thời điểm hiện tại.")

# The names ``services.allowed_actions`` gives each action.
FILL = "score"
SUBMIT = "submit"
REVIEW = "review"
CLARIFY = "request_clarification"
ANSWER = "answer"
APPRAISE = "appraise"
CONFIRM = "confirm"
SEND_BACK = "send_back"
PUBLISH = "publish"
REOPEN = "reopen"
ANNOTATE = "annotate"


@dataclass(frozen=True)
class ActionSpec:
    slug: str
    action: str
    title: object
    button: object
    form: type[django_forms.Form]
    done: object
    danger: bool = False


ASSESSMENT_ACTIONS = {
    spec.slug: spec
    for spec in (
        ActionSpec(
            "gui",
            SUBMIT,
            _("Gửi kết quả tự đánh giá"),
            _("Gửi Sở Nội vụ thẩm định"),
            forms.ConfirmForm,
            _("Đã gửi kết quả tự đánh giá để thẩm định."),
        ),
        ActionSpec(
            "yeu-cau-giai-trinh",
            CLARIFY,
            _("Chuyển đơn vị giải trình"),
            _("Yêu cầu giải trình"),
            forms.NoteForm,
            _("Đã chuyển đơn vị giải trình các tiêu chí được yêu cầu."),
        ),
        ActionSpec(
            "hoan-thanh-tham-dinh",
            APPRAISE,
            _("Hoàn thành thẩm định"),
            _("Trình hội đồng thẩm định"),
            forms.ConfirmForm,
            _("Đã hoàn thành thẩm định, chờ hội đồng xác nhận."),
        ),
        ActionSpec(
            "xac-nhan",
            CONFIRM,
            _("Hội đồng xác nhận kết quả"),
            _("Xác nhận"),
            forms.NoteForm,
            _("Hội đồng đã xác nhận kết quả."),
        ),
        ActionSpec(
            "tra-lai",
            SEND_BACK,
            _("Trả lại để thẩm định lại"),
            _("Trả lại"),
            forms.RequiredNoteForm,
            _("Đã trả lại để thẩm định lại."),
            danger=True,
        ),
        ActionSpec(
            "mo-lai",
            REOPEN,
            _("Mở lại để điều chỉnh"),
            _("Mở lại"),
            forms.ReasonForm,
            _("Đã mở lại bản đánh giá."),
            danger=True,
        ),
    )
}

CRITERION_ACTIONS = {
    spec.slug: spec
    for spec in (
        ActionSpec(
            "tu-danh-gia",
            FILL,
            _("Tự đánh giá"),
            _("Lưu điểm tự đánh giá"),
            forms.ScoreForm,
            _("Đã lưu điểm tự đánh giá."),
        ),
        ActionSpec(
            "tai-lieu",
            FILL,
            _("Thêm tài liệu kiểm chứng"),
            _("Thêm tài liệu"),
            forms.EvidenceForm,
            _("Đã thêm tài liệu kiểm chứng."),
        ),
        ActionSpec(
            "ghi-chu",
            ANNOTATE,
            _("Ghi chú của đơn vị"),
            _("Lưu ghi chú"),
            forms.AnnotateForm,
            _("Đã lưu ghi chú."),
        ),
        ActionSpec(
            "tham-dinh",
            REVIEW,
            _("Thẩm định tiêu chí"),
            _("Lưu kết quả thẩm định"),
            forms.ReviewForm,
            _("Đã lưu kết quả thẩm định tiêu chí."),
        ),
        ActionSpec(
            "giai-trinh",
            ANSWER,
            _("Giải trình"),
            _("Gửi giải trình"),
            forms.AnswerForm,
            _("Đã lưu nội dung giải trình."),
        ),
    )
}

SELF_METHODS = {Criterion.Method.SELF}
EVIDENCE_METHODS = {Criterion.Method.SELF, Criterion.Method.APPRAISAL}
REVIEWED_METHODS = {Criterion.Method.SELF, Criterion.Method.APPRAISAL}
SYSTEM_METHODS = {Criterion.Method.LIVE, Criterion.Method.SURVEY}
MSG_EVIDENCE_REMOVED = _("Đã gỡ tài liệu kiểm chứng.")


def assessment_slugs(allowed: set[str]) -> list[str]:
    """The assessment's action forms the user may use now, in the table's order."""
    return [slug for slug, spec in ASSESSMENT_ACTIONS.items() if spec.action in allowed]


def criterion_slugs(allowed: set[str], score: Score, status: str) -> list[str]:
    """The forms on one criterion the user may use now: by the services' allowed actions, the
    criterion's method and its review (during a clarification only the criteria asked about
    change)."""
    method = score.criterion.method
    asked = score.review == Score.Review.CLARIFY
    changes = FILL in allowed and (status != Assessment.Status.CLARIFICATION or asked)
    slugs = []
    if changes and method in SELF_METHODS:
        slugs.append("tu-danh-gia")
    if changes and method in EVIDENCE_METHODS:
        slugs.append("tai-lieu")
    if ANNOTATE in allowed and method in SYSTEM_METHODS:
        slugs.append("ghi-chu")
    if REVIEW in allowed and method in REVIEWED_METHODS:
        slugs.append("tham-dinh")
    if ANSWER in allowed and asked:
        slugs.append("giai-trinh")
    return slugs


def initial_for(slug: str, score: Score) -> dict:
    if slug == "tu-danh-gia":
        return {"points": score.self_points, "explanation": score.explanation}
    if slug == "ghi-chu":
        return {"text": score.annotation}
    if slug == "tham-dinh":
        initial: dict = {"comment": score.review_comment}
        if score.review in (Score.Review.ACCEPTED, Score.Review.ADJUSTED):
            initial["decision"] = (
                forms.Decision.ACCEPT
                if score.review == Score.Review.ACCEPTED
                else forms.Decision.ADJUST
            )
        elif score.review == Score.Review.CLARIFY:
            initial["decision"] = forms.Decision.CLARIFY
        if score.appraised_points is not None:
            initial["points"] = score.appraised_points
        return initial
    if slug == "giai-trinh":
        return {"answer": score.clarification_answer}
    return {}


def build_form(
    spec: ActionSpec, *, data: object = None, files: object = None, score: Score | None = None
) -> django_forms.Form:
    kwargs: dict = {"prefix": spec.slug}
    if spec.form is forms.EvidenceForm and score is not None:
        kept = [e for e in score.evidence.all() if e.removed_at is None and e.file]
        kwargs["existing"] = (len(kept), sum(e.size for e in kept))
    if data is not None:
        return spec.form(data, files, **kwargs)
    return spec.form(initial=initial_for(spec.slug, score) if score else {}, **kwargs)


# --- the service calls ------------------------------------------------------------------------


def _submit(a: Assessment, actor: User, form: django_forms.Form) -> None:
    services.assessment_submit(a, actor=actor)


def _clarify(a: Assessment, actor: User, form: django_forms.Form) -> None:
    services.assessment_request_clarification(a, actor=actor, note=form.cleaned_data["note"])


def _appraise(a: Assessment, actor: User, form: django_forms.Form) -> None:
    services.assessment_appraise(a, actor=actor)


def _confirm(a: Assessment, actor: User, form: django_forms.Form) -> None:
    services.assessment_confirm(a, actor=actor, note=form.cleaned_data["note"])


def _send_back(a: Assessment, actor: User, form: django_forms.Form) -> None:
    services.assessment_send_back(a, actor=actor, note=form.cleaned_data["note"])


def _reopen(a: Assessment, actor: User, form: django_forms.Form) -> None:
    services.assessment_reopen(a, actor=actor, reason=form.cleaned_data["reason"])


PERFORM: dict[str, Callable[[Assessment, User, django_forms.Form], None]] = {
    "gui": _submit,
    "yeu-cau-giai-trinh": _clarify,
    "hoan-thanh-tham-dinh": _appraise,
    "xac-nhan": _confirm,
    "tra-lai": _send_back,
    "mo-lai": _reopen,
}


def _save(a: Assessment, code: str, actor: User, form: django_forms.Form) -> None:
    data = form.cleaned_data
    services.score_save(
        a, code, actor=actor, points=data.get("points"), explanation=data["explanation"]
    )


def _evidence(a: Assessment, code: str, actor: User, form: django_forms.Form) -> None:
    data = form.cleaned_data
    note = data["note"]
    # One row per file and one for the link and number: all of them, or none.
    with transaction.atomic():
        for uploaded in data["files"]:
            services.evidence_add(a, code, actor=actor, file=uploaded, note=note)
        if data["link"] or data["document"]:
            services.evidence_add(
                a, code, actor=actor, link=data["link"], document=data["document"], note=note
            )


def _annotate(a: Assessment, code: str, actor: User, form: django_forms.Form) -> None:
    services.score_annotate(a, code, actor=actor, text=form.cleaned_data["text"])


def _review(a: Assessment, code: str, actor: User, form: django_forms.Form) -> None:
    services.score_review(
        a,
        code,
        actor=actor,
        decision=form.cleaned_data["decision"],
        points=form.points_value(),
        comment=form.cleaned_data["comment"],
    )


def _answer(a: Assessment, code: str, actor: User, form: django_forms.Form) -> None:
    services.clarification_answer(a, code, actor=actor, answer=form.cleaned_data["answer"])


PERFORM_CRITERION: dict[str, Callable[[Assessment, str, User, django_forms.Form], None]] = {
    "tu-danh-gia": _save,
    "tai-lieu": _evidence,
    "ghi-chu": _annotate,
    "tham-dinh": _review,
    "giai-trinh": _answer,
}

# A refusal's field as the services name it → the form's field.
FIELD_ALIASES = {
    "file": "files",
    "annotation": "text",
    "self_points": "points",
    "appraised_points": "points",
}


def error_field(form: django_forms.Form, field: str) -> str | None:
    field = FIELD_ALIASES.get(field, field)
    return field if field in form.fields else None
