"""Working calendar and deadline arithmetic (lịch làm việc, tính thời hạn giải quyết).

Pure Python: the calendar (which dates are working days, the office hours) is a parameter,
never read from a database here. Implements DOMAIN.md A2:

* Working days are Monday–Friday, minus public holidays and announced days off, plus weekend
  days announced as make-up working days (làm bù). Source: Labour Code 2019 Art. 112; Decision
  188/1999/QĐ-TTg (40-hour week); the yearly announcements, held as calendar overrides.
* Office hours are a province setting, default 08:00–12:00 and 13:00–17:00 (8 working hours a
  working day).
* A processing time of T working days (T may be fractional) or H working hours is added in
  *working time*: from the receipt moment, through office hours only. A dossier received
  outside office hours, or after the procedure's cut-off time, starts at the next opening
  (Decree 45/2020 practice; per-procedure cut-off as in Decision 1811/QĐ-TTPVHCC of Hà Nội).
* A due moment that lands exactly on a closing time stays there (received Monday 08:00,
  T = 1 → due Monday 17:00, not Tuesday 08:00).

All moments are timezone-aware; they are computed in the calendar's zone
(Asia/Ho_Chi_Minh, which has had no daylight saving since 1975) and returned in it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKEND = frozenset({5, 6})  # Saturday, Sunday
# The arithmetic walks day by day; a legal time never spans decades. This bound turns a
# runaway input (or a calendar with no working day at all) into an error instead of a hang.
MAX_SEARCH_DAYS = 366 * 40


class CalendarError(ValueError):
    """The calendar or the request cannot give an answer (bad office hours, naive moment…)."""


@dataclass(frozen=True)
class OfficeHours:
    """Office periods of a working day, e.g. ``((08:00, 12:00), (13:00, 17:00))``."""

    periods: tuple[tuple[time, time], ...] = ((time(8), time(12)), (time(13), time(17)))

    def __post_init__(self) -> None:
        if not self.periods:
            raise CalendarError("office hours need at least one period")
        previous_end: time | None = None
        for start, end in self.periods:
            if start.tzinfo is not None or end.tzinfo is not None:
                raise CalendarError("office hours are local wall-clock times")
            if not start < end:
                raise CalendarError(f"office period {start:%H:%M}-{end:%H:%M} is empty")
            if previous_end is not None and start < previous_end:
                raise CalendarError("office periods must be sorted and must not overlap")
            previous_end = end

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Parse ``"08:00-12:00,13:00-17:00"``."""
        periods = []
        try:
            for chunk in text.split(","):
                start_text, end_text = chunk.strip().split("-")
                periods.append((time.fromisoformat(start_text), time.fromisoformat(end_text)))
        except ValueError as exc:
            raise CalendarError(f"cannot read office hours {text!r}: {exc}") from exc
        return cls(tuple(periods))

    @property
    def day_seconds(self) -> int:
        """Length of one working day in seconds (8 h = 28 800 s by default)."""
        return sum(_seconds(end) - _seconds(start) for start, end in self.periods)

    @property
    def closing_times(self) -> frozenset[time]:
        return frozenset(end for _, end in self.periods)


