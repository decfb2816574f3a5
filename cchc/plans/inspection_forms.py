"""Forms of the inspection pages (dates dd/mm/yyyy, text checked at the door); every change
goes through ``cchc.plans.inspection_services``."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import VnDateField
from cchc.dossiers.forms._base import StyledForm
from cchc.org.models import Agency, User
from cchc.plans.inspection_services import PROVINCE_ROLES
from cchc.plans.models import Inspection

MAX_TEXT = 4000


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Agency) -> str:
        return f"{obj.name} ({obj.code})"


def plannable_agencies(user: User) -> QuerySet[Agency]:
    """The units ``user`` may plan an inspection of: every unit for Home Affairs, the own
    unit for an agency."""
    units = Agency.objects.exclude(level=Agency.Level.DIVISION).order_by("code")
    if user.role in PROVINCE_ROLES:
        return units.exclude(level=Agency.Level.PROVINCE)
    return units.filter(pk=user.agency.unit.pk) if user.agency_id else units.none()


class InspectionPlanForm(StyledForm):
    kind = forms.ChoiceField(label=_("Hình thức kiểm tra"), choices=Inspection.Kind.choices)
    agency = AgencyChoiceField(label=_("Cơ quan được kiểm tra"), queryset=Agency.objects.none())
    date_from = VnDateField(label=_("Từ ngày"))
    date_to = VnDateField(label=_("Đến ngày"))
    scope = forms.CharField(
        label=_("Nội dung, phạm vi kiểm tra"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    members = forms.CharField(
        label=_("Thành phần đoàn kiểm tra (mỗi người một dòng)"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = plannable_agencies(user)
        if user.role in PROVINCE_ROLES:
            self.fields["kind"].choices = [
                c for c in Inspection.Kind.choices if c[0] != Inspection.Kind.SELF
            ]
        else:
            self.fields["kind"].choices = [
                c for c in Inspection.Kind.choices if c[0] == Inspection.Kind.SELF
            ]


class InspectionRecordForm(StyledForm):
    minute_number = forms.CharField(label=_("Số biên bản"), max_length=50)
    conclusion = forms.CharField(
        label=_("Kết luận kiểm tra"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )


class FindingForm(StyledForm):
    content = forms.CharField(
        label=_("Tồn tại, hạn chế phát hiện"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    requirement = forms.CharField(
        label=_("Yêu cầu khắc phục"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_date = VnDateField(label=_("Hạn khắc phục"))
    evidence_link = forms.URLField(
        label=_("Đường dẫn minh chứng"), max_length=1000, required=False, assume_scheme="https"
    )
    evidence_file = forms.FileField(label=_("Tệp minh chứng"), required=False)


class FindingCloseForm(StyledForm):
    note = forms.CharField(
        label=_("Kết quả khắc phục"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )
    link = forms.URLField(
        label=_("Đường dẫn minh chứng"), max_length=1000, required=False, assume_scheme="https"
    )
    file = forms.FileField(label=_("Tệp minh chứng"), required=False)
