"""Excel import and export of the catalogue: the documented layout, all-or-nothing import with
located Vietnamese errors, versions only for changed content, staff pages and commands."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from cchc.catalog import excel
from cchc.catalog.excel import (
    COLUMNS,
    ERR_AGENCY,
    ERR_BACK_TO_DRAFT,
    ERR_CHOICE,
    ERR_CORRUPT,
    ERR_DATE,
    ERR_DUPLICATE,
    ERR_DUPLICATE_STEP,
    ERR_EMPTY_FILE,
    ERR_FEE,
    ERR_FIELD_UNKNOWN,
    ERR_FILE_TOO_BIG,
    ERR_HEADER,
    ERR_MISSING_SHEET,
    ERR_NOT_XLSX,
    ERR_NUMBER,
    ERR_REQUIRED,
    ERR_TIME,
    ERR_TOO_MANY_ROWS,
    ERR_UNKNOWN_PROCEDURE,
    SHEET_DOCUMENTS,
    SHEET_FEES,
    SHEET_LEGAL,
    SHEET_PROCEDURES,
    SHEET_STEPS,
    SHEETS,
    XLSX_CONTENT_TYPE,
    ImportRowError,
    export_procedures,
    import_procedures,
)
from cchc.catalog.models import (
    FeeItem,
    Field,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    RequiredDocument,
)
from cchc.catalog.services import (
    ERR_NO_LEADER_STEP,
    ERR_NO_STEPS,
    procedure_abolish,
    procedure_publish,
    procedure_snapshot,
)
from tests.factories import ProcedureFactory, add_standard_steps
from tests.twofactor import sign_in_verified
from tests.world import BIRTH_REGISTRATION, BUILDING_PERMIT

pytestmark = pytest.mark.django_db

CONSTRUCTION = "000.00.05.H98"
DIVISION = "000.05.01.H98"
UNKNOWN_AGENCY = "999.99.99.H98"
HEADERS = {sheet: [header for _key, header in columns] for sheet, columns in COLUMNS.items()}


# --- building workbooks -----------------------------------------------------------------------


def workbook(rows: dict[str, list[list]] | None = None, *, skip: str = "") -> bytes:
    """A workbook in the documented layout with ``rows`` under each sheet's header."""
    book = Workbook()
    book.remove(book.active)
    for sheet in SHEETS:
        if sheet == skip:
            continue
        ws = book.create_sheet(sheet)
        ws.append(HEADERS[sheet])
        for row in (rows or {}).get(sheet, []):
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def procedure_row(code: str, **values: object) -> list:
    cells = {
        "code": code,
        "name": f"Thủ tục nhập thử {code}",
        "field_code": "XAYDUNG",
        "at_province": "x",
        "competent": CONSTRUCTION,
        "receiving": CONSTRUCTION,
        "processing_time": 5,
        "processing_unit": "ngày làm việc",
        "supplement_clock": "tạm dừng",
        "online_mode": "một phần",
        "legacy_level": 3,
        "postal_submission": "x",
        "postal_return": "x",
        "decision_number": "9/QĐ-UBND",
        "decision_date": "01/08/2025",
        "status": "mới ban hành",
    }
    cells.update(values)
    return [cells.get(key) for key, _header in COLUMNS[SHEET_PROCEDURES]]


def step_row(code: str, order: object, hours: object, **values: object) -> list:
    cells = {"code": code, "order": order, "name": f"Bước {order}", "hours": hours}
    cells.setdefault("role", "chuyên viên xử lý")
    cells.update(values)
    return [cells.get(key) for key, _header in COLUMNS[SHEET_STEPS]]


def good_procedures(*codes: str) -> dict[str, list[list]]:
    """Procedures of 5 working days (40 h) with three steps that fit, a document and a fee."""
    rows: dict[str, list[list]] = {sheet: [] for sheet in SHEETS}
    for code in codes:
        rows[SHEET_PROCEDURES].append(procedure_row(code))
        rows[SHEET_DOCUMENTS].append([code, 1, "Đơn đề nghị", "bản chính", 1, ""])
        rows[SHEET_FEES].append([code, 1, "Lệ phí", 50000])
        rows[SHEET_LEGAL].append([code, 1, "Luật Xây dựng số 50/2014/QH13"])
        rows[SHEET_STEPS].append(step_row(code, 1, 4, role="cán bộ một cửa"))
        rows[SHEET_STEPS].append(step_row(code, 2, 32, agency=DIVISION))
        rows[SHEET_STEPS].append(step_row(code, 3, 4, role="lãnh đạo"))
    return rows


