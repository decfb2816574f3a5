"""The modernisation registers: ISO 9001 per agency, documents exchanged electronically per
month (entered or imported from the document system's CSV), the shares against the plan's
targets, and their counts as measures of the serving index and the PAR Index."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc.parindex.models import Criterion, Score
from cchc.parindex.services import assessment_open
from cchc.plans.models import DocumentExchange, IsoRegister, Plan
from cchc.plans.register_services import (
    MSG_CSV_HEADER,
    MSG_ELECTRONIC,
    MSG_MONTH_FUTURE,
    document_csv_import,
    document_month_save,
    document_shares,
    iso_coverage,
    iso_save,
)
from cchc.plans.services import PlanError
from cchc.stats.models import IndexGroup, IndexIndicator
from cchc.stats.serving import measure_counts, serving_index
from tests.parindex.conftest import build_framework

HEADER = "Mã cơ quan,Tháng,Văn bản đi,Văn bản đi điện tử,Văn bản đến,Văn bản đến điện tử\n"


def enter(world, month=date(2025, 1, 1), counts=(100, 60, 100, 0), actor=None, agency=None):
    sent, sent_e, received, received_e = counts
    return document_month_save(
        agency or world.construction,
        actor=actor or world.reform_officer,
        month=month,
        sent_total=sent,
        sent_electronic=sent_e,
        received_total=received,
        received_electronic=received_e,
    )


# --- ISO 9001 -------------------------------------------------------------------------------


def test_an_agency_records_its_iso_certificate_and_the_procedures_covered(world):
    register = iso_save(
        world.construction_division,
        actor=world.reform_officer,
        status=IsoRegister.Status.CERTIFIED,
        certificate="QĐ 12/QĐ-SXD",
        certified_on=date(2025, 2, 3),
        scope="Toàn bộ TTHC của Sở",
        next_audit=date(2026, 2, 3),
        procedure_codes=[world.building_permit.code],
    )
    assert register.agency == world.construction
    assert list(register.procedures.all()) == [world.building_permit]


def test_a_procedure_of_another_agency_cannot_be_covered(world):
    with pytest.raises(PlanError) as refused:
        iso_save(
            world.construction,
            actor=world.reform_officer,
            status=IsoRegister.Status.BUILDING,
            procedure_codes=[world.birth_registration.code],
        )
    assert refused.value.field == "procedures"
    assert world.birth_registration.code in refused.value.message
    assert not IsoRegister.objects.exists()


def test_applied_or_certified_needs_the_decision_and_its_date(world):
    with pytest.raises(PlanError) as refused:
        iso_save(world.construction, actor=world.leader, status=IsoRegister.Status.APPLIED)
    assert refused.value.field == "certificate"


def test_another_agencys_officer_cannot_write_the_register(world):
    with pytest.raises(PlanError):
        iso_save(world.construction, actor=world.other_agency_officer, status="building")


def test_iso_coverage_is_the_share_of_units_applied_or_certified_against_the_target(world):
    Plan.objects.create(
        year=2025, agency=world.province, title="KH tỉnh", target_iso_share=Decimal("100")
    )
    iso_save(
        world.construction,
        actor=world.reform_officer,
        status=IsoRegister.Status.APPLIED,
        certificate="QĐ 1",
        certified_on=date(2025, 1, 2),
    )
    iso_save(world.justice, actor=world.home_affairs_evaluator, status="building")
    coverage = iso_coverage(2025, [world.construction, world.justice])
    assert (coverage.units, coverage.applied) == (2, 1)
    assert coverage.share == Decimal("50.00")
    assert coverage.target == Decimal("100")


# --- documents per month --------------------------------------------------------------------


def test_re_entering_a_month_replaces_it_with_who_entered_it(world):
    enter(world)
    again = enter(world, counts=(10, 10, 10, 5), actor=world.leader)
    assert DocumentExchange.objects.count() == 1
    assert (again.sent_total, again.received_electronic) == (10, 5)
    assert again.entered_by == world.leader


def test_electronic_above_total_and_future_months_are_refused(world):
    with pytest.raises(PlanError) as above:
        enter(world, counts=(10, 11, 0, 0))
    assert above.value.message == str(MSG_ELECTRONIC)
    with pytest.raises(PlanError) as future:
        enter(world, month=date(2099, 1, 1))
    assert future.value.message == str(MSG_MONTH_FUTURE)
    with pytest.raises(PlanError) as negative:
        enter(world, counts=(-1, 0, 0, 0))
    assert negative.value.field == "sent_total"
    assert not DocumentExchange.objects.exists()


def test_the_electronic_share_is_compared_with_the_plans_target(world):
    Plan.objects.create(
        year=2025,
        agency=world.construction,
        title="KH Sở",
        target_document_share=Decimal("80"),
    )
    enter(world, month=date(2025, 1, 1), counts=(100, 60, 100, 0))
    enter(world, month=date(2025, 2, 1), counts=(50, 50, 50, 50))
    enter(world, month=date(2025, 4, 1), counts=(50, 0, 50, 0))
    (q1,) = document_shares(date(2025, 1, 1), date(2025, 3, 31))
    assert (q1.agency, q1.total, q1.electronic) == (world.construction, 300, 160)
    assert q1.share == Decimal("53.33")
    assert q1.target == Decimal("80")
    assert q1.reached is False


# --- CSV import -----------------------------------------------------------------------------


def test_a_csv_with_bom_and_semicolons_imports_every_line(world):
    data = (
        "\ufeff"
        + HEADER.replace(",", ";")
        + f"{world.construction.code};01/2025;100;90;80;70\n"
        + f"{world.justice.code};1/2025;10;1;10;1\n"
    ).encode()
    result = document_csv_import(data, actor=world.home_affairs_evaluator)
    assert (result.rows, result.errors) == (2, [])
    row = DocumentExchange.objects.get(agency=world.construction)
    assert (row.month, row.sent_electronic, row.source) == (date(2025, 1, 1), 90, "csv")


def test_a_broken_csv_names_its_lines_and_columns_and_stores_nothing(world):
    data = (
        HEADER
        + f"{world.construction.code},01/2025,100,90,80,70\n"
        + f"{world.construction.code},13/2025,1,1,1,1\n"
        + "XXX,02/2025,1,1,1,1\n"
        + f"{world.construction.code},03/2025,1,2,1,1\n"
        + f"{world.construction.code},01/2025,1,1,1,1\n"
    ).encode()
    result = document_csv_import(data, actor=world.home_affairs_evaluator)
    assert result.rows == 0
    assert result.errors == [
        "Dòng 3, cột Tháng: Nhập tháng theo dạng mm/yyyy, ví dụ 03/2025.",
        "Dòng 4, cột Mã cơ quan: Không có cơ quan mã “XXX”.",
        "Dòng 5, cột Văn bản đi điện tử: Số văn bản điện tử không được lớn hơn tổng số văn bản.",
        "Dòng 6, cột Tháng: Cơ quan và tháng này đã có ở dòng 2.",
    ]
    assert not DocumentExchange.objects.exists()


def test_an_agency_imports_only_its_own_lines(world):
    data = (HEADER + f"{world.justice.code},01/2025,1,1,1,1\n").encode()
    result = document_csv_import(data, actor=world.reform_officer)
    assert result.errors == [
        "Dòng 2, cột Mã cơ quan: Cơ quan “000.00.03.H98” không thuộc phạm vi của bạn."
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01\x02binary",
        "\xff\xfe".encode("latin-1") + b"abc",
        b"a,b,c\n1,2,3\n",
        b"x" * (1024 * 1024 + 1),
    ],
    ids=["empty", "binary", "not-utf8", "no-header", "huge"],
)
def test_empty_binary_headerless_or_huge_files_are_refused(world, data):
    with pytest.raises(PlanError) as refused:
        document_csv_import(data, actor=world.home_affairs_evaluator)
    assert refused.value.field == "file"
    assert not DocumentExchange.objects.exists()


def test_a_header_alone_is_refused_as_empty(world):
    with pytest.raises(PlanError):
        document_csv_import(HEADER.encode(), actor=world.home_affairs_evaluator)


def test_the_header_message_names_the_columns(world):
    with pytest.raises(PlanError) as refused:
        document_csv_import(b"ma;thang\n", actor=world.home_affairs_evaluator)
    assert refused.value.message == str(MSG_CSV_HEADER)


# --- measures -------------------------------------------------------------------------------


def test_the_indicator_engine_counts_the_entered_months(world):
    enter(world, month=date(2025, 1, 1), counts=(100, 60, 100, 0))
    enter(world, month=date(2025, 2, 1), counts=(10, 10, 10, 10))
    enter(world, month=date(2025, 4, 1), counts=(999, 999, 0, 0))
    counts = measure_counts(
        {"documents_total", "documents_electronic", "dossiers_received"},
        day_from=date(2025, 1, 1),
        day_to=date(2025, 3, 31),
    )
    assert counts[world.construction.pk] == {
        "documents_total": 220,
        "documents_electronic": 80,
        "dossiers_received": 0,
    }


def test_a_live_par_criterion_bound_to_the_documents_scores_from_entered_months(world):
    framework = build_framework()
    Criterion.objects.filter(framework=framework, code="1.2").update(
        live_numerator="documents_electronic", live_denominator="documents_total"
    )
    enter(world, month=date(2025, 1, 1), counts=(100, 60, 100, 0))
    enter(world, agency=world.justice, actor=world.home_affairs_evaluator, counts=(10, 10, 0, 0))
    assessment = assessment_open(framework, world.construction, actor=world.home_affairs_evaluator)
    score = Score.objects.get(assessment=assessment, criterion__code="1.2")
    assert (score.live_numerator, score.live_denominator) == (60, 200)
    # 30 % on the linear rule from 0 % (0 points) to 50 % (3 points)
    assert score.system_points == Decimal("1.80")


def test_a_serving_index_indicator_bound_to_the_documents_counts_the_entered_months(world):
    group = IndexGroup.objects.create(
        code="HDH", name="Hiện đại hoá", max_points=Decimal(10), valid_from=date(2025, 1, 1)
    )
    IndexIndicator.objects.create(
        code="HDH1",
        name="Tỷ lệ văn bản điện tử",
        group=group,
        numerator="documents_electronic",
        denominator="documents_total",
        max_points=Decimal(10),
        rule=IndexIndicator.Rule.LINEAR,
        valid_from=date(2025, 1, 1),
    )
    enter(world, month=date(2025, 1, 1), counts=(100, 60, 100, 0))
    index = serving_index(day_from=date(2025, 1, 1), day_to=date(2025, 3, 31))
    (construction,) = [a for a in index.agencies if a.agency_id == world.construction.pk]
    (line,) = [i for i in construction.indicators if i.code == "HDH1"]
    assert (line.numerator, line.denominator) == (60, 200)
    assert line.points == Decimal("3.00")
