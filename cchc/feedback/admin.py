"""Feedback in the admin: items, their history and publication edits read only (the services
write them); reply templates edited here; Open311 client systems listed and revoked here (keys
are issued by ``manage.py issue_open311_key``)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.feedback.models import (
    FeedbackEvent,
    FeedbackItem,
    Open311Client,
    PublicationEdit,
    ReplyTemplate,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class EventInline(ReadOnlyInline):
    model = FeedbackEvent
    fields = (
        "seq",
        "action",
        "actor_name",
        "agency",
        "to_agency",
        "from_status",
        "to_status",
        "timely",
        "note",
        "at",
    )


class EditInline(ReadOnlyInline):
    model = PublicationEdit
    fields = ("field", "before", "after", "reason", "actor", "at")


@admin.register(FeedbackItem)
class FeedbackItemAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "title",
        "category",
        "status",
        "receiving_agency",
        "handling_agency",
        "received_at",
        "answer_due_at",
    )
    list_filter = ("status", "category", "channel", "kind")
    search_fields = ("code", "title")
    date_hierarchy = "received_at"
    list_select_related = ("receiving_agency", "handling_agency")
    inlines = (EventInline, EditInline)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ("title", "category", "agency", "active")
    list_filter = ("category", "active")
    list_editable = ("active",)


@admin.register(Open311Client)
class Open311ClientAdmin(admin.ModelAdmin):
    list_display = ("name", "hint", "agency", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("hint", "created_at", "last_used_at", "revoked_at")
    fields = ("name", "agency", "hint", "created_at", "last_used_at", "revoked_at")
    actions = ("revoke",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # keys are issued by manage.py issue_open311_key, which prints the key once

    @admin.action(description=_("Thu hồi khoá truy cập đã chọn"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[Open311Client]) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("Đã thu hồi %(n)d khoá.") % {"n": count}, messages.SUCCESS)