def upload(content: bytes, name: str = "danh-muc.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX_CONTENT_TYPE)


def run(content: bytes, actor: object = None) -> excel.ImportResult:
    return import_procedures(io.BytesIO(content), actor=actor)


def located(result: excel.ImportResult) -> list[tuple]:
    return [(e.sheet, e.row, e.column_letter, e.column) for e in result.errors]


def catalogue_state() -> dict:
    """Everything an import could touch, to compare before and after."""
    state = {}
    for p in Procedure.objects.select_related("field", "competent_agency"):
        state[p.code] = (
            procedure_snapshot(p),
            p.status,
            p.version,
            p.decision_number,
            p.decision_date,
            p.updated_at,
            sorted(p.receiving_agencies.values_list("code", flat=True)),
            sorted(p.documents.values_list("id", flat=True)),
            sorted(p.steps.values_list("id", flat=True)),
        )
    state["versions"] = list(ProcedureVersion.objects.values_list("id", "status"))
    state["fields"] = list(Field.objects.values_list("code", "name"))
    return state


@pytest.fixture
def richer_catalogue(world):
    """Besides the world's two published procedures: a draft with hours and a cutoff time,
    documents of every form, several receiving agencies; and an abolished procedure."""
    draft = ProcedureFactory(
        code="2.000100",
        name='=HYPERLINK("http://x") thủ tục tên lạ',
        processing_time=Decimal("12.5"),
        processing_unit=Procedure.TimeUnit.WORKING_HOURS,
        cutoff_time=time(16, 30),
        at_district=True,
        inter_agency=True,
        postal_submission=False,
        supplement_clock=Procedure.SupplementClock.RESTART,
        decision_number="7/QĐ-UBND",
        decision_date=date(2025, 8, 2),
    )
    draft.receiving_agencies.set([world.construction, world.commune])
    ProcessStep.objects.create(
        procedure=draft, order=1, name="Tiếp nhận", role="counter_officer", budget_hours="0.5"
    )
    ProcessStep.objects.create(
        procedure=draft,
        order=2,
        name="Thẩm định",
        role="specialist",
        budget_hours="12",
        agency=world.construction_division,
    )
    for order, form in enumerate(RequiredDocument.Form.values, start=1):
        RequiredDocument.objects.create(
            procedure=draft, order=order, name=f"Giấy {order}", form=form, count=order
        )
    RequiredDocument.objects.create(procedure=draft, order=9, name="Ảnh", is_optional=True)
    abolished = ProcedureFactory(code="2.000200")
    add_standard_steps(abolished)
    procedure_publish(actor=None, procedure=abolished, decision_number="1/QĐ", decision_date=None)
    procedure_abolish(
        actor=None, procedure=abolished, decision_number="2/QĐ", decision_date=date(2025, 9, 1)
    )
    return world


# --- export and round trip ------------------------------------------------------------------


def test_export_then_import_leaves_the_catalogue_unchanged_and_makes_no_version(
    richer_catalogue, admin_user
):
    before = catalogue_state()
    content = export_procedures(Procedure.objects.all())
    result = run(content, admin_user)
    assert result.errors == []
    assert (result.created, result.updated, result.unchanged, result.versions) == (0, 0, 4, 0)
    assert catalogue_state() == before


def test_export_writes_the_documented_sheets_and_values(richer_catalogue):
    book = load_workbook(io.BytesIO(export_procedures(Procedure.objects.all())))
    assert book.sheetnames == list(SHEETS)
    for sheet in SHEETS:
        ws = book[sheet]
        assert [c.value for c in ws[1]] == HEADERS[sheet]
        assert ws[1][0].font.b and ws.freeze_panes == "A2"
    rows = {r[0]: r for r in book[SHEET_PROCEDURES].iter_rows(min_row=2, values_only=True)}
    draft = dict(zip([k for k, _h in COLUMNS[SHEET_PROCEDURES]], rows["2.000100"], strict=True))
    assert draft["name"].startswith("=HYPERLINK")  # text, not a formula
    assert book[SHEET_PROCEDURES]["B2"].data_type == "s"
    assert draft["processing_time"] == 12.5 and draft["processing_unit"] == "giờ làm việc"
    assert draft["cutoff_time"] == "16:30" and draft["supplement_clock"] == "tính lại"
    assert draft["receiving"] == "000.00.05.H98; 000.10.01.H98"
    assert (draft["at_province"], draft["at_district"], draft["postal_submission"]) == (
        "x",
        "x",
        None,
    )
    assert (draft["decision_date"], draft["status"]) == ("02/08/2025", "dự thảo")
    assert rows[BUILDING_PERMIT][-1] == "mới ban hành"
    assert rows["2.000200"][-1] == "bãi bỏ"
    documents = list(book[SHEET_DOCUMENTS].iter_rows(min_row=2, values_only=True))
    assert ("2.000100", 3, "Giấy 3", "bản sao có chứng thực", 3, None) in documents
    assert ("2.000100", 9, "Ảnh", "bản chính", 1, "x") in documents
    steps = list(book[SHEET_STEPS].iter_rows(min_row=2, values_only=True))
    assert ("2.000100", 1, "Tiếp nhận", None, "cán bộ một cửa", 0.5) in steps
    assert ("2.000100", 2, "Thẩm định", DIVISION, "chuyên viên xử lý", 12) in steps


# --- all or nothing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spoil", "where", "message"),
    [
        (
            lambda rows: rows[SHEET_STEPS][7].__setitem__(3, UNKNOWN_AGENCY),
            (SHEET_STEPS, 9, "D", HEADERS[SHEET_STEPS][3]),
            ERR_AGENCY.format(code=UNKNOWN_AGENCY),
        ),
        (
            lambda rows: rows[SHEET_PROCEDURES][2].__setitem__(10, "abc"),
            (SHEET_PROCEDURES, 4, "K", "Thời hạn giải quyết"),
            ERR_NUMBER.format(value="abc"),
        ),
    ],
    ids=["step-with-unknown-agency", "legal-time-abc"],
)
def test_one_bad_row_among_three_good_procedures_imports_nothing(world, spoil, where, message):
    rows = good_procedures("2.000001", "2.000002", "2.000003")
    rows[SHEET_PROCEDURES][0][2:4] = ["MOITRUONG", "Môi trường"]  # a new field, not created
    spoil(rows)
    before = catalogue_state()
    result = run(workbook(rows))
    assert located(result) == [where]
    assert result.errors[0].message == message
    assert catalogue_state() == before
    assert not Procedure.objects.filter(code__startswith="2.00000").exists()
    assert str(result.errors[0]).startswith(f"Sheet “{where[0]}”, dòng {where[1]}, cột {where[2]}")


