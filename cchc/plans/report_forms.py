"""The forms of the periodic-report pages; the limits are the services' (which check again)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.dossiers.forms._base import StyledForm
from cchc.plans.models import MAX_YEAR, MIN_YEAR, Period, PeriodicReport
from cchc.plans.report_services import LIMITS, NARRATIVE_MAX, RECIPIENTS_MAX

MSG_YEAR = _("Năm phải trong khoảng 2000–2100.")


class ReportOpenForm(StyledForm):
    year = forms.IntegerField(
        label=_("Năm"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={"min_value": MSG_YEAR, "max_value": MSG_YEAR, "invalid": MSG_YEAR},
    )
    period = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=Period.choices)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


def _area(label: object, limit: int, rows: int = 6) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ReportForm(StyledForm):
    number = forms.CharField(label=_("Số, ký hiệu"), required=False, max_length=LIMITS["number"])
    results = _area(_("Kết quả đạt được"), NARRATIVE_MAX, 8)
    limitations = _area(_("Tồn tại, hạn chế và nguyên nhân"), NARRATIVE_MAX)
    proposals = _area(_("Đề xuất, kiến nghị"), NARRATIVE_MAX)
    recipients = _area(_("Nơi nhận (mỗi dòng một nơi)"), RECIPIENTS_MAX, 3)
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"), required=False, max_length=LIMITS["signer_title"]
    )
    signer_name = forms.CharField(
        label=_("Người ký"), required=False, max_length=LIMITS["signer_name"]
    )

    @classmethod
    def for_report(cls, report: PeriodicReport, data: object = None) -> ReportForm:
        initial = {name: getattr(report, name) for name in cls.base_fields}
        return cls(data, initial=initial)


class ReportReturnForm(StyledForm):
    comment = forms.CharField(
        label=_("Ý kiến của Sở Nội vụ"),
        max_length=NARRATIVE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Nhập ý kiến của Sở Nội vụ khi trả lại báo cáo.")},
    )
