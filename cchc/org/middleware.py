"""Session rules of issue 14, item 9: idle sessions end; administrators (and officers with a
device) give a two-step code before any page.

Both act on sessions only: the API (``/api/``, ``/open311/``) authenticates each call with a
token and never reads the session cookie.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django_htmx.http import HttpResponseClientRedirect

from cchc.org import twofactor

# The session key holding the moment (Unix seconds) of the last request of the session.
LAST_SEEN_KEY = "cchc_last_seen"
# The stored moment is rewritten at most this often (one session write per request otherwise);
# the limit is therefore enforced to within these seconds.
TOUCH_SECONDS = 15
MSG_IDLE = N_(
    "Phiên làm việc đã hết hạn do không thao tác trong %(minutes)s phút. Vui lòng đăng nhập lại."
)

# Paths neither rule applies to: token-authenticated machines, files, health checks.
_SESSIONLESS = ("/api/", "/open311/", "/static/", "/healthz", "/favicon.ico")
ADMIN_PREFIX = "/admin/"


def _redirect(request: HttpRequest, url: str) -> HttpResponse:
    """A redirect that also works for an htmx request: htmx follows a 302 inside the fragment
    and would swap a whole sign-in page into it, so it is told to load the page instead."""
    if request.headers.get("HX-Request") == "true":
        return HttpResponseClientRedirect(url)
    return HttpResponseRedirect(url)


def _with_next(url: str, request: HttpRequest) -> str:
    target = request.get_full_path() if request.method == "GET" else ""
    if request.headers.get("HX-Request") == "true":
        target = request.headers.get("HX-Current-URL", "") or ""
        # Only the path of the page the person was on: never another host.
        if "://" in target:
            target = "/" + target.split("://", 1)[1].partition("/")[2]
    return f"{url}?{urlencode({'next': target})}" if target else url


def idle_minutes(request: HttpRequest) -> int:
    """The idle limit for this request: the admin site's, an officer's or a citizen's."""
    if request.path.startswith(ADMIN_PREFIX):
        return settings.CCHC_IDLE_MINUTES_ADMIN
    if request.user.is_officer or twofactor.is_administrator(request.user):
        return settings.CCHC_IDLE_MINUTES_OFFICER
    return settings.CCHC_IDLE_MINUTES_CITIZEN


def sign_in_url(request: HttpRequest, user: object) -> str:
    if request.path.startswith(ADMIN_PREFIX):
        return reverse("admin:login")
    if getattr(user, "is_officer", True) or twofactor.is_administrator(user):
        return reverse("login")
    return reverse("portal:login")


def start_idle_clock(sender: type, request: HttpRequest, user: object, **_: object) -> None:
    """``user_logged_in``: the idle clock starts at sign-in (and the first page written after it
    needs no session write of its own)."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_KEY] = int(time.time())


class IdleSessionMiddleware:
    """Ends a signed-in session that made no request for longer than its idle limit
    (``CCHC_IDLE_MINUTES_ADMIN`` on /admin/, ``CCHC_IDLE_MINUTES_OFFICER``,
    ``CCHC_IDLE_MINUTES_CITIZEN``) and sends the person to sign in again with a message."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_SESSIONLESS) or not request.user.is_authenticated:
            return self.get_response(request)
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY)
        minutes = idle_minutes(request)
        if isinstance(last_seen, int) and minutes > 0 and now - last_seen > minutes * 60:
            return self._expire(request, minutes, now - last_seen)
        if not isinstance(last_seen, int) or now - last_seen >= TOUCH_SECONDS:
            request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)

    def _expire(self, request: HttpRequest, minutes: int, idle_seconds: int) -> HttpResponse:
        from cchc.core.security_log import security_event

        user = request.user
        url = _with_next(sign_in_url(request, user), request)
        security_event("session.idle_timeout", request=request, idle_seconds=idle_seconds)
        logout(request)
        messages.warning(request, _(MSG_IDLE) % {"minutes": minutes})
        return _redirect(request, url)


class TwoFactorGateMiddleware:
    """A session that must give a two-step code (``twofactor.needs_code``) reaches only the
    pages that ask for it, and signing out: every other request goes to enrol (no device yet)
    or to enter the code, then back where it was going."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_SESSIONLESS) or not request.user.is_authenticated:
            return self.get_response(request)
        if self._open(request.path) or not twofactor.needs_code(request):
            return self.get_response(request)
        if twofactor.confirmed_device(request.user) is None:
            url = reverse("otp_enrol")
        else:
            url = reverse("otp_verify")
        return _redirect(request, _with_next(url, request))

    @staticmethod
    def _open(path: str) -> bool:
        return path in {
            reverse("otp_enrol"),
            reverse("otp_verify"),
            reverse("logout"),
            reverse("admin:logout"),
            reverse("set_language"),
        }
