"""Cán bộ thường xuyên trễ hẹn (issue 9, build 3; seed 000 §2c): per officer and period, the
steps held late, the working time over budget and the "not satisfied" ratings, from the exact
counters; each configured threshold an officer crosses, with why; worst first; the scope of
each reader; the workbook read back."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cchc.dossiers.services import dossier_approve, dossier_forward
from cchc.org.models import User
from cchc.org.selectors import agencies_visible_to
from cchc.satisfaction.models import MSG_SHARE_RANGE, MSG_WHOLE_STEPS, OfficerThreshold
from cchc.satisfaction.services import rating_submit
from cchc.stats.officers import officer_watch
from tests.dossiers.helpers import at, receive
from tests.factories import UserFactory
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db

URL = reverse("stats:officer_watch")
XLSX_URL = reverse("stats:officer_watch_xlsx")
PERIOD = {"date_from": "01/09/2025", "date_to": "31/12/2025"}
HOUR = 3600


def thresholds(**rows):
    """Set the thresholds (kind → (value, minimum) or None for inactive)."""
    OfficerThreshold.objects.all().delete()
    for kind, row in rows.items():
        if row is not None:
            OfficerThreshold.objects.create(kind=kind, value=Decimal(row[0]), minimum=row[1])


@pytest.fixture
def activity(world):
    """Sở Xây dựng, September 2025. Each permit is received on a Monday-to-Monday day at
    09:00; its appraisal has 110 working hours (due 13 working days and 6 hours later).
    Lê Văn Chuyên hands two of them on a day late, one hour into the next day: 113 h used,
    3 h over budget each; the third on the next day. The leader signs each within the hour
    and is rated "not satisfied" twice out of three. In Phường Tân An, a commune specialist
    hands a birth registration's appraisal (14 working hours) on two hours late."""
    thresholds(
        late_steps=(2, 0),
        late_share=(50, 2),
        over_budget=(5, 0),
        not_satisfied=(50, 2),
    )
    late_1 = receive(world, now=at(2025, 9, 8))
    dossier_forward(actor=world.specialist, dossier=late_1, now=at(2025, 9, 26, 10))
    late_2 = receive(world, now=at(2025, 9, 8, 9))
    dossier_forward(actor=world.specialist, dossier=late_2, now=at(2025, 9, 26, 10))
    on_time = receive(world, now=at(2025, 9, 10))
    dossier_forward(actor=world.specialist, dossier=on_time, now=at(2025, 9, 11))
    for d, day in ((late_1, 26), (late_2, 26), (on_time, 11)):
        dossier_approve(
            actor=world.leader, dossier=d, result_number="7/GPXD", now=at(2025, 9, day, 11)
        )
    for d, level in zip(
        (late_1, late_2, on_time), ("not_satisfied", "not_satisfied", "satisfied"), strict=True
    ):
        rating_submit(dossier=d, overall=level, officers={world.leader: level}, now=at(2025, 10, 1))
    commune_counter = UserFactory(role=User.Role.COUNTER_OFFICER, agency=world.commune)
    commune_specialist = UserFactory(
        username="x.tuphap",
        full_name="Mai Văn Xã",
        role=User.Role.SPECIALIST,
        agency=world.commune,
    )
    birth = receive(world, commune_counter, procedure=world.birth_registration, now=at(2025, 9, 8))
    dossier_forward(actor=commune_specialist, dossier=birth, now=at(2025, 9, 10))
    world.commune_specialist = commune_specialist
    return world