def test_three_good_procedures_are_created_and_published(world, admin_user):
    rows = good_procedures("2.000001", "2.000002", "2.000003")
    rows[SHEET_PROCEDURES][0][2:4] = ["MOITRUONG", "Môi trường"]
    result = run(workbook(rows), admin_user)
    assert result.errors == []
    assert (result.created, result.versions) == (3, 3)
    procedure = Procedure.objects.get(code="2.000001")
    assert procedure.status == Procedure.Status.PUBLISHED and procedure.version == 1
    assert procedure.field.name == "Môi trường"
    assert procedure.competent_agency == world.construction
    assert list(procedure.receiving_agencies.all()) == [world.construction]
    assert [(s.order, s.agency_id, s.budget_hours) for s in procedure.steps.all()] == [
        (1, None, Decimal("4.00")),
        (2, world.construction_division.pk, Decimal("32.00")),
        (3, None, Decimal("4.00")),
    ]
    version = procedure.versions.get()
    assert (version.decision_number, version.decision_date) == ("9/QĐ-UBND", date(2025, 8, 1))
    assert version.published_by == admin_user
    assert FeeItem.objects.get(procedure=procedure).amount_vnd == 50000


def test_errors_in_every_sheet_are_reported_at_once(world):
    rows = good_procedures("2.000001", "2.000002")
    rows[SHEET_PROCEDURES][0][22] = "đã duyệt"  # status W
    rows[SHEET_PROCEDURES][1][21] = "31/02/2025"  # decision date V
    rows[SHEET_PROCEDURES][1][12] = "25:00"  # cutoff time M
    rows[SHEET_DOCUMENTS][0][3] = "bản photo"  # form D
    rows[SHEET_FEES][1][3] = "-5"  # amount D
    rows[SHEET_LEGAL][0][2] = None  # text C
    rows[SHEET_STEPS][3][4] = None  # role E
    result = run(workbook(rows))
    assert located(result) == [
        (SHEET_PROCEDURES, 2, "W", "Trạng thái"),
        (SHEET_PROCEDURES, 3, "M", "Giờ tiếp nhận cuối ngày"),
        (SHEET_PROCEDURES, 3, "V", "Ngày quyết định"),
        (SHEET_DOCUMENTS, 2, "D", HEADERS[SHEET_DOCUMENTS][3]),
        (SHEET_FEES, 3, "D", "Mức thu (đồng)"),
        (SHEET_LEGAL, 2, "C", "Văn bản"),
        (SHEET_STEPS, 5, "E", HEADERS[SHEET_STEPS][4]),
    ]
    messages = [e.message for e in result.errors]
    assert messages[0] == ERR_CHOICE.format(
        value="đã duyệt", choices="dự thảo / mới ban hành / sửa đổi, bổ sung / bãi bỏ"
    )
    assert messages[1] == ERR_TIME.format(value="25:00")
    assert messages[2] == ERR_DATE.format(value="31/02/2025")
    assert messages[4] == ERR_FEE
    assert messages[5] == messages[6] == ERR_REQUIRED
    assert not Procedure.objects.filter(code__startswith="2.00000").exists()


