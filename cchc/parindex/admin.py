"""The PAR Index in the admin, read only: frameworks are built by the Excel import, the samples
and the copy service (``cchc.parindex.frameworks``), assessments by the assessment services —
the admin shows them for support, it never changes a tree or a score behind their checks."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from cchc.parindex.models import (
    Assessment,
    AssessmentEvent,
    Criterion,
    Evidence,
    Framework,
    PublishedResult,
    RemediationTask,
    Score,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    # Links shown read-only still build a form field: assume https, as the pages' forms do
    # (and as Django 6 will by default, without its deprecation warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class CriterionInline(admin.TabularInline):
    model = Criterion
    fields = ("code", "level", "name", "max_points", "method", "live_numerator", "live_denominator")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyAdmin):
    list_display = ("year", "unit_kind", "name", "status", "is_sample", "decision")
    list_filter = ("year", "unit_kind", "status", "is_sample")
    search_fields = ("name", "decision")
    inlines = [CriterionInline]


@admin.register(Criterion)
class CriterionAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "framework", "level", "max_points", "method")
    list_filter = ("framework", "level", "method")
    search_fields = ("code", "name")
    list_select_related = ("framework",)


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ("agency", "framework", "status", "total", "percent", "classification")
    list_filter = ("framework", "status")
    search_fields = ("agency__name", "agency__code")
    list_select_related = ("agency", "framework")


@admin.register(Score)
class ScoreAdmin(ReadOnlyAdmin):
    list_display = ("assessment", "criterion", "self_points", "appraised_points", "review")
    list_filter = ("review",)
    list_select_related = ("assessment__agency", "assessment__framework", "criterion")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ("score", "original_name", "link", "document", "added_at", "removed_at")


@admin.register(AssessmentEvent)
class AssessmentEventAdmin(ReadOnlyAdmin):
    list_display = ("assessment", "seq", "action", "from_status", "to_status", "actor_name", "at")
    list_filter = ("action",)


@admin.register(PublishedResult)
class PublishedResultAdmin(ReadOnlyAdmin):
    list_display = ("agency", "framework", "rank", "total", "percent", "classification")
    list_filter = ("framework",)
    list_select_related = ("agency", "framework")


@admin.register(RemediationTask)
class RemediationTaskAdmin(ReadOnlyAdmin):
    list_display = ("agency", "criterion", "owner", "due_date", "status")
    list_filter = ("status",)
    list_select_related = ("agency", "criterion", "owner")
