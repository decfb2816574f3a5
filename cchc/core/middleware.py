"""Request hygiene shared by every page and the API."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

MSG_NUL = N_("Yêu cầu chứa ký tự không hợp lệ (NUL).")


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path:
        return True
    for query in (request.GET, request.POST if request.method == "POST" else None):
        if query is None:
            continue
        for key, values in query.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return True
    content_type = request.content_type or ""
    if content_type.endswith("json"):
        body = request.body
        return b"\x00" in body or b"\\u0000" in body
    return False


class RejectNulCharactersMiddleware:
    """Refuse any request whose path, parameters, form fields or JSON body carry a NUL
    character: no text column can store it (PostgreSQL refuses it outright), and nothing a
    person types contains one. Files are not looked at — binary uploads legitimately do."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            message = _(MSG_NUL)
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class NoStoreMiddleware:
    """``Cache-Control: private, no-store`` on every response that may carry personal data, so
    that no browser cache, proxy or shared office computer keeps a copy: every answer to a
    signed-in person (officer pages, worklists, prints and PDFs, the report, the citizen's
    dossiers and account, API calls with a token — each page also names who is signed in),
    and the anonymous pages named in ``CCHC_NO_STORE_VIEWS`` (those that show a dossier from
    a code and phone or a link). Anonymous public pages — the catalogue — stay cacheable.

    One rule in one place rather than a decorator on each view: a new page with personal data
    is covered as soon as it needs a sign-in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.views = frozenset(getattr(settings, "CCHC_NO_STORE_VIEWS", ()))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self._personal(request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def _personal(self, request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return True
        match = request.resolver_match
        return match is not None and match.view_name in self.views
