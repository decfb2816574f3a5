"""Importing a framework workbook: all or nothing.

Every cell of both sheets (``cells``) and then the whole tree (``frameworks.tree_problems``) are
checked first, every problem located by sheet, Excel row and column; only a file without a
single problem is written (``frameworks.framework_replace``: a new framework, or the draft one
of that year and unit kind replaced). The file is untrusted: size, zip and row limits come
before parsing.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import IO

from django.db import IntegrityError
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cchc.catalog.excel.cells import cell_decimal, cell_text
from cchc.catalog.excel.importer import read_workbook
from cchc.catalog.excel.layout import (
    ERR_HEADER,
    ERR_MISSING_SHEET,
    ERR_TOO_MANY_ROWS,
    ImportRowError,
    file_error,
)
from cchc.core.text import fold
from cchc.org.models import User
from cchc.parindex.excel.cells import Cells
from cchc.parindex.excel.layout import (
    CRITERIA_COLUMNS,
    ERR_BANDS,
    ERR_INFO_MISSING,
    ERR_MEASURE,
    ERR_NO_ROWS,
    ERR_PERIOD,
    ERR_STEPS,
    HUNDRED,
    INFO_HEADERS,
    INFO_ROWS,
    KIND_LABELS,
    LEVEL_LABELS,
    MAX_CRITERIA_ROWS,
    MAX_FILE_BYTES,
    MAX_TEXT,
    METHOD_LABELS,
    PAIR,
    PROBLEM_COLUMN,
    RULE_LABELS,
    SHEET_CRITERIA,
    SHEET_INFO,
    SHEETS,
    ZERO_LABELS,
    FrameworkImport,
)
from cchc.parindex.frameworks import (
    POINT_PLACES,
    RATE_PLACES,
    FrameworkError,
    FrameworkInfo,
    Node,
    Problem,
    framework_replace,
    tree_problems,
)
from cchc.parindex.models import MAX_YEAR, MIN_YEAR, default_bands
from cchc.stats.measures import MEASURES


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
        value[key] = _info_value(key, raw, Cells(SHEET_INFO, number, errors), required)
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
        bands=value["bands"] or default_bands(),
        self_assessment_due=value["self_assessment_due"],
        clarification_days=value["clarification_days"] or 5,
    )


def _info_value(key: str, raw: object, cells: Cells, required: bool) -> object:
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
        match = PAIR.fullmatch(part)
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
        cells = Cells(SHEET_CRITERIA, number, errors)
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


def _measure(cells: Cells, raw: object, where: tuple[str, str], measures: dict) -> str:
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


def _steps(cells: Cells, raw: object, where: tuple[str, str]) -> list:
    text = cell_text(raw)
    if not text:
        return []
    steps = []
    for part in re.split(r"[;\n]", text):
        if not part.strip():
            continue
        match = PAIR.fullmatch(part)
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
    return read_workbook(file_obj, _read_sheets, max_bytes=MAX_FILE_BYTES)


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
