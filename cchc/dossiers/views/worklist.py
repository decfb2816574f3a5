"""Worklists (danh sách công việc): to receive, mine, my agency's queue, due today, overdue,
awaiting supplement, ready to return — filtered with htmx, keyset-paginated, and bulk actions
where officers do the same thing to many dossiers (forward, return)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from cchc.domain.lifecycle import TransitionError
from cchc.dossiers.forms import BulkForm, WorklistFilterForm, bulk_recipients
from cchc.dossiers.messages import error_message
from cchc.dossiers.models import Dossier
from cchc.dossiers.selectors import (
    Filters,
    Worklist,
    dossier_get_for_user,
    dossier_worklist,
    keyset_page,
)
from cchc.dossiers.services import DossierInputError, dossier_forward, dossier_return
from cchc.dossiers.views._shared import dossier_clock_view, dossier_key
from cchc.org.models import User
from cchc.org.permissions import staff_required

PAGE_SIZE = 25
BULK_LIMIT = 100
BULK_REPORT_KEY = "dossiers_bulk_report"
TABS: tuple[tuple[str, object], ...] = (
    (Worklist.TO_RECEIVE, gettext_lazy("Chờ tiếp nhận")),
    (Worklist.MINE, gettext_lazy("Của tôi")),
    (Worklist.QUEUE, gettext_lazy("Chờ xử lý của cơ quan")),
    (Worklist.DUE_TODAY, gettext_lazy("Đến hạn hôm nay")),
    (Worklist.OVERDUE, gettext_lazy("Quá hạn")),
    (Worklist.SUPPLEMENT, gettext_lazy("Chờ bổ sung")),
    (Worklist.READY, gettext_lazy("Chờ trả kết quả")),
)
TAB_NAMES = {name for name, _label in TABS}
DEFAULT_TAB = Worklist.QUEUE
BULK_FORWARD_TABS = {Worklist.MINE, Worklist.QUEUE}
BULK_RETURN_TABS = {Worklist.READY}
ROLE_QUEUE = {
    "counter_officer": gettext_lazy("Hàng chờ bộ phận một cửa"),
    "specialist": gettext_lazy("Hàng chờ chuyên viên"),
    "leader": gettext_lazy("Hàng chờ lãnh đạo"),
}


# Not a tab of the bar (nothing to count there): the dossiers behind a figure of the report or
# a dashboard, reached by its link with the figure's filters, within the officer's scope.
DRILL_TAB = Worklist.ALL
DRILL_LABEL = gettext_lazy("Hồ sơ theo số liệu")


def current_tab(value: str) -> str:
    return value if value in TAB_NAMES or value == DRILL_TAB else DEFAULT_TAB


def _cursor(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) < 19 else None


@require_GET
@staff_required
def worklist_view(request: HttpRequest) -> HttpResponse:
    tab = current_tab(request.GET.get("tab", ""))
    filter_form = WorklistFilterForm(request.GET)
    now = timezone.now()
    queryset = dossier_worklist(
        request.user, tab, now=now, filters=Filters(**filter_form.filters())
    )
    dossiers, cursor = keyset_page(
        queryset,
        after=_cursor(request.GET.get("after", "")),
        size=PAGE_SIZE,
        selective=tab != DRILL_TAB,
    )
    context = {
        "tab": tab,
        "tab_label": dict(TABS).get(tab, DRILL_LABEL),
        "drill": tab == DRILL_TAB,
        "tabs": [(name, label, None) for name, label in TABS],
        "filter_form": filter_form,
        "rows": [worklist_row(dossier, now) for dossier in dossiers],
        "next_query": _query(request, tab, after=cursor) if cursor else "",
        "first_query": _query(request, tab) if request.GET.get("after") else "",
        "bulk_forward": tab in BULK_FORWARD_TABS,
        "bulk_return": tab in BULK_RETURN_TABS,
        "recipients": bulk_recipients(request.user) if tab in BULK_FORWARD_TABS else [],
        "bulk_report": request.session.pop(BULK_REPORT_KEY, None),
    }
    if request.htmx and request.htmx.target == "worklist-results":
        return render(request, "dossiers/_worklist_rows.html", context)
    return render(request, "dossiers/worklist.html", context)


@require_GET
@staff_required
def worklist_counts_view(request: HttpRequest) -> HttpResponse:
    """htmx: the tabs with their counts (one COUNT each), loaded after the list."""
    now = timezone.now()
    tabs = [
        (name, label, dossier_worklist(request.user, name, now=now).count()) for name, label in TABS
    ]
    tab = current_tab(request.GET.get("tab", ""))
    return render(request, "dossiers/_worklist_tabs.html", {"tab": tab, "tabs": tabs})


def _query(request: HttpRequest, tab: str, *, after: int | None = None) -> str:
    params = {k: v for k, v in request.GET.items() if k not in ("after", "tab") and v}
    params["tab"] = tab
    if after:
        params["after"] = str(after)
    return urlencode(params)


def worklist_row(dossier: Dossier, now: datetime) -> dict:
    step = dossier.current_step
    holder = ""
    if step is not None:
        who = step.holder.get_full_name() if step.holder_id else ROLE_QUEUE.get(step.role, "")
        holder = f"{who} · {step.agency.short_name or step.agency.name}"
    return {
        "dossier": dossier,
        "key": dossier_key(dossier),
        "clock": dossier_clock_view(dossier, now),
        "holder": holder,
    }


@require_POST
@staff_required
def bulk_view(request: HttpRequest) -> HttpResponse:
    """Forward or return each selected dossier through its own service call, and report each
    one's outcome (never all-or-nothing hiding the failures)."""
    form = BulkForm(request.POST, user=request.user)
    tab = current_tab(request.POST.get("tab", ""))
    if not form.is_valid():
        messages.error(request, _("Chọn ít nhất một hồ sơ và một thao tác hợp lệ."))
        return redirect(f"{_worklist_url()}?tab={tab}")
    data = form.cleaned_data
    report = [bulk_one(request.user, code, data) for code in data["codes"][:BULK_LIMIT]]
    done = sum(1 for row in report if row["ok"])
    request.session[BULK_REPORT_KEY] = report
    summary = _("Đã thực hiện %(done)s/%(total)s hồ sơ.") % {"done": done, "total": len(report)}
    if done == len(report):
        messages.success(request, summary)
    else:
        messages.warning(request, summary + " " + _("Xem các hồ sơ chưa thực hiện được bên dưới."))
    return redirect(f"{_worklist_url()}?tab={tab}")


def _worklist_url() -> str:
    from django.urls import reverse

    return reverse("dossiers:worklist")


def bulk_one(actor: User, code: str, data: dict) -> dict:
    try:
        dossier = dossier_get_for_user(actor, code)
    except Http404:
        return {"code": code, "ok": False, "message": _("Không tìm thấy hồ sơ.")}
    try:
        if data["action"] == BulkForm.FORWARD:
            dossier_forward(actor=actor, dossier=dossier, to_user=data.get("to_user"))
            message = _("Đã chuyển bước tiếp theo.")
        else:
            method = data.get("method") or Dossier.ReturnMethod.IN_PERSON
            dossier_return(actor=actor, dossier=dossier, method=method)
            message = _("Đã trả kết quả.")
    except (TransitionError, DossierInputError) as exc:
        return {"code": code, "key": code, "ok": False, "message": error_message(exc)}
    return {"code": dossier.reference, "key": dossier_key(dossier), "ok": True, "message": message}
