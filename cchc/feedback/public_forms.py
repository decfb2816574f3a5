"""The citizen's forms for feedback and petitions: sending an item, following it by code and
phone, asking for it to be looked at again.

The forms check the shape of what is typed (the shared text rule of ``cchc.core.validation``,
the Vietnamese phone of ``cchc.org.identity``, lengths); the rules of Decree 20/2008 (Art. 7's
sender, the dossier's phone, the upload checks) are the service's, whose ``FeedbackError`` the
view puts next to the field it names.
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.catalog.models import Procedure
from cchc.core.validation import MultipleFileField, MultipleFileInput
from cchc.dossiers.forms._base import MSG_EMAIL, StyledForm
from cchc.feedback.models import MAX_CONTENT, MAX_REASON, MAX_TITLE, Category, Kind
from cchc.org.identity import clean_phone
from cchc.org.models import Agency

MAX_CODE = 40
MAX_PHONE = 20

# One short hint per category of Art. 5, shown under each choice.
CATEGORY_HINTS = {
    Category.OFFICER_CONDUCT: _(
        "Cán bộ, công chức giải quyết chậm, gây khó khăn, đòi hỏi thêm giấy tờ, chi phí."
    ),
    Category.WRONG_APPLICATION: _(
        "Quy định đúng nhưng cơ quan áp dụng sai, yêu cầu khác với quy định."
    ),
    Category.UNFIT_REGULATION: _("Quy định không còn phù hợp với thực tế, khó thực hiện."),
    Category.CONFLICTING_REGULATIONS: _("Các quy định mâu thuẫn, chồng chéo nhau."),
    Category.ILLEGAL_REGULATION: _("Quy định trái với văn bản cấp trên hoặc trái luật."),
    Category.OTHER: _("Vấn đề khác liên quan đến quy định hành chính."),
    Category.PROPOSAL: _("Đề xuất phương án xử lý, cách làm đơn giản hơn."),
    Category.INITIATIVE: _("Sáng kiến ban hành quy định mới."),
}

MSG_CODE = _("Nhập mã phản ánh, kiến nghị (ví dụ PAKN-250424-0001).")
MSG_LOOKUP_PHONE = _("Nhập số điện thoại đã khai khi gửi phản ánh, kiến nghị.")
MSG_REOPEN_REASON = _("Nêu lý do câu trả lời chưa giải quyết được nội dung bạn phản ánh.")


def agency_choices() -> list[tuple[str, str]]:
    """The agencies a citizen may name: units existing today (not divisions), by name."""
    today = timezone.localdate()
    agencies = (
        Agency.objects.exclude(level=Agency.Level.DIVISION)
        .filter(merged_into__isnull=True)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .order_by("name")
        .values_list("code", "name")
    )
    return [("", _("— Chưa rõ cơ quan —")), *agencies]


def procedure_choices() -> list[tuple[str, str]]:
    """The procedures in force, by name (optional on the form)."""
    procedures = (
        Procedure.objects.filter(status__in=Procedure.IN_FORCE)
        .order_by("name", "code")
        .values_list("code", "name")
    )
    return [("", _("— Không gắn với thủ tục cụ thể —"))] + [
        (code, f"{name} ({code})") for code, name in procedures
    ]


class SendForm(StyledForm):
    """A phản ánh or kiến nghị from the portal (Decree 20/2008 Art. 6–7)."""

    kind = forms.ChoiceField(
        label=_("Loại"), choices=Kind.choices, widget=forms.RadioSelect, initial=Kind.PHAN_ANH
    )
    category = forms.ChoiceField(
        label=_("Nội dung thuộc nhóm"), choices=Category.choices, widget=forms.RadioSelect
    )
    dossier_code = forms.CharField(
        label=_("Mã hồ sơ liên quan (nếu có)"),
        max_length=MAX_CODE,
        required=False,
        help_text=_(
            "Khi ghi mã hồ sơ, cơ quan và thủ tục được lấy theo hồ sơ; số điện thoại phải "
            "trùng với số đã khai khi nộp hồ sơ."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    subject_agency = forms.ChoiceField(
        label=_("Cơ quan bị phản ánh, kiến nghị"), required=False, choices=()
    )
    procedure = forms.ChoiceField(
        label=_("Thủ tục hành chính liên quan (nếu có)"), required=False, choices=()
    )
    title = forms.CharField(label=_("Tiêu đề"), max_length=MAX_TITLE)
    content = forms.CharField(
        label=_("Nội dung phản ánh, kiến nghị"),
        max_length=MAX_CONTENT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Nêu rõ sự việc, thời gian, địa điểm và đề xuất của bạn (nếu có)."),
    )
    attachments = MultipleFileField(
        label=_("Tệp đính kèm (nếu có)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    sender_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    sender_address = forms.CharField(label=_("Địa chỉ"), max_length=255)
    sender_phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=MAX_PHONE,
        help_text=_("10 chữ số, bắt đầu bằng 0. Dùng để theo dõi phản ánh và nhận tin nhắn."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    sender_email = forms.EmailField(
        label=_("Thư điện tử (không bắt buộc)"),
        required=False,
        max_length=254,
        error_messages={"invalid": MSG_EMAIL},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject_agency"].choices = agency_choices()
        self.fields["procedure"].choices = procedure_choices()
        self.fields["sender_name"].widget.attrs["autocomplete"] = "name"
        self.fields["sender_address"].widget.attrs["autocomplete"] = "street-address"

    def clean_sender_phone(self) -> str:
        return clean_phone(self.cleaned_data["sender_phone"])

    def clean_dossier_code(self) -> str:
        return self.cleaned_data["dossier_code"].strip()

    def category_rows(self) -> list[dict]:
        """Each category's radio with its hint, for the template."""
        hints = {str(k): v for k, v in CATEGORY_HINTS.items()}
        return [
            {"choice": choice, "hint": hints.get(str(choice.data["value"]), "")}
            for choice in self["category"]
        ]

    def agency(self) -> Agency | None:
        code = self.cleaned_data.get("subject_agency") or ""
        return Agency.objects.filter(code=code).first() if code else None

    def procedure_object(self) -> Procedure | None:
        code = self.cleaned_data.get("procedure") or ""
        return Procedure.objects.filter(code=code).first() if code else None


class FollowForm(StyledForm):
    """Follow an item: its code and the sender's phone (sent in the body, never the URL)."""

    code = forms.CharField(
        label=_("Mã phản ánh, kiến nghị"),
        max_length=MAX_CODE,
        error_messages={"required": MSG_CODE},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Số điện thoại người gửi"),
        max_length=MAX_PHONE,
        error_messages={"required": MSG_LOOKUP_PHONE},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


class ReopenForm(StyledForm):
    """Ask for the item to be looked at again (within the reopening window)."""

    code = forms.CharField(max_length=MAX_CODE, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Lý do đề nghị xem xét lại"),
        max_length=MAX_REASON,
        error_messages={"required": MSG_REOPEN_REASON},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
