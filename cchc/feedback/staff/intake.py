"""The counter intake: an item received at the counter, by post, by phone or by e-mail,
with its likely duplicates shown before it is saved."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from cchc.dossiers.models import Dossier
from cchc.feedback import forms
from cchc.feedback.services import (
    FeedbackError,
    FeedbackInput,
    Sender,
    feedback_duplicates,
    feedback_receive,
)
from cchc.feedback.staff._shared import visible_only
from cchc.org.permissions import staff_required
from cchc.org.selectors import agency_scope_root


@require_http_methods(["GET", "POST"])
@staff_required
def intake_view(request: HttpRequest) -> HttpResponse:
    """An item received at the counter, by post, by phone or by e-mail. Before saving, the
    likely duplicates are shown and the officer confirms a new item (a second step)."""
    if request.method == "GET":
        form = forms.IntakeForm(initial={"channel": "counter", "kind": "phan_anh"})
        return _intake_page(request, form)
    form = forms.IntakeForm(request.POST, request.FILES)
    if not form.is_valid():
        return _intake_page(request, form, status=400)
    data = form.cleaned_data
    dossier_id = None
    if data["dossier_code"].strip():
        dossier_id = (
            Dossier.objects.filter(code=data["dossier_code"].strip())
            .values_list("pk", flat=True)
            .first()
        )
    duplicates = visible_only(
        feedback_duplicates(
            phone=data["sender_phone"],
            dossier_id=dossier_id,
            text=f"{data['title']} {data['content']}",
        ),
        request.user,
    )
    if duplicates and not data.get("confirm_new"):
        return _intake_page(
            request, form, duplicates=duplicates, files_dropped=bool(data["attachments"])
        )
    try:
        item = feedback_receive(
            FeedbackInput(
                kind=data["kind"],
                category=data["category"],
                title=data["title"],
                content=data["content"],
                sender=Sender(
                    name=data["sender_name"],
                    address=data["sender_address"],
                    phone=data["sender_phone"],
                    email=data.get("sender_email", ""),
                    id_number=data.get("sender_id_number", ""),
                ),
                dossier_code=data.get("dossier_code", ""),
                procedure=data.get("procedure"),
                subject_agency=data.get("subject_agency"),
            ),
            channel=data["channel"],
            actor=request.user,
            files=data["attachments"],
            receiving_agency=agency_scope_root(request.user),
        )
    except FeedbackError as refused:
        form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        return _intake_page(request, form, status=400)
    messages.success(
        request, _("Đã tiếp nhận phản ánh, kiến nghị mã %(code)s.") % {"code": item.code}
    )
    return redirect("feedback:detail", item.code)


def _intake_page(
    request: HttpRequest,
    form: forms.IntakeForm,
    *,
    duplicates: list | None = None,
    files_dropped: bool = False,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "feedback/staff/intake_form.html",
        {"form": form, "duplicates": duplicates or [], "files_dropped": files_dropped},
        status=status,
    )
