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
