"""The one-stop services on the real database: each transition writes its state, one event
and the due moments; each forbidden one raises and changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission

from cchc.core.models import OutboxMessage
from cchc.domain.lifecycle import TransitionError
from cchc.dossiers.counters import stats_recount, stats_stored
from cchc.dossiers.models import Dossier, DossierEvent, DossierStep
from cchc.dossiers.selectors import dossier_clock, dossier_get_for_user, dossier_list_for_user
from cchc.dossiers.services import (
    DocumentData,
    DossierInputError,
    dossier_apologize,
    dossier_approve,
    dossier_confirm_payment,
    dossier_forward,
    dossier_pay,
    dossier_receive,
    dossier_record_visit,
    dossier_refuse,
    dossier_register,
    dossier_reject,
    dossier_request_payment,
    dossier_request_supplement,
    dossier_return,
    dossier_send_back,
    dossier_stop,
    dossier_submit_supplement,
    dossier_withdraw,
)
from cchc.dossiers.services.intake import IntakeRequest
from tests.dossiers.helpers import APPLICANT, at, receive
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def snapshot(dossier):
    dossier.refresh_from_db()
    return (dossier.status, dossier.event_count, dossier.due_at, dossier.current_step_id)


def assert_refused(call, dossier, error=TransitionError):
    before = snapshot(dossier)
    events = DossierEvent.objects.filter(dossier=dossier).count()
    with pytest.raises(error) as raised:
        call()
    assert snapshot(dossier) == before
    assert DossierEvent.objects.filter(dossier=dossier).count() == events
    return raised.value


# --- intake ----------------------------------------------------------------------------------


def test_receiving_issues_the_code_due_moment_route_and_one_event(world):
    d = receive(world, now=at(2025, 3, 3, 9))
    assert d.code == "000.00.05.H98-250303-0001"
    assert d.status == "received" and d.visit_count == 1
    # 15 working days from Monday 03/03/2025 09:00 (DOMAIN A2)
    assert d.legal_due_at == d.due_at == at(2025, 3, 24, 9)
    assert d.calendar_version >= 1
    steps = list(d.steps.order_by("order"))
    assert [s.state for s in steps] == ["done", "active", "pending", "pending"]
    assert d.current_step == steps[1] and steps[1].holder is None
    assert steps[1].due_at == at(2025, 3, 20, 16)  # 110 working hours from receipt
    event = d.events.get()
    assert (event.action, event.from_status, event.to_status) == ("receive", "", "received")
    assert event.from_step == steps[0] and event.to_step == steps[1]
    assert "Bộ phận Một cửa" in event.to_holder or "Chuyên viên" in event.to_holder
    assert d.fee_lines.get().amount_vnd == 75000
    messages = OutboxMessage.objects.filter(dossier_code=d.code)
    assert {m.channel for m in messages} == {"email", "sms"}
    assert "đã được tiếp nhận" in messages.first().subject


def test_codes_are_consecutive_per_agency_and_day(world):
    codes = [receive(world, now=at(2025, 3, 3, 9, n)).code for n in range(3)]
    assert codes == [f"000.00.05.H98-250303-000{n}" for n in (1, 2, 3)]
    assert receive(world, now=at(2025, 3, 4, 9)).code.endswith("250304-0001")


def test_a_dossier_received_after_hours_starts_the_next_morning(world):
    d = receive(world, now=at(2025, 3, 7, 17, 30))  # Friday evening
    # starts Monday 10/03 08:00; 15 whole working days end at a closing time, which stays
    assert d.due_at == at(2025, 3, 28, 17)


def test_backdated_intake_needs_the_permission_and_a_reason(world, counter_officer):
    request = IntakeRequest(procedure=world.building_permit, applicant=APPLICANT)
    with pytest.raises(DossierInputError) as error:
        dossier_receive(
            actor=counter_officer, request=request, received_at=at(2025, 3, 1), now=at(2025, 3, 3)
        )
    assert "quyền" in error.value.message
    counter_officer.user_permissions.add(Permission.objects.get(codename="backdate_intake"))
    counter_officer = type(counter_officer).objects.get(pk=counter_officer.pk)
    with pytest.raises(DossierInputError) as error:
        dossier_receive(
            actor=counter_officer, request=request, received_at=at(2025, 2, 28), now=at(2025, 3, 3)
        )
    assert error.value.field == "reason"
    d = dossier_receive(
        actor=counter_officer,
        request=request,
        received_at=at(2025, 2, 28, 10),
        reason="Nhập bù hồ sơ giấy do mất điện",
        now=at(2025, 3, 3),
    )
    assert d.code.endswith("250228-0001") and d.received_at == at(2025, 2, 28, 10) and d.backdated
    event = d.events.get()
    assert event.data["backdated"] is True and event.note == "Nhập bù hồ sơ giấy do mất điện"
    assert event.at == at(2025, 2, 28, 10)


def test_only_the_receiving_agency_receives(world, other_agency_officer, specialist):
    request = IntakeRequest(procedure=world.building_permit, applicant=APPLICANT)
    with pytest.raises(DossierInputError):
        dossier_receive(
            actor=UserFactory(username="j.counter", role="counter_officer", agency=world.justice),
            request=request,
        )
    with pytest.raises(TransitionError):
        dossier_receive(actor=specialist, request=request)
    assert Dossier.objects.count() == 0


def test_intake_supplement_lists_everything_and_a_second_needs_a_reason(world, counter_officer):
    request = IntakeRequest(procedure=world.building_permit, applicant=APPLICANT)
    d = dossier_register(actor=counter_officer, request=request, now=at(2025, 3, 3))
    err = assert_refused(
        lambda: dossier_request_supplement(
            actor=counter_officer, dossier=d, items=[" "], reason=""
        ),
        d,
        DossierInputError,
    )
    assert "một lần" in err.message
    s = dossier_request_supplement(
        actor=counter_officer,
        dossier=d,
        items=["Bản vẽ thiết kế", "Giấy tờ về quyền sử dụng đất"],
        reason="",
    )
    d.refresh_from_db()
    assert d.status == "intake_supplement" and d.code is None and d.due_at is None
    assert s.items == ["Bản vẽ thiết kế", "Giấy tờ về quyền sử dụng đất"] and s.stage == "intake"
    dossier_submit_supplement(
        actor=counter_officer, dossier=d, documents=[DocumentData("Bản vẽ thiết kế")]
    )
    d.refresh_from_db()
    assert d.status == "submitted" and d.visit_count == 2
    err = assert_refused(
        lambda: dossier_request_supplement(
            actor=counter_officer, dossier=d, items=["Ảnh hiện trạng"], reason=""
        ),
        d,
        DossierInputError,
    )
    assert "thứ hai" in err.message
    dossier_request_supplement(
        actor=counter_officer, dossier=d, items=["Ảnh hiện trạng"], reason="Thiếu ảnh khu đất"
    )
    d.refresh_from_db()
    assert d.intake_supplement_count == 2


def test_refusal_is_terminal_with_the_reason(world, counter_officer):
    d = dossier_register(
        actor=counter_officer,
        request=IntakeRequest(procedure=world.building_permit, applicant=APPLICANT),
    )
    assert_refused(
        lambda: dossier_refuse(actor=counter_officer, dossier=d, reason=" "), d, DossierInputError
    )
    dossier_refuse(
        actor=counter_officer, dossier=d, reason="Không thuộc thẩm quyền của Sở Xây dựng"
    )
    d.refresh_from_db()
    assert d.status == "refused" and d.closing_reason.startswith("Không thuộc")
    assert_refused(lambda: dossier_record_visit(actor=counter_officer, dossier=d, purpose="Hỏi"), d)


# --- processing ------------------------------------------------------------------------------


def test_only_the_holder_or_its_leader_forwards(world, specialist, leader, other_agency_officer):
    d = receive(world)
    assert_refused(lambda: dossier_forward(actor=other_agency_officer, dossier=d), d)
    assert_refused(lambda: dossier_forward(actor=world.counter_officer, dossier=d), d)
    d = dossier_forward(actor=specialist, dossier=d, now=at(2025, 3, 4))
    assert d.current_step.role == "leader" and d.status == "processing"
    event = d.events.order_by("-seq").first()
    assert event.step_used_seconds == 8 * 3600 and event.step_budget_seconds == 110 * 3600
    # the specialist no longer holds it
    assert_refused(lambda: dossier_forward(actor=specialist, dossier=d), d)


def test_forward_to_a_named_officer_of_the_next_step(
    world, specialist, leader, other_agency_officer
):
    d = receive(world)
    with pytest.raises(DossierInputError):
        dossier_forward(
            actor=specialist, dossier=d, to_user=other_agency_officer, now=at(2025, 3, 4)
        )
    d = dossier_forward(actor=specialist, dossier=d, to_user=leader, now=at(2025, 3, 4))
    assert d.current_step.holder == leader


def test_send_back_returns_to_the_officer_who_finished_the_step(world, specialist, leader):
    d = dossier_forward(actor=specialist, dossier=receive(world), now=at(2025, 3, 4))
    assert_refused(
        lambda: dossier_send_back(actor=leader, dossier=d, reason="", now=at(2025, 3, 5)),
        d,
        DossierInputError,
    )
    d = dossier_send_back(
        actor=leader, dossier=d, reason="Bổ sung ý kiến thẩm định", now=at(2025, 3, 5)
    )
    assert d.current_step.role == "specialist" and d.current_step.holder == specialist


def test_supplement_during_processing_pauses_the_clock(world, specialist):
    d = receive(world, now=at(2025, 3, 3, 9))
    dossier_request_supplement(
        actor=specialist,
        dossier=d,
        items=["Bản vẽ kết cấu"],
        reason="Thiếu bản vẽ",
        now=at(2025, 3, 5, 9),
    )
    d.refresh_from_db()
    assert d.status == "supplement_requested"
    clock = dossier_clock(d, now=at(2025, 4, 30))
    assert clock["paused"] and clock["seconds"] > 0  # never overdue while paused
    # 3 working days pass (05/03 09:00 → 10/03 09:00)
    d = dossier_submit_supplement(actor=world.counter_officer, dossier=d, now=at(2025, 3, 10, 9))
    assert d.status == "processing"
    assert d.legal_due_at == d.due_at == at(2025, 3, 27, 9)
    assert d.paused_seconds == 3 * 8 * 3600
    assert d.current_step.due_at == at(2025, 3, 25, 16)  # 20/03 16:00 + the 3 paused days


def test_supplement_restart_gives_the_full_time_again(world, specialist):
    world.building_permit.supplement_clock = "restart"
    world.building_permit.save()
    from cchc.catalog.services import procedure_publish

    procedure_publish(
        actor=None, procedure=world.building_permit, decision_number="2/QĐ", decision_date=None
    )
    d = receive(world, now=at(2025, 3, 3, 9))
    dossier_request_supplement(
        actor=specialist, dossier=d, items=["Bản vẽ"], reason="Thiếu", now=at(2025, 3, 5, 9)
    )
    d = dossier_submit_supplement(actor=world.counter_officer, dossier=d, now=at(2025, 3, 10, 9))
    assert d.legal_due_at == at(2025, 3, 31, 9)  # 15 working days from 10/03 09:00


def use_restart_clock(world):
    """The building permit's supplements restart the legal time (published as a new version)."""
    from cchc.catalog.services import procedure_publish

    world.building_permit.supplement_clock = "restart"
    world.building_permit.save()
    procedure_publish(
        actor=None, procedure=world.building_permit, decision_number="2/QĐ", decision_date=None
    )


