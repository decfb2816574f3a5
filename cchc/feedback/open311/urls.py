"""Open311 GeoReport v2, mounted at /open311/v2/ (config/urls.py); the format is the suffix."""

from __future__ import annotations

from django.urls import re_path

from cchc.feedback.open311 import views

app_name = "open311"
FMT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    re_path(r"^discovery" + FMT, views.discovery_view, name="discovery"),
    re_path(r"^services" + FMT, views.services_view, name="services"),
    re_path(r"^services/(?P<code>[^/]+?)" + FMT, views.service_definition_view, name="service"),
    re_path(r"^requests" + FMT, views.requests_view, name="requests"),
    re_path(r"^requests/(?P<code>[^/]+?)" + FMT, views.request_view, name="request"),
    re_path(r"^tokens/(?P<token>[^/]+?)" + FMT, views.token_view, name="token"),
    re_path(r"^(?P<rest>.*)$", views.not_found_view, name="not_found"),
]
