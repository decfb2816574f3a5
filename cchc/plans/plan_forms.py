"""Forms of the plan pages: importing an appendix, reporting progress on a task."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import VnDateField
from cchc.dossiers.forms._base import StyledForm
from cchc.plans.models import MAX_YEAR, MIN_YEAR, PlanTask

MAX_NOTE = 4000


class PlanImportForm(StyledForm):
    year = forms.IntegerField(label=_("Năm kế hoạch"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=50, required=False)
    issued_on = VnDateField(label=_("Ngày ban hành"), required=False)
    file = forms.FileField(label=_("Tệp phụ lục (.xlsx)"))


class TaskProgressForm(StyledForm):
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[(s.value, s.label) for s in PlanTask.Status if s not in (PlanTask.Status.LATE,)],
    )
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    note = forms.CharField(
        label=_("Kết quả, ghi chú"),
        max_length=MAX_NOTE,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    document = forms.CharField(label=_("Số văn bản minh chứng"), max_length=100, required=False)
    link = forms.URLField(
        label=_("Đường dẫn minh chứng"), max_length=1000, required=False, assume_scheme="https"
    )
    file = forms.FileField(label=_("Tệp minh chứng"), required=False)
