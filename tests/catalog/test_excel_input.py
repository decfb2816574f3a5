"""The catalogue import against control characters: a cell holding one refuses the whole
import with the cell located (like every other bad cell — all or nothing, never a silent
strip), and the catalogue export writes stored text as text, never a formula."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from cchc.catalog.excel import SHEET_DOCUMENTS, SHEET_PROCEDURES, export_procedures
from cchc.catalog.models import Procedure
from tests.catalog.test_excel import (
    HEADERS,
    catalogue_state,
    good_procedures,
    located,
    run,
    workbook,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("sheet", "row", "index", "value", "char"),
    [
        (SHEET_PROCEDURES, 0, 1, "Thủ tục\x7f nhập thử", "U+007F"),
        (SHEET_DOCUMENTS, 1, 2, "Đơn đề nghị\x9c", "U+009C"),
    ],
)
def test_a_cell_with_a_control_character_refuses_the_import_where_it_is(
    world, sheet, row, index, value, char
):
    rows = good_procedures("2.000001", "2.000002")
    rows[sheet][row][index] = value
    before = catalogue_state()
    result = run(workbook(rows))
    letter = "ABCDEFGHIJ"[index]
    assert located(result) == [(sheet, row + 2, letter, HEADERS[sheet][index])]
    assert char in result.errors[0].message
    assert "ký tự điều khiển" in result.errors[0].message
    assert catalogue_state() == before
    assert not Procedure.objects.filter(code__startswith="2.00000").exists()


def test_the_catalogue_export_writes_a_stored_formula_and_control_character_as_text(world):
    legacy = '=HYPERLINK("http://x","y")\x01 Cấp phép\ufffe'
    Procedure.objects.filter(pk=world.building_permit.pk).update(name=legacy)
    sheet = load_workbook(io.BytesIO(export_procedures(Procedure.objects.all())))[SHEET_PROCEDURES]
    [cell] = [c for row in sheet.iter_rows() for c in row if "HYPERLINK" in str(c.value)]
    assert cell.value == '=HYPERLINK("http://x","y") Cấp phép'
    assert cell.data_type == "s"