def test_each_officer_is_flagged_with_the_thresholds_crossed_and_why(
    activity, django_assert_num_queries
):
    world = activity
    with django_assert_num_queries(5):  # steps, ratings, thresholds, officers, A8 years
        watch = officer_watch(
            agencies_visible_to(world.home_affairs_evaluator),
            day_from=date(2025, 9, 1),
            day_to=date(2025, 12, 31),
        )
    assert [line.username for line in watch.lines] == ["t.specialist", "t.leader", "x.tuphap"]
    specialist, leader, commune = watch.lines
    assert (specialist.steps, specialist.steps_late) == (3, 2)
    assert specialist.late_share == Decimal(2) / Decimal(3)
    assert specialist.over_budget_seconds == 6 * HOUR
    assert specialist.reasons == [
        "2 bước trễ hạn (ngưỡng: từ 2 bước)",
        "66,7% số bước trễ hạn (2/3 bước; ngưỡng: trên 50%, xét từ 2 bước)",
        "vượt định mức 6 giờ làm việc (ngưỡng: từ 5 giờ)",
    ]
    assert specialist.agency_name == "Phòng Quản lý hoạt động xây dựng"
    assert (leader.steps, leader.steps_late, leader.ratings.total) == (3, 0, 3)
    assert leader.reasons == [
        "66,7% lượt đánh giá không hài lòng (2/3 lượt; ngưỡng: trên 50%, xét từ 2 lượt)"
    ]
    assert leader.duty == "not_fulfilling"  # A8: over 50 % "not satisfied" in 2025
    # One late step of one: under the count, and a share of one step is not judged.
    assert (commune.steps, commune.steps_late, commune.reasons) == (1, 1, [])
    assert commune.over_budget_seconds == 2 * HOUR

    flagged = officer_watch(
        agencies_visible_to(world.home_affairs_evaluator),
        day_from=date(2025, 9, 1),
        day_to=date(2025, 12, 31),
        flagged_only=True,
    )
    assert [line.username for line in flagged.lines] == ["t.specialist", "t.leader"]


def test_a_share_exactly_at_its_threshold_is_not_crossed_and_inactive_ones_do_not_apply(
    activity,
):
    world = activity
    # The leader's 2 of 3: not over 66.7 %; the specialist's late share is not applied.
    thresholds(late_steps=None, late_share=None, over_budget=None, not_satisfied=("66.7", 3))
    OfficerThreshold.objects.create(kind="late_share", value=Decimal(10), active=False)
    watch = officer_watch(
        agencies_visible_to(world.home_affairs_evaluator),
        day_from=date(2025, 9, 1),
        day_to=date(2025, 12, 31),
    )
    assert all(line.breaches == [] for line in watch.lines)
    thresholds(not_satisfied=("66.6", 4))  # over the share, but fewer ratings than required
    watch = officer_watch(
        agencies_visible_to(world.home_affairs_evaluator),
        day_from=date(2025, 9, 1),
        day_to=date(2025, 12, 31),
    )
    assert all(line.breaches == [] for line in watch.lines)


def test_the_period_counts_only_its_days(activity):
    world = activity
    september_first_half = officer_watch(
        agencies_visible_to(world.home_affairs_evaluator),
        day_from=date(2025, 9, 1),
        day_to=date(2025, 9, 15),
    )
    lines = {line.username: line for line in september_first_half.lines}
    assert set(lines) == {"t.specialist", "t.leader", "x.tuphap"}
    assert (lines["t.specialist"].steps, lines["t.specialist"].steps_late) == (1, 0)
    assert lines["t.leader"].ratings.total == 0  # rated on 01/10


def test_a_unit_leader_sees_the_units_officers_and_home_affairs_the_province(
    client, activity, django_assert_num_queries
):
    world = activity
    client.force_login(world.leader)
    client.get(URL, PERIOD)  # warm the per-process caches
    # session, user, the leader's unit, the units merged into it, the step sums, the rating
    # sums, the thresholds, the A8 years, the officers, the agencies of the filter
    with django_assert_num_queries(10):
        response = client.get(URL, PERIOD)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lê Văn Chuyên" in page and "Phạm Đức Lãnh" in page
    assert "Mai Văn Xã" not in page
    assert "vượt định mức 6 giờ làm việc (ngưỡng: từ 5 giờ)" in page
    assert "Không hoàn thành nhiệm vụ" in page
    assert "Từ ngày 01/09/2025 đến ngày 31/12/2025" in page
    worst_first = page.index('"officer-t.specialist"') < page.index('"officer-t.leader"')
    assert worst_first

    client.force_login(world.reform_officer)
    page = client.get(URL, PERIOD).content.decode()
    assert "Lê Văn Chuyên" in page and "Mai Văn Xã" not in page

    client.force_login(world.home_affairs_evaluator)
    page = client.get(URL, PERIOD).content.decode()
    assert "Lê Văn Chuyên" in page and "Mai Văn Xã" in page
    # One agency of the province: its subtree only.
    page = client.get(URL, {**PERIOD, "agency": world.commune.code}).content.decode()
    assert "Mai Văn Xã" in page and "Lê Văn Chuyên" not in page


