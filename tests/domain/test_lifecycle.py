"""The dossier state table (DOMAIN A3): its shape, its guards, timeliness and replay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain import lifecycle
from cchc.domain.lifecycle import (
    ALLOWED_WHILE_LATE,
    RULES,
    TERMINAL,
    Action,
    EventRecord,
    ReplayError,
    Role,
    Situation,
    Status,
    Timeliness,
    TransitionError,
    allowed_actions,
    find_rule,
    replay,
)
from cchc.domain.workdays import VN_TZ


def at(d, hh=9, mm=0):
    return datetime(2025, 3, d, hh, mm, tzinfo=VN_TZ)


def test_terminal_states_only_record_visits_and_deliveries_after_return():
    for rule in RULES:
        leaving = rule.sources & TERMINAL
        if leaving:
            assert rule.action in (Action.RECORD_VISIT, Action.RECORD_SHIPMENT)
            assert leaving == {Status.RETURNED} and rule.target is None


def test_every_open_state_can_be_left():
    for status in lifecycle.OPEN:
        exits = [
            r for r in RULES if status in r.sources and lifecycle.target_status(r, status) != status
        ]
        assert exits, status


def test_a_refused_dossier_is_terminal():
    s = Situation(status=Status.REFUSED, actor_role=Role.COUNTER_OFFICER)
    assert allowed_actions(s) == []
    with pytest.raises(TransitionError) as error:
        find_rule(Action.RECEIVE, s)
    assert "Từ chối tiếp nhận" in error.value.message


def test_a_specialist_forwards_only_when_holding_the_step():
    holding = Situation(
        status=Status.RECEIVED,
        actor_role=Role.SPECIALIST,
        step_role=Role.SPECIALIST,
        actor_is_holder=True,
    )
    assert find_rule(Action.FORWARD, holding).target == Status.PROCESSING
    other = Situation(status=Status.RECEIVED, actor_role=Role.SPECIALIST, step_role=Role.SPECIALIST)
    with pytest.raises(TransitionError) as error:
        find_rule(Action.FORWARD, other)
    assert Action.FORWARD not in error.value.allowed


def test_a_leader_of_the_step_agency_may_act_on_any_step():
    s = Situation(
        status=Status.PROCESSING,
        actor_role=Role.LEADER,
        step_role=Role.SPECIALIST,
        actor_leads_step_agency=True,
    )
    assert Action.FORWARD in allowed_actions(s)
    assert Action.APPROVE not in allowed_actions(s)  # approval happens at the leader step


def test_approval_only_at_the_leader_step():
    s = Situation(
        status=Status.PROCESSING,
        actor_role=Role.LEADER,
        step_role=Role.LEADER,
        actor_is_holder=True,
    )
    assert {Action.APPROVE, Action.REJECT} <= set(allowed_actions(s))


def test_overdue_without_apology_blocks_everything_but_apology_visit_and_withdrawal():
    s = Situation(
        status=Status.PROCESSING,
        actor_role=Role.LEADER,
        step_role=Role.LEADER,
        actor_is_holder=True,
        overdue_without_apology=True,
    )
    allowed = set(allowed_actions(s))
    assert allowed == ALLOWED_WHILE_LATE & allowed
    assert Action.APOLOGIZE in allowed
    with pytest.raises(TransitionError) as error:
        find_rule(Action.APPROVE, s)
    assert "xin lỗi" in error.value.message


def test_a_late_result_cannot_be_returned_without_apology():
    s = Situation(
        status=Status.RESULT_READY, actor_role=Role.COUNTER_OFFICER, late_without_apology=True
    )
    with pytest.raises(TransitionError):
        find_rule(Action.RETURN_RESULT, s)
    assert Action.APOLOGIZE in allowed_actions(s)


def test_outstanding_fees_block_the_return():
    s = Situation(
        status=Status.RESULT_READY, actor_role=Role.COUNTER_OFFICER, fees_outstanding=True
    )
    with pytest.raises(TransitionError) as error:
        find_rule(Action.RETURN_RESULT, s)
    assert "phí" in error.value.message
    assert Action.PAY in error.value.allowed


def test_the_applicant_supplements_pays_and_withdraws_but_does_not_process():
    s = Situation(status=Status.SUPPLEMENT_REQUESTED, actor_role=Role.APPLICANT)
    assert set(allowed_actions(s)) == {
        Action.SUBMIT_SUPPLEMENT,
        Action.WITHDRAW,
        Action.PAY,
        Action.CHANGE_RETURN_METHOD,
    }


def test_an_officer_of_another_agency_cannot_touch_it():
    s = Situation(
        status=Status.SUBMITTED, actor_role=Role.COUNTER_OFFICER, actor_in_dossier_agency=False
    )
    assert allowed_actions(s) == []


def test_the_leader_of_the_agency_holding_the_step_may_apologize_for_a_dossier_received_elsewhere():
    """A department's dossier received by the service centre: the department's leader is not
    in the receiving agency, but the agency holding a late dossier issues the apology (A3)."""
    s = Situation(
        status=Status.PROCESSING,
        actor_role=Role.LEADER,
        step_role=Role.SPECIALIST,
        actor_leads_step_agency=True,
        actor_in_dossier_agency=False,
    )
    assert Action.APOLOGIZE in allowed_actions(s)
    assert Action.FORWARD in allowed_actions(s)  # a leader may act on the step they lead
    stranger = Situation(
        status=Status.PROCESSING, actor_role=Role.LEADER, actor_in_dossier_agency=False
    )
    assert allowed_actions(stranger) == []


def test_unknown_action_is_refused():
    with pytest.raises(TransitionError):
        find_rule("teleport", Situation(status=Status.PROCESSING, actor_role=Role.LEADER))


@pytest.mark.parametrize(
    ("finished", "due", "expected"),
    [
        (at(3, 16), at(4, 9), Timeliness.EARLY),
        (at(4, 8), at(4, 9), Timeliness.ON_TIME),
        (at(4, 9), at(4, 9), Timeliness.ON_TIME),
        (at(4, 9, 1), at(4, 9), Timeliness.LATE),
        (at(5, 8), at(4, 17), Timeliness.LATE),
    ],
)
def test_timeliness_examples(finished, due, expected):
    assert lifecycle.timeliness(finished, due, VN_TZ) == expected


@given(st.integers(-5 * 24 * 60, 5 * 24 * 60))
def test_timeliness_is_late_exactly_after_the_due_moment(minutes):
    due = at(10, 15)
    finished = due + timedelta(minutes=minutes)
    result = lifecycle.timeliness(finished, due, VN_TZ)
    assert (result == Timeliness.LATE) == (finished > due)
    if result == Timeliness.EARLY:
        assert finished.date() < due.date()


any_zone = st.sampled_from(
    [UTC, VN_TZ, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]
)
any_moment = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30, 23, 59, 59, 999999)),
    any_zone,
)


@given(any_moment, any_moment)
def test_timeliness_of_any_two_moments_follows_domain_a3(finished, due):
    # One rule for the dossier and for each step of Mẫu 05: early = finished on a date before
    # the due date, on time = on the due date and not after the due moment, late = after it;
    # dates are Vietnam's. Stored moments of any year (1 to 9999) give an answer.
    result = lifecycle.timeliness(finished, due, VN_TZ)
    if finished > due:
        assert result == Timeliness.LATE
        return
    finished_day, due_day = finished.astimezone(VN_TZ).date(), due.astimezone(VN_TZ).date()
    assert result == (Timeliness.EARLY if finished_day < due_day else Timeliness.ON_TIME)


def test_timeliness_compares_dates_in_vietnam_not_in_the_moments_zone():
    due = at(21, 9)  # Friday 21/03 09:00 in Hà Nội
    finished = datetime(2025, 3, 20, 23, 30, tzinfo=UTC)  # 21/03 06:30 in Hà Nội
    assert lifecycle.timeliness(finished, due, VN_TZ) == Timeliness.ON_TIME
    assert lifecycle.timeliness(at(20, 17), due, VN_TZ) == Timeliness.EARLY


def test_timeliness_reads_a_naive_moment_as_vietnam_time():
    assert lifecycle.timeliness(datetime(2025, 3, 21, 8), at(21, 9), VN_TZ) == Timeliness.ON_TIME
    assert lifecycle.timeliness(at(21, 10), datetime(2025, 3, 21, 9), VN_TZ) == Timeliness.LATE


def test_timeliness_of_a_due_moment_at_the_end_of_time_is_early():
    end = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)  # 01/01/10000 in Hà Nội
    assert lifecycle.timeliness(at(21), end, VN_TZ) == Timeliness.EARLY
    assert lifecycle.timeliness(end, at(21), VN_TZ) == Timeliness.LATE


def test_paused_and_finished_dossiers_are_never_overdue():
    due, later = at(4), at(20)
    assert lifecycle.is_overdue(Status.PROCESSING, due, later)
    for status in [
        Status.SUPPLEMENT_REQUESTED,
        Status.AWAITING_PAYMENT,
        Status.RESULT_READY,
        Status.RETURNED,
    ]:
        assert not lifecycle.is_overdue(status, due, later)
    assert not lifecycle.is_overdue(Status.PROCESSING, due, at(3))


def test_replay_follows_the_log_and_rejects_gaps():
    log = [
        EventRecord("receive", "", "received"),
        EventRecord("forward", "received", "processing"),
        EventRecord("approve", "processing", "result_ready"),
        EventRecord("apologize", "result_ready", "result_ready"),
        EventRecord("return_result", "result_ready", "returned"),
    ]
    assert replay(log) == Status.RETURNED
    with pytest.raises(ReplayError):
        replay([log[0], log[2]])
    with pytest.raises(ReplayError):
        replay([EventRecord("approve", "", "result_ready")])
    with pytest.raises(ReplayError):
        replay([log[0], EventRecord("forward", "received", "returned")])


def test_state_chart_lists_every_transition():
    chart = lifecycle.state_chart()
    assert chart.startswith("stateDiagram-v2")
    assert "received --> processing: forward" in chart
    assert "result_ready --> returned: return_result" in chart
