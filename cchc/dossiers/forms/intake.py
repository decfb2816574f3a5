"""Intake at the counter: the document checklist, the applicant, and the outcome."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import CleanTextFormMixin
from cchc.dossiers.forms._base import (
    EXTRA_DOCUMENT_LINES,
    MSG_BACKDATE_REASON,
    MSG_BACKDATE_RECEIVE_ONLY,
    MSG_EMAIL,
    MSG_MISSING,
    MSG_NOTHING_MISSING,
    MSG_REFUSAL_REASON,
    ApplicantChecksMixin,
    BootstrapMixin,
    StyledForm,
    VnDateTimeField,
    split_lines,
)
from cchc.dossiers.models import Dossier


class IntakeOutcome:
    RECEIVE = "receive"
    SUPPLEMENT = "supplement"
    REFUSE = "refuse"
    CHOICES = (RECEIVE, SUPPLEMENT, REFUSE)


class DocumentLineForm(CleanTextFormMixin, BootstrapMixin, forms.Form):
    """One line of the checklist: a document of the procedure, or a free extra line."""

    FORMS = (("original", _("Bản chính")), ("copy", _("Bản sao")))

    name = forms.CharField(label=_("Tên giấy tờ"), max_length=500, required=False)
    received = forms.BooleanField(label=_("Đã nhận"), required=False)
    form = forms.ChoiceField(label=_("Hình thức"), choices=FORMS, initial="original")
    copies = forms.IntegerField(label=_("Số bản"), min_value=1, max_value=99, initial=1)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._style_widgets()
        self.fields["copies"].widget.attrs.update({"class": "form-control form-control-sm"})
        self.fields["form"].widget.attrs.update({"class": "form-select form-select-sm"})


DocumentLineFormSet = forms.formset_factory(
    DocumentLineForm, extra=0, max_num=60, validate_max=True, absolute_max=60
)


def checklist_initial(snapshot: dict) -> list[dict]:
    """The procedure's documents (from the version dossiers are received under) and a few
    blank lines for anything else the applicant hands in."""
    lines = [
        {
            "name": doc["name"],
            "form": "copy" if doc.get("form") in ("copy", "certified_copy") else "original",
            "copies": doc.get("count") or 1,
            "optional": doc.get("optional", False),
        }
        for doc in snapshot.get("documents", [])
    ]
    return lines + [{"name": "", "form": "original", "copies": 1}] * EXTRA_DOCUMENT_LINES


def paper_checklist(snapshot: dict, given: list[str]) -> list[dict]:
    """The procedure's papers (from the version the dossier is under), each with whether it
    is required and whether the applicant gave it (a document of that name is on the
    dossier), so the counter sees the optional ("nếu có") papers given and not given."""
    names = set(given)
    return [
        {"name": doc["name"], "optional": bool(doc.get("optional")), "given": doc["name"] in names}
        for doc in snapshot.get("documents", [])
    ]


class IntakeForm(ApplicantChecksMixin, StyledForm):
    """The applicant, channel and outcome of a dossier presented at the counter."""

    applicant_kind = forms.ChoiceField(
        label=_("Người nộp là"), choices=Dossier.ApplicantKind.choices, initial="person"
    )
    applicant_name = forms.CharField(label=_("Họ và tên / Tên tổ chức"), max_length=255)
    applicant_id_number = forms.CharField(
        label=_("Số CCCD / Mã số thuế"),
        max_length=20,
        help_text=_("Cá nhân: 12 chữ số CCCD. Tổ chức: mã số thuế."),
    )
    applicant_phone = forms.CharField(
        label=_("Điện thoại"), max_length=15, help_text=_("10 chữ số, bắt đầu bằng 0.")
    )
    applicant_email = forms.EmailField(
        label=_("Thư điện tử"), required=False, error_messages={"invalid": MSG_EMAIL}
    )
    applicant_address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    channel = forms.ChoiceField(
        label=_("Hình thức nộp"),
        choices=[
            (Dossier.Channel.IN_PERSON, Dossier.Channel.IN_PERSON.label),
            (Dossier.Channel.POSTAL, Dossier.Channel.POSTAL.label),
        ],
        initial=Dossier.Channel.IN_PERSON,
    )
    return_method = forms.ChoiceField(
        label=_("Nhận kết quả"),
        choices=Dossier.ReturnMethod.choices,
        initial=Dossier.ReturnMethod.IN_PERSON,
    )
    delivery_address = forms.CharField(
        label=_("Địa chỉ nhận kết quả qua bưu chính"), max_length=255, required=False
    )
    other_items = forms.CharField(
        label=_("Nội dung cần bổ sung, hoàn thiện khác"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mỗi dòng một nội dung. Giấy tờ chưa đánh dấu “đã nhận” được tự động liệt kê."),
    )
    reason = forms.CharField(
        label=_("Lý do"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi từ chối tiếp nhận; khi yêu cầu bổ sung có thể để trống."),
    )
    received_at = VnDateTimeField(
        label=_("Thời điểm tiếp nhận (nhập bù hồ sơ giấy)"),
        required=False,
        help_text=_(
            "Chỉ điền khi nhập bù hồ sơ giấy đã nhận trước đây; để trống là thời điểm hiện tại."
        ),
    )
    backdate_reason = forms.CharField(label=_("Lý do nhập bù"), required=False, max_length=1000)

    def __init__(
        self,
        *args: object,
        outcome: str = IntakeOutcome.RECEIVE,
        checklist: DocumentLineFormSet | None = None,
        snapshot: dict | None = None,
        can_backdate: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.outcome = outcome
        self.checklist = checklist
        self.snapshot = snapshot or {}
        self.can_backdate = can_backdate
        self.fields["applicant_phone"].widget.attrs.update(
            {"inputmode": "tel", "autocomplete": "off"}
        )
        self.fields["applicant_id_number"].widget.attrs.update({"inputmode": "numeric"})

    def clean(self) -> dict:
        data = super().clean()
        self.check_applicant(data)
        if self.outcome == IntakeOutcome.REFUSE and not (data.get("reason") or "").strip():
            self.add_error("reason", MSG_REFUSAL_REASON)
        if data.get("received_at"):
            if self.outcome != IntakeOutcome.RECEIVE:
                self.add_error("received_at", MSG_BACKDATE_RECEIVE_ONLY)
            elif not (data.get("backdate_reason") or "").strip():
                self.add_error("backdate_reason", MSG_BACKDATE_REASON)
        self._check_checklist()
        return data

    def _check_checklist(self) -> None:
        if self.checklist is None or not self.checklist.is_valid():
            return
        if self.outcome == IntakeOutcome.RECEIVE and self.missing_required():
            names = "; ".join(self.missing_required())
            self.add_error(None, MSG_MISSING % {"names": names})
        if self.outcome == IntakeOutcome.SUPPLEMENT and not self.supplement_items():
            self.add_error(None, MSG_NOTHING_MISSING)

    def _lines(self) -> list[tuple[dict, dict | None]]:
        """(posted line, procedure document or None for an extra line)."""
        docs = self.snapshot.get("documents", [])
        forms_ = self.checklist.forms
        rows = []
        # A procedure document missing from the post counts as not received.
        for index in range(max(len(forms_), len(docs))):
            data = (forms_[index].cleaned_data or {}) if index < len(forms_) else {}
            rows.append((data, docs[index] if index < len(docs) else None))
        return rows

    def missing_required(self) -> list[str]:
        return [
            doc["name"]
            for data, doc in self._lines()
            if doc is not None and not doc.get("optional") and not data.get("received")
        ]

    def supplement_items(self) -> list[str]:
        return self.missing_required() + split_lines(self.cleaned_data.get("other_items", ""))

    def documents(self) -> list[dict]:
        """The documents actually handed in: ticked procedure documents and named extras."""
        received = []
        for data, doc in self._lines():
            if doc is not None and not data.get("received"):
                continue
            name = doc["name"] if doc is not None else (data.get("name") or "").strip()
            if name:
                received.append(
                    {
                        "name": name,
                        "original": data.get("form") == "original",
                        "copies": data.get("copies") or 1,
                    }
                )
        return received


class ProcedureSearchForm(CleanTextFormMixin, forms.Form):
    q = forms.CharField(label=_("Tìm thủ tục"), required=False, max_length=200)
