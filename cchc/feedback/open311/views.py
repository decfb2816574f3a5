"""The GeoReport v2 endpoints. Each view reads its arguments, calls one selector or the intake
service and renders in the format the URL names; every refusal is the specification's error
list with its HTTP status (400 bad or missing parameter, 403 api_key, 404 unknown, 405 method,
413 body too large, 429 too many requests), never a page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from uuid import UUID

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from cchc.core.ratelimit import client_ip, hit
from cchc.feedback.models import FeedbackItem
from cchc.feedback.open311 import messages as msg
from cchc.feedback.open311.catalog import (
    definition_out,
    service_get,
    service_list,
    service_out,
)
from cchc.feedback.open311.items import (
    Open311Refusal,
    intake_read,
    item_columns,
    posted_out,
    requests_out,
    requests_query,
)
from cchc.feedback.open311.keys import open311_client_for_key
from cchc.feedback.open311.render import error, respond
from cchc.feedback.services import FeedbackError, feedback_receive

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-12-05T00:00:00+07:00"  # when this interface last changed


def _limit(scope: str, key: str, limit: int) -> None:
    retry_after = hit(f"open311-{scope}", key, limit=limit, window=settings.CCHC_OPEN311_WINDOW)
    if retry_after is not None:
        raise _TooMany(retry_after)


class _TooMany(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def open311_view(*methods: str) -> Callable:
    """The frame of every endpoint: the method (405 with Allow), the rate limit per client
    address (429 with Retry-After), refusals and unreadable bodies as Open311 errors."""
    allowed = {*methods, "HEAD"} if "GET" in methods else set(methods)

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @csrf_exempt  # client systems authenticate with api_key, not a session
        @wraps(view)
        def wrapper(
            request: HttpRequest, *args: object, fmt: str, **kwargs: object
        ) -> HttpResponse:
            if request.method not in allowed:
                text = msg.MSG_METHOD % {"method": request.method, "allowed": ", ".join(methods)}
                response = error(fmt, 405, text)
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            try:
                _limit("read", client_ip(request), settings.CCHC_OPEN311_READ_LIMIT)
                return view(request, *args, fmt=fmt, **kwargs)
            except Open311Refusal as refused:
                return error(fmt, refused.status, refused.message)
            except _TooMany as limited:
                response = error(fmt, 429, msg.MSG_TOO_MANY)
                response["Retry-After"] = str(limited.retry_after)
                return response
            except RequestDataTooBig:
                return error(fmt, 413, msg.MSG_TOO_LARGE)
            except (MultiPartParserError, SuspiciousOperation, UnicodeDecodeError):
                return error(fmt, 400, msg.MSG_BAD_BODY)

        return wrapper

    return decorate


@open311_view("GET")
def discovery_view(request: HttpRequest, *, fmt: str) -> HttpResponse:
    return respond(
        fmt,
        "discovery",
        {
            "changeset": CHANGESET,
            "contact": str(msg.CONTACT),
            "key_service": str(msg.KEY_SERVICE),
            "endpoints": [
                {
                    "specification": SPECIFICATION,
                    "url": f"{settings.CCHC_PUBLIC_URL}/open311/v2",
                    "changeset": CHANGESET,
                    "type": "production",
                    "formats": ["text/xml", "application/json"],
                }
            ],
        },
    )


@open311_view("GET")
def services_view(request: HttpRequest, *, fmt: str) -> HttpResponse:
    return respond(fmt, "services", [service_out(s) for s in service_list()])


@open311_view("GET")
def service_definition_view(request: HttpRequest, code: str, *, fmt: str) -> HttpResponse:
    service = service_get(code)
    if service is None:
        raise Open311Refusal(404, msg.MSG_SERVICE_UNKNOWN)
    return respond(fmt, "service_definition", definition_out(service))


@open311_view("GET", "POST")
def requests_view(request: HttpRequest, *, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _post_request(request, fmt)
    return respond(fmt, "service_requests", requests_out(requests_query(request.GET)))


def _post_request(request: HttpRequest, fmt: str) -> HttpResponse:
    """POST Service Request: api_key first (403), then the form, then the intake service —
    whose refusals (Art. 7, the phone, the dossier, the text) come back word for word."""
    form = request.POST
    key = form.get("api_key") or request.GET.get("api_key", "")
    if not key:
        raise Open311Refusal(403, msg.MSG_API_KEY)
    client = open311_client_for_key(key[:200])
    if client is None:
        raise Open311Refusal(403, msg.MSG_API_KEY_INVALID)
    _limit("post", str(client.pk), settings.CCHC_OPEN311_POST_LIMIT)
    intake = intake_read(form)
    try:
        item = feedback_receive(
            intake.data,
            channel="open311",
            receiving_agency=client.agency or intake.service.agency,
            now=timezone.now(),
        )
    except FeedbackError as refused:
        raise Open311Refusal(400, refused.message) from None
    return respond(fmt, "service_requests", posted_out(item))


@open311_view("GET")
def request_view(request: HttpRequest, code: str, *, fmt: str) -> HttpResponse:
    items = item_columns(FeedbackItem.objects.filter(code=code[:40]))
    found = requests_out(items)
    if not found:
        raise Open311Refusal(404, msg.MSG_REQUEST_UNKNOWN)
    return respond(fmt, "service_requests", found)


@open311_view("GET")
def token_view(request: HttpRequest, token: str, *, fmt: str) -> HttpResponse:
    try:
        public_id = UUID(token)
    except ValueError:
        raise Open311Refusal(404, msg.MSG_TOKEN_UNKNOWN) from None
    code = FeedbackItem.objects.filter(public_id=public_id).values_list("code", flat=True).first()
    if code is None:
        raise Open311Refusal(404, msg.MSG_TOKEN_UNKNOWN)
    return respond(fmt, "service_requests", [{"service_request_id": code, "token": token}])


@csrf_exempt
def not_found_view(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other address under /open311/v2/: the specification's 404, in the format asked."""
    return error("xml" if rest.endswith(".xml") else "json", 404, msg.MSG_NOT_FOUND)
