"""The public lookup's fast path (``config.wsgi`` → ``cchc.core.fastpath``): through real WSGI
calls, it answers exactly what the API answers through Django's whole stack — status, body,
every header — and hands anything else to Django."""

from __future__ import annotations

from types import SimpleNamespace
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections

from cchc.core import ratelimit
from cchc.core.fastpath import FastPath
from cchc.dossiers.public import PATH_PREFIX, fast_lookup
from cchc.dossiers.services import dossier_apologize
from config.wsgi import django_application
from tests.dossiers.helpers import APPLICANT, at, receive

pytestmark = pytest.mark.django_db

CHECKED_HEADERS = {
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
    "cross-origin-opener-policy",
}


class Django:
    """Stands for Django behind the fast path: records what reaches it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("418 I'm a teapot", [("Content-Type", "text/plain")])
        return [b"django"]


@pytest.fixture(autouse=True)
def _wsgi_calls_inside_the_test_transaction():
    # As Django's test client does: a request must not close the test's connection.
    cache.clear()
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
    cache.clear()


@pytest.fixture
def django_behind():
    return Django()


@pytest.fixture
def fast(django_behind):
    return FastPath(django_behind, {PATH_PREFIX: fast_lookup})


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):
    # Both doors compute Retry-After from the clock: the same second for both.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_000_030.0))


def environ(path: str, query: str = "", **extra) -> dict:
    env = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "10.1.2.3",
        **extra,
    }
    setup_testing_defaults(env)
    return env


def call(app, env: dict) -> tuple[str, dict[str, str], bytes]:
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers

    body = b"".join(app(env, start_response))
    headers = {name.lower(): value for name, value in answer["headers"]}
    return answer["status"], headers, body


def both(fast, path: str, query: str = "", **extra):
    """The fast path's answer and the API's answer (Django's full stack) to one request."""
    return call(fast, environ(path, query, **extra)), call(
        django_application, environ(path, query, **extra)
    )


def test_a_found_dossier_answers_like_the_api(world, fast, django_behind):
    dossier = receive(world, now=at(2025, 3, 3))
    quick, full = both(fast, f"{PATH_PREFIX}{dossier.code}", "phone=0987+654+321")
    assert django_behind.calls == 0
    assert quick == full
    status, headers, body = quick
    assert status == "200 OK"
    assert headers["content-type"] == "application/json; charset=utf-8"
    assert set(headers) >= CHECKED_HEADERS
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "strict-transport-security" not in headers  # plain HTTP
    assert dossier.code.encode() in body
    for personal in (APPLICANT.full_name, APPLICANT.phone, APPLICANT.address):
        assert personal.encode() not in body


def test_apologies_come_out_the_same(world, fast):
    dossier = receive(world, now=at(2025, 3, 3))
    dossier_apologize(
        actor=world.counter_officer,
        dossier=dossier,
        reason="Chờ ý kiến cơ quan phối hợp",
        new_due_at=at(2025, 4, 10),
        now=at(2025, 3, 20),
    )
    quick, full = both(fast, f"{PATH_PREFIX}{dossier.code}", "phone=0987654321")
    assert quick == full and quick[0] == "200 OK"
    assert b"2025-03-20T09:00:00+07:00" in quick[2]


@pytest.mark.parametrize(
    "code, phone",
    [
        ("{code}", "0912345678"),  # wrong phone
        ("000.00.05.H98-250303-9999", "0987654321"),  # unknown code
        ("{code}", "%20"),  # a blank phone
        ("x" * 41, "0987654321"),  # longer than any code
    ],
)
def test_not_found_answers_like_the_api(world, fast, django_behind, code, phone):
    dossier = receive(world, now=at(2025, 3, 3))
    quick, full = both(fast, PATH_PREFIX + code.format(code=dossier.code), f"phone={phone}")
    assert django_behind.calls == 0
    assert quick == full
    assert quick[0] == "404 Not Found"


def test_the_rate_limit_answers_like_the_api(world, fast, django_behind, settings):
    settings.CCHC_PUBLIC_LOOKUP_LIMIT = 2
    dossier = receive(world, now=at(2025, 3, 3))
    path, query = f"{PATH_PREFIX}{dossier.code}", "phone=0987654321"
    assert call(fast, environ(path, query))[0] == "200 OK"
    assert call(django_application, environ(path, query))[0] == "200 OK"
    quick, full = both(fast, path, query)  # the third and fourth of the same client
    assert django_behind.calls == 0
    assert quick == full
    assert quick[0] == "429 Too Many Requests"
    assert quick[1]["retry-after"] == "50"  # the window of 60 s ends at 1,000,080
    # The two doors share one count per client address.
    other = call(fast, environ(path, query, REMOTE_ADDR="10.9.9.9"))
    assert other[0] == "200 OK"


def test_over_https_hsts_is_added_as_the_middleware_does(world, fast):
    dossier = receive(world, now=at(2025, 3, 3))
    quick, full = both(
        fast, f"{PATH_PREFIX}{dossier.code}", "phone=0987654321", **{"wsgi.url_scheme": "https"}
    )
    assert quick == full
    assert quick[1]["strict-transport-security"].startswith("max-age=")


def test_the_language_of_the_request_is_honoured(world, fast):
    dossier = receive(world, now=at(2025, 3, 3))
    quick, full = both(
        fast, f"{PATH_PREFIX}{dossier.code}", "phone=0987654321", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert quick == full
    assert quick[1]["content-language"] == "en"


@pytest.mark.parametrize(
    "path, query, extra",
    [
        (PATH_PREFIX + "{code}", "", {}),  # no phone: the API's 422
        (PATH_PREFIX + "{code}", "phone=" + "1" * 21, {}),  # too long: the API's 422
        (PATH_PREFIX + "{code}", "phone=1&phone=2", {}),
        (PATH_PREFIX + "{code}/more", "phone=0987654321", {}),
        (PATH_PREFIX, "phone=0987654321", {}),
        ("/api/v1/dossiers/{code}", "phone=0987654321", {}),
        (PATH_PREFIX + "{code}", "phone=0987654321", {"REQUEST_METHOD": "POST"}),
        (PATH_PREFIX + "{code}", "phone=0987654321", {"HTTP_COOKIE": "sessionid=abc"}),
        (PATH_PREFIX + "{code}", "phone=0987654321", {"HTTP_HOST": "evil.example"}),
        (PATH_PREFIX + "{code}", "phone=\xff", {}),  # a raw byte that is not UTF-8
    ],
)
def test_anything_else_goes_to_django(world, fast, django_behind, path, query, extra):
    dossier = receive(world, now=at(2025, 3, 3))
    status, _, body = call(fast, environ(path.format(code=dossier.code), query, **extra))
    assert django_behind.calls == 1
    assert (status, body) == ("418 I'm a teapot", b"django")


def test_a_redirect_to_https_is_left_to_django(world, fast, django_behind, settings):
    settings.SECURE_SSL_REDIRECT = True
    dossier = receive(world, now=at(2025, 3, 3))
    call(fast, environ(f"{PATH_PREFIX}{dossier.code}", "phone=0987654321"))
    assert django_behind.calls == 1


def test_the_full_application_sends_a_missing_phone_to_the_api(world):
    from config.wsgi import application

    dossier = receive(world, now=at(2025, 3, 3))
    status, _, body = call(application, environ(f"{PATH_PREFIX}{dossier.code}"))
    assert status == "422 Unprocessable Entity"
    assert b"phone" in body
