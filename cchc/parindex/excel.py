"""Excel import and export of a PAR Index framework (issue 12 §1), in the layout of
docs/parindex-framework-excel.md, the way the catalogue workbook works (``cchc.catalog.excel``):

- sheet ``Thông tin``: one row per attribute of the framework (label in column A, value in
  column B) — year, unit kind, name, decision and its date, period, deadline, bands, the rescale
  rule;
- sheet ``Tiêu chí``: one row per node of the tree in tree order — code, level, parent code
  (empty = deduced from the code: ``1.2.3`` → ``1.2``), name, maximum, method, guidance,
  required evidence, and for a live criterion its numerator, denominator, points rule, bounds
  (in %), steps and zero rule.

Import is all or nothing: every cell and the whole tree (``frameworks.tree_problems``) are
checked first, every problem is reported with its sheet, Excel row and column, and only a file
without a single problem is written (``frameworks.framework_replace``: a new framework, or the
draft framework of that year and unit kind replaced). Export then import gives the same
framework. The file is untrusted: size, zip and row limits come before parsing.
"""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import IO

from django.db import IntegrityError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cchc.catalog.excel.cells import cell_decimal, cell_text
from cchc.catalog.excel.layout import (
    ERR_CHOICE,
    ERR_CONTROL,
    ERR_CORRUPT,
    ERR_DATE,
    ERR_EMPTY_FILE,
    ERR_FILE_TOO_BIG,
    ERR_FLAG,
    ERR_HEADER,
    ERR_INTEGER,
    ERR_MISSING_SHEET,
    ERR_NOT_XLSX,
    ERR_NUMBER,
    ERR_REQUIRED,
    ERR_TOO_LONG,
    ERR_TOO_MANY_ROWS,
    MAX_UNPACKED_BYTES,
    ImportRowError,
    file_error,
)
from cchc.core.text import fold
from cchc.core.validation import forbidden_character
from cchc.core.xlsx import XLSX_CONTENT_TYPE, put
from cchc.org.models import User
from cchc.parindex.frameworks import (
    POINT_PLACES,
    RATE_PLACES,
    FrameworkError,
    FrameworkInfo,
    Node,
    Problem,
    criteria_in_tree_order,
    framework_replace,
    tree_problems,
)
from cchc.parindex.models import MAX_YEAR, MIN_YEAR, Criterion, Framework, UnitKind
from cchc.stats.measures import MEASURES

__all__ = [
    "CRITERIA_COLUMNS",
    "INFO_ROWS",
    "SHEET_CRITERIA",
    "SHEET_INFO",
    "XLSX_CONTENT_TYPE",
    "FrameworkImport",
    "export_framework",
    "import_framework",
    "import_rows",
]

