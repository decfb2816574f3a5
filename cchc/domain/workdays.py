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
* A due moment moves only by working time actually paused (supplement, financial obligation):
  a pause with no working time in it leaves the due moment where it was, also on a closing
  time (``postpone``).

Moments are computed in the calendar's zone (Asia/Ho_Chi_Minh, which has had no daylight
saving since 1975) and returned in it; a naive moment is read as wall-clock time there.

Any moment Python can hold (years 1 to 9999) gets an answer without walking day by day:
working days are counted over whole weeks, corrected by the calendar's exceptions (a bisect
over the sorted overrides), so a due moment of 31/12/9999 costs what one of next week does.
A moment past the end of the zone's range is read as the last representable one (saturation);
adding working time beyond 31/12/9999 is a ``CalendarError``, never an ``OverflowError``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from itertools import accumulate
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKEND = frozenset({5, 6})  # Saturday, Sunday
FIRST_ORDINAL = date.min.toordinal()
LAST_ORDINAL = date.max.toordinal()
# English like the other CalendarError texts: a limit of the arithmetic, not a sentence for people.
OUT_OF_REACH_ERROR = "no working time in the calendar's reach (it ends on 31/12/9999)"


class CalendarError(ValueError):
    """The calendar or the request cannot give an answer (bad office hours, negative time, a
    result past the calendar's end…)."""


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
        """The working days from ``first`` to ``last``, both included, in order (as long as
        the range: callers bound it)."""
        if last < first:
            raise CalendarError("the range ends before it starts")
        days = []
        for ordinal in range(first.toordinal(), last.toordinal() + 1):
            day = date.fromordinal(ordinal)
            if self.is_working_day(day):
                days.append(day)
        return days

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        found = self._nth_working_day(day.toordinal() + 1, 1)
        if found is None:
            raise CalendarError(OUT_OF_REACH_ERROR)
        return found

    # --- counting working days without walking them ---------------------------------------

    @cached_property
    def _exceptions(self) -> tuple[list[int], list[int]]:
        """The overrides that differ from the weekly rule, as sorted day ordinals, and the
        running sum of what each changes (+1 a worked weekend day, -1 a weekday off). The
        overrides are read once: a calendar is a value, rebuilt when the table changes."""
        changes = sorted(
            (day.toordinal(), 1 if working else -1)
            for day, working in self.overrides.items()
            if working is not None and working != (day.weekday() not in self.weekend)
        )
        ordinals = [ordinal for ordinal, _ in changes]
        running = [0, *accumulate(change for _, change in changes)]
        return ordinals, running

    @cached_property
    def _week_pattern(self) -> tuple[int, ...]:
        """Working (1) or not (0) by weekday, Monday first, under the weekly rule alone."""
        return tuple(0 if weekday in self.weekend else 1 for weekday in range(7))

    def _count_working_days(self, first: int, stop: int) -> int:
        """How many working days have an ordinal in ``[first, stop)``: whole weeks times the
        working days of a week, the remaining days by weekday, then the exceptions."""
        if stop <= first:
            return 0
        weeks, rest = divmod(stop - first, 7)
        pattern = self._week_pattern
        weekday = (first + 6) % 7  # ordinal 1, 01/01/0001, was a Monday
        count = weeks * sum(pattern) + sum(pattern[(weekday + i) % 7] for i in range(rest))
        ordinals, running = self._exceptions
        return count + running[bisect_left(ordinals, stop)] - running[bisect_left(ordinals, first)]

    def _nth_working_day(self, first: int, n: int) -> date | None:
        """The ``n``-th working day (``n`` ≥ 1) counting from the day of ordinal ``first``
        included, or ``None`` when the calendar ends (31/12/9999) before it."""
        first = max(first, FIRST_ORDINAL)
        if first > LAST_ORDINAL:
            return None
        # Gallop to a day by which n working days have passed, then bisect: a few counts for a
        # legal time of weeks, about forty for the far end of the calendar.
        span = 2 * n + 7
        while True:
            high = min(first + span, LAST_ORDINAL)
            if self._count_working_days(first, high + 1) >= n:
                break
            if high == LAST_ORDINAL:
                return None
            span *= 2
        low = first  # the answer is in [low, high]
        while low < high:
            middle = (low + high) // 2
            if self._count_working_days(first, middle + 1) >= n:
                high = middle
            else:
                low = middle + 1
        return date.fromordinal(low)

    def _last_working_day(self) -> date | None:
        """The calendar's last working day (31/12/9999 or before), ``None`` if it has none."""
        total = self._count_working_days(FIRST_ORDINAL, LAST_ORDINAL + 1)
        return self._nth_working_day(FIRST_ORDINAL, total) if total else None

    # --- moments -------------------------------------------------------------------------

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the calendar's zone. A moment the zone cannot hold (past 31/12/9999 or
        before 01/01/0001 there) saturates at the zone's first or last representable moment.

        A naive moment (no offset: a row written without time zone support, a spreadsheet) is
        read as the calendar's wall-clock time, the way an officer would read it."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            return moment.replace(tzinfo=self.tz)
        try:
            return moment.astimezone(self.tz)
        except OverflowError:
            edge = datetime.max if moment.year > 1 else datetime.min
            return edge.replace(tzinfo=self.tz)

    def _periods_on(self, day: date) -> Iterator[tuple[datetime, datetime]]:
        for start, end in self.office_hours.periods:
            yield (
                datetime.combine(day, start, tzinfo=self.tz),
                datetime.combine(day, end, tzinfo=self.tz),
            )

    def _opening(self, day: date) -> datetime:
        return datetime.combine(day, self.office_hours.periods[0][0], tzinfo=self.tz)

    def _closing(self, day: date) -> datetime:
        return datetime.combine(day, self.office_hours.periods[-1][1], tzinfo=self.tz)

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
        start = self._effective_start(moment, cutoff)
        if start is None:
            raise CalendarError(OUT_OF_REACH_ERROR)
        return start

    def _effective_start(self, moment: datetime, cutoff: time | None) -> datetime | None:
        local = self.local(moment)
        day = local.date()
        if self.is_working_day(day) and not (cutoff is not None and local.time() > cutoff):
            for start, end in self._periods_on(day):
                if local < start:
                    return start
                if local < end:
                    return local
        next_day = self._nth_working_day(day.toordinal() + 1, 1)
        return self._opening(next_day) if next_day is not None else None

    def add_working_seconds(
        self, moment: datetime, seconds: int, cutoff: time | None = None
    ) -> datetime:
        """Add ``seconds`` of working time to ``moment``.

        The result is always inside office hours of a working day or exactly at a closing time;
        adding zero gives the effective start. ``CalendarError`` when the result would fall
        after the calendar's end (31/12/9999) or the calendar has no working day left.
        """
        if seconds < 0:
            raise CalendarError("working time to add cannot be negative")
        due = self._add(moment, seconds, cutoff)
        if due is None:
            raise CalendarError(OUT_OF_REACH_ERROR)
        return due

    def _add(self, moment: datetime, seconds: int, cutoff: time | None) -> datetime | None:
        cursor = self._effective_start(moment, cutoff)
        if cursor is None:
            return None
        remaining = timedelta(seconds=seconds)
        if not remaining:
            return cursor
        day = cursor.date()
        for start, end in self._periods_on(day):
            if end <= cursor:
                continue
            begin = max(start, cursor)
            if remaining <= end - begin:
                # Landing exactly on a closing time stays there (DOMAIN A2).
                return begin + remaining
            remaining -= end - begin
        # Whole working days are skipped by counting them; only the last day is walked.
        whole_days, rest = divmod(remaining, timedelta(seconds=self.office_hours.day_seconds))
        if not rest:
            last = self._nth_working_day(day.toordinal() + 1, whole_days)
            return self._closing(last) if last is not None else None
        last = self._nth_working_day(day.toordinal() + 1, whole_days + 1)
        if last is None:
            return None
        for start, end in self._periods_on(last):
            if rest <= end - start:
                return start + rest
            rest -= end - start
        raise AssertionError("a working day holds a whole office day")  # pragma: no cover

    def postpone(self, moment: datetime, seconds: int) -> datetime:
        """Move a due moment later by ``seconds`` of working time actually paused (DOMAIN A2,
        A3: a supplement or a financial obligation moves the due moment by the paused working
        time). Zero leaves the moment exactly where it was — a due moment on a closing time
        stays there, it does not jump to the next opening as adding zero would.

        A stored moment so far ahead that the move passes the calendar's end stops at the last
        closing time of the calendar (or stays where it was, if already later): saturation, so
        that a corrupted or legacy due moment can still be resumed. ``CalendarError`` only for
        a calendar without any working day."""
        if seconds < 0:
            raise CalendarError("working time to add cannot be negative")
        if seconds == 0:
            return moment
        moved = self._add(moment, seconds, None)
        if moved is not None:
            return moved
        last_day = self._last_working_day()
        if last_day is None:
            raise CalendarError(OUT_OF_REACH_ERROR)
        aware = moment if moment.utcoffset() is not None else self.local(moment)
        return max(aware, self._closing(last_day))

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
        Any two moments of years 1 to 9999 are answered at once (whole days are counted, not
        walked).
        """
        first, last = self.local(start), self.local(end)
        if last < first:
            return -self.working_seconds_between(end, start)
        if first.date() == last.date():
            return int(self._office_time_on(first.date(), first, last).total_seconds())
        partial = self._office_time_on(first.date(), first, None) + self._office_time_on(
            last.date(), None, last
        )
        whole = self._count_working_days(first.toordinal() + 1, last.toordinal())
        return int(partial.total_seconds()) + whole * self.office_hours.day_seconds

    def _office_time_on(
        self, day: date, after: datetime | None, before: datetime | None
    ) -> timedelta:
        """Office time of ``day`` between ``after`` and ``before`` (``None``: no bound)."""
        total = timedelta()
        if not self.is_working_day(day):
            return total
        for start, end in self._periods_on(day):
            begin = start if after is None else max(start, after)
            finish = end if before is None else min(end, before)
            if finish > begin:
                total += finish - begin
        return total

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
