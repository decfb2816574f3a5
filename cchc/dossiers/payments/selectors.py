"""Scoped reads of payments (ARCHITECTURE "Scoped reads"): a payment is visible to whoever may
see its dossier (the applicant; officers of the agencies that handle it); anything else is a
404. Paying is for the applicant alone."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.http import Http404

from cchc.dossiers.models import Dossier, FeeLine, Payment
from cchc.dossiers.selectors import dossier_list_for_user
from cchc.dossiers.services._common import outstanding_fees
from cchc.org.models import User


def _uuid(value: object) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def payment_get_for_user(user: User, public_id: object) -> Payment:
    """The payment if ``user`` may see its dossier, else ``Http404``."""
    payment = (
        Payment.objects.filter(public_id=_uuid(public_id), dossier__in=dossier_list_for_user(user))
        .select_related("dossier", "dossier__procedure", "dossier__receiving_agency")
        .first()
    )
    if payment is None:
        raise Http404
    return payment


def payment_get_for_applicant(user: User, public_id: object) -> Payment:
    """The payment if ``user`` is its dossier's applicant, else ``Http404`` (officers too:
    the paying pages are the citizen's)."""
    payment = payment_get_for_user(user, public_id)
    if payment.dossier.applicant_user_id != user.pk:
        raise Http404
    return payment


def dossier_get_for_applicant(user: User, public_id: object) -> Dossier:
    """The dossier (by public id) if ``user`` is its applicant, else ``Http404``."""
    dossier = (
        dossier_list_for_user(user)
        .filter(public_id=_uuid(public_id), applicant_user_id=user.pk)
        .first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    if dossier is None:
        raise Http404
    return dossier


def _reviewable(user: User) -> QuerySet[Payment]:
    return Payment.objects.filter(dossier__in=dossier_list_for_user(user)).select_related(
        "dossier", "dossier__receiving_agency", "recorded_by"
    )


def payment_list_needing_review(user: User) -> QuerySet[Payment]:
    """Payments of ``user``'s dossiers whose money and records disagree, newest report
    first (for the officers who reconcile)."""
    return _reviewable(user).filter(needs_review=True).order_by("-last_callback_at", "-id")


def payment_list_review_closed(user: User) -> QuerySet[Payment]:
    """Reconciliations of ``user``'s dossiers already closed, latest first."""
    return (
        _reviewable(user)
        .filter(needs_review=False, review_closed_at__isnull=False)
        .order_by("-review_closed_at", "-id")
    )


@dataclass(frozen=True)
class FeeSummary:
    lines: list[FeeLine]
    total: int
    paid: int
    outstanding: int
    payments: list[Payment]

    @property
    def pending(self) -> Payment | None:
        return next((p for p in self.payments if p.state == Payment.State.PENDING), None)


def fee_summary(dossier: Dossier) -> FeeSummary:
    """The dossier's fees, what has been paid, what is still owed, and its payments."""
    lines = list(dossier.fee_lines.order_by("id"))
    payments = list(dossier.payments.order_by("-created_at"))
    paid = (
        dossier.payments.filter(state=Payment.State.PAID).aggregate(total=Sum("amount_vnd"))[
            "total"
        ]
        or 0
    )
    return FeeSummary(
        lines=lines,
        total=sum(line.amount_vnd for line in lines),
        paid=paid,
        outstanding=outstanding_fees(dossier),
        payments=payments,
    )
