"""plan pages (included by ``cchc.plans.urls``)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
