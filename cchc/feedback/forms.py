"""Officers' forms for feedback: the counter intake and one form per action on an item.

The forms only read and type the input (every text refuses control characters at the door,
``CleanTextFormMixin``); the rules are the services', whose ``FeedbackError`` goes back onto
the field it names. Field names follow the services' field names for that reason.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.catalog.models import Procedure
from cchc.core.validation import CleanTextFormMixin, MultipleFileField, MultipleFileInput
from cchc.feedback import messages as msg
from cchc.feedback.models import (
    MAX_ANSWER,
    MAX_CONTENT,
    MAX_REASON,
    MAX_TITLE,
    Category,
    Channel,
    Classification,
    FeedbackItem,
    Kind,
    Outcome,
    ReviewTest,
)
from cchc.org.models import Agency, User

COUNTER_CHANNELS = [
    (c.value, c.label) for c in (Channel.COUNTER, Channel.POST, Channel.PHONE, Channel.EMAIL)
]
MSG_CHOICE = _("Lựa chọn không hợp lệ.")
MSG_TOO_LONG_FIELD = _("Nội dung quá dài (tối đa %(limit_value)s ký tự).")


def _text(label: object, limit: int, *, required: bool = False, rows: int = 0) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows, "class": "form-control"}) if rows else None
    field = forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        widget=widget or forms.TextInput(attrs={"class": "form-control"}),
        error_messages={"max_length": MSG_TOO_LONG_FIELD},
    )
    return field


def _select(widget_class: type = forms.Select) -> forms.Widget:
    return widget_class(attrs={"class": "form-select"})


def agency_choices() -> forms.ModelChoiceField:
    """Agencies of the platform an item may go to (units, not their divisions)."""
    return forms.ModelChoiceField(
        label=_("Cơ quan"),
        queryset=Agency.objects.exclude(level=Agency.Level.DIVISION).order_by("path"),
        to_field_name="code",
        required=False,
        empty_label=_("— Chọn cơ quan —"),
        widget=_select(),
        error_messages={"invalid_choice": MSG_CHOICE},
    )


class IntakeForm(CleanTextFormMixin, forms.Form):
    """An item the officer receives at the counter, by post, by phone or by e-mail."""

    channel = forms.ChoiceField(
        label=_("Hình thức tiếp nhận"), choices=COUNTER_CHANNELS, widget=_select()
    )
    sender_name = _text(_("Họ và tên người gửi"), 150, required=True)
    sender_address = _text(_("Địa chỉ"), 255, required=True)
    sender_phone = _text(_("Số điện thoại"), 20, required=True)
    sender_email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"class": "form-control"}),
    )
    sender_id_number = _text(_("Số CCCD / mã số thuế"), 20)
    kind = forms.ChoiceField(label=_("Loại"), choices=Kind.choices, widget=_select())
    category = forms.ChoiceField(
        label=_("Nội dung thuộc nhóm"), choices=Category.choices, widget=_select()
    )
    title = _text(_("Tiêu đề"), MAX_TITLE, required=True)
    content = _text(_("Nội dung phản ánh, kiến nghị"), MAX_CONTENT, required=True, rows=6)
    dossier_code = _text(_("Mã hồ sơ liên quan (nếu có)"), 40)
    subject_agency = agency_choices()
    procedure = forms.ModelChoiceField(
        label=_("Thủ tục hành chính (nếu có)"),
        queryset=Procedure.objects.filter(status__in=Procedure.IN_FORCE).order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("— Không chọn —"),
        widget=_select(),
        error_messages={"invalid_choice": MSG_CHOICE},
    )
    attachments = MultipleFileField(
        widget=MultipleFileInput(attrs={"class": "form-control"}),
        label=_("Tệp đính kèm"),
        help_text=_("Ảnh hoặc văn bản (PDF, JPG, PNG…), kiểm tra như tệp nộp hồ sơ."),
    )
    confirm_new = forms.BooleanField(
        label=_("Tôi đã xem các phản ánh có thể trùng ở trên; vẫn tiếp nhận phản ánh mới."),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject_agency"].label = _("Cơ quan bị phản ánh")
        self.fields["sender_phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})


class ClassifyForm(CleanTextFormMixin, forms.Form):
    """Decree 20/2008 Art. 9: the four classifications."""

    classification = forms.ChoiceField(
        label=_("Phân loại"),
        choices=Classification.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": msg.MSG_CLASSIFICATION, "invalid_choice": MSG_CHOICE},
    )
    agency = agency_choices()
    external_authority = _text(_("Cơ quan có thẩm quyền ngoài hệ thống"), 255)
    reason = _text(_("Lý do, ghi chú"), MAX_REASON, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].label = _("Chuyển đến cơ quan (về hành vi, không thuộc thẩm quyền)")
        self.fields["agency"].help_text = _(
            "Để trống khi phân loại về hành vi: chuyển cơ quan bị phản ánh."
        )
        self.fields["external_authority"].help_text = _(
            "Chỉ khi cơ quan có thẩm quyền không thuộc hệ thống; khi đó phải nhập lý do."
        )
        self.fields["reason"].help_text = _(
            "Bắt buộc khi không tiếp nhận (người gửi được báo lý do) hoặc chuyển ngoài hệ thống."
        )


class ForwardForm(CleanTextFormMixin, forms.Form):
    """Reassign the item to another agency of the platform, or forward it outside."""

    agency = agency_choices()
    external_authority = _text(_("Hoặc cơ quan có thẩm quyền ngoài hệ thống"), 255)
    reason = _text(_("Lý do chuyển"), MAX_REASON, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].label = _("Chuyển đến cơ quan")


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(
        label=_("Cán bộ xử lý"),
        queryset=User.objects.none(),
        empty_label=_("— Chọn cán bộ —"),
        widget=_select(),
        error_messages={"required": _("Chọn cán bộ xử lý."), "invalid_choice": MSG_CHOICE},
    )

    def __init__(self, *args: object, handlers: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if handlers is not None:
            self.fields["handler"].queryset = handlers
        self.fields["handler"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} — {u.get_role_display()}"
        )


class MergeForm(forms.Form):
    into = forms.ChoiceField(
        label=_("Gộp vào phản ánh"),
        choices=[],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": _("Chọn phản ánh để gộp vào."), "invalid_choice": MSG_CHOICE},
    )

    def __init__(
        self, *args: object, candidates: list[FeedbackItem] = (), **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [(c.code, f"{c.code} — {c.title}") for c in candidates]


class DraftForm(CleanTextFormMixin, forms.Form):
    """The draft answer; for a regulation, the six tests of Art. 14 and the outcome (Art. 15)."""

    text = _text(_("Nội dung dự thảo trả lời"), MAX_ANSWER, rows=10)
    review_outcome = forms.ChoiceField(
        label=_("Kết quả xử lý (Điều 15)"),
        choices=[("", _("— Chọn —")), *Outcome.choices],
        required=False,
        widget=_select(),
        error_messages={"invalid_choice": MSG_CHOICE},
    )
    MET_CHOICES = [("", _("— Chọn —")), ("yes", _("Đáp ứng")), ("no", _("Không đáp ứng"))]

    def __init__(self, *args: object, regulation: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.regulation = regulation
        self.fields["text"].required = False
        if not regulation:
            return
        for test, label in ReviewTest.choices:
            self.fields[f"met_{test}"] = forms.ChoiceField(
                label=label,
                choices=self.MET_CHOICES,
                required=False,
                widget=_select(),
                error_messages={"invalid_choice": MSG_CHOICE},
            )
            self.fields[f"note_{test}"] = _text(
                _("Nhận xét: %(test)s") % {"test": label}, 1000, rows=2
            )

    def review_tests(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        if not self.regulation:
            return []
        return [(self[f"met_{t}"], self[f"note_{t}"]) for t in ReviewTest.values]

    def review(self) -> dict | None:
        if not self.regulation:
            return None
        data = self.cleaned_data
        review = {}
        for test in ReviewTest.values:
            met = data.get(f"met_{test}")
            review[test] = {
                "met": {"yes": True, "no": False}.get(met, met),
                "note": data.get(f"note_{test}", ""),
            }
        return review


class ReasonForm(CleanTextFormMixin, forms.Form):
    reason = _text(_("Lý do"), MAX_REASON, rows=3)


class ApproveForm(forms.Form):
    pass


class PublishForm(CleanTextFormMixin, forms.Form):
    """The moderated public texts (prefilled with the texts the approval redacted)."""

    published_title = _text(_("Tiêu đề công khai"), MAX_TITLE)
    published_content = _text(_("Nội dung công khai"), MAX_CONTENT, rows=6)
    published_answer = _text(_("Trả lời công khai"), MAX_ANSWER, rows=8)
    reason = _text(_("Lý do chỉnh sửa (nếu sửa nội dung)"), 500, rows=2)


class ExtendForm(CleanTextFormMixin, forms.Form):
    days = forms.IntegerField(
        label=_("Số ngày làm việc gia hạn"),
        min_value=1,
        max_value=30,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), msg.MSG_EXTEND_DAYS
        ),
    )
    reason = _text(_("Lý do gia hạn"), MAX_REASON, rows=3)
