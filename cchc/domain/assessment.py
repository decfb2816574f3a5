"""The PAR Index assessment's lifecycle (tự đánh giá → thẩm định → xác nhận → công bố) as a
transition table — plain Python, no Django.

DOMAIN A7 and B §6.1/§6.3: the unit self-scores each criterion and uploads its evidence (tài
liệu kiểm chứng); the Department of Home Affairs (Sở Nội vụ) appraises each criterion — accepts
it, adjusts it with a comment, or asks the unit to clarify (giải trình) within a deadline; the
appraisal council (hội đồng thẩm định) confirms the appraised result or sends it back; the
province publishes. A published result is locked: a correction reopens it with a reason.

Who acts, as a role relative to the assessment (``Role``): the unit's reform officer (cán bộ
CCHC) fills; the unit's leader (the agency head) fills and submits; Home Affairs reviews,
returns for clarification, completes the appraisal, publishes and reopens; a council member
confirms or sends back. ``SYSTEM`` is the platform itself (refreshing the live figures).

Actions that keep the status (``SCORE``, ``ANSWER``, ``ANNOTATE``, ``REVIEW``, ``REFRESH``)
are in the table too, so that every change is checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CLARIFICATION = "clarification"
    APPRAISED = "appraised"
    FINALISED = "finalised"
    PUBLISHED = "published"


class Action(StrEnum):
    SCORE = "score"  # self points, explanation, evidence
    SUBMIT = "submit"
    REVIEW = "review"  # one criterion: accept, adjust, ask to clarify
    REQUEST_CLARIFICATION = "request_clarification"
    ANSWER = "answer"  # the unit's clarification of one criterion
    APPRAISE = "appraise"
    CONFIRM = "confirm"
    SEND_BACK = "send_back"
    PUBLISH = "publish"
    REOPEN = "reopen"
    ANNOTATE = "annotate"  # a note on a live or survey criterion
    REFRESH = "refresh"  # recount the live and survey criteria


class Role(StrEnum):
    REFORM_OFFICER = "reform_officer"
    UNIT_LEADER = "unit_leader"
    HOME_AFFAIRS = "home_affairs"
    COUNCIL = "council"
    SYSTEM = "system"


UNIT = frozenset({Role.REFORM_OFFICER, Role.UNIT_LEADER})


@dataclass(frozen=True)
class Transition:
    source: Status
    action: Action
    target: Status
    roles: frozenset[Role]


TRANSITIONS: tuple[Transition, ...] = (
    Transition(Status.DRAFT, Action.SCORE, Status.DRAFT, UNIT),
    Transition(Status.DRAFT, Action.ANNOTATE, Status.DRAFT, UNIT),
    Transition(Status.DRAFT, Action.REFRESH, Status.DRAFT, frozenset({Role.SYSTEM})),
    Transition(Status.DRAFT, Action.SUBMIT, Status.SUBMITTED, frozenset({Role.UNIT_LEADER})),
    Transition(Status.SUBMITTED, Action.REVIEW, Status.SUBMITTED, frozenset({Role.HOME_AFFAIRS})),
    Transition(Status.SUBMITTED, Action.ANNOTATE, Status.SUBMITTED, frozenset({Role.HOME_AFFAIRS})),
    Transition(Status.SUBMITTED, Action.REFRESH, Status.SUBMITTED, frozenset({Role.SYSTEM})),
    Transition(
        Status.SUBMITTED,
        Action.REQUEST_CLARIFICATION,
        Status.CLARIFICATION,
        frozenset({Role.HOME_AFFAIRS}),
    ),
    Transition(Status.SUBMITTED, Action.APPRAISE, Status.APPRAISED, frozenset({Role.HOME_AFFAIRS})),
    Transition(Status.CLARIFICATION, Action.ANSWER, Status.CLARIFICATION, UNIT),
    Transition(Status.CLARIFICATION, Action.SCORE, Status.CLARIFICATION, UNIT),
    Transition(Status.CLARIFICATION, Action.ANNOTATE, Status.CLARIFICATION, UNIT),
    Transition(
        Status.CLARIFICATION, Action.REFRESH, Status.CLARIFICATION, frozenset({Role.SYSTEM})
    ),
    Transition(
        Status.CLARIFICATION, Action.SUBMIT, Status.SUBMITTED, frozenset({Role.UNIT_LEADER})
    ),
    Transition(Status.APPRAISED, Action.REFRESH, Status.APPRAISED, frozenset({Role.SYSTEM})),
    Transition(Status.APPRAISED, Action.CONFIRM, Status.FINALISED, frozenset({Role.COUNCIL})),
    Transition(Status.APPRAISED, Action.SEND_BACK, Status.SUBMITTED, frozenset({Role.COUNCIL})),
    Transition(Status.FINALISED, Action.PUBLISH, Status.PUBLISHED, frozenset({Role.HOME_AFFAIRS})),
    Transition(Status.PUBLISHED, Action.REOPEN, Status.SUBMITTED, frozenset({Role.HOME_AFFAIRS})),
)

_TABLE: dict[tuple[Status, Action], Transition] = {(t.source, t.action): t for t in TRANSITIONS}

# The states in which the unit's figures may still change (the live criteria are recounted);
# from the council's confirmation on, the result is what was confirmed.
OPEN_STATES = frozenset({Status.DRAFT, Status.SUBMITTED, Status.CLARIFICATION, Status.APPRAISED})


class TransitionRefused(ValueError):
    """The action is not allowed in this state or for this role."""


def transition(status: Status | str, action: Action | str, role: Role | str | None) -> Status:
    """The status after ``action`` by ``role`` in ``status``; ``TransitionRefused`` when the
    table has no such row or the role may not take it."""
    found = _TABLE.get((Status(status), Action(action)))
    if found is None:
        raise TransitionRefused(f"{action} is not allowed in {status}")
    if role is None or Role(role) not in found.roles:
        raise TransitionRefused(f"{role} may not {action} in {status}")
    return found.target


def allowed(status: Status | str, roles: frozenset[Role] | set[Role]) -> set[Action]:
    """The actions any of ``roles`` may take in ``status``."""
    current = Status(status)
    return {t.action for t in TRANSITIONS if t.source == current and t.roles & set(roles)}
