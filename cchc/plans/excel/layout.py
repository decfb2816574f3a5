"""The appendix layout: its columns, section headings and agency groups."""

from __future__ import annotations

import re

from django.utils.translation import gettext_noop

from cchc.core.text import fold
from cchc.plans.models import Area

COL_NUMBER = "TT"
COL_CONTENT = "Nhiệm vụ cụ thể"
COL_PRODUCT = "Sản phẩm"
COL_LEAD = "Cơ quan chủ trì"
COL_COORDINATING = "Cơ quan phối hợp"
COL_TIMING = "Thời gian thực hiện"
COL_NOTE = "Ghi chú"
COLUMNS = [COL_NUMBER, COL_CONTENT, COL_PRODUCT, COL_LEAD, COL_COORDINATING, COL_TIMING, COL_NOTE]
# Folded header labels: a header cell starting with one of these is that column.
HEADER_KEYS = {
    "tt": COL_NUMBER,
    "stt": COL_NUMBER,
    "nhiem vu": COL_CONTENT,
    "noi dung": COL_CONTENT,
    "san pham": COL_PRODUCT,
    "co quan chu tri": COL_LEAD,
    "chu tri": COL_LEAD,
    "co quan phoi hop": COL_COORDINATING,
    "phoi hop": COL_COORDINATING,
    "thoi gian": COL_TIMING,
    "ghi chu": COL_NOTE,
}
REQUIRED = [COL_NUMBER, COL_CONTENT, COL_LEAD, COL_TIMING]
HEADER_SEARCH_ROWS = 20
MAX_ROWS = 2_000

ROMAN_RE = re.compile(r"^(?=[ivxl]+$)(x{0,3})(ix|iv|v?i{0,3})$")
TASK_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}$")

# Folded words of a section title → the area (first hit wins).
AREA_WORDS: list[tuple[str, str]] = [
    ("chi dao", Area.DIRECTION),
    ("the che", Area.INSTITUTIONS),
    ("thu tuc", Area.PROCEDURES),
    ("mot cua", Area.PROCEDURES),
    ("to chuc bo may", Area.ORGANISATION),
    ("cong vu", Area.CIVIL_SERVICE),
    ("cong chuc", Area.CIVIL_SERVICE),
    ("tai chinh", Area.PUBLIC_FINANCE),
    ("chinh phu dien tu", Area.DIGITAL),
    ("chinh phu so", Area.DIGITAL),
    ("chuyen doi so", Area.DIGITAL),
    ("hien dai hoa", Area.DIGITAL),
]

GROUP_DEPARTMENTS = "departments"
GROUP_DISTRICTS = "districts"
GROUP_COMMUNES = "communes"
# Folded group phrases (checked on the whole cell before splitting it into names).
GROUPS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"cac so,? ban,? nganh(?: tinh)?|cac so,? nganh"), GROUP_DEPARTMENTS),
    (
        re.compile(
            r"(?:ubnd|uy ban nhan dan) cac huyen[^;,]*|(?:ubnd |uy ban nhan dan )?cap huyen"
        ),
        GROUP_DISTRICTS,
    ),
    (
        re.compile(r"(?:ubnd|uy ban nhan dan) cac xa[^;,]*|(?:ubnd |uy ban nhan dan )?cap xa"),
        GROUP_COMMUNES,
    ),
    (re.compile(r"cac co quan(?:,? don vi)? (?:co )?lien quan"), None),
]
SEPARATORS = re.compile(r"\s*(?:;|,|\bva\b|\n)\s*")

ERR_NO_HEADER = gettext_noop("Không tìm thấy dòng tiêu đề của phụ lục (cần các cột: {columns}).")
ERR_TOO_MANY_ROWS = gettext_noop("Phụ lục có quá {limit} dòng.")
ERR_NO_TASKS = gettext_noop("Phụ lục không có nhiệm vụ nào.")
ERR_CONTENT = gettext_noop("Thiếu nội dung nhiệm vụ.")
ERR_LEAD = gettext_noop("Thiếu cơ quan chủ trì.")
ERR_NUMBER = gettext_noop(
    "Số thứ tự “{value}” không phải số La Mã của một mục hay số của một nhiệm vụ."
)
ERR_UNKNOWN_AGENCY = gettext_noop("Không tìm thấy cơ quan “{name}” trong danh mục.")
ERR_AMBIGUOUS_AGENCY = gettext_noop("Tên “{name}” trùng với nhiều cơ quan.")
ERR_SUGGEST = gettext_noop("Có phải: {names}?")
ERR_PLAN_HAS_TASKS = gettext_noop(
    "Kế hoạch đã có nhiệm vụ nhập từ phụ lục; không nhập chồng lên được."
)


GROUP_LEVELS = {
    GROUP_DEPARTMENTS: "department",
    GROUP_DISTRICTS: "district",
    GROUP_COMMUNES: "commune",
}


def name_key(text: str) -> str:
    """A name folded for matching: no diacritics, no punctuation, "UBND" spelt out."""
    folded = re.sub(r"[^\w ]+", " ", fold(text))
    folded = re.sub(r"\bubnd\b", "uy ban nhan dan", folded)
    return re.sub(r"\s+", " ", folded).strip()


def name_pattern(key: str) -> re.Pattern[str]:
    """A folded name (``name_key``) as it may stand in a folded cell: its words in order,
    whatever punctuation between them ("so van hoa the thao va du lich" matches "sở văn hóa,
    thể thao và du lịch" folded)."""
    words = [re.escape(word) for word in key.split()]
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(words) + r"(?!\w)")


def spelt_out(folded: str) -> str:
    """A folded cell with "UBND" spelt out, as ``name_key`` spells it."""
    return re.sub(r"\bubnd\b", "uy ban nhan dan", folded)


def cell_names(cell: str) -> tuple[set[str], set[str]]:
    """The agency levels of the groups a lead or coordinating cell names, and the folded keys
    of the other names in it."""
    folded = fold(cell)
    levels = set()
    for pattern, group in GROUPS:
        if pattern.search(folded):
            if group:
                levels.add(GROUP_LEVELS[group])
            folded = pattern.sub(";", folded)
    keys = {name_key(part) for part in SEPARATORS.split(folded)} - {""}
    return levels, keys


def cell_names_agency(cell: str, agency: object) -> bool:
    """Does the cell (a group or names, as written in the plan) name ``agency``?"""
    levels, keys = cell_names(cell)
    if agency.level in levels:
        return True
    own = {name_key(agency.name), name_key(agency.short_name or ""), name_key(agency.code)}
    own -= {""}
    if keys & own:
        return True
    # A name with commas or "và" in it is cut by the separators: look for it whole.
    folded = spelt_out(fold(cell))
    return any(name_pattern(key).search(folded) for key in own)


# cchc.domain.plan_timing's ERR_* (pure Python, no gettext there): marked here for the
# catalogue; the importer translates ``TimingError.template`` with them.
TIMING_MESSAGES = (
    gettext_noop(
        "Không hiểu thời gian thực hiện “{text}” "
        "(ví dụ: Quý IV/2016, Tháng 6/2017, 30/6/2017, Năm 2017, Thường xuyên)."
    ),
    gettext_noop("Thiếu thời gian thực hiện."),
    gettext_noop("Thời gian thực hiện “{text}” không phải một ngày, tháng hoặc quý có thật."),
)