logger = logging.getLogger(__name__)

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
_PAIR = re.compile(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*%?\s*:\s*(.+?)\s*")


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


# --- export ----------------------------------------------------------------------------------


def export_framework(framework: Framework) -> bytes:
    """``framework`` as an .xlsx workbook in the documented layout."""
    book = Workbook()
    info = book.active
    info.title = SHEET_INFO
    _header(info, INFO_HEADERS)
    values = _info_values(framework)
    for row, (key, label, _required) in enumerate(INFO_ROWS, start=2):
        put(info.cell(row=row, column=1), label)
        _cell(info, row, 2, values[key])
    info.column_dimensions["A"].width = 52
    info.column_dimensions["B"].width = 80
    sheet = book.create_sheet(SHEET_CRITERIA)
    _header(sheet, [header for _key, header in CRITERIA_COLUMNS])
    for row, (criterion, node) in enumerate(criteria_in_tree_order(framework), start=2):
        for column, value in enumerate(_criterion_values(criterion, node), start=1):
            _cell(sheet, row, column, value)
    widths = (10, 20, 12, 60, 10, 20, 50, 40, 26, 26, 14, 12, 12, 26, 14)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "B2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _header(sheet: object, headers: object) -> None:
    for column, header in enumerate(headers, start=1):
        cell = put(sheet.cell(row=1, column=column), header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _cell(sheet: object, row: int, column: int, value: object) -> None:
    if value == "" or value is None:
        return
    cell = put(sheet.cell(row=row, column=column), value)
    if isinstance(value, str):
        cell.number_format = "@"
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _info_values(f: Framework) -> dict[str, object]:
    return {
        "year": f.year,
        "unit_kind": KIND_LABELS[f.unit_kind],
        "name": f.name,
        "decision": f.decision,
        "decision_date": _day(f.decision_date),
        "description": f.description,
        "is_sample": "x" if f.is_sample else "",
        "period_from": _day(f.period_from),
        "period_to": _day(f.period_to),
        "self_assessment_due": _day(f.self_assessment_due),
        "clarification_days": f.clarification_days,
        "rescale_without_survey": "x" if f.rescale_without_survey else "không",
        "bands": "; ".join(f"{_vn(Decimal(str(lower)))}: {name}" for lower, name in f.bands),
    }


def _criterion_values(c: Criterion, node: Node) -> list[object]:
    live = c.method == Criterion.Method.LIVE
    steps = ""
    if c.live_steps:
        steps = "; ".join(
            f"{_vn(Decimal(str(rate)) * HUNDRED)}: {_vn(Decimal(str(points)))}"
            for rate, points in c.live_steps
        )
    return [
        c.code,
        LEVEL_LABELS[c.level],
        node.parent,
        c.name,
        _number(c.max_points),
        METHOD_LABELS.get(c.method, c.method),
        c.guidance,
        c.required_evidence,
        c.live_numerator,
        c.live_denominator,
        RULE_LABELS.get(c.live_rule, c.live_rule) if c.live_rule else "",
        _number(c.live_lower * HUNDRED) if c.live_lower is not None else "",
        _number(c.live_upper * HUNDRED) if c.live_upper is not None else "",
        steps,
        ZERO_LABELS.get(c.live_zero, c.live_zero) if live else "",
    ]


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _vn(value: Decimal) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


# --- import ----------------------------------------------------------------------------------


def import_framework(file_obj: IO[bytes], *, actor: User | None) -> FrameworkImport:
    """Check every cell of ``file_obj`` and the whole tree; only without a single error write
    it (a new framework, or the draft one of that year and unit kind replaced). Never raises
    for a bad file: the problems come back in ``errors``, in Vietnamese, located."""
    rows, errors = _read_file(file_obj)
    if errors:
        return FrameworkImport(errors=errors)
    return import_rows(rows[SHEET_INFO], rows[SHEET_CRITERIA], actor=actor)


def import_rows(
    info_rows: list[tuple[int, tuple]],
    criteria_rows: list[tuple[int, tuple]],
    *,
    actor: User | None,
    overrides: dict[str, object] | None = None,
) -> FrameworkImport:
    """The checks and the write of an import from rows already read: ``(Excel row number,
    cell values)`` of each sheet, without the header row. ``overrides`` replaces attributes of
    sheet Thông tin (the samples give their year and period this way)."""
    errors: list[ImportRowError] = []
    info = _read_info(info_rows, errors, overrides or {})
    nodes, located = _read_criteria(criteria_rows, errors)
    if not errors:
        if not nodes:
            errors.append(ImportRowError(SHEET_CRITERIA, None, "", "", _(ERR_NO_ROWS)))
        for problem in tree_problems(nodes, info.bands if info else None):
            errors.append(_locate(problem, located, info_rows))
    if errors or info is None:
        return FrameworkImport(errors=_sorted(errors))
    try:
        framework, created = framework_replace(info, nodes, actor=actor)
    except FrameworkError as error:
        return FrameworkImport(errors=[file_error(error.message)])
    except IntegrityError:
        return FrameworkImport(errors=[file_error(_("Bộ tiêu chí vừa được sửa cùng lúc."))])
    return FrameworkImport(framework=framework, created=created, criteria=len(nodes))


def _sorted(errors: list[ImportRowError]) -> list[ImportRowError]:
    def key(e: ImportRowError) -> tuple:
        order = SHEETS.index(e.sheet) if e.sheet in SHEETS else -1
        return (order, e.row or 0, len(e.column_letter), e.column_letter)

    return sorted(errors, key=key)


def _locate(
    problem: Problem, located: dict[str, int], info_rows: list[tuple[int, tuple]]
) -> ImportRowError:
    if not problem.code:
        if problem.attribute == "bands":
            row = _info_row_number("bands", info_rows)
            return ImportRowError(SHEET_INFO, row, INFO_HEADERS[1], "B", problem.message)
        return ImportRowError(SHEET_CRITERIA, None, "", "", problem.message)
    key = PROBLEM_COLUMN.get(problem.attribute, "code")
    index = [k for k, _h in CRITERIA_COLUMNS].index(key)
    return ImportRowError(
        SHEET_CRITERIA,
        located.get(problem.code),
        CRITERIA_COLUMNS[index][1],
        get_column_letter(index + 1),
        problem.message,
    )


def _info_row_number(key: str, info_rows: list[tuple[int, tuple]]) -> int | None:
    label = fold({k: lab for k, lab, _r in INFO_ROWS}[key])
    for number, values in info_rows:
        if fold(cell_text(values[0])) == label:
            return number
    return None


class _Cells:
    """Typed getters over one row that record a located error for a bad cell."""

    def __init__(self, sheet: str, number: int, errors: list[ImportRowError]) -> None:
        self.sheet, self.row, self.errors = sheet, number, errors

    def fail(self, column: str, letter: str, message: str) -> None:
        self.errors.append(ImportRowError(self.sheet, self.row, column, letter, message))

    def text(self, raw: object, where: tuple[str, str], *, required: bool, limit: int) -> str:
        value = cell_text(raw)
        found = forbidden_character(value)
        if found is not None:
            self.fail(*where, _(ERR_CONTROL).format(position=found[0], char=found[1]))
        elif required and not value:
            self.fail(*where, _(ERR_REQUIRED))
        elif len(value) > limit:
            self.fail(*where, _(ERR_TOO_LONG).format(n=limit))
        return value

    def number(self, raw: object, where: tuple[str, str], *, required: bool) -> Decimal | None:
        if not cell_text(raw):
            if required:
                self.fail(*where, _(ERR_REQUIRED))
            return None
        value = cell_decimal(raw)
        if value is None:
            self.fail(*where, _(ERR_NUMBER).format(value=cell_text(raw)))
        return value

    def points(self, raw: object, where: tuple[str, str], *, required: bool) -> Decimal | None:
        value = self.number(raw, where, required=required)
        if value is None:
            return None
        if not 0 <= value <= MAX_POINTS or value != value.quantize(POINT_PLACES):
            self.fail(*where, _(ERR_POINTS).format(high=int(MAX_POINTS)))
            return None
        return value.quantize(POINT_PLACES)

    def rate(self, raw: object, where: tuple[str, str]) -> Decimal | None:
        """A percentage cell (``95`` or ``95%``) as a rate in [0, 1] with 4 decimals."""
        text = cell_text(raw).rstrip("%").strip() if isinstance(raw, str) else raw
        value = self.number(text, where, required=False)
        if value is None:
            return None
        if not 0 <= value <= HUNDRED or value != value.quantize(POINT_PLACES):
            self.fail(*where, _(ERR_RATE))
            return None
        return (value / HUNDRED).quantize(RATE_PLACES)

    def choice(
        self, raw: object, where: tuple[str, str], labels: dict[str, str], default: str | None
    ) -> str | None:
        text = cell_text(raw)
        if not text:
            if default is None:
                self.fail(*where, _(ERR_REQUIRED))
            return default
        accepted = {fold(str(label)): value for value, label in labels.items()}
        accepted.update({fold(str(value)): value for value in labels})
        value = accepted.get(fold(text))
        if value is None:
            choices = " / ".join(str(v) for v in labels.values())
            self.fail(*where, _(ERR_CHOICE).format(value=text, choices=choices))
        return value

    def flag(self, raw: object, where: tuple[str, str], default: bool) -> bool:
        if isinstance(raw, bool):
            return raw
        text = fold(cell_text(raw))
        if not text:
            return default
        if text in {"x", "co", "1", "true", "yes"}:
            return True
        if text in {"khong", "0", "false", "no"}:
            return False
        self.fail(*where, _(ERR_FLAG).format(value=cell_text(raw)))
        return default

    def day(self, raw: object, where: tuple[str, str], *, required: bool) -> date | None:
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = cell_text(raw)
        if not text:
            if required:
                self.fail(*where, _(ERR_REQUIRED))
            return None
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match and MIN_YEAR <= int(match[3]) <= MAX_YEAR:
            try:
                return date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass
        self.fail(*where, _(ERR_DATE).format(value=text))
        return None

    def integer(
        self, raw: object, where: tuple[str, str], *, low: int, high: int, required: bool
    ) -> int | None:
        value = self.number(raw, where, required=required)
        if value is None:
            return None
        if value != value.to_integral_value() or not low <= value <= high:
            self.fail(*where, _(ERR_INTEGER).format(low=low, high=high))
            return None
        return int(value)


def _read_info(
    rows: list[tuple[int, tuple]], errors: list[ImportRowError], overrides: dict[str, object]
) -> FrameworkInfo | None:
    by_label = {fold(label): (key, label, required) for key, label, required in INFO_ROWS}
    found: dict[str, tuple[int, object]] = {}
    for number, values in rows:
        entry = by_label.get(fold(cell_text(values[0])))
        if entry is not None and entry[0] not in found:
            found[entry[0]] = (number, values[1] if len(values) > 1 else None)
    count_before = len(errors)
    value: dict[str, object] = {}
    for key, label, required in INFO_ROWS:
        if key in overrides:
            value[key] = overrides[key]
            continue
        if key not in found:
            if required:
                message = _(ERR_INFO_MISSING).format(label=label)
                errors.append(ImportRowError(SHEET_INFO, None, INFO_HEADERS[0], "A", message))
            value[key] = None
            continue
        number, raw = found[key]
        value[key] = _info_value(key, raw, _Cells(SHEET_INFO, number, errors), required)
    start, end = value.get("period_from"), value.get("period_to")
    if start and end and end < start:
        number = found.get("period_to", (None,))[0]
        errors.append(ImportRowError(SHEET_INFO, number, INFO_HEADERS[1], "B", _(ERR_PERIOD)))
    if len(errors) > count_before:
        return None
    return FrameworkInfo(
        year=value["year"],
        unit_kind=value["unit_kind"],
        name=value["name"],
        period_from=value["period_from"],
        period_to=value["period_to"],
        decision=value["decision"] or "",
        decision_date=value["decision_date"],
        description=value["description"] or "",
        is_sample=bool(value["is_sample"]),
        rescale_without_survey=True
        if value["rescale_without_survey"] is None
        else bool(value["rescale_without_survey"]),
        bands=value["bands"] or _default_bands(),
        self_assessment_due=value["self_assessment_due"],
        clarification_days=value["clarification_days"] or 5,
    )


def _default_bands() -> list[list]:
    from cchc.parindex.models import default_bands

    return default_bands()


def _info_value(key: str, raw: object, cells: _Cells, required: bool) -> object:
    where = (INFO_HEADERS[1], "B")
    if key == "year":
        return cells.integer(raw, where, low=MIN_YEAR, high=MAX_YEAR, required=True)
    if key == "unit_kind":
        return cells.choice(raw, where, KIND_LABELS, None)
    if key in ("name", "decision"):
        return cells.text(raw, where, required=required, limit=255 if key == "name" else 100)
    if key == "description":
        return cells.text(raw, where, required=False, limit=MAX_TEXT)
    if key in ("decision_date", "period_from", "period_to", "self_assessment_due"):
        return cells.day(raw, where, required=required)
    if key == "is_sample":
        return cells.flag(raw, where, False)
    if key == "rescale_without_survey":
        return cells.flag(raw, where, True)
    if key == "clarification_days":
        return cells.integer(raw, where, low=1, high=60, required=False)
    # bands
    text = cell_text(raw)
    if not text:
        return None
    bands = []
    for part in re.split(r"[;\n]", text):
        if not part.strip():
            continue
        match = _PAIR.fullmatch(part)
        lower = cell_decimal(match[1]) if match else None
        if lower is None or not cells.text(match[2], where, required=True, limit=50):
            cells.fail(*where, _(ERR_BANDS).format(value=text))
            return None
        bands.append([int(lower) if lower == lower.to_integral_value() else str(lower), match[2]])
    return bands


def _read_criteria(
    rows: list[tuple[int, tuple]], errors: list[ImportRowError]
) -> tuple[list[Node], dict[str, int]]:
    keys = [key for key, _header in CRITERIA_COLUMNS]
    where = {
        key: (header, get_column_letter(i + 1)) for i, (key, header) in enumerate(CRITERIA_COLUMNS)
    }
    measures = {name: str(m.label) for name, m in MEASURES.items()}
    nodes, located = [], {}
    for number, values in rows:
        raw = dict(zip(keys, values, strict=False))
        cells = _Cells(SHEET_CRITERIA, number, errors)
        count_before = len(errors)
        code = cells.text(raw["code"], where["code"], required=True, limit=20)
        parent = cells.text(raw["parent"], where["parent"], required=False, limit=20)
        if not parent and "." in code:
            parent = code.rsplit(".", 1)[0]
        level = cells.choice(raw["level"], where["level"], LEVEL_LABELS, "")
        if not level:
            level = ["field", "criterion", "sub"][min(code.count("."), 2)]
        node = Node(
            code=code,
            level=level,
            parent=parent,
            name=cells.text(raw["name"], where["name"], required=True, limit=1000),
            max_points=cells.points(raw["max_points"], where["max_points"], required=True)
            or Decimal(0),
            method=cells.choice(raw["method"], where["method"], METHOD_LABELS, "self") or "self",
            guidance=cells.text(raw["guidance"], where["guidance"], required=False, limit=MAX_TEXT),
            required_evidence=cells.text(
                raw["required_evidence"], where["required_evidence"], required=False, limit=MAX_TEXT
            ),
            live_numerator=_measure(
                cells, raw["live_numerator"], where["live_numerator"], measures
            ),
            live_denominator=_measure(
                cells, raw["live_denominator"], where["live_denominator"], measures
            ),
            live_rule=cells.choice(raw["live_rule"], where["live_rule"], RULE_LABELS, "") or "",
            live_lower=cells.rate(raw["live_lower"], where["live_lower"]),
            live_upper=cells.rate(raw["live_upper"], where["live_upper"]),
            live_steps=_steps(cells, raw["live_steps"], where["live_steps"]),
            live_zero=cells.choice(raw["live_zero"], where["live_zero"], ZERO_LABELS, "zero")
            or "zero",
        )
        if len(errors) == count_before:
            nodes.append(node)
            located.setdefault(code, number)
    return nodes, located


def _measure(cells: _Cells, raw: object, where: tuple[str, str], measures: dict) -> str:
    text = cell_text(raw)
    if not text:
        return ""
    accepted = {fold(label): name for name, label in measures.items()}
    accepted.update({fold(name): name for name in measures})
    name = accepted.get(fold(text))
    if name is None:
        cells.fail(*where, _(ERR_MEASURE).format(value=text, choices=", ".join(measures)))
        return ""
    return name


def _steps(cells: _Cells, raw: object, where: tuple[str, str]) -> list:
    text = cell_text(raw)
    if not text:
        return []
    steps = []
    for part in re.split(r"[;\n]", text):
        if not part.strip():
            continue
        match = _PAIR.fullmatch(part)
        rate = cell_decimal(match[1]) if match else None
        points = cell_decimal(match[2]) if match else None
        if rate is None or points is None:
            cells.fail(*where, _(ERR_STEPS).format(value=text))
            return []
        steps.append(
            [str((rate / HUNDRED).quantize(RATE_PLACES)), str(points.quantize(POINT_PLACES))]
        )
    return steps


def _read_file(file_obj: IO[bytes]) -> tuple[dict[str, list], list[ImportRowError]]:
    too_big = file_error(_(ERR_FILE_TOO_BIG).format(mb=MAX_FILE_BYTES // (1024 * 1024)))
    if (getattr(file_obj, "size", None) or 0) > MAX_FILE_BYTES:
        return {}, [too_big]
    if hasattr(file_obj, "seek"):
        file_obj.seek(0)
    data = file_obj.read(MAX_FILE_BYTES + 1)
    if not data:
        return {}, [file_error(_(ERR_EMPTY_FILE))]
    if len(data) > MAX_FILE_BYTES:
        return {}, [too_big]
    if not zipfile.is_zipfile(BytesIO(data)):
        return {}, [file_error(_(ERR_NOT_XLSX))]
    with zipfile.ZipFile(BytesIO(data)) as archive:
        members = archive.infolist()
    if "[Content_Types].xml" not in {m.filename for m in members}:
        return {}, [file_error(_(ERR_NOT_XLSX))]
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        return {}, [too_big]
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
        try:
            return _read_sheets(book)
        finally:
            book.close()
    except Exception:
        # Whatever the parser trips on in an untrusted file, the answer is "bad file", not a 500.
        logger.info("unreadable workbook", exc_info=True)
        return {}, [file_error(_(ERR_CORRUPT))]


def _read_sheets(book: Workbook) -> tuple[dict[str, list], list[ImportRowError]]:
    by_name = {fold(name): name for name in book.sheetnames}
    errors: list[ImportRowError] = []
    rows: dict[str, list] = {}
    for sheet, headers in ((SHEET_INFO, INFO_HEADERS), (SHEET_CRITERIA, None)):
        headers = headers or tuple(header for _key, header in CRITERIA_COLUMNS)
        if fold(sheet) not in by_name:
            message = _(ERR_MISSING_SHEET).format(sheet=sheet, sheets=", ".join(SHEETS))
            errors.append(ImportRowError(sheet, None, "", "", message))
            continue
        width, body, header = len(headers), [], None
        cells = book[by_name[fold(sheet)]].iter_rows(max_col=width, values_only=True)
        for number, values in enumerate(cells, start=1):
            values = tuple(values) + (None,) * (width - len(values))
            if number == 1:
                header = values
            elif any(cell_text(v) for v in values):
                body.append((number, values))
                if len(body) > MAX_CRITERIA_ROWS:
                    message = _(ERR_TOO_MANY_ROWS).format(n=MAX_CRITERIA_ROWS)
                    errors.append(ImportRowError(sheet, number, "", "", message))
                    break
        for index, (expected, found) in enumerate(
            zip(headers, header or (None,) * width, strict=False)
        ):
            if fold(cell_text(found)) != fold(expected):
                message = _(ERR_HEADER).format(expected=expected, found=cell_text(found))
                letter = get_column_letter(index + 1)
                errors.append(ImportRowError(sheet, 1, expected, letter, message))
                break
        rows[sheet] = body
    return rows, errors
