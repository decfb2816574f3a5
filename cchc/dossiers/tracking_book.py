"""Mẫu 06 — Sổ theo dõi hồ sơ (dossier tracking book) as an XLSX workbook.

One line per dossier received by the chosen agencies in a period of local days: number, code,
procedure, applicant, received, appointment, first hand-over, result, returned, how the result
is returned, a blank column for the recipient's signature, and notes (late, supplemented,
apology, withdrawn…). Dates are real Excel date-times in Vietnam's wall-clock time shown as
dd/mm/yyyy hh:mm. Public through ``cchc.dossiers.printing``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from cchc.core.xlsx import (
    FONT,
    a4_landscape,
    workbook_bytes,
    write_header,
    write_row,
    write_titles,
)
from cchc.domain import lifecycle
from cchc.domain.lifecycle import Action
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Dossier, DossierEvent
from cchc.org.models import Agency

BOOK_COLUMNS = (
    (N_("STT"), 6),
    (N_("Mã hồ sơ"), 26),
    (N_("Thủ tục hành chính"), 40),
    (N_("Tổ chức, cá nhân"), 28),
    (N_("Ngày nhận"), 17),
    (N_("Ngày hẹn trả"), 17),
    (N_("Ngày chuyển"), 17),
    (N_("Ngày có kết quả"), 17),
    (N_("Ngày trả kết quả"), 17),
    (N_("Hình thức nhận kết quả"), 16),
    (N_("Ký nhận"), 14),
    (N_("Ghi chú"), 30),
)
DATE_COLUMNS = range(5, 10)
DATE_FORMAT = "dd/mm/yyyy hh:mm"
HEADER_ROW = 5


def _naive(moment: datetime | None) -> datetime | None:
    """Excel has no time zones: cells hold the local (Vietnam) wall-clock time."""
    if moment is None:
        return None
    return moment.astimezone(VN_TZ).replace(tzinfo=None) if timezone.is_aware(moment) else moment


def period_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """[00:00 of ``date_from``, 00:00 of the day after ``date_to``) in Vietnam's time zone."""
    start = datetime.combine(date_from, time.min, tzinfo=VN_TZ)
    end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=VN_TZ)
    return start, end


def tracking_rows(*, agencies: Iterable[Agency], date_from: date, date_to: date) -> list[Dossier]:
    """Dossiers received by ``agencies`` from ``date_from`` to ``date_to`` (local days,
    inclusive), oldest first, each annotated with ``first_forward_at``. One query."""
    start, end = period_bounds(date_from, date_to)
    first_forward = (
        DossierEvent.objects.filter(dossier=OuterRef("pk"), action=Action.FORWARD)
        .order_by("seq")
        .values("at")[:1]
    )
    return list(
        Dossier.objects.filter(
            receiving_agency__in=list(agencies), received_at__gte=start, received_at__lt=end
        )
        .select_related("procedure")
        .annotate(first_forward_at=Subquery(first_forward))
        .order_by("received_at", "code")
    )


def book_notes(dossier: Dossier, now: datetime | None = None) -> str:
    """The notes column: timeliness (or overdue while open), supplements, apology, closure."""
    notes = []
    if dossier.timeliness:
        notes.append(dossier.get_timeliness_display())
    elif lifecycle.is_overdue(dossier.lifecycle_status, dossier.due_at, now or timezone.now()):
        notes.append(_("Đang quá hạn"))
    supplements = dossier.intake_supplement_count + dossier.processing_supplement_count
    if supplements:
        notes.append(_("Bổ sung hồ sơ %(n)s lần") % {"n": supplements})
    if dossier.apology_count:
        notes.append(_("Có phiếu xin lỗi, hẹn lại ngày trả"))
    if dossier.outcome == Dossier.Outcome.REJECTED:
        notes.append(_("Từ chối giải quyết"))
    if dossier.status in (lifecycle.Status.WITHDRAWN, lifecycle.Status.STOPPED):
        notes.append(dossier.get_status_display())
    if dossier.backdated:
        notes.append(_("Nhập bù hồ sơ giấy"))
    return "; ".join(str(n) for n in notes)


def book_title(agencies: list[Agency]) -> str:
    """The agencies at the top of the chosen set (a unit, not each of its divisions)."""
    ids = {a.pk for a in agencies}
    tops = [a for a in agencies if a.parent_id not in ids] or agencies
    return "; ".join(a.name for a in tops)


def tracking_book(*, agencies: Iterable[Agency], date_from: date, date_to: date) -> bytes:
    """Mẫu 06 — Sổ theo dõi hồ sơ for ``agencies`` and the period, as XLSX bytes."""
    if date_from > date_to:
        raise ValueError("date_from is after date_to")
    agencies = list(agencies)
    book = Workbook()
    sheet = book.active
    sheet.title = "So theo doi"
    # The book is an official register: Vietnamese whatever the officer's interface language.
    with translation.override("vi"):
        _write_titles(sheet, book_title(agencies), date_from, date_to)
        write_header(sheet, HEADER_ROW, [(_(label), width) for label, width in BOOK_COLUMNS])
        rows = tracking_rows(agencies=agencies, date_from=date_from, date_to=date_to)
        now = timezone.now()
        formats = dict.fromkeys(DATE_COLUMNS, DATE_FORMAT)
        for index, dossier in enumerate(rows, start=1):
            write_row(sheet, HEADER_ROW + index, _row_values(index, dossier, now), formats=formats)
    a4_landscape(sheet, header_row=HEADER_ROW)
    return workbook_bytes(book)


def _write_titles(sheet: Worksheet, title: str, date_from: date, date_to: date) -> None:
    period = _("Từ ngày %(a)s đến ngày %(b)s") % {
        "a": f"{date_from:%d/%m/%Y}",
        "b": f"{date_to:%d/%m/%Y}",
    }
    lines = [
        (title.upper(), Font(name=FONT, bold=True, size=12)),
        (_("SỔ THEO DÕI HỒ SƠ"), Font(name=FONT, bold=True, size=14)),
        (period, Font(name=FONT, italic=True, size=12)),
    ]
    write_titles(sheet, lines, len(BOOK_COLUMNS))


def _row_values(index: int, dossier: Dossier, now: datetime) -> list[object]:
    applicant = dossier.applicant_name
    if dossier.applicant_address:
        applicant = f"{applicant}\n{dossier.applicant_address}"
    return [
        index,
        dossier.code,
        dossier.procedure.name,
        applicant,
        _naive(dossier.received_at),
        _naive(dossier.due_at),
        _naive(dossier.first_forward_at),
        _naive(dossier.finished_at) if dossier.outcome else None,
        _naive(dossier.returned_at),
        str(dossier.get_return_method_display()),
        None,  # ký nhận: signed on paper by whoever collects the result
        book_notes(dossier, now),
    ]


def tracking_book_filename(agency: Agency, date_from: date, date_to: date) -> str:
    code = re.sub(r"[^A-Za-z0-9._-]+", "-", agency.code)
    return f"so-theo-doi-ho-so-{code}-{date_from:%d%m%Y}-{date_to:%d%m%Y}.xlsx"
