"""The administrator's page for searching the security log (nhật ký an toàn thông tin).

Only a system administrator (role ``system_admin``) or a superuser opens it: anonymous users
go to the sign-in page, every other signed-in user gets 403 (the page names no object, so a
404 would hide nothing). The search reads the files through ``security_log_search``: newest
first, a page of lines or ``CCHC_SECURITY_LOG_SCAN_BYTES`` read per request, whichever comes
first, and a link to go on from there (issue 14, item 8).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cchc.core.security_files import Cursor, Filters, security_log_search
from cchc.core.security_log import DENIED, FAILURE, SUCCESS
from cchc.core.validation import CleanTextFormMixin, VnDateField

PAGE_SIZE = 50
DEFAULT_DAYS = 7

MSG_PERIOD_ORDER = _("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")
MSG_PERIOD_TOO_LONG = _("Khoảng thời gian tìm kiếm dài nhất là %(days)s ngày.")
MSG_BAD_CURSOR = _("Vị trí xem tiếp không hợp lệ; hãy tìm kiếm lại từ đầu.")

# The events the platform writes (others' parts may add more: the field matches by prefix).
KNOWN_EVENTS = (
    "auth.",
    "auth.login",
    "auth.logout",
    "auth.lockout",
    "account.",
    "account.create",
    "account.role_change",
    "account.permission_change",
    "account.password_change",
    "account.password_reset",
    "admin.",
    "api.token",
    "api.token_issue",
    "export.personal_data",
    "document.open",
    "privacy.",
)


def can_read_security_log(user: object) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and (getattr(user, "is_superuser", False) or getattr(user, "role", "") == "system_admin")
    )


class SecurityLogForm(CleanTextFormMixin, forms.Form):
    date_from = VnDateField(label=_("Từ ngày"), required=False)
    date_to = VnDateField(label=_("Đến ngày"), required=False)
    event = forms.CharField(
        label=_("Sự kiện"),
        required=False,
        max_length=60,
        help_text=_("Tên sự kiện hoặc phần đầu của tên, ví dụ auth. hay document.open"),
    )
    username = forms.CharField(label=_("Tên đăng nhập"), required=False, max_length=150)
    ip = forms.CharField(label=_("Địa chỉ IP"), required=False, max_length=45)
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            (SUCCESS, _("Thành công")),
            (FAILURE, _("Thất bại")),
            (DENIED, _("Bị từ chối")),
        ],
    )
    cursor = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def clean_cursor(self) -> Cursor | None:
        text = self.cleaned_data.get("cursor") or ""
        if not text:
            return None
        cursor = Cursor.parse(text)
        if cursor is None:
            raise forms.ValidationError(MSG_BAD_CURSOR)
        return cursor

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        today = timezone.localdate()
        date_to = data.get("date_to") or today
        date_from = data.get("date_from") or date_to - timedelta(days=DEFAULT_DAYS - 1)
        if date_from > date_to:
            raise forms.ValidationError(MSG_PERIOD_ORDER)
        longest = settings.CCHC_SECURITY_LOG_DAYS
        if (date_to - date_from).days + 1 > longest:
            raise forms.ValidationError(MSG_PERIOD_TOO_LONG, params={"days": longest})
        data["date_from"], data["date_to"] = date_from, date_to
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        start = datetime.combine(data["date_from"], time.min, tzinfo=zone)
        end = datetime.combine(data["date_to"] + timedelta(days=1), time.min, tzinfo=zone)
        return Filters(
            start=start,
            end=end,
            event=data.get("event", "").strip(),
            username=data.get("username", "").strip(),
            ip=data.get("ip", "").strip(),
            outcome=data.get("outcome", ""),
        )


def _page_query(params: QueryDict, cursor: Cursor) -> str:
    kept = [(k, v) for k, v in params.items() if k != "cursor"]
    return urlencode([*kept, ("cursor", str(cursor))])


@require_GET
def security_log_view(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_read_security_log(request.user):
        raise PermissionDenied
    form = SecurityLogForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "core/security_log.html", {"form": form}, status=400)
    if not request.GET:
        form = SecurityLogForm({})
        form.is_valid()
    result = security_log_search(
        form.filters(), cursor=form.cleaned_data.get("cursor"), limit=PAGE_SIZE
    )
    context = {
        "form": form,
        "result": result,
        "entries": [
            {"entry": e, "at": timezone.localtime(e.at) if e.at else None} for e in result.entries
        ],
        "period": (form.cleaned_data["date_from"], form.cleaned_data["date_to"]),
        "next_query": _page_query(request.GET, result.next_cursor) if result.next_cursor else "",
        "scanned_mb": f"{result.scanned_bytes / 1_048_576:.1f}".replace(".", ","),
        "known_events": KNOWN_EVENTS,
        "first_page": not form.cleaned_data.get("cursor"),
    }
    return render(request, "core/security_log.html", context)
