"""Two-step sign-in in tests (issue 14 — accounts).

Administrators (superusers, the system administrator role, anyone with ``is_staff``) reach no
page until their session has been verified with a code. In a test:

- ``sign_in_verified(client, user)`` — a signed-in, verified session for a Django test client
  (gives the user a confirmed TOTP device if they have none and records it in the session
  exactly as ``django_otp.login`` does after a good code);
- ``give_device(user)`` and ``current_code(device)`` — a device and the code its app would show
  now, to drive the real pages (``/tai-khoan/xac-thuc-hai-buoc/nhap-ma/``) or a browser.
"""

from __future__ import annotations

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def give_device(user: object) -> TOTPDevice:
    """The user's confirmed TOTP device, created if missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)
    return device


def current_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The 6 digits the device's app shows now (``steps_ahead`` 30-second steps later: a code
    the device has not used yet, for a second verification within the same step)."""
    value = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0 - steps_ahead * device.step,
        digits=device.digits,
        drift=device.drift,
    )
    return f"{value:0{device.digits}d}"


def sign_in_verified(client: Client, user: object) -> TOTPDevice:
    """Sign ``user`` in on ``client`` with a session already verified by their device."""
    device = give_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