def test_officers_who_do_not_lead_are_refused_and_visitors_sent_to_sign_in(
    client, activity, citizen
):
    world = activity
    for user in (world.specialist, world.counter_officer, citizen):
        client.force_login(user)
        assert client.get(URL, PERIOD).status_code == 403
        assert client.get(XLSX_URL, PERIOD).status_code == 403
    client.logout()
    response = client.get(URL, PERIOD)
    assert response.status_code == 302 and "dang-nhap" in response.url
    client.force_login(world.leader)
    assert client.post(URL, PERIOD).status_code == 405


def test_a_bad_period_or_agency_says_why(client, activity):
    world = activity
    client.force_login(world.leader)
    response = client.get(URL, {"date_from": "31/12/2025", "date_to": "01/09/2025"})
    assert response.status_code == 400
    assert "“Từ ngày” phải trước hoặc bằng “đến ngày”." in response.content.decode()
    response = client.get(URL, {"date_from": "32/13/2025"})
    assert response.status_code == 400
    # Another unit's agency is no choice of the leader's: a 400, not its officers.
    response = client.get(URL, {**PERIOD, "agency": world.commune.code})
    assert response.status_code == 400 and "Mai Văn Xã" not in response.content.decode()
    assert client.get(XLSX_URL, {"date_to": "ngày mai"}).status_code == 400


