"""What the officers' feedback pages share: the deadline that runs now and the items an
officer may open among the services' suggestions."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from cchc.domain import feedback as rules
from cchc.feedback import selectors as sel
from cchc.feedback.models import FeedbackItem, Status
from cchc.org.models import User

A = rules.Action


def deadline(item: FeedbackItem, now: datetime) -> dict | None:
    """The deadline that runs now: forwarding (Art. 9) while received, else the answer's."""
    if item.status == Status.RECEIVED:
        return {
            "label": _("Hạn phân loại, chuyển"),
            "at": item.forward_due_at,
            "overdue": item.forward_due_at < now,
        }
    if item.status in sel.CLOCK and item.answer_due_at is not None:
        return {
            "label": _("Hạn trả lời"),
            "at": item.answer_due_at,
            "overdue": rules.answer_overdue(rules.Status(item.status), item.answer_due_at, now),
        }
    return None


def visible_only(items: list[FeedbackItem], user: User) -> list[FeedbackItem]:
    """Those of ``items`` (the services' suggestions) the officer may open."""
    if not items:
        return []
    visible = set(
        sel.feedback_visible_to(user)
        .filter(pk__in=[i.pk for i in items])
        .values_list("pk", flat=True)
    )
    return [i for i in items if i.pk in visible]
