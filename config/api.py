"""The one NinjaAPI of version 1, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json).

Every answer under /api/v1/ is JSON, errors included, with the status the OpenAPI document
lists for it:

* 400 ``{"detail"}`` — a request Django cannot read (a NUL character, too many parameters);
* 401 ``{"detail"}`` with ``WWW-Authenticate`` — no valid API token;
* 403 ``{"detail", "allowed_actions"}`` — the caller's role may not take this action;
* 404 ``{"detail"}`` — no such thing, or not in the caller's scope (never a 403 that confirms
  it exists), or no such URL;
* 405 ``{"detail"}`` with ``Allow`` — a method the URL does not take;
* 409 ``{"detail", "allowed_actions"}`` — the action is not allowed in the dossier's state;
* 413 ``{"detail"}`` — a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE``;
* 415 ``{"detail"}`` — a body that is not ``application/json``;
* 422 ``{"detail": "Tham số 'start': …", "errors": [{"param": "start", "message": "…"}]}`` —
  bad input, named by the parameter and the reason, in Vietnamese;
* 429 ``{"detail"}`` with ``Retry-After`` — too many public lookups;
* 500 ``{"detail"}`` — our fault, logged;
* 503 ``{"detail"}`` with ``Retry-After`` — the database cannot be reached (down, restarting),
  or a stored file cannot be decrypted (its key is not configured yet: the file is kept).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.urls import URLPattern
from django.views import defaults
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from cchc.catalog.api import router as catalog_router
from cchc.core.api import ApiInputError, ErrorOut, InputErrorOut, explain_validation_errors
from cchc.core.api import router as calendar_router
from cchc.core.filecrypt import FileDecryptionError
from cchc.domain.lifecycle import Action, TransitionError
from cchc.dossiers.api import PERMISSION_REFUSALS
from cchc.dossiers.api import public_router as public_dossier_router
from cchc.dossiers.api import router as dossier_router
from cchc.dossiers.services import DossierInputError
from cchc.org.api import router as org_router
from cchc.parindex.api import router as parindex_router
from cchc.plans.api import router as plans_router
from cchc.stats.api import duty_router
from cchc.stats.api import router as serving_index_router
from cchc.surveys.api import router as surveys_router

API_PREFIX = "/api/"
MSG_BAD_REQUEST = "Yêu cầu không đọc được (quá nhiều tham số hoặc sai định dạng)."
MSG_FORBIDDEN = "Không có quyền thực hiện thao tác này."
MSG_NOT_FOUND = "Không tìm thấy."
MSG_METHOD = "Phương thức {method} không dùng được ở địa chỉ này; dùng: {allowed}."
MSG_TOO_LARGE = "Nội dung yêu cầu quá lớn."
MSG_MEDIA_TYPE = "Nội dung yêu cầu phải là JSON (Content-Type: application/json)."
MSG_SERVER = "Hệ thống gặp sự cố; lỗi đã được ghi lại. Vui lòng thử lại sau."
MSG_DATABASE_DOWN = "Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau."
MSG_FILE_LOCKED = (
    "Tệp này tạm thời không mở được trên máy chủ. Tệp không bị mất; lỗi đã được ghi lại "
    "để quản trị xử lý. Vui lòng thử lại sau."
)
RETRY_AFTER_SECONDS = "60"
MSG_AUTH = "Cần khoá API hợp lệ (Authorization: Bearer <khoá>)."
MSG_NOT_JSON = "không phải JSON hợp lệ"

_ACTION_TAGS = frozenset(action.value for action in Action)
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media in ("", "application/json") or media.endswith("+json")


def json_bodies_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A body that is not JSON is a 415 before anything reads it (a multipart body read by
    the middleware can no longer be read as JSON). No Content-Type at all is taken as JSON."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        has_body = request.META.get("CONTENT_LENGTH") not in (None, "", "0")
        if request.method in _BODY_METHODS and has_body and not _is_json(request.content_type):
            return JsonResponse({"detail": MSG_MEDIA_TYPE}, status=415)
        return view(request, *args, **kwargs)

    return wrapper


def _json_not_allowed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """django-ninja answers a method a path does not take with a plain-text 405."""

    @wraps(view)  # keeps csrf_exempt, as django-ninja's own views
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type", "").endswith("json"):
            return response
        allowed = response.get("Allow", "")
        detail = MSG_METHOD.format(method=request.method, allowed=allowed)
        answer = JsonResponse({"detail": detail}, status=405)
        answer["Allow"] = allowed
        return answer

    return wrapper


# What this module answers for any endpoint, documented on each operation it can reach.
_COMMON = {
    400: ("Yêu cầu không đọc được (ký tự NUL, quá nhiều tham số)", ErrorOut),
    401: ("Thiếu khoá API hợp lệ", ErrorOut),
    404: ("Không tìm thấy, hoặc ngoài phạm vi của người gọi", ErrorOut),
    413: ("Nội dung yêu cầu quá lớn", ErrorOut),
    415: ("Nội dung yêu cầu không phải JSON", ErrorOut),
    422: ("Dữ liệu không hợp lệ: tên tham số và lý do", InputErrorOut),
}
_WWW_AUTHENTICATE = {
    "WWW-Authenticate": {
        "description": "Cách xác thực: Bearer",
        "required": True,
        "schema": {"type": "string"},
    }
}


def _component(model: type[Schema], components: dict) -> dict:
    """A reference to ``model``'s schema, added to the document's components if missing."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(schema.pop("$defs", {}))
    components.setdefault(model.__name__, schema)
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def document_common_answers(document: dict) -> dict:
    """Add to each operation the answers this module gives for it (see the module docstring):
    400 always; 401 when it needs a token; 404 when its path names something; 413 and 415
    when it takes a body; 422 when it takes any input."""
    components = document.setdefault("components", {}).setdefault("schemas", {})
    for operations in document["paths"].values():
        for operation in operations.values():
            parameters = operation.get("parameters", [])
            has_body = "requestBody" in operation
            statuses = {400}
            if operation.get("security"):
                statuses.add(401)
            if any(p["in"] == "path" for p in parameters):
                statuses.add(404)
            if has_body:
                statuses |= {413, 415}
            if parameters or has_body:
                statuses.add(422)
            responses = operation["responses"]
            for status in sorted(statuses):
                if status in responses or str(status) in responses:
                    continue
                description, model = _COMMON[status]
                content = {"application/json": {"schema": _component(model, components)}}
                responses[status] = {"description": description, "content": content}
            if 401 in statuses:
                responses[401]["headers"] = _WWW_AUTHENTICATE
    return document


