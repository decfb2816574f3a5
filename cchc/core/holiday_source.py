"""Vietnam's public holidays, days off and make-up working days from the ``holidays`` package.

A pure function shared by the calendar's seed migration and the ``calendar_seed`` command.
DOMAIN B §9: the package is a seed, not the authority — administrators correct the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import holidays

LABOUR_CODE = "Bộ luật Lao động 2019, Điều 112"
LABOUR_CODE_OBSERVED = (
    "Bộ luật Lao động 2019, Điều 112 khoản 3 (nghỉ bù khi trùng ngày nghỉ hằng tuần)"
)
YEARLY_NOTICE = "Thông báo lịch nghỉ lễ, Tết hằng năm đối với cán bộ, công chức, viên chức"


@dataclass(frozen=True)
class CalendarException:
    date: date
    is_working: bool
    kind: str  # CalendarDay.Kind value
    reason: str
    legal_source: str


def vn_calendar_exceptions(first_year: int, last_year: int) -> list[CalendarException]:
    """Every date of ``first_year``–``last_year`` that departs from the Monday–Friday rule."""
    years = range(first_year, last_year + 1)
    vn = holidays.country_holidays("VN", years=years, language="vi")
    rows: dict[date, CalendarException] = {}
    for day, name in sorted(vn.items()):
        lowered = name.lower()
        if "thay cho" in lowered:
            kind, source = "day_off", YEARLY_NOTICE
        elif "nghỉ bù" in lowered:
            kind, source = "day_off", LABOUR_CODE_OBSERVED
        else:
            kind, source = "holiday", LABOUR_CODE
        rows[day] = CalendarException(day, False, kind, name[:300], source)
    for day in sorted(getattr(vn, "weekend_workdays", ())):
        if first_year <= day.year <= last_year and day not in rows:
            rows[day] = CalendarException(
                day, True, "makeup_workday", "Ngày làm bù (hoán đổi ngày làm việc)", YEARLY_NOTICE
            )
    return [rows[day] for day in sorted(rows)]


def source_label() -> str:
    return f"holidays {holidays.__version__}"