def test_step_budgets_beyond_the_legal_time_are_reported_where_they_overflow(world):
    rows = good_procedures("2.000001", "2.000002")
    rows[SHEET_PROCEDURES][0][10] = 1  # 1 working day = 8 h; steps 4 + 32 + 4
    rows[SHEET_PROCEDURES][1][10:12] = ["4", "giờ làm việc"]
    rows[SHEET_STEPS][3:] = [
        step_row("2.000002", 1, "1,5"),
        step_row("2.000002", 2, "2.75", role="lãnh đạo"),
    ]
    result = run(workbook(rows))
    assert located(result) == [
        (SHEET_STEPS, 3, "F", "Thời gian (giờ làm việc)"),
        (SHEET_STEPS, 6, "F", "Thời gian (giờ làm việc)"),
    ]
    assert "Tổng thời gian các bước (40 giờ) vượt thời hạn giải quyết (8 giờ)" in str(
        result.errors[0]
    )
    assert "(4,25 giờ) vượt thời hạn giải quyết (4 giờ)" in result.errors[1].message
    assert not Procedure.objects.filter(code__startswith="2.00000").exists()


def test_a_procedure_in_force_needs_steps_with_a_leader(world):
    rows = good_procedures("2.000001", "2.000002")
    rows[SHEET_STEPS] = [r for r in rows[SHEET_STEPS] if r[4] != "lãnh đạo"]
    rows[SHEET_STEPS].append([BUILDING_PERMIT, 1, "Thẩm định", None, "chuyên viên xử lý", 8])
    result = run(workbook(rows))
    assert located(result) == [
        (SHEET_PROCEDURES, 2, "W", "Trạng thái"),
        (SHEET_PROCEDURES, 3, "W", "Trạng thái"),
        (SHEET_STEPS, 6, "E", HEADERS[SHEET_STEPS][4]),
    ]
    assert {e.message for e in result.errors} == {ERR_NO_LEADER_STEP}
    assert Procedure.objects.get(code=BUILDING_PERMIT).steps.count() == 4


