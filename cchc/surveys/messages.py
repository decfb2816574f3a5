"""The texts people read when a survey action or answer is refused (Vietnamese, translated)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MSG_TOKEN_UNKNOWN = _("Mã phiếu khảo sát không đúng. Kiểm tra lại đường dẫn hoặc mã QR trên phiếu.")
MSG_TOKEN_USED = _("Phiếu khảo sát này đã được trả lời. Mỗi mã phiếu chỉ dùng được một lần.")
MSG_TOKEN_EXPIRED = _("Phiếu khảo sát này đã hết hạn trả lời.")
MSG_CAMPAIGN_CLOSED = _("Đợt khảo sát đã kết thúc.")
MSG_FROZEN = _("Bộ câu hỏi đã ban hành không được sửa; hãy tạo phiên bản mới.")
MSG_NOT_PUBLISHED = _("Chỉ dùng được bộ câu hỏi đã ban hành.")
MSG_EMPTY_QUESTIONNAIRE = _("Bộ câu hỏi chưa có câu hỏi nào.")
MSG_QUESTION_ELEMENT = _("Câu hỏi theo thang mức hài lòng phải thuộc một trong năm tiêu chí.")
MSG_QUESTION_CHOICES = _("Câu hỏi chọn một hoặc chọn nhiều cần ít nhất hai lựa chọn.")
MSG_QUESTION_TEXT = _("Nhập nội dung câu hỏi (tối đa 500 ký tự).")
MSG_REQUIRED = _("Câu hỏi này bắt buộc trả lời.")
MSG_CHOICE = _("Lựa chọn không hợp lệ.")
MSG_TEXT_TOO_LONG = _("Ý kiến tối đa 2.000 ký tự.")
MSG_CODE_TAKEN = _("Mã đợt khảo sát đã được dùng.")
MSG_PERIOD = _("Ngày kết thúc kỳ khảo sát không được trước ngày bắt đầu.")
MSG_MARGIN = _("Sai số e phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0,05).")
MSG_NO_AGENCY = _("Chọn ít nhất một cơ quan, đơn vị được khảo sát.")
MSG_CHANNEL = _("Phiếu do cán bộ nhập phải là phiếu giấy hoặc phỏng vấn qua điện thoại.")
MSG_STRATUM = _("Nhóm khảo sát không thuộc đợt khảo sát này.")
MSG_SERVICE_NAME = _("Nhập tên dịch vụ.")
MSG_ROLE = _("Chỉ Sở Nội vụ hoặc bộ phận cải cách hành chính quản lý đợt khảo sát.")
