"""Officers' pages for feedback and petitions (phản ánh, kiến nghị) under ``/can-bo/phan-anh/``:
the worklist with its tabs, the item page with one form per action the officer may take now,
the counter intake, attachments and the attention count in the menu.

Each action is one POST: access (404 outside scope) → form → one service → redirect with a
message. A refusal (``FeedbackError``) re-renders the page with the message next to the field
it names, HTTP 400, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from urllib.parse import urlencode

from django import forms as django_forms
from django.contrib import messages
from django.core.files.storage import default_storage
from django.db.models import Case, IntegerField, Q, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cchc.domain import feedback as rules
from cchc.dossiers.models import Dossier
from cchc.feedback import forms
from cchc.feedback import selectors as sel
from cchc.feedback.models import (
    FeedbackAttachment,
    FeedbackEvent,
    FeedbackItem,
    ReplyTemplate,
    ReviewTest,
    Status,
)
from cchc.feedback.services import (
    FeedbackError,
    FeedbackInput,
    Sender,
    actor_role,
    allowed_actions,
    feedback_approve,
    feedback_assign,
    feedback_classify,
    feedback_duplicates,
    feedback_extend,
    feedback_forward,
    feedback_merge,
    feedback_publish,
    feedback_receive,
    feedback_return_draft,
    feedback_submit_draft,
)
from cchc.org.models import User
from cchc.org.permissions import staff_required
from cchc.org.selectors import agency_scope_root

PAGE_SIZE = 25
TABS: tuple[tuple[str, object], ...] = (
    (sel.Tab.RECEIVED, _("Chờ phân loại")),
    (sel.Tab.FORWARD_OVERDUE, _("Quá hạn chuyển")),
    (sel.Tab.HANDLING, _("Đang xử lý")),
    (sel.Tab.AWAITING, _("Chờ duyệt")),
    (sel.Tab.DUE_SOON, _("Sắp đến hạn")),
    (sel.Tab.ANSWER_OVERDUE, _("Quá hạn trả lời")),
    (sel.Tab.ANSWERED, _("Chờ công khai")),
    (sel.Tab.DONE, _("Đã xong")),
)
ALERT_TABS = {sel.Tab.FORWARD_OVERDUE, sel.Tab.ANSWER_OVERDUE}
DEFAULT_TAB = sel.Tab.RECEIVED
A = rules.Action
CLASSIFY_ACTIONS = {A.REFUSE, A.ACCEPT, A.FORWARD, A.FORWARD_OUT}
EVENT_LABELS = {
    "receive": _("Tiếp nhận"),
    A.REFUSE: _("Không tiếp nhận"),
    A.ACCEPT: _("Phân loại, giao xử lý"),
    A.FORWARD: _("Chuyển cơ quan có thẩm quyền"),
    A.FORWARD_OUT: _("Chuyển cơ quan ngoài hệ thống"),
    A.MERGE: _("Gộp vào phản ánh khác"),
    A.SUBMIT_DRAFT: _("Trình dự thảo trả lời"),
    A.RETURN_DRAFT: _("Trả lại dự thảo"),
    A.APPROVE: _("Duyệt trả lời"),
    A.PUBLISH: _("Công khai trả lời"),
    A.EXTEND: _("Gia hạn trả lời"),
    A.REOPEN: _("Người gửi đề nghị xem xét lại"),
    "reassign": _("Chuyển lại cơ quan xử lý"),
    "assign": _("Giao cán bộ xử lý"),
}
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


def current_tab(value: str) -> str:
    return value if value in sel.Tab.__members__.values() else DEFAULT_TAB


def _page_number(value: str) -> int:
    return int(value) if value.isdigit() and 0 < len(value) < 7 else 1


# --- worklist ------------------------------------------------------------------------------


@require_GET
@staff_required
def worklist_view(request: HttpRequest) -> HttpResponse:
    tab = current_tab(request.GET.get("tab", ""))
    page = _page_number(request.GET.get("trang", ""))
    now = timezone.now()
    rows, more = sel.feedback_page(sel.feedback_worklist(request.user, tab, now), page, PAGE_SIZE)
    counts = sel.feedback_tab_counts(request.user, now)
    context = {
        "tab": tab,
        "tab_label": dict(TABS)[tab],
        "tabs": [(name, label, counts[name], name in ALERT_TABS) for name, label in TABS],
        "rows": [worklist_row(item, now) for item in rows],
        "next_query": urlencode({"tab": tab, "trang": page + 1}) if more else "",
        "prev_query": urlencode({"tab": tab, "trang": page - 1}) if page > 1 else "",
    }
    return render(request, "feedback/staff/worklist.html", context)


def worklist_row(item: FeedbackItem, now: datetime) -> dict:
    return {"item": item, "deadline": deadline(item, now)}


def deadline(item: FeedbackItem, now: datetime) -> dict | None:
    """The deadline that runs now: forwarding (Art. 9) while received, else the answer's."""
    if item.status == Status.RECEIVED:
        return {
            "label": _("Hạn phân loại, chuyển"),
            "at": item.forward_due_at,
            "overdue": item.forward_due_at < now,
        }
    if item.status in sel.CLOCK and item.answer_due_at is not None:
        return {
            "label": _("Hạn trả lời"),
            "at": item.answer_due_at,
            "overdue": rules.answer_overdue(rules.Status(item.status), item.answer_due_at, now),
        }
    return None


