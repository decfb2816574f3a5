"""Payment reconciliation (đối soát thanh toán) for the officers of an agency: online
payments whose money and records disagree — a gateway success reported after the payment
expired, an amount that differs, money for fees already paid at the counter, a second charge —
and, once the money is back with the payer, the refund recorded with its voucher. The citizen's
payment page promises this follow-up; this is where it is kept."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cchc.dossiers.forms import RefundForm
from cchc.dossiers.payments.selectors import (
    payment_get_for_user,
    payment_list_needing_review,
    payment_list_review_closed,
)
from cchc.dossiers.payments.services import (
    PaymentError,
    PaymentForbidden,
    can_record_refund,
    payment_mark_refunded,
    refund_agency_ids,
)
from cchc.org.permissions import staff_required

CLOSED_SHOWN = 20


def _page(
    request: HttpRequest,
    *,
    bound: RefundForm | None = None,
    bound_for: object = None,
    status: int = 200,
) -> HttpResponse:
    handles_money = refund_agency_ids(request.user)
    rows = [
        {
            "payment": payment,
            # Only the receiving agency's counter officers and leaders close a review; the
            # others see why it is open.
            "form": (
                bound
                if bound is not None and payment.pk == bound_for
                else RefundForm(auto_id=f"refund-{payment.pk}-%s")
            )
            if can_record_refund(request.user, payment, agency_ids=handles_money)
            else None,
        }
        for payment in payment_list_needing_review(request.user)
    ]
    closed = list(payment_list_review_closed(request.user)[:CLOSED_SHOWN])
    context = {"rows": rows, "closed": closed, "closed_shown": CLOSED_SHOWN}
    return render(request, "dossiers/payment_review.html", context, status=status)


@require_GET
@staff_required
def payment_review_view(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@staff_required
def payment_refund_view(request: HttpRequest, public_id: str) -> HttpResponse:
    payment = payment_get_for_user(request.user, public_id)  # another agency's: 404
    form = RefundForm(request.POST, auto_id=f"refund-{payment.pk}-%s")
    if not form.is_valid():
        return _page(request, bound=form, bound_for=payment.pk, status=422)
    try:
        payment_mark_refunded(actor=request.user, payment=payment, note=form.cleaned_data["note"])
    except PaymentError as error:
        messages.error(request, _(error.message))
        return _page(request, status=403 if isinstance(error, PaymentForbidden) else 409)
    messages.success(
        request,
        _("Đã ghi nhận hoàn tiền cho giao dịch của hồ sơ %(code)s.")
        % {"code": payment.dossier.reference},
    )
    return redirect("dossiers:payment_review")