def due_on_friday_closing(world):
    """Received Monday 03/03/2025 08:00: due Friday 21/03 17:00 (15 working days, landing on a
    closing time). Handed to the leader Friday 07/03 13:00: the approval step's 4 working hours
    end at 17:00 that day."""
    d = receive(world, now=at(2025, 3, 3, 8))
    d = dossier_forward(
        actor=world.specialist, dossier=d, to_user=world.leader, now=at(2025, 3, 7, 13)
    )
    assert d.due_at == d.legal_due_at == at(2025, 3, 21, 17)
    assert d.current_step.due_at == at(2025, 3, 7, 17)
    return d


def test_supplement_asked_after_closing_and_completed_on_saturday_moves_no_due_moment(world):
    # DOMAIN A2/A3: the due moments move by the working time actually paused. Friday 17:30 →
    # Saturday is no working time: both stay on Friday's closing time, the appointment too.
    d = due_on_friday_closing(world)
    dossier_request_supplement(
        actor=world.leader, dossier=d, items=["Bản vẽ"], reason="Thiếu", now=at(2025, 3, 7, 17, 30)
    )
    d = dossier_submit_supplement(actor=world.counter_officer, dossier=d, now=at(2025, 3, 8, 10))
    d.current_step.refresh_from_db()
    assert d.status == "processing" and d.paused_seconds == 0
    assert d.due_at == d.legal_due_at == at(2025, 3, 21, 17)
    assert d.current_step.due_at == at(2025, 3, 7, 17)
    assert d.current_step.paused_seconds == 0
    event = d.events.get(action="submit_supplement")
    assert event.data["clock_mode"] == "pause" and event.data["paused_seconds"] == 0


