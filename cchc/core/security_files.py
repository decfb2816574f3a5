"""Where the security log's lines go, how long they stay, and how they are read back.

**Writing.** :class:`SecurityFileHandler` (settings.LOGGING, logger ``cchc.security``) appends
each line to ``security-YYYY-MM-DD.jsonl`` (the UTC day of the event) in
``CCHC_SECURITY_LOG_DIR``. Every line is one ``write()`` on a descriptor opened with
``O_APPEND``: the kernel moves to the end of the file and writes in one step, so the gunicorn
workers and Celery processes that write at the same time never interleave or overwrite each
other's lines. A file per day also makes rotation a non-event: no process renames a file
another still writes to (what loses lines with ``TimedRotatingFileHandler`` across processes),
the day's name changes by itself at midnight UTC.

**Keeping.** :func:`security_log_prune` removes the files of days older than
``CCHC_SECURITY_LOG_DAYS`` (400 by default: Decree 331/2026 Art. 13.2(b) asks for at least 12
months; the margin covers a collector that was down). It runs daily under Celery beat and as
``manage.py security_log_prune``.

**Reading.** :func:`security_log_search` reads the files backwards, newest line first, and
stops after a page of matches or after ``CCHC_SECURITY_LOG_SCAN_BYTES`` bytes, whichever comes
first, returning a cursor (day and byte offset) to continue from: a request never reads a year
of files. A stored line is untrusted text: malformed JSON, control characters, huge lines and
odd types are reported as such, never raised.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings

FILE_RE = re.compile(r"^security-(\d{4})-(\d{2})-(\d{2})\.jsonl$")
CURSOR_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})-(\d{1,15})$")

# A line longer than this is not one the application wrote (fields are bounded to 300
# characters): it is skipped when read, without ever being held whole in memory.
MAX_LINE_BYTES = 64 * 1024
_BLOCK = 64 * 1024
# Longest text of one field shown on the search page.
MAX_SHOWN = 300


def log_directory() -> Path:
    return Path(settings.CCHC_SECURITY_LOG_DIR)


def file_name(day: date) -> str:
    return f"security-{day:%Y-%m-%d}.jsonl"


def file_day(name: str) -> date | None:
    """The UTC day of a log file's name, or ``None`` for any other file."""
    match = FILE_RE.match(name)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


class SecurityFileHandler(logging.Handler):
    """Appends each record as one line to the file of its UTC day (see the module docstring).

    ``directory`` defaults to ``settings.CCHC_SECURITY_LOG_DIR``, read at each write so that
    tests (and an operator's override) take effect without reconfiguring logging."""

    def __init__(self, directory: str | None = None, level: int = logging.NOTSET) -> None:
        super().__init__(level)
        self.directory = directory

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
            # One record, one line, whatever a caller passed to this logger.
            text = text.replace("\r", "\\r").replace("\n", "\\n")
            day = datetime.fromtimestamp(record.created, UTC).date()
            directory = Path(self.directory) if self.directory else log_directory()
            append_line(directory / file_name(day), (text + "\n").encode("utf-8", "replace"))
        except Exception:
            self.handleError(record)


def append_line(path: Path, data: bytes) -> None:
    """Append ``data`` to ``path`` in one ``O_APPEND`` write (creating the file and its
    directory as needed, readable by the owner and its group only)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o640)
    except FileNotFoundError:
        path.parent.mkdir(mode=0o750, parents=True, exist_ok=True)
        fd = os.open(path, flags, 0o640)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)


# --- keeping ---------------------------------------------------------------------------------


@dataclass
class PruneResult:
    removed: list[str] = field(default_factory=list)
    kept: int = 0


def security_log_prune(
    *, today: date | None = None, days: int | None = None, directory: Path | None = None
) -> PruneResult:
    """Remove the log files of UTC days before the last ``days`` days (today included).

    Idempotent; files that are not the log's own (other names) are never touched."""
    today = today or datetime.now(UTC).date()
    days = settings.CCHC_SECURITY_LOG_DAYS if days is None else days
    directory = directory or log_directory()
    first_kept = today - timedelta(days=max(days, 1) - 1)
    result = PruneResult()
    try:
        names = sorted(os.listdir(directory))
    except FileNotFoundError:
        return result
    for name in names:
        day = file_day(name)
        if day is None:
            continue
        if day < first_kept:
            try:
                (directory / name).unlink()
            except FileNotFoundError:
                continue  # another process pruned it first
            result.removed.append(name)
        else:
            result.kept += 1
    return result


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    """Where a search stopped: the file's UTC day and the byte offset of the next line up."""

    day: date
    offset: int

    def __str__(self) -> str:
        return f"{self.day:%Y%m%d}-{self.offset}"

    @classmethod
    def parse(cls, text: str) -> Cursor | None:
        match = CURSOR_RE.match(text or "")
        if match is None:
            return None
        try:
            return cls(date(int(match[1]), int(match[2]), int(match[3])), int(match[4]))
        except ValueError:
            return None


