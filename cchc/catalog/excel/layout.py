"""The documented layout of the catalogue workbook (docs/catalog-excel.md): limits, sheets,
columns, the Vietnamese values of each choice, and the error messages with their location."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cchc.catalog.models import Procedure, ProcessStep, RequiredDocument

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an .xlsx is a zip: refuse zip bombs before parsing
MAX_PROCEDURE_ROWS = 5_000
MAX_CHILD_ROWS = 100_000
MAX_REPORTED_ERRORS = 1_000

ERR_EMPTY_FILE = gettext_noop("Chưa chọn tệp hoặc tệp rỗng.")
ERR_FILE_TOO_BIG = gettext_noop("Tệp lớn quá {mb} MB, hãy chia nhỏ tệp.")
ERR_NOT_XLSX = gettext_noop(
    "Tệp không phải bảng tính Excel .xlsx; hãy mở bằng Excel và lưu lại dạng .xlsx."
)
ERR_CORRUPT = gettext_noop("Không đọc được tệp Excel (tệp hỏng hoặc không đúng định dạng .xlsx).")
ERR_MISSING_SHEET = gettext_noop("Thiếu sheet “{sheet}”; tệp cần đủ các sheet: {sheets}.")
ERR_HEADER = gettext_noop(
    "Tiêu đề cột phải là “{expected}”, đang là “{found}”; hãy dùng tệp mẫu xuất từ hệ thống."
)
ERR_TOO_MANY_ROWS = gettext_noop("Sheet có quá {n} dòng dữ liệu, hãy chia thành nhiều tệp.")
ERR_REQUIRED = gettext_noop("Ô bắt buộc, đang để trống.")
ERR_TOO_LONG = gettext_noop("Dài quá {n} ký tự.")
ERR_CONTROL = gettext_noop(
    "Có ký tự điều khiển không hiển thị được ({char}, ở vị trí {position}); xoá ký tự đó "
    "trong ô rồi nhập lại."
)
ERR_NUMBER = gettext_noop("“{value}” không phải là số.")
ERR_POSITIVE = gettext_noop("Phải là số lớn hơn 0, tối đa 2 chữ số thập phân, không quá {high}.")
ERR_INTEGER = gettext_noop("Phải là số nguyên từ {low} đến {high}.")
ERR_FEE = gettext_noop("Mức thu phải là số nguyên đồng, không âm (ví dụ 75000 hoặc 75.000).")
ERR_FLAG = gettext_noop("“{value}” không hợp lệ; ghi “x” (có) hoặc để trống (không).")
ERR_CHOICE = gettext_noop("“{value}” không hợp lệ; chọn một trong: {choices}.")
ERR_DATE = gettext_noop("“{value}” không phải ngày dạng dd/mm/yyyy, ví dụ 15/07/2025.")
ERR_TIME = gettext_noop("“{value}” không phải giờ dạng HH:MM, ví dụ 16:30.")
ERR_AGENCY = gettext_noop("Không có cơ quan nào có mã định danh “{code}”.")
ERR_FIELD_UNKNOWN = gettext_noop(
    "Mã lĩnh vực “{code}” chưa có trong danh mục; ghi Tên lĩnh vực để tạo lĩnh vực mới."
)
ERR_DUPLICATE = gettext_noop("Mã TTHC “{code}” đã có ở dòng {row}.")
ERR_DUPLICATE_STEP = gettext_noop("Bước {order} của thủ tục {code} đã có ở dòng {row}.")
ERR_UNKNOWN_PROCEDURE = gettext_noop(
    "Mã TTHC “{code}” không có trong sheet TTHC và chưa có trong danh mục."
)
ERR_BACK_TO_DRAFT = gettext_noop("Thủ tục đang có hiệu lực, không thể chuyển về dự thảo.")
ERR_ABOLISHED_EDIT = gettext_noop("Thủ tục đã bị bãi bỏ, không thể sửa nội dung.")
ERR_CONFLICT = gettext_noop("Danh mục vừa được người khác sửa cùng lúc; hãy nhập lại tệp.")
ERR_MORE = gettext_noop("Còn {n} lỗi khác chưa hiển thị; hãy sửa các lỗi trên rồi nhập lại.")
LOC_SHEET = gettext_noop("Sheet “{sheet}”")
LOC_ROW = gettext_noop("dòng {row}")
LOC_COLUMN = gettext_noop("cột {letter} ({column})")

SHEET_PROCEDURES = "TTHC"
SHEET_DOCUMENTS = "Thành phần hồ sơ"
SHEET_FEES = "Phí, lệ phí"
SHEET_LEGAL = "Căn cứ pháp lý"
SHEET_STEPS = "Quy trình nội bộ"
CODE_HEADER = "Mã TTHC"
# (key, header) per sheet, in column order: the documented layout.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    SHEET_PROCEDURES: (
        ("code", CODE_HEADER),
        ("name", "Tên thủ tục"),
        ("field_code", "Mã lĩnh vực"),
        ("field_name", "Tên lĩnh vực"),
        ("at_province", "Cấp tỉnh"),
        ("at_district", "Cấp huyện"),
        ("at_commune", "Cấp xã"),
        ("competent", "Cơ quan có thẩm quyền (mã định danh)"),
        ("competent_text", "Mô tả cơ quan có thẩm quyền"),
        ("receiving", "Cơ quan tiếp nhận (mã định danh, cách nhau bởi dấu ;)"),
        ("processing_time", "Thời hạn giải quyết"),
        ("processing_unit", "Đơn vị thời hạn"),
        ("cutoff_time", "Giờ tiếp nhận cuối ngày"),
        ("supplement_clock", "Khi yêu cầu bổ sung"),
        ("online_mode", "Dịch vụ công trực tuyến"),
        ("legacy_level", "Mức độ DVC (trước 2022)"),
        ("postal_submission", "Nộp qua bưu chính"),
        ("postal_return", "Trả qua bưu chính"),
        ("inter_agency", "Liên thông"),
        ("result_name", "Kết quả thực hiện"),
        ("decision_number", "Số quyết định công bố"),
        ("decision_date", "Ngày quyết định"),
        ("status", "Trạng thái"),
    ),
    SHEET_DOCUMENTS: (
        ("code", CODE_HEADER),
        ("order", "Thứ tự"),
        ("name", "Tên giấy tờ"),
        ("form", "Hình thức (bản chính / bản sao / bản sao có chứng thực)"),
        ("count", "Số lượng"),
        ("optional", "Không bắt buộc"),
    ),
    SHEET_FEES: (
        ("code", CODE_HEADER),
        ("order", "Thứ tự"),
        ("name", "Nội dung"),
        ("amount", "Mức thu (đồng)"),
    ),
    SHEET_LEGAL: (("code", CODE_HEADER), ("order", "Thứ tự"), ("text", "Văn bản")),
    SHEET_STEPS: (
        ("code", CODE_HEADER),
        ("order", "Bước"),
        ("name", "Tên bước"),
        ("agency", "Cơ quan thực hiện (mã định danh; để trống = cơ quan tiếp nhận)"),
        ("role", "Vai trò (cán bộ một cửa / chuyên viên xử lý / lãnh đạo)"),
        ("hours", "Thời gian (giờ làm việc)"),
    ),
}
SHEETS = tuple(COLUMNS)
CHILD_SHEETS = SHEETS[1:]

P, S = Procedure, ProcessStep
UNIT_LABELS = {P.TimeUnit.WORKING_DAYS: "ngày làm việc", P.TimeUnit.WORKING_HOURS: "giờ làm việc"}
SUPPLEMENT_LABELS = {P.SupplementClock.PAUSE: "tạm dừng", P.SupplementClock.RESTART: "tính lại"}
ONLINE_LABELS = {
    P.OnlineMode.NONE: "không",
    P.OnlineMode.PARTIAL: "một phần",
    P.OnlineMode.FULL: "toàn trình",
}
STATUS_LABELS = {
    P.Status.DRAFT: "dự thảo",
    P.Status.PUBLISHED: "mới ban hành",
    P.Status.AMENDED: "sửa đổi, bổ sung",
    P.Status.ABOLISHED: "bãi bỏ",
}
FORM_LABELS = {
    RequiredDocument.Form.ORIGINAL: "bản chính",
    RequiredDocument.Form.COPY: "bản sao",
    RequiredDocument.Form.CERTIFIED_COPY: "bản sao có chứng thực",
}
ROLE_LABELS = {
    S.Role.COUNTER_OFFICER: "cán bộ một cửa",
    S.Role.SPECIALIST: "chuyên viên xử lý",
    S.Role.LEADER: "lãnh đạo",
}


@dataclass(frozen=True)
class ImportRowError:
    """One problem of an imported file, located as the user sees it in Excel."""

    sheet: str
    row: int | None  # Excel row number (1 = the header row); None for the whole file
    column: str  # header text
    column_letter: str
    message: str

    def __str__(self) -> str:
        where = [_(LOC_SHEET).format(sheet=self.sheet)] if self.sheet else []
        if self.row is not None:
            where.append(_(LOC_ROW).format(row=self.row))
        if self.column:
            where.append(_(LOC_COLUMN).format(letter=self.column_letter, column=self.column))
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    versions: int = 0  # versions published or abolished by the import
    errors: list[ImportRowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def file_error(message: str) -> ImportRowError:
    return ImportRowError(sheet="", row=None, column="", column_letter="", message=message)
