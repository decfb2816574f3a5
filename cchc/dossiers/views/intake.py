"""Intake at the counter (tiếp nhận tại Bộ phận Một cửa): find the procedure, check the
documents against its checklist, then receive (Mẫu 01), request a supplement listing every
missing item in one go (Mẫu 02), or refuse with a reason (Mẫu 03)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from cchc.catalog.models import Procedure
from cchc.catalog.selectors import procedure_list
from cchc.catalog.services import procedure_current_version
from cchc.domain.lifecycle import TransitionError
from cchc.dossiers.forms import (
    DEFAULT_SUPPLEMENT_REASON,
    DocumentLineFormSet,
    IntakeForm,
    IntakeOutcome,
    ProcedureSearchForm,
    checklist_initial,
)
from cchc.dossiers.messages import input_message, transition_message
from cchc.dossiers.models import Dossier
from cchc.dossiers.services import (
    ApplicantData,
    DocumentData,
    DossierInputError,
    IntakeRequest,
    dossier_receive,
    dossier_refuse,
    dossier_register,
    dossier_request_supplement,
)
from cchc.dossiers.views._shared import dossier_key
from cchc.org.models import Agency, User
from cchc.org.permissions import staff_required
from cchc.org.selectors import agency_scope_root

INTAKE_ROLES = {User.Role.COUNTER_OFFICER, User.Role.LEADER}
SEARCH_LIMIT = 12
BACKDATE_PERMISSION = "dossiers.backdate_intake"
DONE = {
    IntakeOutcome.RECEIVE: gettext_lazy(
        "Đã tiếp nhận hồ sơ %(code)s. In giấy tiếp nhận và hẹn trả kết quả."
    ),
    IntakeOutcome.SUPPLEMENT: gettext_lazy("Đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."),
    IntakeOutcome.REFUSE: gettext_lazy("Đã lập phiếu từ chối tiếp nhận hồ sơ."),
}


def intake_unit(user: User) -> Agency:
    """The unit receiving at this counter; only counter officers and leaders receive."""
    unit = agency_scope_root(user)
    if user.role not in INTAKE_ROLES or unit is None:
        raise PermissionDenied
    return unit


def receivable_procedures(unit: Agency, q: str = "") -> QuerySet[Procedure]:
    """Procedures in force that ``unit`` receives (competent or receiving agency)."""
    return procedure_list(q=q, agency_code=unit.code, in_force_only=True)


@require_GET
@staff_required
def intake_procedures_view(request: HttpRequest) -> HttpResponse:
    """htmx: the procedures matching the search box (diacritics-insensitive)."""
    unit = intake_unit(request.user)
    search = ProcedureSearchForm(request.GET)
    q = search.cleaned_data["q"].strip() if search.is_valid() else ""
    results = list(receivable_procedures(unit, q)[:SEARCH_LIMIT]) if q else []
    return render(request, "dossiers/_intake_procedures.html", {"results": results, "q": q})


@require_http_methods(["GET", "POST"])
@staff_required
def intake_view(request: HttpRequest) -> HttpResponse:
    unit = intake_unit(request.user)
    params = request.POST if request.method == "POST" else request.GET
    code = params.get("procedure", "").strip()[:30]
    procedure = receivable_procedures(unit).filter(code=code).first() if code else None
    if procedure is None or request.method == "GET":
        return _page(request, unit, procedure, missing_code=code if procedure is None else "")
    outcome = request.POST.get("outcome", "")
    if outcome not in IntakeOutcome.CHOICES:
        outcome = IntakeOutcome.RECEIVE
    checklist, form = _forms(request, procedure, outcome)
    if not (checklist.is_valid() and form.is_valid()):
        return _page(request, unit, procedure, checklist=checklist, form=form, status=422)
    try:
        dossier = run_intake(outcome, request.user, procedure, form)
    except TransitionError as exc:
        messages.error(request, transition_message(exc))
        return _page(request, unit, procedure, checklist=checklist, form=form, status=409)
    except DossierInputError as exc:
        form.add_error(_intake_field(exc.field, outcome, form), input_message(exc))
        return _page(request, unit, procedure, checklist=checklist, form=form, status=422)
    messages.success(request, DONE[outcome] % {"code": dossier.reference})
    return redirect("dossiers:detail", dossier_key(dossier))


def _intake_field(field: str, outcome: str, form: IntakeForm) -> str | None:
    # The receive service calls the back-office entry reason "reason".
    if field == "reason" and outcome == IntakeOutcome.RECEIVE:
        return "backdate_reason"
    if field == "procedure_code":
        return None
    return field if field in form.fields else None


def _snapshot(procedure: Procedure) -> dict:
    version = procedure_current_version(procedure)
    return version.snapshot if version else {}


def _forms(
    request: HttpRequest, procedure: Procedure, outcome: str = IntakeOutcome.RECEIVE
) -> tuple[DocumentLineFormSet, IntakeForm]:
    snapshot = _snapshot(procedure)
    initial = checklist_initial(snapshot)
    can_backdate = request.user.has_perm(BACKDATE_PERMISSION)
    if request.method == "POST":
        checklist = DocumentLineFormSet(request.POST, prefix="doc", initial=initial)
        form = IntakeForm(
            request.POST,
            outcome=outcome,
            checklist=checklist,
            snapshot=snapshot,
            can_backdate=can_backdate,
        )
    else:
        checklist = DocumentLineFormSet(prefix="doc", initial=initial)
        form = IntakeForm(snapshot=snapshot, can_backdate=can_backdate)
    return checklist, form


def _page(
    request: HttpRequest,
    unit: Agency,
    procedure: Procedure | None,
    *,
    checklist: DocumentLineFormSet | None = None,
    form: IntakeForm | None = None,
    missing_code: str = "",
    status: int = 200,
) -> HttpResponse:
    search = ProcedureSearchForm(request.GET if request.method == "GET" else None)
    q = search.cleaned_data["q"].strip() if search.is_bound and search.is_valid() else ""
    snapshot: dict = {}
    if procedure is not None:
        if form is None:
            checklist, form = _forms(request, procedure)
        snapshot = form.snapshot
    lines = []
    if checklist is not None:
        docs = snapshot.get("documents", [])
        for index, line in enumerate(checklist.forms):
            doc = docs[index] if index < len(docs) else None
            lines.append({"form": line, "doc": doc, "extra": index - len(docs) + 1})
    context = {
        "unit": unit,
        "search": search,
        "q": q,
        "results": list(receivable_procedures(unit, q)[:SEARCH_LIMIT])
        if q and not procedure
        else [],
        "procedure": procedure,
        "snapshot": snapshot,
        "checklist": checklist,
        "lines": lines,
        "form": form,
        "missing_code": missing_code,
        "can_backdate": request.user.has_perm(BACKDATE_PERMISSION),
    }
    return render(request, "dossiers/intake_form.html", context, status=status)


def run_intake(outcome: str, actor: User, procedure: Procedure, form: IntakeForm) -> Dossier:
    """Receive; or register and then ask for a supplement / refuse, as one transaction (the
    applicant's dossier never exists half-done)."""
    data = form.cleaned_data
    request = IntakeRequest(
        procedure=procedure,
        applicant=ApplicantData(
            full_name=data["applicant_name"],
            kind=data["applicant_kind"],
            id_number=data["applicant_id_number"],
            phone=data["applicant_phone"],
            email=data.get("applicant_email") or "",
            address=data.get("applicant_address") or "",
        ),
        channel=data["channel"],
        return_method=data["return_method"],
        delivery_address=data.get("delivery_address") or "",
        documents=[DocumentData(**document) for document in form.documents()],
    )
    if outcome == IntakeOutcome.RECEIVE:
        return dossier_receive(
            actor=actor,
            request=request,
            received_at=data.get("received_at"),
            reason=data.get("backdate_reason") or "",
        )
    with transaction.atomic():
        dossier = dossier_register(actor=actor, request=request)
        if outcome == IntakeOutcome.SUPPLEMENT:
            dossier_request_supplement(
                actor=actor,
                dossier=dossier,
                items=form.supplement_items(),
                reason=(data.get("reason") or "").strip() or str(DEFAULT_SUPPLEMENT_REASON),
            )
        else:
            dossier_refuse(actor=actor, dossier=dossier, reason=data["reason"])
    return dossier
