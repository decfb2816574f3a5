"""The payment-gateway interface (cổng thanh toán) and the signature of its messages.

A gateway does three things for us: it takes the citizen to its own page to pay
(``create_payment`` → the URL to redirect to), it tells us the result in a signed message
(``verify_callback`` checks the signature and reads the fields), and it answers a status query
for reconciliation (``query``). Only ``cchc.dossiers.payments.services.payment_handle_callback``,
behind the callback endpoint, acts on a result: a browser coming back from the gateway shows
what the database says, never what the URL says.

The signature (used by the sandbox; a real gateway brings its own, see docs/payments.md): the
message's fields except ``signature``, sorted by name, as ``name=value`` joined with ``&``,
each value percent-encoded (RFC 3986, UTF-8, nothing left unescaped), then
``HMAC-SHA256(CCHC_PAYMENT_SECRET, that string)`` in lowercase hex in the ``signature`` field.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import uuid
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote

from django.conf import settings
from django.utils.module_loading import import_string

from cchc.dossiers.models import Payment

SIGNATURE_FIELD = "signature"
AMOUNT_PATTERN = re.compile(r"[0-9]{1,15}")  # whole đồng, ASCII digits only

GATEWAYS = {"sandbox": "cchc.dossiers.payments.sandbox.SandboxGateway"}


class GatewayError(Exception):
    """The gateway could not be reached or refused the order; the citizen may try again."""


class GatewayStatus(StrEnum):
    """What a gateway says about a transaction."""

    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PENDING = "pending"


@dataclass(frozen=True)
class CallbackResult:
    """A gateway's callback, read. ``valid`` is the signature check; the other fields are
    ``None``/empty when missing or malformed (a valid signature over bad fields is still
    refused by the service)."""

    valid: bool
    payment_id: uuid.UUID | None = None
    provider_ref: str = ""
    amount_vnd: int | None = None
    status: GatewayStatus | None = None
    message: str = ""

    @property
    def complete(self) -> bool:
        return (
            self.valid
            and self.payment_id is not None
            and self.amount_vnd is not None
            and self.status is not None
            and (self.status != GatewayStatus.PAID or bool(self.provider_ref))
        )


class PaymentGateway(ABC):
    """One payment gateway. ``name`` is stored in ``Payment.provider``."""

    name: str = ""
    label: str = ""

    @abstractmethod
    def create_payment(self, payment: Payment, *, return_url: str, notify_url: str) -> str:
        """Register ``payment`` with the gateway and return the URL of the gateway's page
        where the citizen pays. ``return_url``: where the gateway sends the browser back;
        ``notify_url``: where it sends the signed result, server to server. Raises
        ``GatewayError`` when the gateway cannot take the order now."""

    @abstractmethod
    def verify_callback(self, params: Mapping[str, str]) -> CallbackResult:
        """Check the signature of a result message and read its fields."""

    @abstractmethod
    def query(self, payment: Payment) -> GatewayStatus:
        """The gateway's own view of the transaction (for reconciliation)."""


def get_gateway(name: str | None = None) -> PaymentGateway:
    """The configured gateway (``CCHC_PAYMENT_GATEWAY``: ``sandbox``, or the dotted path of a
    ``PaymentGateway`` subclass)."""
    name = name or settings.CCHC_PAYMENT_GATEWAY
    return import_string(GATEWAYS.get(name, name))()


# --- The signature -------------------------------------------------------------------------


def canonical_string(params: Mapping[str, object]) -> str:
    """``amount=75000&payment_id=…&status=paid`` — the bytes that are signed."""
    return "&".join(
        f"{name}={quote(str(params[name]), safe='')}"
        for name in sorted(params)
        if name != SIGNATURE_FIELD
    )


def sign(params: Mapping[str, object], secret: str | None = None) -> str:
    key = (secret if secret is not None else settings.CCHC_PAYMENT_SECRET).encode()
    return hmac.new(key, canonical_string(params).encode(), hashlib.sha256).hexdigest()


def signed(params: Mapping[str, object], secret: str | None = None) -> dict[str, str]:
    """``params`` as strings with their ``signature`` added."""
    fields = {name: str(value) for name, value in params.items() if name != SIGNATURE_FIELD}
    return {**fields, SIGNATURE_FIELD: sign(fields, secret)}


def signature_valid(params: Mapping[str, object], secret: str | None = None) -> bool:
    given = params.get(SIGNATURE_FIELD)
    if not isinstance(given, str) or not given:
        return False
    return hmac.compare_digest(given.lower(), sign(params, secret))


def read_fields(params: Mapping[str, str], valid: bool) -> CallbackResult:
    """The standard fields of a result message (``payment_id``, ``provider_ref``,
    ``amount``, ``status``, ``message``) read defensively."""
    try:
        payment_id = uuid.UUID(str(params.get("payment_id", "")))
    except ValueError:
        payment_id = None
    amount_text = str(params.get("amount", ""))
    amount = int(amount_text) if AMOUNT_PATTERN.fullmatch(amount_text) else None
    try:
        status = GatewayStatus(str(params.get("status", "")))
    except ValueError:
        status = None
    return CallbackResult(
        valid=valid,
        payment_id=payment_id,
        provider_ref=str(params.get("provider_ref", ""))[:100],
        amount_vnd=amount,
        status=status,
        message=str(params.get("message", ""))[:200],
    )
