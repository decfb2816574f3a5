"""The document access log in the admin: read-only, for the data protection officer and the
system administrator (DOMAIN A10)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from cchc.dossiers.models import DocumentAccess


@admin.register(DocumentAccess)
class DocumentAccessAdmin(admin.ModelAdmin):
    list_display = ("at", "dossier", "kind", "document_name", "user_name", "agency", "ip")
    list_filter = ("kind", "agency")
    search_fields = ("dossier__code", "user_name", "user__username", "document_name")
    list_select_related = ("dossier", "agency")
    date_hierarchy = "at"
    readonly_fields = [f.name for f in DocumentAccess._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
