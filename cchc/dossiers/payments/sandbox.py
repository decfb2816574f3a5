"""The sandbox gateway (cổng thanh toán thử nghiệm): a payment gateway that runs inside the
project, for the embedded default, demonstrations and tests. No money moves.

It behaves like a real redirect gateway, and talks to the rest of the project only through
the gateway messages:

1. ``create_payment`` returns the URL of the sandbox's own page (``portal:sandbox_pay``) with
   the order in the query string, signed by us (payment id, amount, order text, return and
   notification URLs, expiry), so that the page cannot be tampered with.
2. The page shows the amount and the dossier, and three buttons: success, failure, cancel.
   After the expiry it refuses to take the payment (as a real gateway does).
3. On a button it builds the signed result (``payment_id``, ``provider_ref``, ``amount``,
   ``status``, ``message``, ``timestamp``, ``signature`` — see ``gateway``), delivers it
   server to server to the notification URL — there is no second server, so the request is
   handed to the view that URL resolves to, exactly as the web server would — and then sends
   the browser back to the return URL with the same signed fields.

The sandbox page answers 404 unless ``CCHC_PAYMENT_GATEWAY`` is ``sandbox``: a production
site with a real gateway has no page that can produce a validly signed "paid".
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from datetime import datetime
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_noop as N_
from django.views.decorators.http import require_http_methods

from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Payment
from cchc.dossiers.payments.gateway import (
    CallbackResult,
    GatewayStatus,
    PaymentGateway,
    read_fields,
    signature_valid,
    signed,
)

logger = logging.getLogger("cchc.payments")

NAME = "sandbox"
ORDER_FIELDS = ("payment_id", "amount", "order_info", "return_url", "notify_url", "expires")
OUTCOMES = {
    "success": (GatewayStatus.PAID, N_("Giao dịch thành công.")),
    "failure": (GatewayStatus.FAILED, N_("Giao dịch không thành công: ngân hàng từ chối.")),
    "cancel": (GatewayStatus.CANCELLED, N_("Người thanh toán đã hủy giao dịch.")),
}
MSG_BAD_ORDER = N_("Yêu cầu thanh toán không hợp lệ (sai chữ ký hoặc thiếu thông tin).")
MSG_EXPIRED = N_("Yêu cầu thanh toán đã hết hạn. Vui lòng quay lại và tạo giao dịch mới.")


class SandboxGateway(PaymentGateway):
    name = NAME
    label = gettext_lazy("Cổng thanh toán thử nghiệm")

    def create_payment(self, payment: Payment, *, return_url: str, notify_url: str) -> str:
        expires = payment.expires_at or timezone.now()
        order = signed(
            {
                "payment_id": payment.public_id,
                "amount": payment.amount_vnd,
                "order_info": f"Nộp phí, lệ phí hồ sơ {payment.dossier.reference}",
                "return_url": return_url,
                "notify_url": notify_url,
                "expires": int(expires.timestamp()),
            }
        )
        return f"{reverse('portal:sandbox_pay')}?{urlencode(order)}"

    def verify_callback(self, params: Mapping[str, str]) -> CallbackResult:
        return read_fields(params, signature_valid(params))

    def query(self, payment: Payment) -> GatewayStatus:
        """The sandbox keeps no books of its own: its view of a transaction is the last
        result it sent, as stored with the payment (and checked again)."""
        last = payment.raw_last_callback or {}
        result = self.verify_callback(last)
        if result.valid and result.payment_id == payment.public_id and result.status:
            return result.status
        return GatewayStatus.PENDING


def _order(data: QueryDict) -> dict[str, str] | None:
    """The signed order from the query string or the form, or ``None`` if it was altered."""
    order = {name: data.get(name, "") for name in (*ORDER_FIELDS, "signature")}
    if not signature_valid(order) or not all(order[name] for name in ORDER_FIELDS):
        return None
    if not order["amount"].isascii() or not order["amount"].isdigit():
        return None
    if not order["expires"].isascii() or not order["expires"].isdigit():
        return None
    return order


def _expired(order: dict[str, str], now: datetime) -> bool:
    return now.timestamp() >= int(order["expires"])


def _result(order: dict[str, str], outcome: str, now: datetime) -> dict[str, str]:
    status, message = OUTCOMES[outcome]
    reference = ""
    if status == GatewayStatus.PAID:
        reference = f"SBX{now.astimezone(VN_TZ):%y%m%d%H%M%S}{secrets.randbelow(10**6):06d}"
    return signed(
        {
            "payment_id": order["payment_id"],
            "provider_ref": reference,
            "amount": order["amount"],
            "status": status.value,
            "message": message,
            "timestamp": int(now.timestamp()),
        }
    )


def deliver(notify_url: str, fields: dict[str, str]) -> int:
    """POST ``fields`` to ``notify_url`` the way the web server would hand it to Django: the
    view the path resolves to is called with a form-encoded request. Returns the status."""
    path = urlsplit(notify_url).path
    try:
        match = resolve(path)
    except Resolver404:
        logger.error("Sandbox: notification URL %s does not resolve", notify_url)
        return 404
    request = HttpRequest()
    request.method = "POST"
    request.path = request.path_info = path
    request.META = {
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_NAME": "sandbox.invalid",
        "SERVER_PORT": "443",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "HTTP_USER_AGENT": "CCHC-Sandbox-Gateway/1",
    }
    request.POST = QueryDict(urlencode(fields))
    response = match.func(request, *match.args, **match.kwargs)
    if response.status_code != 200:
        logger.warning("Sandbox: %s answered %s", notify_url, response.status_code)
    return response.status_code


def _back(url: str, fields: dict[str, str]) -> str:
    joiner = "&" if urlsplit(url).query else "?"
    return f"{url}{joiner}{urlencode(fields)}"


@require_http_methods(["GET", "POST"])
def sandbox_pay_view(request: HttpRequest) -> HttpResponse:
    """The sandbox's own payment page (not part of the portal: it stands for a bank's site)."""
    if settings.CCHC_PAYMENT_GATEWAY != NAME:
        raise Http404
    data = request.POST if request.method == "POST" else request.GET
    order = _order(data)
    if order is None:
        return render(
            request, "dossiers/payments/sandbox_pay.html", {"error": _(MSG_BAD_ORDER)}, status=400
        )
    now = timezone.now()
    context = {
        "order": order,
        "amount": int(order["amount"]),
        "expires_at": datetime.fromtimestamp(int(order["expires"]), tz=VN_TZ),
        "order_fields": [(name, order[name]) for name in (*ORDER_FIELDS, "signature")],
    }
    outcome = request.POST.get("outcome", "") if request.method == "POST" else ""
    if _expired(order, now) and outcome != "cancel":
        context["error"] = _(MSG_EXPIRED)
        return render(
            request,
            "dossiers/payments/sandbox_pay.html",
            context,
            status=400 if request.method == "POST" else 200,
        )
    if request.method == "GET":
        return render(request, "dossiers/payments/sandbox_pay.html", context)
    if outcome not in OUTCOMES:
        context["error"] = _(MSG_BAD_ORDER)
        return render(request, "dossiers/payments/sandbox_pay.html", context, status=400)
    fields = _result(order, outcome, now)
    deliver(order["notify_url"], fields)
    return redirect(_back(order["return_url"], fields))
