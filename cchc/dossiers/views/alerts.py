"""The leader's alerts (cảnh báo): steps of their unit that are due soon or overdue, and the
unread in-app notices the escalation job sent them."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cchc.core.models import OutboxMessage
from cchc.dossiers.jobs import KIND_LABELS, KIND_OVERDUE
from cchc.dossiers.selectors import step_escalations_for_leader
from cchc.dossiers.views._shared import dossier_key, step_clock_view
from cchc.org.models import User
from cchc.org.permissions import staff_required

NOTICE_LIMIT = 100


def notice_list_unread(user: User) -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.filter(
        user=user, channel=OutboxMessage.Channel.INTERNAL, read_at__isnull=True
    ).order_by("-created_at", "-id")


def notice_mark_read(user: User, pk: int | None = None) -> int:
    """Mark one (or every) unread in-app notice of ``user`` as read; returns how many."""
    notices = notice_list_unread(user)
    if pk is not None:
        notices = notices.filter(pk=pk)
    return notices.update(read_at=timezone.now())


@require_GET
@staff_required
def alerts_view(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    escalations = [
        {
            "step": row["step"],
            "dossier": row["dossier"],
            "key": dossier_key(row["dossier"]),
            "overdue": row["kind"] == KIND_OVERDUE,
            "kind_label": KIND_LABELS[row["kind"]],
            "clock": step_clock_view(row["step"], row["dossier"], now),
        }
        for row in step_escalations_for_leader(request.user, now)
    ]
    notices = list(notice_list_unread(request.user)[:NOTICE_LIMIT])
    return render(request, "dossiers/alerts.html", {"escalations": escalations, "notices": notices})


@require_POST
@staff_required
def notice_read_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not notice_mark_read(request.user, pk):
        raise Http404
    if request.htmx:
        return render(request, "dossiers/_notice_read.html")
    messages.success(request, _("Đã đánh dấu thông báo là đã xem."))
    return redirect("dossiers:alerts")


@require_POST
@staff_required
def notice_read_all_view(request: HttpRequest) -> HttpResponse:
    count = notice_mark_read(request.user)
    messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã xem.") % {"n": count})
    return redirect("dossiers:alerts")
