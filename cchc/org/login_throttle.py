"""Sign-in throttling per client address, on top of django-axes' lockout per username
(docs/decisions/0007-login-throttle-per-address-and-username.md).

axes records every failed sign-in — on the officers' form, the citizens' form and
``/admin/login/`` alike, since all go through ``authenticate()`` — as ``AccessAttempt`` rows
keyed by username, address and browser. It locks a *username* after ``AXES_FAILURE_LIMIT``
failures. ``LoginThrottleHandler`` adds the other half: an *address* whose failures over any
usernames reach ``CCHC_LOGIN_ADDRESS_FAILURE_LIMIT`` within the cool-off is refused sign-in
(429) before any password is looked at. The address limit is higher than the username one
because a whole office may share one address.

A try refused by the address throttle is not counted against the username it named: a
colleague behind the same NAT who keeps typing the right password while an attacker has the
address throttled must not lock their own account. So the throttle ends when the cool-off
has passed since the failures that caused it, however often the address tries meanwhile.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cchc.core.ratelimit import client_ip

# Set on the request when the address, not the username, is why sign-in was refused.
THROTTLED = "cchc_address_throttled"


def client_ip_address(request: HttpRequest) -> str | None:
    """The client's address by the project's one rule (``cchc.core.ratelimit.client_ip``:
    ``REMOTE_ADDR``, or the hop written by the ``CCHC_NUM_PROXIES`` trusted proxies) for
    axes (``AXES_CLIENT_IP_CALLABLE``); ``None`` when the request has no valid address (axes
    stores it in an IP address column)."""
    address = client_ip(request)
    try:
        validate_ipv46_address(address)
    except ValidationError:
        return None
    return address


def address_failures(ip_address: str, *, since: datetime) -> int:
    """Failed sign-ins from ``ip_address`` recorded since ``since``, over every username."""
    total = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


def _address_throttled(request: HttpRequest) -> bool:
    since = get_cool_off_threshold(request)
    failures = address_failures(request.axes_ip_address, since=since)
    return failures >= settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT


class LoginThrottleHandler(AxesDatabaseHandler):
    """axes' database handler, with the per-address limit (``AXES_HANDLER``)."""

    def is_locked(self, request: HttpRequest, credentials: dict | None = None) -> bool:
        if _address_throttled(request):
            setattr(request, THROTTLED, True)
            return True
        return super().is_locked(request, credentials)

    def user_login_failed(
        self,
        sender: object,
        credentials: dict,
        request: HttpRequest | None = None,
        **kwargs: Any,
    ) -> None:
        if request is not None and getattr(request, THROTTLED, False):
            # Refused before the password was checked: not a failure of this username.
            request.axes_locked_out = True
            request.axes_credentials = credentials
            return
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or request.axes_locked_out:
            return
        if _address_throttled(request):
            setattr(request, THROTTLED, True)
            request.axes_locked_out = True
            request.axes_credentials = credentials


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The 429 page (``AXES_LOCKOUT_CALLABLE``): the account is locked, or this address is
    throttled; either way for how long, in minutes."""
    context = {
        "by_address": getattr(request, THROTTLED, False),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
