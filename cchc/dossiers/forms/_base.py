"""What the dossier forms share: Vietnamese messages, Bootstrap styling, the shared input
checks (``cchc.core.validation``: no control characters in any text field, moments typed as
``dd/mm/yyyy HH:MM`` (24 h) and dates as ``dd/mm/yyyy`` within sane years) and amounts in
đồng."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The dates and moments of the dossier forms are the shared ones, re-exported here.
from cchc.core.validation import DATE_FORMAT as DATE_FORMAT
from cchc.core.validation import DATETIME_FORMAT as DATETIME_FORMAT
from cchc.core.validation import MSG_DATE as MSG_DATE
from cchc.core.validation import MSG_DATETIME as MSG_DATETIME
from cchc.core.validation import CleanTextFormMixin
from cchc.core.validation import VnDateField as VnDateField
from cchc.core.validation import VnDateTimeField as VnDateTimeField
from cchc.dossiers.models import Dossier
from cchc.org.identity import applicant_id_message, clean_phone

MAX_RESULT_FILE = 20 * 1024 * 1024
EXTRA_DOCUMENT_LINES = 3

MSG_REQUIRED = _("Trường này là bắt buộc.")
MSG_EMAIL = _("Địa chỉ thư điện tử không hợp lệ.")
MSG_DELIVERY = _("Nhận kết quả qua bưu chính cần địa chỉ nhận.")
MSG_MISSING = _(
    "Còn thiếu thành phần hồ sơ bắt buộc: %(names)s. Đánh dấu “đã nhận” khi đã kiểm tra, "
    "hoặc chọn “Yêu cầu bổ sung” để hướng dẫn người nộp bổ sung một lần."
)
MSG_NOTHING_MISSING = _(
    "Hồ sơ đã đủ thành phần: không có nội dung nào để yêu cầu bổ sung. "
    "Bỏ đánh dấu giấy tờ còn thiếu hoặc ghi nội dung cần bổ sung khác."
)
MSG_REFUSAL_REASON = _("Từ chối tiếp nhận cần ghi rõ lý do bằng lời lẽ dễ hiểu.")
MSG_ITEMS = _("Chọn hoặc ghi ít nhất một nội dung cần bổ sung.")
MSG_AMOUNT = _("Số tiền phải là số nguyên dương (đồng), ví dụ 75.000.")
MSG_PAYMENT_LINES = _("Ghi ít nhất một khoản: nội dung và số tiền.")
MSG_POSTAL = _("Trả qua bưu chính cần đơn vị bưu chính và mã bưu gửi.")
MSG_PDF = _("Tệp kết quả phải là tệp PDF, không quá 20 MB.")
MSG_NO_SELECTION = _("Chọn ít nhất một hồ sơ.")
MSG_SECOND_INTAKE_HELP = _(
    "Đây là lần yêu cầu bổ sung thứ hai ở khâu tiếp nhận: ghi rõ lý do bằng văn bản."
)
MSG_BACKDATE_REASON = _("Nhập bù hồ sơ giấy cần ghi rõ lý do.")
MSG_BACKDATE_RECEIVE_ONLY = _("Thời điểm tiếp nhận trong quá khứ chỉ dùng khi tiếp nhận hồ sơ.")

DEFAULT_SUPPLEMENT_REASON = _("Hồ sơ chưa đầy đủ thành phần theo quy định của thủ tục.")
DEFAULT_CARRIER = "Bưu điện Việt Nam (VNPost)"


class BootstrapMixin:
    """Bootstrap classes on every widget (the templates render fields one by one)."""

    def _style_widgets(self) -> None:
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            elif isinstance(widget, forms.HiddenInput):
                continue
            else:
                css = "form-control"
            classes = widget.attrs.get("class", "")
            if css not in classes.split():
                widget.attrs["class"] = f"{classes} {css}".strip()

    def add_error(self, field: str | None, error: object) -> None:
        super().add_error(field, error)
        # Bootstrap shows the message and the red border only with ``is-invalid``.
        names = [field] if isinstance(field, str) else []
        if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            names = list(error.error_dict)
        for name in names:
            widget = self.fields[name].widget if name in self.fields else None
            if widget is not None and "is-invalid" not in widget.attrs.get("class", ""):
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()


class StyledForm(CleanTextFormMixin, BootstrapMixin, forms.Form):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._style_widgets()


class AmountField(forms.CharField):
    """An amount in đồng, typed with or without dot separators ("75.000", "75000 đ")."""

    def to_python(self, value: object) -> int | None:
        text = super().to_python(value)
        if not text:
            return None
        digits = re.sub(r"[\s.,đ]|VND|vnd", "", text)
        if not digits.isdigit() or int(digits) <= 0:
            raise ValidationError(MSG_AMOUNT, code="invalid")
        return int(digits)


def split_lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class ApplicantChecksMixin:
    """The applicant's phone, CCCD / tax code and postal delivery address, checked the same
    way at the counter and on the portal (``cchc.org.identity``)."""

    def clean_applicant_phone(self) -> str:
        return clean_phone(self.cleaned_data["applicant_phone"])

    def check_applicant(self, data: dict) -> None:
        number = re.sub(r"\s", "", data.get("applicant_id_number") or "")
        if number:
            problem = applicant_id_message(data.get("applicant_kind") or "person", number)
            if problem:
                self.add_error("applicant_id_number", problem)
            data["applicant_id_number"] = number
        if (
            data.get("return_method") == Dossier.ReturnMethod.POSTAL
            and not (data.get("delivery_address") or "").strip()
        ):
            self.add_error("delivery_address", MSG_DELIVERY)
