"""The API's date and moment types take only what the OpenAPI document says: text written as
ISO 8601 (a day ``YYYY-MM-DD``; a moment with its offset) — not a number read as a Unix
timestamp, which pydantic would otherwise accept and a client could never guess."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import TypeAdapter, ValidationError

from cchc.core.validation import ApiDate, ApiMoment

MOMENT = TypeAdapter(ApiMoment)
DAY = TypeAdapter(ApiDate)


@pytest.mark.parametrize(
    "value",
    [
        0,
        1900000000,
        "0",
        "1900000000",
        1.5,
        "2031-01-06",
        "2031-01-06 09:00:00+07:00",
        "2031-01-06T09:00+07:00",
    ],
)
def test_a_moment_is_iso_8601_text_and_nothing_else(value):
    with pytest.raises(ValidationError):
        MOMENT.validate_python(value)


def test_a_moment_with_its_offset_is_taken():
    moment = MOMENT.validate_python("2031-01-06T09:00:00+07:00")
    assert moment.astimezone(UTC) == datetime(2031, 1, 6, 2, tzinfo=UTC)
    assert MOMENT.validate_python("2031-01-06T09:00:00 07:00") == moment  # '+' lost in a URL


@pytest.mark.parametrize("value", [0, "0", "1700000000", "2025-03-05T00:00:00", "5/3/2025"])
def test_a_day_is_yyyy_mm_dd_and_nothing_else(value):
    with pytest.raises(ValidationError):
        DAY.validate_python(value)


def test_a_day_as_written_is_taken():
    assert DAY.validate_python("2025-03-05") == date(2025, 3, 5)
