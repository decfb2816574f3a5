"""Writing a checked workbook: fields, procedures, their lists and receiving agencies, then
publication through the catalogue services (one door per state change). Only what differs is
written, so an unchanged procedure keeps its rows and gets no new version."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cchc.catalog.excel.cells import RowReader
from cchc.catalog.excel.checks import Plan
from cchc.catalog.excel.layout import (
    CHILD_SHEETS,
    ERR_ABOLISHED_EDIT,
    SHEET_DOCUMENTS,
    SHEET_FEES,
    SHEET_LEGAL,
    SHEET_PROCEDURES,
    SHEET_STEPS,
    ImportResult,
    ImportRowError,
)
from cchc.catalog.models import (
    FeeItem,
    Field,
    LegalBasis,
    Procedure,
    ProcessStep,
    RequiredDocument,
)
from cchc.catalog.services import (
    procedure_abolish,
    procedure_current_version,
    procedure_publish,
    procedure_snapshot,
)

P = Procedure


class Rollback(Exception):
    def __init__(self, error: ImportRowError) -> None:
        self.error = error


_CHILDREN = {
    SHEET_DOCUMENTS: (
        "documents",
        lambda d: (d.order, d.name, d.form, d.count, d.is_optional),
        lambda p, v: RequiredDocument(
            procedure=p, order=v[0], name=v[1], form=v[2], count=v[3], is_optional=v[4]
        ),
    ),
    SHEET_FEES: (
        "fees",
        lambda f: (f.order, f.name, f.amount_vnd),
        lambda p, v: FeeItem(procedure=p, order=v[0], name=v[1], amount_vnd=v[2]),
    ),
    SHEET_LEGAL: (
        "legal_bases",
        lambda b: (b.order, b.text),
        lambda p, v: LegalBasis(procedure=p, order=v[0], text=v[1]),
    ),
    SHEET_STEPS: (
        "steps",
        lambda s: (s.order, s.name, s.agency_id, s.role, s.budget_hours),
        lambda p, v: ProcessStep(
            procedure=p, order=v[0], name=v[1], agency_id=v[2], role=v[3], budget_hours=v[4]
        ),
    ),
}


def write(plan: Plan, actor: object | None) -> ImportResult:
    result = ImportResult()
    for parsed in plan.procedures.values():
        if parsed.field_code not in plan.fields:
            new = Field.objects.create(code=parsed.field_code, name=parsed.field_name)
            plan.fields[parsed.field_code] = new
    codes = [*plan.procedures, *(c for c in plan.children if c not in plan.procedures)]
    for code in codes:
        changed, versions = _write_procedure(plan, code, actor)
        result.versions += versions
        if code not in plan.existing:
            result.created += 1
        elif changed or versions:
            result.updated += 1
        else:
            result.unchanged += 1
    return result


def _write_procedure(plan: Plan, code: str, actor: object | None) -> tuple[bool, int]:
    existing, parsed = plan.existing.get(code), plan.procedures.get(code)
    procedure = existing or Procedure(code=code)
    changed = existing is None
    if parsed is not None:
        values = {**parsed.values, "field_id": plan.fields[parsed.field_code].pk}
        if parsed.status == P.Status.DRAFT:
            # In force, the decision is the publication's, recorded by the service.
            values |= {"decision_number": parsed.decision_number}
            values |= {"decision_date": parsed.decision_date}
        dirty = [key for key, value in values.items() if getattr(procedure, key) != value]
        for key in dirty:
            setattr(procedure, key, values[key])
        if existing is None:
            procedure.save()
        elif dirty:
            # Only the file's columns: status and version belong to the services, and another
            # user may have published since the file was checked.
            procedure.save(update_fields=[*dirty, "search_text", "updated_at"])
        changed = changed or bool(dirty)
        current = {a.pk for a in existing.receiving_agencies.all()} if existing else set()
        if current != set(parsed.receiving):
            procedure.receiving_agencies.set(parsed.receiving)
            changed = True
    # A procedure of sheet TTHC gets exactly the file's lists (none = empty); one named only in
    # other sheets gets just the lists the file has rows for.
    sheets = CHILD_SHEETS if parsed is not None else tuple(plan.children[code])
    for sheet in sheets:
        changed |= _replace_list(procedure, existing, sheet, plan.children[code].get(sheet, []))
    return changed, _settle_status(plan, code, procedure, changed, actor)


def _replace_list(
    procedure: Procedure, existing: Procedure | None, sheet: str, rows: list[tuple[int, tuple]]
) -> bool:
    related, shape, build = _CHILDREN[sheet]
    wanted = [values for _number, values in rows]
    if existing is not None:
        if [shape(item) for item in getattr(existing, related).all()] == wanted:
            return False
        getattr(procedure, related).all().delete()
    elif not wanted:
        return False
    getattr(procedure, related).model.objects.bulk_create([build(procedure, v) for v in wanted])
    return True


def _settle_status(
    plan: Plan, code: str, procedure: Procedure, changed: bool, actor: object | None
) -> int:
    """Publish, amend or abolish through the services; returns the number of new versions."""
    existing, parsed = plan.existing.get(code), plan.procedures.get(code)
    was = existing.status if existing else P.Status.DRAFT
    target = parsed.status if parsed else was
    if was == P.Status.ABOLISHED:
        if changed:
            raise _rollback(plan, code, _(ERR_ABOLISHED_EDIT))
        return 0
    if parsed is not None:
        number, day = parsed.decision_number, parsed.decision_date
    else:
        number, day = procedure.decision_number, procedure.decision_date
    if target == P.Status.ABOLISHED:
        procedure_abolish(
            actor=actor, procedure=procedure, decision_number=number, decision_date=day
        )
        return 1
    if target not in P.IN_FORCE:
        return 0
    if was in P.IN_FORCE:
        if not changed:
            return 0
        fresh = Procedure.objects.select_related("field", "competent_agency").get(pk=procedure.pk)
        latest = procedure_current_version(fresh)
        if latest is not None and latest.snapshot == procedure_snapshot(fresh):
            return 0  # e.g. only the receiving agencies changed: not in the published content
    try:
        procedure_publish(
            actor=actor, procedure=procedure, decision_number=number, decision_date=day
        )
    except ValidationError as exc:
        # Checked beforehand; this is the service's own guard (e.g. office hours changed).
        raise _rollback(plan, code, " ".join(exc.messages)) from exc
    return 1


def _rollback(plan: Plan, code: str, message: str) -> Rollback:
    """An error at the procedure's row (sheet TTHC) or its first row in another sheet."""
    parsed = plan.procedures.get(code)
    if parsed is not None:
        reader, key = RowReader(SHEET_PROCEDURES, parsed.row, (), []), "status"
    else:
        sheet, rows = next(iter(plan.children[code].items()))
        reader, key = RowReader(sheet, rows[0][0], (), []), "code"
    reader.fail(key, message)
    return Rollback(reader.errors[0])
