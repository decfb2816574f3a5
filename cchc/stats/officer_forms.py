"""The filters of the list of officers often late: the report's period (dd/mm/yyyy, empty =
this year to today), one agency of the reader's scope, and "only those over a threshold"."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cchc.org.models import Agency
from cchc.stats.forms import ReportPeriodForm


class OfficerPeriodForm(ReportPeriodForm):
    """``agencies`` is the reader's scope: the agency filter offers those, by code."""

    level = None
    by = None
    agency = forms.ModelChoiceField(
        label=_("Cơ quan, đơn vị"),
        queryset=Agency.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("Tất cả"),
    )
    flagged = forms.BooleanField(label=_("Chỉ cán bộ vượt ngưỡng"), required=False)

    def __init__(self, *args: object, agencies: QuerySet[Agency], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies.only("code", "name", "path").order_by("path")


class OfficerDetailForm(ReportPeriodForm):
    level = None
    by = None
