"""Fixtures of the plans helper: an appendix workbook in seed 004's layout."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook

from cchc.plans.excel.layout import COLUMNS

TITLE = "PHỤ LỤC"
SUBTITLE = "NỘI DUNG KẾ HOẠCH TRIỂN KHAI NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"


def appendix(rows: list[list[object]], *, header: list[str] | None = None) -> BytesIO:
    """An .xlsx with two title rows, a blank row, the header row (row 4), then ``rows``."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet.append([TITLE])
    sheet.append([SUBTITLE])
    sheet.append([])
    sheet.append(header or COLUMNS)
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    out.seek(0)
    return out


def task_for(plan, lead, due, *, number: str = "", content: str = "Nhiệm vụ thử nghiệm"):
    """A task of ``plan`` led by ``lead``, due on ``due`` (a date timing), through the service."""
    from cchc.plans import services
    from cchc.plans.models import PlanTask

    return services.task_add(
        plan,
        content=content,
        number=number,
        due_date=due,
        timing=PlanTask.Timing.DATE,
        timing_text=f"{due.day}/{due.month}/{due.year}",
        lead_agency=lead,
    )
