"""framework pages of the PAR Index (included by ``cchc.parindex.urls``)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
