"""The security log's files: one line per event even with several processes writing at once,
a file per UTC day, 400 days kept, and a reader that survives whatever a file holds."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cchc.core.security_files import (
    MAX_LINE_BYTES,
    Cursor,
    Filters,
    SecurityFileHandler,
    file_name,
    lines_backwards,
    security_log_prune,
    security_log_search,
)
from cchc.core.security_log import security_event

WRITERS = 6
LINES_EACH = 400


def _write_lines(directory: str, writer: int, start_barrier) -> None:
    """In a child process: log LINES_EACH lines of a few kilobytes on a private logger."""
    logger = logging.getLogger(f"seclog-test-{writer}")
    logger.handlers = [SecurityFileHandler(directory)]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    start_barrier.wait()
    for seq in range(LINES_EACH):
        body = "x" * (500 + (seq * 37 + writer * 101) % 3500)
        logger.info(json.dumps({"writer": writer, "seq": seq, "body": body}))


def test_several_processes_writing_at_once_neither_interleave_nor_lose_lines(tmp_path):
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WRITERS)
    workers = [
        context.Process(target=_write_lines, args=(str(tmp_path), n, barrier))
        for n in range(WRITERS)
    ]
    for worker in workers:
        worker.start()
    try:
        for worker in workers:
            worker.join(timeout=120)
        assert [worker.exitcode for worker in workers] == [0] * WRITERS
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.kill()
                worker.join()
    seen = set()
    lines = 0
    for path in tmp_path.glob("security-*.jsonl"):  # two files if the run crossed midnight UTC
        for raw in path.read_bytes().split(b"\n")[:-1]:
            record = json.loads(raw)  # a torn or interleaved line would not parse
            seen.add((record["writer"], record["seq"]))
            lines += 1
    assert lines == WRITERS * LINES_EACH
    assert seen == {(w, s) for w in range(WRITERS) for s in range(LINES_EACH)}


def test_a_line_goes_to_the_file_of_its_utc_day_and_stays_one_line(tmp_path):
    handler = SecurityFileHandler(str(tmp_path))
    record = logging.LogRecord("cchc.security", logging.INFO, __file__, 1, "a\nb\rc", None, None)
    record.created = datetime(2026, 3, 1, 23, 30, tzinfo=UTC).timestamp()
    handler.emit(record)
    assert (tmp_path / "security-2026-03-01.jsonl").read_text() == "a\\nb\\rc\n"


def test_security_event_writes_through_the_configured_handler(settings, tmp_path):
    settings.CCHC_SECURITY_LOG_DIR = str(tmp_path / "nested" / "dir")
    security_event("test.event", outcome="failure", note="dòng\nthứ hai\x00")
    [path] = (tmp_path / "nested" / "dir").glob("*.jsonl")
    assert path.name == file_name(datetime.now(UTC).date())
    [line] = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["event"] == "test.event" and record["note"] == "dòng thứ hai "
    assert oct(path.stat().st_mode & 0o777) == "0o640"


def _touch_days(directory, today: date, ages: range) -> None:
    for age in ages:
        (directory / file_name(today - timedelta(days=age))).write_text("{}\n")


def test_pruning_keeps_400_days_and_removes_what_is_older(tmp_path):
    today = date(2026, 12, 6)
    _touch_days(tmp_path, today, range(0, 420))
    (tmp_path / "notes.txt").write_text("not ours")
    (tmp_path / "security-2025-02-30.jsonl").write_text("not a day")
    result = security_log_prune(today=today, days=400, directory=tmp_path)
    assert result.kept == 400
    assert len(result.removed) == 20
    assert (tmp_path / file_name(today - timedelta(days=399))).exists()
    assert not (tmp_path / file_name(today - timedelta(days=400))).exists()
    assert (tmp_path / "notes.txt").exists() and (tmp_path / "security-2025-02-30.jsonl").exists()
    again = security_log_prune(today=today, days=400, directory=tmp_path)
    assert again.removed == [] and again.kept == 400


def test_the_prune_command_uses_the_setting_and_refuses_less_than_a_year(settings, tmp_path):
    settings.CCHC_SECURITY_LOG_DIR = str(tmp_path)
    settings.CCHC_SECURITY_LOG_DAYS = 400
    today = datetime.now(UTC).date()
    _touch_days(tmp_path, today, range(0, 402))
    out = StringIO()
    call_command("security_log_prune", stdout=out)
    assert "Đã xoá 2 tệp, giữ lại 400 tệp." in out.getvalue()
    with pytest.raises(CommandError, match="ít nhất 12 tháng"):
        call_command("security_log_prune", "--days", "30")


def test_pruning_a_missing_directory_is_not_an_error(tmp_path):
    assert security_log_prune(directory=tmp_path / "absent").kept == 0


# --- reading -----------------------------------------------------------------------------------


def _line(ts: datetime, **fields) -> str:
    return json.dumps({"ts": ts.isoformat(), "outcome": "success", **fields}) + "\n"


def _whole_day(day: date) -> Filters:
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return Filters(start=start, end=start + timedelta(days=1))


def test_the_reader_gives_lines_newest_first_and_resumes_from_its_cursor(tmp_path):
    day = date(2026, 5, 4)
    base = datetime(2026, 5, 4, 1, tzinfo=UTC)
    (tmp_path / file_name(day)).write_text(
        "".join(_line(base + timedelta(minutes=n), event=f"e.{n}") for n in range(7))
    )
    first = security_log_search(_whole_day(day), limit=3, directory=tmp_path)
    assert [e.event for e in first.entries] == ["e.6", "e.5", "e.4"]
    second = security_log_search(
        _whole_day(day), cursor=Cursor.parse(str(first.next_cursor)), limit=3, directory=tmp_path
    )
    assert [e.event for e in second.entries] == ["e.3", "e.2", "e.1"]
    third = security_log_search(
        _whole_day(day), cursor=second.next_cursor, limit=3, directory=tmp_path
    )
    assert [e.event for e in third.entries] == ["e.0"] and third.next_cursor is None


def test_the_reader_stops_at_its_byte_budget_and_says_where_to_go_on(tmp_path):
    day = date(2026, 5, 4)
    base = datetime(2026, 5, 4, 1, tzinfo=UTC)
    lines = [_line(base, event="auth.login", username="ai")]
    lines += [_line(base + timedelta(seconds=n), event="document.open") for n in range(2000)]
    (tmp_path / file_name(day)).write_text("".join(lines))
    filters = _whole_day(day)
    filters.event = "auth."
    result = security_log_search(filters, budget_bytes=20_000, directory=tmp_path)
    assert result.entries == [] and result.budget_spent
    assert 20_000 <= result.scanned_bytes < 21_000
    assert result.next_cursor is not None
    cursor = result.next_cursor
    for _ in range(100):
        result = security_log_search(
            filters, cursor=cursor, budget_bytes=20_000, directory=tmp_path
        )
        if result.entries:
            break
        cursor = result.next_cursor
    assert [e.username for e in result.entries] == ["ai"]


def test_hostile_lines_are_reported_never_raised(tmp_path):
    day = date(2026, 5, 4)
    ts = datetime(2026, 5, 4, 2, tzinfo=UTC)
    hostile = [
        b"not json at all\n",
        b"[1, 2, 3]\n",
        b'{"ts": "hier", "event": "x"}\n',
        b'{"ts": 5}\n',
        b"\xff\xfe\x00\x1b[31m\n",
        b'{"ts": "' + ts.isoformat().encode() + b'", "event": {"nested": [1]}, "ip": 7}\n',
        b"[" * 100_000 + b"\n",
        b"y" * (MAX_LINE_BYTES * 3) + b"\n",
        _line(ts, event="auth.login", username="\x07<script>", extra="z" * 5000).encode(),
        b"half a line without its newline",
    ]
    (tmp_path / file_name(day)).write_bytes(b"".join(hostile))
    result = security_log_search(_whole_day(day), directory=tmp_path)
    assert len(result.entries) == 9
    good = result.entries[0]
    assert good.valid and good.username == "\ufffd<script>"
    assert all(len(value) <= 301 for _key, value in good.extra)
    too_long = result.entries[1]
    assert too_long.too_long and not too_long.valid
    odd = result.entries[3]
    assert odd.valid and odd.event == '{"nested": [1]}' and odd.ip == "7"
    assert result.malformed == 7
    narrowed = _whole_day(day)
    narrowed.username = "<script"
    assert len(security_log_search(narrowed, directory=tmp_path).entries) == 1


def test_a_line_far_longer_than_any_block_is_skipped_without_being_held(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"a\n" + b"b" * (MAX_LINE_BYTES * 20) + b"\n" + b"c\n")
    got = list(lines_backwards(path, os.path.getsize(path)))
    assert [content for _s, _e, content in got] == [b"c", None, b"a"]


def test_keeping_the_log_less_than_a_year_fails_the_deployment_check(settings):
    from django.core.checks import run_checks

    settings.CCHC_SECURITY_LOG_DAYS = 90
    [error] = [m for m in run_checks(include_deployment_checks=True) if m.id == "seclog.E001"]
    assert "CCHC_SECURITY_LOG_DAYS" in error.msg and error.is_serious()
    settings.CCHC_SECURITY_LOG_DAYS = 400
    assert not [m for m in run_checks(include_deployment_checks=True) if m.id == "seclog.E001"]
