"""The texts of Open311 errors (``[{"code", "description"}]``), in Vietnamese through the
catalogue. The refusals of intake itself (Art. 7, the phone, the dossier) are the feedback
app's own messages (``cchc.feedback.messages``), passed through unchanged."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MSG_API_KEY = _("Thiếu api_key: chỉ hệ thống đã được cấp khoá mới gửi được phản ánh.")
MSG_API_KEY_INVALID = _("api_key không hợp lệ hoặc đã bị thu hồi.")
MSG_SERVICE_CODE = _("Thiếu service_code.")
MSG_SERVICE_UNKNOWN = _("Không có dịch vụ (service_code) này.")
MSG_REQUEST_UNKNOWN = _("Không tìm thấy phản ánh (service_request_id) này.")
MSG_TOKEN_UNKNOWN = _("Không tìm thấy mã token này.")
MSG_NOT_FOUND = _("Không có địa chỉ này trong Open311 GeoReport v2.")
MSG_METHOD = _("Phương thức %(method)s không dùng được ở địa chỉ này; dùng: %(allowed)s.")
MSG_DESCRIPTION = _("Nhập nội dung phản ánh, kiến nghị vào description (tối đa 4.000 ký tự).")
MSG_ATTRIBUTE_UNKNOWN = _("Dịch vụ này không có thuộc tính %(code)s.")
MSG_ATTRIBUTE_SINGLE = _("Thuộc tính %(code)s chỉ nhận một giá trị.")
MSG_LAT_LONG = _(
    "lat và long phải cùng có, là số thập phân (lat từ -90 đến 90, long từ -180 đến 180)."
)
MSG_MEDIA_URL = _("media_url phải là một địa chỉ http:// hoặc https:// (tối đa 2.000 ký tự).")
MSG_EMAIL = _("Địa chỉ thư điện tử (email) không hợp lệ.")
MSG_TOO_LONG = _("Tham số %(param)s quá dài (tối đa %(limit)s ký tự).")
MSG_DATE = _(
    "Tham số %(param)s phải là ngày giờ ISO 8601 có múi giờ, ví dụ 2025-05-05T08:00:00+07:00."
)
MSG_DATE_SPAN = _("Khoảng từ start_date đến end_date phải từ 0 đến 90 ngày.")
MSG_STATUS = _("Tham số status chỉ nhận open hoặc closed.")
MSG_TOO_MANY_IDS = _("Tối đa 1.000 service_request_id trong một lần hỏi.")
MSG_BAD_BODY = _(
    "Không đọc được nội dung yêu cầu: gửi dạng application/x-www-form-urlencoded (UTF-8)."
)
MSG_TOO_LARGE = _("Nội dung yêu cầu quá lớn.")
MSG_TOO_MANY = _("Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.")

# The service definition and the service list (what a client shows the person who writes).
SERVICE_DESCRIPTION = _(
    "Phản ánh, kiến nghị gửi %(agency)s về: %(category)s. Bắt buộc họ và tên (first_name, "
    "last_name), địa chỉ (thuộc tính sender_address hoặc address_string) và số điện thoại "
    "(phone) của người gửi; phản ánh, kiến nghị nặc danh không được tiếp nhận (Nghị định "
    "20/2008/NĐ-CP, Điều 7)."
)
SERVICE_NOTICE = _(
    "Phản ánh được phân loại, chuyển cơ quan có thẩm quyền trong 5 ngày làm việc và trả lời "
    "trong %(days)s ngày làm việc; câu trả lời được công khai, không kèm thông tin cá nhân của "
    "người gửi."
)
ATTR_NOTICE = _(
    "Họ và tên, địa chỉ và số điện thoại của người gửi là bắt buộc; phản ánh, kiến nghị nặc "
    "danh bị từ chối (Nghị định 20/2008/NĐ-CP, Điều 7). Thông tin cá nhân không bao giờ được "
    "công khai."
)
ATTR_KIND = _("Phản ánh hay kiến nghị (Nghị định 20/2008/NĐ-CP, Điều 3).")
ATTR_ADDRESS = _(
    "Địa chỉ của người gửi, bắt buộc (Nghị định 20/2008/NĐ-CP, Điều 7); nếu để trống thì "
    "address_string được dùng làm địa chỉ người gửi."
)
ATTR_ADDRESS_TYPE = _("Số nhà, đường, phường/xã, quận/huyện")
ATTR_DOSSIER = _(
    "Mã hồ sơ thủ tục hành chính liên quan (nếu có); số điện thoại phải trùng số đã khai khi "
    "nộp hồ sơ."
)
ATTR_DOSSIER_TYPE = _("Mã hồ sơ in trên giấy tiếp nhận")
KEY_SERVICE = _(
    "Khoá api_key cấp cho từng hệ thống kết nối: liên hệ quản trị hệ thống (manage.py "
    "issue_open311_key)."
)
CONTACT = _("Bộ phận quản trị hệ thống cải cách hành chính của tỉnh.")
KEYWORDS = _("phản ánh, kiến nghị, PAKN")