def test_step_numbers_codes_and_fields_are_checked(world):
    rows = good_procedures("2.000001", "2.000002")
    rows[SHEET_PROCEDURES].append(procedure_row("2.000001", name="Trùng mã"))
    rows[SHEET_PROCEDURES].append(procedure_row("2.1", field_code="MOI", field_name=None))
    rows[SHEET_STEPS].append(step_row("2.000002", 2, 1))
    rows[SHEET_FEES].append(["2.999999", 2, "Phí lạ", 1000])
    result = run(workbook(rows))
    by_place = {(e.sheet, e.row, e.column_letter): e.message for e in result.errors}
    assert by_place[(SHEET_PROCEDURES, 4, "A")] == ERR_DUPLICATE.format(code="2.000001", row=2)
    assert "1.001445" in by_place[(SHEET_PROCEDURES, 5, "A")]  # the model's code validator
    assert by_place[(SHEET_PROCEDURES, 5, "D")] == ERR_FIELD_UNKNOWN.format(code="MOI")
    assert by_place[(SHEET_PROCEDURES, 5, "W")] == ERR_NO_STEPS
    assert by_place[(SHEET_FEES, 4, "A")] == ERR_UNKNOWN_PROCEDURE.format(code="2.999999")
    assert by_place[(SHEET_STEPS, 8, "B")] == ERR_DUPLICATE_STEP.format(
        order=2, code="2.000002", row=6
    )
    assert not Procedure.objects.filter(code__startswith="2.").exists()


def test_vietnamese_ways_of_writing_values_are_accepted(world):
    rows = good_procedures("2.000001")
    rows[SHEET_PROCEDURES][0] = procedure_row(
        2.0001,  # Excel turned the typed code 2.000100 into a number
        at_province="Có",
        at_commune=1,
        inter_agency="không",
        postal_return=0,
        processing_time="2,5",
        processing_unit="Ngày làm việc",
        cutoff_time=time(16, 29, 59, 999000),
        decision_date=datetime(2025, 8, 1),
        online_mode="Toàn trình",
        receiving=f"{CONSTRUCTION}; 000.10.01.h98",
        status="Sửa đổi, bổ sung",
    )
    rows[SHEET_FEES] = [["2.000100", None, "Lệ phí", "75.000"], ["2.000100", None, "Phí", 1.5e3]]
    rows[SHEET_DOCUMENTS] = [["2.000100", None, "Tờ khai", "Bản sao có chứng thực", "2", "X"]]
    rows[SHEET_LEGAL] = []
    rows[SHEET_STEPS] = [step_row("2.000100", 1, 20, role="Lãnh đạo")]
    result = run(workbook(rows))
    assert result.errors == []
    p = Procedure.objects.get(code="2.000100")
    assert (p.at_province, p.at_commune, p.inter_agency, p.postal_return) == (
        True,
        True,
        False,
        False,
    )
    assert (p.processing_time, p.cutoff_time, p.decision_date) == (
        Decimal("2.50"),
        time(16, 30),
        date(2025, 8, 1),
    )
    assert p.online_mode == "full" and p.status == Procedure.Status.PUBLISHED
    assert p.receiving_agencies.count() == 2
    assert [(f.order, f.amount_vnd) for f in p.fees.all()] == [(1, 75000), (2, 1500)]
    document = p.documents.get()
    assert (document.form, document.count, document.is_optional) == ("certified_copy", 2, True)


# --- versions and statuses ------------------------------------------------------------------


def exported_rows() -> dict[str, list[list]]:
    book = load_workbook(io.BytesIO(export_procedures(Procedure.objects.all())))
    return {
        sheet: [list(r) for r in book[sheet].iter_rows(min_row=2, values_only=True)]
        for sheet in SHEETS
    }


def test_importing_a_changed_procedure_publishes_version_2_as_amended(world, admin_user):
    rows = exported_rows()
    permit = next(r for r in rows[SHEET_PROCEDURES] if r[0] == BUILDING_PERMIT)
    permit[10], permit[20], permit[21] = 20, "456/QĐ-UBND", "01/09/2025"
    result = run(workbook(rows), admin_user)
    assert result.errors == []
    assert (result.updated, result.unchanged, result.versions) == (1, 1, 1)
    procedure = Procedure.objects.get(code=BUILDING_PERMIT)
    assert (procedure.status, procedure.version, procedure.decision_number) == (
        Procedure.Status.AMENDED,
        2,
        "456/QĐ-UBND",
    )
    first, second = procedure.versions.order_by("number")
    assert (first.status, second.status) == ("amended", "amended")
    assert second.snapshot["processing_time"] == "20.00"
    assert (second.decision_date, second.published_by) == (date(2025, 9, 1), admin_user)
    assert Procedure.objects.get(code=BIRTH_REGISTRATION).version == 1


