"""Working time as one integer, for generating millions of due moments fast.

The loader needs five or six due moments per dossier; ``WorkCalendar.add_working_seconds``
answers each in about ten microseconds, too slow for fifty million. Over a fixed range of
dates the working calendar is a list of working days, and an office moment is a number:
the working seconds since the first day's opening (``wt``). Adding working time is then an
addition, and the time a step used a subtraction. The conversion back to a date and a clock
follows DOMAIN A2 as ``cchc.domain.workdays`` does: a moment that lands exactly on a closing
time stays there (a due moment), a moment that starts there starts at the next opening.
tests/bench/test_generator.py checks the two against each other on random moments.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, datetime, time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc.domain.workdays import WorkCalendar


class WorkTime:
    """Working-time arithmetic over the working days of ``first``–``last`` (both included).

    Moments are ints (``wt``). ``start_*`` reads a wt as the moment something starts or
    happens (a closing time is the next opening), ``due_*`` as the moment something is due (the
    end of working time: a closing time stays a closing time)."""

    def __init__(self, calendar: WorkCalendar, first: date, last: date) -> None:
        self.calendar = calendar
        self.days = calendar.working_days(first, last)
        self.day_seconds = calendar.office_hours.day_seconds
        self.iso_days = [day.isoformat() for day in self.days]
        self.ordinals = [day.toordinal() for day in self.days]
        periods = calendar.office_hours.periods
        # Office second s of a working day → clock seconds since midnight, both readings.
        self._start_clock: list[int] = []
        self._due_clock: list[int] = [0]
        for opening, closing in periods:
            a, b = _seconds(opening), _seconds(closing)
            self._start_clock.extend(range(a, b))
            self._due_clock.extend(range(a + 1, b + 1))
        self._due_clock[0] = self._start_clock[0]
        self.closing = _seconds(periods[-1][1])
        # Text of a moment = day text + clock text (two list lookups: millions of them).
        self.day_text = [f"{day} " for day in self.iso_days]
        self.day_iso = [f"{day}T" for day in self.iso_days]
        clocks = [f"{c // 3600:02d}:{c % 3600 // 60:02d}:{c % 60:02d}" for c in range(86401)]
        self.clock_text = [f"{clock}+07" for clock in clocks]
        self.clock_iso = [f"{clock}+07:00" for clock in clocks]

    # --- from dates and clocks to wt ------------------------------------------------------

    def day_index(self, day: date) -> int:
        """The index of the first working day on or after ``day``."""
        return bisect_left(self.ordinals, day.toordinal())

    def office_second(self, clock: int) -> int | None:
        """The office second of a clock time (seconds since midnight) inside office hours,
        ``None`` outside them."""
        total = 0
        for opening, closing in self.calendar.office_hours.periods:
            a, b = _seconds(opening), _seconds(closing)
            if a <= clock < b:
                return total + clock - a
            total += b - a
        return None

    def effective_start(self, wt: int, cutoff: int | None) -> int:
        """When the legal clock starts for a dossier received at ``wt`` (an office moment): then,
        or the next opening when the clock time is past the procedure's cut-off."""
        if cutoff is not None and self.start_clock(wt) > cutoff:
            return (wt // self.day_seconds + 1) * self.day_seconds
        return wt

    # --- from wt to dates and clocks ------------------------------------------------------

    def start_clock(self, wt: int) -> int:
        return self._start_clock[wt % self.day_seconds]

    def start_key(self, wt: int) -> tuple[int, int]:
        """(day index, clock seconds) of a moment that happens at ``wt``: ordered as real
        time is."""
        k, s = divmod(wt, self.day_seconds)
        return k, self._start_clock[s]

    def due_key(self, wt: int) -> tuple[int, int]:
        """(day index, clock seconds) of a moment due at ``wt`` (a closing time stays one)."""
        k, s = divmod(wt, self.day_seconds)
        if s == 0 and k > 0:
            return k - 1, self.closing
        return k, self._due_clock[s]

    def text(self, key: tuple[int, int]) -> str:
        """``YYYY-MM-DD HH:MM:SS+07``: PostgreSQL's text input of a local moment."""
        return self.day_text[key[0]] + self.clock_text[key[1]]

    def iso(self, key: tuple[int, int]) -> str:
        """``YYYY-MM-DDTHH:MM:SS+07:00``: ``datetime.isoformat()`` of a local moment."""
        return self.day_iso[key[0]] + self.clock_iso[key[1]]

    def moment(self, key: tuple[int, int]) -> datetime:
        k, clock = key
        hours, rest = divmod(clock, 3600)
        return datetime.combine(
            self.days[k], time(hours, rest // 60, rest % 60), tzinfo=self.calendar.tz
        )


def timeliness(finished: tuple[int, int], due: tuple[int, int]) -> int:
    """``cchc.domain.lifecycle.timeliness`` on keys: 0 early (a date before the due date),
    1 on time, 2 late (after the due moment)."""
    if finished > due:
        return 2
    if finished[0] < due[0]:
        return 0
    return 1


def _seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second
