"""Hypothesis state machine over the real services and models (issue 3 acceptance):

hundreds of random action sequences by random actors at random moments; after every step:
only transitions of the table happened, exactly one event per successful action and none for
a refused one, replaying the events gives the current state, the due moment never precedes
the receipt, a late dossier is never returned without an apology, and the summary counters
equal a recount.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from cchc.core.calendar import current_calendar
from cchc.domain import lifecycle
from cchc.domain.lifecycle import EventRecord, TransitionError
from cchc.dossiers.models import Dossier, DossierEvent
from cchc.dossiers.services import (
    ApplicantData,
    DocumentData,
    DossierInputError,
    IntakeRequest,
    dossier_accept,
    dossier_apologize,
    dossier_approve,
    dossier_change_return_method,
    dossier_confirm_payment,
    dossier_forward,
    dossier_pay,
    dossier_receive,
    dossier_record_shipment,
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
from cchc.dossiers.services._common import situation
from tests.dossiers.helpers import at
from tests.world import ensure_world

APPLICANT = ApplicantData(full_name="Trần Thị Mai", phone="0901234567", email="mai@example.vn")
ACTORS = ["counter_officer", "specialist", "leader", "other_agency_officer"]


def _apology_moment(dossier, now):
    cal = current_calendar()
    return cal.add_working_days(max(now, dossier.due_at or now), 5)


ACTIONS = {
    "accept": lambda d, u, now, data: dossier_accept(actor=u, dossier=d, now=now),
    "request_supplement": lambda d, u, now, data: dossier_request_supplement(
        actor=u,
        dossier=d,
        items=["Bản sao giấy tờ đất"],
        reason=data.draw(st.sampled_from(["", "Thiếu"])),
        now=now,
    ),
    "submit_supplement": lambda d, u, now, data: dossier_submit_supplement(
        actor=u, dossier=d, documents=[DocumentData("Bản sao giấy tờ đất")], now=now
    ),
    "refuse": lambda d, u, now, data: dossier_refuse(
        actor=u, dossier=d, reason="Không đủ điều kiện", now=now
    ),
    "forward": lambda d, u, now, data: dossier_forward(actor=u, dossier=d, now=now),
    "send_back": lambda d, u, now, data: dossier_send_back(
        actor=u, dossier=d, reason="Xem lại", now=now
    ),
    "request_payment": lambda d, u, now, data: dossier_request_payment(
        actor=u, dossier=d, items=[("Tiền sử dụng đất", 1_200_000)], now=now
    ),
    "confirm_payment": lambda d, u, now, data: dossier_confirm_payment(actor=u, dossier=d, now=now),
    "pay": lambda d, u, now, data: dossier_pay(actor=u, dossier=d, now=now),
    "approve": lambda d, u, now, data: dossier_approve(
        actor=u, dossier=d, result_number="99/GP", now=now
    ),
    "reject": lambda d, u, now, data: dossier_reject(
        actor=u, dossier=d, reason="Không phù hợp", now=now
    ),
    "apologize": lambda d, u, now, data: dossier_apologize(
        actor=u,
        dossier=d,
        reason="Chờ ý kiến phối hợp",
        new_due_at=_apology_moment(d, now),
        now=now,
    ),
    "return_result": lambda d, u, now, data: dossier_return(
        actor=u, dossier=d, method=data.draw(st.sampled_from(["in_person", "electronic"])), now=now
    ),
    "withdraw": lambda d, u, now, data: dossier_withdraw(
        actor=u, dossier=d, reason="Xin rút", now=now
    ),
    "stop": lambda d, u, now, data: dossier_stop(actor=u, dossier=d, reason="Tạm dừng", now=now),
    "record_visit": lambda d, u, now, data: dossier_record_visit(
        actor=u, dossier=d, purpose="Hỏi", now=now
    ),
    "change_return_method": lambda d, u, now, data: dossier_change_return_method(
        actor=u,
        dossier=d,
        method=data.draw(st.sampled_from(["in_person", "postal", "electronic"])),
        delivery_address="Số 1 Lê Lợi, phường Tân An",
        now=now,
    ),
    "record_shipment": lambda d, u, now, data: dossier_record_shipment(
        actor=u,
        dossier=d,
        direction="inbound",
        carrier="Bưu điện",
        tracking_number="EA1VN",
        now=now,
    ),
}
TABLE_NAMES = {"accept": "receive"}
SERVICE_NAMES = {table: name for name, table in TABLE_NAMES.items()}
RARE = {
    lifecycle.Action.APOLOGIZE,
    lifecycle.Action.WITHDRAW,
    lifecycle.Action.STOP,
    lifecycle.Action.REFUSE,
    lifecycle.Action.RECORD_VISIT,
}
PROGRESS = [
    lifecycle.Action.APOLOGIZE,  # only when late: then nothing else is allowed
    lifecycle.Action.RECEIVE,
    lifecycle.Action.SUBMIT_SUPPLEMENT,
    lifecycle.Action.CONFIRM_PAYMENT,
    lifecycle.Action.APPROVE,
    lifecycle.Action.FORWARD,
    lifecycle.Action.PAY,
    lifecycle.Action.RETURN_RESULT,
]
# Mostly small steps of time, sometimes a working day or a long wait that makes dossiers late.
WAITS = st.sampled_from([0, 5, 30, 120, 240, 8 * 60] * 8 + [24 * 60, 3 * 24 * 60, 10 * 24 * 60])


class DossierMachine(RuleBasedStateMachine):
    dossiers = Bundle("dossiers")

    def __init__(self) -> None:
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.world = ensure_world()
        self.now = at(2025, 3, 3, 8, 30)
        self.count = 0

    def teardown(self) -> None:
        try:
            # Counters only ever grow, on both sides: a missed or doubled bump anywhere in the
            # sequence still shows at the end, so the (costly) recount runs once per sequence.
            # `stats_rebuild --check` exits 1 when any counter differs from a recount of the log.
            call_command("stats_rebuild", "--check", stdout=io.StringIO())
        finally:
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)

    def tick(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @precondition(lambda self: self.count < 3)
    @rule(target=dossiers, registered=st.booleans())
    def new_dossier(self, registered):
        self.count += 1
        request = IntakeRequest(procedure=self.world.building_permit, applicant=APPLICANT)
        officer = self.world.counter_officer
        if registered:
            dossier = dossier_register(actor=officer, request=request, now=self.now)
        else:
            dossier = dossier_receive(actor=officer, request=request, now=self.now)
        assert dossier.events.count() == 1
        return dossier.pk

    @rule(
        pk=dossiers,
        action=st.sampled_from(sorted(ACTIONS)),
        who=st.sampled_from(ACTORS),
        minutes=WAITS,
        data=st.data(),
    )
    def act(self, pk, action, who, minutes, data):
        """Anyone tries anything: the service must agree with the table."""
        self.tick(minutes)
        self._attempt(pk, action, getattr(self.world, who), data)

    @rule(pk=dossiers, who=st.sampled_from(ACTORS[:3]), minutes=WAITS, data=st.data())
    def act_as_allowed(self, pk, who, minutes, data):
        """Someone takes an action the table allows now: the dossier makes progress."""
        self.tick(minutes)
        dossier = Dossier.objects.get(pk=pk)
        actor = getattr(self.world, who)
        try:
            allowed = lifecycle.allowed_actions(situation(dossier, actor, self.now))
        except TransitionError:
            return
        if allowed:
            # Favour moving forward over ending early or re-apologising, so that sequences
            # reach approval, payment and return often.
            weighted = [a.value for a in allowed for _ in range(1 if a in RARE else 5)]
            action = data.draw(st.sampled_from(weighted))
            self._attempt(pk, SERVICE_NAMES.get(action, action), actor, data)

    @rule(pk=dossiers, minutes=WAITS, data=st.data())
    def progress(self, pk, minutes, data):
        """Whoever can move the dossier furthest does so: full lifecycles happen often."""
        self.tick(minutes)
        dossier = Dossier.objects.get(pk=pk)
        for action in PROGRESS:
            for who in ACTORS[:3]:
                actor = getattr(self.world, who)
                try:
                    now_there = situation(dossier, actor, self.now)
                except TransitionError:
                    continue
                if action == lifecycle.Action.APOLOGIZE and not (
                    now_there.overdue_without_apology or now_there.late_without_apology
                ):
                    continue
                if action == lifecycle.Action.PAY and not now_there.fees_outstanding:
                    continue
                if action in lifecycle.allowed_actions(now_there):
                    self._attempt(pk, SERVICE_NAMES.get(action, action), actor, data)
                    return

    def _attempt(self, pk, action, actor, data):
        dossier = Dossier.objects.get(pk=pk)
        before = (dossier.status, dossier.event_count)
        events_before = DossierEvent.objects.filter(dossier_id=pk).count()
        try:
            expected = lifecycle.allowed_actions(situation(dossier, actor, self.now))
        except TransitionError:
            expected = []
        table_name = TABLE_NAMES.get(action, action)
        try:
            ACTIONS[action](dossier, actor, self.now, data)
        except (TransitionError, DossierInputError):
            dossier.refresh_from_db()
            assert (dossier.status, dossier.event_count) == before
            assert DossierEvent.objects.filter(dossier_id=pk).count() == events_before
            return
        # it succeeded: the table allowed it, and it left exactly one event
        assert table_name in expected, (action, before, expected)
        dossier.refresh_from_db()
        assert DossierEvent.objects.filter(dossier_id=pk).count() == events_before + 1
        last = dossier.events.order_by("-seq").first()
        assert last.action == table_name
        assert (last.from_status, last.to_status) == (before[0], dossier.status)

    @invariant()
    def the_log_explains_every_dossier(self):
        for dossier in Dossier.objects.filter(procedure=self.world.building_permit):
            log = list(
                dossier.events.order_by("seq").values_list("action", "from_status", "to_status")
            )
            assert len(log) == dossier.event_count
            assert lifecycle.replay(EventRecord(*row) for row in log) == dossier.status
            if dossier.received_at is not None:
                assert dossier.legal_due_at >= dossier.received_at
                assert dossier.due_at >= dossier.legal_due_at
            if dossier.status == "returned" and dossier.timeliness == "late":
                assert dossier.apologies.exists()


@pytest.mark.django_db
def test_random_action_sequences_keep_the_lifecycle_rules():
    run_state_machine_as_test(
        DossierMachine,
        settings=settings(
            max_examples=150,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