def test_changing_receiving_agencies_publishes_a_new_version(world):
    # Where a procedure is received is part of what a publishing decision announces.
    rows = exported_rows()
    permit = next(r for r in rows[SHEET_PROCEDURES] if r[0] == BUILDING_PERMIT)
    permit[9] = f"{CONSTRUCTION}; {DIVISION}"
    result = run(workbook(rows))
    assert (result.updated, result.versions) == (1, 1)
    procedure = Procedure.objects.get(code=BUILDING_PERMIT)
    assert procedure.receiving_agencies.count() == 2 and procedure.version == 2
    latest = procedure.versions.order_by("-number").first()
    assert latest.snapshot["receiving_agencies"] == sorted([CONSTRUCTION, DIVISION])


def test_rows_only_in_a_list_sheet_amend_a_procedure_of_the_catalogue(world):
    rows = {sheet: [] for sheet in SHEETS}
    rows[SHEET_FEES] = [[BIRTH_REGISTRATION, 1, "Lệ phí đăng ký khai sinh", 8000]]
    result = run(workbook(rows))
    assert result.errors == []
    assert (result.updated, result.versions) == (1, 1)
    procedure = Procedure.objects.get(code=BIRTH_REGISTRATION)
    assert [f.amount_vnd for f in procedure.fees.all()] == [8000]
    assert procedure.steps.count() == 4  # lists absent from the file are kept
    assert procedure.version == 2 and procedure.decision_number == "123/QĐ-UBND"


def test_in_force_procedure_cannot_go_back_to_draft(world):
    rows = exported_rows()
    rows[SHEET_PROCEDURES][0][22] = "dự thảo"
    result = run(workbook(rows))
    assert located(result) == [(SHEET_PROCEDURES, 2, "W", "Trạng thái")]
    assert result.errors[0].message == ERR_BACK_TO_DRAFT


def test_abolishing_through_the_file_uses_the_service(world):
    rows = exported_rows()
    permit = next(r for r in rows[SHEET_PROCEDURES] if r[0] == BUILDING_PERMIT)
    permit[20], permit[22] = "99/QĐ-UBND", "bãi bỏ"
    result = run(workbook(rows))
    assert result.versions == 1
    procedure = Procedure.objects.get(code=BUILDING_PERMIT)
    assert procedure.status == Procedure.Status.ABOLISHED
    assert procedure.versions.get(number=2).decision_number == "99/QĐ-UBND"


def test_a_draft_row_saves_a_draft_without_a_version(world):
    rows = good_procedures("2.000001")
    rows[SHEET_PROCEDURES][0][22] = "dự thảo"
    rows[SHEET_STEPS] = []
    result = run(workbook(rows))
    assert result.errors == [] and result.versions == 0
    procedure = Procedure.objects.get(code="2.000001")
    assert procedure.status == Procedure.Status.DRAFT and not procedure.versions.exists()
    assert procedure.decision_number == "9/QĐ-UBND"


# --- bad files ------------------------------------------------------------------------------


def only_error(result: excel.ImportResult) -> ImportRowError:
    assert len(result.errors) == 1, result.errors
    return result.errors[0]


def test_a_wrong_header_is_one_clear_error(world):
    book = load_workbook(io.BytesIO(workbook(good_procedures("2.000001"))))
    book[SHEET_PROCEDURES]["C1"] = "Lĩnh vực"
    out = io.BytesIO()
    book.save(out)
    error = only_error(run(out.getvalue()))
    assert (error.sheet, error.row, error.column_letter) == (SHEET_PROCEDURES, 1, "C")
    assert error.message == ERR_HEADER.format(expected="Mã lĩnh vực", found="Lĩnh vực")
    assert not Procedure.objects.filter(code="2.000001").exists()


def test_a_missing_sheet_is_named(world):
    error = only_error(run(workbook(skip=SHEET_LEGAL)))
    assert error.message == ERR_MISSING_SHEET.format(sheet=SHEET_LEGAL, sheets=", ".join(SHEETS))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body>Danh muc</body></html>", ERR_NOT_XLSX),
        (b"", ERR_EMPTY_FILE),
        (b"PK\x03\x04 broken zip", ERR_NOT_XLSX),
    ],
    ids=["html-renamed-xlsx", "empty", "broken-zip"],
)
def test_files_that_are_not_workbooks_are_refused_clearly(world, content, message):
    assert only_error(run(content)).message == message


