"""The published PAR Index results as files: the ranking as XLSX (the look of the official
workbooks, ``cchc.core.xlsx``) and as PDF, and a unit's scorecard as PDF (WeasyPrint through
``cchc.dossiers.printing.html_to_pdf``, the vendored fonts only). The same figures as the
pages: both read ``cchc.parindex.results``. Official documents are Vietnamese whatever the
reader's interface language."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cchc.core.xlsx import FONT, a4_landscape, workbook_bytes, write_header, write_row, write_titles
from cchc.dossiers import printing
from cchc.parindex.models import UnitKind
from cchc.parindex.results import Ranking, Scorecard
from cchc.parindex.templatetags.parindex_results import rank_change

HEADER_ROW = 4
NUMBER = "0.00"


def kind_label(unit_kind: str) -> str:
    return str(UnitKind(unit_kind).label)


def ranking_title(ranking: Ranking) -> str:
    framework = ranking.framework
    return _("Xếp hạng Chỉ số cải cách hành chính năm %(year)s — %(kind)s") % {
        "year": framework.year,
        "kind": kind_label(framework.unit_kind),
    }


def ranking_filename(ranking: Ranking, ext: str) -> str:
    """``chi-so-cchc-2025-department.xlsx``: ASCII only, safe in a header."""
    framework = ranking.framework
    return f"chi-so-cchc-{framework.year}-{framework.unit_kind}.{ext}"


def scorecard_filename(card: Scorecard) -> str:
    return f"chi-so-cchc-{card.framework.year}-{card.agency.code}.pdf"


def _yes_no(value: bool) -> str:
    return _("Có") if value else _("Không")


def ranking_xlsx(ranking: Ranking) -> bytes:
    """One sheet: rank, code, unit, total, maximum, percent, classification, each field's
    component index (%), rank change and emulation eligibility; numbers as numbers."""
    book = Workbook()
    sheet = book.active
    sheet.title = str(ranking.framework.year)
    with translation.override("vi"):
        columns = [
            (_("Hạng"), 7),
            (_("Mã định danh"), 16),
            (_("Cơ quan, đơn vị"), 36),
            (_("Tổng điểm"), 10),
            (_("Điểm tối đa"), 10),
            (_("Chỉ số (%)"), 10),
            (_("Xếp loại"), 12),
            *[(f"{code}. {name} (%)", 16) for code, name in ranking.fields],
            (_("Thay đổi thứ hạng"), 14),
            (_("Được xét thi đua"), 12),
        ]
        titles = [
            (str(settings.CCHC_PROVINCE_NAME).upper(), Font(name=FONT, bold=True, size=12)),
            (ranking_title(ranking).upper(), Font(name=FONT, bold=True, size=13)),
        ]
        write_titles(sheet, titles, len(columns))
        write_header(sheet, HEADER_ROW, columns)
        numeric = {4, 5, 6, *range(8, 8 + len(ranking.fields))}
        formats = dict.fromkeys(numeric, NUMBER)
        for offset, row in enumerate(ranking.rows, start=1):
            values = [
                row.rank,
                row.agency.code,
                row.agency.name,
                row.total,
                row.max_points,
                row.percent,
                row.classification,
                *[c.percent for c in row.components],
                rank_change(row.rank_change),
                _yes_no(row.eligible),
            ]
            write_row(sheet, HEADER_ROW + offset, values, formats=formats)
    a4_landscape(sheet, header_row=HEADER_ROW, frozen_columns=3)
    return workbook_bytes(book)


def _pdf(template: str, context: dict) -> bytes:
    with translation.override("vi"):
        html = render_to_string(
            template,
            {**context, "issuer": settings.CCHC_PROVINCE_NAME, "fonts": printing.font_faces()},
        )
    return printing.html_to_pdf(html)


def ranking_pdf(ranking: Ranking) -> bytes:
    """The ranking as an A4 landscape PDF with the same rows as the page."""
    return _pdf(
        "parindex/results/print/ranking.html",
        {"ranking": ranking, "title": ranking_title(ranking)},
    )


def scorecard_pdf(card: Scorecard) -> bytes:
    """A unit's scorecard as an A4 PDF: total, rank and its change, classification,
    components, trend and weak criteria."""
    return _pdf("parindex/results/print/scorecard.html", {"card": card})
