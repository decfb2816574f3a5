"""The assessment page, the criterion page and their actions, each POST one service call:
access (404 outside the reader's scope) → form → service → redirect with a message. A refusal
(``AssessmentError``) re-renders the page with the message by the field it names, HTTP 400,
nothing stored."""

from __future__ import annotations

from pathlib import PurePosixPath

from django import forms as django_forms
from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from cchc.core.security_log import security_event
from cchc.domain.assessment import OPEN_STATES
from cchc.org.permissions import staff_required
from cchc.parindex import selectors, services
from cchc.parindex.assessment_pages import actions
from cchc.parindex.assessment_pages.tree import Node, assessment_tree, flatten, totals
from cchc.parindex.models import Assessment, AssessmentEvent, Evidence
from cchc.parindex.selectors import province_sources
from cchc.parindex.services import AssessmentError

EVENT_LABELS = {
    "open": _("Mở bản đánh giá"),
    "score": _("Tự đánh giá tiêu chí"),
    "evidence_add": _("Thêm tài liệu kiểm chứng"),
    "evidence_remove": _("Gỡ tài liệu kiểm chứng"),
    "annotate": _("Ghi chú tiêu chí"),
    "answer": _("Giải trình tiêu chí"),
    "submit": _("Gửi kết quả tự đánh giá"),
    "review_accept": _("Thẩm định: đồng ý"),
    "review_adjust": _("Thẩm định: điều chỉnh điểm"),
    "review_clarify": _("Thẩm định: yêu cầu giải trình"),
    "request_clarification": _("Chuyển đơn vị giải trình"),
    "appraise": _("Hoàn thành thẩm định"),
    "confirm": _("Hội đồng xác nhận"),
    "send_back": _("Hội đồng trả lại"),
    "publish": _("Công bố kết quả"),
    "reopen": _("Mở lại để điều chỉnh"),
    "refresh": _("Cập nhật số liệu trên hệ thống"),
    "task_create": _("Giao nhiệm vụ khắc phục"),
    "task_update": _("Cập nhật nhiệm vụ khắc phục"),
}
STATUS_LABELS = dict(Assessment.Status.choices)


def assessment_for(request: HttpRequest, year: int, kind: str, agency: str) -> Assessment:
    return selectors.assessment_get_for_user(request.user, year, kind, agency)


def assessment_url(assessment: Assessment) -> str:
    return reverse("parindex:assessment", args=url_args(assessment))


def url_args(assessment: Assessment) -> tuple:
    return (assessment.framework.year, assessment.framework.unit_kind, assessment.agency.code)


# --- the assessment page ---------------------------------------------------------------------


@require_POST
@staff_required
def assessment_refresh_view(
    request: HttpRequest, year: int, kind: str, agency: str
) -> HttpResponse:
    """Recount the live and survey criteria now (``services.live_refresh_for``)."""
    assessment = assessment_for(request, year, kind, agency)
    try:
        services.live_refresh_for(assessment, actor=request.user)
    except AssessmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã cập nhật số liệu trên hệ thống."))
    return redirect("parindex:assessment", *url_args(assessment))


@require_GET
@staff_required
def assessment_view(request: HttpRequest, year: int, kind: str, agency: str) -> HttpResponse:
    return render_assessment(request, assessment_for(request, year, kind, agency))


