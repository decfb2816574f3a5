"""The documented layout of the framework workbook (docs/parindex-framework-excel.md): limits,
sheets, rows and columns, the Vietnamese values of each choice, the error messages, and what an
import returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_noop as N_

from cchc.catalog.excel.layout import ImportRowError
from cchc.parindex.models import Criterion, Framework, UnitKind

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_CRITERIA_ROWS = 2_000
MAX_TEXT = 5_000
MAX_POINTS = Decimal(1000)

ERR_POINTS = N_("Phải là số từ 0 đến {high}, tối đa 2 chữ số thập phân.")
ERR_RATE = N_("Phải là tỷ lệ phần trăm từ 0 đến 100, tối đa 2 chữ số thập phân.")
ERR_STEPS = N_(
    "“{value}” không đúng dạng bậc điểm; ghi “tỷ lệ %: điểm” cách nhau bởi dấu ;, ví dụ "
    "“80: 1; 90: 1,5; 95: 2”."
)
ERR_BANDS = N_(
    "“{value}” không đúng dạng mức xếp loại; ghi “% trở lên: tên mức” cách nhau bởi dấu ;, ví dụ "
    "“90: Xuất sắc; 80: Tốt; 70: Khá; 50: Trung bình; 0: Yếu”."
)
ERR_MEASURE = N_("Không có số liệu “{value}”; chọn một trong: {choices}.")
ERR_PERIOD = N_("Ngày kết thúc kỳ đánh giá phải sau ngày bắt đầu.")
ERR_NO_ROWS = N_("Sheet chưa có tiêu chí nào.")
ERR_INFO_MISSING = N_("Thiếu dòng “{label}” ở cột A.")

SHEET_INFO = "Thông tin"
SHEET_CRITERIA = "Tiêu chí"
SHEETS = (SHEET_INFO, SHEET_CRITERIA)
INFO_HEADERS = ("Thông tin", "Giá trị")
# (key, label in column A, required)
INFO_ROWS: tuple[tuple[str, str, bool], ...] = (
    ("year", "Năm đánh giá", True),
    ("unit_kind", "Đối tượng", True),
    ("name", "Tên bộ tiêu chí", True),
    ("decision", "Quyết định ban hành", False),
    ("decision_date", "Ngày quyết định", False),
    ("description", "Mô tả", False),
    ("is_sample", "Bộ tiêu chí mẫu", False),
    ("period_from", "Kỳ đánh giá từ ngày", True),
    ("period_to", "Kỳ đánh giá đến ngày", True),
    ("self_assessment_due", "Hạn gửi tự đánh giá", False),
    ("clarification_days", "Số ngày làm việc để giải trình", False),
    ("rescale_without_survey", "Quy đổi về thang 100 khi không có điều tra xã hội học", False),
    ("bands", "Mức xếp loại (% trở lên: tên mức)", False),
)
CRITERIA_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Mã"),
    ("level", "Cấp"),
    ("parent", "Mã cấp trên"),
    ("name", "Nội dung"),
    ("max_points", "Điểm tối đa"),
    ("method", "Cách chấm điểm"),
    ("guidance", "Hướng dẫn chấm điểm"),
    ("required_evidence", "Tài liệu kiểm chứng yêu cầu"),
    ("live_numerator", "Tử số"),
    ("live_denominator", "Mẫu số"),
    ("live_rule", "Cách quy đổi điểm"),
    ("live_lower", "Tỷ lệ 0 điểm (%)"),
    ("live_upper", "Tỷ lệ đạt điểm tối đa (%)"),
    ("live_steps", "Bậc điểm (tỷ lệ %: điểm; …)"),
    ("live_zero", "Khi mẫu số bằng 0"),
)
LEVEL_LABELS = {
    Criterion.Level.FIELD: "lĩnh vực",
    Criterion.Level.CRITERION: "tiêu chí",
    Criterion.Level.SUB: "tiêu chí thành phần",
}
METHOD_LABELS = {
    Criterion.Method.SELF: "tự đánh giá",
    Criterion.Method.LIVE: "số liệu hệ thống",
    Criterion.Method.SURVEY: "điều tra xã hội học",
    Criterion.Method.APPRAISAL: "thẩm định",
}
RULE_LABELS = {Criterion.LiveRule.LINEAR: "tuyến tính", Criterion.LiveRule.THRESHOLDS: "theo bậc"}
ZERO_LABELS = {
    Criterion.Zero.ZERO: "0 điểm",
    Criterion.Zero.FULL: "điểm tối đa",
    Criterion.Zero.NOT_APPLICABLE: "không áp dụng",
}
KIND_LABELS = {
    UnitKind.PROVINCE: "cấp tỉnh",
    UnitKind.DEPARTMENT: "sở, ban, ngành",
    UnitKind.DISTRICT: "cấp huyện",
    UnitKind.COMMUNE: "cấp xã",
}
# A problem of the tree → the column that shows it.
PROBLEM_COLUMN = {
    "code": "code",
    "level": "level",
    "parent": "parent",
    "max_points": "max_points",
    "method": "method",
    "live_numerator": "live_numerator",
    "live_denominator": "live_denominator",
    "live_rule": "live_rule",
    "live_lower": "live_lower",
    "live_steps": "live_steps",
}
HUNDRED = Decimal(100)
PAIR = re.compile(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*%?\s*:\s*(.+?)\s*")


@dataclass
class FrameworkImport:
    """What an import did: the framework written (``None`` on error), whether it was new,
    how many criteria it has, or every error located by sheet, row and column."""

    framework: Framework | None = None
    created: bool = False
    criteria: int = 0
    errors: list[ImportRowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors
