"""Checking an imported workbook before anything is written: every cell, duplicates, codes
that must exist (agencies, fields, procedures), step numbers, and the rule that the internal
process fits the legal time (DOMAIN A3)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cchc.catalog.excel.cells import RowReader, agency_codes, cell_code, cell_text
from cchc.catalog.excel.layout import (
    CHILD_SHEETS,
    COLUMNS,
    ERR_BACK_TO_DRAFT,
    ERR_DUPLICATE,
    ERR_DUPLICATE_STEP,
    ERR_FEE,
    ERR_FIELD_UNKNOWN,
    ERR_REQUIRED,
    ERR_UNKNOWN_PROCEDURE,
    FORM_LABELS,
    ONLINE_LABELS,
    ROLE_LABELS,
    SHEET_DOCUMENTS,
    SHEET_FEES,
    SHEET_LEGAL,
    SHEET_PROCEDURES,
    SHEET_STEPS,
    SHEETS,
    STATUS_LABELS,
    SUPPLEMENT_LABELS,
    UNIT_LABELS,
    ImportRowError,
)
from cchc.catalog.models import (
    PROCEDURE_CODE_VALIDATOR,
    Field,
    Procedure,
    ProcessStep,
    RequiredDocument,
    working_day_hours,
)
from cchc.catalog.services import (
    ERR_ABOLISHED,
    ERR_NO_LEADER_STEP,
    ERR_NO_STEPS,
    steps_fit_legal_time,
)
from cchc.core.text import fold
from cchc.org.models import Agency

P = Procedure
# "(nếu có)" — "if any": in any case, spacing or without diacritics.
_IF_ANY = re.compile(r"\(\s*neu co\s*\)")


@dataclass
class ProcedureRow:
    row: int
    values: dict[str, object]  # model attributes, assigned as they are
    field_code: str
    field_name: str
    receiving: list[int]
    status: str | None
    decision_number: str
    decision_date: date | None


@dataclass
class Plan:
    procedures: dict[str, ProcedureRow] = field(default_factory=dict)
    # code → sheet → [(row, values tuple)], sorted by their order column
    children: dict[str, dict[str, list[tuple[int, tuple]]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    existing: dict[str, Procedure] = field(default_factory=dict)
    agencies: dict[str, int] = field(default_factory=dict)
    fields: dict[str, Field] = field(default_factory=dict)


def validate(rows: dict[str, list], plan: Plan) -> list[ImportRowError]:
    errors: list[ImportRowError] = []
    _load_references(rows, plan)
    seen: dict[str, int] = {}
    for number, values in rows[SHEET_PROCEDURES]:
        row = RowReader(SHEET_PROCEDURES, number, values, errors)
        code = row.code()
        parsed = _read_procedure(row, code, plan)
        if not code:
            row.fail("code", _(ERR_REQUIRED))
        elif code in seen:
            row.fail("code", _(ERR_DUPLICATE).format(code=code, row=seen[code]))
        else:
            seen[code] = number
            plan.procedures[code] = parsed
            try:
                PROCEDURE_CODE_VALIDATOR(code)
            except ValidationError as exc:
                row.fail("code", " ".join(exc.messages))
    for sheet in CHILD_SHEETS:
        for number, values in rows[sheet]:
            row = RowReader(sheet, number, values, errors)
            code, parsed = row.code(), _CHILD_READERS[sheet](row, plan)
            if not code:
                row.fail("code", _(ERR_REQUIRED))
            elif code not in plan.procedures and code not in plan.existing:
                row.fail("code", _(ERR_UNKNOWN_PROCEDURE).format(code=code))
            else:
                plan.children[code].setdefault(sheet, []).append((number, parsed))
    for lists in plan.children.values():
        for sheet, items in lists.items():
            # A blank order means "where it stands"; rows are kept in their order column.
            filled = [(n, (v[0] or i, *v[1:])) for i, (n, v) in enumerate(items, start=1)]
            lists[sheet] = sorted(filled, key=lambda item: item[1][0])
    _check_steps(plan, errors)
    return errors


def _load_references(rows: dict[str, list], plan: Plan) -> None:
    def column(sheet: str, key: str) -> list[object]:
        index = [k for k, _h in COLUMNS[sheet]].index(key)
        return [values[index] for _n, values in rows[sheet]]

    codes = {cell_code(raw) for sheet in SHEETS for raw in column(sheet, "code")}
    agencies = {c for raw in column(SHEET_PROCEDURES, "receiving") for c in agency_codes(raw)}
    agencies |= {cell_text(raw).upper() for raw in column(SHEET_PROCEDURES, "competent")}
    agencies |= {cell_text(raw).upper() for raw in column(SHEET_STEPS, "agency")}
    field_codes = {cell_text(raw) for raw in column(SHEET_PROCEDURES, "field_code")}
    procedures = Procedure.objects.select_related("field").prefetch_related(
        "documents", "fees", "legal_bases", "steps", "receiving_agencies"
    )
    for chunk in _chunks(codes):
        plan.existing.update((p.code, p) for p in procedures.filter(code__in=chunk))
    for chunk in _chunks(agencies):
        plan.agencies.update(Agency.objects.filter(code__in=chunk).values_list("code", "id"))
    for chunk in _chunks(field_codes):
        plan.fields.update((f.code, f) for f in Field.objects.filter(code__in=chunk))


def _chunks(values: set[str], size: int = 500) -> list[list[str]]:
    ordered = sorted(v for v in values if v)
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


def _read_procedure(row: RowReader, code: str, plan: Plan) -> ProcedureRow:
    values = {
        "name": row.text("name", required=True, max_length=500),
        "at_province": row.flag("at_province"),
        "at_district": row.flag("at_district"),
        "at_commune": row.flag("at_commune"),
        "competent_agency_id": row.agency("competent", plan.agencies),
        "competent_text": row.text("competent_text"),
        "processing_time": row.hours("processing_time"),
        "processing_unit": row.choice(
            "processing_unit", UNIT_LABELS, default=P.TimeUnit.WORKING_DAYS
        ),
        "cutoff_time": row.clock("cutoff_time"),
        "supplement_clock": row.choice(
            "supplement_clock", SUPPLEMENT_LABELS, default=P.SupplementClock.PAUSE
        ),
        "online_mode": row.choice("online_mode", ONLINE_LABELS, default=P.OnlineMode.NONE),
        "legacy_level": row.integer("legacy_level", low=1, high=4, default=2),
        "postal_submission": row.flag("postal_submission"),
        "postal_return": row.flag("postal_return"),
        "inter_agency": row.flag("inter_agency"),
        "result_name": row.text("result_name"),
    }
    field_code = row.text("field_code", required=True, max_length=30)
    field_name = row.text("field_name")
    if field_code and field_code not in plan.fields and not field_name:
        row.fail("field_name", _(ERR_FIELD_UNKNOWN).format(code=field_code))
    status = row.choice("status", STATUS_LABELS)
    existing = plan.existing.get(code)
    if existing is not None and status is not None:
        if existing.status == P.Status.ABOLISHED and status != P.Status.ABOLISHED:
            row.fail("status", _(ERR_ABOLISHED))
        elif existing.is_in_force and status == P.Status.DRAFT:
            row.fail("status", _(ERR_BACK_TO_DRAFT))
    return ProcedureRow(
        row=row.number,
        values=values,
        field_code=field_code,
        field_name=field_name,
        receiving=row.agencies("receiving", plan.agencies),
        status=status,
        decision_number=row.text("decision_number", max_length=60),
        decision_date=row.day("decision_date"),
    )


def applies_only_if_any(name: str) -> bool:
    """A document named "… (nếu có)" applies only to an applicant who has it, so it can never
    be required: a paper that may not exist would block every submission without it."""
    return bool(_IF_ANY.search(fold(name)))


def _read_document(row: RowReader, plan: Plan) -> tuple:
    name = row.text("name", required=True, max_length=500)
    return (
        row.integer("order", low=1, high=32767, default=0),
        name,
        row.choice("form", FORM_LABELS, default=RequiredDocument.Form.ORIGINAL),
        row.integer("count", low=1, high=32767, default=1),
        # Column F, or the "(nếu có)" in the name (docs/catalog-excel.md).
        row.flag("optional") or applies_only_if_any(name),
    )


def _read_fee(row: RowReader, plan: Plan) -> tuple:
    amount = row.integer("amount", low=0, high=10**15, message=_(ERR_FEE))
    return (
        row.integer("order", low=1, high=32767, default=0),
        row.text("name", required=True, max_length=300),
        amount,
    )


def _read_legal_basis(row: RowReader, plan: Plan) -> tuple:
    return (
        row.integer("order", low=1, high=32767, default=0),
        row.text("text", required=True, max_length=500),
    )


def _read_step(row: RowReader, plan: Plan) -> tuple:
    return (
        row.integer("order", low=1, high=32767),
        row.text("name", required=True, max_length=300),
        row.agency("agency", plan.agencies),
        row.choice("role", ROLE_LABELS),
        row.hours("hours"),
    )


_CHILD_READERS = {
    SHEET_DOCUMENTS: _read_document,
    SHEET_FEES: _read_fee,
    SHEET_LEGAL: _read_legal_basis,
    SHEET_STEPS: _read_step,
}


def _check_steps(plan: Plan, errors: list[ImportRowError]) -> None:
    """Step numbers are unique, a procedure in force has steps with a leader's approval, and
    the steps fit the legal time (DOMAIN A3), a working day being the office day
    (``Procedure.processing_hours``). The services check the same again when publishing."""

    def fail(number: int, key: str, message: str) -> None:
        RowReader(SHEET_STEPS, number, (), errors).fail(key, message)

    for code, parsed in plan.procedures.items():
        if parsed.status in P.IN_FORCE:
            problem = _publishing_problem(plan.children[code].get(SHEET_STEPS, []))
            if problem:
                RowReader(SHEET_PROCEDURES, parsed.row, (), errors).fail("status", problem)
    for code, lists in plan.children.items():
        steps = lists.get(SHEET_STEPS, [])
        existing = plan.existing.get(code)
        if steps and code not in plan.procedures and existing and existing.is_in_force:
            problem = _publishing_problem(steps)  # its steps replaced, it will be republished
            if problem:
                fail(steps[0][0], "role", problem)
        first_row: dict[int, int] = {}
        for number, (order, *_rest) in steps:
            if order and order in first_row:
                message = _(ERR_DUPLICATE_STEP).format(order=order, code=code, row=first_row[order])
                fail(number, "order", message)
            first_row.setdefault(order, number)
        legal = _legal_hours(plan, code)
        hours = [values[4] for _n, values in steps]
        if not steps or legal is None or None in hours:
            continue
        problem = steps_fit_legal_time(hours, legal)
        if problem:
            total = Decimal(0)
            for number, values in steps:
                total += values[4]
                if total > legal:
                    fail(number, "hours", problem)
                    break


def _publishing_problem(steps: list[tuple[int, tuple]]) -> str | None:
    """What ``procedure_check`` would refuse about these steps, the time aside."""
    if not steps:
        return _(ERR_NO_STEPS)
    if not any(values[3] == ProcessStep.Role.LEADER for _n, values in steps):
        return _(ERR_NO_LEADER_STEP)
    return None


def _legal_hours(plan: Plan, code: str) -> Decimal | None:
    parsed = plan.procedures.get(code)
    if parsed is None:
        return plan.existing[code].processing_hours
    amount, unit = parsed.values["processing_time"], parsed.values["processing_unit"]
    if amount is None or unit is None:
        return None
    return amount if unit == P.TimeUnit.WORKING_HOURS else amount * working_day_hours()
