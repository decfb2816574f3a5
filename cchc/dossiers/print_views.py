"""Staff downloads of the official forms (PDF) and the dossier tracking book (XLSX).

Access first (``dossier_get_for_user``, ``agency_get_for_user``): another agency's dossier or
unit is a 404. A form the dossier does not have is a 404 with the reason; a bad period is a
400 with the reason — never a 500.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.views.decorators.http import require_GET

from cchc.core.security_log import security_event
from cchc.core.validation import date_range_message, year_in_range
from cchc.dossiers.printing import (
    FORM_KINDS,
    XLSX_CONTENT_TYPE,
    FormNotAvailable,
    form_filename,
    render_form,
    tracking_book,
    tracking_book_filename,
)
from cchc.dossiers.selectors import dossier_get_for_user
from cchc.org.models import Agency
from cchc.org.permissions import staff_required
from cchc.org.selectors import agencies_visible_to, agency_get_for_user, agency_scope_root

MSG_BAD_DATE = N_(
    "Ngày không hợp lệ: “%(value)s”. Nhập theo dạng ngày/tháng/năm, ví dụ 03/03/2025."
)
MSG_BAD_PERIOD = N_("“Từ ngày” phải trước hoặc bằng “đến ngày”.")
MSG_PERIOD_TOO_LONG = N_("Mỗi lần in sổ tối đa %(days)s ngày.")
MSG_NO_AGENCY = N_("Chọn cơ quan cần in sổ theo dõi hồ sơ.")
MAX_BOOK_DAYS = 366


class BadRequest(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _error(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "dossiers/print_error.html", {"message": message}, status=status)


@require_GET
@staff_required
def form_pdf_view(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    if kind not in FORM_KINDS:
        raise Http404
    dossier = dossier_get_for_user(request.user, code)
    try:
        pdf = render_form(dossier, kind)
    except FormNotAvailable as exc:
        return _error(request, exc.message, status=404)
    disposition = f'inline; filename="{form_filename(dossier, kind)}"'
    return HttpResponse(
        pdf, content_type="application/pdf", headers={"Content-Disposition": disposition}
    )


def parse_day(value: str, default: date) -> date:
    """``dd/mm/yyyy`` (or ``yyyy-mm-dd`` from a date input); empty gives ``default``."""
    value = value.strip()
    if not value:
        return default
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if not year_in_range(day):
            raise BadRequest(date_range_message())
        return day
    raise BadRequest(_(MSG_BAD_DATE) % {"value": value[:20]})


def book_request(request: HttpRequest) -> tuple[Agency, date, date]:
    """The agency and period asked for, checked: the agency must be visible to the officer."""
    today = timezone.localdate()
    date_from = parse_day(request.GET.get("from", ""), today.replace(day=1))
    date_to = parse_day(request.GET.get("to", ""), today)
    if date_from > date_to:
        raise BadRequest(_(MSG_BAD_PERIOD))
    if date_to - date_from > timedelta(days=MAX_BOOK_DAYS - 1):
        raise BadRequest(_(MSG_PERIOD_TOO_LONG) % {"days": MAX_BOOK_DAYS})
    code = request.GET.get("agency", "").strip()[:40]
    agency = agency_get_for_user(request.user, code) if code else agency_scope_root(request.user)
    if agency is None:
        raise BadRequest(_(MSG_NO_AGENCY))
    return agency, date_from, date_to


@require_GET
@staff_required
def tracking_book_view(request: HttpRequest) -> HttpResponse:
    try:
        agency, date_from, date_to = book_request(request)
    except BadRequest as exc:
        return _error(request, exc.message, status=400)
    agencies = agencies_visible_to(request.user).filter(path__startswith=agency.path)
    content = tracking_book(agencies=agencies, date_from=date_from, date_to=date_to)
    name = tracking_book_filename(agency, date_from, date_to)
    security_event(
        "export.personal_data", request=request, export="tracking_book", agency=agency.code
    )
    return HttpResponse(
        content,
        content_type=XLSX_CONTENT_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