class JsonApi(NinjaAPI):
    """NinjaAPI whose wrong-method answers are JSON like every other answer, and whose
    document lists the answers every endpoint can give."""

    def _get_urls(self) -> list:
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = _json_not_allowed(pattern.callback)
        return urls

    def get_openapi_schema(self, **kwargs: object) -> dict:
        return document_common_answers(super().get_openapi_schema(**kwargs))


api = JsonApi(
    title="CCHC API",
    version="1",
    description=(
        "API phiên bản 1 của nền tảng CCHC: danh mục thủ tục hành chính, lịch làm việc và "
        "tính hạn giải quyết, hồ sơ một cửa. Xác thực bằng khoá: "
        "`Authorization: Bearer <khoá>` (cấp bằng `python manage.py issue_api_token TÊN`). "
        "Mọi câu trả lời, kể cả lỗi, là JSON; nội dung gửi lên phải là JSON "
        "(`Content-Type: application/json`). Lỗi: 400 yêu cầu không đọc được, 401 thiếu khoá, "
        "403 không có quyền, 404 không tìm thấy, 405 sai phương thức, 409 thao tác không "
        "được phép lúc này, 413 nội dung quá lớn, 415 không phải JSON, 422 dữ liệu không hợp "
        "lệ (nêu tên tham số), 429 quá nhiều lần tra cứu."
    ),
    urls_namespace="api-1",
)
api.add_decorator(json_bodies_only, mode="view")


def _client_location(error: dict) -> dict:
    """Ninja puts the handler's argument name after "body" (``body.payload.applicant.phone``)
    and pydantic the chosen action after it (``body.payload.forward.to_user``); clients know
    the field by its place in the JSON they sent (``applicant.phone``, ``to_user``)."""
    loc = list(error.get("loc", ()))
    if loc[:1] != ["body"]:
        return error
    rest = loc[2:]
    if rest[:1] and rest[0] in _ACTION_TAGS:
        rest = rest[1:]
    return {**error, "loc": ("body", *rest)}