def test_supplement_paused_over_working_time_moves_the_closing_due_moments_by_exactly_that(world):
    d = due_on_friday_closing(world)
    dossier_request_supplement(
        actor=world.leader, dossier=d, items=["Bản vẽ"], reason="Thiếu", now=at(2025, 3, 7, 16, 30)
    )
    # Friday 16:30 → 17:00 and Monday 08:00 → 08:30: one working hour paused.
    d = dossier_submit_supplement(
        actor=world.counter_officer, dossier=d, now=at(2025, 3, 10, 8, 30)
    )
    d.current_step.refresh_from_db()
    assert d.paused_seconds == 3600
    assert d.due_at == d.legal_due_at == at(2025, 3, 24, 9)
    assert d.current_step.due_at == at(2025, 3, 10, 9)


def test_restart_after_a_weekend_supplement_gives_the_full_time_from_the_next_opening(world):
    # Restart mode: the full legal time again from the complete supplement; received on a
    # Saturday, it counts from Monday's opening (DOMAIN A2), the step's budget too.
    use_restart_clock(world)
    d = due_on_friday_closing(world)
    dossier_request_supplement(
        actor=world.leader, dossier=d, items=["Bản vẽ"], reason="Thiếu", now=at(2025, 3, 7, 17, 30)
    )
    d = dossier_submit_supplement(actor=world.counter_officer, dossier=d, now=at(2025, 3, 8, 10))
    d.current_step.refresh_from_db()
    assert d.due_at == d.legal_due_at == at(2025, 3, 28, 17)  # Mon 10/03 08:00 + 15 days
    assert d.current_step.due_at == at(2025, 3, 10, 12)  # Mon 08:00 + 4 working hours
    assert d.events.get(action="submit_supplement").data["clock_mode"] == "restart"


