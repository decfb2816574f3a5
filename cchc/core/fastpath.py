"""A lean front door for the few hot public GET endpoints (the dossier status lookup).

``FastPath`` wraps Django's WSGI application (``config.wsgi``). For a GET whose path starts
with one of its prefixes it calls that route's handler directly — no request object, no
middleware chain, no URL resolver, no django-ninja — and answers with the handler's status and
body plus the headers Django's middleware adds to such a response. Anything it is not sure of
goes to Django untouched: another method or path, a host not in ``ALLOWED_HOSTS``, a plain-HTTP
request that ``SECURE_SSL_REDIRECT`` would redirect, a request with cookies (a session or CSRF
cookie can make the middleware answer differently), a request the handler declines (returns
``None``; e.g. a missing parameter, which gets Django's own 422), an unexpected error.

The middleware's headers (Content-Security-Policy, HSTS on HTTPS, X-Content-Type-Options,
Referrer-Policy, Cross-Origin-Opener-Policy, X-Frame-Options, Vary and Content-Language) are
not written out by hand: the first request of each kind (HTTPS or not, language) runs Django's
real middleware chain around an empty response, and its headers are kept for the next ones.
A change of security settings or middleware therefore reaches the fast path as well.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from io import BytesIO
from typing import Any, Protocol

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port, validate_host
from django.utils import translation

logger = logging.getLogger("django.request")
# Headers the fast path sets itself; every other header of the probe is copied.
_OWN_HEADERS = {"content-type", "content-length"}

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict, StartResponse], Iterable[bytes]]


class Answer(Protocol):
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...]


# A route's handler: (decoded path, decoded query string, environ) → an answer, or None to let
# Django answer.
Handler = Callable[[str, str, dict], Answer | None]


class _MiddlewareProbe(BaseHandler):
    """Django's middleware chain around a view that returns an empty 200: what the middleware
    adds to a response for a request like the one given."""

    def __init__(self) -> None:
        super().__init__()
        self.load_middleware()

    def _get_response(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(b"", content_type="application/json")


def _wsgi_text(raw: str) -> str | None:
    """A WSGI string (bytes as latin-1) as the UTF-8 text Django would read; None if it is
    not UTF-8."""
    try:
        return raw.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return None


def is_secure(environ: dict) -> bool:
    """``HttpRequest.is_secure()`` on a bare environ (honours ``SECURE_PROXY_SSL_HEADER``)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return value.split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


def host_allowed(environ: dict) -> bool:
    """The check ``HttpRequest.get_host()`` makes, without raising."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return False  # rare: let Django read it
    host = environ.get("HTTP_HOST")
    if not host:
        return False
    domain, _ = split_domain_port(host)
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)


def request_language(environ: dict) -> str:
    """The language ``LocaleMiddleware`` would activate for this request (without cookies)."""
    if "HTTP_ACCEPT_LANGUAGE" not in environ:
        return settings.LANGUAGE_CODE
    request = WSGIRequest({**environ, "wsgi.input": BytesIO()})
    return translation.get_language_from_request(request)


def _finish_database_work() -> None:
    """What Django does after each request (``close_old_connections``), only when there is
    something to do: close a connection that failed or outlived ``CONN_MAX_AGE``. Skipping
    the rest skips the health check's extra ``SELECT 1`` on the next request; a connection
    the server dropped in between is retried once instead (``FastPath._call``)."""
    now = time.monotonic()
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue  # not a request's own connection state (a test's transaction)
        if connection.errors_occurred or (
            connection.close_at is not None and now >= connection.close_at
        ):
            connection.close_if_unusable_or_obsolete()


class FastPath:
    """The WSGI application: ``routes`` (path prefix → handler) first, Django for the rest."""

    def __init__(self, django_app: WSGIApp, routes: dict[str, Handler]) -> None:
        self.django_app = django_app
        self.routes = routes
        self._headers: dict[tuple[bool, str], list[tuple[str, str]]] = {}
        self._probe: _MiddlewareProbe | None = None

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        answer = None
        try:
            answer = self._answer(environ)
        except Exception:
            logger.exception("Fast path failed; Django answers %s", environ.get("PATH_INFO"))
        if answer is None:
            return self.django_app(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return [body]

    def _route(self, path: str) -> Handler | None:
        for prefix, handler in self.routes.items():
            if path.startswith(prefix):
                return handler
        return None

    def _answer(self, environ: dict) -> tuple[str, list[tuple[str, str]], bytes] | None:
        if environ.get("REQUEST_METHOD") != "GET" or "HTTP_COOKIE" in environ:
            return None
        path = _wsgi_text(environ.get("PATH_INFO", ""))
        handler = self._route(path) if path else None
        if handler is None:
            return None
        query = _wsgi_text(environ.get("QUERY_STRING", ""))
        secure = is_secure(environ)
        if query is None or not host_allowed(environ):
            return None
        if settings.SECURE_SSL_REDIRECT and not secure:
            return None
        language = request_language(environ)
        with translation.override(language):
            result = self._call(handler, path, query, environ)
            if result is None:
                return None
            headers = [
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Length", str(len(result.body))),
                *result.headers,
                *self._middleware_headers(environ, secure, language),
            ]
        phrase = HTTPStatus(result.status).phrase
        if result.status >= 400:  # as Django's handler logs it
            logger.warning("%s: %s", phrase, path, extra={"status_code": result.status})
        return f"{result.status} {phrase}", headers, result.body

    def _call(self, handler: Handler, path: str, query: str, environ: dict) -> Answer | None:
        try:
            try:
                return handler(path, query, environ)
            except (InterfaceError, OperationalError):
                # A persistent connection the database dropped (restart, idle timeout): one
                # retry on a fresh connection. Reads only — the routes are GETs.
                for connection in connections.all(initialized_only=True):
                    if not connection.in_atomic_block:
                        connection.close()
                return handler(path, query, environ)
        finally:
            _finish_database_work()

    def _middleware_headers(
        self, environ: dict, secure: bool, language: str
    ) -> list[tuple[str, str]]:
        key = (secure, language)
        headers = self._headers.get(key)
        if headers is None:
            if self._probe is None:
                self._probe = _MiddlewareProbe()
            request = WSGIRequest({**environ, "wsgi.input": BytesIO()})
            response = self._probe.get_response(request)
            if response.cookies or response.status_code != 200:
                raise RuntimeError("the middleware changed a plain response; not cacheable")
            headers = [(k, v) for k, v in response.items() if k.lower() not in _OWN_HEADERS]
            self._headers[key] = headers
        return headers
