"""The dossier's history told to its applicant in plain Vietnamese (issue 4, item 6).

Each event row becomes one sentence: "Hồ sơ đã được tiếp nhận lúc 09:00 03/03/2025 tại Sở Xây
dựng. Hẹn trả kết quả: 09:00 24/03/2025.", "Cán bộ yêu cầu bổ sung: …". Officers' names are not
shown (the agency is); internal hand-overs say which step and agency hold the dossier.
"""

from __future__ import annotations

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cchc.core.templatetags.vn import vn_datetime, vnd
from cchc.domain.lifecycle import Action
from cchc.dossiers.models import Dossier, DossierEvent, Payment, Shipment

STATUS_HINTS = {
    Dossier.Status.DRAFT: gettext_lazy("Bản nháp, chưa nộp: cơ quan chưa nhận được hồ sơ này."),
    Dossier.Status.SUBMITTED: gettext_lazy("Đã nộp, đang chờ cơ quan kiểm tra và tiếp nhận."),
    Dossier.Status.INTAKE_SUPPLEMENT: gettext_lazy(
        "Cơ quan đề nghị bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận. Xem nội dung cần bổ "
        "sung bên dưới."
    ),
    Dossier.Status.REFUSED: gettext_lazy(
        "Cơ quan từ chối tiếp nhận hồ sơ (xem lý do trong quá trình xử lý)."
    ),
    Dossier.Status.RECEIVED: gettext_lazy("Cơ quan đã tiếp nhận hồ sơ và đang giải quyết."),
    Dossier.Status.PROCESSING: gettext_lazy("Cơ quan đang giải quyết hồ sơ."),
    Dossier.Status.SUPPLEMENT_REQUESTED: gettext_lazy(
        "Cơ quan đề nghị bổ sung hồ sơ; thời gian giải quyết tạm dừng cho đến khi nhận đủ "
        "phần bổ sung."
    ),
    Dossier.Status.AWAITING_PAYMENT: gettext_lazy(
        "Chờ bạn thực hiện nghĩa vụ tài chính (nộp thuế, phí)."
    ),
    Dossier.Status.RESULT_READY: gettext_lazy("Đã có kết quả giải quyết."),
    Dossier.Status.RETURNED: gettext_lazy("Đã trả kết quả. Hồ sơ đã hoàn thành."),
    Dossier.Status.WITHDRAWN: gettext_lazy("Hồ sơ đã được rút theo đề nghị của bạn."),
    Dossier.Status.STOPPED: gettext_lazy("Cơ quan đã dừng giải quyết hồ sơ (xem lý do bên dưới)."),
}


def status_hint(dossier: Dossier) -> str:
    if dossier.status == Dossier.Status.SUBMITTED and dossier.channel == Dossier.Channel.POSTAL:
        return _(
            "Đã khai trực tuyến: hãy gửi hồ sơ giấy qua bưu chính công ích đến %(agency)s."
        ) % {"agency": dossier.receiving_agency.name}
    if dossier.status == Dossier.Status.RESULT_READY and dossier.outcome == "rejected":
        return _("Cơ quan từ chối giải quyết hồ sơ (xem lý do bên dưới).")
    if (
        dossier.status == Dossier.Status.RETURNED
        and dossier.return_method == Dossier.ReturnMethod.ELECTRONIC
        and dossier.result_file
    ):
        return _(
            "Đã trả kết quả điện tử: tải về ở mục “Kết quả giải quyết” bên dưới. Hồ sơ đã "
            "hoàn thành."
        )
    return str(STATUS_HINTS.get(dossier.status, ""))


def _moment(value: str | None) -> str:
    parsed = parse_datetime(value) if value else None
    return vn_datetime(parsed) if parsed else ""


def _with_note(sentence: str, note: str, label: str | None = None) -> str:
    note = (note or "").strip()
    if not note:
        return sentence
    return f"{sentence} {label or _('Lý do')}: {note}"