def test_restart_keeps_a_later_apology_appointment_on_its_closing_time(world):
    # An apology set the appointment on a closing time beyond the restarted legal time: the
    # restart does not move it, not even to the next opening.
    use_restart_clock(world)
    d = due_on_friday_closing(world)
    dossier_apologize(
        actor=world.leader,
        dossier=d,
        reason="Chờ ý kiến phối hợp",
        new_due_at=at(2025, 4, 4, 17),
        now=at(2025, 3, 7, 16),
    )
    dossier_request_supplement(
        actor=world.leader, dossier=d, items=["Bản vẽ"], reason="Thiếu", now=at(2025, 3, 7, 17, 30)
    )
    d = dossier_submit_supplement(actor=world.counter_officer, dossier=d, now=at(2025, 3, 8, 10))
    assert d.legal_due_at == at(2025, 3, 28, 17)
    assert d.due_at == at(2025, 4, 4, 17)


def test_financial_obligation_paid_on_saturday_moves_no_due_moment(world):
    d = due_on_friday_closing(world)
    dossier_request_payment(
        actor=world.leader,
        dossier=d,
        items=[("Lệ phí trước bạ", 500000)],
        now=at(2025, 3, 7, 17, 30),
    )
    d = dossier_confirm_payment(actor=world.counter_officer, dossier=d, now=at(2025, 3, 8, 10))
    d.current_step.refresh_from_db()
    assert d.due_at == d.legal_due_at == at(2025, 3, 21, 17)
    assert d.current_step.due_at == at(2025, 3, 7, 17)


