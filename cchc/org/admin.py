from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from cchc.core.security_log import security_event
from cchc.org import twofactor
from cchc.org.jobs import account_enable
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
    list_display = ("username", "full_name", "role", "agency", "is_active", "last_login")
    list_filter = ("role", "is_active", "is_staff", "idle_disabled_at")
    actions = ("enable_accounts", "remove_two_step_devices")
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
                    "idle_disabled_at",
                    "reactivated_at",
                )
            },
        ),
    )
    # Set only by the citizen opening the link sent to the address or number; the idle
    # account job and the enabling of an account (issue 14 — accounts).
    readonly_fields = (
        "email_verified_at",
        "phone_verified_at",
        "idle_disabled_at",
        "reactivated_at",
    )

    def save_model(self, request: HttpRequest, obj: User, form: object, change: bool) -> None:
        """An address or number changed here is not proven: it is unverified again."""
        if "email" in form.changed_data:
            obj.email_verified_at = None
        if "phone" in form.changed_data:
            obj.phone_verified_at = None
        enabled = change and "is_active" in form.changed_data and obj.is_active
        super().save_model(request, obj, form, change)
        if enabled:
            # An account enabled again (e.g. after the unused-account job): its count restarts.
            account_enable(user=obj, request=request)

    @admin.action(description=_("Mở lại các tài khoản đã chọn"))
    def enable_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = 0
        for user in queryset.filter(is_active=False):
            account_enable(user=user, request=request)
            count += 1
        self.message_user(
            request,
            ngettext("Đã mở lại %(n)d tài khoản.", "Đã mở lại %(n)d tài khoản.", count)
            % {"n": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Gỡ thiết bị xác thực hai bước (mất điện thoại)"))
    def remove_two_step_devices(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = sum(
            1 for user in queryset if twofactor.remove(user=user, request=request, by_admin=True)
        )
        self.message_user(
            request,
            ngettext(
                "Đã gỡ thiết bị của %(n)d tài khoản: lần đăng nhập tới họ đăng ký lại.",
                "Đã gỡ thiết bị của %(n)d tài khoản: lần đăng nhập tới họ đăng ký lại.",
                count,
            )
            % {"n": count},
            messages.SUCCESS,
        )


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


# django-otp's own admin shows and edits the secret keys: replaced by a list that only shows
# who has a device and lets an administrator remove one (a lost phone), each removal logged.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TwoStepDeviceAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "confirmed", "created_at", "last_used_at")
    list_filter = ("confirmed",)
    search_fields = ("user__username", "user__full_name")
    fields = ("user", "name", "confirmed", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a device is enrolled by its owner, who scans its secret

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: TOTPDevice) -> None:
        super().delete_model(request, obj)
        _log_removal(request, [obj])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[TOTPDevice]) -> None:
        devices = list(queryset.select_related("user"))
        super().delete_queryset(request, queryset)
        _log_removal(request, devices)


def _log_removal(request: HttpRequest, devices: list[TOTPDevice]) -> None:
    for device in devices:
        security_event(
            "otp.remove",
            request=request,
            target_user_id=device.user_id,
            target_username=device.user.username,
            by_admin=True,
        )
