"""A plan's appendix in the layout of seed 004 imports from Excel, all or nothing, and exports
back to the same layout."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from cchc.org.models import Agency
from cchc.plans import services
from cchc.plans.excel.export import export_plan
from cchc.plans.excel.importer import import_plan
from cchc.plans.models import Area, PlanTask
from tests.factories import AgencyFactory
from tests.plans.conftest_plans import appendix

pytestmark = pytest.mark.django_db


@pytest.fixture
def district(world):
    return AgencyFactory(
        code="000.20.00.H98",
        name="Ủy ban nhân dân huyện Thử Nghiệm",
        short_name="UBND huyện Thử Nghiệm",
        level=Agency.Level.DISTRICT,
        parent=world.province,
    )


@pytest.fixture
def plan(world, home_affairs_evaluator):
    return services.plan_for(world.province, 2026, actor=home_affairs_evaluator)


SEED_ROWS = [
    ["I", "CẢI CÁCH THỂ CHẾ"],
    [
        1,
        "Xây dựng văn bản quy phạm pháp luật năm 2026",
        "Kế hoạch",
        "Sở Tư pháp",
        "Các sở, ban, ngành; UBND cấp huyện, cấp xã",
        "Quý IV/2026",
        None,
    ],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    [2, "Rà soát thủ tục hành chính", "Báo cáo", "Sở Xây dựng", "Sở Tư pháp", "Tháng 6", ""],
    [3, "Công khai thủ tục", "", "Các sở, ban, ngành", "", "Thường xuyên", "ghi chú"],
]


def test_the_seed_layout_imports_with_agencies_and_due_dates_resolved(
    world, plan, district, home_affairs_evaluator
):
    result = import_plan(appendix(SEED_ROWS), plan, actor=home_affairs_evaluator)

    assert result.ok, [str(e) for e in result.errors]
    first, second, third = plan.tasks.order_by("order")
    assert (first.number, first.area, first.section) == ("1", Area.INSTITUTIONS, "CẢI CÁCH THỂ CHẾ")
    assert first.lead_agency == world.justice
    assert set(first.coordinating_agencies.all()) == {
        world.construction,
        world.justice,
        district,
        world.commune,
    }
    assert (first.timing, first.due_date) == (PlanTask.Timing.QUARTER, date(2026, 12, 31))
    assert second.area == Area.PROCEDURES
    assert second.lead_agency == world.construction
    assert (second.timing, second.due_date) == (PlanTask.Timing.MONTH, date(2026, 6, 30))
    assert third.lead_agency is None and third.lead_text == "Các sở, ban, ngành"
    assert (third.timing, third.due_date, third.note) == ("continuous", None, "ghi chú")
    assert first.updates.count() == 1


def test_a_broken_workbook_names_its_errors_by_row_and_column_and_stores_nothing(
    world, plan, home_affairs_evaluator
):
    rows = [
        ["I", "CẢI CÁCH THỂ CHẾ"],
        [1, "Nhiệm vụ đúng", "", "Sở Tư pháp", "", "Quý I", ""],
        [2, "Tên cơ quan sai", "", "Sở Tư pháb", "Sở Xây dựng; Sở Không Có", "Quý V/2026", ""],
        [3, "", "", "Sở Xây dựng", "", "Năm 2026", ""],
    ]
    result = import_plan(appendix(rows), plan, actor=home_affairs_evaluator)

    assert not result.ok
    located = {(e.row, e.column_letter, e.column) for e in result.errors}
    assert located == {
        (7, "D", "Cơ quan chủ trì"),
        (7, "E", "Cơ quan phối hợp"),
        (7, "F", "Thời gian thực hiện"),
        (8, "B", "Nhiệm vụ cụ thể"),
    }
    lead_error = next(str(e) for e in result.errors if e.column_letter == "D")
    assert "Sở Tư pháb" in lead_error and "Sở Tư pháp" in lead_error
    assert "dòng 7" in lead_error.lower()
    assert not PlanTask.objects.filter(plan=plan).exists()


def test_an_ambiguous_name_lists_the_agencies_it_could_be(world, plan, home_affairs_evaluator):
    AgencyFactory(
        code="000.00.99.H98",
        name="Sở Tư pháp",
        level=Agency.Level.DEPARTMENT,
        parent=world.province,
    )
    # Another province's agency of the same name is not the plan's: it does not count.
    elsewhere = AgencyFactory(code="000.00.00.H11", name="UBND tỉnh khác", level="province")
    AgencyFactory(
        code="000.00.03.H11", name="Sở Tư pháp", level=Agency.Level.DEPARTMENT, parent=elsewhere
    )
    rows = [[1, "Nhiệm vụ", "", "Sở Tư pháp", "", "Quý I", ""]]

    result = import_plan(appendix(rows), plan, actor=home_affairs_evaluator)

    assert [e.column for e in result.errors] == ["Cơ quan chủ trì"]
    assert "000.00.99.H98" in str(result.errors[0]) and world.justice.code in str(result.errors[0])
    assert "000.00.03.H11" not in str(result.errors[0])


def test_a_file_without_the_header_row_is_refused(plan, home_affairs_evaluator):
    wrong = appendix([[1, "x"]], header=["Số", "Việc", "Ai"])

    result = import_plan(wrong, plan, actor=home_affairs_evaluator)

    assert not result.ok and "tiêu đề" in str(result.errors[0])


def test_a_file_that_is_not_a_workbook_is_refused(plan, home_affairs_evaluator):
    result = import_plan(BytesIO(b"not a workbook"), plan, actor=home_affairs_evaluator)

    assert not result.ok and not plan.tasks.exists()


def test_the_export_reimports_to_the_same_tasks(world, plan, district, home_affairs_evaluator):
    assert import_plan(appendix(SEED_ROWS), plan, actor=home_affairs_evaluator).ok
    other = services.plan_for(world.justice, 2026, actor=home_affairs_evaluator)

    data = export_plan(plan)
    result = import_plan(BytesIO(data), other, actor=home_affairs_evaluator)

    assert result.ok, [str(e) for e in result.errors]

    def shape(p):
        return [
            (
                t.number,
                t.area,
                t.section,
                t.content,
                t.product,
                t.lead_agency_id,
                t.lead_text,
                sorted(a.pk for a in t.coordinating_agencies.all()),
                t.timing,
                t.due_date,
                t.note,
            )
            for t in p.tasks.order_by("order")
        ]

    assert shape(other) == shape(plan)
    sheet = load_workbook(BytesIO(data)).active
    assert [c.value for c in sheet[3]][:3] == ["TT", "Nhiệm vụ cụ thể", "Sản phẩm"]


def test_names_with_commas_and_and_are_read_whole_and_a_day_takes_the_plans_year(
    world, plan, home_affairs_evaluator
):
    """Departments are named with commas and "và" (Sở Văn hóa, Thể thao và Du lịch; Sở Khoa
    học và Công nghệ): a cell naming them is not cut into pieces that match nothing."""
    culture = AgencyFactory(
        code="000.00.21.H98",
        name="Sở Văn hóa, Thể thao và Du lịch",
        level=Agency.Level.DEPARTMENT,
        parent=world.province,
    )
    science = AgencyFactory(
        code="000.00.22.H98",
        name="Sở Khoa học và Công nghệ",
        level=Agency.Level.DEPARTMENT,
        parent=world.province,
    )
    rows = [
        ["I", "CHÍNH PHỦ SỐ"],
        [
            1,
            "Tuyên truyền",
            "Tin bài",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Khoa học và Công nghệ; Sở Tư pháp",
            "30/9",
            None,
        ],
        [
            2,
            "ISO 9001",
            "",
            "Sở Khoa học và Công nghệ",
            "Sở Xây dựng và Sở Tư pháp",
            "Quý II",
            None,
        ],
    ]
    result = import_plan(appendix(rows), plan, actor=home_affairs_evaluator)

    assert result.ok, [str(e) for e in result.errors]
    first, second = plan.tasks.order_by("order")
    assert first.lead_agency == culture
    assert set(first.coordinating_agencies.all()) == {science, world.justice}
    assert (first.timing, first.due_date) == (PlanTask.Timing.DATE, date(2026, 9, 30))
    assert second.lead_agency == science
    assert set(second.coordinating_agencies.all()) == {world.construction, world.justice}
