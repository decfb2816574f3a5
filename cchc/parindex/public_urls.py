"""Public PAR Index results under ``/cong-khai/chi-so-cchc/`` (no sign-in; published only)."""

from django.urls import URLPattern

app_name = "parindex_public"

urlpatterns: list[URLPattern] = []
