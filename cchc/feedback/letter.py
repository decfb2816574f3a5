"""The answer letter to the sender (Decree 20/2008 Art. 19: the sender may get the answer by
letter), as PDF and DOCX, in the administrative layout of Decree 30/2020 like the platform's
other printed forms (``cchc.dossiers.printing``): the issuing agency and the national motto
side by side, the number and place-date line, "V/v …", "Kính gửi: <sender>", the answer, the
recipients and the signer.

The PDF goes through the house's ``html_to_pdf`` (WeasyPrint, the vendored Tinos font, nothing
fetched). The platform has no DOCX library: the DOCX is written here as the few WordprocessingML
parts Word, LibreOffice and Google Docs need (``[Content_Types].xml``, the relationships,
``word/document.xml`` and ``word/styles.xml``), Times New Roman 13 pt on A4 with Decree 30's
margins. Every text goes through ``scrub_text`` (a control character would make the XML
invalid) and is escaped. Reads only.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cchc.core.validation import scrub_text
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.printing import font_faces, html_to_pdf, place_date_text
from cchc.feedback.models import FeedbackItem, Status
from cchc.org.models import Agency

FORMATS = ("pdf", "docx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
LETTER_STATUSES = frozenset({Status.ANSWERED, Status.PUBLISHED})


class LetterNotAvailable(Exception):
    """The item has no approved answer yet."""


@dataclass(frozen=True)
class Letter:
    """What both formats write, in order."""

    parent: str
    agency: str
    number: str
    about: str
    place_date: str
    recipient: str
    address: str
    paragraphs: list[str]
    recipients: list[str]
    sign_title: str
    signer: str
    code: str


def _heading(agency: Agency | None) -> tuple[str, str]:
    if agency is None:
        return "", ""
    parent = agency.parent if agency.parent_id else None
    return (parent.name.upper() if parent else ""), agency.name.upper()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in scrub_text(text or "").splitlines() if line.strip()]


def build_letter(item: FeedbackItem) -> Letter:
    """The letter's texts (Vietnamese whatever the officer's language), or
    ``LetterNotAvailable`` before the answer is approved."""
    if item.status not in LETTER_STATUSES or not item.answer or item.answered_at is None:
        raise LetterNotAvailable(item.code)
    issuer = item.handling_agency or item.receiving_agency
    parent, agency = _heading(issuer)
    with translation.override("vi"):
        intro = _(
            "%(agency)s nhận được phản ánh, kiến nghị của Ông/Bà (mã %(code)s, tiếp nhận ngày "
            "%(day)s) về việc: %(title)s. Sau khi xem xét, %(agency)s trả lời như sau:"
        ) % {
            "agency": issuer.name if issuer else "",
            "code": item.code,
            "day": item.received_at.astimezone(VN_TZ).strftime("%d/%m/%Y"),
            "title": scrub_text(item.title),
        }
        closing = _(
            "Nếu câu trả lời chưa giải quyết được nội dung phản ánh, kiến nghị, Ông/Bà có thể đề "
            "nghị xem xét lại bằng mã %(code)s và số điện thoại đã khai tại trang Tra cứu phản "
            "ánh, kiến nghị của Cổng dịch vụ công./."
        ) % {"code": item.code}
        return Letter(
            parent=parent,
            agency=agency,
            number=_("Số: ……/……"),
            about=_("V/v trả lời phản ánh, kiến nghị mã %(code)s") % {"code": item.code},
            place_date=place_date_text(item.answered_at),
            recipient=scrub_text(item.sender_name),
            address=scrub_text(item.sender_address),
            paragraphs=[intro, *_lines(item.answer), closing],
            recipients=[_("- Như trên;"), _("- Lưu: VT.")],
            sign_title=_("THỦ TRƯỞNG CƠ QUAN"),
            signer=scrub_text(item.answer_signer),
            code=item.code,
        )


def letter_filename(item: FeedbackItem, fmt: str) -> str:
    """``thu-tra-loi-PAKN-250424-0001.pdf``: ASCII only, safe in a header."""
    code = re.sub(r"[^A-Za-z0-9._-]+", "-", item.code).strip("-.")
    return f"thu-tra-loi-{code}.{fmt}"


def render_letter(item: FeedbackItem, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown letter format: {fmt!r}")
    letter = build_letter(item)
    return letter_pdf(letter) if fmt == "pdf" else letter_docx(letter)


# --- PDF ----------------------------------------------------------------------------------------


def letter_pdf(letter: Letter) -> bytes:
    with translation.override("vi"):
        html = render_to_string(
            "feedback/print/answer_letter.html", {"letter": letter, "fonts": font_faces()}
        )
    return html_to_pdf(html)


# --- DOCX ---------------------------------------------------------------------------------------

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


def _run(text: str, *, bold: bool = False, italic: bool = False, size: int = 0) -> str:
    props = ""
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(scrub_text(text))}</w:t></w:r>'


def _para(*runs: str, align: str = "", indent: bool = False, after: int | None = None) -> str:
    props = ""
    if after is not None:
        props += f'<w:spacing w:after="{after}"/>'
    if indent:
        props += '<w:ind w:firstLine="567"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _cell(width: int, paragraphs: list[str]) -> str:
    body = "".join(paragraphs) or _para()
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>'


def _table(left: tuple[int, list[str]], right: tuple[int, list[str]]) -> str:
    """Two columns without borders (the heading, the signature)."""
    none = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = f'<w:gridCol w:w="{left[0]}"/><w:gridCol w:w="{right[0]}"/>'
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{left[0] + right[0]}" w:type="dxa"/>'
        f'<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid><w:tr>{_cell(*left)}{_cell(*right)}</w:tr></w:tbl>"
    )


def _document_xml(letter: Letter) -> str:
    c = "center"
    left = [
        _para(_run(letter.parent, size=25), align=c, after=0) if letter.parent else "",
        _para(_run(letter.agency, bold=True, size=25), align=c, after=0),
        _para(_run("———", size=20), align=c, after=0),
        _para(_run(letter.number), align=c, after=0),
        _para(_run(letter.about, size=24), align=c, after=0),
    ]
    with translation.override("vi"):
        republic = _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        motto = _("Độc lập - Tự do - Hạnh phúc")
        dear = _("Kính gửi")
        address = _("Địa chỉ")
        to = _("Nơi nhận:")
    right = [
        _para(_run(republic, bold=True, size=25), align=c, after=0),
        _para(_run(motto, bold=True, size=27), align=c, after=0),
        _para(_run("———————", size=20), align=c, after=0),
        _para(_run(letter.place_date, italic=True), align=c, after=0),
    ]
    body = [
        _table((3969, left), (5102, right)),
        _para(),
        _para(_run(f"{dear}: ", bold=False), _run(letter.recipient, bold=True), align=c),
        _para(_run(f"{address}: {letter.address}"), align=c),
        *(_para(_run(text), align="both", indent=True) for text in letter.paragraphs),
        _para(),
    ]
    recipients = [_para(_run(to, bold=True, italic=True, size=24), after=0)] + [
        _para(_run(line, size=22), after=0) for line in letter.recipients
    ]
    sign = [
        _para(_run(letter.sign_title, bold=True), align=c, after=0),
        _para(_run(letter.agency, bold=True), align=c, after=0),
        *(_para(after=0) for _ in range(4)),
        _para(_run(letter.signer, bold=True), align=c, after=0),
    ]
    body.append(_table((4536, recipients), (4535, sign)))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}{SECTION}</w:body></w:document>'
    )


def letter_docx(letter: Letter) -> bytes:
    """The letter as a DOCX (a ZIP of WordprocessingML parts)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES_XML)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        package.writestr("word/styles.xml", STYLES)
        package.writestr("word/document.xml", _document_xml(letter))
    return buffer.getvalue()
