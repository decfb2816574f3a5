"""The actions on a feedback item, one table: each form, when the officer may use it (the
services' own rules), its initial values and the one service call it makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from cchc.domain import feedback as rules
from cchc.feedback import forms
from cchc.feedback import selectors as sel
from cchc.feedback.models import FeedbackItem, ReplyTemplate, ReviewTest, Status
from cchc.feedback.services import (
    actor_role,
    allowed_actions,
    feedback_approve,
    feedback_assign,
    feedback_classify,
    feedback_extend,
    feedback_forward,
    feedback_merge,
    feedback_publish,
    feedback_return_draft,
    feedback_submit_draft,
)
from cchc.feedback.staff._shared import A
from cchc.org.models import User

CLASSIFY_ACTIONS = {A.REFUSE, A.ACCEPT, A.FORWARD, A.FORWARD_OUT}
MSG_NOT_NOW = _("Bạn không thể thực hiện thao tác này với phản ánh ở thời điểm hiện tại.")
MSG_DONE = {
    "phan-loai": _("Đã phân loại phản ánh."),
    "chuyen": _("Đã chuyển phản ánh."),
    "giao": _("Đã giao cán bộ xử lý."),
    "gop": _("Đã gộp phản ánh."),
    "du-thao": _("Đã trình dự thảo trả lời."),
    "tra-lai": _("Đã trả lại dự thảo."),
    "duyet": _("Đã duyệt trả lời; người gửi được thông báo."),
    "cong-khai": _("Đã công khai trả lời."),
    "gia-han": _("Đã gia hạn thời hạn trả lời."),
}


@dataclass(frozen=True)
class ActionSpec:
    slug: str
    title: object
    button: object
    form: type[django_forms.Form]
    danger: bool = False


SPECS = {
    spec.slug: spec
    for spec in (
        ActionSpec("phan-loai", _("Phân loại (Điều 9)"), _("Phân loại"), forms.ClassifyForm),
        ActionSpec("chuyen", _("Chuyển cơ quan khác"), _("Chuyển"), forms.ForwardForm),
        ActionSpec("giao", _("Giao cán bộ xử lý"), _("Giao"), forms.AssignForm),
        ActionSpec("gop", _("Gộp vào phản ánh trùng"), _("Gộp"), forms.MergeForm, danger=True),
        ActionSpec("du-thao", _("Dự thảo trả lời"), _("Trình lãnh đạo duyệt"), forms.DraftForm),
        ActionSpec("tra-lai", _("Trả lại dự thảo"), _("Trả lại"), forms.ReasonForm, danger=True),
        ActionSpec("duyet", _("Duyệt trả lời"), _("Duyệt và gửi người gửi"), forms.ApproveForm),
        ActionSpec("cong-khai", _("Công khai trả lời"), _("Công khai"), forms.PublishForm),
        ActionSpec("gia-han", _("Gia hạn trả lời"), _("Gia hạn"), forms.ExtendForm),
    )
}


def available_slugs(item: FeedbackItem, user: User, now: datetime, duplicates: list) -> list[str]:
    """The action forms ``user`` may use on ``item`` now (the services' own rules)."""
    allowed = set(allowed_actions(item, user, now))
    slugs = []
    if item.status == Status.RECEIVED and allowed & {a.value for a in CLASSIFY_ACTIONS}:
        slugs.append("phan-loai")
    if item.status == Status.HANDLING and A.FORWARD.value in allowed:
        slugs.append("chuyen")
    if item.status in sel.CLOCK and actor_role(item, user) in (
        rules.Role.LEADER,
        rules.Role.RECEIVER,
    ):
        slugs.append("giao")
    if A.MERGE.value in allowed and duplicates:
        slugs.append("gop")
    for action, slug in (
        (A.SUBMIT_DRAFT, "du-thao"),
        (A.RETURN_DRAFT, "tra-lai"),
        (A.APPROVE, "duyet"),
        (A.PUBLISH, "cong-khai"),
        (A.EXTEND, "gia-han"),
    ):
        if action.value in allowed:
            slugs.append(slug)
    return slugs


def initial_for(
    slug: str, item: FeedbackItem, templates: list[ReplyTemplate], chosen: int | None
) -> dict:
    if slug == "du-thao":
        initial: dict = {"text": item.draft_answer, "review_outcome": item.review_outcome}
        template = next((t for t in templates if t.pk == chosen), None)
        if template is None and not item.draft_answer and templates:
            template = templates[0]
        if template is not None:
            initial["text"] = template.body
        for test in ReviewTest.values:
            entry = (item.review or {}).get(test) or {}
            if "met" in entry:
                initial[f"met_{test}"] = "yes" if entry["met"] else "no"
            initial[f"note_{test}"] = entry.get("note", "")
        return initial
    if slug == "cong-khai":
        return {
            "published_title": item.published_title,
            "published_content": item.published_content,
            "published_answer": item.published_answer,
        }
    if slug == "gia-han":
        return {"days": 10}
    return {}


def build_form(
    slug: str,
    item: FeedbackItem,
    *,
    data: object = None,
    duplicates: list | None = None,
    templates: list[ReplyTemplate] | None = None,
    chosen: int | None = None,
) -> django_forms.Form:
    spec = SPECS[slug]
    kwargs: dict = {"prefix": slug}
    if spec.form is forms.AssignForm:
        kwargs["handlers"] = sel.handlers_for(item)
    if spec.form is forms.MergeForm:
        kwargs["candidates"] = duplicates or []
    if spec.form is forms.DraftForm:
        kwargs["regulation"] = item.is_regulation
    if data is not None:
        return spec.form(data, **kwargs)
    return spec.form(initial=initial_for(slug, item, templates or [], chosen), **kwargs)


def _classify(item: FeedbackItem, actor: User, form: django_forms.Form, _dups: list) -> None:
    data = form.cleaned_data
    feedback_classify(
        item,
        actor,
        classification=data["classification"],
        agency=data.get("agency"),
        reason=data.get("reason", ""),
        external_authority=data.get("external_authority", ""),
    )


def _forward(item: FeedbackItem, actor: User, form: django_forms.Form, _dups: list) -> None:
    data = form.cleaned_data
    feedback_forward(
        item,
        actor,
        agency=data.get("agency"),
        external_authority=data.get("external_authority", ""),
        reason=data.get("reason", ""),
    )


def _assign(item: FeedbackItem, actor: User, form: django_forms.Form, _dups: list) -> None:
    feedback_assign(item, actor, handler=form.cleaned_data["handler"])


def _merge(item: FeedbackItem, actor: User, form: django_forms.Form, dups: list) -> None:
    into = next(d for d in dups if d.code == form.cleaned_data["into"])
    feedback_merge(item, actor, into=into)


def _draft(item: FeedbackItem, actor: User, form: django_forms.Form, _dups: list) -> None:
    feedback_submit_draft(
        item,
        actor,
        text=form.cleaned_data.get("text", ""),
        review=form.review(),
        outcome=form.cleaned_data.get("review_outcome", ""),
    )


def _return(item: FeedbackItem, actor: User, form: django_forms.Form, _dups: list) -> None:
    feedback_return_draft(item, actor, reason=form.cleaned_data.get("reason", ""))


def _approve(item: FeedbackItem, actor: User, form: django_forms.Form, _dups: list) -> None:
    feedback_approve(item, actor)


def _publish(item: FeedbackItem, actor: User, form: django_forms.Form, _dups: list) -> None:
    data = form.cleaned_data
    feedback_publish(
        item,
        actor,
        title=data.get("published_title", ""),
        content=data.get("published_content", ""),
        answer=data.get("published_answer", ""),
        reason=data.get("reason", ""),
    )


def _extend(item: FeedbackItem, actor: User, form: django_forms.Form, _dups: list) -> None:
    feedback_extend(
        item, actor, days=form.cleaned_data["days"], reason=form.cleaned_data.get("reason", "")
    )


PERFORM: dict[str, Callable[[FeedbackItem, User, django_forms.Form, list], None]] = {
    "phan-loai": _classify,
    "chuyen": _forward,
    "giao": _assign,
    "gop": _merge,
    "du-thao": _draft,
    "tra-lai": _return,
    "duyet": _approve,
    "cong-khai": _publish,
    "gia-han": _extend,
}
