"""System checks for online payments (registered in ``DossiersConfig.ready``).

With ``CCHC_DEBUG`` false: the sandbox gateway is an error (its page lets anyone produce a
validly signed "paid" without moving money), so is a gateway path that names no
``PaymentGateway``, and so is a payment signing secret that is only the site's secret key
(``CCHC_PAYMENT_SECRET`` unset): the key that signs sessions must not also be the one a
gateway shares. Each error names the variable to set; ``make run`` (debug on) keeps the
defaults.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error
from django.utils.module_loading import import_string

from cchc.dossiers.payments.gateway import GATEWAYS, PaymentGateway
from cchc.dossiers.payments.sandbox import SandboxGateway

HINT_GATEWAY = (
    "Set CCHC_PAYMENT_GATEWAY to the dotted path of the contracted gateway's PaymentGateway "
    "class (docs/payments.md)."
)


def _gateway_class(name: str) -> type | None:
    try:
        found = import_string(GATEWAYS.get(name, name))
    except ImportError:
        return None
    return found if isinstance(found, type) else None


def check_payment_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """A real gateway and a signing secret of its own when debug is off."""
    if settings.DEBUG:
        return []
    errors = []
    name = settings.CCHC_PAYMENT_GATEWAY
    gateway = _gateway_class(name)
    if gateway is not None and issubclass(gateway, SandboxGateway):
        errors.append(
            Error(
                f"CCHC_PAYMENT_GATEWAY is the sandbox ({name}): anyone can mark a payment "
                "paid on its test page, and no money moves.",
                hint=HINT_GATEWAY,
                id="dossiers.E001",
            )
        )
    elif gateway is None or not issubclass(gateway, PaymentGateway):
        errors.append(
            Error(
                f"CCHC_PAYMENT_GATEWAY {name!r} is not a payment gateway class.",
                hint=HINT_GATEWAY,
                id="dossiers.E001",
            )
        )
    if settings.CCHC_PAYMENT_SECRET == settings.SECRET_KEY:
        errors.append(
            Error(
                "CCHC_PAYMENT_SECRET is not set: payment messages are signed with the site's "
                "SECRET_KEY.",
                hint="Set CCHC_PAYMENT_SECRET to a separate random secret "
                "(python -c 'import secrets; print(secrets.token_urlsafe(50))').",
                id="dossiers.E002",
            )
        )
    return errors
