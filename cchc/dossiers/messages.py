"""The dossier lifecycle's messages in the reader's language.

``cchc.domain.lifecycle`` is pure Python (it imports no Django), so its Vietnamese texts — the
reasons an action is refused, the status and role labels and each action's label — are not
marked for translation there. They are listed here again, wrapped in ``gettext_noop``, so that
``makemessages`` puts them in the catalogue (tests/core/test_english.py checks that the lists
match the domain's). ``transition_message`` then shows a ``TransitionError`` in the current
language: its template translated first, then each Vietnamese parameter, then formatted.

Pages use these helpers; the API keeps answering with ``exc.message``, in Vietnamese.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as N_

from cchc.domain.lifecycle import Role, Status, TransitionError
from cchc.dossiers.services._common import DossierInputError

# lifecycle.MSG_* (the templates of TransitionError)
TEMPLATES = (
    N_("Không thể thực hiện “{label}” khi hồ sơ đang ở trạng thái “{status}”."),
    N_("Vai trò “{role}” không được thực hiện “{label}” ở bước hiện tại."),
    N_("Hồ sơ đã quá hạn: phải có văn bản xin lỗi và hẹn lại ngày trả kết quả trước."),
    N_("Hồ sơ trễ hạn: phải có văn bản xin lỗi trước khi trả kết quả."),
    N_("Tổ chức, cá nhân chưa nộp đủ phí, lệ phí: ghi nhận thanh toán trước khi trả kết quả."),
    N_("Hồ sơ đang ở bước đầu tiên, không có bước trước để trả lại."),
    N_("Thao tác không hợp lệ."),
)

# lifecycle.STATUS_LABELS
STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: N_("Đang soạn"),
    Status.SUBMITTED: N_("Chờ tiếp nhận"),
    Status.INTAKE_SUPPLEMENT: N_("Chờ bổ sung (tiếp nhận)"),
    Status.REFUSED: N_("Từ chối tiếp nhận"),
    Status.RECEIVED: N_("Mới tiếp nhận"),
    Status.PROCESSING: N_("Đang giải quyết"),
    Status.SUPPLEMENT_REQUESTED: N_("Chờ bổ sung (giải quyết)"),
    Status.AWAITING_PAYMENT: N_("Chờ thực hiện nghĩa vụ tài chính"),
    Status.RESULT_READY: N_("Đã có kết quả"),
    Status.RETURNED: N_("Đã trả kết quả"),
    Status.WITHDRAWN: N_("Đã rút hồ sơ"),
    Status.STOPPED: N_("Dừng giải quyết"),
}

# lifecycle.ROLE_LABELS
ROLE_LABELS: dict[Role, str] = {
    Role.APPLICANT: N_("Tổ chức, cá nhân"),
    Role.COUNTER_OFFICER: N_("Cán bộ một cửa"),
    Role.SPECIALIST: N_("Chuyên viên xử lý"),
    Role.LEADER: N_("Lãnh đạo"),
}

# Rule.label of each row of lifecycle.RULES (each label once)
RULE_LABELS = (
    N_("Nộp hồ sơ trực tuyến"),
    N_("Tiếp nhận hồ sơ (Mẫu 01)"),
    N_("Yêu cầu bổ sung khi tiếp nhận (Mẫu 02)"),
    N_("Yêu cầu bổ sung trong quá trình giải quyết (Mẫu 02)"),
    N_("Nộp hồ sơ bổ sung"),
    N_("Từ chối tiếp nhận (Mẫu 03)"),
    N_("Chuyển bước tiếp theo"),
    N_("Trả lại bước trước"),
    N_("Yêu cầu thực hiện nghĩa vụ tài chính"),
    N_("Xác nhận đã thực hiện nghĩa vụ tài chính"),
    N_("Phê duyệt, ban hành kết quả"),
    N_("Từ chối giải quyết (nêu rõ lý do)"),
    N_("Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
    N_("Trả kết quả"),
    N_("Rút hồ sơ theo đề nghị của người nộp"),
    N_("Dừng giải quyết hồ sơ"),
    N_("Ghi nhận nộp phí, lệ phí"),
    N_("Ghi nhận bàn giao với bưu chính"),
    N_("Đổi hình thức nhận kết quả"),
    N_("Ghi nhận lượt đến của người nộp"),
)


def transition_message(exc: TransitionError) -> str:
    """``exc`` in the current language: the template translated, then each parameter (a
    label, a status or a role, Vietnamese message ids themselves) translated into it. A
    message raised without a template (or already translated) passes through ``gettext``."""
    template = gettext(exc.template)
    if not exc.params:
        return template
    return template.format(**{key: gettext(value) for key, value in exc.params.items()})


def input_message(exc: DossierInputError) -> str:
    """``exc`` in the current language: the template translated, then the parameters (data —
    document names, amounts — shown as they are) formatted into it."""
    template = gettext(exc.template)
    return template.format(**exc.params) if exc.params else template


def error_message(exc: TransitionError | DossierInputError) -> str:
    """What a page says for a refusal from a dossier service."""
    if isinstance(exc, TransitionError):
        return transition_message(exc)
    return input_message(exc)
