"""Writing a framework as a workbook in the documented layout (``layout``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cchc.core.xlsx import put
from cchc.parindex.excel.layout import (
    CRITERIA_COLUMNS,
    HUNDRED,
    INFO_HEADERS,
    INFO_ROWS,
    KIND_LABELS,
    LEVEL_LABELS,
    METHOD_LABELS,
    RULE_LABELS,
    SHEET_CRITERIA,
    SHEET_INFO,
    ZERO_LABELS,
)
from cchc.parindex.frameworks import Node, criteria_in_tree_order
from cchc.parindex.models import Criterion, Framework


def export_framework(framework: Framework) -> bytes:
    """``framework`` as an .xlsx workbook in the documented layout."""
    book = Workbook()
    info = book.active
    info.title = SHEET_INFO
    _header(info, INFO_HEADERS)
    values = _info_values(framework)
    for row, (key, label, _required) in enumerate(INFO_ROWS, start=2):
        put(info.cell(row=row, column=1), label)
        _cell(info, row, 2, values[key])
    info.column_dimensions["A"].width = 52
    info.column_dimensions["B"].width = 80
    sheet = book.create_sheet(SHEET_CRITERIA)
    _header(sheet, [header for _key, header in CRITERIA_COLUMNS])
    for row, (criterion, node) in enumerate(criteria_in_tree_order(framework), start=2):
        for column, value in enumerate(_criterion_values(criterion, node), start=1):
            _cell(sheet, row, column, value)
    widths = (10, 20, 12, 60, 10, 20, 50, 40, 26, 26, 14, 12, 12, 26, 14)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "B2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _header(sheet: object, headers: object) -> None:
    for column, header in enumerate(headers, start=1):
        cell = put(sheet.cell(row=1, column=column), header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _cell(sheet: object, row: int, column: int, value: object) -> None:
    if value == "" or value is None:
        return
    cell = put(sheet.cell(row=row, column=column), value)
    if isinstance(value, str):
        cell.number_format = "@"
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _info_values(f: Framework) -> dict[str, object]:
    return {
        "year": f.year,
        "unit_kind": KIND_LABELS[f.unit_kind],
        "name": f.name,
        "decision": f.decision,
        "decision_date": _day(f.decision_date),
        "description": f.description,
        "is_sample": "x" if f.is_sample else "",
        "period_from": _day(f.period_from),
        "period_to": _day(f.period_to),
        "self_assessment_due": _day(f.self_assessment_due),
        "clarification_days": f.clarification_days,
        "rescale_without_survey": "x" if f.rescale_without_survey else "không",
        "bands": "; ".join(f"{_vn(Decimal(str(lower)))}: {name}" for lower, name in f.bands),
    }


def _criterion_values(c: Criterion, node: Node) -> list[object]:
    live = c.method == Criterion.Method.LIVE
    steps = ""
    if c.live_steps:
        steps = "; ".join(
            f"{_vn(Decimal(str(rate)) * HUNDRED)}: {_vn(Decimal(str(points)))}"
            for rate, points in c.live_steps
        )
    return [
        c.code,
        LEVEL_LABELS[c.level],
        node.parent,
        c.name,
        _number(c.max_points),
        METHOD_LABELS.get(c.method, c.method),
        c.guidance,
        c.required_evidence,
        c.live_numerator,
        c.live_denominator,
        RULE_LABELS.get(c.live_rule, c.live_rule) if c.live_rule else "",
        _number(c.live_lower * HUNDRED) if c.live_lower is not None else "",
        _number(c.live_upper * HUNDRED) if c.live_upper is not None else "",
        steps,
        ZERO_LABELS.get(c.live_zero, c.live_zero) if live else "",
    ]


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _vn(value: Decimal) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
