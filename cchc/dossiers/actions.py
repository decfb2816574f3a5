"""Every action on a dossier, declared once: the one service it calls, the fields it takes
through API v1 (``…In``, which the OpenAPI document shows), the officer page's form, its labels
and its URL slug (Vietnamese, without diacritics).

The officer pages (``views/detail.py``) and the API (``api.py``) both read ``ACTIONS`` and both
call ``perform``: the form's ``arguments()`` or the API input's ``arguments(dossier)`` become the
service's keyword arguments. Adding an action is one entry here (with its ``…In``) plus its form
in ``forms/actions.py`` and, if it needs one, its template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from pydantic import Field, StrictInt

from cchc.core.api import RequiredText
from cchc.core.validation import ApiMoment, ApiText
from cchc.domain.lifecycle import Action
from cchc.dossiers import forms, services
from cchc.dossiers.models import Dossier
from cchc.dossiers.schemas import DocumentIn, InputSchema, document_data
from cchc.dossiers.services._common import (
    MAX_SUPPLEMENT_ITEM_LENGTH,
    MAX_SUPPLEMENT_ITEMS,
    MSG_TO_USER,
)
from cchc.org.models import User

MAX_FEE_VND = 10**15  # a bound for typed amounts, far above any fee or obligation

PaymentMethod = Literal["cash", "online", "bank_transfer"]
ReturnMethod = Literal["in_person", "postal", "electronic"]


# --- API inputs: one per action ---------------------------------------------------------------


class ActionIn(InputSchema):
    """The body of ``POST /dossiers/{code}/actions`` for one action (``action`` says which)."""

    def arguments(self, dossier: Dossier) -> dict[str, Any]:
        """The service's keyword arguments (besides actor and dossier); by default each field
        under its own name."""
        return self.model_dump(exclude={"action"})


class SubmitIn(ActionIn):
    """Nộp hồ sơ trực tuyến (người nộp, hồ sơ nháp của mình)."""

    action: Literal["submit"]


class ReceiveIn(ActionIn):
    """Tiếp nhận hồ sơ đã nộp (Mẫu 01): cấp mã hồ sơ và ngày hẹn trả."""

    action: Literal["receive"]


class RequestSupplementIn(ActionIn):
    """Yêu cầu bổ sung, hoàn thiện hồ sơ một lần (Mẫu 02)."""

    action: Literal["request_supplement"]
    items: list[Annotated[RequiredText, Field(max_length=MAX_SUPPLEMENT_ITEM_LENGTH)]] = Field(
        ..., min_length=1, max_length=MAX_SUPPLEMENT_ITEMS, description="Nội dung cần bổ sung"
    )
    reason: ApiText = Field(
        "", max_length=2000, description="Lý do (bắt buộc ở lần yêu cầu thứ hai khi tiếp nhận)"
    )
    legal_basis: ApiText = Field("", max_length=500, description="Căn cứ pháp lý")


class SubmitSupplementIn(ActionIn):
    """Nhận hồ sơ bổ sung."""

    action: Literal["submit_supplement"]
    documents: list[DocumentIn] = Field(
        default_factory=list, max_length=100, description="Giấy tờ đã nhận bổ sung"
    )
    note: ApiText = Field("", max_length=2000, description="Ghi chú")

    def arguments(self, dossier: Dossier) -> dict[str, Any]:
        return {"documents": document_data(self.documents), "note": self.note}


class RefuseIn(ActionIn):
    """Từ chối tiếp nhận (Mẫu 03)."""

    action: Literal["refuse"]
    reason: RequiredText = Field(..., max_length=2000, description="Lý do từ chối")


class ForwardIn(ActionIn):
    """Chuyển bước tiếp theo: cho một người (tên đăng nhập) hoặc hàng chờ của bước."""

    action: Literal["forward"]
    to_user: ApiText = Field(
        "",
        max_length=150,
        description="Tên đăng nhập người nhận; để trống: hàng chờ của bước tiếp theo",
    )
    note: ApiText = Field("", max_length=2000, description="Ý kiến xử lý")

    def arguments(self, dossier: Dossier) -> dict[str, Any]:
        return {"to_user": self.recipient(), "note": self.note}

    def recipient(self) -> User | None:
        if not self.to_user:
            return None
        user = (
            User.objects.select_related("agency")
            .filter(username=self.to_user, is_active=True)
            .first()
        )
        if user is None:  # same answer as an unfit recipient: usernames are not enumerable
            raise services.DossierInputError(MSG_TO_USER, "to_user")
        return user


class SendBackIn(ActionIn):
    """Trả lại bước trước."""

    action: Literal["send_back"]
    reason: RequiredText = Field(..., max_length=2000, description="Lý do")


class PaymentItemIn(InputSchema):
    name: RequiredText = Field(..., max_length=300, description="Nội dung khoản phải nộp")
    amount_vnd: StrictInt = Field(..., ge=1, le=MAX_FEE_VND, description="Số tiền (đồng)")


class RequestPaymentIn(ActionIn):
    """Yêu cầu thực hiện nghĩa vụ tài chính (thời gian giải quyết tạm dừng)."""

    action: Literal["request_payment"]
    items: list[PaymentItemIn] = Field(..., min_length=1, max_length=100)
    note: ApiText = Field("", max_length=2000, description="Ghi chú")

    def arguments(self, dossier: Dossier) -> dict[str, Any]:
        return {"items": [(i.name, i.amount_vnd) for i in self.items], "note": self.note}


class ConfirmPaymentIn(ActionIn):
    """Xác nhận đã thực hiện nghĩa vụ tài chính (thời gian giải quyết tiếp tục)."""

    action: Literal["confirm_payment"]
    method: PaymentMethod = "cash"
    receipt_number: ApiText = Field("", max_length=40, description="Số biên lai")


class ApproveIn(ActionIn):
    """Phê duyệt, ban hành kết quả."""

    action: Literal["approve"]
    result_number: RequiredText = Field(..., max_length=60, description="Số văn bản kết quả")
    signer: ApiText = Field("", max_length=150, description="Người ký; để trống: người phê duyệt")
    note: ApiText = Field("", max_length=2000, description="Ghi chú")


class RejectIn(ActionIn):
    """Từ chối giải quyết (nêu rõ lý do)."""

    action: Literal["reject"]
    reason: RequiredText = Field(..., max_length=2000, description="Lý do")


class ApologizeIn(ActionIn):
    """Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)."""

    action: Literal["apologize"]
    reason: RequiredText = Field(..., max_length=2000, description="Lý do chậm trễ")
    new_due_at: ApiMoment = Field(
        ..., description="Hẹn trả mới, ISO 8601 có múi giờ, trong giờ làm việc"
    )


class ReturnResultIn(ActionIn):
    """Trả kết quả (trực tiếp, qua bưu chính hoặc điện tử)."""

    action: Literal["return_result"]
    method: ReturnMethod | None = Field(
        None, description="Hình thức trả; mặc định hình thức người nộp đã chọn"
    )
    carrier: ApiText = Field("", max_length=100, description="Đơn vị bưu chính (postal)")
    tracking_number: ApiText = Field("", max_length=60, description="Mã bưu gửi (postal)")
    note: ApiText = Field("", max_length=2000, description="Ghi chú")

    def arguments(self, dossier: Dossier) -> dict[str, Any]:
        return {**super().arguments(dossier), "method": self.method or dossier.return_method}


class WithdrawIn(ActionIn):
    """Rút hồ sơ theo đề nghị của người nộp."""

    action: Literal["withdraw"]
    reason: RequiredText = Field(..., max_length=2000, description="Lý do")


class StopIn(ActionIn):
    """Dừng giải quyết hồ sơ."""

    action: Literal["stop"]
    reason: RequiredText = Field(..., max_length=2000, description="Lý do")


class RecordVisitIn(ActionIn):
    """Ghi nhận lượt đến của người nộp."""

    action: Literal["record_visit"]
    purpose: RequiredText = Field(..., max_length=500, description="Nội dung lượt đến")


class PayIn(ActionIn):
    """Ghi nhận nộp phí, lệ phí."""

    action: Literal["pay"]
    amount_vnd: StrictInt | None = Field(
        None, ge=1, le=MAX_FEE_VND, description="Số tiền; mặc định số còn phải nộp"
    )
    method: PaymentMethod = "cash"
    receipt_number: ApiText = Field("", max_length=40, description="Số biên lai")


class RecordShipmentIn(ActionIn):
    """Ghi nhận bàn giao với bưu chính (hồ sơ đến hoặc kết quả đi)."""

    action: Literal["record_shipment"]
    direction: Literal["inbound", "outbound"]
    carrier: RequiredText = Field(..., max_length=100, description="Đơn vị bưu chính")
    tracking_number: RequiredText = Field(..., max_length=60, description="Mã bưu gửi")
    handed_over_at: ApiMoment | None = Field(
        None, description="Thời điểm bàn giao, ISO 8601 có múi giờ; mặc định bây giờ"
    )


class ChangeReturnMethodIn(ActionIn):
    """Đổi hình thức nhận kết quả."""

    action: Literal["change_return_method"]
    method: ReturnMethod
    delivery_address: ApiText = Field(
        "", max_length=255, description="Địa chỉ nhận qua bưu chính (postal)"
    )


# --- The table --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DossierAction:
    """One action: its service, its API input, and — when officers take it — its page form
    with labels and slug."""

    action: Action
    service: Callable[..., object]
    api_input: type[ActionIn]
    form: type[forms.DossierActionForm] | None = None
    slug: str = ""
    title: str | Promise = ""
    button: str | Promise = ""
    done: str | Promise = ""
    danger: bool = False


S, F = services, forms
ACTIONS: tuple[DossierAction, ...] = (
    DossierAction(
        Action.APOLOGIZE,
        S.dossier_apologize,
        ApologizeIn,
        F.ApologyForm,
        "xin-loi",
        _("Lập phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
        _("Lập phiếu xin lỗi"),
        _("Đã lập phiếu xin lỗi và hẹn lại ngày trả kết quả."),
    ),
    # The applicant's own: the portal submits a draft; officers register at the counter.
    DossierAction(Action.SUBMIT, S.dossier_submit, SubmitIn),
    DossierAction(
        Action.RECEIVE,
        S.dossier_accept,
        ReceiveIn,
        F.AcceptForm,
        "tiep-nhan",
        _("Tiếp nhận hồ sơ (Mẫu 01)"),
        _("Tiếp nhận"),
        _("Đã tiếp nhận hồ sơ; mã hồ sơ và ngày hẹn trả đã được cấp."),
    ),
    DossierAction(
        Action.REQUEST_SUPPLEMENT,
        S.dossier_request_supplement,
        RequestSupplementIn,
        F.SupplementForm,
        "yeu-cau-bo-sung",
        _("Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"),
        _("Gửi yêu cầu bổ sung"),
        _("Đã yêu cầu bổ sung hồ sơ."),
    ),
    DossierAction(
        Action.SUBMIT_SUPPLEMENT,
        S.dossier_submit_supplement,
        SubmitSupplementIn,
        F.SubmitSupplementForm,
        "nhan-bo-sung",
        _("Nhận hồ sơ bổ sung"),
        _("Nhận bổ sung"),
        _("Đã nhận hồ sơ bổ sung."),
    ),
    DossierAction(
        Action.REFUSE,
        S.dossier_refuse,
        RefuseIn,
        F.ReasonForm,
        "tu-choi-tiep-nhan",
        _("Từ chối tiếp nhận (Mẫu 03)"),
        _("Từ chối tiếp nhận"),
        _("Đã từ chối tiếp nhận hồ sơ."),
        danger=True,
    ),
    DossierAction(
        Action.FORWARD,
        S.dossier_forward,
        ForwardIn,
        F.ForwardForm,
        "chuyen",
        _("Chuyển bước tiếp theo"),
        _("Chuyển"),
        _("Đã chuyển hồ sơ sang bước tiếp theo."),
    ),
    DossierAction(
        Action.SEND_BACK,
        S.dossier_send_back,
        SendBackIn,
        F.ReasonForm,
        "tra-lai",
        _("Trả lại bước trước"),
        _("Trả lại"),
        _("Đã trả hồ sơ về bước trước."),
    ),
    DossierAction(
        Action.REQUEST_PAYMENT,
        S.dossier_request_payment,
        RequestPaymentIn,
        F.PaymentRequestForm,
        "yeu-cau-nghia-vu-tai-chinh",
        _("Yêu cầu thực hiện nghĩa vụ tài chính"),
        _("Gửi yêu cầu"),
        _("Đã yêu cầu thực hiện nghĩa vụ tài chính; thời gian giải quyết tạm dừng."),
    ),
    DossierAction(
        Action.CONFIRM_PAYMENT,
        S.dossier_confirm_payment,
        ConfirmPaymentIn,
        F.ConfirmPaymentForm,
        "xac-nhan-nghia-vu-tai-chinh",
        _("Xác nhận đã thực hiện nghĩa vụ tài chính"),
        _("Xác nhận"),
        _("Đã xác nhận nghĩa vụ tài chính; thời gian giải quyết tiếp tục."),
    ),
    DossierAction(
        Action.PAY,
        S.dossier_pay,
        PayIn,
        F.PayForm,
        "thu-phi",
        _("Ghi nhận nộp phí, lệ phí"),
        _("Ghi nhận"),
        _("Đã ghi nhận nộp phí, lệ phí."),
    ),
    DossierAction(
        Action.APPROVE,
        S.dossier_approve,
        ApproveIn,
        F.ApproveForm,
        "phe-duyet",
        _("Phê duyệt, ban hành kết quả"),
        _("Phê duyệt"),
        _("Đã phê duyệt; hồ sơ chuyển bộ phận một cửa trả kết quả."),
    ),
    DossierAction(
        Action.REJECT,
        S.dossier_reject,
        RejectIn,
        F.ReasonForm,
        "tu-choi-giai-quyet",
        _("Từ chối giải quyết (nêu rõ lý do)"),
        _("Từ chối giải quyết"),
        _("Đã từ chối giải quyết; văn bản trả lời chuyển bộ phận một cửa trả kết quả."),
        danger=True,
    ),
    DossierAction(
        Action.RETURN_RESULT,
        S.dossier_return,
        ReturnResultIn,
        F.ReturnForm,
        "tra-ket-qua",
        _("Trả kết quả"),
        _("Trả kết quả"),
        _("Đã trả kết quả."),
    ),
    DossierAction(
        Action.CHANGE_RETURN_METHOD,
        S.dossier_change_return_method,
        ChangeReturnMethodIn,
        F.ReturnMethodChangeForm,
        "hinh-thuc-nhan",
        _("Đổi hình thức nhận kết quả"),
        _("Lưu"),
        _("Đã cập nhật hình thức nhận kết quả."),
    ),
    DossierAction(
        Action.RECORD_SHIPMENT,
        S.dossier_record_shipment,
        RecordShipmentIn,
        F.ShipmentForm,
        "buu-chinh",
        _("Ghi nhận bàn giao với bưu chính"),
        _("Ghi nhận"),
        _("Đã ghi nhận bàn giao với bưu chính."),
    ),
    DossierAction(
        Action.RECORD_VISIT,
        S.dossier_record_visit,
        RecordVisitIn,
        F.VisitForm,
        "luot-den",
        _("Ghi nhận lượt đến của người nộp"),
        _("Ghi nhận"),
        _("Đã ghi nhận lượt đến."),
    ),
    DossierAction(
        Action.WITHDRAW,
        S.dossier_withdraw,
        WithdrawIn,
        F.ReasonForm,
        "rut-ho-so",
        _("Rút hồ sơ theo đề nghị của người nộp"),
        _("Rút hồ sơ"),
        _("Đã rút hồ sơ theo đề nghị của người nộp."),
        danger=True,
    ),
    DossierAction(
        Action.STOP,
        S.dossier_stop,
        StopIn,
        F.ReasonForm,
        "dung-giai-quyet",
        _("Dừng giải quyết hồ sơ"),
        _("Dừng giải quyết"),
        _("Đã dừng giải quyết hồ sơ."),
        danger=True,
    ),
)

BY_ACTION: dict[Action, DossierAction] = {d.action: d for d in ACTIONS}
BY_SLUG: dict[str, DossierAction] = {d.slug: d for d in ACTIONS if d.form is not None}
BY_INPUT: dict[type[ActionIn], DossierAction] = {d.api_input: d for d in ACTIONS}

# The body of the API's action endpoint: one of the inputs above, chosen by ``action``.
ActionBody = Annotated[
    Union[tuple(d.api_input for d in ACTIONS)],  # noqa: UP007 (a runtime tuple of types)
    Field(discriminator="action"),
]


def perform(
    definition: DossierAction, *, actor: User, dossier: Dossier, arguments: dict[str, Any]
) -> object:
    """Take the action: its one service, with what the page's form or the API's input gave."""
    return definition.service(actor=actor, dossier=dossier, **arguments)
