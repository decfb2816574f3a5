"""Official one-stop forms (biểu mẫu một cửa) as PDF, and the dossier tracking book as XLSX.

Forms after Circular 01/2018/TT-VPCP (renumbered by Circular 03/2025/TT-VPCP, DOMAIN B §2):
Mẫu 01 receipt and appointment, Mẫu 02 supplement request, Mẫu 03 refusal, Mẫu 04 apology
and new appointment, Mẫu 05 process control sheet (one row per hand-over, from the event
log), Mẫu 06 tracking book (sổ theo dõi hồ sơ). PDFs are rendered by WeasyPrint from the
templates in ``dossiers/print/`` with the vendored Tinos font (Times New Roman metrics, full
Vietnamese), the national heading and dates as dd/mm/yyyy (Decree 30/2020 for the
"…, ngày … tháng … năm …" line). The tracking book lives in ``cchc.dossiers.tracking_book``
and is re-exported here. Reads only: nothing here changes a dossier.
"""

from __future__ import annotations

import base64
import functools
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from cchc.catalog.models import Procedure
from cchc.core.calendar import current_calendar
from cchc.core.templatetags.vn import decimal_vn
from cchc.core.validation import scrub_text
from cchc.core.xlsx import XLSX_CONTENT_TYPE
from cchc.domain import lifecycle
from cchc.domain.lifecycle import Action
from cchc.domain.workdays import VN_TZ, WorkCalendar
from cchc.dossiers.handovers import step_due, step_result
from cchc.dossiers.models import Apology, Dossier, DossierEvent, SupplementRequest
from cchc.dossiers.rating_links import lookup_rating_url
from cchc.dossiers.tracking_book import (
    tracking_book,
    tracking_book_filename,
)
from cchc.org.models import Agency

__all__ = [
    "FORM_KINDS",
    "XLSX_CONTENT_TYPE",
    "FormNotAvailable",
    "form_filename",
    "render_form",
    "tracking_book",
    "tracking_book_filename",
]

FORM_KINDS = ("receipt", "supplement", "refusal", "apology", "control-sheet")

MSG_NOT_RECEIVED = N_("Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận và hẹn trả kết quả.")
MSG_NO_SUPPLEMENT = N_("Hồ sơ không có yêu cầu bổ sung, hoàn thiện nào.")
MSG_NOT_REFUSED = N_("Hồ sơ không bị từ chối tiếp nhận hay từ chối giải quyết.")
MSG_NO_APOLOGY = N_("Hồ sơ không có phiếu xin lỗi và hẹn lại ngày trả kết quả.")
MSG_NO_CONTROL_SHEET = N_("Hồ sơ chưa được tiếp nhận nên chưa có Phiếu kiểm soát quá trình.")
# A programming error (the views and the API answer 404 for an unknown kind first), never shown
# to people: English, like the code, and not in the catalogue.
UNKNOWN_KIND_ERROR = "Unknown form kind: {kind!r} (expected one of {kinds})"

TEMPLATES = {
    "receipt": "dossiers/print/form01_receipt.html",
    "supplement": "dossiers/print/form02_supplement.html",
    "refusal": "dossiers/print/form03_refusal.html",
    "apology": "dossiers/print/form04_apology.html",
    "control-sheet": "dossiers/print/form05_control_sheet.html",
}
FILE_PREFIXES = {
    "receipt": "phieu-hen",
    "supplement": "phieu-yeu-cau-bo-sung",
    "refusal": "phieu-tu-choi",
    "apology": "phieu-xin-loi",
    "control-sheet": "phieu-kiem-soat",
}
FONT_FILES = {
    ("normal", "normal"): "Tinos-Regular.ttf",
    ("bold", "normal"): "Tinos-Bold.ttf",
    ("normal", "italic"): "Tinos-Italic.ttf",
    ("bold", "italic"): "Tinos-BoldItalic.ttf",
}

# Events that move the dossier from one holder to another: one control-sheet row each.
HAND_OVERS = {
    Action.RECEIVE: N_("Tiếp nhận hồ sơ, chuyển xử lý"),
    Action.FORWARD: N_("Chuyển bước tiếp theo"),
    Action.SEND_BACK: N_("Trả lại bước trước"),
    Action.APPROVE: N_("Phê duyệt, ban hành kết quả"),
    Action.REJECT: N_("Từ chối giải quyết"),
    Action.RETURN_RESULT: N_("Trả kết quả cho tổ chức, cá nhân"),
    Action.STOP: N_("Dừng giải quyết hồ sơ"),
    Action.WITHDRAW: N_("Tổ chức, cá nhân rút hồ sơ"),
}
# Events that change no holder but explain the timeline: a note line on the sheet.
NOTE_EVENTS = {
    Action.REQUEST_SUPPLEMENT: N_("Yêu cầu bổ sung, hoàn thiện hồ sơ"),
    Action.SUBMIT_SUPPLEMENT: N_("Nhận hồ sơ bổ sung"),
    Action.APOLOGIZE: N_("Xin lỗi và hẹn lại ngày trả kết quả"),
    Action.REQUEST_PAYMENT: N_("Yêu cầu thực hiện nghĩa vụ tài chính"),
    Action.CONFIRM_PAYMENT: N_("Đã thực hiện nghĩa vụ tài chính"),
}
ROW_RESULT = {"early": N_("Trước hạn"), "on_time": N_("Đúng hạn"), "late": N_("Trễ hạn")}


