"""The steps each officer held (issue 9, build 3): every hand-over that closes a step is
counted for the officer who held it — the named holder, or whoever took it from the role
queue — with its result and the working time used beyond its budget, and the recount from
the event log gives the same figures (``stats_rebuild --check``)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command

from cchc.dossiers.counters import (
    HOLDER_KEY,
    counters_check,
    counters_rebuild,
    officer_steps_recount,
    officer_steps_stored,
    step_holder_id,
)
from cchc.dossiers.models import DossierEvent, OfficerStepDailyStat, StepDailyStat
from cchc.dossiers.services import (
    dossier_apologize,
    dossier_approve,
    dossier_forward,
    dossier_send_back,
    dossier_withdraw,
)
from tests.dossiers.helpers import at, receive

pytestmark = pytest.mark.django_db

HOUR = 3600


def apologize(world, dossier):
    """The apology and new appointment an overdue dossier needs before anything else."""
    dossier_apologize(
        actor=world.leader,
        dossier=dossier,
        reason="Chờ ý kiến của cơ quan phối hợp",
        new_due_at=at(2025, 10, 15, 16),
        now=at(2025, 9, 25),
    )


def late_at_the_specialist(world):
    """Received Monday 08/09/2025 09:00; the appraisal (110 working hours) waits in the
    specialists' queue until Lê Văn Chuyên hands it on on Wednesday 08/10 at 10:00."""
    d = receive(world, now=at(2025, 9, 8))
    apologize(world, d)
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 10, 8, 10))
    return d


def rows():
    return {
        (r.officer_id, r.agency_id, r.day): (
            r.steps_early,
            r.steps_on_time,
            r.steps_late,
            r.over_budget_seconds,
        )
        for r in OfficerStepDailyStat.objects.all()
    }


def test_a_late_appraisal_is_the_specialists_with_the_time_over_budget(world):
    # The appraisal is handed on 22 working days and one hour after it opened: 177 h used
    # of 110, 67 h over budget. The leader signs an hour later, on the approval's due day: on time.
    d = late_at_the_specialist(world)
    dossier_approve(actor=world.leader, dossier=d, result_number="1/GPXD", now=at(2025, 10, 8, 11))

    assert rows() == {
        (world.specialist.pk, world.construction.pk, date(2025, 10, 8)): (0, 0, 1, 67 * HOUR),
        (world.leader.pk, world.construction.pk, date(2025, 10, 8)): (0, 1, 0, 0),
    }
    # The receipt's own intake step is no hand-over: the counter officer has no row.
    forward = DossierEvent.objects.get(dossier=d, action="forward")
    assert forward.data[HOLDER_KEY] == world.specialist.pk
    assert counters_check() == []


def test_a_leader_stepping_in_does_not_take_the_named_holders_late_step(world):
    # The leader sends the dossier back to Lê Văn Chuyên, who appraised it: the appraisal is
    # his again, by name. A month later the leader hands it on himself — the late step is
    # still the specialist's (Mẫu 05 names the holder), not the leader's.
    d = receive(world, now=at(2025, 9, 8))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 9, 9))
    dossier_send_back(
        actor=world.leader, dossier=d, reason="Bổ sung ý kiến", now=at(2025, 9, 9, 14)
    )
    apologize(world, d)
    dossier_forward(actor=world.leader, dossier=d, now=at(2025, 10, 8))

    stepped_in = DossierEvent.objects.filter(dossier=d, action="forward").last()
    assert stepped_in.actor_id == world.leader.pk
    assert step_holder_id(stepped_in) == world.specialist.pk
    late = OfficerStepDailyStat.objects.get(day=date(2025, 10, 8))
    assert late.officer_id == world.specialist.pk and late.steps_late == 1
    assert late.over_budget_seconds > 0
    assert counters_check() == []


def test_a_step_nobody_held_is_the_agencys_only(world, citizen):
    # Submitted online and received; the applicant withdraws it from the specialists' queue:
    # the appraisal step closes (it counts for the agency) but no officer held it.
    d = receive(world, now=at(2025, 9, 8))
    d.applicant_user = citizen
    d.save(update_fields=["applicant_user"])
    dossier_withdraw(actor=citizen, dossier=d, reason="Không còn nhu cầu", now=at(2025, 9, 9))

    assert StepDailyStat.objects.filter(day=date(2025, 9, 9)).exists()
    assert not OfficerStepDailyStat.objects.exists()
    event = DossierEvent.objects.get(dossier=d, action="withdraw")
    assert event.data[HOLDER_KEY] is None and step_holder_id(event) is None
    assert counters_check() == []


def test_events_from_before_the_holder_was_kept_are_read_from_their_columns(world):
    """An earlier release wrote no holder into the hand-over: the "from" column names the
    holder, and when that is the event's actor, the actor held the step. A step handed on by
    someone else then is credited to nobody (a name is not a person)."""
    d = receive(world, now=at(2025, 9, 8))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 9, 9))
    dossier_send_back(
        actor=world.leader, dossier=d, reason="Bổ sung ý kiến", now=at(2025, 9, 9, 14)
    )
    dossier_forward(actor=world.leader, dossier=d, now=at(2025, 9, 10))
    events = list(DossierEvent.objects.filter(dossier=d, action__in=["forward", "send_back"]))
    for event in events:
        event.data.pop(HOLDER_KEY)
    taken, sent_back, stepped_in = sorted(events, key=lambda e: e.seq)

    assert step_holder_id(taken) == world.specialist.pk  # from the queue: the actor
    assert step_holder_id(sent_back) == world.leader.pk
    assert step_holder_id(stepped_in) is None  # "… — Lê Văn Chuyên", acted on by the leader


def test_the_recount_rebuilds_the_officer_counters_from_the_event_log(world):
    late_at_the_specialist(world)
    before = officer_steps_stored()
    assert before == officer_steps_recount() != {}

    OfficerStepDailyStat.objects.all().delete()  # a database from before this table
    missing = counters_check()
    assert {diff.table for diff in missing} == {"OfficerStepDailyStat"}
    with pytest.raises(SystemExit):
        call_command("stats_rebuild", "--check", stdout=io.StringIO())
    counters_rebuild()
    assert officer_steps_stored() == before
    call_command("stats_rebuild", "--check", stdout=io.StringIO())
