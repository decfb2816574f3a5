"""Figures are credited to the agency that resolves a dossier (DOMAIN A6), the receiving agency
being a second dimension; a late step is charged to the agency that held it (DOMAIN A3); the
online-payment share divides by the dossiers with fees (DOMAIN B §5.2); the counters can be
checked and rebuilt from the event log (``stats_rebuild``)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from cchc.catalog.models import FeeItem, Procedure, ProcessStep, RequiredDocument
from cchc.catalog.services import procedure_publish
from cchc.dossiers.models import DossierDailyStat, Payment, StepDailyStat
from cchc.dossiers.services import (
    dossier_apologize,
    dossier_approve,
    dossier_forward,
    dossier_pay,
    dossier_record_visit,
    dossier_return,
)
from cchc.org.models import Agency, User
from cchc.org.selectors import agencies_visible_to
from cchc.satisfaction.services import rating_submit
from cchc.stats.report import agency_report
from tests.dossiers.helpers import at, receive
from tests.factories import AgencyFactory, ProcedureFactory, UserFactory

pytestmark = pytest.mark.django_db

SEPTEMBER = {"day_from": date(2025, 9, 1), "day_to": date(2025, 12, 31)}


@pytest.fixture
def centre(world):
    """The province's public administration service centre receives building permits at its
    counter; Sở Xây dựng's division appraises and its leader signs (the usual province case)."""
    centre = AgencyFactory(
        code="000.00.30.H98",
        name="Trung tâm Phục vụ hành chính công tỉnh",
        level=Agency.Level.DEPARTMENT,
        parent=world.province,
    )
    counter = UserFactory(
        username="t.centre",
        full_name="Đỗ Thị Một Cửa",
        role=User.Role.COUNTER_OFFICER,
        agency=centre,
    )
    procedure = ProcedureFactory(
        code="1.009795",
        name="Cấp giấy phép sửa chữa, cải tạo công trình",
        field=world.building_permit.field,
        competent_agency=world.construction,
        processing_time=Decimal(15),
        online_mode=Procedure.OnlineMode.FULL,
        result_name="Giấy phép sửa chữa",
    )
    procedure.receiving_agencies.set([centre])
    plan = [
        ("Tiếp nhận, chuyển hồ sơ", ProcessStep.Role.COUNTER_OFFICER, 4, None),
        ("Thẩm định hồ sơ", ProcessStep.Role.SPECIALIST, 100, world.construction_division),
        ("Phê duyệt kết quả", ProcessStep.Role.LEADER, 8, world.construction),
        ("Trả kết quả", ProcessStep.Role.COUNTER_OFFICER, 4, None),
    ]
    for order, (name, role, hours, agency) in enumerate(plan, start=1):
        ProcessStep.objects.create(
            procedure=procedure,
            order=order,
            name=name,
            role=role,
            budget_hours=Decimal(hours),
            agency=agency,
        )
    RequiredDocument.objects.create(procedure=procedure, order=1, name="Đơn đề nghị")
    FeeItem.objects.create(procedure=procedure, name="Lệ phí", amount_vnd=50000)
    procedure_publish(
        actor=None, procedure=procedure, decision_number="9/QĐ-UBND", decision_date=date(2025, 7, 1)
    )
    procedure.refresh_from_db()
    return {"agency": centre, "counter": counter, "procedure": procedure}


def resolved(world, centre, *, day, forward_at=None):
    """Received at the centre on ``day`` September 2025, appraised, signed, returned there."""
    d = receive(world, centre["counter"], procedure=centre["procedure"], now=at(2025, 9, day))
    dossier_forward(actor=world.specialist, dossier=d, now=forward_at or at(2025, 9, day, 14))
    dossier_approve(
        actor=world.leader, dossier=d, result_number="3/GPSC", now=at(2025, 9, day + 1, 10)
    )
    dossier_pay(actor=centre["counter"], dossier=d, now=at(2025, 9, day + 1, 14))
    return dossier_return(
        actor=centre["counter"], dossier=d, method="in_person", now=at(2025, 9, day + 1, 15)
    )


