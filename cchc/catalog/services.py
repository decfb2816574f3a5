"""Writes to the catalogue: validating a procedure and publishing, amending or abolishing it.

Each publishing decision (quyết định công bố) freezes the procedure into a new
``ProcedureVersion`` so that dossiers keep the version they were received under (DOMAIN A4).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from cchc.catalog.models import Procedure, ProcedureVersion, ProcessStep

ERR_STEPS_EXCEED = N_(
    "Tổng thời gian các bước ({steps} giờ) vượt thời hạn giải quyết ({legal} giờ)."
)
ERR_NO_STEPS = N_("Thủ tục chưa có quy trình nội bộ.")
ERR_NO_LEADER_STEP = N_("Quy trình nội bộ phải có bước lãnh đạo xem xét, ký duyệt kết quả.")
ERR_ALREADY_ABOLISHED = N_("Thủ tục đã bị bãi bỏ trước đó.")
ERR_ABOLISHED = N_("Thủ tục đã bị bãi bỏ, không thể công bố lại.")


def steps_fit_legal_time(step_hours: list[Decimal], legal_hours: Decimal) -> str | None:
    """The internal process must fit the legal time (DOMAIN A3: "the sum must fit the legal
    time"). Returns the Vietnamese error, or ``None`` when it fits."""
    total = sum(step_hours, Decimal(0))
    if total > legal_hours:
        return _(ERR_STEPS_EXCEED).format(steps=_num(total), legal=_num(legal_hours))
    return None


def _num(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def process_problems(steps: list[tuple[str, Decimal]], legal_hours: Decimal) -> list[str]:
    """What is wrong with an internal process given as ``(role, budget hours)`` pairs: no
    steps, no leader's approval step, or budgets beyond the legal time. Shared by publishing,
    the admin form and the Excel import."""
    errors = []
    if not steps:
        errors.append(_(ERR_NO_STEPS))
    elif not any(role == ProcessStep.Role.LEADER for role, _hours in steps):
        errors.append(_(ERR_NO_LEADER_STEP))
    problem = steps_fit_legal_time([hours for _role, hours in steps], legal_hours)
    if problem:
        errors.append(problem)
    return errors


def procedure_check(procedure: Procedure) -> list[str]:
    """Errors that prevent publishing ``procedure`` (empty when it can be published)."""
    steps = [(step.role, step.budget_hours) for step in procedure.steps.all()]
    return process_problems(steps, procedure.processing_hours)


def procedure_snapshot(procedure: Procedure) -> dict:
    """Everything a dossier needs to know about the version it is received under."""
    return {
        "code": procedure.code,
        "name": procedure.name,
        "field": {"code": procedure.field.code, "name": procedure.field.name},
        "levels": {
            "province": procedure.at_province,
            "district": procedure.at_district,
            "commune": procedure.at_commune,
        },
        "competent_agency": procedure.competent_agency.code if procedure.competent_agency else None,
        "competent_text": procedure.competent_text,
        "processing_time": str(procedure.processing_time),
        "processing_unit": procedure.processing_unit,
        "cutoff_time": procedure.cutoff_time.strftime("%H:%M") if procedure.cutoff_time else None,
        "supplement_clock": procedure.supplement_clock,
        "online_mode": procedure.online_mode,
        "legacy_level": procedure.legacy_level,
        "postal_submission": procedure.postal_submission,
        "postal_return": procedure.postal_return,
        "inter_agency": procedure.inter_agency,
        "result_name": procedure.result_name,
        "applicant_requirements": procedure.applicant_requirements,
        "receiving_agencies": sorted(a.code for a in procedure.receiving_agencies.all()),
        "documents": [
            {
                "order": d.order,
                "name": d.name,
                "form": d.form,
                "count": d.count,
                "optional": d.is_optional,
            }
            for d in procedure.documents.all()
        ],
        "fees": [
            {"order": f.order, "name": f.name, "amount_vnd": f.amount_vnd}
            for f in procedure.fees.all()
        ],
        "legal_bases": [b.text for b in procedure.legal_bases.all()],
        "steps": [
            {
                "order": s.order,
                "name": s.name,
                "agency": s.agency.code if s.agency else None,
                "role": s.role,
                "budget_hours": str(s.budget_hours),
            }
            for s in procedure.steps.select_related("agency")
        ],
    }


@transaction.atomic
def procedure_publish(
    *,
    actor: object | None,
    procedure: Procedure,
    decision_number: str,
    decision_date: date | None,
) -> ProcedureVersion:
    """Publish (or amend) ``procedure`` under a decision: a new immutable version.

    The first publication makes it *published* (mới ban hành); later ones *amended* (sửa đổi,
    bổ sung), and the earlier versions are marked amended.
    """
    procedure = Procedure.objects.select_for_update().get(pk=procedure.pk)
    if procedure.status == Procedure.Status.ABOLISHED:
        raise ValidationError(_(ERR_ABOLISHED))
    errors = procedure_check(procedure)
    if errors:
        raise ValidationError(errors)
    procedure.version = _next_version_number(procedure)
    procedure.status = (
        Procedure.Status.PUBLISHED if procedure.version == 1 else Procedure.Status.AMENDED
    )
    procedure.decision_number = decision_number
    procedure.decision_date = decision_date
    procedure.save()
    procedure.versions.exclude(status=Procedure.Status.AMENDED).update(
        status=Procedure.Status.AMENDED
    )
    return ProcedureVersion.objects.create(
        procedure=procedure,
        number=procedure.version,
        status=procedure.status,
        decision_number=decision_number,
        decision_date=decision_date,
        published_by=actor,
        snapshot=procedure_snapshot(procedure),
    )


@transaction.atomic
def procedure_abolish(
    *, actor: object | None, procedure: Procedure, decision_number: str, decision_date: date | None
) -> ProcedureVersion:
    """Abolish ``procedure`` (bãi bỏ); its history stays, new dossiers are no longer received."""
    procedure = Procedure.objects.select_for_update().get(pk=procedure.pk)
    if procedure.status == Procedure.Status.ABOLISHED:
        raise ValidationError(_(ERR_ALREADY_ABOLISHED))
    procedure.version = _next_version_number(procedure)
    procedure.status = Procedure.Status.ABOLISHED
    procedure.decision_number = decision_number
    procedure.decision_date = decision_date
    procedure.save()
    procedure.versions.exclude(status=Procedure.Status.AMENDED).update(
        status=Procedure.Status.AMENDED
    )
    return ProcedureVersion.objects.create(
        procedure=procedure,
        number=procedure.version,
        status=Procedure.Status.ABOLISHED,
        decision_number=decision_number,
        decision_date=decision_date,
        published_by=actor,
        snapshot=procedure_snapshot(procedure),
    )


def _next_version_number(procedure: Procedure) -> int:
    # Counted from the versions themselves: a stale in-memory procedure saved elsewhere cannot
    # make two versions share a number.
    latest = procedure.versions.order_by("-number").values_list("number", flat=True).first()
    return (latest or 0) + 1


def procedure_current_version(procedure: Procedure) -> ProcedureVersion | None:
    return procedure.versions.order_by("-number").first()
