"""One form per action on a dossier page; each knows the dossier and the acting officer and
hands its service the keyword arguments it takes (``arguments``; the action table in
``cchc.dossiers.actions`` names the service)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cchc.dossiers.forms._base import (
    DEFAULT_CARRIER,
    DEFAULT_SUPPLEMENT_REASON,
    MAX_RESULT_FILE,
    MSG_ITEMS,
    MSG_PAYMENT_LINES,
    MSG_PDF,
    MSG_POSTAL,
    MSG_REQUIRED,
    MSG_SECOND_INTAKE_HELP,
    AmountField,
    StyledForm,
    VnDateTimeField,
    split_lines,
)
from cchc.dossiers.models import Dossier, DossierStep, Payment, Shipment
from cchc.dossiers.services import DocumentData
from cchc.dossiers.services._common import (
    MAX_SUPPLEMENT_ITEM_LENGTH,
    MAX_SUPPLEMENT_ITEMS,
    OFFICER_ROLES,
    unit_path,
)
from cchc.org.models import User

MSG_TOO_MANY_ITEMS = _(
    "Ghi tối đa %(count)s nội dung cần bổ sung, mỗi nội dung tối đa %(length)s ký tự."
)


class DossierActionForm(StyledForm):
    """A form for one action on ``dossier`` by ``user``."""

    def __init__(self, *args: object, dossier: Dossier, user: User, **kwargs: object) -> None:
        self.dossier = dossier
        self.user = user
        super().__init__(*args, **kwargs)

    def arguments(self) -> dict:
        """The service's keyword arguments (besides actor and dossier), from the cleaned data:
        by default each field under its own name."""
        return {name: self.cleaned_data.get(name) for name in self.fields}


class ReasonForm(DossierActionForm):
    reason = forms.CharField(
        label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AcceptForm(DossierActionForm):
    checked = forms.BooleanField(
        label=_("Đã kiểm tra: thành phần hồ sơ đầy đủ, hợp lệ, đúng thẩm quyền"),
        error_messages={"required": _("Xác nhận đã kiểm tra hồ sơ trước khi tiếp nhận.")},
    )

    def arguments(self) -> dict:
        return {}


class SupplementForm(DossierActionForm):
    items = forms.MultipleChoiceField(
        label=_("Giấy tờ cần bổ sung"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_items = forms.CharField(
        label=_("Nội dung cần bổ sung, hoàn thiện khác (mỗi dòng một nội dung)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(
        label=_("Lý do"),
        max_length=2000,
        initial=DEFAULT_SUPPLEMENT_REASON,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    legal_basis = forms.CharField(label=_("Căn cứ pháp lý"), max_length=500, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        names = [d["name"] for d in self.dossier.procedure_version.snapshot.get("documents", [])]
        self.fields["items"].choices = [(name, name) for name in names]
        at_intake = self.dossier.status == Dossier.Status.SUBMITTED
        if at_intake and self.dossier.intake_supplement_count >= 1:
            # A second request at intake needs its own written reason (DOMAIN A3): no default.
            self.fields["reason"].initial = ""
            self.fields["reason"].help_text = MSG_SECOND_INTAKE_HELP

    def clean(self) -> dict:
        data = super().clean()
        data["all_items"] = list(data.get("items") or []) + split_lines(data.get("other_items", ""))
        if not data["all_items"]:
            raise ValidationError(MSG_ITEMS)
        too_long = any(len(item) > MAX_SUPPLEMENT_ITEM_LENGTH for item in data["all_items"])
        if len(data["all_items"]) > MAX_SUPPLEMENT_ITEMS or too_long:
            limits = {"count": MAX_SUPPLEMENT_ITEMS, "length": MAX_SUPPLEMENT_ITEM_LENGTH}
            self.add_error("other_items", MSG_TOO_MANY_ITEMS % limits)
        return data

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "items": data["all_items"],
            "reason": data["reason"],
            "legal_basis": data.get("legal_basis", ""),
        }


class SubmitSupplementForm(DossierActionForm):
    documents = forms.CharField(
        label=_("Giấy tờ đã nhận bổ sung (mỗi dòng một giấy tờ)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        pending = [s for s in self.dossier.supplements.all() if s.fulfilled_at is None]
        if pending:
            self.fields["documents"].initial = "\n".join(pending[-1].items)

    def arguments(self) -> dict:
        names = split_lines(self.cleaned_data["documents"])
        return {
            "documents": [DocumentData(name=name) for name in names],
            "note": self.cleaned_data.get("note", ""),
        }


class ReturnMethodChangeForm(DossierActionForm):
    method = forms.ChoiceField(
        label=_("Hình thức nhận kết quả"), choices=Dossier.ReturnMethod.choices
    )
    delivery_address = forms.CharField(
        label=_("Địa chỉ nhận qua bưu chính"), required=False, max_length=255
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].initial = self.dossier.return_method
        self.fields["delivery_address"].initial = self.dossier.delivery_address


class ShipmentForm(DossierActionForm):
    direction = forms.ChoiceField(label=_("Bàn giao"), choices=Shipment.Direction.choices)
    carrier = forms.CharField(label=_("Đơn vị bưu chính"), max_length=100, initial=DEFAULT_CARRIER)
    tracking_number = forms.CharField(label=_("Mã bưu gửi"), max_length=60)
    handed_over_at = VnDateTimeField(
        label=_("Thời điểm bàn giao"), required=False, help_text=_("Để trống: bây giờ.")
    )


class VisitForm(DossierActionForm):
    purpose = forms.CharField(
        label=_("Nội dung lượt đến"),
        max_length=500,
        help_text=_("Ví dụ: hỏi tiến độ, nộp bổ sung, nhận kết quả."),
    )


def forward_candidates(step: DossierStep | None) -> QuerySet[User]:
    """Officers who may hold ``step``: its role or leaders, in the step's unit."""
    if step is None:
        return User.objects.none()
    roles = [r for r, role in OFFICER_ROLES.items() if role.value in (step.role, "leader")]
    return User.objects.filter(
        is_active=True, role__in=roles, agency__path__startswith=unit_path(step.agency)
    ).order_by("role", "full_name", "username")


