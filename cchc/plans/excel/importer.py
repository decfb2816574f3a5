"""Import a plan's appendix (seed 004's layout) from an untrusted .xlsx: all or nothing, every
problem named by row and column, agency names matched to the organisation tree with suggestions.

``import_plan(file_obj, plan, actor=)`` → ``PlanImport`` (``ok``, ``errors``, ``created``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cchc.catalog.excel.cells import cell_text
from cchc.catalog.excel.importer import read_workbook
from cchc.catalog.excel.layout import MAX_FILE_BYTES, ImportRowError, file_error
from cchc.core.calendar import current_calendar
from cchc.core.text import fold
from cchc.domain.plan_timing import TimingError, parse_timing
from cchc.org.models import Agency, User
from cchc.plans import services
from cchc.plans.excel.layout import (
    AREA_WORDS,
    COL_CONTENT,
    COL_COORDINATING,
    COL_LEAD,
    COL_NOTE,
    COL_NUMBER,
    COL_PRODUCT,
    COL_TIMING,
    ERR_AMBIGUOUS_AGENCY,
    ERR_CONTENT,
    ERR_LEAD,
    ERR_NO_HEADER,
    ERR_NO_TASKS,
    ERR_NUMBER,
    ERR_PLAN_HAS_TASKS,
    ERR_SUGGEST,
    ERR_TOO_MANY_ROWS,
    ERR_UNKNOWN_AGENCY,
    GROUP_COMMUNES,
    GROUP_DEPARTMENTS,
    GROUP_DISTRICTS,
    GROUPS,
    HEADER_KEYS,
    HEADER_SEARCH_ROWS,
    MAX_ROWS,
    REQUIRED,
    ROMAN_RE,
    SEPARATORS,
    TASK_NUMBER_RE,
    name_key,
    name_pattern,
    spelt_out,
)
from cchc.plans.models import Area, Plan, PlanTask

SHEET_KEY = "rows"


@dataclass
class PlanImport:
    errors: list[ImportRowError] = field(default_factory=list)
    created: list[PlanTask] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    number: str
    area: str
    section: str
    content: str
    product: str
    lead: list[Agency]
    lead_text: str
    coordinating: list[Agency]
    coordinating_text: str
    timing: str
    timing_text: str
    due_date: date | None
    note: str


def area_of(title: str) -> str:
    """The reform area a section heading names (by its folded words), else ``OTHER``."""
    folded = fold(title)
    for words, area in AREA_WORDS:
        if words in folded:
            return area
    return Area.OTHER


def _text(value: object) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day}/{value.month}/{value.year}"
    return cell_text(value)


def _read_sheets(book: Workbook) -> tuple[dict[str, list], list[ImportRowError]]:
    sheet = book[book.sheetnames[0]]
    rows = []
    for number, values in enumerate(sheet.iter_rows(max_col=12, values_only=True), start=1):
        if number > MAX_ROWS:
            return {}, [file_error(_(ERR_TOO_MANY_ROWS).format(limit=MAX_ROWS))]
        texts = [_text(v) for v in values]
        if any(texts):
            rows.append((number, texts))
    return {SHEET_KEY: rows, "sheet": [sheet.title]}, []


def _find_header(rows: list) -> tuple[int, dict[str, int]] | None:
    for position, (_number, texts) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for index, text in enumerate(texts):
            folded = fold(text).rstrip(".:")
            for key, column in HEADER_KEYS.items():
                if (folded == key or folded.startswith(key + " ")) and column not in columns:
                    columns[column] = index
                    break
        if all(column in columns for column in REQUIRED):
            return position, columns
    return None


class AgencyMatcher:
    """Agency names of a plan's year, folded, with their groups."""

    def __init__(self, year: int, within: Agency | None = None) -> None:
        first, last = date(year, 1, 1), date(year, 12, 31)
        rows = Agency.objects.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=last),
            Q(valid_to__isnull=True) | Q(valid_to__gte=first),
        )
        if within is not None:
            # Only the plan's own province: its tree is the organisation the plan names.
            root = within.path.split("/")[1] if within.path else ""
            if root:
                rows = rows.filter(path__startswith=f"/{root}/")
        self.agencies = list(rows.order_by("code"))
        self.by_key: dict[str, list[Agency]] = {}
        for agency in self.agencies:
            for name in {agency.name, agency.short_name, agency.code}:
                key = _key(name)
                if key and agency not in self.by_key.setdefault(key, []):
                    self.by_key[key].append(agency)
        # Names of one agency that the separators would cut ("Sở Văn hóa, Thể thao và Du
        # lịch", "Sở Khoa học và Công nghệ"), longest first: found whole before splitting.
        self.whole = [
            (name_pattern(key), agencies[0])
            for key, agencies in sorted(self.by_key.items(), key=lambda kv: -len(kv[0]))
            if len(agencies) == 1 and SEPARATORS.search(key)
        ]

    def group(self, group: str) -> list[Agency]:
        level = {
            GROUP_DEPARTMENTS: Agency.Level.DEPARTMENT,
            GROUP_DISTRICTS: Agency.Level.DISTRICT,
            GROUP_COMMUNES: Agency.Level.COMMUNE,
        }[group]
        return [a for a in self.agencies if a.level == level]

    def resolve(self, cell: str) -> tuple[list[Agency], list[str]]:
        """The agencies a lead or coordinating cell names, and the problems (one per name)."""
        folded = fold(cell)
        found: list[Agency] = []
        for pattern, group in GROUPS:
            if pattern.search(folded):
                if group:
                    found.extend(a for a in self.group(group) if a not in found)
                folded = pattern.sub(";", folded)
        folded = spelt_out(folded)
        for pattern, agency in self.whole:
            if pattern.search(folded):
                if agency not in found:
                    found.append(agency)
                folded = pattern.sub(";", folded)
        problems = []
        for part in SEPARATORS.split(folded):
            key = _key(part)
            if not key:
                continue
            matches = self.by_key.get(key, [])
            if len(matches) == 1:
                if matches[0] not in found:
                    found.append(matches[0])
                continue
            name = _original(cell, part)
            if matches:
                message = _(ERR_AMBIGUOUS_AGENCY).format(name=name)
                suggestions = [f"{a.name} ({a.code})" for a in matches[:5]]
            else:
                message = _(ERR_UNKNOWN_AGENCY).format(name=name)
                close = difflib.get_close_matches(key, list(self.by_key), n=3, cutoff=0.6)
                suggestions = [self.by_key[k][0].name for k in close]
            if suggestions:
                message = f"{message} {_(ERR_SUGGEST).format(names='; '.join(suggestions))}"
            problems.append(message)
        return found, problems