def sentence(event: DossierEvent, dossier: Dossier) -> str:
    """One event as a sentence for the applicant."""
    at = vn_datetime(event.at)
    data = event.data or {}
    agency = dossier.receiving_agency.name
    action = event.action
    if action == "create":
        return _("Bạn đã tạo hồ sơ trực tuyến (bản nháp) lúc %(at)s.") % {"at": at}
    if action == "update_draft":
        return _("Bạn đã cập nhật bản nháp lúc %(at)s.") % {"at": at}
    if action == Action.SUBMIT:
        if dossier.channel == Dossier.Channel.POSTAL:
            return _(
                "Bạn đã nộp hồ sơ lúc %(at)s; hồ sơ giấy gửi qua bưu chính công ích đến %(agency)s."
            ) % {"at": at, "agency": agency}
        return _("Bạn đã nộp hồ sơ trực tuyến lúc %(at)s đến %(agency)s.") % {
            "at": at,
            "agency": agency,
        }
    if action == Action.RECEIVE:
        text = _("Hồ sơ đã được tiếp nhận lúc %(at)s tại %(agency)s.") % {
            "at": at,
            "agency": agency,
        }
        due = _moment(data.get("due_at"))
        if due:
            text += " " + _("Hẹn trả kết quả: %(due)s.") % {"due": due}
        return text
    if action == Action.REQUEST_SUPPLEMENT:
        items = "; ".join(data.get("items") or [])
        text = _("Cán bộ yêu cầu bổ sung: %(items)s.") % {"items": items}
        return _with_note(text, event.note)
    if action == Action.SUBMIT_SUPPLEMENT:
        if event.agency_id:
            return _("Cơ quan đã nhận hồ sơ bổ sung lúc %(at)s.") % {"at": at}
        return _("Bạn đã nộp hồ sơ bổ sung lúc %(at)s.") % {"at": at}
    if action == Action.REFUSE:
        return _with_note(_("Cơ quan từ chối tiếp nhận hồ sơ lúc %(at)s.") % {"at": at}, event.note)
    if action in (Action.FORWARD, Action.SEND_BACK):
        step = event.to_step
        if step is None:
            return _("Hồ sơ được chuyển xử lý lúc %(at)s.") % {"at": at}
        return _("Hồ sơ được chuyển đến bước “%(step)s” (%(agency)s) lúc %(at)s.") % {
            "step": step.name,
            "agency": step.agency.name,
            "at": at,
        }
    if action == Action.REQUEST_PAYMENT:
        lines = ", ".join(
            f"{item.get('name', '')} {vnd(item.get('amount_vnd'))}"
            for item in data.get("items", [])
        )
        return _("Cơ quan yêu cầu thực hiện nghĩa vụ tài chính: %(lines)s.") % {"lines": lines}
    if action == Action.CONFIRM_PAYMENT:
        return _("Đã xác nhận bạn hoàn thành nghĩa vụ tài chính lúc %(at)s.") % {"at": at}
    if action == Action.PAY:
        method = dict(Payment.Method.choices).get(data.get("method", ""), "")
        return _("Đã ghi nhận nộp %(amount)s phí, lệ phí (%(method)s) lúc %(at)s.") % {
            "amount": vnd(data.get("amount_vnd")),
            "method": str(method).lower(),
            "at": at,
        }
    if action == Action.APPROVE:
        return _("Hồ sơ đã có kết quả giải quyết lúc %(at)s.") % {"at": at}
    if action == Action.REJECT:
        return _with_note(
            _("Cơ quan từ chối giải quyết hồ sơ lúc %(at)s.") % {"at": at}, event.note
        )
    if action == Action.APOLOGIZE:
        text = _("Xin lỗi và hẹn lại ngày trả kết quả: %(due)s.") % {
            "due": _moment(data.get("new_due_at"))
        }
        return _with_note(text, event.note)
    if action == Action.RETURN_RESULT:
        method = dict(Dossier.ReturnMethod.choices).get(data.get("method", ""), "")
        text = _("Đã trả kết quả (%(method)s) lúc %(at)s.") % {
            "method": str(method).lower(),
            "at": at,
        }
        if data.get("tracking_number"):
            text += " " + _("Mã bưu gửi: %(number)s.") % {"number": data["tracking_number"]}
        return text
    if action == Action.WITHDRAW:
        return _with_note(_("Hồ sơ đã được rút lúc %(at)s.") % {"at": at}, event.note)
    if action == Action.STOP:
        return _with_note(_("Cơ quan dừng giải quyết hồ sơ lúc %(at)s.") % {"at": at}, event.note)
    if action == Action.RECORD_VISIT:
        return _with_note(
            _("Bạn đến làm việc tại Bộ phận Một cửa lúc %(at)s.") % {"at": at},
            event.note,
            _("Nội dung"),
        )
    if action == Action.RECORD_SHIPMENT:
        if data.get("direction") == Shipment.Direction.INBOUND:
            text = _("Cơ quan đã nhận hồ sơ giấy qua bưu chính (%(carrier)s) lúc %(at)s.")
        else:
            text = _("Bưu chính (%(carrier)s) đã phát kết quả cho bạn; ghi nhận lúc %(at)s.")
        return text % {"carrier": data.get("carrier", ""), "at": at}
    if action == Action.CHANGE_RETURN_METHOD:
        target = data.get("to") or {}
        method = dict(Dossier.ReturnMethod.choices).get(target.get("method", ""), "")
        text = _("Hình thức nhận kết quả được đổi thành: %(method)s") % {
            "method": str(method).lower()
        }
        if target.get("delivery_address"):
            text += f" ({target['delivery_address']})"
        return f"{text}."
    return _("Cập nhật hồ sơ lúc %(at)s.") % {"at": at}


def applicant_timeline(dossier: Dossier) -> list[dict]:
    """Every event, oldest first, as ``{"at": moment, "text": sentence}``."""
    events = dossier.events.select_related("to_step__agency").order_by("seq")
    return [{"at": event.at, "text": sentence(event, dossier)} for event in events]
