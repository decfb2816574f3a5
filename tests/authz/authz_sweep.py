"""The machinery of the authorisation sweep: the roles and their signed-in clients, one call
classified as the matrix reads it, and the Content-Security-Policy check of every answer.

Admin sessions and two-factor authentication: when administrators must pass a TOTP check
(django-otp's ``OTPMiddleware`` and a verified-only admin site), ``verify_admin_session`` is the
one place that makes the admin persona's session verified: it creates a confirmed TOTP device
for the user and stores the device in the session the way ``django_otp.login`` does. Without
django-otp in ``INSTALLED_APPS`` it does nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from http.cookies import SimpleCookie

from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from cchc.org.models import ApiToken, User
from tests.authz.authz_objects import SweepObjects

# The personas, in the matrix's column order.
ROLES = (
    "anon",  # not signed in
    "cit_a",  # citizen A: the applicant of the dossiers swept
    "cit_b",  # citizen B: another citizen
    "desk",  # agency A's counter officer (cán bộ một cửa)
    "spec",  # agency A's specialist (in a division of agency A)
    "lead",  # agency A's leader
    "reform",  # agency A's reform officer (cán bộ CCHC)
    "other",  # an officer (specialist) of agency B (Sở Tư pháp)
    "ha",  # Home Affairs (Sở Nội vụ, thẩm định)
    "admin",  # the system administrator (superuser, staff)
)

# What an answer is, as the matrix writes it.
OK = "200"
LOGIN = "login"  # 302 to a sign-in page (the officers', the portal's or the admin's)
REDIRECT = "302"  # 302 elsewhere
DENIED = "403"
MISSING = "404"
METHOD = "405"


def user_of(role: str, objects: SweepObjects) -> User | None:
    w = objects.world
    return {
        "anon": None,
        "cit_a": w.citizen,
        "cit_b": objects.citizen_b,
        "desk": w.counter_officer,
        "spec": w.specialist,
        "lead": w.leader,
        "reform": w.reform_officer,
        "other": w.other_agency_officer,
        "ha": w.home_affairs_evaluator,
        "admin": w.admin,
    }[role]


@dataclass
class Persona:
    role: str
    client: Client
    bearer: str  # the API token's header value ("" when anonymous)
    session_key: str = ""

    def restore(self) -> None:
        """Back to the signed-in session alone: a call may have signed out, switched the
        language or set another cookie (the database side is rolled back by the test)."""
        self.client.cookies = SimpleCookie()
        if self.session_key:
            self.client.cookies[settings.SESSION_COOKIE_NAME] = self.session_key


def personas(objects: SweepObjects) -> dict[str, Persona]:
    """A signed-in client (and an API token) per role."""
    out = {}
    for role in ROLES:
        client = Client()
        user = user_of(role, objects)
        bearer = ""
        if user is not None:
            client.force_login(user)
            if role == "admin":
                verify_admin_session(client, user)
            _token, raw = ApiToken.issue(user, name="authz")
            bearer = f"Bearer {raw}"
        key = client.cookies[settings.SESSION_COOKIE_NAME].value if user is not None else ""
        out[role] = Persona(role, client, bearer, key)
    return out


def verify_admin_session(client: Client, user: User) -> None:
    """Make ``client``'s session OTP-verified for ``user`` (see the module docstring)."""
    if "django_otp" not in settings.INSTALLED_APPS:
        return
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="authz", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


SIGN_IN_PATHS = None


def _sign_in_paths() -> tuple[str, ...]:
    global SIGN_IN_PATHS
    if SIGN_IN_PATHS is None:
        SIGN_IN_PATHS = (
            reverse(settings.LOGIN_URL),
            reverse("portal:login"),
            reverse("admin:login"),
        )
    return SIGN_IN_PATHS


def classify(response: HttpResponse) -> str:
    """The matrix's word for ``response``."""
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        target = response.get("Location", "").split("?")[0]
        return LOGIN if target in _sign_in_paths() else REDIRECT
    return str(status)


UNSAFE_SOURCES = ("'unsafe-inline'", "'unsafe-eval'")
# What a policy without 'unsafe-inline' blocks in a page: the page would lose it silently.
INLINE_CODE = re.compile(
    rb"<script(?![^>]*\bsrc=)[^>]*>\s*[^<\s]"  # an inline script (not an empty or JSON one...)
    rb"|<style\b"  # a style element
    rb"|\sstyle=[\"']"  # a style attribute
    rb"|\son[a-z]+=[\"']",  # an event-handler attribute
    re.IGNORECASE,
)
DATA_SCRIPT = re.compile(rb"<script[^>]*type=[\"']application/(ld\+)?json[\"']", re.IGNORECASE)


def csp_problem(response: HttpResponse) -> str | None:
    """Why ``response``'s Content-Security-Policy falls short, or None.

    An HTML answer must carry a policy whose script-src and style-src (or default-src when
    they are absent) allow no inline code and no eval; any other answer carries either
    the site's policy or a file's ``default-src 'none'; sandbox`` — never an unsafe source."""
    policy = response.get("Content-Security-Policy", "")
    is_html = response.get("Content-Type", "").startswith("text/html")
    if not policy:
        return "HTML without a Content-Security-Policy" if is_html else None
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    for name in ("script-src", "style-src"):
        sources = directives.get(name, directives.get("default-src"))
        if sources is None:
            return f"no {name} nor default-src: {policy}"
        bad = [s for s in sources if s in UNSAFE_SOURCES]
        if bad:
            return f"{name} allows {' '.join(bad)}"
    if any(s in UNSAFE_SOURCES for words in directives.values() for s in words):
        return f"an unsafe source: {policy}"
    if is_html and not getattr(response, "streaming", False):
        return inline_code(response.content)
    return None


def inline_code(html: bytes) -> str | None:
    """The first inline script, style or event handler of a page (which the policy blocks), or
    None. A ``<script type="application/json">`` data block is data, not code: allowed."""
    for match in INLINE_CODE.finditer(html):
        start = match.start()
        if DATA_SCRIPT.match(html, start):
            continue
        return "inline code the policy blocks: " + html[start : start + 80].decode(errors="replace")
    return None
