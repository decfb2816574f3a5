"""Two-step sign-in (xác thực hai bước) with a TOTP app, on django-otp (issue 14, item 9).

Who must, who may:

- **Administrators** — superusers, the role *Quản trị hệ thống* and anyone with access to the
  admin site (``is_staff``) — must: after the password, a session reaches no page (the admin
  site included) until a code from their authenticator app has been checked; the first time
  they enrol a device.
- **Officers** may enrol from their account area; once they have a device, every sign-in asks
  for the code too. They may remove it again (with a code).
- **Citizens** are not asked.

A person has at most one TOTP device. Failed codes are throttled by django-otp (the device is
locked ``OTP_TOTP_THROTTLE_FACTOR × 2^(failures-1)`` seconds) and every outcome is written to
the security log: ``otp.verify`` (success/failure), ``otp.enrol``, ``otp.remove``.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import django_otp
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_noop as N_
from django_otp.plugins.otp_totp.models import TOTPDevice

from cchc.core.security_log import FAILURE, security_event
from cchc.org.models import User

DEVICE_NAME = "TOTP"
# Set in the session at sign-in: did the person have a device then? (Officers are asked for a
# code from their next sign-in after enrolling; reading the flag costs no query per request.)
ENROLLED_AT_SIGN_IN = "cchc_otp_enrolled"
MSG_WRONG_CODE = N_("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng.")
MSG_THROTTLED = N_("Đã nhập sai mã nhiều lần: hãy đợi %(seconds)s giây rồi thử lại.")
MSG_NOT_A_CODE = N_("Mã xác thực gồm 6 chữ số.")


def is_administrator(user: Any) -> bool:
    """Superusers, system administrators and anyone who may open the admin site."""
    return bool(
        user.is_authenticated
        and (user.is_superuser or user.is_staff or user.role == User.Role.SYSTEM_ADMIN)
    )


def may_enrol(user: Any) -> bool:
    """Officers and administrators may enrol; citizens are not offered the two-step sign-in."""
    return bool(user.is_authenticated and (is_administrator(user) or user.is_officer))


def confirmed_device(user: Any) -> TOTPDevice | None:
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def needs_code(request: HttpRequest) -> bool:
    """Must this signed-in session give a code before anything else? Administrators always;
    anyone else who had a device when signing in. A session already verified never."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    if is_administrator(user):
        return True
    return bool(request.session.get(ENROLLED_AT_SIGN_IN)) and confirmed_device(user) is not None


def note_device_at_sign_in(sender: type, request: HttpRequest, user: Any, **_: Any) -> None:
    """``user_logged_in``: remember in the new session whether the person has a device."""
    if request is not None and hasattr(request, "session"):
        request.session[ENROLLED_AT_SIGN_IN] = confirmed_device(user) is not None


def pending_device(user: User) -> TOTPDevice:
    """The device being enrolled: the same one on every visit of the enrolment page, so that a
    QR code scanned once stays valid until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32 groups of four, for typing into an app by hand."""
    raw = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(data: str, label: str) -> str:
    """An inline ``<svg>`` of ``data``'s QR code, drawn here from the code's modules (no CDN,
    no script, no ``style=`` attribute: the Content-Security-Policy forbids them; no XML
    parsing either). ``label`` is its text for screen readers."""
    import qrcode

    code = qrcode.QRCode(border=2, box_size=1)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()  # with its quiet zone
    size = len(matrix)
    path = "".join(
        f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="220" '
        f'height="220" role="img" aria-label="{escape(label)}" class="otp-qr" '
        f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{path}" fill="#000"/></svg>'
    )


class CodeRefused(Exception):
    """A code was not accepted; ``message`` says why (a module constant), ``params`` fill it."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def check_code(request: HttpRequest, device: TOTPDevice, token: str, event: str) -> None:
    """Check ``token`` against ``device`` under django-otp's throttle; a refusal is logged as
    ``event`` (failure) and raised as :class:`CodeRefused`."""
    token = token.strip().replace(" ", "")
    # The refusal is raised after the transaction: the failure it counted must be kept.
    refusal: CodeRefused | None = None
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, data = locked.verify_is_allowed()
        if not allowed:
            security_event(event, request=request, outcome=FAILURE, reason="throttled")
            refusal = CodeRefused(MSG_THROTTLED, seconds=_seconds_left(data))
        elif not (token.isdigit() and len(token) == locked.digits):
            # Still a failed attempt: the throttle counts it like a wrong code.
            locked.throttle_increment(commit=True)
            security_event(event, request=request, outcome=FAILURE, reason="malformed")
            refusal = CodeRefused(MSG_NOT_A_CODE)
        elif not locked.verify_token(token):
            security_event(
                event,
                request=request,
                outcome=FAILURE,
                reason="wrong_code",
                failures=locked.throttling_failure_count,
            )
            refusal = CodeRefused(MSG_WRONG_CODE)
    if refusal is not None:
        raise refusal
    device.refresh_from_db()


def _seconds_left(data: dict | None) -> int:
    locked_until = (data or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, int((locked_until - timezone.now()).total_seconds()) + 1)


def verify(request: HttpRequest, token: str) -> TOTPDevice:
    """Check a code against the signed-in person's device and mark the session verified.
    Raises :class:`CodeRefused`."""
    device = confirmed_device(request.user)
    if device is None:
        raise CodeRefused(MSG_WRONG_CODE)
    check_code(request, device, token, "otp.verify")
    django_otp.login(request, device)
    security_event("otp.verify", request=request)
    return device


def enrol(request: HttpRequest, device: TOTPDevice, token: str) -> TOTPDevice:
    """Confirm a pending device with its first code: it becomes the person's device and this
    session is verified. Raises :class:`CodeRefused`."""
    if device.user_id != request.user.pk or device.confirmed:
        raise CodeRefused(MSG_WRONG_CODE)
    check_code(request, device, token, "otp.enrol")
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user_id=device.user_id, confirmed=False).delete()
    django_otp.login(request, device)
    request.session[ENROLLED_AT_SIGN_IN] = True
    security_event("otp.enrol", request=request, device=device.persistent_id)
    return device


def remove(*, user: User, request: HttpRequest | None = None, by_admin: bool = False) -> int:
    """Remove every device of ``user`` (the officer turning it off, or an administrator after
    a lost phone). Returns the number removed; logged as ``otp.remove``."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    if request is not None and request.user.pk == user.pk:
        request.session[ENROLLED_AT_SIGN_IN] = False
    if removed:
        security_event(
            "otp.remove",
            request=request,
            target_user_id=user.pk,
            target_username=user.username,
            by_admin=by_admin,
        )
    return removed
