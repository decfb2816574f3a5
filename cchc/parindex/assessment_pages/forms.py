"""The forms of the assessment pages. They only read and type what is typed (every text
refuses control characters, ``CleanTextFormMixin``; numbers are parsed within the columns'
size, files pass the portal's upload checks); the rules — points within the maximum, evidence
required, who may do what now — are the services', whose ``AssessmentError`` comes back onto
the field it names. Field names follow the services' keyword names for that reason."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import CleanTextFormMixin, MultipleFileField, MultipleFileInput
from cchc.dossiers.uploads import UploadRefused, batch_limits, check_upload

MAX_TEXT = 5000
MAX_NOTE = 500
MAX_DOCUMENT = 100
MAX_LINK = 1000

MSG_POINTS = _("Nhập điểm là một số, tối đa hai chữ số thập phân, ví dụ 1,5.")
MSG_POINTS_SIZE = _("Điểm quá lớn: nhập số không quá 9.999,99 với tối đa hai chữ số thập phân.")
MSG_TOO_LONG = _("Nội dung quá dài (tối đa %(limit_value)s ký tự).")
MSG_REQUIRED = _("Trường này là bắt buộc.")
MSG_CHOICE = _("Lựa chọn không hợp lệ.")
MSG_LINK = _("Nhập đường dẫn đầy đủ, ví dụ https://vanban.tinh.gov.vn/123.")
MSG_EVIDENCE_EMPTY = _("Chọn tệp, nhập đường dẫn hoặc số, ký hiệu văn bản làm tài liệu kiểm chứng.")
MSG_REASON = _("Ghi rõ lý do.")
MSG_ANSWER = _("Nhập nội dung giải trình.")
MSG_ANNOTATION = _("Nhập nội dung ghi chú.")


class Decision:
    ACCEPT = "accept"
    ADJUST = "adjust"
    CLARIFY = "clarify"
    CHOICES = (
        (ACCEPT, _("Đồng ý điểm tự đánh giá")),
        (ADJUST, _("Điều chỉnh điểm")),
        (CLARIFY, _("Yêu cầu giải trình")),
    )


def _text(
    label: object,
    limit: int = MAX_TEXT,
    *,
    required: bool = False,
    rows: int = 3,
    msg: object = MSG_REQUIRED,
) -> forms.CharField:
    widget = (
        forms.Textarea(attrs={"rows": rows, "class": "form-control"})
        if rows
        else forms.TextInput(attrs={"class": "form-control"})
    )
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        widget=widget,
        error_messages={"max_length": MSG_TOO_LONG, "required": msg},
    )


def _points(label: object) -> forms.DecimalField:
    # The column's own size (6 digits, 2 decimals): anything larger is refused here in words,
    # not by the database. The maximum of the criterion and the sign are the services' rules.
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=6,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "decimal"}),
        error_messages={
            "invalid": MSG_POINTS,
            "max_digits": MSG_POINTS_SIZE,
            "max_whole_digits": MSG_POINTS_SIZE,
            "max_decimal_places": MSG_POINTS,
        },
    )


class ScoreForm(CleanTextFormMixin, forms.Form):
    """The unit's self-assessment of one scored criterion."""

    points = _points(_("Điểm tự đánh giá"))
    explanation = _text(_("Giải trình, thuyết minh"), rows=4)


class EvidenceForm(CleanTextFormMixin, forms.Form):
    """Evidence for one criterion: files (checked as the portal checks uploads), a link, or a
    document number — one row per file, and one for the link and number together."""

    files = MultipleFileField(
        label=_("Tệp tài liệu kiểm chứng"),
        widget=MultipleFileInput(attrs={"class": "form-control"}),
        help_text=_("PDF, JPG hoặc PNG; hệ thống kiểm tra nội dung tệp như tệp nộp hồ sơ."),
    )
    link = forms.URLField(
        label=_("Đường dẫn"),
        required=False,
        max_length=MAX_LINK,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "form-control"}),
        error_messages={"invalid": MSG_LINK, "max_length": MSG_TOO_LONG},
    )
    document = _text(_("Số, ký hiệu văn bản"), MAX_DOCUMENT, rows=0)
    note = _text(_("Mô tả"), MAX_NOTE, rows=0)

    def __init__(self, *args: object, existing: tuple[int, int] = (0, 0), **kwargs: object):
        super().__init__(*args, **kwargs)
        self.existing = existing

    def clean_files(self) -> list:
        files = self.cleaned_data.get("files") or []
        problems: list[str] = []
        for uploaded in files:
            try:
                check_upload(uploaded)
            except UploadRefused as refused:
                problems.extend(refused.messages)
        count, size = self.existing
        problems.extend(batch_limits(files, existing_count=count, existing_bytes=size))
        if problems:
            raise forms.ValidationError(problems)
        return files

    def clean(self) -> dict:
        data = super().clean()
        if not self.errors and not (
            data.get("files") or data.get("link") or (data.get("document") or "").strip()
        ):
            raise forms.ValidationError(MSG_EVIDENCE_EMPTY, code="empty")
        return data


class AnnotateForm(CleanTextFormMixin, forms.Form):
    """A note on a live-metric or survey criterion (its points cannot be overwritten)."""

    text = _text(_("Ghi chú của đơn vị"), required=True, msg=MSG_ANNOTATION)


class ReviewForm(CleanTextFormMixin, forms.Form):
    """Home Affairs' review of one criterion: accept, adjust (points and a comment), or ask
    the unit for a clarification (a comment)."""

    decision = forms.ChoiceField(
        label=_("Kết quả thẩm định"),
        choices=Decision.CHOICES,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": MSG_REQUIRED, "invalid_choice": MSG_CHOICE},
    )
    points = _points(_("Điểm thẩm định (khi điều chỉnh)"))
    comment = _text(_("Ý kiến thẩm định"), rows=3)

    def points_value(self) -> Decimal | None:
        if self.cleaned_data.get("decision") != Decision.ADJUST:
            return None
        return self.cleaned_data.get("points")


class AnswerForm(CleanTextFormMixin, forms.Form):
    """The unit's answer to a request for clarification on one criterion."""

    answer = _text(_("Nội dung giải trình"), required=True, rows=4, msg=MSG_ANSWER)


class NoteForm(CleanTextFormMixin, forms.Form):
    note = _text(_("Ghi chú (không bắt buộc)"), rows=2)


class RequiredNoteForm(CleanTextFormMixin, forms.Form):
    note = _text(_("Lý do, nội dung cần làm lại"), required=True, rows=3, msg=MSG_REASON)


class ReasonForm(CleanTextFormMixin, forms.Form):
    reason = _text(_("Lý do mở lại"), required=True, rows=3, msg=MSG_REASON)


class ConfirmForm(forms.Form):
    """An action that needs nothing but the button (submit, complete the appraisal, publish)."""
