"""The officers' download of the answer letter: ``/can-bo/phan-anh/<code>/thu-tra-loi.<fmt>``.

Officers only (``staff_required``); the item must be within the officer's scope — its
receiving or its answering agency among ``agencies_visible_to`` — and answered or published:
anything else is a 404, like another agency's dossier.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from cchc.feedback.letter import (
    CONTENT_TYPES,
    FORMATS,
    LETTER_STATUSES,
    letter_filename,
    render_letter,
)
from cchc.feedback.models import FeedbackItem
from cchc.org.permissions import staff_required
from cchc.org.selectors import agencies_visible_to


def item_for_letter(user: object, code: str) -> FeedbackItem:
    """The answered item ``code`` if ``user`` may see it, else ``Http404``."""
    visible = agencies_visible_to(user).values("pk")
    item = (
        FeedbackItem.objects.filter(code=code[:40], status__in=[s.value for s in LETTER_STATUSES])
        .filter(Q(receiving_agency__in=visible) | Q(handling_agency__in=visible))
        .select_related("receiving_agency__parent", "handling_agency__parent")
        .first()
    )
    if item is None:
        raise Http404
    return item


@require_GET
@staff_required
def letter_view(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    item = item_for_letter(request.user, code)
    body = render_letter(item, fmt)
    disposition = "inline" if fmt == "pdf" else "attachment"
    return HttpResponse(
        body,
        content_type=CONTENT_TYPES[fmt],
        headers={"Content-Disposition": f'{disposition}; filename="{letter_filename(item, fmt)}"'},
    )
