"""The one NinjaAPI of version 1, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json).

Bad input answers 422 with a Vietnamese message naming the parameter and the reason:
``{"detail": "Tham số 'start': …", "errors": [{"param": "start", "message": "…"}]}``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from cchc.catalog.api import router as catalog_router
from cchc.core.api import ApiInputError, explain_validation_errors
from cchc.core.api import router as calendar_router
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


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = explain_validation_errors(exc.errors)
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