def render_assessment(
    request: HttpRequest,
    assessment: Assessment,
    *,
    bound: tuple[str, django_forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    allowed = set(services.allowed_actions(assessment, request.user))
    tree = assessment_tree(assessment)
    cards = []
    for slug in actions.assessment_slugs(allowed):
        spec = actions.ASSESSMENT_ACTIONS[slug]
        own = bound is not None and bound[0] == slug
        cards.append(
            {
                "spec": spec,
                "form": bound[1] if own else actions.build_form(spec),
                "open": own,
                "url": reverse("parindex:assessment_action", args=(*url_args(assessment), slug)),
            }
        )
    context = {
        "assessment": assessment,
        "framework": assessment.framework,
        "rows": flatten(tree.roots),
        "totals": totals(tree, assessment.framework),
        "cards": cards,
        "can_publish": actions.PUBLISH in allowed,
        "can_refresh": bool(services.actor_roles(assessment, request.user))
        and assessment.status in OPEN_STATES,
        "pending_clarification": [
            n for n in tree.by_code.values() if n.score.review == n.score.Review.CLARIFY
        ],
        "args": url_args(assessment),
    }
    return render(request, "parindex/assessment/assessment_detail.html", context, status=status)


@require_POST
@staff_required
def assessment_action_view(
    request: HttpRequest, year: int, kind: str, agency: str, slug: str
) -> HttpResponse:
    spec = actions.ASSESSMENT_ACTIONS.get(slug)
    if spec is None:
        raise Http404
    assessment = assessment_for(request, year, kind, agency)
    if spec.action not in services.allowed_actions(assessment, request.user):
        messages.error(request, actions.MSG_NOT_NOW)
        return render_assessment(request, assessment, status=400)
    form = actions.build_form(spec, data=request.POST)
    if not form.is_valid():
        return render_assessment(request, assessment, bound=(slug, form), status=400)
    try:
        actions.PERFORM[slug](assessment, request.user, form)
    except AssessmentError as refused:
        form.add_error(actions.error_field(form, refused.field), refused.message)
        return render_assessment(request, assessment, bound=(slug, form), status=400)
    messages.success(request, spec.done)
    return redirect(assessment_url(assessment))


# --- one criterion ---------------------------------------------------------------------------


def node_for(assessment: Assessment, code: str) -> Node:
    node = assessment_tree(assessment).by_code.get(code)
    if node is None:
        raise Http404
    return node


@require_GET
@staff_required
def criterion_view(
    request: HttpRequest, year: int, kind: str, agency: str, code: str
) -> HttpResponse:
    assessment = assessment_for(request, year, kind, agency)
    return render_criterion(request, assessment, code)


def render_criterion(
    request: HttpRequest,
    assessment: Assessment,
    code: str,
    *,
    bound: tuple[str, django_forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    node = node_for(assessment, code)
    allowed = set(services.allowed_actions(assessment, request.user))
    args = (*url_args(assessment), code)
    cards = []
    for slug in actions.criterion_slugs(allowed, node.score, assessment.status):
        spec = actions.CRITERION_ACTIONS[slug]
        own = bound is not None and bound[0] == slug
        cards.append(
            {
                "spec": spec,
                "form": bound[1] if own else actions.build_form(spec, score=node.score),
                "url": reverse("parindex:criterion_action", args=(*args, slug)),
                "multipart": slug == "tai-lieu",
            }
        )
    context = {
        "assessment": assessment,
        "framework": assessment.framework,
        "node": node,
        "score": node.score,
        "cards": cards,
        "can_remove_evidence": actions.FILL in allowed,
        "args": url_args(assessment),
        # The province's own assessment: what the units said on the same criterion (§5).
        "sources": province_sources(assessment, node.criterion.code),
    }
    return render(request, "parindex/assessment/criterion_detail.html", context, status=status)


@require_POST
@staff_required
def criterion_action_view(
    request: HttpRequest, year: int, kind: str, agency: str, code: str, slug: str
) -> HttpResponse:
    spec = actions.CRITERION_ACTIONS.get(slug)
    if spec is None:
        raise Http404
    assessment = assessment_for(request, year, kind, agency)
    node = node_for(assessment, code)
    allowed = set(services.allowed_actions(assessment, request.user))
    if slug not in actions.criterion_slugs(allowed, node.score, assessment.status):
        messages.error(request, actions.MSG_NOT_NOW)
        return render_criterion(request, assessment, code, status=400)
    form = actions.build_form(spec, data=request.POST, files=request.FILES, score=node.score)
    if not form.is_valid():
        return render_criterion(request, assessment, code, bound=(slug, form), status=400)
    try:
        actions.PERFORM_CRITERION[slug](assessment, code, request.user, form)
    except AssessmentError as refused:
        form.add_error(actions.error_field(form, refused.field), refused.message)
        return render_criterion(request, assessment, code, bound=(slug, form), status=400)
    messages.success(request, spec.done)
    return redirect(reverse("parindex:criterion", args=(*url_args(assessment), code)))


@require_POST
@staff_required
def evidence_remove_view(
    request: HttpRequest, year: int, kind: str, agency: str, code: str, pk: int
) -> HttpResponse:
    assessment = assessment_for(request, year, kind, agency)
    evidence = _evidence(assessment, code, pk)
    try:
        services.evidence_remove(evidence, actor=request.user)
    except AssessmentError as refused:
        messages.error(request, refused.message)
        return render_criterion(request, assessment, code, status=400)
    messages.success(request, actions.MSG_EVIDENCE_REMOVED)
    return redirect(reverse("parindex:criterion", args=(*url_args(assessment), code)))


def _evidence(assessment: Assessment, code: str, pk: int) -> Evidence:
    evidence = (
        Evidence.objects.filter(
            pk=pk,
            score__assessment=assessment,
            score__criterion__code=code,
            removed_at__isnull=True,
        )
        .select_related("score")
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


@require_GET
@staff_required
def evidence_file_view(
    request: HttpRequest, year: int, kind: str, agency: str, code: str, pk: int
) -> FileResponse:
    """An evidence file, as a download, for those who may open the assessment."""
    assessment = assessment_for(request, year, kind, agency)
    evidence = _evidence(assessment, code, pk)
    if not evidence.file or not default_storage.exists(evidence.file.name):
        raise Http404
    ext = PurePosixPath(evidence.file.name).suffix
    stem = slugify(PurePosixPath(evidence.original_name).stem)[:60] or "tai-lieu-kiem-chung"
    security_event("document.open", request=request, assessment=assessment.pk, evidence=evidence.pk)
    response = FileResponse(
        default_storage.open(evidence.file.name, "rb"),
        as_attachment=True,
        filename=f"{stem}{ext}",
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- history ---------------------------------------------------------------------------------


@require_GET
@staff_required
def history_view(request: HttpRequest, year: int, kind: str, agency: str) -> HttpResponse:
    assessment = assessment_for(request, year, kind, agency)
    events = AssessmentEvent.objects.filter(assessment=assessment).order_by("seq")
    rows = [
        {
            "event": e,
            "label": EVENT_LABELS.get(e.action, e.action),
            "status": _status_change(e),
        }
        for e in events
    ]
    context = {
        "assessment": assessment,
        "framework": assessment.framework,
        "rows": rows,
        "args": url_args(assessment),
    }
    return render(request, "parindex/assessment/assessment_history.html", context)


def _status_change(event: AssessmentEvent) -> str:
    if event.from_status == event.to_status:
        return ""
    before = STATUS_LABELS.get(event.from_status, "—") if event.from_status else "—"
    return f"{before} → {STATUS_LABELS.get(event.to_status, event.to_status)}"