def test_the_resolving_department_is_credited_not_the_receiving_centre(world, centre):
    dossiers = [resolved(world, centre, day=day) for day in (8, 9, 10)]
    assert {d.resolving_agency_id for d in dossiers} == {world.construction.pk}
    for d, level in zip(dossiers, ("not_satisfied", "not_satisfied", "satisfied"), strict=True):
        rating_submit(dossier=d, overall=level, now=at(2025, 10, 1))

    report = agency_report(agencies_visible_to(world.home_affairs_evaluator), **SEPTEMBER)
    lines = {line.code: line for line in report.lines}
    assert set(lines) == {world.construction.code}
    construction = lines[world.construction.code]
    assert construction.shares.received == 3 and construction.finished_early == 3
    assert construction.on_time_share == Decimal("1")
    assert construction.satisfied_share == Decimal("0.3333")
    assert construction.duty == "not_fulfilling"  # the >50 % flag reaches the department

    by_receiver = agency_report(
        agencies_visible_to(world.home_affairs_evaluator), **SEPTEMBER, by="receiving"
    )
    assert [line.code for line in by_receiver.lines] == [centre["agency"].code]
    assert by_receiver.lines[0].shares.received == 3


def test_each_side_sees_its_own_dimension(client, world, centre):
    resolved(world, centre, day=8)
    client.force_login(world.leader)  # Sở Xây dựng: resolves, received nothing itself
    page = client.get(reverse("stats:report"), {"date_from": "01/09/2025"}).content.decode()
    assert "Sở Xây dựng" in page and "Trung tâm Phục vụ" not in page
    page = client.get(
        reverse("stats:report"), {"date_from": "01/09/2025", "by": "receiving"}
    ).content.decode()
    assert "Không có hồ sơ hay đánh giá nào" in page

    centre_leader = UserFactory(role=User.Role.LEADER, agency=centre["agency"])
    client.force_login(centre_leader)
    page = client.get(
        reverse("stats:report"), {"date_from": "01/09/2025", "by": "receiving"}
    ).content.decode()
    assert "Trung tâm Phục vụ hành chính công tỉnh" in page
    response = client.get(reverse("stats:report"), {"date_from": "01/09/2025", "by": "nowhere"})
    assert response.status_code == 400


def test_a_late_step_is_charged_to_the_agency_that_held_it(world, centre):
    # The appraisal (100 working hours from 08/09 09:00) is handed on a month later: late,
    # held by Sở Xây dựng's division. The counter's hand-over at receipt was on time.
    d = receive(world, centre["counter"], procedure=centre["procedure"], now=at(2025, 9, 8))
    dossier_apologize(
        actor=world.leader,
        dossier=d,
        reason="Chờ ý kiến của cơ quan phối hợp",
        new_due_at=at(2025, 10, 15, 16),
        now=at(2025, 9, 25),
    )
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 10, 8, 10))

    late = StepDailyStat.objects.get(agency=world.construction_division, steps_late=1)
    assert late.procedure_id == centre["procedure"].pk and late.day == date(2025, 10, 8)
    report = agency_report(agencies_visible_to(world.home_affairs_evaluator), **SEPTEMBER)
    construction = next(line for line in report.lines if line.code == world.construction.code)
    assert construction.steps_late == 1  # the division rolls up to its department
    assert construction.apologies == 1 and construction.apologies_timely == 1


def test_the_online_payment_share_divides_by_the_dossiers_with_fees(world, centre):
    """Two dossiers owe fees; one is paid online, the other not yet: 50 %, not 1/1 = 100 %."""
    paid_online = receive(
        world, centre["counter"], procedure=centre["procedure"], now=at(2025, 9, 8)
    )
    receive(world, centre["counter"], procedure=centre["procedure"], now=at(2025, 9, 9))
    # As the gateway's confirmation records it (cchc.dossiers.payments.services).
    dossier_pay(
        actor=centre["counter"],
        dossier=paid_online,
        method=Payment.Method.ONLINE,
        provider="sandbox",
        provider_ref="SBX-1",
        now=at(2025, 9, 8, 10),
    )

    report = agency_report(agencies_visible_to(world.home_affairs_evaluator), **SEPTEMBER)
    construction = next(line for line in report.lines if line.code == world.construction.code)
    assert (construction.shares.paid_online, construction.shares.fee_bearing) == (1, 2)
    assert construction.shares.online_payment_share == Decimal("0.5")


