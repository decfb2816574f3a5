"""The officers' feedback worklist: eight tabs counted in one query, a page of the tab's items
in the order they are worked, and the menu's attention count (loaded after the page)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cchc.feedback import selectors as sel
from cchc.feedback.models import (
    FeedbackItem,
)
from cchc.feedback.staff._shared import deadline
from cchc.org.permissions import staff_required

PAGE_SIZE = 25


TABS: tuple[tuple[str, object], ...] = (
    (sel.Tab.RECEIVED, _("Chờ phân loại")),
    (sel.Tab.FORWARD_OVERDUE, _("Quá hạn chuyển")),
    (sel.Tab.HANDLING, _("Đang xử lý")),
    (sel.Tab.AWAITING, _("Chờ duyệt")),
    (sel.Tab.DUE_SOON, _("Sắp đến hạn")),
    (sel.Tab.ANSWER_OVERDUE, _("Quá hạn trả lời")),
    (sel.Tab.ANSWERED, _("Chờ công khai")),
    (sel.Tab.DONE, _("Đã xong")),
)


ALERT_TABS = {sel.Tab.FORWARD_OVERDUE, sel.Tab.ANSWER_OVERDUE}


DEFAULT_TAB = sel.Tab.RECEIVED


def current_tab(value: str) -> str:
    return value if value in sel.Tab.__members__.values() else DEFAULT_TAB


def _page_number(value: str) -> int:
    return int(value) if value.isdigit() and 0 < len(value) < 7 else 1


@require_GET
@staff_required
def worklist_view(request: HttpRequest) -> HttpResponse:
    tab = current_tab(request.GET.get("tab", ""))
    page = _page_number(request.GET.get("trang", ""))
    now = timezone.now()
    rows, more = sel.feedback_page(sel.feedback_worklist(request.user, tab, now), page, PAGE_SIZE)
    counts = sel.feedback_tab_counts(request.user, now)
    context = {
        "tab": tab,
        "tab_label": dict(TABS)[tab],
        "tabs": [(name, label, counts[name], name in ALERT_TABS) for name, label in TABS],
        "rows": [worklist_row(item, now) for item in rows],
        "next_query": urlencode({"tab": tab, "trang": page + 1}) if more else "",
        "prev_query": urlencode({"tab": tab, "trang": page - 1}) if page > 1 else "",
    }
    return render(request, "feedback/staff/worklist.html", context)


def worklist_row(item: FeedbackItem, now: datetime) -> dict:
    return {"item": item, "deadline": deadline(item, now)}


@require_GET
@staff_required
def attention_view(request: HttpRequest) -> HttpResponse:
    """htmx: the badge in the menu — items due soon or overdue in the officer's scope."""
    count = sel.feedback_attention_count(request.user, timezone.now())
    return render(request, "feedback/staff/_attention_badge.html", {"count": count})
