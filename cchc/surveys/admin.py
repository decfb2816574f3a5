"""The questionnaire builder lives in the admin for now: a draft's questions are edited inline;
publishing and "new version" go through the services, and a published version is read only.
Campaigns and responses are shown read only (the services and the staff pages write them)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from cchc.surveys.models import Campaign, Question, Questionnaire
from cchc.surveys.services import SurveyError, questionnaire_new_version, questionnaire_publish


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 1
    fields = ("position", "element", "kind", "text", "choices", "required")

    def has_add_permission(self, request: HttpRequest, obj: Questionnaire | None = None) -> bool:
        return obj is None or not obj.is_published

    def has_change_permission(self, request: HttpRequest, obj: Questionnaire | None = None) -> bool:
        return obj is None or not obj.is_published

    def has_delete_permission(self, request: HttpRequest, obj: Questionnaire | None = None) -> bool:
        return obj is None or not obj.is_published


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ("code", "version", "title", "service_type", "status", "published_at")
    list_filter = ("status",)
    fields = ("code", "version", "title", "service_type", "status", "published_at")
    readonly_fields = ("version", "status", "published_at")
    inlines = [QuestionInline]
    actions = ["publish", "new_version"]

    def has_change_permission(self, request: HttpRequest, obj: Questionnaire | None = None) -> bool:
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)

    @admin.action(description=_("Ban hành phiên bản đã chọn"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Questionnaire]) -> None:
        for questionnaire in queryset:
            try:
                questionnaire_publish(questionnaire)
            except SurveyError as error:
                self.message_user(request, f"{questionnaire}: {error.message}", messages.ERROR)

    @admin.action(description=_("Tạo phiên bản mới từ bộ câu hỏi đã chọn"))
    def new_version(self, request: HttpRequest, queryset: QuerySet[Questionnaire]) -> None:
        for questionnaire in queryset:
            questionnaire_new_version(questionnaire)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "period_start", "period_end", "status")
    list_filter = ("status",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
