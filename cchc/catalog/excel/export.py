"""Writing the catalogue as a workbook in the documented layout."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.styles import Font

from cchc.catalog.excel.layout import (
    COLUMNS,
    FORM_LABELS,
    ONLINE_LABELS,
    ROLE_LABELS,
    SHEET_DOCUMENTS,
    SHEET_FEES,
    SHEET_LEGAL,
    SHEET_PROCEDURES,
    SHEET_STEPS,
    STATUS_LABELS,
    SUPPLEMENT_LABELS,
    UNIT_LABELS,
)
from cchc.catalog.models import Procedure
from cchc.core.xlsx import put


def export_procedures(queryset: QuerySet[Procedure]) -> bytes:
    """The procedures of ``queryset`` with their lists as an .xlsx workbook in the layout."""
    book = Workbook()
    sheets = {}
    for index, (name, columns) in enumerate(COLUMNS.items()):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = name
        sheet.append([header for _key, header in columns])
        sheets[name] = sheet
    procedures = queryset.select_related("field", "competent_agency").prefetch_related(
        "documents", "fees", "legal_bases", "steps__agency", "receiving_agencies"
    )
    rows = dict.fromkeys(sheets, 1)

    def append(name: str, values: list[object]) -> None:
        rows[name] += 1
        _write_row(sheets[name], rows[name], values)

    for p in procedures:
        append(SHEET_PROCEDURES, _procedure_cells(p))
        for d in p.documents.all():
            form = FORM_LABELS[d.form]
            append(SHEET_DOCUMENTS, [p.code, d.order, d.name, form, d.count, _flag(d.is_optional)])
        for f in p.fees.all():
            append(SHEET_FEES, [p.code, f.order, f.name, f.amount_vnd])
        for b in p.legal_bases.all():
            append(SHEET_LEGAL, [p.code, b.order, b.text])
        for s in p.steps.all():
            agency, hours = (s.agency.code if s.agency else ""), _number(s.budget_hours)
            append(SHEET_STEPS, [p.code, s.order, s.name, agency, ROLE_LABELS[s.role], hours])
    for sheet in sheets.values():
        _dress(sheet)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _procedure_cells(p: Procedure) -> list[object]:
    receiving = "; ".join(sorted(a.code for a in p.receiving_agencies.all()))
    return [
        p.code,
        p.name,
        p.field.code,
        p.field.name,
        _flag(p.at_province),
        _flag(p.at_district),
        _flag(p.at_commune),
        p.competent_agency.code if p.competent_agency else "",
        p.competent_text,
        receiving,
        _number(p.processing_time),
        UNIT_LABELS[p.processing_unit],
        p.cutoff_time.strftime("%H:%M") if p.cutoff_time else "",
        SUPPLEMENT_LABELS[p.supplement_clock],
        ONLINE_LABELS[p.online_mode],
        p.legacy_level,
        _flag(p.postal_submission),
        _flag(p.postal_return),
        _flag(p.inter_agency),
        p.result_name,
        p.decision_number,
        p.decision_date.strftime("%d/%m/%Y") if p.decision_date else "",
        STATUS_LABELS[p.status],
    ]


def _write_row(sheet: object, row: int, values: list[object]) -> None:
    for column, value in enumerate(values, start=1):
        if value == "" or value is None:
            continue
        # Text stays text (scrubbed, never a formula: ``cchc.core.xlsx.put``), and a code typed
        # over keeps "@".
        cell = put(sheet.cell(row=row, column=column), value)
        if isinstance(value, str):
            cell.number_format = "@"


def _dress(sheet: object) -> None:
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for cells in sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 300)):
        longest = max(len(str(c.value or "")) for c in cells[1:]) if len(cells) > 1 else 0
        width = max(min(len(str(cells[0].value)), 30), min(longest, 60), 8) + 2
        sheet.column_dimensions[cells[0].column_letter].width = width


def _flag(value: bool) -> str:
    return "x" if value else ""


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
