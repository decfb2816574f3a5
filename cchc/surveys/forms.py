"""The form that opens a campaign (staff page); the service checks the rest."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.catalog.models import Procedure
from cchc.core.validation import CleanTextFormMixin, VnDateField
from cchc.org.models import Agency
from cchc.surveys import messages as msg
from cchc.surveys.models import Questionnaire


class CommaDecimalField(forms.DecimalField):
    """A decimal typed with a comma (Vietnamese "0,05") or a point."""

    def to_python(self, value: object) -> Decimal | None:
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class CampaignOpenForm(CleanTextFormMixin, forms.Form):
    code = forms.SlugField(label=_("Mã đợt khảo sát"), max_length=40)
    name = forms.CharField(label=_("Tên đợt khảo sát"), max_length=255)
    period_start = VnDateField(label=_("Hồ sơ trả kết quả từ ngày"))
    period_end = VnDateField(label=_("Đến ngày"))
    questionnaire = forms.ModelChoiceField(
        label=_("Bộ câu hỏi"),
        queryset=Questionnaire.objects.filter(status=Questionnaire.Status.PUBLISHED),
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan, đơn vị được khảo sát"),
        queryset=Agency.objects.filter(valid_to__isnull=True).order_by("code"),
    )
    procedures = forms.ModelMultipleChoiceField(
        label=_("Thủ tục (để trống: mọi thủ tục)"),
        queryset=Procedure.objects.order_by("code"),
        required=False,
    )
    margin = CommaDecimalField(
        label=_("Sai số e"),
        initial=Decimal("0.05"),
        max_digits=4,
        decimal_places=3,
        min_value=Decimal("0.001"),
        max_value=Decimal("0.999"),
        error_messages={
            "invalid": msg.MSG_MARGIN,
            "min_value": msg.MSG_MARGIN,
            "max_value": msg.MSG_MARGIN,
            "max_digits": msg.MSG_MARGIN,
            "max_decimal_places": msg.MSG_MARGIN,
        },
    )
    seed = forms.CharField(
        label=_("Hạt giống chọn mẫu (để trống: hệ thống tạo)"), max_length=64, required=False
    )
    token_days = forms.IntegerField(
        label=_("Số ngày mã phiếu còn hiệu lực"), initial=30, min_value=1, max_value=365
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            multiple = isinstance(field, forms.ModelMultipleChoiceField)
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs["class"] = css
            if multiple:
                field.widget.attrs["size"] = 8
            if self.is_bound and name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