@require_GET
@staff_required
def attention_view(request: HttpRequest) -> HttpResponse:
    """htmx: the badge in the menu — items due soon or overdue in the officer's scope."""
    count = sel.feedback_attention_count(request.user, timezone.now())
    return render(request, "feedback/staff/_attention_badge.html", {"count": count})


# --- the item page -------------------------------------------------------------------------


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


def reply_templates(item: FeedbackItem) -> list[ReplyTemplate]:
    """The active templates of the item's category: the answering agency's own first, then
    the common ones."""
    agency = item.handling_agency or item.receiving_agency
    own = Q(agency__isnull=True)
    if agency is not None:
        own |= Q(agency_id=agency.unit.pk)
    return list(
        ReplyTemplate.objects.filter(own, category=item.category, active=True)
        .annotate(
            common=Case(When(agency__isnull=True, then=1), default=0, output_field=IntegerField())
        )
        .order_by("common", "title", "pk")
    )


def _template_id(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) < 10 else None


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


def item_duplicates(item: FeedbackItem, user: User) -> list[FeedbackItem]:
    """The likely duplicates of ``item`` the officer may open (and merge it into)."""
    found = feedback_duplicates(
        phone=item.sender_phone,
        dossier_id=item.dossier_id,
        text=f"{item.title} {item.content}",
        exclude_pk=item.pk,
    )
    return visible_only(found, user)


def visible_only(items: list[FeedbackItem], user: User) -> list[FeedbackItem]:
    if not items:
        return []
    visible = set(
        sel.feedback_visible_to(user)
        .filter(pk__in=[i.pk for i in items])
        .values_list("pk", flat=True)
    )
    return [i for i in items if i.pk in visible]


def letter_links(item: FeedbackItem) -> list[tuple[str, str]]:
    """The answer letter (another part of the app builds it): linked when its URL exists."""
    if item.status not in (Status.ANSWERED, Status.PUBLISHED):
        return []
    links = []
    for fmt, label in (("pdf", "PDF"), ("docx", "DOCX")):
        url = _reverse_letter(item.code, fmt)
        if url:
            links.append((url, label))
    return links


def _reverse_letter(code: str, fmt: str) -> str:
    for kwargs in ({"code": code, "fmt": fmt}, None):
        try:
            if kwargs is None:
                return reverse("feedback:letter", args=[code, fmt])
            return reverse("feedback:letter", kwargs=kwargs)
        except NoReverseMatch:
            continue
    return ""


@require_GET
@staff_required
def item_view(request: HttpRequest, code: str) -> HttpResponse:
    item = sel.feedback_get_for_user(request.user, code)
    return render_item_page(request, item)


