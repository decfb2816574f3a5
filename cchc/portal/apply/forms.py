"""Forms of the online application: the applicant and their choices, one upload slot per
document of the procedure plus extra files, the online supplement and the withdrawal.

Files are checked here (content, name, size, the dossier's limits) so that every refusal is a
message on the slot it concerns; nothing is stored until the whole form is valid.
"""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import MultipleFileField, MultipleFileInput
from cchc.dossiers.forms._base import (
    MSG_EMAIL,
    ApplicantChecksMixin,
    StyledForm,
)
from cchc.dossiers.models import Dossier, DossierDocument
from cchc.dossiers.services import ApplicantData, DocumentData, DraftDetails, DraftOptions
from cchc.dossiers.uploads import (
    StoredFile,
    UploadRefused,
    batch_limits,
    check_upload,
)
from cchc.org.models import Agency, User

MSG_SUPPLEMENT_EMPTY = _("Tải lên ít nhất một tệp bổ sung, hoặc ghi nội dung bổ sung.")
MSG_WITHDRAW_REASON = _("Cần ghi lý do rút hồ sơ.")
MAX_SLOT_LABEL = 120


ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


def _file_widget(multiple: bool = False) -> forms.FileInput:
    attrs = {"accept": ACCEPT, "class": "form-control js-upload"}
    return MultipleFileInput(attrs=attrs) if multiple else forms.FileInput(attrs=attrs)


class UploadFormMixin:
    """Checks each file of the form on its own field, then the dossier's limits."""

    slot_names: list[str]
    extra_name = "extra"

    def check_files(self, *, existing_count: int, existing_bytes: int) -> None:
        for name in [*self.slot_names, self.extra_name]:
            value = self.cleaned_data.get(name)
            files = value if isinstance(value, list) else [value] if value else []
            for uploaded_file in files:
                try:
                    check_upload(uploaded_file)
                except UploadRefused as refused:
                    for message in refused.messages:
                        self.add_error(name, message)
        for message in batch_limits(
            self.uploads(), existing_count=existing_count, existing_bytes=existing_bytes
        ):
            self.add_error(None, message)

    def slot_files(self) -> list[tuple[int, UploadedFile]]:
        """(slot index, file) for every slot that received a file."""
        return [
            (index, self.cleaned_data[name])
            for index, name in enumerate(self.slot_names)
            if self.cleaned_data.get(name)
        ]

    def extra_files(self) -> list[UploadedFile]:
        return list(self.cleaned_data.get(self.extra_name) or [])

    def uploads(self) -> list[UploadedFile]:
        """Every file of the form, slots first, in order."""
        return [f for _index, f in self.slot_files()] + self.extra_files()


