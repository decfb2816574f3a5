"""Home page and health check."""

from __future__ import annotations

from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cchc.catalog.selectors import field_list_with_counts
from cchc.core.calendar import current_calendar_version


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    fields = list(field_list_with_counts()[:40])
    return render(request, "core/home.html", {"fields": fields})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability for the load balancer."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "calendar_version": current_calendar_version()})


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.svg"))
