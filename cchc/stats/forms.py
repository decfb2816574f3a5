"""The period (and level) of the dossier report, typed as dd/mm/yyyy within the years the
shared checks allow (``cchc.core.validation``)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import VnDateField
from cchc.dossiers.forms import StyledForm
from cchc.org.models import Agency

MSG_BAD_PERIOD = _("“Từ ngày” phải trước hoặc bằng “đến ngày”.")
MSG_FUTURE = _("“Đến ngày” không được sau hôm nay.")
LEVELS = [
    ("", _("Tất cả")),
    (Agency.Level.DEPARTMENT, Agency.Level.DEPARTMENT.label),
    (Agency.Level.COMMUNE, Agency.Level.COMMUNE.label),
    (Agency.Level.DISTRICT, Agency.Level.DISTRICT.label),
    (Agency.Level.PROVINCE, Agency.Level.PROVINCE.label),
]


BY = [
    ("resolving", _("Cơ quan giải quyết")),
    ("receiving", _("Cơ quan tiếp nhận")),
]


class ReportPeriodForm(StyledForm):
    """Empty fields mean: from 1 January of this year to today, by resolving agency."""

    date_from = VnDateField(label=_("Từ ngày"), required=False)
    date_to = VnDateField(label=_("Đến ngày"), required=False)
    level = forms.ChoiceField(label=_("Cấp"), choices=LEVELS, required=False)
    by = forms.ChoiceField(label=_("Tính theo"), choices=BY, required=False)

    def clean(self) -> dict:
        data = super().clean()
        today = timezone.localdate()
        if self.errors:
            return data
        data["by"] = data.get("by") or "resolving"
        data["date_to"] = data.get("date_to") or today
        data["date_from"] = data.get("date_from") or date(data["date_to"].year, 1, 1)
        if data["date_to"] > today:
            self.add_error("date_to", MSG_FUTURE)
        elif data["date_from"] > data["date_to"]:
            self.add_error("date_from", MSG_BAD_PERIOD)
        return data