@dataclass
class Entry:
    """One stored line as the page shows it. ``valid`` is false for a line that is not a
    JSON object (then ``raw`` holds its cleaned, cut text)."""

    valid: bool
    at: datetime | None = None
    event: str = ""
    outcome: str = ""
    username: str = ""
    ip: str = ""
    path: str = ""
    extra: list[tuple[str, str]] = field(default_factory=list)
    raw: str = ""
    too_long: bool = False
    record: dict | None = field(default=None, repr=False)


@dataclass
class Filters:
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    event: str = ""
    username: str = ""
    ip: str = ""
    outcome: str = ""

    @property
    def narrowing(self) -> bool:
        return bool(self.event or self.username or self.ip or self.outcome)


@dataclass
class SearchResult:
    entries: list[Entry]
    next_cursor: Cursor | None
    scanned_bytes: int
    budget_spent: bool
    malformed: int


def shown(value: Any) -> str:
    """A stored value as one bounded, printable line of text."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            text = repr(value)
    text = text[: MAX_SHOWN * 2]
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else "\ufffd" for ch in text)
    return text[:MAX_SHOWN] + ("…" if len(text) > MAX_SHOWN else "")


def parse_line(raw: bytes) -> Entry:
    """An entry from a stored line; never raises."""
    text = raw.decode("utf-8", "replace")
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        record = None
    if not isinstance(record, dict):
        return Entry(valid=False, raw=shown(text))
    at = None
    ts = record.get("ts")
    if isinstance(ts, str):
        try:
            at = datetime.fromisoformat(ts[:40])
        except ValueError:
            at = None
        if at is not None and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
    if at is None:
        return Entry(valid=False, raw=shown(text))

    def text_of(key: str) -> str:
        value = record.get(key)
        return "" if value is None else shown(value)

    return Entry(
        valid=True,
        at=at,
        event=text_of("event"),
        outcome=text_of("outcome"),
        username=text_of("username"),
        ip=text_of("ip"),
        path=text_of("path"),
        record=record,
    )


_KNOWN = frozenset({"ts", "event", "outcome", "username", "ip", "path", "user_id"})


def with_details(entry: Entry) -> Entry:
    """Fill ``extra`` (the line's other fields, at most 30), for a line that is shown."""
    record = entry.record or {}
    extra = [(shown(k), shown(v)) for k, v in list(record.items())[:30] if k not in _KNOWN]
    if record.get("user_id") is not None:
        extra.insert(0, ("user_id", shown(record["user_id"])))
    entry.extra = extra
    entry.record = None
    return entry


def matches(entry: Entry, filters: Filters) -> bool:
    if not entry.valid:
        # A broken line is shown only to a search that does not narrow by field: it can
        # match no field, and hiding it entirely would hide tampering.
        return not filters.narrowing
    if entry.at is None:  # a valid entry always has its moment; never matched without one
        return False
    if not (filters.start <= entry.at < filters.end):
        return False
    if filters.event and not entry.event.startswith(filters.event):
        return False
    if filters.outcome and entry.outcome != filters.outcome:
        return False
    if filters.username and filters.username.casefold() not in entry.username.casefold():
        return False
    return not (filters.ip and not entry.ip.startswith(filters.ip))


def lines_backwards(path: Path, end: int) -> Iterator[tuple[int, int, bytes | None]]:
    """The lines of ``path`` that end (newline included) at or before byte ``end``, last
    first, as (start, end, content). A line longer than ``MAX_LINE_BYTES`` comes with content
    ``None`` and is never held whole; bytes after the last newline (a line being written, or
    a cursor pointing mid-line) are left out."""
    with open(path, "rb") as handle:
        position = end
        buf = b""  # the bytes [position, line_end): ends with the newline of the next line
        line_end = end
        in_tail = True  # still looking for the last newline before ``end``
        skipping = False  # the line ending at ``line_end`` is too long to show
        while position > 0:
            size = min(_BLOCK, position)
            position -= size
            handle.seek(position)
            buf = handle.read(size) + buf
            if in_tail:
                cut = buf.rfind(b"\n")
                if cut < 0:
                    buf = b""
                    continue
                line_end = position + cut + 1
                buf = buf[: cut + 1]
                in_tail = False
            # Walk the lines of this block by index: slicing ``buf`` per line would copy
            # the block once per line (quadratic).
            stop = len(buf)
            while True:
                cut = buf.rfind(b"\n", 0, stop - 1)
                if cut < 0:
                    break
                content = buf[cut + 1 : stop - 1]
                start = position + cut + 1
                if content or skipping:
                    too_long = skipping or len(content) > MAX_LINE_BYTES
                    yield start, line_end, None if too_long else content
                skipping = False
                stop = cut + 1
                line_end = start
            buf = buf[:stop]
            if len(buf) > MAX_LINE_BYTES + 1:
                # Keep only the terminating newline: the line is reported, not read.
                buf = b"\n"
                skipping = True
        if not in_tail and (len(buf) > 1 or skipping):
            content = buf[:-1]
            too_long = skipping or len(content) > MAX_LINE_BYTES
            yield 0, line_end, None if too_long else content


def _days_with_files(directory: Path, first: date, last: date) -> list[date]:
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        return []
    days = {day for name in names if (day := file_day(name)) is not None and first <= day <= last}
    return sorted(days, reverse=True)


def security_log_search(
    filters: Filters,
    *,
    cursor: Cursor | None = None,
    limit: int = 50,
    budget_bytes: int | None = None,
    directory: Path | None = None,
) -> SearchResult:
    """The lines matching ``filters``, newest first: at most ``limit`` of them, reading at
    most about ``budget_bytes`` bytes (``CCHC_SECURITY_LOG_SCAN_BYTES``). ``next_cursor`` is
    where to go on from when there may be more."""
    directory = directory or log_directory()
    budget = settings.CCHC_SECURITY_LOG_SCAN_BYTES if budget_bytes is None else budget_bytes
    last_day = (filters.end - timedelta(microseconds=1)).astimezone(UTC).date()
    days = _days_with_files(directory, filters.start.astimezone(UTC).date(), last_day)
    if cursor is not None:
        days = [day for day in days if day <= cursor.day]
    entries: list[Entry] = []
    scanned = 0
    malformed = 0
    # Case-sensitive filters must appear verbatim in a line that matches (the writer does not
    # escape non-ASCII); lines without them are skipped unparsed. Broken lines never match a
    # narrowing search anyway.
    needles = [f.encode() for f in (filters.event, filters.ip, filters.outcome) if f]
    for day in days:
        path = directory / file_name(day)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            continue  # pruned meanwhile
        end = min(cursor.offset, size) if cursor is not None and day == cursor.day else size
        try:
            for start, line_end, raw in lines_backwards(path, end):
                if len(entries) >= limit or scanned >= budget:
                    spent = scanned >= budget and len(entries) < limit
                    return SearchResult(entries, Cursor(day, line_end), scanned, spent, malformed)
                scanned += line_end - start
                if raw is not None and needles and not all(n in raw for n in needles):
                    continue  # cannot match: not worth parsing
                entry = parse_line(raw) if raw is not None else Entry(valid=False, too_long=True)
                if not entry.valid:
                    malformed += 1
                if matches(entry, filters):
                    entries.append(with_details(entry))
        except OSError:
            continue  # unreadable (permissions, removed): the page says what it could read
    return SearchResult(entries, None, scanned, False, malformed)
