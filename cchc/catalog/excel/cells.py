"""Reading one cell of an imported workbook: text, codes, numbers with a comma or dot decimal,
"x" flags, Vietnamese choices, dd/mm/yyyy dates and HH:MM times. A bad cell is recorded as an
error located by sheet, Excel row and column; reading goes on so every error is found.

A text cell holding a control character (``cchc.core.validation``) is such an error: the import
is refused with the cell named rather than the character silently stripped, as for any other
bad cell — the officer fixes the source file, and what is published is what the file says."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from cchc.catalog.excel.layout import (
    COLUMNS,
    ERR_AGENCY,
    ERR_CHOICE,
    ERR_CONTROL,
    ERR_DATE,
    ERR_FLAG,
    ERR_INTEGER,
    ERR_NUMBER,
    ERR_POSITIVE,
    ERR_REQUIRED,
    ERR_TIME,
    ERR_TOO_LONG,
    ImportRowError,
)
from cchc.core.text import fold
from cchc.core.validation import forbidden_character

_TRUE = frozenset({"x", "co", "1", "true", "yes"})
_FALSE = frozenset({"", "khong", "0", "false", "no"})
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}([.,]\d{3})+")
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_TIME = re.compile(r"(\d{1,2})[:hH](\d{2})")
MAX_HOURS = Decimal("99999.99")  # DecimalField(max_digits=7, decimal_places=2)
CENT = Decimal("0.01")


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class RowReader:
    """One data row being read: typed getters that record a located error for a bad cell."""

    def __init__(self, sheet: str, number: int, values: tuple, errors: list) -> None:
        self.sheet, self.number, self.values, self.errors = sheet, number, values, errors
        self.columns = COLUMNS[sheet]
        self.index = {key: i for i, (key, _header) in enumerate(self.columns)}
        for (key, _header), value in zip(self.columns, values, strict=False):
            found = forbidden_character(value) if isinstance(value, str) else None
            if found is not None:
                self.fail(key, _(ERR_CONTROL).format(position=found[0], char=found[1]))

    def raw(self, key: str) -> object:
        return self.values[self.index[key]]

    def fail(self, key: str, message: str) -> None:
        i = self.index[key]
        column, letter = self.columns[i][1], get_column_letter(i + 1)
        self.errors.append(ImportRowError(self.sheet, self.number, column, letter, message))

    def text(self, key: str, *, required: bool = False, max_length: int = 255) -> str:
        value = cell_text(self.raw(key))
        if required and not value:
            self.fail(key, _(ERR_REQUIRED))
        elif len(value) > max_length:
            self.fail(key, _(ERR_TOO_LONG).format(n=max_length))
        return value

    def code(self) -> str:
        return cell_code(self.raw("code"))

    def hours(self, key: str, *, required: bool = True) -> Decimal | None:
        """A positive amount with at most two decimals (legal time, step budget)."""
        value = self._number(key, required=required)
        if value is None:
            return None
        if not (0 < value <= MAX_HOURS) or value != value.quantize(CENT):
            self.fail(key, _(ERR_POSITIVE).format(high=vn_number(MAX_HOURS)))
            return None
        return value.quantize(CENT)

    def integer(
        self, key: str, *, low: int, high: int, default: int | None = None, message: str = ""
    ) -> int | None:
        value = self._number(key, required=default is None, grouping=bool(message))
        if value is None:
            return default
        if value != value.to_integral_value() or not low <= value <= high:
            self.fail(key, message or _(ERR_INTEGER).format(low=low, high=high))
            return None
        return int(value)

    def _number(self, key: str, *, required: bool, grouping: bool = False) -> Decimal | None:
        raw = self.raw(key)
        if not cell_text(raw):
            if required:
                self.fail(key, _(ERR_REQUIRED))
            return None
        value = cell_decimal(raw, grouping=grouping)
        if value is None:
            self.fail(key, _(ERR_NUMBER).format(value=cell_text(raw)))
        return value

    def flag(self, key: str) -> bool:
        raw = self.raw(key)
        if isinstance(raw, bool):
            return raw
        text = fold(cell_text(raw))
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        self.fail(key, _(ERR_FLAG).format(value=cell_text(raw)))
        return False

    def choice(self, key: str, labels: dict[str, str], *, default: str | None = None) -> str | None:
        text = cell_text(self.raw(key))
        if not text:
            if default is None:
                self.fail(key, _(ERR_REQUIRED))
            return default
        accepted = {fold(label): value for value, label in labels.items()}
        accepted.update({fold(value): value for value in labels})
        value = accepted.get(fold(text))
        if value is None:
            choices = " / ".join(labels.values())
            self.fail(key, _(ERR_CHOICE).format(value=text, choices=choices))
        return value

    def day(self, key: str) -> date | None:
        raw = self.raw(key)
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = cell_text(raw)
        match = _DATE.fullmatch(text)
        if not text:
            return None
        if match:
            try:
                return date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass
        self.fail(key, _(ERR_DATE).format(value=text))
        return None

    def clock(self, key: str) -> time | None:
        raw = self.raw(key)
        if isinstance(raw, datetime):
            raw = raw.time()
        if isinstance(raw, time):
            # Excel keeps times as fractions of a day: 16:30 may come back as 16:29:59.999.
            minutes = round((raw.hour * 3600 + raw.minute * 60 + raw.second) / 60 + 1e-9)
            raw = f"{minutes // 60:02d}:{minutes % 60:02d}"
        text = cell_text(raw)
        match = _TIME.fullmatch(text)
        if not text:
            return None
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return time(int(match[1]), int(match[2]))
        self.fail(key, _(ERR_TIME).format(value=text))
        return None

    def agency(self, key: str, known: dict[str, int]) -> int | None:
        code = cell_text(self.raw(key)).upper()
        if code and code not in known:
            self.fail(key, _(ERR_AGENCY).format(code=code))
        return known.get(code)

    def agencies(self, key: str, known: dict[str, int]) -> list[int]:
        ids = []
        for code in agency_codes(self.raw(key)):
            if code in known:
                ids.append(known[code])
            else:
                self.fail(key, _(ERR_AGENCY).format(code=code))
        return list(dict.fromkeys(ids))


def cell_code(raw: object) -> str:
    # Excel turns a typed 1.000100 into the number 1.0001: a procedure code has six decimals.
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return f"{raw:.6f}"
    return cell_text(raw)


def agency_codes(raw: object) -> list[str]:
    return [c.strip().upper() for c in re.split(r"[;,\n]", cell_text(raw)) if c.strip()]


def cell_decimal(raw: object, *, grouping: bool = False) -> Decimal | None:
    """A number from a cell: Excel numbers, or text with a comma or dot decimal separator
    ("1,5", "1.5", "1.234,5"); with ``grouping``, "75.000" is seventy-five thousand."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float | Decimal):
        value = Decimal(str(raw))
        return value if value.is_finite() else None
    text = cell_text(raw).replace(" ", "").replace("\u00a0", "")
    if grouping and _GROUPED.fullmatch(text):
        text = text.replace(".", "").replace(",", "")
    elif "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        grouping_mark = "." if decimal_mark == "," else ","
        text = text.replace(grouping_mark, "").replace(decimal_mark, ".")
    else:
        text = text.replace(",", ".")
    return Decimal(text) if _NUMBER.fullmatch(text) else None


def vn_number(value: Decimal) -> str:
    whole, _dot, cents = f"{value:,.2f}".partition(".")
    return whole.replace(",", ".") + ("," + cents.rstrip("0") if cents.rstrip("0") else "")
