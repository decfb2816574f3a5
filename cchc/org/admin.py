from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from cchc.org.models import Agency, ApiToken, User


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent", "valid_from", "valid_to", "merged_into")
    list_filter = ("level",)
    search_fields = ("code", "name", "name_search")
    autocomplete_fields = ("parent", "merged_into")
    ordering = ("path",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "full_name", "role", "agency", "is_active")
    list_filter = ("role", "is_active", "is_staff")
    search_fields = ("username", "full_name", "email", "phone", "citizen_id")
    autocomplete_fields = ("agency",)
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (
            _("Thông tin CCHC"),
            {
                "fields": (
                    "full_name",
                    "role",
                    "agency",
                    "job_title",
                    "phone",
                    "citizen_id",
                    "address",
                    "email_verified_at",
                    "phone_verified_at",
                )
            },
        ),
    )
    # Set only by the citizen opening the link sent to the address or number.
    readonly_fields = ("email_verified_at", "phone_verified_at")

    def save_model(self, request: HttpRequest, obj: User, form: object, change: bool) -> None:
        """An address or number changed here is not proven: it is unverified again."""
        if "email" in form.changed_data:
            obj.email_verified_at = None
        if "phone" in form.changed_data:
            obj.phone_verified_at = None
        super().save_model(request, obj, form, change)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = (
        "user",
        "name",
        "hint",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
    list_filter = ("revoked_at", "expires_at")
    # An administrator may bring the expiry forward or revoke; the rest is the token's record.
    readonly_fields = ("user", "hint", "created_at", "last_used_at")
    fields = ("user", "name", "hint", "created_at", "last_used_at", "expires_at", "revoked_at")

    def has_add_permission(self, request: object) -> bool:
        # A token's secret is shown once by `manage.py issue_api_token`; the admin can revoke.
        return False
