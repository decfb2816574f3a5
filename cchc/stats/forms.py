"""The period (and level) of the dossier report, typed as dd/mm/yyyy within the years the
shared checks allow (``cchc.core.validation``); the values of the serving-quality index the
reform office enters."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import VnDateField
from cchc.dossiers.forms import StyledForm
from cchc.org.models import Agency
from cchc.org.selectors import agencies_visible_to
from cchc.stats.measures import ENTERED
from cchc.stats.models import IndexIndicator

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


# --- The serving-quality index: values entered by the reform office ------------------------

MSG_ENTRY_PERIOD = _("“Từ ngày” phải trước hoặc bằng “đến ngày”.")


class EntryPeriodForm(StyledForm):
    """The entries shown: those overlapping the period; empty fields mean this calendar year."""

    date_from = VnDateField(label=_("Từ ngày"), required=False)
    date_to = VnDateField(label=_("Đến ngày"), required=False)

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        year = timezone.localdate().year
        data["date_from"] = data.get("date_from") or date(year, 1, 1)
        data["date_to"] = data.get("date_to") or date(data["date_from"].year, 12, 31)
        if data["date_from"] > data["date_to"]:
            self.add_error("date_from", MSG_ENTRY_PERIOD)
        return data


class EnteredValueForm(StyledForm):
    """One value of an entered indicator for an agency in the user's scope and a period
    (``entered_value_save`` checks the rest and says why in the field's place)."""

    indicator_code = forms.ChoiceField(label=_("Chỉ tiêu"))
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Agency.objects.none())
    period_from = VnDateField(label=_("Từ ngày"))
    period_to = VnDateField(label=_("Đến ngày"))
    numerator = forms.IntegerField(label=_("Tử số"), min_value=0, max_value=2_000_000_000)
    denominator = forms.IntegerField(label=_("Mẫu số"), min_value=0, max_value=2_000_000_000)
    note = forms.CharField(
        label=_("Ghi chú, nguồn số liệu"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator_code"].choices = entered_indicator_choices()
        self.fields["agency"].queryset = (
            agencies_visible_to(user)
            .filter(
                level__in=(Agency.Level.DEPARTMENT, Agency.Level.DISTRICT, Agency.Level.COMMUNE)
            )
            .order_by("path")
        )


def entered_indicator_choices() -> list[tuple[str, str]]:
    """The indicators entered by hand, each code once (its latest row's name)."""
    choices: dict[str, str] = {}
    rows = IndexIndicator.objects.filter(numerator=ENTERED).order_by(
        "group__order", "order", "-valid_from"
    )
    for code, name in rows.values_list("code", "name"):
        choices.setdefault(code, f"{code} — {name}")
    return [("", "—"), *choices.items()]