_key = name_key


def _original(cell: str, folded_part: str) -> str:
    """The name as written in the cell (with its diacritics) for a folded part of it."""
    for piece in re.split(r"\s*(?:;|,|\n)\s*", cell):
        if fold(piece).strip() == folded_part.strip():
            return piece.strip()
    return folded_part.strip()


def read_plan_rows(rows: list, sheet: str, plan: Plan) -> tuple[list[_Row], list[ImportRowError]]:
    """Parse the appendix rows into tasks; every problem located by row and column."""
    header = _find_header(rows)
    if header is None:
        return [], [file_error(_(ERR_NO_HEADER).format(columns=", ".join(REQUIRED)))]
    position, columns = header
    matcher = AgencyMatcher(plan.year, within=plan.agency)
    calendar = current_calendar()
    errors: list[ImportRowError] = []
    tasks: list[_Row] = []
    area, section = Area.OTHER, ""

    def cell(texts: list[str], column: str) -> str:
        index = columns.get(column)
        return texts[index].strip() if index is not None and index < len(texts) else ""

    def error(row: int, column: str, message: str) -> None:
        letter = get_column_letter(columns[column] + 1) if column in columns else ""
        errors.append(ImportRowError(sheet, row, column, letter, message))

    for row, texts in rows[position + 1 :]:
        number = cell(texts, COL_NUMBER).rstrip(".")
        content = cell(texts, COL_CONTENT)
        if ROMAN_RE.match(number.lower()) and number:
            section = content
            area = area_of(content)
            continue
        if not number and not any(cell(texts, c) for c in (COL_LEAD, COL_TIMING)):
            if content:  # a heading without a numeral (sub-section)
                section = content
            continue
        if not TASK_NUMBER_RE.match(number):
            error(row, COL_NUMBER, _(ERR_NUMBER).format(value=number))
            continue
        if not content:
            error(row, COL_CONTENT, _(ERR_CONTENT))
        lead_text = cell(texts, COL_LEAD)
        lead: list[Agency] = []
        if not lead_text:
            error(row, COL_LEAD, _(ERR_LEAD))
        else:
            lead, problems = matcher.resolve(lead_text)
            for problem in problems:
                error(row, COL_LEAD, problem)
        coordinating_text = cell(texts, COL_COORDINATING)
        coordinating, problems = matcher.resolve(coordinating_text)
        for problem in problems:
            error(row, COL_COORDINATING, problem)
        timing_text = cell(texts, COL_TIMING)
        try:
            timing = parse_timing(timing_text, plan_year=plan.year, calendar=calendar)
        except TimingError as exc:
            error(row, COL_TIMING, _(exc.template).format(text=exc.text))
            continue
        tasks.append(
            _Row(
                number=number,
                area=area,
                section=section,
                content=content,
                product=cell(texts, COL_PRODUCT),
                lead=lead,
                lead_text=lead_text,
                coordinating=coordinating,
                coordinating_text=coordinating_text,
                timing=timing.kind,
                timing_text=timing_text,
                due_date=timing.due_date,
                note=cell(texts, COL_NOTE),
            )
        )
    if not tasks and not errors:
        errors.append(file_error(_(ERR_NO_TASKS)))
    return tasks, errors


def import_plan(file_obj: IO[bytes], plan: Plan, *, actor: User | None) -> PlanImport:
    """Import an appendix into ``plan``: every task or none."""
    result = PlanImport()
    data, errors = read_workbook(file_obj, _read_sheets, max_bytes=MAX_FILE_BYTES)
    if errors:
        result.errors = errors
        return result
    if plan.tasks.filter(source=PlanTask.Source.PLAN).exists():
        result.errors = [file_error(_(ERR_PLAN_HAS_TASKS))]
        return result
    rows, errors = read_plan_rows(data[SHEET_KEY], data["sheet"][0], plan)
    if errors:
        result.errors = errors
        return result
    with transaction.atomic():
        for row in rows:
            result.created.append(
                services.task_add(
                    plan,
                    content=row.content,
                    due_date=row.due_date,
                    timing=row.timing,
                    timing_text=row.timing_text,
                    area=row.area,
                    number=row.number,
                    section=row.section,
                    product=row.product,
                    lead_agency=row.lead[0] if len(row.lead) == 1 else None,
                    lead_text=row.lead_text,
                    coordinating=row.coordinating,
                    coordinating_text=row.coordinating_text,
                    actor=actor,
                    note=row.note,
                )
            )
    return result
