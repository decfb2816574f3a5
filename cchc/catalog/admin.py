"""Catalogue administration. Saving a procedure that is in force publishes a new version
(the decision number and date on the form) when its content changed."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cchc.catalog.models import (
    FeeItem,
    Field,
    LegalBasis,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    RequiredDocument,
)
from cchc.catalog.services import (
    ERR_NO_LEADER_STEP,
    ERR_NO_STEPS,
    procedure_abolish,
    procedure_current_version,
    procedure_publish,
    procedure_snapshot,
    process_problems,
)


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name", "name_search")


class StepFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        steps: list[tuple[str, Decimal]] = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data and not data.get("DELETE") and data.get("budget_hours") is not None:
                steps.append((data.get("role", ""), data["budget_hours"]))
        procedure = self.instance
        if not procedure.processing_time:
            return
        problems = process_problems(steps, procedure.processing_hours)
        if procedure.status not in Procedure.IN_FORCE:
            # A draft may be incomplete; only budgets beyond the legal time are wrong already.
            problems = [p for p in problems if p not in (_(ERR_NO_STEPS), _(ERR_NO_LEADER_STEP))]
        if problems:
            raise forms.ValidationError(problems)


class DocumentInline(admin.TabularInline):
    model = RequiredDocument
    extra = 0


class FeeInline(admin.TabularInline):
    model = FeeItem
    extra = 0


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0


class StepInline(admin.TabularInline):
    model = ProcessStep
    formset = StepFormSet
    extra = 0
    autocomplete_fields = ("agency",)


class VersionInline(admin.TabularInline):
    model = ProcedureVersion
    extra = 0
    can_delete = False
    fields = (
        "number",
        "status",
        "decision_number",
        "decision_date",
        "published_at",
        "published_by",
    )
    readonly_fields = fields

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "field", "status", "version", "processing_time", "online_mode")
    list_filter = ("status", "online_mode", "field", "at_province", "at_commune")
    search_fields = ("code", "name", "search_text")
    autocomplete_fields = ("field", "competent_agency", "receiving_agencies")
    # Status changes only through the publishing services (the actions below).
    readonly_fields = ("version", "status")
    inlines = (DocumentInline, FeeInline, LegalBasisInline, StepInline, VersionInline)
    actions = ("publish_selected", "abolish_selected")

    def save_related(self, request: object, form: object, formsets: object, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        procedure = form.instance
        if procedure.status not in Procedure.IN_FORCE:
            return
        current = procedure_current_version(procedure)
        if current is None or current.snapshot != procedure_snapshot(procedure):
            version = procedure_publish(
                actor=request.user,
                procedure=procedure,
                decision_number=procedure.decision_number,
                decision_date=procedure.decision_date,
            )
            self.message_user(
                request,
                _("Đã công bố phiên bản %(n)s của thủ tục %(code)s.")
                % {"n": version.number, "code": procedure.code},
                messages.SUCCESS,
            )

    @admin.action(description=gettext_lazy("Công bố theo số quyết định đang ghi"))
    def publish_selected(self, request: object, queryset: object) -> None:
        self._apply(request, queryset, procedure_publish, _("Đã công bố %(n)s thủ tục."))

    @admin.action(description=gettext_lazy("Bãi bỏ theo số quyết định đang ghi"))
    def abolish_selected(self, request: object, queryset: object) -> None:
        self._apply(request, queryset, procedure_abolish, _("Đã bãi bỏ %(n)s thủ tục."))

    def _apply(self, request: object, queryset: object, service: object, done_text: str) -> None:
        done, failed = 0, []
        for procedure in queryset:
            try:
                service(
                    actor=request.user,
                    procedure=procedure,
                    decision_number=procedure.decision_number,
                    decision_date=procedure.decision_date,
                )
                done += 1
            except ValidationError as exc:
                failed.append(f"{procedure.code}: {'; '.join(exc.messages)}")
        if done:
            self.message_user(request, done_text % {"n": done})
        for line in failed:
            self.message_user(request, line, messages.ERROR)
