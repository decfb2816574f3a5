"""The answer letter to the sender (Decree 20/2008 Art. 19: the sender may get the answer by
letter), as PDF and DOCX, in the administrative layout of Decree 30/2020 like the platform's
other printed forms (``cchc.dossiers.printing``): the issuing agency and the national motto
side by side, the number and place-date line, "V/v …", "Kính gửi: <sender>", the answer, the
recipients and the signer.

The PDF goes through the house's ``html_to_pdf`` (WeasyPrint, the vendored Tinos font, nothing
fetched). The platform has no DOCX library: the DOCX is written with the house's small
WordprocessingML writer (``cchc.core.docx``), Times New Roman 13 pt on A4 with Decree 30's
margins. Reads only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cchc.core.docx import document_xml, docx_bytes, para, run, two_columns
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


def _document_xml(letter: Letter) -> str:
    c = "center"
    left = [
        para(run(letter.parent, size=25), align=c, after=0) if letter.parent else "",
        para(run(letter.agency, bold=True, size=25), align=c, after=0),
        para(run("———", size=20), align=c, after=0),
        para(run(letter.number), align=c, after=0),
        para(run(letter.about, size=24), align=c, after=0),
    ]
    with translation.override("vi"):
        republic = _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        motto = _("Độc lập - Tự do - Hạnh phúc")
        dear = _("Kính gửi")
        address = _("Địa chỉ")
        to = _("Nơi nhận:")
    right = [
        para(run(republic, bold=True, size=25), align=c, after=0),
        para(run(motto, bold=True, size=27), align=c, after=0),
        para(run("———————", size=20), align=c, after=0),
        para(run(letter.place_date, italic=True), align=c, after=0),
    ]
    body = [
        two_columns((3969, left), (5102, right)),
        para(),
        para(run(f"{dear}: ", bold=False), run(letter.recipient, bold=True), align=c),
        para(run(f"{address}: {letter.address}"), align=c),
        *(para(run(text), align="both", indent=True) for text in letter.paragraphs),
        para(),
    ]
    recipients = [para(run(to, bold=True, italic=True, size=24), after=0)] + [
        para(run(line, size=22), after=0) for line in letter.recipients
    ]
    sign = [
        para(run(letter.sign_title, bold=True), align=c, after=0),
        para(run(letter.agency, bold=True), align=c, after=0),
        *(para(after=0) for _ in range(4)),
        para(run(letter.signer, bold=True), align=c, after=0),
    ]
    body.append(two_columns((4536, recipients), (4535, sign)))
    return document_xml(body)


def letter_docx(letter: Letter) -> bytes:
    """The letter as a DOCX (a ZIP of WordprocessingML parts, ``cchc.core.docx``)."""
    return docx_bytes(_document_xml(letter))
