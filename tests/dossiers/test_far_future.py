"""Moments far from today: a due moment of 31/12/9999 stored on a row (typed by hand before the
horizon existed, or a legacy import) must not take pages down, and no user can store one again
(an apology's new appointment within a horizon, shipments within the dossier's life)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.core.calendar import current_calendar
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Apology, Dossier, DossierStep
from cchc.dossiers.services import (
    DossierInputError,
    dossier_apologize,
    dossier_forward,
    dossier_record_shipment,
)
from cchc.dossiers.services.processing import MSG_NEW_DUE_TOO_FAR, apology_horizon
from cchc.org.models import ApiToken
from tests.dossiers.helpers import at, receive

pytestmark = pytest.mark.django_db

WORKLIST = "/can-bo/ho-so/"
FAR = datetime(9999, 12, 31, 17, tzinfo=VN_TZ)  # a Friday closing time


def fresh(world) -> Dossier:
    return receive(world, now=timezone.now() - timedelta(minutes=1))


def corrupt_due_moments(dossier: Dossier) -> None:
    """What a legacy row or an unbounded apology left behind: the whole clock at 31/12/9999."""
    Dossier.objects.filter(pk=dossier.pk).update(due_at=FAR, legal_due_at=FAR)
    DossierStep.objects.filter(dossier=dossier).update(due_at=FAR)


def test_a_dossier_due_on_31_12_9999_still_shows_its_page_and_every_default_worklist(client, world):
    waiting = fresh(world)
    held = dossier_forward(actor=world.specialist, dossier=fresh(world), to_user=world.leader)
    for dossier in (waiting, held):
        corrupt_due_moments(dossier)
    for officer in (world.specialist, world.leader, world.counter_officer):
        client.force_login(officer)
        response = client.get(WORKLIST)
        assert response.status_code == 200, officer.username
        for tab in ("queue", "mine", "overdue", "due_today"):
            assert client.get(WORKLIST, {"tab": tab}).status_code == 200, (officer, tab)
        for dossier in (waiting, held):
            page = client.get(reverse("dossiers:detail", args=[dossier.code]))
            assert page.status_code == 200, (officer.username, dossier.code)
    client.force_login(world.specialist)
    body = client.get(reverse("dossiers:detail", args=[waiting.code])).content.decode()
    assert "31/12/9999" in body


# --- an apology's new appointment stays within a horizon -------------------------------------


def apologize(world, dossier, new_due_at, now):
    return dossier_apologize(
        actor=world.specialist,
        dossier=dossier,
        reason="Chờ ý kiến của cơ quan phối hợp",
        new_due_at=new_due_at,
        now=now,
    )


def assert_nothing_written(dossier, call):
    dossier.refresh_from_db()
    before = (dossier.due_at, dossier.apology_count, dossier.event_count)
    with pytest.raises(DossierInputError) as raised:
        call()
    dossier.refresh_from_db()
    assert (dossier.due_at, dossier.apology_count, dossier.event_count) == before
    assert not Apology.objects.filter(dossier=dossier).exists()
    return raised.value


def test_an_apology_cannot_set_an_appointment_in_year_9999(world):
    d = receive(world, now=at(2025, 3, 3, 9))  # due 24/03 09:00
    error = assert_nothing_written(d, lambda: apologize(world, d, FAR, at(2025, 3, 20)))
    assert error.field == "new_due_at" and error.template == MSG_NEW_DUE_TOO_FAR
    latest = apology_horizon(d, at(2025, 3, 20)).astimezone(VN_TZ)
    assert f"{latest:%d/%m/%Y %H:%M}" in error.message


def test_the_horizon_is_the_legal_time_again_after_the_current_appointment(world):
    # By default: the procedure's legal time (15 working days) once more, after 24/03 09:00.
    d = receive(world, now=at(2025, 3, 3, 9))
    horizon = apology_horizon(d, at(2025, 3, 20))
    assert current_calendar().working_seconds_between(d.due_at, horizon) == 15 * 8 * 3600
    one_minute_more = current_calendar().postpone(horizon, 60)
    assert_nothing_written(d, lambda: apologize(world, d, one_minute_more, at(2025, 3, 20)))
    apology = apologize(world, d, horizon, at(2025, 3, 20))
    assert apology.new_due_at == horizon


def test_a_dossier_already_late_counts_its_horizon_from_now(world):
    d = receive(world, now=at(2025, 3, 3, 9))  # due 24/03 09:00, apologised for on 31/03
    horizon = apology_horizon(d, at(2025, 3, 31, 9))
    assert current_calendar().working_seconds_between(at(2025, 3, 31, 9), horizon) == (
        15 * 8 * 3600
    )


def test_the_horizon_is_a_setting(world, settings):
    d = receive(world, now=at(2025, 3, 3, 9))
    settings.CCHC_APOLOGY_HORIZON_FACTOR = 2
    cal = current_calendar()
    assert cal.working_seconds_between(d.due_at, apology_horizon(d, at(2025, 3, 20))) == (
        30 * 8 * 3600
    )
    # A short procedure still gets the minimum number of working days.
    settings.CCHC_APOLOGY_HORIZON_FACTOR = Decimal("0.01")
    settings.CCHC_APOLOGY_HORIZON_MIN_DAYS = 5
    assert cal.working_seconds_between(d.due_at, apology_horizon(d, at(2025, 3, 20))) == (
        5 * 8 * 3600
    )


def overdue(world) -> Dossier:
    return receive(world, now=timezone.now() - timedelta(days=45))


def test_the_apology_form_shows_the_horizon_error_on_its_field(client, world):
    d = overdue(world)
    client.force_login(world.specialist)
    url = reverse("dossiers:action", args=[d.code, "xin-loi"])
    # Year 9999 is stopped at the door (the shared date type); a date the door lets through
    # but beyond the horizon is refused by the service, on the same field.
    for typed, message in (
        ("31/12/9999 17:00", "2100"),
        ("31/12/2099 17:00", "Ngày hẹn mới quá xa"),
    ):
        response = client.post(url, {"xin-loi-reason": "Chậm", "xin-loi-new_due_at": typed})
        assert response.status_code in (400, 422)
        body = response.content.decode()
        assert 'id="id_xin-loi-new_due_at_error"' in body
        assert message in body
    d.refresh_from_db()
    assert d.apology_count == 0 and d.due_at.year < 2099


def test_the_api_refuses_an_apology_in_year_9999_with_a_422_on_the_field(client, world):
    d = overdue(world)
    _, raw = ApiToken.issue(world.specialist)
    for moment, message in (
        ("9999-12-31T17:00:00+07:00", "2100"),
        ("2099-12-31T17:00:00+07:00", "Ngày hẹn mới quá xa"),
    ):
        response = client.post(
            f"/api/v1/dossiers/{d.code}/actions",
            {"action": "apologize", "reason": "Chậm", "new_due_at": moment},
            content_type="application/json",
            headers={"Authorization": f"Bearer {raw}"},
        )
        assert response.status_code == 422, response.content
        body = response.json()
        assert body["errors"][0]["param"] == "new_due_at"
        assert message in body["detail"]
    d.refresh_from_db()
    assert d.apology_count == 0


# --- shipments happen within the dossier's life ----------------------------------------------


def ship(world, dossier, direction, handed_over_at, delivered_at=None, now=None):
    return dossier_record_shipment(
        actor=world.counter_officer,
        dossier=dossier,
        direction=direction,
        carrier="Bưu điện tỉnh Bình Sơn",
        tracking_number="RR123456789VN",
        handed_over_at=handed_over_at,
        delivered_at=delivered_at,
        now=now or at(2025, 3, 10),
    )


@pytest.mark.parametrize(
    ("direction", "handed_over_at", "delivered_at", "field"),
    [
        ("outbound", at(2025, 3, 3, 8, 59), None, "handed_over_at"),  # before the receipt
        ("outbound", datetime(1, 1, 1, 8, tzinfo=VN_TZ), None, "handed_over_at"),
        ("inbound", at(2025, 1, 31), None, "handed_over_at"),  # a month before submission
        ("inbound", datetime(1, 1, 1, 8, tzinfo=VN_TZ), None, "handed_over_at"),
        ("outbound", FAR, None, "handed_over_at"),
        ("outbound", at(2025, 3, 5), FAR, "delivered_at"),
        ("outbound", at(2025, 3, 5), at(2025, 3, 4), "delivered_at"),  # before it was sent
    ],
)
def test_shipment_moments_outside_the_dossiers_life_are_refused(
    world, direction, handed_over_at, delivered_at, field
):
    d = receive(world, channel="postal", now=at(2025, 3, 3, 9))
    before = d.event_count
    with pytest.raises(DossierInputError) as raised:
        ship(world, d, direction, handed_over_at, delivered_at)
    assert raised.value.field == field
    d.refresh_from_db()
    assert d.event_count == before and not d.shipments.exists()


def test_shipment_moments_within_the_dossiers_life_are_recorded(world):
    d = receive(world, channel="postal", now=at(2025, 3, 3, 9))
    inbound = ship(world, d, "inbound", at(2025, 2, 28, 15))  # posted the Friday before
    outbound = ship(world, d, "outbound", at(2025, 3, 7, 9), delivered_at=at(2025, 3, 8, 10))
    assert inbound.handed_over_at == at(2025, 2, 28, 15)
    assert outbound.delivered_at == at(2025, 3, 8, 10)
