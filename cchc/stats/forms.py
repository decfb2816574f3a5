"""The period (and level) of the dossier report, typed as dd/mm/yyyy within the years the
shared checks allow (``cchc.core.validation``)."""

from __future__ import annotations

from datetime import date, timedelta

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


MSG_YEAR_RANGE = _("Chọn một năm từ 2015 đến năm nay.")
MSG_MONTH_AHEAD = _("Tháng này chưa đến.")
FIRST_YEAR = 2015
MONTHS = [("", _("Cả năm"))] + [(str(m), f"{m:02d}") for m in range(1, 13)]


class PublicPeriodForm(StyledForm):
    """The period of a public page: a year, or one month of it; empty: this year to today.
    The period never runs past today."""

    year = forms.IntegerField(label=_("Năm"), required=False)
    month = forms.TypedChoiceField(
        label=_("Tháng"), choices=MONTHS, coerce=int, required=False, empty_value=None
    )

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        today = timezone.localdate()
        year = data.get("year") or today.year
        if not FIRST_YEAR <= year <= today.year:
            self.add_error("year", MSG_YEAR_RANGE)
            return data
        month = data.get("month")
        if month:
            first = date(year, month, 1)
            if first > today:
                self.add_error("month", MSG_MONTH_AHEAD)
                return data
            following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
            last = following - timedelta(days=1)
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
        data.update(year=year, day_from=first, day_to=min(last, today))
        return data