def test_the_report_shows_timely_apologies_and_third_visits(client, world, centre):
    d = receive(world, centre["counter"], procedure=centre["procedure"], now=at(2025, 9, 8))
    dossier_apologize(
        actor=world.leader,
        dossier=d,
        reason="Chờ ý kiến của cơ quan phối hợp",
        new_due_at=at(2025, 10, 15, 16),
        now=at(2025, 9, 25),
    )
    dossier_record_visit(
        actor=centre["counter"], dossier=d, purpose="Hỏi tiến độ", now=at(2025, 9, 26)
    )
    dossier_record_visit(actor=centre["counter"], dossier=d, purpose="Hỏi lại", now=at(2025, 9, 29))

    client.force_login(world.home_affairs_evaluator)
    page = client.get(reverse("stats:report"), {"date_from": "01/09/2025"}).content.decode()
    assert "Xin lỗi đúng hạn" in page and "Phải đến lần thứ ba" in page
    response = client.get(reverse("stats:report_xlsx"), {"date_from": "01/09/2025"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[4]]
    construction_row = next(
        row for row in sheet.iter_rows(min_row=5, values_only=True) if row[1] == "Sở Xây dựng"
    )
    assert construction_row[header.index("Xin lỗi đúng hạn")] == 1
    assert construction_row[header.index("Phải đến lần thứ ba")] == 1


def test_stats_rebuild_finds_and_mends_a_counter_that_drifted(world, centre):
    resolved(world, centre, day=8)
    out = io.StringIO()
    call_command("stats_rebuild", "--check", stdout=out)
    assert "0 khác biệt" in out.getvalue()

    DossierDailyStat.objects.filter(resolving_agency=world.construction).update(received=7)
    with pytest.raises(SystemExit) as exit_:
        call_command("stats_rebuild", "--check", stdout=out)
    assert exit_.value.code == 1
    assert "received" in out.getvalue()

    call_command("stats_rebuild", stdout=io.StringIO())
    out = io.StringIO()
    call_command("stats_rebuild", "--check", stdout=out)
    assert "0 khác biệt" in out.getvalue()
    assert DossierDailyStat.objects.get(resolving_agency=world.construction, received=1)


def test_the_late_figure_opens_the_late_dossiers_behind_it_within_the_scope(client, world, centre):
    on_time = resolved(world, centre, day=8)
    late = receive(world, centre["counter"], procedure=centre["procedure"], now=at(2025, 9, 9))
    dossier_apologize(
        actor=world.leader,
        dossier=late,
        reason="Chờ ý kiến của cơ quan phối hợp",
        new_due_at=at(2025, 10, 15, 16),
        now=at(2025, 9, 25),
    )
    dossier_forward(actor=world.specialist, dossier=late, now=at(2025, 10, 6))
    dossier_approve(actor=world.leader, dossier=late, result_number="4/GPSC", now=at(2025, 10, 14))

    client.force_login(world.leader)
    report = client.get(reverse("stats:report"), {"date_from": "01/09/2025"})
    page = report.content.decode()
    link = f'data-testid="drill-late-{world.construction.code}"'
    assert link in page
    href = page[: page.index(link)].rsplit('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    worklist = client.get(href)
    assert worklist.status_code == 200
    codes = {row["dossier"].code for row in worklist.context["rows"]}
    assert codes == {late.code}  # the late one, not the one on time
    assert on_time.code not in worklist.content.decode()

    client.force_login(world.other_agency_officer)  # Sở Tư pháp: sees none of them
    assert list(client.get(href).context["rows"]) == []
