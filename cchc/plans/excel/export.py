"""Export a plan's appendix back to seed 004's layout (the import reads it again)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from cchc.plans.excel.layout import COLUMNS
from cchc.plans.models import Area, Plan

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
WIDTHS = [6, 60, 30, 30, 40, 18, 20]


def export_plan(plan: Plan) -> bytes:
    """The plan's tasks as an .xlsx: a title row, the header row, then a heading row per
    section followed by its numbered tasks."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet.append([f"PHỤ LỤC: {plan.title.upper()}"])
    sheet.append([])
    sheet.append(COLUMNS)
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    bold = Font(bold=True)
    for cell in sheet[3]:
        cell.font = bold
    sheet["A1"].font = bold
    heading = None
    count = 0
    tasks = plan.tasks.order_by("order", "id")
    for task in tasks:
        title = task.section or str(Area(task.area).label).upper()
        if (task.area, title) != heading:
            heading = (task.area, title)
            sheet.append([ROMAN[count % len(ROMAN)], title])
            count += 1
            for cell in sheet[sheet.max_row]:
                cell.font = bold
        sheet.append(
            [
                task.number,
                task.content,
                task.product,
                task.lead_text or (task.lead_agency.name if task.lead_agency else ""),
                task.coordinating_text,
                task.timing_text,
                task.note,
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = BytesIO()
    book.save(out)
    return out.getvalue()
