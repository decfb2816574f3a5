"""Reading one cell of an imported framework workbook (numbers with a comma or dot, percentages,
"x" flags, Vietnamese choices, dd/mm/yyyy dates): a bad cell is recorded as an error located by
sheet, Excel row and column, and reading goes on so that every error is found."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from cchc.catalog.excel.cells import cell_decimal, cell_text
from cchc.catalog.excel.layout import (
    ERR_CHOICE,
    ERR_CONTROL,
    ERR_DATE,
    ERR_FLAG,
    ERR_INTEGER,
    ERR_NUMBER,
    ERR_REQUIRED,
    ERR_TOO_LONG,
    ImportRowError,
)
from cchc.core.text import fold
from cchc.core.validation import forbidden_character
from cchc.parindex.excel.layout import ERR_POINTS, ERR_RATE, HUNDRED, MAX_POINTS
from cchc.parindex.frameworks import POINT_PLACES, RATE_PLACES
from cchc.parindex.models import MAX_YEAR, MIN_YEAR


class Cells:
    """Typed getters over one row that record a located error for a bad cell."""

    def __init__(self, sheet: str, number: int, errors: list[ImportRowError]) -> None:
        self.sheet, self.row, self.errors = sheet, number, errors

    def fail(self, column: str, letter: str, message: str) -> None:
        self.errors.append(ImportRowError(self.sheet, self.row, column, letter, message))

    def text(self, raw: object, where: tuple[str, str], *, required: bool, limit: int) -> str:
        value = cell_text(raw)
        found = forbidden_character(value)
        if found is not None:
            self.fail(*where, _(ERR_CONTROL).format(position=found[0], char=found[1]))
        elif required and not value:
            self.fail(*where, _(ERR_REQUIRED))
        elif len(value) > limit:
            self.fail(*where, _(ERR_TOO_LONG).format(n=limit))
        return value

    def number(self, raw: object, where: tuple[str, str], *, required: bool) -> Decimal | None:
        if not cell_text(raw):
            if required:
                self.fail(*where, _(ERR_REQUIRED))
            return None
        value = cell_decimal(raw)
        if value is None:
            self.fail(*where, _(ERR_NUMBER).format(value=cell_text(raw)))
        return value

    def points(self, raw: object, where: tuple[str, str], *, required: bool) -> Decimal | None:
        value = self.number(raw, where, required=required)
        if value is None:
            return None
        if not 0 <= value <= MAX_POINTS or value != value.quantize(POINT_PLACES):
            self.fail(*where, _(ERR_POINTS).format(high=int(MAX_POINTS)))
            return None
        return value.quantize(POINT_PLACES)

    def rate(self, raw: object, where: tuple[str, str]) -> Decimal | None:
        """A percentage cell (``95`` or ``95%``) as a rate in [0, 1] with 4 decimals."""
        text = cell_text(raw).rstrip("%").strip() if isinstance(raw, str) else raw
        value = self.number(text, where, required=False)
        if value is None:
            return None
        if not 0 <= value <= HUNDRED or value != value.quantize(POINT_PLACES):
            self.fail(*where, _(ERR_RATE))
            return None
        return (value / HUNDRED).quantize(RATE_PLACES)

    def choice(
        self, raw: object, where: tuple[str, str], labels: dict[str, str], default: str | None
    ) -> str | None:
        text = cell_text(raw)
        if not text:
            if default is None:
                self.fail(*where, _(ERR_REQUIRED))
            return default
        accepted = {fold(str(label)): value for value, label in labels.items()}
        accepted.update({fold(str(value)): value for value in labels})
        value = accepted.get(fold(text))
        if value is None:
            choices = " / ".join(str(v) for v in labels.values())
            self.fail(*where, _(ERR_CHOICE).format(value=text, choices=choices))
        return value

    def flag(self, raw: object, where: tuple[str, str], default: bool) -> bool:
        if isinstance(raw, bool):
            return raw
        text = fold(cell_text(raw))
        if not text:
            return default
        if text in {"x", "co", "1", "true", "yes"}:
            return True
        if text in {"khong", "0", "false", "no"}:
            return False
        self.fail(*where, _(ERR_FLAG).format(value=cell_text(raw)))
        return default

    def day(self, raw: object, where: tuple[str, str], *, required: bool) -> date | None:
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = cell_text(raw)
        if not text:
            if required:
                self.fail(*where, _(ERR_REQUIRED))
            return None
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match and MIN_YEAR <= int(match[3]) <= MAX_YEAR:
            try:
                return date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass
        self.fail(*where, _(ERR_DATE).format(value=text))
        return None

    def integer(
        self, raw: object, where: tuple[str, str], *, low: int, high: int, required: bool
    ) -> int | None:
        value = self.number(raw, where, required=required)
        if value is None:
            return None
        if value != value.to_integral_value() or not low <= value <= high:
            self.fail(*where, _(ERR_INTEGER).format(low=low, high=high))
            return None
        return int(value)
