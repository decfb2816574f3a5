"""Forms of the modernisation registers' pages; every change goes through
``cchc.plans.register_services``."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import VnDateField
from cchc.dossiers.forms._base import StyledForm
from cchc.plans.models import IsoRegister
from cchc.plans.register_services import MSG_MONTH

MONTH_RE = re.compile(r"^\s*(\d{1,2})/(\d{4})\s*$")


class MonthField(forms.Field):
    """A month typed mm/yyyy → its first day."""

    widget = forms.TextInput

    def to_python(self, value: object) -> date | None:
        text = str(value or "").strip()
        if not text:
            return None
        match = MONTH_RE.match(text)
        if not match or not 1 <= int(match.group(1)) <= 12:
            raise ValidationError(MSG_MONTH, code="invalid")
        year = int(match.group(2))
        if not 1900 <= year <= 2100:
            raise ValidationError(MSG_MONTH, code="invalid")
        return date(year, int(match.group(1)), 1)


class IsoForm(StyledForm):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=IsoRegister.Status.choices)
    standard = forms.CharField(label=_("Tiêu chuẩn"), max_length=50, required=False)
    certificate = forms.CharField(
        label=_("Số quyết định công bố, giấy chứng nhận"), max_length=100, required=False
    )
    certified_on = VnDateField(label=_("Ngày công bố, chứng nhận"), required=False)
    scope = forms.CharField(
        label=_("Phạm vi áp dụng"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    next_audit = VnDateField(label=_("Đánh giá nội bộ, tái chứng nhận tiếp theo"), required=False)
    procedures = forms.MultipleChoiceField(
        label=_("Thủ tục áp dụng"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: object, procedures: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedures"].choices = procedures


class DocumentMonthForm(StyledForm):
    month = MonthField(label=_("Tháng (mm/yyyy)"))
    sent_total = forms.IntegerField(label=_("Văn bản đi"), min_value=0, max_value=2_000_000_000)
    sent_electronic = forms.IntegerField(
        label=_("Văn bản đi điện tử"), min_value=0, max_value=2_000_000_000
    )
    received_total = forms.IntegerField(
        label=_("Văn bản đến"), min_value=0, max_value=2_000_000_000
    )
    received_electronic = forms.IntegerField(
        label=_("Văn bản đến điện tử"), min_value=0, max_value=2_000_000_000
    )


class DocumentCsvForm(StyledForm):
    file = forms.FileField(label=_("Tệp CSV xuất từ hệ thống quản lý văn bản"))