def _unprocessable(request: HttpRequest, errors: list[dict]) -> HttpResponse:
    detail = "; ".join(f"Tham số '{e['param']}': {e['message']}" for e in errors)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _unprocessable(
        request, explain_validation_errors([_client_location(e) for e in exc.errors])
    )


@api.exception_handler(ApiInputError)
def on_input_error(request: HttpRequest, exc: ApiInputError) -> HttpResponse:
    return _unprocessable(request, [{"param": exc.param, "message": exc.message}])


@api.exception_handler(DossierInputError)
def on_dossier_input_error(request: HttpRequest, exc: DossierInputError) -> HttpResponse:
    return _unprocessable(request, [{"param": exc.field or "?", "message": exc.message}])


@api.exception_handler(TransitionError)
def on_transition_error(request: HttpRequest, exc: TransitionError) -> HttpResponse:
    """Not for this caller's role: 403; not in the dossier's state now: 409. Both say what
    the caller may do now."""
    allowed = [str(action) for action in exc.allowed]
    status = 403 if exc.template in PERMISSION_REFUSALS else 409
    return api.create_response(
        request, {"detail": exc.message, "allowed_actions": allowed}, status=status
    )


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    body = {"detail": str(exc) or MSG_FORBIDDEN, "allowed_actions": []}
    return api.create_response(request, body, status=403)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        return _unprocessable(request, [{"param": "body", "message": MSG_NOT_JSON}])
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, {"detail": MSG_TOO_LARGE}, status=413)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": MSG_NOT_FOUND}, status=404)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(request, {"detail": MSG_AUTH}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="cchc"'
    return response


api.add_router("/procedures", catalog_router)
api.add_router("/calendar", calendar_router)
api.add_router("/me", org_router)
api.add_router("/dossiers", dossier_router)
api.add_router("/public/dossiers", public_dossier_router)
api.add_router("/serving-index", serving_index_router)
api.add_router("/surveys", surveys_router)
api.add_router("/satisfaction", duty_router)
api.add_router("/parindex", parindex_router)
api.add_router("/plans", plans_router)


# --- Django's error views (config.urls): JSON under /api/, the usual pages elsewhere ----------


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not request.path.startswith(API_PREFIX):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return JsonResponse({"detail": MSG_TOO_LARGE}, status=413)
    return JsonResponse({"detail": MSG_BAD_REQUEST}, status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not request.path.startswith(API_PREFIX):
        return defaults.permission_denied(request, exception)
    return JsonResponse({"detail": MSG_FORBIDDEN, "allowed_actions": []}, status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not request.path.startswith(API_PREFIX):
        return defaults.page_not_found(request, exception)
    return JsonResponse({"detail": MSG_NOT_FOUND}, status=404)


def _unavailable_message() -> str | None:
    """Why the error being handled is a passing unavailability rather than our fault, or None
    (Django calls the 500 view inside its ``except`` block): the database is unreachable (down,
    restarting, out of connections), or a stored file is sealed with a key the server does not
    have (removed before ``files_rotate_keys`` ran, or not yet deployed — the operator's fix;
    Django has already logged the error with its traceback for them)."""
    exc = sys.exc_info()[1]
    if isinstance(exc, (OperationalError, InterfaceError)):
        return MSG_DATABASE_DOWN
    if isinstance(exc, FileDecryptionError):
        return MSG_FILE_LOCKED
    return None


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 with Retry-After when the failure is one that passes (``_unavailable_message``):
    the request may succeed later, and nothing the user sent before is lost."""
    message = _unavailable_message()
    if message is not None:
        if request.path.startswith(API_PREFIX):
            response = JsonResponse({"detail": message}, status=503)
        else:
            context = {"file_locked": message == MSG_FILE_LOCKED}
            body = loader.get_template("503.html").render(context)
            response = HttpResponse(body, status=503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
    if not request.path.startswith(API_PREFIX):
        return defaults.server_error(request)
    return JsonResponse({"detail": MSG_SERVER}, status=500)
