"""Health checks and the favicon: the pages every deployment needs, whatever apps it has."""

from __future__ import annotations

from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cchc.core.health import readiness


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Touches nothing else (no database, no cache), so that a
    dead dependency never makes the orchestrator restart healthy web processes; the load
    balancer's readiness probe is ``readyz``."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness for the load balancer: 200 when every critical check passes, else 503 with
    ``failing`` naming the checks (``cchc.core.health``)."""
    result = readiness()
    body = {
        "status": "ok" if result.ready else "fail",
        "failing": result.failing,
        "checks": result.checks,
    }
    return JsonResponse(body, status=200 if result.ready else 503)


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.svg"))
