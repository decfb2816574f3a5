"""The one NinjaAPI of version 1, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json).

Bad input answers 422 with a Vietnamese message naming the parameter and the reason:
``{"detail": "Tham số 'start': …", "errors": [{"param": "start", "message": "…"}]}``.
A dossier action not allowed now answers 409 ``{"detail": "…", "allowed_actions": [...]}``.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from cchc.catalog.api import router as catalog_router
from cchc.core.api import ApiInputError, explain_validation_errors
from cchc.core.api import router as calendar_router
from cchc.domain.lifecycle import TransitionError
from cchc.dossiers.api import public_router as public_dossier_router
from cchc.dossiers.api import router as dossier_router
from cchc.dossiers.services import DossierInputError
from cchc.org.api import router as org_router

api = NinjaAPI(
    title="CCHC API",
    version="1",
    description=(
        "API phiên bản 1 của nền tảng CCHC: danh mục thủ tục hành chính, lịch làm việc và "
        "tính hạn giải quyết, hồ sơ một cửa. Xác thực bằng khoá: "
        "`Authorization: Bearer <khoá>` (cấp bằng `python manage.py issue_api_token TÊN`)."
    ),
    urls_namespace="api-1",
)


def _without_body_argument(errors: list[dict]) -> list[dict]:
    """Ninja puts the handler's argument name after "body" (``body.payload.applicant.phone``);
    clients know the field by its place in the JSON they sent (``applicant.phone``)."""
    return [
        {**e, "loc": ("body", *e["loc"][2:])}
        if tuple(e.get("loc", ()))[:1] == ("body",) and len(e["loc"]) > 2
        else e
        for e in errors
    ]


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = explain_validation_errors(_without_body_argument(exc.errors))
    return api.create_response(
        request,
        {
            "detail": "; ".join(f"Tham số '{e['param']}': {e['message']}" for e in errors),
            "errors": errors,
        },
        status=422,
    )


@api.exception_handler(ApiInputError)
def on_input_error(request: HttpRequest, exc: ApiInputError) -> HttpResponse:
    errors = [{"param": exc.param, "message": exc.message}]
    return api.create_response(
        request, {"detail": f"Tham số '{exc.param}': {exc.message}", "errors": errors}, status=422
    )


@api.exception_handler(DossierInputError)
def on_dossier_input_error(request: HttpRequest, exc: DossierInputError) -> HttpResponse:
    param = exc.field or "?"
    errors = [{"param": param, "message": exc.message}]
    return api.create_response(
        request, {"detail": f"Tham số '{param}': {exc.message}", "errors": errors}, status=422
    )


@api.exception_handler(TransitionError)
def on_transition_error(request: HttpRequest, exc: TransitionError) -> HttpResponse:
    """The action is not allowed now (or not for this caller): 409 with what is allowed."""
    allowed = [str(action) for action in exc.allowed]
    return api.create_response(
        request, {"detail": exc.message, "allowed_actions": allowed}, status=409
    )


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        errors = [{"param": "body", "message": "không phải JSON hợp lệ"}]
        detail = "Tham số 'body': không phải JSON hợp lệ"
        return api.create_response(request, {"detail": detail, "errors": errors}, status=422)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request, {"detail": "Cần khoá API hợp lệ (Authorization: Bearer <khoá>)."}, status=401
    )
    response["WWW-Authenticate"] = 'Bearer realm="cchc"'
    return response


api.add_router("/procedures", catalog_router)
api.add_router("/calendar", calendar_router)
api.add_router("/me", org_router)
api.add_router("/dossiers", dossier_router)
api.add_router("/public/dossiers", public_dossier_router)