def test_a_late_dossier_needs_an_apology_before_anything_else(world, specialist, leader):
    d = receive(world, now=at(2025, 3, 3, 9))
    late = at(2025, 3, 25, 9)  # due 24/03 09:00
    err = assert_refused(lambda: dossier_forward(actor=specialist, dossier=d, now=late), d)
    assert "xin lỗi" in err.message and "apologize" in err.allowed
    with pytest.raises(DossierInputError):
        dossier_apologize(
            actor=specialist,
            dossier=d,
            reason="Chờ ý kiến",
            new_due_at=at(2025, 3, 24, 10),
            now=late,
        )
    with pytest.raises(DossierInputError):  # not inside office hours
        dossier_apologize(
            actor=specialist,
            dossier=d,
            reason="Chờ ý kiến",
            new_due_at=at(2025, 3, 29, 10),
            now=late,
        )
    apology = dossier_apologize(
        actor=specialist,
        dossier=d,
        reason="Chờ ý kiến phối hợp của Sở Tài chính",
        new_due_at=at(2025, 3, 28, 16),
        now=late,
    )
    assert not apology.timely and apology.agency == world.construction
    d = dossier_forward(actor=specialist, dossier=d, now=at(2025, 3, 26))
    d = dossier_approve(actor=leader, dossier=d, result_number="45/GPXD", now=at(2025, 3, 27))
    assert d.timeliness == "late"  # measured against the legal due, not the apology's
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 3, 27, 10))
    d = dossier_return(
        actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, 3, 27, 11)
    )
    assert d.status == "returned"
    assert OutboxMessage.objects.filter(dossier_code=d.code, template="apology").exists()


def test_a_late_result_is_not_returned_without_an_apology(world, specialist, leader):
    d = receive(world, now=at(2025, 3, 3, 9))
    d = dossier_forward(actor=specialist, dossier=d, now=at(2025, 3, 20))
    # approved exactly at the due moment: on time; one minute later: late (needs apology first)
    late = at(2025, 3, 24, 9, 1)
    assert_refused(lambda: dossier_approve(actor=leader, dossier=d, result_number="1", now=late), d)


def test_approval_at_the_due_date_is_on_time_and_early_before(world, specialist, leader):
    d = dossier_forward(
        actor=specialist, dossier=receive(world, now=at(2025, 3, 3, 9)), now=at(2025, 3, 20)
    )
    d = dossier_approve(actor=leader, dossier=d, result_number="1/GP", now=at(2025, 3, 24, 8, 30))
    assert d.timeliness == "on_time" and d.current_step.role == "counter_officer"
    e = dossier_forward(
        actor=specialist, dossier=receive(world, now=at(2025, 3, 3, 9)), now=at(2025, 3, 4)
    )
    e = dossier_approve(actor=leader, dossier=e, result_number="2/GP", now=at(2025, 3, 21, 16))
    assert e.timeliness == "early"


def test_fees_must_be_paid_before_the_return(world, specialist, leader, counter_officer):
    d = dossier_forward(actor=specialist, dossier=receive(world), now=at(2025, 3, 4))
    d = dossier_approve(actor=leader, dossier=d, result_number="1/GP", now=at(2025, 3, 5))
    err = assert_refused(
        lambda: dossier_return(
            actor=counter_officer, dossier=d, method="in_person", now=at(2025, 3, 6)
        ),
        d,
    )
    assert "phí" in err.message
    with pytest.raises(DossierInputError):
        dossier_pay(actor=counter_officer, dossier=d, amount_vnd=80000, now=at(2025, 3, 6))
    payment = dossier_pay(actor=counter_officer, dossier=d, now=at(2025, 3, 6))
    assert payment.amount_vnd == 75000 and payment.state == "paid"


def test_postal_return_records_the_shipment(world, specialist, leader, counter_officer):
    d = dossier_forward(actor=specialist, dossier=receive(world), now=at(2025, 3, 4))
    d = dossier_approve(actor=leader, dossier=d, result_number="1/GP", now=at(2025, 3, 5))
    dossier_pay(actor=counter_officer, dossier=d, now=at(2025, 3, 5, 10))
    with pytest.raises(DossierInputError):
        dossier_return(actor=counter_officer, dossier=d, method="postal", now=at(2025, 3, 6))
    d = dossier_return(
        actor=counter_officer,
        dossier=d,
        method="postal",
        carrier="Bưu điện tỉnh",
        tracking_number="EP123456789VN",
        now=at(2025, 3, 6),
    )
    shipment = d.shipments.get()
    assert (shipment.carrier, shipment.tracking_number, shipment.handed_over_at) == (
        "Bưu điện tỉnh",
        "EP123456789VN",
        at(2025, 3, 6),
    )
    assert d.visit_count == 1  # the postal return spared a trip


