"""Ratings in the admin: read only (ratings are final; counters are kept by the service); the
thresholds of the list of officers often late: edited here."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from cchc.satisfaction.models import AspectRating, OfficerRating, OfficerThreshold, Rating


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class AspectInline(ReadOnlyInline):
    model = AspectRating


class OfficerInline(ReadOnlyInline):
    model = OfficerRating


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ("dossier", "resolving_agency", "receiving_agency", "overall", "via", "rated_at")
    list_filter = ("overall", "via")
    date_hierarchy = "rated_at"
    list_select_related = ("dossier", "resolving_agency", "receiving_agency")
    inlines = (AspectInline, OfficerInline)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(OfficerThreshold)
class OfficerThresholdAdmin(admin.ModelAdmin):
    """The thresholds of the list of officers often late: the province sets them here (the
    model's ``clean`` keeps shares under 100 % and counts positive)."""

    list_display = ("kind", "value", "minimum", "active", "source")
    list_editable = ("value", "minimum", "active")
    fields = ("kind", "value", "minimum", "active", "source")
