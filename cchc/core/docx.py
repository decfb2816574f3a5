"""A small DOCX writer: the few WordprocessingML parts Word, LibreOffice and Google Docs need
(``[Content_Types].xml``, the relationships, ``word/document.xml`` and ``word/styles.xml``),
Times New Roman 13 pt on A4 with the margins of Decree 30/2020. The platform has no DOCX
library; the feedback letter (``cchc.feedback.letter``) and the duty-flags annex
(``cchc.stats.duty``) are written with these pieces. Every text goes through ``scrub_text``
(a control character would make the XML invalid) and is escaped."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from cchc.core.validation import scrub_text

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Times New Roman 13 pt (26 half-points), single spacing with 4 pt after each paragraph.
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" '
    'w:eastAsia="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/>'
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="264" '
    'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "</w:style></w:styles>"
)
# A4, margins 2 cm top/bottom/right and 3 cm left (Decree 30/2020 Annex I), in twentieths of pt.
SECTION = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
    'w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>'
)
# A4 landscape with the same margins (the left one on the binding side): tables of figures.
SECTION_LANDSCAPE = (
    '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" '
    'w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" '
    'w:gutter="0"/></w:sectPr>'
)
# The text width of each page (twentieths of a point).
WIDTH = 11906 - 1134 - 1701
WIDTH_LANDSCAPE = 16838 - 1134 - 1701


def run(text: str, *, bold: bool = False, italic: bool = False, size: int = 0) -> str:
    """A run of text; ``size`` in half-points (0: the default 13 pt)."""
    props = ""
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(scrub_text(text))}</w:t></w:r>'


def para(*runs: str, align: str = "", indent: bool = False, after: int | None = None) -> str:
    """A paragraph of ``runs``; ``align`` "center", "right" or "both"; ``after`` in twentieths."""
    props = ""
    if after is not None:
        props += f'<w:spacing w:after="{after}"/>'
    if indent:
        props += '<w:ind w:firstLine="567"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def cell(width: int, paragraphs: list[str]) -> str:
    body = "".join(paragraphs) or para()
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>'


def two_columns(left: tuple[int, list[str]], right: tuple[int, list[str]]) -> str:
    """Two columns without borders (a heading, a signature)."""
    none = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = f'<w:gridCol w:w="{left[0]}"/><w:gridCol w:w="{right[0]}"/>'
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{left[0] + right[0]}" w:type="dxa"/>'
        f'<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid><w:tr>{cell(*left)}{cell(*right)}</w:tr></w:tbl>"
    )


def grid_table(
    widths: Sequence[int],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    size: int = 22,
    right_aligned: frozenset[int] = frozenset(),
) -> str:
    """A table with single borders: a bold header row repeated on every page, then ``rows``
    (texts); the columns of ``right_aligned`` (indexes) are aligned right (figures)."""
    line = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

    def row(texts: Sequence[str], *, head: bool) -> str:
        cells = []
        for i, (width, text) in enumerate(zip(widths, texts, strict=True)):
            align = "center" if head else ("right" if i in right_aligned else "")
            paragraphs = [
                para(run(part, bold=head, size=size), align=align, after=0)
                for part in (str(text).split("\n") or [""])
            ]
            cells.append(cell(width, paragraphs))
        props = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
        return f"<w:tr>{props}{''.join(cells)}</w:tr>"

    body = row(header, head=True) + "".join(row(r, head=False) for r in rows)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblBorders>{line}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


def document_xml(body: Sequence[str], section: str = SECTION) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}{section}</w:body></w:document>'
    )


def docx_bytes(document: str) -> bytes:
    """The package (a ZIP of WordprocessingML parts) around ``document`` (``document_xml``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES_XML)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        package.writestr("word/styles.xml", STYLES)
        package.writestr("word/document.xml", document)
    return buffer.getvalue()
