"""The dossier page (route, documents, clocks, timeline, print links) and the actions on it.

Each action is one POST: access (404 outside scope) → form → one service → redirect with a
Vietnamese message. A refused transition re-renders the page with the service's message
(HTTP 409); an input error goes back onto the form field the service names.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.contrib import messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from cchc.core.calendar import current_calendar
from cchc.domain import lifecycle
from cchc.domain.lifecycle import Action, Role, TransitionError
from cchc.domain.workdays import VN_TZ
from cchc.dossiers import forms
from cchc.dossiers.actions import ACTIONS, BY_ACTION, BY_SLUG, DossierAction, perform
from cchc.dossiers.forms.intake import paper_checklist
from cchc.dossiers.messages import input_message, transition_message
from cchc.dossiers.models import Dossier, DossierStep
from cchc.dossiers.selectors import dossier_get_for_user, dossier_overdue
from cchc.dossiers.services import DossierInputError
from cchc.dossiers.services._common import outstanding_fees
from cchc.dossiers.views._shared import (
    EVENT_LABELS,
    ROLE_LABELS,
    StoredFile,
    allowed_actions_for,
    check_allowed,
    dossier_clock_view,
    dossier_key,
    late_without_apology,
    step_clock_view,
    store_result_file,
)
from cchc.org.models import User
from cchc.org.permissions import staff_required

logger = logging.getLogger(__name__)

TO_APPLICANT = {Action.RETURN_RESULT, Action.WITHDRAW, Action.STOP}
PRINTABLE = (
    ("receipt", gettext_lazy("Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)")),
    ("supplement", gettext_lazy("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)")),
    ("refusal", gettext_lazy("Phiếu từ chối (Mẫu 03)")),
    ("apology", gettext_lazy("Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)")),
    ("control-sheet", gettext_lazy("Phiếu kiểm soát quá trình giải quyết (Mẫu 05)")),
)


@require_GET
@staff_required
def dossier_detail_view(request: HttpRequest, code: str) -> HttpResponse:
    dossier = dossier_get_for_user(request.user, code)
    return render_dossier_page(request, dossier)


@require_POST
@staff_required
def dossier_action_view(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    spec = BY_SLUG.get(slug)
    if spec is None:
        raise Http404
    dossier = dossier_get_for_user(request.user, code)
    form = build_form(spec, dossier, request, bound=True)
    try:
        check_allowed(dossier, request.user, spec.action, timezone.now())
        if not form.is_valid():
            return render_dossier_page(request, dossier, bound=(spec, form), status=422)
        arguments = _stored(form.arguments())
        try:
            perform(spec, actor=request.user, dossier=dossier, arguments=arguments)
        except BaseException:
            _discard_unreferenced(arguments)
            raise
    except TransitionError as exc:
        messages.error(request, transition_message(exc))
        return render_dossier_page(request, dossier, status=409)
    except DossierInputError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, input_message(exc))
        return render_dossier_page(request, dossier, bound=(spec, form), status=422)
    messages.success(request, spec.done)
    dossier.refresh_from_db(fields=["code"])
    return redirect("dossiers:detail", dossier_key(dossier))


def _stored(arguments: dict) -> dict:
    """Uploads are stored before the service records them (ARCHITECTURE "Data is never
    lost"): the approving leader's signed result PDF."""
    return {
        name: store_result_file(value) if isinstance(value, UploadedFile) else value
        for name, value in arguments.items()
    }


def _discard_unreferenced(arguments: dict) -> None:
    """Delete the files ``_stored`` wrote for an action the service then refused (the state
    changed under the lock, an input error) or failed on: no row refers to them, and a signed
    result names the applicant. A file a committed row does refer to is kept. A process killed
    here leaves the file to the orphan sweep (``cchc.dossiers.jobs.uploads_sweep``)."""
    for value in arguments.values():
        if not isinstance(value, StoredFile):
            continue
        if Dossier.objects.filter(result_file=value.name).exists():
            continue
        try:
            default_storage.delete(value.name)
        except OSError:  # a read-only or failing volume: the sweep retries later
            logger.exception("Could not delete the refused action's file %s", value.name)


def build_form(
    spec: DossierAction,
    dossier: Dossier,
    request: HttpRequest,
    *,
    bound: bool = False,
    steps: list[DossierStep] | None = None,
    outstanding: int | None = None,
) -> forms.DossierActionForm:
    kwargs: dict = {"dossier": dossier, "user": request.user, "prefix": spec.slug}
    if spec.form is forms.ForwardForm:
        kwargs["next_step"] = next_step(dossier, steps)
    if spec.form is forms.PayForm:
        kwargs["outstanding"] = outstanding_fees(dossier) if outstanding is None else outstanding
    if bound:
        return spec.form(request.POST, request.FILES, **kwargs)
    return spec.form(**kwargs)


def next_step(dossier: Dossier, steps: list[DossierStep] | None = None) -> DossierStep | None:
    """The step a forward hands the dossier to (the counter's return step is not one)."""
    current = dossier.current_step
    after = current.order if current else 0
    if steps is None:
        steps = list(dossier.steps.select_related("agency").order_by("order"))
    return next(
        (s for s in steps if s.order > after and s.role != Role.COUNTER_OFFICER),
        None,
    )


def render_dossier_page(
    request: HttpRequest,
    dossier: Dossier,
    *,
    bound: tuple[DossierAction, forms.DossierActionForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    context = dossier_page_context(request, dossier, now, bound=bound)
    return render(request, "dossiers/dossier_detail.html", context, status=status)


def dossier_page_context(
    request: HttpRequest,
    dossier: Dossier,
    now: datetime,
    *,
    bound: tuple[DossierAction, forms.DossierActionForm] | None = None,
) -> dict:
    steps = list(dossier.steps.select_related("agency", "holder", "finished_by").order_by("order"))
    outstanding = outstanding_fees(dossier)
    late = late_without_apology(dossier, now)
    allowed = allowed_actions_for(dossier, request.user, now)
    documents = list(dossier.documents.select_related("supplement").order_by("id"))
    return {
        "dossier": dossier,
        "key": dossier_key(dossier),
        "now": now,
        "clock": dossier_clock_view(dossier, now),
        "overdue": dossier_overdue(dossier, now),
        "late_without_apology": late,
        "paused": dossier.lifecycle_status in lifecycle.CLOCK_PAUSED,
        "steps": step_rows(dossier, steps, now),
        "documents": documents,
        "papers": paper_checklist(
            dossier.procedure_version.snapshot, [doc.name for doc in documents]
        ),
        "supplements": list(dossier.supplements.select_related("requested_by")),
        "apologies": list(dossier.apologies.select_related("issued_by", "agency")),
        "fee_lines": list(dossier.fee_lines.order_by("id")),
        "payments": list(dossier.payments.select_related("recorded_by")),
        "shipments": list(dossier.shipments.order_by("handed_over_at")),
        "timeline": timeline(dossier),
        "outstanding": outstanding,
        "cards": action_cards(request, dossier, allowed, steps, outstanding, late, bound),
        "printable": printable_forms(dossier),
        "just_received": dossier.lifecycle_status == lifecycle.Status.RECEIVED
        and request.user.role in (User.Role.COUNTER_OFFICER, User.Role.LEADER),
    }


def step_rows(dossier: Dossier, steps: list[DossierStep], now: datetime) -> list[dict]:
    cal = current_calendar()
    rows = []
    for step in steps:
        used = None
        if step.state == DossierStep.State.DONE and step.started_at and step.finished_at:
            spent = cal.working_seconds_between(step.started_at, step.finished_at)
            used = max(spent - step.paused_seconds, 0)
        active = step.state == DossierStep.State.ACTIVE and dossier.current_step_id == step.pk
        rows.append(
            {
                "step": step,
                "role_label": ROLE_LABELS.get(step.role, step.role),
                "active": active,
                "clock": step_clock_view(step, dossier, now) if active else None,
                "used": used,
                # By the step's own due moment, as the control sheet (Mẫu 05) judges it (A3).
                "late": used is not None
                and step.due_at is not None
                and lifecycle.timeliness(step.finished_at, step.due_at, VN_TZ)
                == lifecycle.Timeliness.LATE,
            }
        )
    return rows


def timeline(dossier: Dossier) -> list[dict]:
    """Every event, oldest first, with its label and the status change in words."""
    labels = dict(Dossier.Status.choices)
    applicant = _("Tổ chức, cá nhân: %(name)s") % {"name": dossier.applicant_name}
    return [
        {
            "event": event,
            "label": EVENT_LABELS.get(event.action, event.action),
            "from_status": labels.get(event.from_status, ""),
            "to_status": labels.get(event.to_status, ""),
            "changed": event.from_status != event.to_status,
            "to_holder": event.to_holder
            or (applicant if event.action in TO_APPLICANT and event.from_holder else ""),
        }
        for event in dossier.events.order_by("seq")
    ]


def action_cards(
    request: HttpRequest,
    dossier: Dossier,
    allowed: list[Action],
    steps: list[DossierStep],
    outstanding: int,
    late: bool,
    bound: tuple[DossierAction, forms.DossierActionForm] | None,
) -> list[dict]:
    """One card per action allowed now, in a working order: the apology first when the
    dossier is late, then the table's order; the fee form only while something is owed."""
    on_page = [d for d in ACTIONS if d.form is not None]
    specs = [s for s in on_page if s.action in allowed and s.action != Action.APOLOGIZE]
    if Action.APOLOGIZE in allowed:
        apology = BY_ACTION[Action.APOLOGIZE]
        specs = [apology, *specs] if late else [*specs, apology]
    if not outstanding:
        specs = [s for s in specs if s.action != Action.PAY]
    cards = []
    for spec in specs:
        if bound is not None and bound[0] == spec:
            form, is_open = bound[1], True
        else:
            form = build_form(spec, dossier, request, steps=steps, outstanding=outstanding)
            is_open = late and spec.action == Action.APOLOGIZE
        cards.append({"spec": spec, "form": form, "open": is_open})
    return cards


def printable_forms(dossier: Dossier) -> list[tuple[str, str]]:
    """The official forms this dossier has (the print views refuse the others)."""
    received = bool(dossier.code and dossier.received_at)
    has = {
        "receipt": received,
        "supplement": dossier.intake_supplement_count + dossier.processing_supplement_count > 0,
        "refusal": dossier.lifecycle_status == lifecycle.Status.REFUSED
        or dossier.outcome == Dossier.Outcome.REJECTED,
        "apology": dossier.apology_count > 0,
        "control-sheet": received,
    }
    return [(kind, label) for kind, label in PRINTABLE if has[kind]]
