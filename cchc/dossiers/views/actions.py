"""The actions an officer takes on a dossier page: for each, its form, the one service it
calls, its labels and its URL slug (Vietnamese, without diacritics)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cchc.domain.lifecycle import Action
from cchc.dossiers import forms
from cchc.dossiers.models import Dossier
from cchc.dossiers.services import (
    DocumentData,
    dossier_accept,
    dossier_apologize,
    dossier_approve,
    dossier_change_return_method,
    dossier_confirm_payment,
    dossier_forward,
    dossier_pay,
    dossier_record_shipment,
    dossier_record_visit,
    dossier_refuse,
    dossier_reject,
    dossier_request_payment,
    dossier_request_supplement,
    dossier_return,
    dossier_send_back,
    dossier_stop,
    dossier_submit_supplement,
    dossier_withdraw,
)
from cchc.dossiers.views._shared import store_result_file
from cchc.org.models import User

Run = Callable[[User, Dossier, dict], object]


@dataclass(frozen=True)
class ActionSpec:
    action: Action
    slug: str
    title: str | Promise
    button: str | Promise
    done: str | Promise
    form: type[forms.DossierActionForm]
    run: Run
    danger: bool = False


def _approve(actor: User, dossier: Dossier, data: dict) -> object:
    upload = data.get("result_file")
    return dossier_approve(
        actor=actor,
        dossier=dossier,
        result_number=data["result_number"],
        signer=data["signer"],
        note=data.get("note", ""),
        result_file=store_result_file(upload) if upload else None,
    )


def _submit_supplement(actor: User, dossier: Dossier, data: dict) -> object:
    documents = [DocumentData(name=line) for line in forms.split_lines(data["documents"])]
    return dossier_submit_supplement(
        actor=actor, dossier=dossier, documents=documents, note=data.get("note", "")
    )


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        Action.APOLOGIZE,
        "xin-loi",
        _("Lập phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
        _("Lập phiếu xin lỗi"),
        _("Đã lập phiếu xin lỗi và hẹn lại ngày trả kết quả."),
        forms.ApologyForm,
        lambda a, d, c: dossier_apologize(
            actor=a, dossier=d, reason=c["reason"], new_due_at=c["new_due_at"]
        ),
    ),
    ActionSpec(
        Action.RECEIVE,
        "tiep-nhan",
        _("Tiếp nhận hồ sơ (Mẫu 01)"),
        _("Tiếp nhận"),
        _("Đã tiếp nhận hồ sơ; mã hồ sơ và ngày hẹn trả đã được cấp."),
        forms.AcceptForm,
        lambda a, d, c: dossier_accept(actor=a, dossier=d),
    ),
    ActionSpec(
        Action.REQUEST_SUPPLEMENT,
        "yeu-cau-bo-sung",
        _("Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"),
        _("Gửi yêu cầu bổ sung"),
        _("Đã yêu cầu bổ sung hồ sơ."),
        forms.SupplementForm,
        lambda a, d, c: dossier_request_supplement(
            actor=a,
            dossier=d,
            items=c["all_items"],
            reason=c["reason"],
            legal_basis=c.get("legal_basis", ""),
        ),
    ),
    ActionSpec(
        Action.SUBMIT_SUPPLEMENT,
        "nhan-bo-sung",
        _("Nhận hồ sơ bổ sung"),
        _("Nhận bổ sung"),
        _("Đã nhận hồ sơ bổ sung."),
        forms.SubmitSupplementForm,
        _submit_supplement,
    ),
    ActionSpec(
        Action.REFUSE,
        "tu-choi-tiep-nhan",
        _("Từ chối tiếp nhận (Mẫu 03)"),
        _("Từ chối tiếp nhận"),
        _("Đã từ chối tiếp nhận hồ sơ."),
        forms.ReasonForm,
        lambda a, d, c: dossier_refuse(actor=a, dossier=d, reason=c["reason"]),
        danger=True,
    ),
    ActionSpec(
        Action.FORWARD,
        "chuyen",
        _("Chuyển bước tiếp theo"),
        _("Chuyển"),
        _("Đã chuyển hồ sơ sang bước tiếp theo."),
        forms.ForwardForm,
        lambda a, d, c: dossier_forward(
            actor=a, dossier=d, to_user=c.get("to_user"), note=c.get("note", "")
        ),
    ),
    ActionSpec(
        Action.SEND_BACK,
        "tra-lai",
        _("Trả lại bước trước"),
        _("Trả lại"),
        _("Đã trả hồ sơ về bước trước."),
        forms.ReasonForm,
        lambda a, d, c: dossier_send_back(actor=a, dossier=d, reason=c["reason"]),
    ),
    ActionSpec(
        Action.REQUEST_PAYMENT,
        "yeu-cau-nghia-vu-tai-chinh",
        _("Yêu cầu thực hiện nghĩa vụ tài chính"),
        _("Gửi yêu cầu"),
        _("Đã yêu cầu thực hiện nghĩa vụ tài chính; thời gian giải quyết tạm dừng."),
        forms.PaymentRequestForm,
        lambda a, d, c: dossier_request_payment(
            actor=a, dossier=d, items=c["items"], note=c.get("note", "")
        ),
    ),
    ActionSpec(
        Action.CONFIRM_PAYMENT,
        "xac-nhan-nghia-vu-tai-chinh",
        _("Xác nhận đã thực hiện nghĩa vụ tài chính"),
        _("Xác nhận"),
        _("Đã xác nhận nghĩa vụ tài chính; thời gian giải quyết tiếp tục."),
        forms.ConfirmPaymentForm,
        lambda a, d, c: dossier_confirm_payment(
            actor=a, dossier=d, method=c["method"], receipt_number=c.get("receipt_number", "")
        ),
    ),
    ActionSpec(
        Action.PAY,
        "thu-phi",
        _("Ghi nhận nộp phí, lệ phí"),
        _("Ghi nhận"),
        _("Đã ghi nhận nộp phí, lệ phí."),
        forms.PayForm,
        lambda a, d, c: dossier_pay(
            actor=a,
            dossier=d,
            amount_vnd=c["amount_vnd"],
            method=c["method"],
            receipt_number=c.get("receipt_number", ""),
        ),
    ),
    ActionSpec(
        Action.APPROVE,
        "phe-duyet",
        _("Phê duyệt, ban hành kết quả"),
        _("Phê duyệt"),
        _("Đã phê duyệt; hồ sơ chuyển bộ phận một cửa trả kết quả."),
        forms.ApproveForm,
        _approve,
    ),
    ActionSpec(
        Action.REJECT,
        "tu-choi-giai-quyet",
        _("Từ chối giải quyết (nêu rõ lý do)"),
        _("Từ chối giải quyết"),
        _("Đã từ chối giải quyết; văn bản trả lời chuyển bộ phận một cửa trả kết quả."),
        forms.ReasonForm,
        lambda a, d, c: dossier_reject(actor=a, dossier=d, reason=c["reason"]),
        danger=True,
    ),
    ActionSpec(
        Action.RETURN_RESULT,
        "tra-ket-qua",
        _("Trả kết quả"),
        _("Trả kết quả"),
        _("Đã trả kết quả."),
        forms.ReturnForm,
        lambda a, d, c: dossier_return(
            actor=a,
            dossier=d,
            method=c["method"],
            carrier=c.get("carrier", ""),
            tracking_number=c.get("tracking_number", ""),
            note=c.get("note", ""),
        ),
    ),
    ActionSpec(
        Action.CHANGE_RETURN_METHOD,
        "hinh-thuc-nhan",
        _("Đổi hình thức nhận kết quả"),
        _("Lưu"),
        _("Đã cập nhật hình thức nhận kết quả."),
        forms.ReturnMethodChangeForm,
        lambda a, d, c: dossier_change_return_method(
            actor=a, dossier=d, method=c["method"], delivery_address=c.get("delivery_address", "")
        ),
    ),
    ActionSpec(
        Action.RECORD_SHIPMENT,
        "buu-chinh",
        _("Ghi nhận bàn giao với bưu chính"),
        _("Ghi nhận"),
        _("Đã ghi nhận bàn giao với bưu chính."),
        forms.ShipmentForm,
        lambda a, d, c: dossier_record_shipment(
            actor=a,
            dossier=d,
            direction=c["direction"],
            carrier=c["carrier"],
            tracking_number=c["tracking_number"],
            handed_over_at=c.get("handed_over_at"),
        ),
    ),
    ActionSpec(
        Action.RECORD_VISIT,
        "luot-den",
        _("Ghi nhận lượt đến của người nộp"),
        _("Ghi nhận"),
        _("Đã ghi nhận lượt đến."),
        forms.VisitForm,
        lambda a, d, c: dossier_record_visit(actor=a, dossier=d, purpose=c["purpose"]),
    ),
    ActionSpec(
        Action.WITHDRAW,
        "rut-ho-so",
        _("Rút hồ sơ theo đề nghị của người nộp"),
        _("Rút hồ sơ"),
        _("Đã rút hồ sơ theo đề nghị của người nộp."),
        forms.ReasonForm,
        lambda a, d, c: dossier_withdraw(actor=a, dossier=d, reason=c["reason"]),
        danger=True,
    ),
    ActionSpec(
        Action.STOP,
        "dung-giai-quyet",
        _("Dừng giải quyết hồ sơ"),
        _("Dừng giải quyết"),
        _("Đã dừng giải quyết hồ sơ."),
        forms.ReasonForm,
        lambda a, d, c: dossier_stop(actor=a, dossier=d, reason=c["reason"]),
        danger=True,
    ),
)

BY_SLUG: dict[str, ActionSpec] = {spec.slug: spec for spec in SPECS}
BY_ACTION: dict[Action, ActionSpec] = {spec.action: spec for spec in SPECS}