def test_third_visit_is_flagged_and_counted(world, counter_officer):
    d = receive(world)
    dossier_record_visit(
        actor=counter_officer, dossier=d, purpose="Hỏi tiến độ", now=at(2025, 3, 5)
    )
    d = dossier_record_visit(
        actor=counter_officer, dossier=d, purpose="Hỏi tiến độ lần nữa", now=at(2025, 3, 6)
    )
    assert d.visit_count == 3 and d.third_visit


def test_financial_obligation_pauses_and_payment_resumes(world, specialist, counter_officer):
    d = dossier_forward(
        actor=specialist, dossier=receive(world, now=at(2025, 3, 3, 9)), now=at(2025, 3, 4, 9)
    )
    leader = world.leader
    d = dossier_request_payment(
        actor=leader, dossier=d, items=[("Lệ phí trước bạ", 500000)], now=at(2025, 3, 5, 9)
    )
    assert d.status == "awaiting_payment"
    d = dossier_confirm_payment(actor=counter_officer, dossier=d, now=at(2025, 3, 7, 9))
    assert d.status == "processing" and d.due_at == at(2025, 3, 26, 9)
    assert d.payments.filter(state="paid").count() == 1


def test_reject_stop_and_withdraw(world, specialist, leader, counter_officer):
    a = dossier_forward(actor=specialist, dossier=receive(world), now=at(2025, 3, 4))
    a = dossier_reject(
        actor=leader, dossier=a, reason="Không phù hợp quy hoạch", now=at(2025, 3, 5)
    )
    assert (a.status, a.outcome) == ("result_ready", "rejected")
    b = receive(world)
    assert_refused(lambda: dossier_stop(actor=specialist, dossier=b, reason="x"), b)
    b = dossier_stop(actor=leader, dossier=b, reason="Tranh chấp đất đai", now=at(2025, 3, 5))
    assert b.status == "stopped" and b.current_step is None
    c = receive(world)
    c = dossier_withdraw(
        actor=counter_officer, dossier=c, reason="Người nộp xin rút", now=at(2025, 3, 5)
    )
    assert c.status == "withdrawn"


def test_an_inter_agency_step_is_held_and_seen_by_the_other_agency(
    world, specialist, leader, other_agency_officer
):
    from cchc.catalog.models import ProcessStep
    from cchc.catalog.services import procedure_publish

    permit = world.building_permit
    ProcessStep.objects.filter(procedure=permit, order=4).update(order=5)
    ProcessStep.objects.filter(procedure=permit, order=3).update(order=4)
    ProcessStep.objects.create(
        procedure=permit,
        order=3,
        name="Lấy ý kiến Sở Tư pháp",
        role="specialist",
        agency=world.justice,
        budget_hours=0.5,
    )
    ProcessStep.objects.filter(procedure=permit, order=2).update(budget_hours=105.5)
    procedure_publish(actor=None, procedure=permit, decision_number="3/QĐ", decision_date=None)
    d = receive(world)
    assert not dossier_list_for_user(other_agency_officer).filter(pk=d.pk).exists()
    d = dossier_forward(actor=specialist, dossier=d, now=at(2025, 3, 4))
    assert d.current_step.agency == world.justice
    assert dossier_get_for_user(other_agency_officer, d.code) == d
    d = dossier_forward(actor=other_agency_officer, dossier=d, now=at(2025, 3, 4, 10))
    assert d.current_step.role == "leader" and d.current_step.agency == world.construction


def test_another_agency_sees_nothing(world, other_agency_officer):
    from django.http import Http404

    d = receive(world)
    with pytest.raises(Http404):
        dossier_get_for_user(other_agency_officer, d.code)
    with pytest.raises(Http404):
        dossier_get_for_user(other_agency_officer, str(d.public_id))
    assert_refused(
        lambda: dossier_record_visit(actor=other_agency_officer, dossier=d, purpose="x"), d
    )