@dataclass(frozen=True, eq=False)
class WorkCalendar:
    """Which dates are working days, plus the office hours and the calendar version.

    ``overrides`` maps a date to ``True`` (working) or ``False`` (not working); dates not in
    it follow the weekly rule (Monday–Friday working). The table of overrides is the
    authority (DOMAIN A2): public holidays, substituted days off and make-up Saturdays.
    """

    overrides: Mapping[date, bool] = field(default_factory=dict)
    office_hours: OfficeHours = field(default_factory=OfficeHours)
    version: int = 0
    tz: tzinfo = VN_TZ
    weekend: frozenset[int] = WEEKEND

    def is_working_day(self, day: date) -> bool:
        """Is ``day`` a working day (ngày làm việc)?"""
        known = self.overrides.get(day)
        if known is not None:
            return known
        return day.weekday() not in self.weekend

    def working_days(self, first: date, last: date) -> list[date]:
        """The working days from ``first`` to ``last``, both included, in order."""
        if last < first:
            raise CalendarError("the range ends before it starts")
        days = []
        day = first
        while day <= last:
            if self.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        for candidate in _days_after(day):
            if self.is_working_day(candidate):
                return candidate
        raise CalendarError("no working day in the calendar's reach")

    # --- moments -------------------------------------------------------------------------

    def local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise CalendarError("moments must carry a time zone offset")
        return moment.astimezone(self.tz)

    def _periods_on(self, day: date) -> Iterator[tuple[datetime, datetime]]:
        for start, end in self.office_hours.periods:
            yield (
                datetime.combine(day, start, tzinfo=self.tz),
                datetime.combine(day, end, tzinfo=self.tz),
            )

    def is_office_moment(self, moment: datetime) -> bool:
        """Inside office hours of a working day (an opening included, a closing excluded)."""
        local = self.local(moment)
        if not self.is_working_day(local.date()):
            return False
        return any(start <= local < end for start, end in self._periods_on(local.date()))

    def is_closing_moment(self, moment: datetime) -> bool:
        """Exactly at the end of an office period of a working day (12:00 or 17:00 by default)."""
        local = self.local(moment)
        if not self.is_working_day(local.date()):
            return False
        return any(local == end for _, end in self._periods_on(local.date()))

    def effective_start(self, moment: datetime, cutoff: time | None = None) -> datetime:
        """When the working clock starts for something received at ``moment``.

        Inside office hours (and not after the cut-off): that moment. Before an opening on a
        working day: that opening. Otherwise (a closing time, after the last closing, after the
        procedure's cut-off, or a day off): the first opening of the next working day.
        """
        local = self.local(moment)
        day = local.date()
        if self.is_working_day(day) and not (cutoff is not None and local.time() > cutoff):
            for start, end in self._periods_on(day):
                if local < start:
                    return start
                if local < end:
                    return local
        next_day = self.next_working_day(day)
        return datetime.combine(next_day, self.office_hours.periods[0][0], tzinfo=self.tz)

    def add_working_seconds(
        self, moment: datetime, seconds: int, cutoff: time | None = None
    ) -> datetime:
        """Add ``seconds`` of working time to ``moment``.

        The result is always inside office hours of a working day or exactly at a closing time;
        adding zero gives the effective start.
        """
        if seconds < 0:
            raise CalendarError("working time to add cannot be negative")
        cursor = self.effective_start(moment, cutoff)
        remaining = timedelta(seconds=seconds)
        if not remaining:
            return cursor
        day = cursor.date()
        for _ in range(MAX_SEARCH_DAYS):
            if self.is_working_day(day):
                for start, end in self._periods_on(day):
                    if end <= cursor:
                        continue
                    begin = max(start, cursor)
                    available = end - begin
                    if remaining <= available:
                        # Landing exactly on a closing time stays there (DOMAIN A2).
                        return begin + remaining
                    remaining -= available
                    cursor = end
            day += timedelta(days=1)
        raise CalendarError("the working time does not fit in the calendar's reach")

    def add_working_days(
        self, moment: datetime, days: Decimal | int | str, cutoff: time | None = None
    ) -> datetime:
        """Add T working days (T may be fractional: 0.5 day = 4 working hours by default)."""
        return self.add_working_seconds(moment, self.days_to_seconds(days), cutoff)

    def add_working_hours(
        self, moment: datetime, hours: Decimal | int | str, cutoff: time | None = None
    ) -> datetime:
        """Add H working hours."""
        return self.add_working_seconds(moment, hours_to_seconds(hours), cutoff)

    def days_to_seconds(self, days: Decimal | int | str) -> int:
        value = _decimal(days)
        return int((value * self.office_hours.day_seconds).to_integral_value(ROUND_HALF_UP))

    def working_seconds_between(self, start: datetime, end: datetime) -> int:
        """Working time from ``start`` to ``end`` in seconds; negative when ``end`` is earlier.

        Used for "còn 1 ngày 3 giờ" / "quá hạn 2 giờ" clocks and for the time each step used.
        """
        if end < start:
            return -self.working_seconds_between(end, start)
        first, last = self.local(start), self.local(end)
        total = timedelta()
        day = first.date()
        while day <= last.date():
            if self.is_working_day(day):
                for period_start, period_end in self._periods_on(day):
                    begin, finish = max(period_start, first), min(period_end, last)
                    if finish > begin:
                        total += finish - begin
            day += timedelta(days=1)
        return int(total.total_seconds())

    def split_seconds(self, seconds: int) -> tuple[int, int, int]:
        """``(days, hours, minutes)`` of a working duration, a day being the office day."""
        return split_duration(abs(seconds), self.office_hours.day_seconds)


def hours_to_seconds(hours: Decimal | int | str) -> int:
    return int((_decimal(hours) * 3600).to_integral_value(ROUND_HALF_UP))


def split_duration(seconds: int, day_seconds: int) -> tuple[int, int, int]:
    """Split a non-negative working duration into working days, hours and minutes."""
    if seconds < 0:
        raise CalendarError("duration must not be negative")
    days, rest = divmod(seconds, day_seconds)
    hours, rest = divmod(rest, 3600)
    return days, hours, rest // 60


def _decimal(value: Decimal | int | str) -> Decimal:
    try:
        number = Decimal(value)
    except (ArithmeticError, ValueError, TypeError) as exc:
        raise CalendarError(f"{value!r} is not a number") from exc
    if not number.is_finite():
        raise CalendarError(f"{value!r} is not a finite number")
    if number < 0:
        raise CalendarError("working time cannot be negative")
    return number


def _seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _days_after(day: date) -> Iterator[date]:
    for offset in range(1, MAX_SEARCH_DAYS):
        yield day + timedelta(days=offset)
