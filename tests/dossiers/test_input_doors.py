"""What officers type at the counter and on the dossier pages goes through the shared checks
(cchc.core.validation): a year near 1 or 9999 is a message on the field, never a 500, and a
control character in a name, address or note is refused before anything is written."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.dossiers.models import Dossier
from cchc.dossiers.services import dossier_forward
from tests.dossiers.helpers import receive
from tests.dossiers.test_views import INTAKE, WORKLIST, act, counts, intake_data, overdue, text

pytestmark = pytest.mark.django_db

MSG_YEARS = "Năm phải từ 1900 đến 2100."
MSG_CONTROL = "Có ký tự điều khiển không hiển thị được (U+0001"


@pytest.mark.parametrize(
    "params",
    [
        {"received_from": "01/01/0001"},
        {"received_to": "31/12/9999"},
        {"received_from": "01/01/0001", "received_to": "31/12/9999"},
    ],
)
def test_worklist_dates_near_year_1_or_9999_are_a_message_not_a_500(client, world, params):
    client.force_login(world.specialist)
    response = client.get(WORKLIST, {"tab": "queue", **params})
    assert response.status_code == 200
    assert MSG_YEARS in text(response)


@pytest.mark.parametrize(
    "field", ["applicant_name", "applicant_address", "reason", "other_items", "doc-1-name"]
)
def test_the_counter_refuses_a_control_character_and_writes_nothing(client, world, field):
    client.force_login(world.counter_officer)
    before = counts()
    value = "Nguyễn\x01 Văn Bình"
    response = client.post(INTAKE, intake_data(**{field: value}))
    assert response.status_code == 422
    assert MSG_CONTROL in text(response)
    assert counts() == before


def test_the_counter_still_takes_vietnamese_text_with_line_breaks(client, world):
    client.force_login(world.counter_officer)
    address = "Số 5 đường Lê Lợi,\r\nphường Tân An"
    response = client.post(INTAKE, intake_data(applicant_address=address))
    assert response.status_code == 302
    assert Dossier.objects.latest("pk").applicant_address == address


def test_a_backdated_intake_in_year_1_is_a_field_error(client, world):
    client.force_login(world.counter_officer)
    before = counts()
    data = intake_data(received_at="01/01/0001 09:00", backdate_reason="Nhập bù")
    response = client.post(INTAKE, data)
    assert response.status_code == 422
    assert MSG_YEARS in text(response)
    assert counts() == before


@pytest.mark.parametrize("typed", ["31/12/9999 10:00", "01/01/0001 10:00"])
def test_an_apology_to_year_9999_or_1_is_a_field_error_and_changes_nothing(client, world, typed):
    d = overdue(world)
    client.force_login(world.specialist)
    response = client.post(
        act(d, "xin-loi"), {"xin-loi-reason": "Chờ ý kiến", "xin-loi-new_due_at": typed}
    )
    assert response.status_code == 422
    assert MSG_YEARS in text(response)
    d.refresh_from_db()
    assert d.apology_count == 0


def test_a_withdrawal_reason_with_a_control_character_is_refused(client, world):
    d = receive(world, now=timezone.now() - timedelta(minutes=1))
    client.force_login(world.counter_officer)
    response = client.post(act(d, "rut-ho-so"), {"rut-ho-so-reason": "Người nộp\x01 đề nghị"})
    assert response.status_code == 422
    assert MSG_CONTROL in text(response)
    d.refresh_from_db()
    assert d.status == "received"


def test_a_payment_line_added_by_the_form_itself_is_checked_too(client, world):
    d = dossier_forward(actor=world.specialist, dossier=receive(world, now=timezone.now()))
    client.force_login(world.leader)
    slug = "yeu-cau-nghia-vu-tai-chinh"
    response = client.post(
        act(d, slug), {f"{slug}-name_1": "Lệ phí\x01", f"{slug}-amount_1": "75.000"}
    )
    assert response.status_code == 422
    assert MSG_CONTROL in text(response)
    assert not d.payments.exists()


@pytest.mark.parametrize(
    "params",
    [
        {"from": "01/01/0001", "to": "02/01/0001"},
        {"from": "30/12/9999", "to": "31/12/9999"},
        {"from": "0001-01-01", "to": "0001-01-05"},
    ],
)
def test_the_tracking_book_period_near_year_1_or_9999_is_a_400_with_the_reason(
    client, world, counter_officer, params
):
    client.force_login(counter_officer)
    response = client.get(reverse("dossier_print:tracking_book"), params)
    assert response.status_code == 400
    assert MSG_YEARS in text(response)
