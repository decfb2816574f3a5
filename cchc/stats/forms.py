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


MSG_CUSTOM_DATES = _("Chọn khoảng ngày: nhập “từ ngày” và “đến ngày”.")
MSG_PART = _("Chọn tháng hoặc quý của kỳ.")
PERIODS = [
    ("month", _("Tháng")),
    ("quarter", _("Quý")),
    ("half", _("6 tháng")),
    ("nine", _("9 tháng")),
    ("year", _("Năm")),
    ("custom", _("Khoảng ngày")),
]
PARTS = [("", "—")] + [(str(n), f"{n:02d}") for n in range(1, 13)]


class DashboardForm(StyledForm):
    """The dashboard's filters: the period as the national portal publishes it (a month, a
    quarter, the first six or nine months, the year) or any range of days; and the agency
    kind, the agency, the field, the procedure and the channel to look at."""

    period = forms.ChoiceField(label=_("Kỳ"), choices=PERIODS, required=False)
    year = forms.IntegerField(label=_("Năm"), required=False)
    part = forms.TypedChoiceField(
        label=_("Tháng / quý"), choices=PARTS, coerce=int, required=False, empty_value=None
    )
    date_from = VnDateField(label=_("Từ ngày"), required=False)
    date_to = VnDateField(label=_("Đến ngày"), required=False)
    level = forms.ChoiceField(label=_("Cấp"), choices=LEVELS, required=False)
    agency = forms.CharField(label=_("Cơ quan (mã định danh)"), required=False, max_length=13)
    field = forms.CharField(label=_("Lĩnh vực (mã)"), required=False, max_length=30)
    procedure = forms.CharField(label=_("Thủ tục (mã)"), required=False, max_length=30)
    channel = forms.ChoiceField(
        label=_("Hình thức nộp"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            ("in_person", _("Trực tiếp")),
            ("online", _("Trực tuyến")),
            ("postal", _("Bưu chính công ích")),
        ],
    )

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        today = timezone.localdate()
        period = data.get("period") or "year"
        data["period"] = period
        if period == "custom":
            first, last = data.get("date_from"), data.get("date_to")
            if not first or not last:
                self.add_error("date_from", MSG_CUSTOM_DATES)
                return data
            if first > last:
                self.add_error("date_from", MSG_BAD_PERIOD)
                return data
        else:
            year = data.get("year") or today.year
            if not FIRST_YEAR <= year <= today.year:
                self.add_error("year", MSG_YEAR_RANGE)
                return data
            part = data.get("part")
            span = self._span(period, year, part or (today.month if period == "month" else 1))
            if span is None:
                self.add_error("part", MSG_PART)
                return data
            first, last = span
            data["year"] = year
        if first > today:
            self.add_error("date_from" if period == "custom" else "part", MSG_MONTH_AHEAD)
            return data
        data.update(day_from=first, day_to=min(last, today))
        return data

    @staticmethod
    def _span(period: str, year: int, part: int) -> tuple[date, date] | None:
        def month_end(month: int) -> date:
            following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
            return following - timedelta(days=1)

        if period == "month":
            return (date(year, part, 1), month_end(part)) if 1 <= part <= 12 else None
        if period == "quarter":
            if not 1 <= part <= 4:
                return None
            return date(year, 3 * part - 2, 1), month_end(3 * part)
        months = {"half": 6, "nine": 9, "year": 12}[period]
        return date(year, 1, 1), month_end(months)
