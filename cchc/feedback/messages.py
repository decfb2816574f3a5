"""The texts people read when a feedback action or input is refused (Vietnamese, translated
through the catalogue). The pure core (``cchc.domain.feedback``) gives reason codes; this module
words them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cchc.domain import feedback as rules

MSG_NAME = _("Nhập họ và tên người gửi: phản ánh, kiến nghị nặc danh không được tiếp nhận.")
MSG_ADDRESS = _("Nhập địa chỉ của người gửi (Nghị định 20/2008, Điều 7).")
MSG_PHONE_REQUIRED = _("Nhập số điện thoại của người gửi (Nghị định 20/2008, Điều 7).")
MSG_TITLE = _("Nhập tiêu đề (tối đa 200 ký tự).")
MSG_CONTENT = _("Nhập nội dung phản ánh, kiến nghị (tối đa 10.000 ký tự).")
MSG_KIND = _("Chọn phản ánh hoặc kiến nghị.")
MSG_CATEGORY = _("Chọn nhóm nội dung phản ánh, kiến nghị.")
MSG_CHANNEL = _("Hình thức tiếp nhận không hợp lệ.")
MSG_DOSSIER = _("Không tìm thấy hồ sơ có mã này.")
MSG_DOSSIER_PHONE = _("Số điện thoại không khớp với số đã khai khi nộp hồ sơ này.")
MSG_AGENCY = _("Chọn cơ quan bị phản ánh hoặc cơ quan tiếp nhận.")
MSG_NO_RECEIVER = _(
    "Chưa cấu hình cơ quan tiếp nhận phản ánh, kiến nghị (CCHC_FEEDBACK_RECEIVER). Liên hệ quản "
    "trị hệ thống."
)
MSG_REASON = _("Nhập lý do.")
MSG_TOO_LONG = _("Nội dung quá dài.")
MSG_CLASSIFICATION = _("Chọn một cách phân loại.")
MSG_FORWARD_AGENCY = _("Chọn cơ quan có thẩm quyền để chuyển đến.")
MSG_SAME_AGENCY = _("Phản ánh đã ở cơ quan này.")
MSG_EXTERNAL = _("Nhập tên cơ quan có thẩm quyền ngoài hệ thống.")
MSG_MERGE_SELF = _("Không thể gộp phản ánh vào chính nó.")
MSG_MERGE_TARGET = _("Phản ánh được gộp vào phải còn đang xử lý.")
MSG_DRAFT = _("Nhập nội dung dự thảo trả lời.")
MSG_REVIEW = _(
    "Phản ánh về quy định hành chính phải đánh giá đủ sáu tiêu chí của Điều 14 (có hay không "
    "đáp ứng và nhận xét) và chọn kết quả xử lý."
)
MSG_EXTEND_DAYS = _("Số ngày gia hạn từ 1 đến 30 ngày làm việc.")
MSG_HANDLER = _("Chỉ giao cho cán bộ của cơ quan đang xử lý.")
MSG_NOT_FOUND = _("Không tìm thấy phản ánh với mã và số điện thoại này.")
MSG_PUBLISH_EMPTY = _("Nội dung công khai không được để trống.")
MSG_ROLE = _("Bạn không có quyền xử lý phản ánh này.")

TRANSITION_MESSAGES = {
    rules.REFUSED_NOT_NOW: _("Không thể thực hiện thao tác này ở trạng thái hiện tại."),
    rules.REFUSED_ROLE: MSG_ROLE,
    rules.REFUSED_EXTENDED: _("Phản ánh chỉ được gia hạn một lần."),
    rules.REFUSED_WINDOW: _("Đã hết thời hạn đề nghị xem xét lại câu trả lời."),
}

SENDER_FIELD_MESSAGES = {"name": MSG_NAME, "address": MSG_ADDRESS, "phone": MSG_PHONE_REQUIRED}
