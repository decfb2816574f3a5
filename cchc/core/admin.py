"""Administration of the working calendar (every save or delete is a new calendar version)
and of the notification outbox (read-only, secret links hidden)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.core.calendar import calendar_day_clear, calendar_day_set
from cchc.core.models import CalendarDay, CalendarDayChange, CalendarVersion, OutboxMessage
from cchc.core.outbox import redact_links


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "is_working", "kind", "reason", "legal_source", "version")
    list_filter = ("is_working", "kind")
    date_hierarchy = "date"
    search_fields = ("reason", "legal_source")
    fields = ("date", "is_working", "kind", "reason", "legal_source", "version")
    readonly_fields = ("version",)

    def save_model(self, request: object, obj: CalendarDay, form: object, change: bool) -> None:
        saved = calendar_day_set(
            actor=request.user,
            day=obj.date,
            is_working=obj.is_working,
            reason=obj.reason,
            legal_source=obj.legal_source,
            kind=obj.kind,
        )
        obj.pk, obj.version = saved.pk, saved.version

    def delete_model(self, request: object, obj: CalendarDay) -> None:
        calendar_day_clear(actor=request.user, day=obj.date, reason=f"Xoá: {obj.reason}")

    def delete_queryset(self, request: object, queryset: object) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(CalendarVersion)
class CalendarVersionAdmin(admin.ModelAdmin):
    list_display = ("number", "created_at", "created_by", "note")
    readonly_fields = ("number", "created_at", "created_by", "note")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(CalendarDayChange)
class CalendarDayChangeAdmin(admin.ModelAdmin):
    list_display = ("version", "date", "was_working", "is_working", "reason")
    list_filter = ("is_working",)
    readonly_fields = ("version", "date", "was_working", "is_working", "reason", "legal_source")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Operators see what was sent, what is waiting and why something failed; they may only
    ask for an immediate retry (the message is never edited or deleted). The link of a secret
    message (password reset, contact verification) is never shown: it belongs to its
    recipient alone."""

    list_display = (
        "created_at",
        "channel",
        "recipient",
        "subject",
        "status",
        "attempts",
        "sent_at",
    )
    list_filter = ("status", "channel", "template")
    search_fields = ("recipient", "subject", "dossier_code")
    # Every field read-only; the body only through ``shown_body``.
    fields = readonly_fields = [
        "shown_body" if f.name == "body" else f.name for f in OutboxMessage._meta.fields
    ]
    actions = ("retry_now",)

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False

    @admin.display(description=_("nội dung"))
    def shown_body(self, obj: OutboxMessage) -> str:
        return redact_links(obj.body) if obj.secret else obj.body

    @admin.action(description=_("Gửi lại ngay (các thông báo chưa gửi được)"))
    def retry_now(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        # A secret message given up has lost its link: the citizen asks for a new one.
        count = (
            queryset.exclude(status=OutboxMessage.Status.SENT)
            .exclude(secret=True, status=OutboxMessage.Status.FAILED)
            .update(
                status=OutboxMessage.Status.PENDING,
                next_attempt_at=timezone.now(),
                claimed_until=None,
            )
        )
        self.message_user(request, f"Đã xếp lại {count} thông báo để gửi ngay.")