def test_a_zip_that_is_not_a_workbook_is_refused(world):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert only_error(run(out.getvalue())).message == ERR_CORRUPT


def test_size_and_row_limits(world, monkeypatch):
    monkeypatch.setattr(excel.importer, "MAX_FILE_BYTES", 1000)
    assert only_error(run(b"x" * 1001)).message == ERR_FILE_TOO_BIG.format(mb=0)
    monkeypatch.undo()
    monkeypatch.setattr(excel.importer, "MAX_PROCEDURE_ROWS", 2)
    error = only_error(run(workbook(good_procedures("2.000001", "2.000002", "2.000003"))))
    assert (error.sheet, error.row, error.message) == (
        SHEET_PROCEDURES,
        4,
        ERR_TOO_MANY_ROWS.format(n=2),
    )


# --- pages ----------------------------------------------------------------------------------


def test_import_page_is_forbidden_without_the_permission(client, world, specialist):
    client.force_login(specialist)
    url = reverse("catalog:procedure_import")
    assert client.get(url).status_code == 403
    response = client.post(url, {"file": upload(workbook(good_procedures("2.000001")))})
    assert response.status_code == 403
    assert not Procedure.objects.filter(code="2.000001").exists()
    assert "Nhập từ Excel" not in client.get(reverse("catalog:procedure_list")).content.decode()


def test_import_page_sends_anonymous_users_to_sign_in_and_refuses_put(client, world, admin_user):
    url = reverse("catalog:procedure_import")
    assert client.get(url).status_code == 302
    sign_in_verified(client, admin_user)
    assert client.put(url).status_code == 405


