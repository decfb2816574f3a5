"""The item page (all fields, the sender's data for staff, attachments, history, deadlines) with
one form per action the officer may take now, and each action as one POST: access (404
outside scope) → form → one service → redirect with a message. A refusal (``FeedbackError``)
re-renders the page with the message next to the field it names, HTTP 400, nothing stored."""

from __future__ import annotations

from pathlib import PurePosixPath

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
from django.views.decorators.http import require_GET, require_POST

from cchc.core.security_log import security_event
from cchc.domain import feedback as rules
from cchc.feedback import selectors as sel
from cchc.feedback.models import (
    FeedbackAttachment,
    FeedbackEvent,
    FeedbackItem,
    ReplyTemplate,
    ReviewTest,
    Status,
)
from cchc.feedback.services import FeedbackError, feedback_duplicates
from cchc.feedback.staff._shared import A, deadline, visible_only
from cchc.feedback.staff.actions import (
    MSG_DONE,
    MSG_NOT_NOW,
    PERFORM,
    SPECS,
    available_slugs,
    build_form,
)
from cchc.org.models import User
from cchc.org.permissions import staff_required

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


def item_duplicates(item: FeedbackItem, user: User) -> list[FeedbackItem]:
    """The likely duplicates of ``item`` the officer may open (and merge it into)."""
    found = feedback_duplicates(
        phone=item.sender_phone,
        dossier_id=item.dossier_id,
        text=f"{item.title} {item.content}",
        exclude_pk=item.pk,
    )
    return visible_only(found, user)


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
    security_event("document.open", request=request, feedback=item.code, attachment=attachment.pk)
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