class ForwardForm(DossierActionForm):
    to_user = forms.ModelChoiceField(
        label=_("Chuyển cho"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Hàng chờ của bước tiếp theo (chưa phân công)"),
    )
    note = forms.CharField(
        label=_("Ý kiến xử lý"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args: object, next_step: DossierStep | None = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.next_step = next_step
        self.fields["to_user"].queryset = forward_candidates(next_step)
        self.fields["to_user"].label_from_instance = lambda u: (
            f"{u.get_full_name()} — {u.get_role_display()}"
        )


class PaymentRequestForm(DossierActionForm):
    LINES = 3
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, self.LINES + 1):
            self.fields[f"name_{i}"] = forms.CharField(
                label=_("Khoản %(n)s: nội dung") % {"n": i}, required=False, max_length=300
            )
            self.fields[f"amount_{i}"] = AmountField(
                label=_("Khoản %(n)s: số tiền (đồng)") % {"n": i}, required=False
            )
        self.order_fields([name for name in self.fields if name != "note"])
        self._style_widgets()

    def line_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"name_{i}"], self[f"amount_{i}"]) for i in range(1, self.LINES + 1)]

    def clean(self) -> dict:
        data = super().clean()
        items = []
        for i in range(1, self.LINES + 1):
            name, amount = (data.get(f"name_{i}") or "").strip(), data.get(f"amount_{i}")
            if name and amount:
                items.append((name, amount))
            elif name or amount:
                self.add_error(f"amount_{i}" if name else f"name_{i}", MSG_REQUIRED)
        if not items and not self.errors:
            raise ValidationError(MSG_PAYMENT_LINES)
        data["items"] = items
        return data

    def arguments(self) -> dict:
        return {"items": self.cleaned_data["items"], "note": self.cleaned_data.get("note", "")}


class ConfirmPaymentForm(DossierActionForm):
    method = forms.ChoiceField(
        label=_("Hình thức"), choices=Payment.Method.choices, initial=Payment.Method.CASH
    )
    receipt_number = forms.CharField(label=_("Số biên lai"), required=False, max_length=40)


class PayForm(ConfirmPaymentForm):
    amount_vnd = AmountField(label=_("Số tiền (đồng)"))

    field_order = ["amount_vnd", "method", "receipt_number"]

    def __init__(self, *args: object, outstanding: int = 0, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if outstanding:
            self.fields["amount_vnd"].initial = f"{outstanding:,}".replace(",", ".")


class ApproveForm(DossierActionForm):
    result_number = forms.CharField(label=_("Số văn bản kết quả"), max_length=60)
    signer = forms.CharField(label=_("Người ký"), max_length=150)
    result_file = forms.FileField(
        label=_("Tệp kết quả (PDF đã ký số)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signer"].initial = self.user.get_full_name()

    def clean_result_file(self) -> object:
        upload = self.cleaned_data.get("result_file")
        if not upload:
            return None
        head = upload.read(5)
        upload.seek(0)
        if upload.size > MAX_RESULT_FILE or head != b"%PDF-":
            raise ValidationError(MSG_PDF, code="pdf")
        return upload


class ApologyForm(DossierActionForm):
    reason = forms.CharField(
        label=_("Lý do chậm trễ"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    new_due_at = VnDateTimeField(
        label=_("Hẹn trả kết quả mới"),
        help_text=_("dd/mm/yyyy HH:MM, trong giờ làm việc của ngày làm việc."),
    )


class ReturnForm(DossierActionForm):
    method = forms.ChoiceField(label=_("Hình thức trả"), choices=Dossier.ReturnMethod.choices)
    carrier = forms.CharField(
        label=_("Đơn vị bưu chính"), required=False, max_length=100, initial=DEFAULT_CARRIER
    )
    tracking_number = forms.CharField(label=_("Mã bưu gửi"), required=False, max_length=60)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].initial = self.dossier.return_method

    def clean(self) -> dict:
        data = super().clean()
        if data.get("method") == Dossier.ReturnMethod.POSTAL and not (
            (data.get("carrier") or "").strip() and (data.get("tracking_number") or "").strip()
        ):
            self.add_error("tracking_number", MSG_POSTAL)
        return data