def test_a_user_with_the_permission_uploads_and_sees_the_counts(client, world, specialist):
    specialist.user_permissions.add(Permission.objects.get(codename="add_procedure"))
    client.force_login(specialist)
    assert "Nhập từ Excel" in client.get(reverse("catalog:procedure_list")).content.decode()
    response = client.post(
        reverse("catalog:procedure_import"),
        {"file": upload(workbook(good_procedures("2.000001", "2.000002")))},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Thêm mới 2 thủ tục." in page and "Công bố 2 phiên bản mới." in page
    assert Procedure.objects.get(code="2.000002").versions.get().published_by == specialist


def test_import_page_lists_every_error_with_sheet_row_and_column(client, world, admin_user):
    rows = good_procedures("2.000001")
    rows[SHEET_STEPS][1][3] = UNKNOWN_AGENCY
    sign_in_verified(client, admin_user)
    response = client.post(reverse("catalog:procedure_import"), {"file": upload(workbook(rows))})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page and "<caption>" in page
    assert "chưa có dữ liệu nào được ghi" in page
    assert f"<td>{SHEET_STEPS}</td>" in page and '<td class="text-end">3</td>' in page
    assert "D · Cơ quan thực hiện (mã định danh; để trống = cơ quan tiếp nhận)" in page
    assert ERR_AGENCY.format(code=UNKNOWN_AGENCY) in page
    assert not Procedure.objects.filter(code="2.000001").exists()


@pytest.mark.parametrize(
    "files",
    [{}, {"file": SimpleUploadedFile("rong.xlsx", b"", content_type=XLSX_CONTENT_TYPE)}],
    ids=["no-file", "empty-file"],
)
def test_import_page_asks_for_a_file(client, world, admin_user, files):
    sign_in_verified(client, admin_user)
    response = client.post(reverse("catalog:procedure_import"), files)
    assert response.status_code == 200
    assert ERR_EMPTY_FILE in response.content.decode()


def test_import_page_html_file_gives_a_clear_message(client, world, admin_user):
    sign_in_verified(client, admin_user)
    html = upload(b"<!DOCTYPE html><html><body>x</body></html>", name="danh-muc.xlsx")
    response = client.post(reverse("catalog:procedure_import"), {"file": html})
    assert response.status_code == 200
    assert ERR_NOT_XLSX in response.content.decode()


def test_import_is_csrf_protected(world, admin_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    sign_in_verified(client, admin_user)
    file = upload(workbook(good_procedures("2.000001")))
    response = client.post(reverse("catalog:procedure_import"), {"file": file})
    assert response.status_code == 403
    assert not Procedure.objects.filter(code="2.000001").exists()


def test_export_view_returns_the_filtered_list_as_a_real_workbook(
    client, world, specialist, django_assert_max_num_queries
):
    for _ in range(20):
        add_standard_steps(ProcedureFactory())
    client.force_login(specialist)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("catalog:procedure_export"), {"q": "khai sinh"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    today = timezone.localdate().strftime("%d-%m-%Y")
    assert response["Content-Disposition"] == f'attachment; filename="danh-muc-tthc-{today}.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book[SHEET_PROCEDURES].iter_rows(min_row=2, values_only=True))
    birth = Procedure.objects.get(code=BIRTH_REGISTRATION)
    assert [r[:4] for r in rows] == [(birth.code, birth.name, "HOTICH", "Hộ tịch")]
    assert rows[0][10] == 3 and rows[0][22] == "mới ban hành" and rows[0][9] == world.commune.code
    fees = list(book[SHEET_FEES].iter_rows(min_row=2, values_only=True))
    assert fees == [(BIRTH_REGISTRATION, 1, "Lệ phí", 0)]
    steps = list(book[SHEET_STEPS].iter_rows(min_row=2, values_only=True))
    assert [s[5] for s in steps] == [float(s.budget_hours) for s in birth.steps.all()]


def test_export_button_in_the_htmx_search_form_redirects_to_the_file(client, world, specialist):
    client.force_login(specialist)
    list_page = client.get(reverse("catalog:procedure_list")).content.decode()
    assert f'formaction="{reverse("catalog:procedure_export")}"' in list_page
    response = client.get(
        reverse("catalog:procedure_export"), {"q": "xay dung"}, headers={"HX-Request": "true"}
    )
    assert response["HX-Redirect"] == reverse("catalog:procedure_export") + "?q=xay+dung"


def test_export_is_for_staff(client, world, citizen):
    assert client.get(reverse("catalog:procedure_export")).status_code == 302
    client.force_login(citizen)
    assert client.get(reverse("catalog:procedure_export")).status_code == 403


# --- management commands --------------------------------------------------------------------


def test_commands_export_and_import_the_catalogue(world, tmp_path):
    path = tmp_path / "danh-muc.xlsx"
    out = io.StringIO()
    call_command("catalog_export", str(path), stdout=out)
    assert "Đã xuất 2 thủ tục" in out.getvalue()
    assert load_workbook(path)[SHEET_PROCEDURES].max_row == 3
    out = io.StringIO()
    call_command("catalog_import", str(path), "--as", "t.admin", stdout=out)
    assert "không đổi 2 thủ tục; 0 phiên bản mới" in out.getvalue()


def test_import_command_prints_every_error_and_fails(world, tmp_path):
    rows = good_procedures("2.000001")
    rows[SHEET_PROCEDURES][0][10] = "abc"
    rows[SHEET_FEES][0][3] = "nhiều"
    path = tmp_path / "sai.xlsx"
    path.write_bytes(workbook(rows))
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 lỗi"):
        call_command("catalog_import", str(path), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("Sheet “TTHC”, dòng 2, cột K (Thời hạn giải quyết): ")
    assert lines[1].startswith("Sheet “Phí, lệ phí”, dòng 2, cột D (Mức thu (đồng)): ")
    assert not Procedure.objects.filter(code="2.000001").exists()


def test_import_command_dry_run_writes_nothing(world, tmp_path):
    path = tmp_path / "moi.xlsx"
    path.write_bytes(workbook(good_procedures("2.000001")))
    out = io.StringIO()
    call_command("catalog_import", str(path), "--dry-run", stdout=out)
    assert "thêm mới 1" in out.getvalue()
    assert not Procedure.objects.filter(code="2.000001").exists()


def test_import_command_refuses_an_unknown_user(world, tmp_path):
    path = tmp_path / "moi.xlsx"
    path.write_bytes(workbook())
    with pytest.raises(CommandError, match="khong-co"):
        call_command("catalog_import", str(path), "--as", "khong-co")
