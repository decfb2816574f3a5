"""Reading the timing column of a reform plan's appendix (thời gian thực hiện, seed 004):
"Quý IV/2016", "Năm 2017", "Cả năm", "Tháng 6/2017", "30/6/2017", "6 tháng đầu năm 2017",
"Thường xuyên"… → the kind of timing and its due date: the last WORKING day of the period on the
working calendar (a quarter → the last working day of its last month), none when continuous.

Pure: no Django, no database. Unknown text raises ``TimingError``.
"""

from __future__ import annotations

import calendar as _cal
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from cchc.domain.workdays import WorkCalendar

QUARTER = "quarter"
MONTH = "month"
DATE = "date"
YEAR = "year"
CONTINUOUS = "continuous"

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

ERR_UNKNOWN = (
    "Không hiểu thời gian thực hiện “{text}” "
    "(ví dụ: Quý IV/2016, Tháng 6/2017, 30/6/2017, Năm 2017, Thường xuyên)."
)
ERR_EMPTY = "Thiếu thời gian thực hiện."
ERR_INVALID = "Thời gian thực hiện “{text}” không phải một ngày, tháng hoặc quý có thật."


class TimingError(ValueError):
    """Timing text that names no period: ``template`` (an ``ERR_*``, translated by the caller)
    filled in with ``text``."""

    def __init__(self, template: str, text: str = "") -> None:
        super().__init__(template.format(text=text))
        self.template = template
        self.text = text


@dataclass(frozen=True)
class Timing:
    kind: str
    due_date: date | None


def fold(text: str) -> str:
    """Lower case without Vietnamese diacritics (đ → d), spaces collapsed."""
    text = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


_YEAR = r"(?:\s*(?:/|-|nam)\s*(\d{4}))?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (CONTINUOUS, re.compile(r"^(?:thuong xuyen|hang nam|lien tuc)$")),
    (QUARTER, re.compile(r"^(?:trong )?quy\s*(iv|iii|ii|i|[1-4])" + _YEAR + r"$")),
    (MONTH, re.compile(r"^(?:trong )?thang\s*(\d{1,2})" + _YEAR + r"$")),
    ("half", re.compile(r"^(6|9) thang (dau|cuoi) nam" + r"(?:\s*(\d{4}))?$")),
    (
        DATE,
        re.compile(r"^(?:truoc |den )?(?:ngay )?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?$"),
    ),
    (YEAR, re.compile(r"^(?:trong |ca )?nam\s*(\d{4})?$")),
]


def _last_working_day(last: date, calendar: WorkCalendar) -> date:
    """The last working day on or before ``last`` (the period's own end when nothing works)."""
    day = last
    for _ in range(62):
        if calendar.is_working_day(day):
            return day
        day -= timedelta(days=1)
    return last


def _month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def parse_timing(text: str, *, plan_year: int, calendar: WorkCalendar) -> Timing:
    """The kind and due date of a plan task's timing text; the year defaults to ``plan_year``."""
    raw = str(text or "").strip().rstrip(".;")
    if not raw:
        raise TimingError(ERR_EMPTY)
    folded = fold(raw)
    if folded in {"ca nam", "trong nam", "nam"}:
        return Timing(YEAR, _last_working_day(date(plan_year, 12, 31), calendar))
    for kind, pattern in _PATTERNS:
        match = pattern.match(folded)
        if not match:
            continue
        try:
            end = _period_end(kind, match.groups(), plan_year)
        except ValueError as exc:
            raise TimingError(ERR_INVALID, raw) from exc
        if end is None:
            return Timing(CONTINUOUS, None)
        due = end if kind == DATE else _last_working_day(end, calendar)
        return Timing(MONTH if kind == "half" else kind, due)
    raise TimingError(ERR_UNKNOWN, raw)


def _period_end(kind: str, groups: tuple, plan_year: int) -> date | None:
    if kind == CONTINUOUS:
        return None
    if kind == QUARTER:
        quarter = ROMAN.get(groups[0]) or int(groups[0])
        return _month_end(_year(groups[1], plan_year), quarter * 3)
    if kind == MONTH:
        return _month_end(_year(groups[1], plan_year), int(groups[0]))
    if kind == "half":
        months, part, year = groups
        month = int(months) if part == "dau" else 12
        return _month_end(_year(year, plan_year), month)
    if kind == DATE:  # "30/9" without a year is a day of the plan's year
        return date(_year(groups[2], plan_year), int(groups[1]), int(groups[0]))
    return date(_year(groups[0], plan_year), 12, 31)


def _year(text: str | None, plan_year: int) -> int:
    year = int(text) if text else plan_year
    if not 1900 <= year <= 2100:
        raise ValueError(year)
    return year