def render_item_page(
    request: HttpRequest,
    item: FeedbackItem,
    *,
    bound: tuple[str, django_forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    open_now = item.status in (Status.RECEIVED, Status.HANDLING)
    duplicates = item_duplicates(item, request.user) if open_now else []
    slugs = available_slugs(item, request.user, now, duplicates)
    templates = reply_templates(item) if "du-thao" in slugs else []
    chosen = _template_id(request.GET.get("mau", ""))
    cards = []
    for slug in slugs:
        if bound is not None and bound[0] == slug:
            form = bound[1]
        else:
            form = build_form(slug, item, duplicates=duplicates, templates=templates, chosen=chosen)
        cards.append(
            {
                "spec": SPECS[slug],
                "form": form,
                "open": (bound is not None and bound[0] == slug)
                or (slug == "du-thao" and chosen is not None),
            }
        )
    events = list(
        FeedbackEvent.objects.filter(item=item)
        .select_related("agency", "to_agency")
        .order_by("seq")
    )
    context = {
        "item": item,
        "now": now,
        "deadline": deadline(item, now),
        "forward_overdue": item.status == Status.RECEIVED and item.forward_due_at < now,
        "answer_overdue": rules.answer_overdue(rules.Status(item.status), item.answer_due_at, now),
        "attachments": list(item.attachments.order_by("pk")),
        "events": [
            {"event": e, "label": EVENT_LABELS.get(e.action, e.action), "status": _status(e)}
            for e in events
        ],
        "edits": list(item.publication_edits.select_related("actor").order_by("at", "pk")),
        "duplicates": duplicates,
        "cards": cards,
        "templates": templates,
        "chosen_template": chosen,
        "letters": letter_links(item),
        "review_rows": _review_rows(item),
    }
    return render(request, "feedback/staff/item_detail.html", context, status=status)


STATUS_LABELS = dict(Status.choices)


def _status(event: FeedbackEvent) -> str:
    if event.from_status == event.to_status:
        return ""
    before = STATUS_LABELS.get(event.from_status, "—") if event.from_status else "—"
    return f"{before} → {STATUS_LABELS.get(event.to_status, event.to_status)}"


def _review_rows(item: FeedbackItem) -> list[dict]:
    review = item.review or {}
    return [
        {"label": label, **review[test]}
        for test, label in ReviewTest.choices
        if isinstance(review.get(test), dict)
    ]


@require_POST
@staff_required
def action_view(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    spec = SPECS.get(slug)
    if spec is None:
        raise Http404
    item = sel.feedback_get_for_user(request.user, code)
    duplicates = item_duplicates(item, request.user) if slug == "gop" else []
    form = build_form(slug, item, data=request.POST, duplicates=duplicates)
    # The merge form is offered only with suggestions; its choice is checked by the form.
    if slug not in available_slugs(item, request.user, timezone.now(), [item]):
        messages.error(request, MSG_NOT_NOW)
        return render_item_page(request, item, status=400)
    if not form.is_valid():
        return render_item_page(request, item, bound=(slug, form), status=400)
    try:
        PERFORM[slug](item, request.user, form, duplicates)
    except FeedbackError as refused:
        field = refused.field if refused.field in form.fields else None
        if field is None and refused.field.startswith("review"):
            field = "review_outcome" if "review_outcome" in form.fields else None
        form.add_error(field, refused.message)
        return render_item_page(request, item, bound=(slug, form), status=400)
    messages.success(request, MSG_DONE[slug])
    return redirect("feedback:detail", item.code)


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


# --- attachments ---------------------------------------------------------------------------


@require_GET
@staff_required
def attachment_view(request: HttpRequest, code: str, pk: int) -> FileResponse:
    """A file the sender attached, as a download, for officers who may open the item."""
    item = sel.feedback_get_for_user(request.user, code)
    attachment = FeedbackAttachment.objects.filter(item=item, pk=pk).first()
    if attachment is None or not default_storage.exists(attachment.file.name):
        raise Http404
    ext = PurePosixPath(attachment.file.name).suffix
    stem = slugify(PurePosixPath(attachment.original_name).stem)[:60] or "tep-dinh-kem"
    response = FileResponse(
        default_storage.open(attachment.file.name, "rb"),
        as_attachment=True,
        filename=f"{stem}{ext}",
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- counter intake ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_required
def intake_view(request: HttpRequest) -> HttpResponse:
    """An item received at the counter, by post, by phone or by e-mail. Before saving, the
    likely duplicates are shown and the officer confirms a new item (a second step)."""
    if request.method == "GET":
        form = forms.IntakeForm(initial={"channel": "counter", "kind": "phan_anh"})
        return _intake_page(request, form)
    form = forms.IntakeForm(request.POST, request.FILES)
    if not form.is_valid():
        return _intake_page(request, form, status=400)
    data = form.cleaned_data
    dossier_id = None
    if data["dossier_code"].strip():
        dossier_id = (
            Dossier.objects.filter(code=data["dossier_code"].strip())
            .values_list("pk", flat=True)
            .first()
        )
    duplicates = visible_only(
        feedback_duplicates(
            phone=data["sender_phone"],
            dossier_id=dossier_id,
            text=f"{data['title']} {data['content']}",
        ),
        request.user,
    )
    if duplicates and not data.get("confirm_new"):
        return _intake_page(
            request, form, duplicates=duplicates, files_dropped=bool(data["attachments"])
        )
    try:
        item = feedback_receive(
            FeedbackInput(
                kind=data["kind"],
                category=data["category"],
                title=data["title"],
                content=data["content"],
                sender=Sender(
                    name=data["sender_name"],
                    address=data["sender_address"],
                    phone=data["sender_phone"],
                    email=data.get("sender_email", ""),
                    id_number=data.get("sender_id_number", ""),
                ),
                dossier_code=data.get("dossier_code", ""),
                procedure=data.get("procedure"),
                subject_agency=data.get("subject_agency"),
            ),
            channel=data["channel"],
            actor=request.user,
            files=data["attachments"],
            receiving_agency=agency_scope_root(request.user),
        )
    except FeedbackError as refused:
        form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        return _intake_page(request, form, status=400)
    messages.success(
        request, _("Đã tiếp nhận phản ánh, kiến nghị mã %(code)s.") % {"code": item.code}
    )
    return redirect("feedback:detail", item.code)


def _intake_page(
    request: HttpRequest,
    form: forms.IntakeForm,
    *,
    duplicates: list | None = None,
    files_dropped: bool = False,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "feedback/staff/intake_form.html",
        {"form": form, "duplicates": duplicates or [], "files_dropped": files_dropped},
        status=status,
    )
