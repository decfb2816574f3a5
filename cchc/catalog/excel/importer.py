"""Importing a catalogue workbook: all or nothing.

Every cell of every sheet is checked first (``checks``) and every problem is reported with its
sheet, Excel row and column; only a file without a single problem is written, in one
transaction (``writer``). The file is untrusted: size, zip and row limits come before parsing.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import IO

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from cchc.catalog.excel.cells import cell_text
from cchc.catalog.excel.checks import Plan, validate
from cchc.catalog.excel.layout import (
    COLUMNS,
    ERR_CONFLICT,
    ERR_CORRUPT,
    ERR_EMPTY_FILE,
    ERR_FILE_TOO_BIG,
    ERR_HEADER,
    ERR_MISSING_SHEET,
    ERR_MORE,
    ERR_NOT_XLSX,
    ERR_TOO_MANY_ROWS,
    MAX_CHILD_ROWS,
    MAX_FILE_BYTES,
    MAX_PROCEDURE_ROWS,
    MAX_REPORTED_ERRORS,
    MAX_UNPACKED_BYTES,
    SHEET_PROCEDURES,
    SHEETS,
    ImportResult,
    ImportRowError,
    file_error,
)
from cchc.catalog.excel.writer import Rollback, write
from cchc.core.text import fold

logger = logging.getLogger(__name__)


def import_procedures(
    file_obj: IO[bytes], *, actor: object | None, dry_run: bool = False
) -> ImportResult:
    """Check every row of ``file_obj`` and, only if there is no error, write it all at once.

    Never raises for a bad file: problems come back in ``ImportResult.errors`` in Vietnamese,
    located by sheet, Excel row and column. ``dry_run`` checks and writes, then rolls back:
    the counts are real and nothing is kept.
    """
    rows, errors = _read_file(file_obj)
    if errors:
        return ImportResult(errors=_finish(errors))
    plan = Plan()
    errors = validate(rows, plan)
    if errors:
        return ImportResult(errors=_finish(errors))
    try:
        with transaction.atomic():
            result = write(plan, actor)
            if dry_run:
                transaction.set_rollback(True)
            return result
    except Rollback as stop:
        return ImportResult(errors=[stop.error])
    except IntegrityError:
        return ImportResult(errors=[file_error(_(ERR_CONFLICT))])


def _finish(errors: list[ImportRowError]) -> list[ImportRowError]:
    def key(e: ImportRowError) -> tuple:
        order = SHEETS.index(e.sheet) if e.sheet in SHEETS else -1
        return (order, e.row or 0, len(e.column_letter), e.column_letter)

    errors = sorted(errors, key=key)
    if len(errors) > MAX_REPORTED_ERRORS:
        more = len(errors) - MAX_REPORTED_ERRORS
        errors = [*errors[:MAX_REPORTED_ERRORS], file_error(_(ERR_MORE).format(n=more))]
    return errors


def _read_file(file_obj: IO[bytes]) -> tuple[dict[str, list], list[ImportRowError]]:
    return read_workbook(file_obj, _read_sheets, max_bytes=MAX_FILE_BYTES)


def read_workbook(
    file_obj: IO[bytes],
    read_sheets: Callable[[Workbook], tuple[dict[str, list], list[ImportRowError]]],
    *,
    max_bytes: int,
) -> tuple[dict[str, list], list[ImportRowError]]:
    """Open an untrusted upload as a workbook and hand it to ``read_sheets``: too big (as sent
    or unpacked: a zip bomb), empty, not an .xlsx or unreadable → one file-level error, never an
    exception. Shared by every workbook import (the catalogue, the PAR Index frameworks)."""
    too_big = file_error(_(ERR_FILE_TOO_BIG).format(mb=max_bytes // (1024 * 1024)))
    if (getattr(file_obj, "size", None) or 0) > max_bytes:
        return {}, [too_big]
    if hasattr(file_obj, "seek"):
        file_obj.seek(0)
    data = file_obj.read(max_bytes + 1)
    if not data:
        return {}, [file_error(_(ERR_EMPTY_FILE))]
    if len(data) > max_bytes:
        return {}, [too_big]
    if not zipfile.is_zipfile(BytesIO(data)):
        return {}, [file_error(_(ERR_NOT_XLSX))]
    with zipfile.ZipFile(BytesIO(data)) as archive:
        members = archive.infolist()
    if "[Content_Types].xml" not in {m.filename for m in members}:
        return {}, [file_error(_(ERR_NOT_XLSX))]
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        return {}, [too_big]
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
        try:
            return read_sheets(book)
        finally:
            book.close()
    except Exception:
        # Whatever the parser trips on in an untrusted file, the answer is "bad file", not a 500.
        logger.info("unreadable workbook", exc_info=True)
        return {}, [file_error(_(ERR_CORRUPT))]


def _read_sheets(book: Workbook) -> tuple[dict[str, list], list[ImportRowError]]:
    by_name = {fold(name): name for name in book.sheetnames}
    errors, rows = [], {}
    for sheet, columns in COLUMNS.items():
        if fold(sheet) not in by_name:
            message = _(ERR_MISSING_SHEET).format(sheet=sheet, sheets=", ".join(SHEETS))
            errors.append(ImportRowError(sheet, None, "", "", message))
            continue
        width, body = len(columns), []
        limit = MAX_PROCEDURE_ROWS if sheet == SHEET_PROCEDURES else MAX_CHILD_ROWS
        cells = book[by_name[fold(sheet)]].iter_rows(max_col=width, values_only=True)
        header = None
        for number, values in enumerate(cells, start=1):
            values = tuple(values) + (None,) * (width - len(values))
            if number == 1:
                header = values
            elif any(cell_text(v) for v in values):
                body.append((number, values))
                if len(body) > limit:
                    message = _(ERR_TOO_MANY_ROWS).format(n=limit)
                    errors.append(ImportRowError(sheet, number, "", "", message))
                    break
        errors.extend(_check_header(sheet, header or (None,) * width))
        rows[sheet] = body
    return rows, errors


def _check_header(sheet: str, values: tuple) -> list[ImportRowError]:
    for index, ((_key, expected), found) in enumerate(zip(COLUMNS[sheet], values, strict=True)):
        if fold(cell_text(found)) != fold(expected):
            message = _(ERR_HEADER).format(expected=expected, found=cell_text(found))
            return [ImportRowError(sheet, 1, expected, get_column_letter(index + 1), message)]
    return []
