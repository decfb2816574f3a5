"""The look of the official workbooks (tracking book Mẫu 06, the dossier report): Times New
Roman, centred titles over the table, a boxed header row, A4 landscape one page wide. Used
by the apps that write them; each decides its own columns and rows.

Every cell is written through ``put``, which cannot fail on stored text and never writes a
formula. Text stored before the input checks (``cchc.core.validation``) may hold characters
XML refuses: they are scrubbed (``scrub_text``) instead of failing the whole book. A text that
starts with ``=`` (or ``+ - @``, a tab, a CR) is a formula only when a cell says so: openpyxl
marks a value starting with ``=`` as a formula, so ``put`` sets the cell's type back to text
(``s``) explicitly. That keeps the value exactly as the applicant wrote it — no leading quote
added to an official register — and Excel or LibreOffice open it as text (CWE-1236).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cchc.core.validation import scrub_text

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT = "Times New Roman"
_THIN = Side(style="thin")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def put(cell: Cell, value: object) -> Cell:
    """Set ``cell`` to ``value``: text scrubbed and typed as text, anything else as given."""
    if isinstance(value, Promise):  # a lazily translated label
        value = str(value)
    if isinstance(value, str):
        # XML reads a bare CR back as LF anyway; say so rather than let the file decide.
        cell.value = scrub_text(value).replace("\r\n", "\n").replace("\r", "\n")
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def write_titles(sheet: Worksheet, lines: Sequence[tuple[str, Font]], width: int) -> None:
    """One centred line per title from row 1, each merged across ``width`` columns."""
    for row, (text, font) in enumerate(lines, start=1):
        cell = put(sheet.cell(row=row, column=1), text)
        cell.font, cell.alignment = font, Alignment(horizontal="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def write_header(sheet: Worksheet, row: int, columns: Sequence[tuple[str, float]]) -> None:
    """The boxed, bold header ``row`` of (label, column width) pairs."""
    for column, (label, width) in enumerate(columns, start=1):
        cell = put(sheet.cell(row=row, column=column), label)
        cell.font, cell.border = Font(name=FONT, bold=True, size=11), BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width


def write_row(
    sheet: Worksheet,
    row: int,
    values: Sequence[object],
    *,
    bold: bool = False,
    formats: dict[int, str] | None = None,
) -> None:
    """One boxed body row; ``formats`` maps 1-based columns to Excel number formats."""
    font = Font(name=FONT, size=11, bold=bold)
    alignment = Alignment(wrap_text=True, vertical="top")
    for column, value in enumerate(values, start=1):
        cell = put(sheet.cell(row=row, column=column), value)
        cell.font, cell.border, cell.alignment = font, BOX, alignment
        if formats and column in formats:
            cell.number_format = formats[column]


def a4_landscape(sheet: Worksheet, *, header_row: int, frozen_columns: int = 0) -> None:
    """Freeze the header (and the first columns), repeat it on every printed page, and fit the
    width of an A4 landscape page."""
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=frozen_columns + 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def workbook_bytes(book: Workbook) -> bytes:
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
