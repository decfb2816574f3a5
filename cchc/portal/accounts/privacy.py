"""The personal-data notice (thông báo xử lý dữ liệu cá nhân) shown before a citizen opens an
account, and its version.

Law 91/2025/QH15 on personal data protection (in force 01/01/2026) and its Decree
356/2025/NĐ-CP (which replaced Decree 13/2023/NĐ-CP) require the data subject to be told what
is processed, why, on which basis, with whom it is shared, how long it is kept and what rights
they have — before processing starts. Two bases apply here:

* the account and the dossiers are processed to perform the state's tasks under the laws on
  administrative procedures and online public services — a case where the law allows
  processing without consent, so there is no consent box for it (a box that cannot be left
  unticked is not consent);
* notifications by e-mail and SMS are optional, so they rest on consent: unticked boxes at
  sign-up, changeable at any time on the account page, every change recorded
  (``ConsentRecord``) with the notice version in force.

Change the text → change ``NOTICE_VERSION``: each account and each consent keeps the version
it was given under.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

NOTICE_VERSION = "2026.1"
LEGAL_BASIS = _(
    "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Nghị định số 356/2025/NĐ-CP (thay thế "
    "Nghị định số 13/2023/NĐ-CP từ ngày 01/01/2026)."
)


@dataclass(frozen=True)
class NoticeSection:
    title: str | Promise
    paragraphs: tuple[str | Promise, ...] = ()
    items: tuple[str | Promise, ...] = field(default_factory=tuple)


def privacy_notice() -> list[NoticeSection]:
    """The notice, section by section (rendered by ``portal/accounts/_privacy_notice.html``)."""
    province = settings.CCHC_PROVINCE_NAME
    return [
        NoticeSection(
            _("Ai xử lý dữ liệu của bạn"),
            (
                _(
                    "Ủy ban nhân dân %(province)s, qua Cổng dịch vụ công và Hệ thống thông tin "
                    "giải quyết thủ tục hành chính của tỉnh. Cơ quan, đơn vị tiếp nhận và giải "
                    "quyết hồ sơ của bạn chỉ dùng dữ liệu trong phạm vi hồ sơ đó."
                )
                % {"province": province},
            ),
        ),
        NoticeSection(
            _("Dữ liệu được thu thập"),
            items=(
                _("Họ và tên, số định danh cá nhân (số CCCD), địa chỉ."),
                _("Thư điện tử và/hoặc số điện thoại, để đăng nhập và liên lạc."),
                _(
                    "Mật khẩu — chỉ lưu ở dạng đã băm một chiều; không ai, kể cả quản trị viên, "
                    "đọc được."
                ),
                _(
                    "Hồ sơ thủ tục hành chính bạn nộp, giấy tờ kèm theo, các khoản thanh toán và "
                    "đánh giá của bạn."
                ),
                _(
                    "Nhật ký đăng nhập (thời điểm, địa chỉ IP), để bảo vệ tài khoản khỏi việc dò "
                    "mật khẩu."
                ),
            ),
        ),
        NoticeSection(
            _("Mục đích và căn cứ xử lý"),
            items=(
                _(
                    "Mở tài khoản, xác định bạn là ai và giải quyết thủ tục hành chính bạn yêu "
                    "cầu. Căn cứ: thực hiện nhiệm vụ của cơ quan nhà nước theo pháp luật về thủ "
                    "tục hành chính và dịch vụ công trực tuyến — trường hợp pháp luật cho phép xử "
                    "lý dữ liệu cá nhân không cần sự đồng ý. Vì vậy phần này không có ô đồng ý; "
                    "thiếu các thông tin bắt buộc, hệ thống không thể mở tài khoản."
                ),
                _(
                    "Gửi thông báo về hồ sơ qua thư điện tử hoặc tin nhắn SMS. Căn cứ: sự đồng ý "
                    "của bạn. Các ô đồng ý để trống sẵn; bạn có thể thay đổi hoặc rút lại bất cứ "
                    "lúc nào tại trang Tài khoản. Rút lại không ảnh hưởng đến thông báo đã gửi "
                    "trước đó. Không đồng ý, bạn vẫn theo dõi hồ sơ trên cổng."
                ),
            ),
        ),
        NoticeSection(
            _("Chia sẻ dữ liệu"),
            (
                _(
                    "Chỉ với: cơ quan có thẩm quyền giải quyết hồ sơ của bạn; doanh nghiệp bưu "
                    "chính khi bạn chọn nộp hồ sơ hoặc nhận kết quả qua bưu chính; tổ chức cung "
                    "ứng dịch vụ thanh toán khi bạn thanh toán trực tuyến; nhà cung cấp dịch vụ "
                    "thư điện tử, tin nhắn khi bạn đồng ý nhận thông báo. Dữ liệu không được dùng "
                    "cho quảng cáo hay bất kỳ mục đích nào khác ngoài các mục đích trên."
                ),
            ),
        ),
        NoticeSection(
            _("Thời gian lưu trữ"),
            items=(
                _("Thông tin tài khoản: trong thời gian bạn sử dụng tài khoản."),
                _(
                    "Khi bạn đóng tài khoản: họ tên, số CCCD, địa chỉ, thư điện tử và số điện "
                    "thoại trong tài khoản được xoá ngay; bạn không nhận thêm thông báo nào."
                ),
                _(
                    "Hồ sơ thủ tục hành chính, kể cả thông tin người nộp ghi trên hồ sơ, là hồ sơ "
                    "công vụ: được lưu theo thời hạn của pháp luật về lưu trữ và không bị xoá khi "
                    "đóng tài khoản."
                ),
                _(
                    "Bản ghi về sự đồng ý và việc rút lại sự đồng ý được giữ để chứng minh việc "
                    "xử lý dữ liệu đúng pháp luật."
                ),
            ),
        ),
        NoticeSection(
            _("Quyền của bạn"),
            items=(
                _("Được biết về việc xử lý dữ liệu của mình (thông báo này)."),
                _("Đồng ý, không đồng ý hoặc rút lại sự đồng ý — tại trang Tài khoản."),
                _("Xem và chỉnh sửa thông tin của mình — tại trang Tài khoản."),
                _("Nhận bản sao dữ liệu của mình (tệp JSON) — tại trang Tài khoản."),
                _(
                    "Yêu cầu xoá dữ liệu — bằng cách đóng tài khoản, trừ hồ sơ công vụ pháp luật "
                    "buộc phải lưu giữ."
                ),
                _(
                    "Yêu cầu hạn chế, phản đối việc xử lý; khiếu nại, tố cáo, khởi kiện và yêu cầu "
                    "bồi thường theo quy định của pháp luật. Với các yêu cầu này, hãy liên hệ Bộ "
                    "phận Một cửa nơi bạn nộp hồ sơ."
                ),
            ),
        ),
        NoticeSection(
            _("Bảo vệ dữ liệu"),
            (
                _(
                    "Kết nối được mã hoá (HTTPS); mật khẩu được băm bằng Argon2; tài khoản tạm "
                    "khoá sau 5 lần đăng nhập sai; chỉ cán bộ được phân công mới xem được hồ sơ "
                    "của bạn."
                ),
            ),
        ),
    ]