class ApplyForm(ApplicantChecksMixin, UploadFormMixin, StyledForm):
    """A new online dossier or its draft: applicant, agency, channel, return, documents."""

    applicant_kind = forms.ChoiceField(
        label=_("Người nộp là"),
        choices=Dossier.ApplicantKind.choices,
        initial=Dossier.ApplicantKind.PERSON,
    )
    applicant_name = forms.CharField(label=_("Họ và tên / Tên tổ chức"), max_length=255)
    applicant_id_number = forms.CharField(
        label=_("Số CCCD / Mã số thuế"),
        max_length=20,
        help_text=_("Cá nhân: 12 chữ số CCCD. Tổ chức: mã số thuế."),
    )
    applicant_phone = forms.CharField(
        label=_("Điện thoại"),
        max_length=15,
        help_text=_("10 chữ số, bắt đầu bằng 0. Dùng để tra cứu hồ sơ và nhận tin nhắn."),
    )
    applicant_email = forms.EmailField(
        label=_("Thư điện tử"), required=False, error_messages={"invalid": MSG_EMAIL}
    )
    applicant_address = forms.CharField(label=_("Địa chỉ"), max_length=255)
    receiving_agency = forms.ChoiceField(label=_("Nơi nộp hồ sơ (cơ quan tiếp nhận)"))
    channel = forms.ChoiceField(
        label=_("Cách gửi giấy tờ"),
        widget=forms.RadioSelect,
        initial=Dossier.Channel.ONLINE,
    )
    return_method = forms.ChoiceField(
        label=_("Cách nhận kết quả"),
        widget=forms.RadioSelect,
        initial=Dossier.ReturnMethod.IN_PERSON,
    )
    delivery_address = forms.CharField(
        label=_("Địa chỉ nhận kết quả qua bưu chính"),
        max_length=255,
        required=False,
        help_text=_("Bắt buộc khi nhận kết quả qua bưu chính công ích."),
    )
    extra = MultipleFileField(
        label=_("Giấy tờ khác (nếu có)"),
        required=False,
        widget=_file_widget(multiple=True),
        help_text=_("Có thể chọn nhiều tệp."),
    )

    CHANNEL_LABELS = {
        Dossier.Channel.ONLINE: _("Tải lên bản điện tử (nộp trực tuyến)"),
        Dossier.Channel.POSTAL: _(
            "Gửi hồ sơ giấy qua bưu chính công ích (khai trực tuyến, giấy tờ gửi qua bưu điện)"
        ),
    }
    RETURN_LABELS = {
        Dossier.ReturnMethod.IN_PERSON: _("Nhận trực tiếp tại nơi nộp hồ sơ"),
        Dossier.ReturnMethod.POSTAL: _("Nhận qua bưu chính công ích (trả cước khi nhận)"),
        Dossier.ReturnMethod.ELECTRONIC: _("Nhận bản điện tử trên Cổng dịch vụ công"),
    }

    def __init__(
        self,
        *args: object,
        options: DraftOptions,
        existing: Sequence[DossierDocument] = (),
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.options = options
        self.existing = list(existing)
        self.fields["receiving_agency"].choices = [
            ("", _("— Chọn cơ quan —")),
            *((a.code, a.name) for a in options.agencies),
        ]
        if len(options.agencies) == 1:
            self.fields["receiving_agency"].initial = options.agencies[0].code
        self.fields["channel"].choices = [(c, self.CHANNEL_LABELS[c]) for c in options.channels]
        self.fields["return_method"].choices = [
            (m, self.RETURN_LABELS[m]) for m in options.return_methods
        ]
        for name in ("channel", "return_method"):
            self.fields[name].widget.attrs["class"] = "form-check-input"
        self.slot_names = []
        for index, doc in enumerate(options.documents):
            name = f"doc_{index}"
            self.slot_names.append(name)
            self.fields[name] = forms.FileField(
                label=doc["name"][:MAX_SLOT_LABEL],
                required=False,
                allow_empty_file=True,
                widget=_file_widget(),
                help_text=slot_help(doc),
            )
        # The extra-files input goes last.
        self.fields["extra"] = self.fields.pop("extra")
        self.fields["applicant_phone"].widget.attrs.update(
            {"inputmode": "tel", "autocomplete": "tel"}
        )
        self.fields["applicant_id_number"].widget.attrs.update({"inputmode": "numeric"})
        self.fields["applicant_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["applicant_email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["applicant_address"].widget.attrs.update({"autocomplete": "street-address"})
        self.fields["delivery_address"].widget.attrs.update(
            {"autocomplete": "shipping street-address"}
        )

    def slot_rows(self) -> list[dict]:
        """For the template: each document slot, its bound field and the files already on it."""
        rows = []
        for index, doc in enumerate(self.options.documents):
            name = self.slot_names[index]
            rows.append(
                {
                    "doc": doc,
                    "field": self[name],
                    "attached": [d for d in self.existing if d.name == doc["name"] and d.file],
                }
            )
        return rows

    def extra_documents(self) -> list[DossierDocument]:
        names = {doc["name"] for doc in self.options.documents}
        return [d for d in self.existing if d.name not in names]

    def clean(self) -> dict:
        data = super().clean()
        self.check_applicant(data)
        replaced = self.replaced_documents()
        kept = [d for d in self.existing if d.file and d not in replaced]
        self.check_files(existing_count=len(kept), existing_bytes=sum(d.size for d in kept))
        return data

    def replaced_documents(self) -> list[DossierDocument]:
        """Files already attached to a slot that receives a new file (the new one replaces
        them)."""
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return []
        names = {self.options.documents[index]["name"] for index, _f in self.slot_files()}
        return [d for d in self.existing if d.name in names]

    def agency(self) -> Agency:
        code = self.cleaned_data["receiving_agency"]
        return next(a for a in self.options.agencies if a.code == code)

    def details(self) -> DraftDetails:
        data = self.cleaned_data
        return DraftDetails(
            applicant=ApplicantData(
                full_name=data["applicant_name"],
                kind=data["applicant_kind"],
                id_number=data["applicant_id_number"],
                phone=data["applicant_phone"],
                email=data.get("applicant_email") or "",
                address=data.get("applicant_address") or "",
            ),
            receiving_agency=self.agency(),
            channel=data["channel"],
            return_method=data["return_method"],
            delivery_address=data.get("delivery_address") or "",
        )

    def documents(self, stored: Sequence[StoredFile]) -> list[DocumentData]:
        """The documents the stored files become (``stored`` in the order of ``uploads()``)."""
        stored = list(stored)
        result = []
        for index, _uploaded in self.slot_files():
            doc = self.options.documents[index]
            result.append(
                DocumentData(
                    name=doc["name"],
                    original=doc.get("form") == "original",
                    copies=doc.get("count") or 1,
                    file=stored.pop(0),
                )
            )
        for stored_file in stored:
            result.append(
                DocumentData(name=stored_file.original_name, original=False, file=stored_file)
            )
        return result


def slot_help(doc: dict) -> str:
    form = {
        "original": _("Bản chính"),
        "copy": _("Bản sao"),
        "certified_copy": _("Bản sao có chứng thực"),
    }.get(doc.get("form", ""), "")
    parts = [str(form)] if form else []
    if (doc.get("count") or 1) > 1:
        parts.append(str(_("%(n)s bản")) % {"n": doc["count"]})
    parts.append(str(_("không bắt buộc")) if doc.get("optional") else str(_("bắt buộc")))
    parts.append(str(_("PDF, JPEG hoặc PNG")))
    return " · ".join(parts)


def applicant_initial(user: User) -> dict:
    """The applicant prefilled from the account (each field can be changed)."""
    return {
        "applicant_kind": Dossier.ApplicantKind.PERSON,
        "applicant_name": user.get_full_name() if user.full_name else "",
        "applicant_id_number": user.citizen_id,
        "applicant_phone": user.phone,
        "applicant_email": user.email,
        "applicant_address": user.address,
        "delivery_address": user.address,
    }


def dossier_initial(dossier: Dossier) -> dict:
    """The draft's current values, for its edit form."""
    return {
        "applicant_kind": dossier.applicant_kind,
        "applicant_name": dossier.applicant_name,
        "applicant_id_number": dossier.applicant_id_number,
        "applicant_phone": dossier.applicant_phone,
        "applicant_email": dossier.applicant_email,
        "applicant_address": dossier.applicant_address,
        "receiving_agency": dossier.receiving_agency.code,
        "channel": dossier.channel,
        "return_method": dossier.return_method,
        "delivery_address": dossier.delivery_address or dossier.applicant_address,
    }


class SupplementForm(UploadFormMixin, StyledForm):
    """The online supplement: one slot per requested item, extra files and a note."""

    prefix = "supplement"

    note = forms.CharField(
        label=_("Ghi chú gửi cơ quan"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    extra = MultipleFileField(
        label=_("Tệp bổ sung khác"),
        required=False,
        widget=_file_widget(multiple=True),
        help_text=_("Có thể chọn nhiều tệp."),
    )

    def __init__(
        self,
        *args: object,
        items: Sequence[str],
        existing: Sequence[DossierDocument] = (),
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.existing = [d for d in existing if d.file]
        self.slot_names = []
        for index, item in enumerate(self.items):
            name = f"item_{index}"
            self.slot_names.append(name)
            self.fields[name] = forms.FileField(
                label=item[:MAX_SLOT_LABEL],
                required=False,
                allow_empty_file=True,
                widget=_file_widget(),
                help_text=_("PDF, JPEG hoặc PNG"),
            )
        self.fields["extra"] = self.fields.pop("extra")
        self.fields["note"] = self.fields.pop("note")

    def clean(self) -> dict:
        data = super().clean()
        self.check_files(
            existing_count=len(self.existing), existing_bytes=sum(d.size for d in self.existing)
        )
        if not self.uploads() and not (data.get("note") or "").strip() and not self.errors:
            raise ValidationError(MSG_SUPPLEMENT_EMPTY)
        return data

    def documents(self, stored: Sequence[StoredFile]) -> list[DocumentData]:
        stored = list(stored)
        result = []
        for index, _uploaded in self.slot_files():
            result.append(
                DocumentData(name=self.items[index][:500], original=False, file=stored.pop(0))
            )
        for stored_file in stored:
            result.append(
                DocumentData(name=stored_file.original_name, original=False, file=stored_file)
            )
        return result


class WithdrawForm(StyledForm):
    prefix = "withdraw"

    reason = forms.CharField(
        label=_("Lý do rút hồ sơ"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": MSG_WITHDRAW_REASON},
    )


class ReturnMethodForm(StyledForm):
    """How the citizen wants the result: only the ways the procedure version offers."""

    prefix = "return"

    method = forms.ChoiceField(label=_("Nhận kết quả"), widget=forms.RadioSelect)
    delivery_address = forms.CharField(
        label=_("Địa chỉ nhận kết quả qua bưu chính"),
        required=False,
        max_length=255,
        help_text=_("Số nhà, đường, phường/xã, tỉnh. Phí bưu chính do người nhận trả."),
    )

    def __init__(self, *args: object, dossier: Dossier, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        snapshot = dossier.procedure_version.snapshot
        choices = [(Dossier.ReturnMethod.IN_PERSON, Dossier.ReturnMethod.IN_PERSON.label)]
        if snapshot.get("postal_return"):
            choices.append((Dossier.ReturnMethod.POSTAL, Dossier.ReturnMethod.POSTAL.label))
        if snapshot.get("online_mode") == "full":
            choices.append((Dossier.ReturnMethod.ELECTRONIC, Dossier.ReturnMethod.ELECTRONIC.label))
        self.fields["method"].choices = choices
        self.fields["method"].initial = dossier.return_method
        # Radio buttons, not the "form-control" StyledForm gives other inputs (which draws
        # each radio as an empty full-width box whose checked state cannot be seen).
        self.fields["method"].widget.attrs["class"] = "form-check-input"
        self.fields["delivery_address"].initial = (
            dossier.delivery_address or dossier.applicant_address
        )

    def clean(self) -> dict:
        data = super().clean()
        if (
            data.get("method") == Dossier.ReturnMethod.POSTAL
            and not (data.get("delivery_address") or "").strip()
        ):
            self.add_error("delivery_address", _("Cần địa chỉ nhận kết quả qua bưu chính."))
        return data
