"""Feedback and petitions (DOMAIN A9, B §8; Decree 20/2008): the lifecycle of an item, the
deadlines on the working calendar, the sender's identity (Art. 7). Examples, then properties."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain import feedback as fb
from cchc.domain.feedback import Action, Role, Situation, Status, TransitionError
from cchc.domain.workdays import VN_TZ, WorkCalendar

# Reunification Day and Labour Day 2025 fell on a Wednesday and a Thursday.
CALENDAR = WorkCalendar(overrides={date(2025, 4, 30): False, date(2025, 5, 1): False})


def at(y, m, d, hh=9, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


# --- examples ---------------------------------------------------------------------------------


def test_an_item_answered_after_one_returned_draft_is_published():
    path = [
        Action.ACCEPT,
        Action.SUBMIT_DRAFT,
        Action.RETURN_DRAFT,
        Action.SUBMIT_DRAFT,
        Action.APPROVE,
        Action.PUBLISH,
    ]
    assert fb.replay(path) == Status.PUBLISHED


def test_an_item_outside_competence_is_forwarded_and_answered_by_the_other_agency():
    assert fb.replay([Action.FORWARD, Action.SUBMIT_DRAFT, Action.APPROVE]) == Status.ANSWERED


def test_a_refused_item_goes_no_further():
    with pytest.raises(TransitionError):
        fb.replay([Action.REFUSE, Action.ACCEPT])


def test_only_the_leader_approves_or_returns_a_draft():
    waiting = Situation(Status.AWAITING_APPROVAL, Role.HANDLER)
    assert Action.APPROVE not in fb.allowed_actions(waiting)
    with pytest.raises(TransitionError) as refused:
        fb.find_rule(Action.APPROVE, waiting)
    assert refused.value.reason == fb.REFUSED_ROLE
    leader = Situation(Status.AWAITING_APPROVAL, Role.LEADER)
    assert {Action.APPROVE, Action.RETURN_DRAFT} <= set(fb.allowed_actions(leader))
    assert fb.find_rule(Action.RETURN_DRAFT, leader).reason_required


def test_the_answer_is_extended_once():
    first = Situation(Status.HANDLING, Role.LEADER)
    rule = fb.find_rule(Action.EXTEND, first)
    assert rule.reason_required and fb.target_status(rule, Status.HANDLING) == Status.HANDLING
    with pytest.raises(TransitionError) as refused:
        fb.find_rule(Action.EXTEND, Situation(Status.HANDLING, Role.LEADER, extensions=1))
    assert refused.value.reason == fb.REFUSED_EXTENDED


def test_the_sender_reopens_within_the_window_only():
    answered = at(2025, 5, 5)
    inside = Situation(
        Status.PUBLISHED, Role.SENDER, answered_at=answered, now=answered + timedelta(days=30)
    )
    assert (
        fb.target_status(fb.find_rule(Action.REOPEN, inside), Status.PUBLISHED) == Status.HANDLING
    )
    late = Situation(
        Status.PUBLISHED, Role.SENDER, answered_at=answered, now=answered + timedelta(days=31)
    )
    with pytest.raises(TransitionError) as refused:
        fb.find_rule(Action.REOPEN, late)
    assert refused.value.reason == fb.REFUSED_WINDOW
    with pytest.raises(TransitionError):
        fb.find_rule(
            Action.REOPEN,
            Situation(Status.PUBLISHED, Role.RECEIVER, answered_at=answered, now=answered),
        )


def test_out_of_competence_is_forwarded_within_five_working_days_across_the_holidays():
    """Received Thursday 24/04/2025 at 9:00: Friday, Monday and Tuesday count, Wednesday 30/04
    and Thursday 01/05 are holidays, Friday 02/05 is the fourth and Monday 05/05 the fifth."""
    received = at(2025, 4, 24)
    assert fb.forward_due(CALENDAR, received) == at(2025, 5, 5)
    assert not fb.forward_overdue(Status.RECEIVED, received, at(2025, 5, 5), CALENDAR)
    assert fb.forward_overdue(Status.RECEIVED, received, at(2025, 5, 5, 9, 1), CALENDAR)
    # once forwarded (or classified at all) the forwarding clock no longer applies
    assert not fb.forward_overdue(Status.HANDLING, received, at(2025, 6, 1), CALENDAR)


def test_the_answer_is_due_ten_working_days_after_it_reaches_the_agency_and_an_extension_adds():
    assigned = at(2025, 4, 24)
    due = fb.answer_due(CALENDAR, assigned)
    assert due == at(2025, 5, 12)  # 24/04 + 10 working days, the two holidays skipped
    assert fb.answer_due(CALENDAR, assigned, extension_days=10) == at(2025, 5, 26)
    assert fb.answer_overdue(Status.HANDLING, due, due + timedelta(minutes=1))
    assert not fb.answer_overdue(Status.HANDLING, due, due)
    assert not fb.answer_overdue(Status.ANSWERED, due, due + timedelta(days=9))


def test_an_anonymous_item_is_not_received_and_the_sender_is_told_what_is_missing():
    assert fb.missing_sender_fields("Nguyễn Văn An", "Số 5 Lê Lợi", "0912345678") == []
    assert fb.missing_sender_fields("  ", "", "0912345678") == ["name", "address"]
    assert fb.missing_sender_fields("An", "Huế", "\t") == ["phone"]


def test_regulation_categories_are_those_about_a_regulation_itself():
    assert fb.Category.OFFICER_CONDUCT not in fb.REGULATION_CATEGORIES
    assert fb.Category.ILLEGAL_REGULATION in fb.REGULATION_CATEGORIES


# --- properties -------------------------------------------------------------------------------

actions = st.lists(st.sampled_from(list(Action)), max_size=12)
situations = st.builds(
    Situation,
    status=st.sampled_from(list(Status)),
    role=st.sampled_from(list(Role)),
    extensions=st.integers(0, 2),
)
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(VN_TZ)
)


@given(actions)
def test_a_replay_never_leaves_a_terminal_status(sequence):
    for n in range(1, len(sequence) + 1):
        try:
            status = fb.replay(sequence[:n])
        except TransitionError:
            return
        if status in fb.TERMINAL:
            for after in Action:
                with pytest.raises(TransitionError):
                    fb.replay([*sequence[:n], after])
            return


@given(situations)
def test_what_is_allowed_is_exactly_what_find_rule_accepts(situation):
    allowed = set(fb.allowed_actions(situation))
    for action in Action:
        try:
            fb.find_rule(action, situation)
        except TransitionError as error:
            assert action not in allowed and error.status == situation.status
            assert error.reason in {
                fb.REFUSED_NOT_NOW,
                fb.REFUSED_ROLE,
                fb.REFUSED_EXTENDED,
                fb.REFUSED_WINDOW,
            }
        else:
            assert action in allowed
    if situation.status in fb.TERMINAL:
        assert allowed == set()


@given(moments)
def test_forwarding_is_due_strictly_later_and_never_on_a_day_off(received):
    due = fb.forward_due(CALENDAR, received)
    assert due > received
    assert CALENDAR.is_working_day(due.astimezone(VN_TZ).date())


@given(moments, st.integers(0, 30), st.integers(0, 30))
def test_a_longer_extension_never_brings_the_answer_earlier(assigned, shorter, more):
    assert fb.answer_due(CALENDAR, assigned, extension_days=shorter) <= fb.answer_due(
        CALENDAR, assigned, extension_days=shorter + more
    )


# --- likely duplicates ------------------------------------------------------------------------


def test_a_reworded_complaint_about_the_same_thing_is_similar_and_another_is_not():
    first = fb.word_set("can bo yeu cau nop them ban sao so ho khau ngoai quy dinh")
    second = fb.word_set("can bo yeu cau nop ban sao so ho khau ngoai quy dinh")
    other = fb.word_set("de nghi mo rong gio lam viec thu bay tai bo phan mot cua")
    assert fb.similarity(first, second) >= fb.DUPLICATE_SIMILARITY
    assert fb.similarity(first, other) < fb.DUPLICATE_SIMILARITY


words = st.frozensets(st.text(alphabet="abcdefgh", min_size=2, max_size=5), max_size=12)


@given(words, words)
def test_similarity_is_symmetric_and_between_zero_and_one(a, b):
    assert fb.similarity(a, b) == fb.similarity(b, a)
    assert 0.0 <= fb.similarity(a, b) <= 1.0


@given(words)
def test_a_text_is_wholly_similar_to_itself_unless_it_is_empty(a):
    assert fb.similarity(a, a) == (1.0 if a else 0.0)


@given(st.text(max_size=80))
def test_word_set_keeps_only_words_of_two_characters_or_more(text):
    assert all(len(w) > 1 and w.isalnum() for w in fb.word_set(text))