class FormNotAvailable(Exception):
    """The dossier has no such form (e.g. an apology form for a dossier never apologised for);
    ``message`` is for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- Formatting ----------------------------------------------------------------------------


def _local(moment: datetime) -> datetime:
    return moment.astimezone(VN_TZ) if timezone.is_aware(moment) else moment


def moment_text(moment: datetime | None) -> str:
    """``09 giờ 05 phút, ngày 03/03/2025`` (the forms' way of writing a moment)."""
    if moment is None:
        return ""
    local = _local(moment)
    return _("%(h)s giờ %(m)s phút, ngày %(d)s") % {
        "h": f"{local:%H}",
        "m": f"{local:%M}",
        "d": f"{local:%d/%m/%Y}",
    }


def place_date_text(moment: datetime | date) -> str:
    """``Bình Sơn, ngày 03 tháng 3 năm 2025``: Decree 30/2020 Annex I writes days below 10 and
    the months 1 and 2 with a leading zero, other months without."""
    day = _local(moment).date() if isinstance(moment, datetime) else moment
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return _("%(place)s, ngày %(d)s tháng %(m)s năm %(y)s") % {
        "place": place_name(),
        "d": f"{day.day:02d}",
        "m": month,
        "y": day.year,
    }


def place_name() -> str:
    """The province name without its administrative prefix: "Tỉnh Bình Sơn" → "Bình Sơn"."""
    name = str(settings.CCHC_PROVINCE_NAME).strip()
    return re.sub(r"^(tỉnh|thành phố)\s+", "", name, flags=re.IGNORECASE) or name


def _person(user: object | None) -> str:
    return user.get_full_name() if user is not None else ""


def _heading(agency: Agency | None) -> dict:
    """Left column of the national heading: the parent body (line 1) and the issuing agency
    (line 2, bold, underlined), both in capitals."""
    if agency is None:
        return {"parent": "", "name": ""}
    parent = agency.parent if agency.parent_id else None
    return {"parent": parent.name.upper() if parent else "", "name": agency.name.upper()}


def _unit(user: object | None, fallback: Agency) -> Agency:
    agency = getattr(user, "agency", None)
    return agency if isinstance(agency, Agency) else fallback


# --- The forms -----------------------------------------------------------------------------


def _base_context(dossier: Dossier, issuer: Agency, moment: datetime | date) -> dict:
    snapshot = dossier.procedure_version.snapshot
    return {
        "dossier": dossier,
        "reference": dossier.reference,
        "heading": _heading(issuer),
        "place_date": place_date_text(moment),
        "procedure_name": snapshot.get("name") or dossier.procedure.name,
        "procedure_code": snapshot.get("code") or dossier.procedure.code,
        "receiving_agency": dossier.receiving_agency,
        "received_at_text": moment_text(dossier.received_at),
    }


def _receipt_due(dossier: Dossier) -> datetime | None:
    """The appointment written on the receipt when it was issued. Supplements and apologies
    move ``due_at`` later; the receipt keeps the first appointment (recomputed from the
    receipt moment when it has moved since)."""
    event = dossier.events.filter(action=Action.RECEIVE).order_by("seq").first()
    stored = (event.data or {}).get("due_at") if event else None
    if stored:
        return datetime.fromisoformat(stored)
    if not dossier.apology_count and not dossier.processing_supplement_count:
        return dossier.due_at
    from cchc.dossiers.services.intake import _legal_due

    return _legal_due(dossier, dossier.received_at)[0]


def _processing_time(dossier: Dossier) -> str:
    snapshot = dossier.procedure_version.snapshot
    unit = Procedure.TimeUnit(snapshot["processing_unit"]).label
    return f"{decimal_vn(snapshot['processing_time'])} {unit}"


def _receipt(dossier: Dossier) -> dict:
    if dossier.received_at is None or not dossier.code:
        raise FormNotAvailable(_(MSG_NOT_RECEIVED))
    documents = dossier.documents.filter(
        Q(supplement__isnull=True) | Q(supplement__stage=SupplementRequest.Stage.INTAKE)
    )
    fees = list(dossier.fee_lines.filter(is_financial_obligation=False).order_by("id"))
    due = _receipt_due(dossier)
    context = _base_context(dossier, dossier.receiving_agency, dossier.received_at)
    context.update(
        documents=list(documents),
        fees=fees,
        fees_total=sum(f.amount_vnd for f in fees),
        processing_time=_processing_time(dossier),
        receiving_officer=_person(dossier.received_by),
        due_text=moment_text(due),
        moved_due_text=moment_text(dossier.due_at) if dossier.due_at != due else "",
        return_method=dossier.get_return_method_display(),
        postal_address=(
            dossier.delivery_address or dossier.applicant_address
            if dossier.return_method == Dossier.ReturnMethod.POSTAL
            else ""
        ),
        lookup_url=lookup_url(dossier.code),
        qr_data_uri=qr_data_uri(lookup_rating_url(dossier)),  # lookup + rating token
    )
    return context


def lookup_url(code: str) -> str:
    return f"{settings.CCHC_PUBLIC_URL}/tra-cuu/?ma={quote(code)}"


def qr_data_uri(text: str) -> str:
    """An SVG QR code as a ``data:`` URI (vector, so it prints sharp at any size)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=1)
    encoded = base64.b64encode(image.to_string()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def _supplement(dossier: Dossier) -> dict:
    request = (
        dossier.supplements.select_related("requested_by", "requested_by__agency")
        .order_by("-requested_at", "-id")
        .first()
    )
    if request is None:
        raise FormNotAvailable(_(MSG_NO_SUPPLEMENT))
    issuer = _unit(request.requested_by, dossier.receiving_agency)
    context = _base_context(dossier, issuer, request.requested_at)
    context.update(
        request=request,
        items=[str(item) for item in request.items],
        stage=request.get_stage_display(),
        officer=_person(request.requested_by),
        officer_phone=getattr(request.requested_by, "phone", "") or dossier.receiving_agency.phone,
        issuer=issuer,
        requested_at_text=moment_text(request.requested_at),
    )
    return context


def _refusal(dossier: Dossier) -> dict:
    refused = dossier.status == lifecycle.Status.REFUSED
    rejected = dossier.outcome == Dossier.Outcome.REJECTED
    if not (refused or rejected):
        raise FormNotAvailable(_(MSG_NOT_REFUSED))
    action = Action.REFUSE if refused else Action.REJECT
    event = (
        dossier.events.filter(action=action)
        .select_related("actor", "agency", "agency__parent")
        .order_by("-seq")
        .first()
    )
    moment = event.at if event else dossier.finished_at or timezone.now()
    issuer = (event.agency if event else None) or dossier.receiving_agency
    context = _base_context(dossier, issuer, moment)
    context.update(
        rejected=rejected,
        reason=dossier.closing_reason,
        officer=(event.actor_name if event else "") or dossier.result_signer,
        issuer=issuer,
        decided_at_text=moment_text(moment),
    )
    return context


def _apology(dossier: Dossier) -> dict:
    apology: Apology | None = (
        dossier.apologies.select_related("agency", "agency__parent", "issued_by")
        .order_by("-issued_at", "-id")
        .first()
    )
    if apology is None:
        raise FormNotAvailable(_(MSG_NO_APOLOGY))
    context = _base_context(dossier, apology.agency, apology.issued_at)
    context.update(
        apology=apology,
        issuer=apology.agency,
        signer=_person(apology.issued_by),
        old_due_text=moment_text(apology.old_due_at),
        new_due_text=moment_text(apology.new_due_at),
    )
    return context


def _judge(event: DossierEvent, calendar: WorkCalendar) -> tuple[str, str]:
    """The row's result and the step due moment it was judged by, as printed."""
    result = step_result(event, calendar)
    due = step_due(event, calendar)
    return (_(ROW_RESULT[result]) if result else ""), (moment_text(due) if due else "")


def control_rows(dossier: Dossier) -> list[dict]:
    """One row per hand-over (Mẫu 05), in order, with note lines for the events between."""
    rows: list[dict] = []
    number = 0
    calendar = current_calendar()
    events = dossier.events.filter(action__in=[*HAND_OVERS, *NOTE_EVENTS]).order_by("seq")
    for event in events:
        if event.action in NOTE_EVENTS:
            rows.append({"note_only": True, "text": _note_line(event)})
            continue
        number += 1
        result, due = _judge(event, calendar)
        rows.append(
            {
                "note_only": False,
                "number": number,
                "from": _giver(event),
                "to": event.to_holder or _to_label(dossier, event),
                "at": moment_text(event.at),
                "result": result,
                "due": due,
                "note": " — ".join(p for p in (_(HAND_OVERS[event.action]), event.note) if p),
            }
        )
    return rows


def _giver(event: DossierEvent) -> str:
    """The step that handed over, and who did it when the step had no named holder."""
    label = event.from_holder or _actor_label(event)
    if event.actor_name and event.actor_name not in label:
        label = f"{label} ({event.actor_name})"
    return label


def _actor_label(event: DossierEvent) -> str:
    agency = event.agency.name if event.agency_id else ""
    return " — ".join(p for p in (agency, event.actor_name) if p)


def _to_label(dossier: Dossier, event: DossierEvent) -> str:
    if event.action in (Action.RETURN_RESULT, Action.WITHDRAW, Action.STOP):
        return _("Tổ chức, cá nhân: %(name)s") % {"name": dossier.applicant_name}
    return ""


def _note_line(event: DossierEvent) -> str:
    parts = [f"{moment_text(event.at)}: {_(NOTE_EVENTS[event.action])}"]
    if event.action == Action.APOLOGIZE and event.data.get("new_due_at"):
        new_due = datetime.fromisoformat(event.data["new_due_at"])
        parts.append(_("hẹn lại %(when)s") % {"when": moment_text(new_due)})
    if event.note:
        parts.append(event.note)
    if event.actor_name:
        parts.append(event.actor_name)
    return " — ".join(parts)


def _control_sheet(dossier: Dossier) -> dict:
    if dossier.received_at is None or not dossier.code:
        raise FormNotAvailable(_(MSG_NO_CONTROL_SHEET))
    due = _receipt_due(dossier)
    context = _base_context(dossier, dossier.receiving_agency, dossier.received_at)
    context.update(
        rows=control_rows(dossier),
        due_text=moment_text(due),
        moved_due_text=moment_text(dossier.due_at) if dossier.due_at != due else "",
    )
    return context


BUILDERS: dict[str, Callable[[Dossier], dict]] = {
    "receipt": _receipt,
    "supplement": _supplement,
    "refusal": _refusal,
    "apology": _apology,
    "control-sheet": _control_sheet,
}


# --- Rendering -----------------------------------------------------------------------------


def fonts_dir() -> Path:
    return Path(settings.BASE_DIR) / "cchc" / "static" / "fonts"


def font_faces() -> list[dict]:
    folder = fonts_dir()
    return [
        {"weight": weight, "style": style, "url": (folder / name).as_uri()}
        for (weight, style), name in FONT_FILES.items()
    ]


@functools.cache
def _fetcher_class() -> type:
    # WeasyPrint loads Pango through cffi (about 0.6 s): only on the first print, not at start-up.
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        """Lets a form load only the vendored fonts and inline ``data:`` images: rendering
        never reaches the network or reads any other file, whatever a dossier's text holds."""

        def fetch(self, url: str, headers: dict | None = None) -> object:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:") and url.startswith(fonts_dir().as_uri() + "/"):
                return super().fetch(url, headers)
            raise ValueError(f"Resource not allowed in printed forms: {url[:80]}")

    return LocalOnlyFetcher


def local_only_fetcher() -> object:
    return _fetcher_class()()


def render_form(dossier: Dossier, kind: str) -> bytes:
    """The PDF of one official form of ``dossier``; ``FormNotAvailable`` when the dossier has
    no such form, ``ValueError`` for an unknown ``kind``."""
    if kind not in BUILDERS:
        raise ValueError(UNKNOWN_KIND_ERROR.format(kind=kind, kinds=", ".join(FORM_KINDS)))
    # Official forms are Vietnamese documents whatever the officer's interface language.
    with translation.override("vi"):
        context = BUILDERS[kind](dossier)
        context["fonts"] = font_faces()
        html = render_to_string(TEMPLATES[kind], context)
    return html_to_pdf(html)


def html_to_pdf(html: str) -> bytes:
    """A print template's HTML as PDF: the vendored fonts only, nothing fetched from anywhere
    else. Every printed document of the platform goes through here."""
    from weasyprint import HTML

    # Text stored before the input checks may hold control characters: WeasyPrint draws them
    # but garbles the PDF's text layer (search, copy, screen readers) — they are dropped.
    return HTML(
        string=scrub_text(html),
        base_url=fonts_dir().as_uri() + "/",
        url_fetcher=local_only_fetcher(),
    ).write_pdf()


def form_filename(dossier: Dossier, kind: str) -> str:
    """``phieu-hen-000.00.05.H98-250303-0001.pdf``: ASCII only, safe in a header."""
    if kind not in FILE_PREFIXES:
        raise ValueError(UNKNOWN_KIND_ERROR.format(kind=kind, kinds=", ".join(FORM_KINDS)))
    reference = re.sub(r"[^A-Za-z0-9._-]+", "-", dossier.reference).strip("-.")
    return f"{FILE_PREFIXES[kind]}-{reference}.pdf"