def test_counters_equal_a_recount(world, specialist, leader, counter_officer):
    a = receive(world, now=at(2025, 3, 3, 9))
    b = receive(world, now=at(2025, 3, 3, 10), channel="postal")
    dossier_forward(actor=specialist, dossier=a, now=at(2025, 3, 4))
    dossier_approve(actor=leader, dossier=a, result_number="1", now=at(2025, 3, 5))
    dossier_pay(actor=counter_officer, dossier=a, now=at(2025, 3, 5, 10))
    dossier_return(actor=counter_officer, dossier=a, method="in_person", now=at(2025, 3, 6))
    dossier_withdraw(actor=counter_officer, dossier=b, reason="Rút", now=at(2025, 3, 6))
    c = dossier_register(
        actor=counter_officer,
        request=IntakeRequest(procedure=world.building_permit, applicant=APPLICANT),
    )
    dossier_refuse(actor=counter_officer, dossier=c, reason="Sai thẩm quyền")
    assert stats_stored() == stats_recount()
    day = at(2025, 3, 3).date()
    agencies = (world.construction.pk, world.construction.pk)  # resolving, receiving
    row = stats_stored()[(*agencies, world.building_permit.pk, day, "in_person", "full")]
    assert row == {"received": 1, "fee_bearing": 1}


def test_clock_text_counts_working_time(world):
    from cchc.core.templatetags.vn import working_duration

    d = receive(world, now=at(2025, 3, 3, 9))
    clock = dossier_clock(d, now=at(2025, 3, 20, 14))  # due 24/03 09:00
    assert working_duration(clock["seconds"]) == "1 ngày 4 giờ"  # 3 h + 8 h + 1 h
    late = dossier_clock(d, now=at(2025, 3, 24, 11))
    assert late["seconds"] == -2 * 3600 and working_duration(late["seconds"]) == "2 giờ"


def test_steps_are_never_deleted_and_events_never_change(world, specialist):
    d = dossier_forward(actor=specialist, dossier=receive(world), now=at(2025, 3, 4))
    assert DossierStep.objects.filter(dossier=d).count() == 4
    first = d.events.order_by("seq").first()
    assert list(d.events.order_by("seq").values_list("seq", flat=True)) == [1, 2]
    assert first.at == at(2025, 3, 3) and d.event_count == 2
    assert timedelta(0) <= d.due_at - d.received_at


def test_postal_dossier_arrival_is_recorded_as_an_inbound_shipment(world, counter_officer):
    from cchc.dossiers.services import dossier_record_shipment

    d = receive(world, channel="postal", now=at(2025, 3, 3, 9))
    assert d.visit_count == 0  # nobody came to the counter
    with pytest.raises(DossierInputError):
        dossier_record_shipment(
            actor=counter_officer,
            dossier=d,
            direction="inbound",
            carrier="",
            tracking_number="x",
            now=at(2025, 3, 3, 10),
        )
    shipment = dossier_record_shipment(
        actor=counter_officer,
        dossier=d,
        direction="inbound",
        carrier="Bưu điện tỉnh Bình Sơn",
        tracking_number="RR123456789VN",
        handed_over_at=at(2025, 3, 3, 8, 30),
        now=at(2025, 3, 3, 10),
    )
    assert shipment.direction == "inbound" and shipment.handed_over_at == at(2025, 3, 3, 8, 30)
    assert d.events.order_by("-seq").first().action == "record_shipment"


def test_the_applicant_changes_the_return_method_as_the_procedure_allows(
    world, citizen, counter_officer
):
    from cchc.dossiers.services import dossier_change_return_method

    d = receive(world, now=at(2025, 3, 3, 9))
    with pytest.raises(DossierInputError) as error:
        dossier_change_return_method(
            actor=counter_officer, dossier=d, method="postal", now=at(2025, 3, 4)
        )
    assert error.value.field == "delivery_address"
    d = dossier_change_return_method(
        actor=counter_officer,
        dossier=d,
        method="postal",
        delivery_address="Số 5 Lê Lợi, phường Tân An",
        now=at(2025, 3, 4),
    )
    assert (d.return_method, d.delivery_address) == ("postal", "Số 5 Lê Lợi, phường Tân An")
    event = d.events.order_by("-seq").first()
    assert event.action == "change_return_method" and event.data["from"]["method"] == "in_person"
    commune_officer = UserFactory(
        username="commune.counter", role="counter_officer", agency=world.commune
    )
    birth = receive(
        world, procedure=world.birth_registration, officer=commune_officer, now=at(2025, 3, 3, 9)
    )
    birth.procedure_version.snapshot["postal_return"] = False
    birth.procedure_version.save()
    with pytest.raises(DossierInputError):
        dossier_change_return_method(
            actor=commune_officer,
            dossier=birth,
            method="postal",
            delivery_address="x",
            now=at(2025, 3, 4),
        )
