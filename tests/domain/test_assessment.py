"""The PAR Index assessment's lifecycle table (cchc.domain.assessment)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.assessment import (
    OPEN_STATES,
    TRANSITIONS,
    Action,
    Role,
    Status,
    TransitionRefused,
    allowed,
    transition,
)

statuses = st.sampled_from(list(Status))
actions = st.sampled_from(list(Action))
roles = st.sampled_from(list(Role))


def test_the_happy_path_with_a_clarification_round():
    steps = [
        (Action.SCORE, Role.REFORM_OFFICER, Status.DRAFT),
        (Action.SUBMIT, Role.UNIT_LEADER, Status.SUBMITTED),
        (Action.REVIEW, Role.HOME_AFFAIRS, Status.SUBMITTED),
        (Action.REQUEST_CLARIFICATION, Role.HOME_AFFAIRS, Status.CLARIFICATION),
        (Action.ANSWER, Role.REFORM_OFFICER, Status.CLARIFICATION),
        (Action.SUBMIT, Role.UNIT_LEADER, Status.SUBMITTED),
        (Action.APPRAISE, Role.HOME_AFFAIRS, Status.APPRAISED),
        (Action.CONFIRM, Role.COUNCIL, Status.FINALISED),
        (Action.PUBLISH, Role.HOME_AFFAIRS, Status.PUBLISHED),
        (Action.REOPEN, Role.HOME_AFFAIRS, Status.SUBMITTED),
    ]
    status = Status.DRAFT
    for action, role, expected in steps:
        status = transition(status, action, role)
        assert status == expected


@pytest.mark.parametrize(
    ("status", "action", "role"),
    [
        (Status.DRAFT, Action.SUBMIT, Role.REFORM_OFFICER),  # the agency head submits
        (Status.SUBMITTED, Action.REVIEW, Role.UNIT_LEADER),  # nobody appraises itself
        (Status.APPRAISED, Action.CONFIRM, Role.HOME_AFFAIRS),  # the council confirms
        (Status.SUBMITTED, Action.SCORE, Role.REFORM_OFFICER),  # sent: the unit waits
        (Status.PUBLISHED, Action.SCORE, Role.UNIT_LEADER),  # published results are locked
        (Status.FINALISED, Action.REFRESH, Role.SYSTEM),  # confirmed figures stay
        (Status.DRAFT, Action.PUBLISH, Role.HOME_AFFAIRS),
    ],
)
def test_refusals(status, action, role):
    with pytest.raises(TransitionRefused):
        transition(status, action, role)


@given(statuses, actions, roles)
def test_every_answer_is_a_row_of_the_table_or_a_refusal(status, action, role):
    rows = [t for t in TRANSITIONS if t.source == status and t.action == action]
    try:
        target = transition(status, action, role)
    except TransitionRefused:
        assert not rows or role not in rows[0].roles
    else:
        assert len(rows) == 1 and role in rows[0].roles and target == rows[0].target


@given(statuses)
def test_nothing_changes_a_published_result_but_a_reopening(status):
    if status == Status.PUBLISHED:
        every_role = set(Role)
        assert allowed(status, every_role) == {Action.REOPEN}


@given(statuses, st.sets(roles))
def test_allowed_is_what_transition_accepts(status, some_roles):
    for action in Action:
        accepted = any(_accepts(status, action, role) for role in some_roles)
        assert (action in allowed(status, some_roles)) == accepted


def _accepts(status, action, role) -> bool:
    try:
        transition(status, action, role)
    except TransitionRefused:
        return False
    return True


def test_every_status_is_reachable_from_a_draft_and_the_live_figures_freeze_at_the_council():
    reached = {Status.DRAFT}
    frontier = [Status.DRAFT]
    while frontier:
        current = frontier.pop()
        for row in TRANSITIONS:
            if row.source == current and row.target not in reached:
                reached.add(row.target)
                frontier.append(row.target)
    assert reached == set(Status)
    refreshable = {t.source for t in TRANSITIONS if t.action == Action.REFRESH}
    assert refreshable == OPEN_STATES
    assert Status.FINALISED not in OPEN_STATES and Status.PUBLISHED not in OPEN_STATES