def test_the_workbook_reads_back_with_every_officer_and_why(client, activity):
    world = activity
    client.force_login(world.home_affairs_evaluator)
    response = client.get(XLSX_URL, PERIOD)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="can-bo-tre-hen-tinh-01092025-31122025.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "CÁN BỘ THƯỜNG XUYÊN TRỄ HẸN TỪ NGÀY 01/09/2025 ĐẾN NGÀY 31/12/2025"
    header = [c.value for c in sheet[4]]
    assert header[:5] == ["STT", "Cán bộ", "Tài khoản", "Cơ quan, đơn vị", "Bước đã chuyển"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert [row[2] for row in rows] == ["t.specialist", "t.leader", "x.tuphap"]
    specialist = rows[0]
    assert specialist[4:8] == [3, 1, 0, 2]  # steps: early, on time, late
    assert specialist[8] == pytest.approx(2 / 3) and sheet.cell(5, 9).number_format == "0.0%"
    assert specialist[9] == 6.0  # working hours over budget
    assert specialist[14].splitlines()[0] == "2 bước trễ hạn (ngưỡng: từ 2 bước)"
    leader = rows[1]
    assert leader[10:13] == [3, 2, pytest.approx(2 / 3)]
    assert leader[13].startswith("Không hoàn thành nhiệm vụ")


def test_one_officers_months_within_the_readers_scope(client, activity, django_assert_num_queries):
    world = activity
    url = reverse("stats:officer_detail", args=["t.specialist"])
    client.force_login(world.leader)
    client.get(url, PERIOD)
    # session, user, the leader's unit, the units merged into it, the officer, whether the
    # officer's agency is in scope, the line (steps, ratings, thresholds, A8 years), the
    # months (steps, ratings)
    with django_assert_num_queries(12):
        response = client.get(url, PERIOD)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lê Văn Chuyên" in page and "09/2025" in page
    assert "66,7% số bước trễ hạn (2/3 bước; ngưỡng: trên 50%, xét từ 2 bước)" in page

    # Another unit's officer is a 404 for the leader, not for Home Affairs; nobody's a
    # citizen's.
    other = reverse("stats:officer_detail", args=["x.tuphap"])
    assert client.get(other, PERIOD).status_code == 404
    assert client.get(reverse("stats:officer_detail", args=["t.citizen"])).status_code == 404
    assert client.get(reverse("stats:officer_detail", args=["nobody"])).status_code == 404
    client.force_login(world.home_affairs_evaluator)
    assert client.get(other, PERIOD).status_code == 200
    assert client.get(reverse("stats:officer_detail", args=["t.citizen"])).status_code == 404


def test_an_officer_who_moved_away_is_still_on_the_units_list_for_what_they_did_there(
    client, activity
):
    world = activity
    world.specialist.agency = world.justice
    world.specialist.save(update_fields=["agency"])
    client.force_login(world.leader)
    page = client.get(URL, PERIOD).content.decode()
    assert "Lê Văn Chuyên" in page and "Sở Tư pháp" in page  # where they work now
    url = reverse("stats:officer_detail", args=["t.specialist"])
    assert client.get(url, PERIOD).status_code == 200


def test_the_province_edits_the_thresholds_in_the_admin_and_the_list_follows(
    client, activity, admin_user
):
    world = activity
    sign_in_verified(client, admin_user)
    row = OfficerThreshold.objects.get(kind="late_steps")
    url = reverse("admin:satisfaction_officerthreshold_change", args=[row.pk])
    form = {"kind": "late_steps", "value": "3", "minimum": "0", "active": "on", "source": "QĐ 1"}
    assert client.post(url, form).status_code == 302
    row.refresh_from_db()
    assert (row.value, row.source) == (Decimal(3), "QĐ 1")

    share = OfficerThreshold.objects.get(kind="late_share")
    share_url = reverse("admin:satisfaction_officerthreshold_change", args=[share.pk])
    bad = {"kind": "late_share", "value": "100", "minimum": "2", "active": "on", "source": ""}
    response = client.post(share_url, bad)
    assert response.status_code == 200 and str(MSG_SHARE_RANGE) in response.content.decode()
    share.refresh_from_db()
    assert share.value == Decimal(50)
    steps_bad = {**form, "value": "2.5"}
    response = client.post(url, steps_bad)
    assert response.status_code == 200 and str(MSG_WHOLE_STEPS) in response.content.decode()

    client.force_login(world.leader)
    page = client.get(URL, PERIOD).content.decode()
    assert "Từ 3 bước trễ hạn trong kỳ" in page  # the thresholds in force, listed
    assert "2 bước trễ hạn (ngưỡng" not in page  # 2 late steps are under 3 now


def test_the_report_leads_its_readers_to_the_list(client, world):
    client.force_login(world.leader)
    page = client.get(reverse("stats:report"), PERIOD).content.decode()
    assert f'href="{URL}" data-testid="officer-watch-link"' in page
    client.force_login(world.other_agency_officer)  # a specialist: the report, not the list
    page = client.get(reverse("stats:report"), PERIOD).content.decode()
    assert "officer-watch-link" not in page


def test_the_reasons_read_in_english_for_an_english_interface(activity):
    world = activity
    with translation.override("en"):
        watch = officer_watch(
            agencies_visible_to(world.home_affairs_evaluator),
            day_from=date(2025, 9, 1),
            day_to=date(2025, 12, 31),
        )
        assert watch.lines[0].reasons == [
            "2 late steps (threshold: from 2 steps)",
            "66,7% of steps late (2/3 steps; threshold: over 50%, judged from 2 steps)",
            "6 h of working time over budget (threshold: from 5 hours)",
        ]


def test_a_long_list_shows_the_worst_and_says_the_rest_are_in_the_workbook(
    client, activity, settings
):
    settings.CCHC_OFFICER_WATCH_ROWS = 2
    client.force_login(activity.home_affairs_evaluator)
    page = client.get(URL, PERIOD).content.decode()
    assert 'data-testid="officer-t.leader"' in page
    assert 'data-testid="officer-x.tuphap"' not in page
    assert "còn 1 cán bộ nữa trong tệp Excel" in page
    sheet = load_workbook(io.BytesIO(client.get(XLSX_URL, PERIOD).content)).active
    assert sheet.max_row == 4 + 3  # the header, then all three officers
