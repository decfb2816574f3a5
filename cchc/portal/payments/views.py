"""The citizen's payment pages: fees and the pay button, the result after the gateway, the
gateway's callback endpoint and the electronic receipt.

Access first: the paying pages are the applicant's (anyone else gets 404); the receipt is the
applicant's and that of the officers who may see the dossier. Each view calls one service.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from cchc.domain.lifecycle import TransitionError
from cchc.dossiers.messages import error_message
from cchc.dossiers.models import Payment
from cchc.dossiers.payments.gateway import GatewayError, get_gateway
from cchc.dossiers.payments.selectors import (
    dossier_get_for_applicant,
    fee_summary,
    payment_get_for_applicant,
    payment_get_for_user,
)
from cchc.dossiers.payments.services import (
    PaymentError,
    payment_handle_callback,
    payment_refresh,
    payment_start,
)
from cchc.dossiers.services import DossierInputError
from cchc.portal.payments.receipts import (
    ReceiptNotAvailable,
    receipt_context,
    receipt_filename,
    render_receipt_pdf,
)

logger = logging.getLogger("cchc.payments")

MSG_GATEWAY_DOWN = N_(
    "Chưa kết nối được cổng thanh toán. Vui lòng thử lại sau ít phút; "
    "Ông/Bà chưa bị trừ tiền cho lần này."
)


def _login_url() -> str:
    try:
        return reverse("portal:login")
    except NoReverseMatch:
        return reverse(settings.LOGIN_URL)


def _gateway_url(request: HttpRequest, payment: Payment) -> str:
    return get_gateway().create_payment(
        payment,
        return_url=request.build_absolute_uri(
            reverse("portal:payment_return", args=[payment.public_id])
        ),
        notify_url=request.build_absolute_uri(reverse("portal:payment_callback")),
    )


def signed_in(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous visitors go to the portal's sign-in page and come back."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), _login_url())
        return view(request, *args, **kwargs)

    return wrapper


@require_http_methods(["GET", "POST"])
@signed_in
def payment_start_view(request: HttpRequest, public_id: str) -> HttpResponse:
    dossier = dossier_get_for_applicant(request.user, public_id)
    error, status = "", 200
    if request.method == "POST":
        try:
            payment = payment_start(actor=request.user, dossier=dossier)
        except PaymentError as exc:
            error, status = _(exc.message), 409
        except (TransitionError, DossierInputError) as exc:
            error, status = error_message(exc), 409
        else:
            try:
                return redirect(_gateway_url(request, payment))
            except (GatewayError, OSError):
                # OSError: an adapter's HTTP call that timed out or was refused (TimeoutError,
                # URLError, requests' errors) is the gateway being down too, not our fault.
                logger.exception("Gateway refused payment %s", payment.public_id)
                error, status = _(MSG_GATEWAY_DOWN), 503
    context = {"dossier": dossier, "fees": fee_summary(dossier), "error": error}
    return render(request, "portal/payments/payment_start.html", context, status=status)


@require_GET
@signed_in
def payment_return_view(request: HttpRequest, public_id: str) -> HttpResponse:
    payment = payment_refresh(payment=payment_get_for_applicant(request.user, public_id))
    context = {"payment": payment, "dossier": payment.dossier}
    return render(request, "portal/payments/payment_return.html", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def payment_callback_view(request: HttpRequest) -> HttpResponse:
    """The gateway's signed result (IPN), server to server: 200 "OK" when taken, 400 with the
    reason otherwise. The service checks the signature itself."""
    data = request.POST if request.method == "POST" else request.GET
    outcome = payment_handle_callback(params={key: data.get(key, "") for key in data})
    if outcome.accepted:
        return HttpResponse("OK", content_type="text/plain; charset=utf-8")
    return HttpResponse(outcome.value.upper(), status=400, content_type="text/plain; charset=utf-8")


@require_GET
@signed_in
def payment_receipt_view(request: HttpRequest, public_id: str) -> HttpResponse:
    payment = payment_get_for_user(request.user, public_id)
    try:
        context = receipt_context(payment)
    except ReceiptNotAvailable as exc:
        return render(
            request, "portal/payments/payment_error.html", {"message": exc.message}, status=404
        )
    return render(request, "portal/payments/payment_receipt.html", context)


@require_GET
@signed_in
def payment_receipt_pdf_view(request: HttpRequest, public_id: str) -> HttpResponse:
    payment = payment_get_for_user(request.user, public_id)
    try:
        pdf = render_receipt_pdf(payment)
    except ReceiptNotAvailable as exc:
        return render(
            request, "portal/payments/payment_error.html", {"message": exc.message}, status=404
        )
    disposition = f'inline; filename="{receipt_filename(payment)}"'
    return HttpResponse(
        pdf, content_type="application/pdf", headers={"Content-Disposition": disposition}
    )
