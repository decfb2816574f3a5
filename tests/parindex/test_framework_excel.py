"""The framework workbook: export then import gives the same framework; a broken workbook
names every error by sheet, row and column and changes nothing."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from cchc.catalog.excel.layout import ERR_CHOICE, ERR_DATE, ERR_NOT_XLSX, ERR_NUMBER
from cchc.parindex import excel
from cchc.parindex.excel import (
    ERR_MEASURE,
    ERR_STEPS,
    SHEET_CRITERIA,
    SHEET_INFO,
    export_framework,
    import_framework,
)
from cchc.parindex.frameworks import (
    ERR_NOT_DRAFT,
    P_DUPLICATE,
    P_LINEAR,
    P_PARENT_UNKNOWN,
    P_SUM,
    framework_open,
)
from cchc.parindex.models import Criterion, Framework
from cchc.parindex.samples import sample_load
from cchc.stats.measures import MEASURES
from tests.parindex.conftest_frameworks import (
    assert_every_criterion_field_compared,
    framework_values,
    small_framework,
)


def _file(data: bytes) -> BytesIO:
    return BytesIO(data)


@pytest.mark.django_db
def test_a_framework_exported_and_imported_again_into_its_draft_is_identical(
    home_affairs_evaluator,
):
    assert_every_criterion_field_compared()
    framework = small_framework()
    before = framework_values(framework)

    result = import_framework(_file(export_framework(framework)), actor=home_affairs_evaluator)

    assert result.ok, [str(e) for e in result.errors]
    assert result.framework.pk == framework.pk and not result.created
    assert framework_values(framework) == before


@pytest.mark.django_db
def test_a_framework_exported_deleted_and_imported_as_new_is_identical(home_affairs_evaluator):
    framework = small_framework()
    before = framework_values(framework)
    data = export_framework(framework)
    framework.delete()

    result = import_framework(_file(data), actor=home_affairs_evaluator)

    assert result.ok and result.created and result.criteria == 8
    assert framework_values(result.framework) == before


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["department", "commune", "province"])
def test_every_sample_survives_export_and_import(kind, home_affairs_evaluator):
    framework = sample_load(kind, year=2025).framework
    before = framework_values(framework)

    result = import_framework(_file(export_framework(framework)), actor=home_affairs_evaluator)

    assert result.ok, [str(e) for e in result.errors]
    assert framework_values(framework) == before


def _spoiled(framework: Framework) -> bytes:
    book = load_workbook(BytesIO(export_framework(framework)))
    info, sheet = book[SHEET_INFO], book[SHEET_CRITERIA]
    info["B3"] = "cấp thôn"  # Đối tượng
    info["B9"] = "31/02/2025"  # Kỳ đánh giá từ ngày
    # rows: 2 = field 1, 3 = 1.1, 4 = 1.1.1, 5 = 1.1.2, 6 = 1.2, 7 = field 2, 8 = 2.1, 9 = 2.2
    sheet["E4"] = "một điểm"  # max points
    sheet["I5"] = "ho_so_ma"  # numerator: no such measure
    sheet["L5"] = 90  # lower bound above the upper one
    sheet["N8"] = "90 - 1"  # steps
    sheet["F9"] = "tự chấm"  # method
    sheet["E6"] = 5  # 1.2 worth 5: field 1 no longer the sum
    sheet["A10"], sheet["C10"], sheet["D10"], sheet["E10"] = "3.1", "7", "Mồ côi", 1
    sheet["A11"], sheet["D11"], sheet["E11"] = "2.2", "Trùng mã", 1
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_broken_workbook_names_each_cell_and_changes_nothing(home_affairs_evaluator):
    framework = small_framework()
    before = framework_values(framework)
    count = Framework.objects.count()

    result = import_framework(_file(_spoiled(framework)), actor=home_affairs_evaluator)

    assert not result.ok and result.framework is None
    found = {(e.sheet, e.row, e.column_letter): e.message for e in result.errors}
    assert found[(SHEET_INFO, 3, "B")].startswith(
        _(ERR_CHOICE).format(value="cấp thôn", choices="")[:20]
    )
    assert found[(SHEET_INFO, 9, "B")] == _(ERR_DATE).format(value="31/02/2025")
    assert found[(SHEET_CRITERIA, 4, "E")] == _(ERR_NUMBER).format(value="một điểm")
    measures = ", ".join(MEASURES)
    assert found[(SHEET_CRITERIA, 5, "I")] == _(ERR_MEASURE).format(
        value="ho_so_ma", choices=measures
    )
    assert found[(SHEET_CRITERIA, 8, "N")] == _(ERR_STEPS).format(value="90 - 1")
    methods = " / ".join(excel.METHOD_LABELS.values())
    assert found[(SHEET_CRITERIA, 9, "F")] == _(ERR_CHOICE).format(value="tự chấm", choices=methods)
    assert len(result.errors) == 6
    assert framework_values(framework) == before
    assert Framework.objects.count() == count


@pytest.mark.django_db
def test_a_workbook_with_readable_cells_but_a_wrong_tree_names_each_row(home_affairs_evaluator):
    framework = small_framework()
    before = framework_values(framework)
    book = load_workbook(BytesIO(export_framework(framework)))
    sheet = book[SHEET_CRITERIA]
    sheet["L5"] = 90  # lower bound above the upper one (82,5 %)
    sheet["E6"] = 5  # 1.2 worth 5: field 1 (6,5) no longer the sum of its criteria (9,5)
    sheet["A10"], sheet["C10"], sheet["D10"], sheet["E10"] = "3.1", "7", "Mồ côi", 1
    sheet["A11"], sheet["D11"], sheet["E11"] = "2.2", "Trùng mã", 1
    out = BytesIO()
    book.save(out)

    result = import_framework(_file(out.getvalue()), actor=home_affairs_evaluator)

    found = {(e.sheet, e.row, e.column_letter): e.message for e in result.errors}
    assert found[(SHEET_CRITERIA, 5, "L")] == _(P_LINEAR)
    assert found[(SHEET_CRITERIA, 2, "E")] == _(P_SUM).format(max="6,5", total="9,5")
    assert found[(SHEET_CRITERIA, 10, "C")] == _(P_PARENT_UNKNOWN).format(parent="7")
    assert _(P_DUPLICATE).format(code="2.2") in found.values()
    assert framework_values(framework) == before


@pytest.mark.django_db
def test_an_open_framework_cannot_be_replaced_by_an_import(home_affairs_evaluator):
    framework = small_framework()
    framework_open(framework, actor=home_affairs_evaluator)
    before = framework_values(framework)

    result = import_framework(_file(export_framework(framework)), actor=home_affairs_evaluator)

    assert [e.message for e in result.errors] == [_(ERR_NOT_DRAFT)]
    assert framework_values(framework) == before


@pytest.mark.django_db
def test_a_file_that_is_not_a_workbook_is_refused_plainly(home_affairs_evaluator):
    result = import_framework(_file(b"not a workbook"), actor=home_affairs_evaluator)

    assert [e.message for e in result.errors] == [_(ERR_NOT_XLSX)]
    assert not Criterion.objects.exists()


@pytest.mark.django_db
def test_export_writes_the_documented_layout(home_affairs_evaluator):
    book = load_workbook(BytesIO(export_framework(small_framework())))

    assert book.sheetnames == [SHEET_INFO, SHEET_CRITERIA]
    sheet = book[SHEET_CRITERIA]
    assert [c.value for c in sheet[1]] == [h for _k, h in excel.CRITERIA_COLUMNS]
    assert [c.value for c in sheet[5]][:6] == [
        "1.1.2", "tiêu chí thành phần", "1.1", "Tỷ lệ hồ sơ nộp trực tuyến", 3.25,
        "số liệu hệ thống",
    ]  # fmt: skip
    assert [c.value for c in sheet[5]][8:] == [
        "dossiers_received_online", "dossiers_received", "tuyến tính", 20, 82.5, None,
        "không áp dụng",
    ]  # fmt: skip
    assert sheet["N8"].value == "90: 1; 95,5: 2,5; 100: 3"
    assert sheet["D4"].value == "=Ban hành kế hoạch đúng hạn" and sheet["D4"].data_type == "s"
    info = {row[0].value: row[1].value for row in book[SHEET_INFO].iter_rows(min_row=2)}
    assert info["Kỳ đánh giá từ ngày"] == "01/01/2025"
    assert info["Mức xếp loại (% trở lên: tên mức)"] == "85,5: Xuất sắc; 60: Đạt; 0: Chưa đạt"
