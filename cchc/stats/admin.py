"""Administration of the serving-quality index by the reform office: the dated configuration
(groups, indicators) and the values entered per agency and period. A change of rules is a new
row valid from a new day with the old one closed the day before (``Dated.clean`` refuses two
rows of one code in force on the same day); entries go through ``entered_value_save``, which
stamps who entered them and when."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from cchc.stats.models import EnteredValue, IndexGroup, IndexIndicator
from cchc.stats.services import entered_value_save


class IndexIndicatorInline(admin.TabularInline):
    model = IndexIndicator
    fields = ("order", "code", "name", "max_points", "valid_from", "valid_to")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(IndexGroup)
class IndexGroupAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "max_points", "order", "valid_from", "valid_to")
    list_filter = ("code",)
    fields = ("code", "name", "max_points", "order", "valid_from", "valid_to", "source")
    inlines = [IndexIndicatorInline]


@admin.register(IndexIndicator)
class IndexIndicatorAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "group",
        "numerator",
        "denominator",
        "max_points",
        "rule",
        "threshold",
        "zero_rule",
        "valid_from",
        "valid_to",
    )
    list_filter = ("group__code", "zero_rule", "rule")
    search_fields = ("code", "name")
    list_select_related = ("group",)
    fieldsets = (
        (None, {"fields": ("code", "name", "group", "order")}),
        (None, {"fields": ("numerator", "denominator")}),
        (None, {"fields": ("max_points", "rule", "threshold", "bands", "zero_rule")}),
        (None, {"fields": ("valid_from", "valid_to", "source")}),
    )


@admin.register(EnteredValue)
class EnteredValueAdmin(admin.ModelAdmin):
    list_display = (
        "indicator_code",
        "agency",
        "period_from",
        "period_to",
        "numerator",
        "denominator",
        "entered_by",
        "entered_at",
    )
    list_filter = ("indicator_code",)
    search_fields = ("indicator_code", "agency__name", "agency__code")
    date_hierarchy = "period_from"
    autocomplete_fields = ("agency",)
    list_select_related = ("agency", "entered_by")
    fields = (
        "indicator_code",
        "agency",
        "period_from",
        "period_to",
        "numerator",
        "denominator",
        "note",
        "entered_by",
        "entered_at",
    )
    readonly_fields = ("entered_by", "entered_at")

    def save_model(
        self, request: HttpRequest, obj: EnteredValue, form: object, change: bool
    ) -> None:
        saved = entered_value_save(
            actor=request.user,
            indicator_code=obj.indicator_code,
            agency=obj.agency,
            period_from=obj.period_from,
            period_to=obj.period_to,
            numerator=obj.numerator,
            denominator=obj.denominator,
            note=obj.note,
            entry=obj if change else None,
        )
        obj.pk, obj.entered_by, obj.entered_at = saved.pk, saved.entered_by, saved.entered_at
