"""Tình hình giải quyết TTHC: the per-agency report from the exact counters — figures, rates,
targets, the A8 duty flag, the scope of each officer, the period form, and the XLSX read back."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cchc.dossiers.services import (
    dossier_apologize,
    dossier_approve,
    dossier_forward,
    dossier_pay,
)
from cchc.org.models import User
from cchc.org.selectors import agencies_visible_to
from cchc.satisfaction.services import rating_submit
from cchc.stats.report import agency_report
from tests.dossiers.helpers import at, receive
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("stats:report")
XLSX_URL = reverse("stats:report_xlsx")
PERIOD = {"date_from": "01/09/2025", "date_to": "31/12/2025"}


def approved(world, *, day: int, approve_at=None):
    """A building permit received on ``day`` September 2025, forwarded, approved (early
    unless ``approve_at`` is past its due moment)."""
    d = receive(world, now=at(2025, 9, day))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 9, day, 14))
    if approve_at:  # past due: the apology and a new appointment come first (DOMAIN A3)
        dossier_apologize(
            actor=world.leader,
            dossier=d,
            reason="Chờ ý kiến cơ quan phối hợp",
            new_due_at=approve_at + timedelta(days=2),
            now=approve_at - timedelta(days=1),
        )
    return dossier_approve(
        actor=world.leader,
        dossier=d,
        result_number="12/GPXD",
        now=approve_at or at(2025, 9, day + 1),
    )


@pytest.fixture
def activity(world):
    return build_activity(world)


def build_activity(world):
    """Sở Xây dựng: four permits (three early, one late), one paid at the counter, rated
    not satisfied twice and satisfied once. Phường Tân An: one birth registration."""
    early = [approved(world, day=day) for day in (8, 9, 10)]
    approved(world, day=11, approve_at=at(2025, 11, 3))
    dossier_pay(actor=world.counter_officer, dossier=early[0], now=at(2025, 9, 12))
    for d, level in zip(early, ("not_satisfied", "not_satisfied", "satisfied"), strict=True):
        rating_submit(dossier=d, overall=level, now=at(2025, 10, 1))
    commune_counter = UserFactory(role=User.Role.COUNTER_OFFICER, agency=world.commune)
    receive(world, commune_counter, procedure=world.birth_registration, now=at(2025, 9, 9))
    return world


def test_figures_rates_targets_and_the_duty_flag(activity, django_assert_max_num_queries):
    world = activity
    # six, the feedback sums and the feedback overdue now, and the evaluation sums
    with django_assert_max_num_queries(9):
        report = agency_report(
            agencies_visible_to(world.home_affairs_evaluator),
            day_from=date(2025, 9, 1),
            day_to=date(2025, 12, 31),
        )
    assert [line.name for line in report.lines] == ["Sở Xây dựng", "Ủy ban nhân dân phường Tân An"]
    construction, commune = report.lines
    assert construction.shares.received == 4 and commune.shares.received == 1
    assert (construction.finished_early, construction.finished_late) == (3, 1)
    assert construction.finished == 4 and construction.on_time_share == Decimal("0.75")
    assert construction.shares.full_process_share == Decimal("0")  # all four at the counter
    assert construction.shares.online_payment_share == Decimal("0")  # paid in cash
    assert construction.satisfied_share == Decimal("0.3333")
    assert construction.duty == "not_fulfilling"  # 2 of 3 negative in 2025: over 50 %
    assert construction.below_target() == {
        "on_time": True,
        "full_process": True,
        "online_payment": True,
    }
    # Nothing finished, nothing paid, nobody rated: no rate, not 0 %, and no rate is not
    # below a target. The one dossier of a full-process procedure came to the counter: 0 %.
    assert commune.on_time_share is None and commune.satisfied_share is None
    assert commune.shares.online_payment_share is None
    assert commune.below_target() == {
        "on_time": False,
        "full_process": True,
        "online_payment": False,
    }
    assert commune.duty == "ok"
    total = report.total
    assert (total.shares.received, total.finished, total.ratings.total) == (5, 4, 3)

    communes = agency_report(
        agencies_visible_to(world.home_affairs_evaluator),
        day_from=date(2025, 9, 1),
        day_to=date(2025, 12, 31),
        level="commune",
    )
    assert [line.code for line in communes.lines] == [world.commune.code]
    before = agency_report(
        agencies_visible_to(world.home_affairs_evaluator),
        day_from=date(2025, 1, 1),
        day_to=date(2025, 8, 31),
    )
    assert before.lines == [] and before.total.shares.received == 0


def test_each_officer_sees_the_agencies_in_scope(client, activity, django_assert_num_queries):
    world = activity
    client.force_login(world.leader)
    client.get(URL, PERIOD)  # warm the per-process caches
    # session, user, the leader's unit and its merged predecessors, dossier sums, rating
    # sums, the ratings of this year and last (the duty flag), the late steps, the feedback
    # sums, the feedback overdue now, the evaluation sums, the agencies' names
    with django_assert_num_queries(13):
        response = client.get(URL, PERIOD)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sở Xây dựng" in page and "Phường Tân An" not in page
    assert "Từ ngày 01/09/2025 đến ngày 31/12/2025" in page
    assert "75,0%" in page and "dưới chỉ tiêu 98,0%" in page
    assert "33,3%" in page and "Không hoàn thành nhiệm vụ" in page

    client.force_login(world.home_affairs_evaluator)
    page = client.get(URL, PERIOD).content.decode()
    assert "Sở Xây dựng" in page and "phường Tân An" in page

    client.force_login(world.other_agency_officer)  # Sở Tư pháp: nothing of its own
    page = client.get(URL, PERIOD).content.decode()
    assert "Sở Xây dựng" not in page and "Không có hồ sơ hay đánh giá nào" in page


def test_the_period_defaults_to_this_year_and_bad_input_says_why(client, world, leader):
    client.force_login(leader)
    response = client.get(URL)
    assert response.status_code == 200
    today = response.context["report"].day_to
    assert response.context["report"].day_from == date(today.year, 1, 1)

    cases = [
        ({"date_from": "31/02/2025"}, "Nhập ngày theo dạng dd/mm/yyyy"),
        ({"date_from": "01/12/2025", "date_to": "01/09/2025"}, "phải trước hoặc bằng"),
        ({"date_to": "01/01/2099"}, "không được sau hôm nay"),
        ({"level": "galaxy"}, "Hãy chọn một lựa chọn hợp lệ"),
    ]
    for params, message in cases:
        for url in (URL, XLSX_URL):
            response = client.get(url, params)
            assert response.status_code == 400, (url, params)
            assert message in response.content.decode(), (url, params)


def test_citizens_are_refused_and_visitors_sent_to_sign_in(client, world, citizen):
    response = client.get(URL)
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
    client.force_login(citizen)
    assert client.get(URL).status_code == 403
    assert client.get(XLSX_URL).status_code == 403


def test_the_workbook_reads_back_with_rates_as_percentages(client, activity):
    world = activity
    client.force_login(world.home_affairs_evaluator)
    response = client.get(XLSX_URL, PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert (
        'filename="tinh-hinh-giai-quyet-tinh-01092025-31122025.xlsx"'
        in (response["Content-Disposition"])
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == (
        "TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TỪ NGÀY 01/09/2025 ĐẾN NGÀY 31/12/2025"
    )
    header = [cell.value for cell in sheet[4]]
    assert header[:4] == ["STT", "Cơ quan, đơn vị", "Mã định danh", "Tiếp nhận"]
    assert "Tỷ lệ đúng hạn" in header and "Đánh giá thực thi nhiệm vụ" in header
    rows = {row[1]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    construction = rows["Sở Xây dựng"]
    column = {name: i for i, name in enumerate(header)}
    assert construction[column["Tiếp nhận"]] == 4
    assert construction[column["Tỷ lệ đúng hạn"]] == pytest.approx(0.75)
    assert construction[column["Tỷ lệ hài lòng"]] == pytest.approx(0.3333)
    assert construction[column["Đánh giá thực thi nhiệm vụ"]].startswith(
        "Không hoàn thành nhiệm vụ"
    )
    assert rows["Ủy ban nhân dân phường Tân An"][column["Tỷ lệ đúng hạn"]] is None
    total = rows["Tổng cộng"]
    assert total[column["Tiếp nhận"]] == 5 and total[column["Lượt đánh giá"]] == 3
    assert sheet.cell(row=5, column=column["Tỷ lệ đúng hạn"] + 1).number_format == "0.0%"


def test_an_agency_by_procedure_and_only_within_scope(client, activity, django_assert_num_queries):
    world = activity
    url = reverse("stats:procedure_report", args=[world.construction.code])
    client.force_login(world.home_affairs_evaluator)
    main = client.get(URL, PERIOD).content.decode()
    assert f'href="{url}?' in main  # each agency line opens its breakdown, same period

    client.force_login(world.leader)
    client.get(url, PERIOD)
    # session, user, the leader's unit and its predecessors, the agency asked for, the
    # procedure sums, the procedures' names
    with django_assert_num_queries(7):
        response = client.get(url, PERIOD)
    assert response.status_code == 200
    report = response.context["report"]
    [line] = report.lines
    assert (line.code, line.shares.received, line.finished_late) == (
        world.building_permit.code,
        4,
        1,
    )
    assert line.on_time_share == Decimal("0.75")
    page = response.content.decode()
    assert "Thủ tục hành chính" in page and "Thực thi nhiệm vụ" not in page
    assert "Đánh giá hài lòng được tính theo cơ quan" in page

    # Another agency's unit is not found, as everywhere else; a bad period says why.
    assert (
        client.get(reverse("stats:procedure_report", args=[world.commune.code])).status_code == 404
    )
    bad = client.get(url, {"date_from": "32/01/2025"})
    assert bad.status_code == 400 and "Nhập ngày theo dạng dd/mm/yyyy" in bad.content.decode()
