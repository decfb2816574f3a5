"""Tables of figures shown on the dashboards, and the same tables as XLSX and PDF.

A ``Table`` is built once from the counters; the page renders it (``stats/_table.html``), and
``table_xlsx`` / ``table_pdf`` write the very same rows, so the export always says what the
screen said. A cell may carry a link: the worklist of the dossiers behind that figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Font

from cchc.core.templatetags.vn import percent, thousands
from cchc.core.xlsx import FONT, a4_landscape, workbook_bytes, write_header, write_row, write_titles
from cchc.dossiers import printing

TEXT, COUNT, RATE, POINTS = "text", "count", "rate", "points"
FORMATS = {RATE: "0.0%", POINTS: "0.00"}
HEADER_ROW = 4


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = TEXT
    width: float = 12


@dataclass(frozen=True)
class Cell:
    """A value with, optionally, the worklist of the dossiers it counts."""

    value: object
    href: str = ""


@dataclass
class Table:
    """One table of a dashboard: its name (also the export's), title, columns and rows."""

    name: str
    title: str
    columns: list[Column]
    rows: list[list[object]] = field(default_factory=list)
    total: list[object] | None = None
    note: str = ""

    def display_rows(self) -> list[list[dict]]:
        """Rows as the page shows them: text, numeric alignment, link."""
        return [self._display(row) for row in self.rows]

    def display_total(self) -> list[dict] | None:
        return self._display(self.total) if self.total is not None else None

    def _display(self, row: list[object]) -> list[dict]:
        cells = []
        for column, raw in zip(self.columns, row, strict=True):
            cell = raw if isinstance(raw, Cell) else Cell(raw)
            cells.append(
                {
                    "text": shown(cell.value, column.kind),
                    "href": cell.href,
                    "numeric": column.kind != TEXT,
                    "missing": cell.value is None and column.kind != TEXT,
                }
            )
        return cells


def shown(value: object, kind: str) -> str:
    """A figure as people read it: counts with dot thousands, rates with one decimal."""
    if value is None or value == "":
        return ""
    if kind == COUNT:
        return thousands(value)
    if kind == RATE:
        return percent(value)
    if kind == POINTS:
        return f"{Decimal(str(value)):.2f}".replace(".", ",")
    return str(value)


def _plain(value: object, kind: str) -> object:
    raw = value.value if isinstance(value, Cell) else value
    if kind in (RATE, POINTS) and raw is not None:
        return float(raw)
    return raw


def table_xlsx(table: Table, *, subtitle: str) -> bytes:
    """The table as a workbook: numbers as numbers, rates as real percentages, total in bold,
    A4 landscape, in Vietnamese whatever the reader's interface language."""
    book = Workbook()
    sheet = book.active
    sheet.title = table.name[:31]
    with translation.override("vi"):
        titles = [
            (table.title.upper(), Font(name=FONT, bold=True, size=13)),
            (subtitle, Font(name=FONT, italic=True, size=12)),
        ]
        write_titles(sheet, titles, len(table.columns))
        write_header(sheet, HEADER_ROW, [(c.label, c.width) for c in table.columns])
        formats = {
            i: FORMATS[c.kind] for i, c in enumerate(table.columns, start=1) if c.kind in FORMATS
        }
        rows = [*table.rows, *([table.total] if table.total is not None else [])]
        for offset, row in enumerate(rows, start=1):
            values = [_plain(v, c.kind) for v, c in zip(row, table.columns, strict=True)]
            last = table.total is not None and offset == len(rows)
            write_row(sheet, HEADER_ROW + offset, values, bold=last, formats=formats)
    a4_landscape(sheet, header_row=HEADER_ROW, frozen_columns=1)
    return workbook_bytes(book)


def table_pdf(table: Table, *, subtitle: str, issuer: str) -> bytes:
    """The table as an A4 landscape PDF with the same rows as the page."""
    with translation.override("vi"):
        html = render_to_string(
            "stats/print/table.html",
            {
                "table": table,
                "subtitle": subtitle,
                "issuer": issuer,
                "fonts": printing.font_faces(),
            },
        )
    return printing.html_to_pdf(html)
