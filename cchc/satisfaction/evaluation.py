"""The per-dossier evaluation (Decree 61/2018 regime, DOMAIN A8; issue 11 build 2): filled by
the platform from the dossier's own records and the applicant's rating, appraised by Home
Affairs, counted per resolving agency and day of return.

The scoring rules are the pure ``cchc.domain.evaluation`` (decided in
docs/decisions/0008-dossier-evaluation.md). This module gathers the facts:

- **total time** — ``finished_at`` against ``legal_due_at`` (``due_at`` when no legal due
  moment is kept), by DOMAIN A3's rule (``lifecycle.timeliness``);
- **each agency's time** — every hand-over event that closed a step, judged by that step's own
  due moment as Mẫu 05 does (``step_result``); an agency is late when any of its steps is,
  a division counting as its department (``Agency.unit``);
- **contacts** — the supplement requests (intake and processing) and the in-person visits
  the platform counted (``visit_count``);
- **agencies contacted** — the units of the officers who received the dossier, took a
  supplement, recorded a visit or returned the result, and the receiving agency;
- **one stop** — the route opens and closes with the counter's step;
- **online** — filed online, and whether the result was late;
- **attitude / feedback** — the rating's civil-servant and feedback-handling elements.

``evaluation_fill`` is idempotent: run again it rewrites the platform and rating scores with
what the records say now and keeps what was entered. A job fills returned dossiers without an
evaluation; ``rating_submit`` refreshes it when the rating arrives.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_noop as N_

from cchc.core.calendar import current_calendar
from cchc.domain import evaluation as rules
from cchc.domain.lifecycle import Action, Role, Timeliness, timeliness
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.counters import Difference, differences, table_counts, table_rewrite
from cchc.dossiers.handovers import step_result
from cchc.dossiers.models import Dossier, DossierEvent
from cchc.org.models import Agency, User
from cchc.satisfaction.models import (
    EVALUATION_COUNTERS,
    Aspect,
    AspectRating,
    DossierEvaluation,
    DossierEvaluationScore,
    EvaluationDailyStat,
    Rating,
)

MSG_NOT_RETURNED = N_("Chỉ đánh giá hồ sơ đã trả kết quả.")
MSG_NOT_HOME_AFFAIRS = N_("Chỉ Sở Nội vụ được thẩm định điểm đánh giá hồ sơ.")
MSG_BAD_POINTS = N_("Điểm mỗi chỉ số phải là 0, 1 hoặc 2.")
MSG_ALL_NINE = N_("Thẩm định phải cho điểm đủ chín chỉ số.")
MSG_NOT_ENTERED = N_("Chỉ số này do hệ thống hoặc người dân chấm, không nhập tay.")
MSG_NO_EVALUATION = N_("Hồ sơ chưa có phiếu đánh giá.")
DAILY_KEY = ("resolving_agency_id", "day")
Source = DossierEvaluationScore.Source
# Where the applicant deals with the administration in person or through its officers.
CONTACT_ACTIONS = (
    Action.RECEIVE,
    Action.SUBMIT_SUPPLEMENT,
    Action.RECORD_VISIT,
    Action.RETURN_RESULT,
)
FROM_RATING = {rules.Indicator.ATTITUDE, rules.Indicator.FEEDBACK}
# Who may appraise: Home Affairs, and the system administrator standing in for it.
APPRAISERS = (User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN)


class EvaluationError(Exception):
    """An evaluation refused, with a Vietnamese message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def configured_bands() -> tuple[tuple[int, rules.Band], ...]:
    """``CCHC_EVALUATION_BANDS`` (lowest total → band, highest first, ending at 0) or the
    default bands of ``cchc.domain.evaluation``."""
    bands = getattr(settings, "CCHC_EVALUATION_BANDS", None)
    return rules.check_bands(bands) if bands else rules.DEFAULT_BANDS


def _units(agency_ids: set[int]) -> dict[int, int]:
    """Each agency id → the id of its unit (a division rolls up to its department)."""
    agencies = Agency.objects.select_related("parent").in_bulk(agency_ids)
    return {pk: agencies[pk].unit.pk for pk in agency_ids if pk in agencies}


def evaluation_facts(dossier: Dossier) -> rules.Facts:
    """The facts of ``dossier`` the platform knows, from its own records and its rating."""
    due = dossier.legal_due_at or dossier.due_at
    result = (
        Timeliness(timeliness(dossier.finished_at, due, VN_TZ))
        if dossier.finished_at and due
        else None
    )
    cal = current_calendar()
    handovers = list(
        DossierEvent.objects.filter(
            dossier=dossier, from_step__isnull=False, step_used_seconds__isnull=False
        ).select_related("from_step")
    )
    contacts = set(
        DossierEvent.objects.filter(
            dossier=dossier, action__in=CONTACT_ACTIONS, agency__isnull=False
        ).values_list("agency_id", flat=True)
    )
    step_agencies = {e.from_step.agency_id for e in handovers}
    units = _units(step_agencies | contacts | {dossier.receiving_agency_id})
    late = {
        units[e.from_step.agency_id] for e in handovers if step_result(e, cal) == Timeliness.LATE
    }
    steps = list(dossier.steps.order_by("order").values_list("role", flat=True))
    levels = dict(
        AspectRating.objects.filter(
            rating__dossier=dossier, aspect__in=(Aspect.CIVIL_SERVANT, Aspect.FEEDBACK)
        ).values_list("aspect", "level")
    )
    return rules.Facts(
        timeliness=result,
        late_agencies=len(late),
        supplement_requests=dossier.intake_supplement_count + dossier.processing_supplement_count,
        visits=dossier.visit_count,
        agencies_contacted=len({units[a] for a in contacts | {dossier.receiving_agency_id}}),
        one_stop=(steps[0] == steps[-1] == Role.COUNTER_OFFICER) if steps else None,
        attitude=levels.get(Aspect.CIVIL_SERVANT),
        feedback=levels.get(Aspect.FEEDBACK),
        online=dossier.channel == Dossier.Channel.ONLINE,
        late=None if result is None else result == Timeliness.LATE,
    )


def contribution(evaluation: DossierEvaluation | None) -> dict[str, int]:
    """What one evaluation adds to its day's counters (zero counters left out)."""
    if evaluation is None:
        return {}
    out = {"evaluated": 1, "self_points": evaluation.self_total}
    if evaluation.self_complete:
        out["self_complete"] = 1
        out[f"self_{evaluation.self_band}"] = 1
    if evaluation.appraised_total is not None:
        out["appraised"] = 1
        out["appraised_points"] = evaluation.appraised_total
        out[f"appraised_{evaluation.appraised_band}"] = 1
    return {k: v for k, v in out.items() if v}


def _apply(key: dict, before: Mapping[str, int], after: Mapping[str, int]) -> None:
    """Move the counter row ``key`` from ``before`` to ``after`` (insert-if-missing, then one
    ``UPDATE … SET n = n + delta``: concurrent changes never lose a count)."""
    delta = {
        name: after.get(name, 0) - before.get(name, 0)
        for name in set(before) | set(after)
        if after.get(name, 0) != before.get(name, 0)
    }
    if not delta:
        return
    EvaluationDailyStat.objects.bulk_create([EvaluationDailyStat(**key)], ignore_conflicts=True)
    EvaluationDailyStat.objects.filter(**key).update(
        **{name: F(name) + value for name, value in delta.items()}
    )


def _totals(evaluation: DossierEvaluation, scores: list[DossierEvaluationScore]) -> None:
    bands = configured_bands()
    own = {rules.Indicator(s.indicator): s.self_score for s in scores}
    evaluation.self_total = rules.total(own)
    evaluation.self_complete = rules.complete(own)
    evaluation.self_band = (
        rules.band(evaluation.self_total, bands) if own and rules.complete(own) else ""
    )
    appraised = {rules.Indicator(s.indicator): s.appraised_score for s in scores}
    if rules.complete(appraised):
        evaluation.appraised_total = rules.total(appraised)
        evaluation.appraised_band = rules.band(evaluation.appraised_total, bands)


@transaction.atomic
def evaluation_fill(dossier: Dossier, *, now: datetime | None = None) -> DossierEvaluation:
    """Fill (or refresh) the evaluation of the returned ``dossier``: the platform's and the
    rating's scores rewritten from the records, entered scores kept, totals, band and the
    day's counters moved by the difference. Refused (``EvaluationError``) before the return."""
    now = now or timezone.now()
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if locked.status != Dossier.Status.RETURNED or locked.returned_at is None:
        raise EvaluationError(MSG_NOT_RETURNED)
    points = rules.score(evaluation_facts(locked))
    evaluation = DossierEvaluation.objects.filter(dossier=locked).first()
    before = contribution(evaluation)
    if evaluation is None:
        evaluation = DossierEvaluation(
            dossier=locked,
            resolving_agency_id=locked.resolving_agency_id or locked.receiving_agency_id,
            day=locked.returned_at.astimezone(VN_TZ).date(),
            filled_at=now,
        )
    evaluation.filled_at = now
    evaluation.save()
    existing = {s.indicator: s for s in evaluation.scores.all()}
    scores = []
    for indicator in rules.INDICATORS:
        row = existing.get(indicator) or DossierEvaluationScore(
            evaluation=evaluation, indicator=indicator
        )
        value = points[indicator]
        if value is not None:
            row.self_score = value
            row.source = Source.RATING if indicator in FROM_RATING else Source.PLATFORM
        elif row.source != Source.ENTERED:
            row.self_score, row.source = None, Source.ENTERED
        row.save()
        scores.append(row)
    _totals(evaluation, scores)
    evaluation.save()
    _apply(
        {"resolving_agency_id": evaluation.resolving_agency_id, "day": evaluation.day},
        before,
        contribution(evaluation),
    )
    return evaluation


def _points(values: Mapping[str, object]) -> dict[str, int]:
    out = {}
    for key, value in values.items():
        if key not in rules.INDICATORS:
            raise EvaluationError(MSG_BAD_POINTS)
        try:
            out[key] = rules.check_points(value)  # type: ignore[arg-type]
        except ValueError:
            raise EvaluationError(MSG_BAD_POINTS) from None
    return out


@transaction.atomic
def evaluation_appraise(
    *,
    actor: User,
    dossier: Dossier,
    appraised: Mapping[str, int],
    entered: Mapping[str, int] | None = None,
    note: str = "",
    now: datetime | None = None,
) -> DossierEvaluation:
    """Home Affairs' appraisal of ``dossier``'s evaluation: the nine appraised scores
    (``appraised``: indicator → 0..2, all nine) and the self scores the platform could not
    give (``entered``: only indicators whose source is "entered"). Kept apart from the self
    scores; totals, bands and the day's counters follow."""
    now = now or timezone.now()
    if actor.role not in APPRAISERS:
        raise EvaluationError(MSG_NOT_HOME_AFFAIRS)
    appraised_points = _points(appraised)
    entered_points = _points(entered or {})
    if set(appraised_points) != set(rules.INDICATORS):
        raise EvaluationError(MSG_ALL_NINE)
    Dossier.objects.select_for_update().get(pk=dossier.pk)
    evaluation = DossierEvaluation.objects.select_for_update().filter(dossier=dossier).first()
    if evaluation is None:
        raise EvaluationError(MSG_NO_EVALUATION)
    before = contribution(evaluation)
    scores = list(evaluation.scores.all())
    for row in scores:
        if row.indicator in entered_points:
            if row.source != Source.ENTERED:
                raise EvaluationError(MSG_NOT_ENTERED)
            row.self_score = entered_points[row.indicator]
        row.appraised_score = appraised_points[row.indicator]
        row.save(update_fields=["self_score", "appraised_score"])
    _totals(evaluation, scores)
    evaluation.appraised_at = now
    evaluation.appraised_by = actor
    evaluation.appraisal_note = (note or "").strip()
    evaluation.save()
    _apply(
        {"resolving_agency_id": evaluation.resolving_agency_id, "day": evaluation.day},
        before,
        contribution(evaluation),
    )
    return evaluation


def evaluation_refresh_on_rating(rating: Rating) -> None:
    """The rating arrived: refresh the evaluation of its dossier if it was returned (a
    dossier rated before its return is filled by the job after it)."""
    if rating.dossier.status == Dossier.Status.RETURNED:
        evaluation_fill(rating.dossier, now=rating.rated_at)


def evaluation_recount() -> dict[tuple[int, date], dict[str, int]]:
    """The evaluation counters recomputed from the evaluations, keyed
    ``(resolving_agency_id, day)``, zero counters left out."""
    counts: dict[tuple[int, date], dict[str, int]] = {}
    for evaluation in DossierEvaluation.objects.only(
        "resolving_agency_id",
        "day",
        "self_total",
        "self_complete",
        "self_band",
        "appraised_total",
        "appraised_band",
    ).iterator(chunk_size=2000):
        row = counts.setdefault((evaluation.resolving_agency_id, evaluation.day), {})
        for name, value in contribution(evaluation).items():
            row[name] = row.get(name, 0) + value
    return counts


def evaluation_check() -> list[Difference]:
    """The evaluation counters that differ from a recount of the evaluations."""
    return differences(
        table_counts(EvaluationDailyStat, DAILY_KEY, EVALUATION_COUNTERS),
        evaluation_recount(),
        "EvaluationDailyStat",
    )


def evaluation_rebuild() -> int:
    """Rewrite the evaluation counters from the evaluations (call inside a transaction)."""
    return table_rewrite(EvaluationDailyStat, DAILY_KEY, evaluation_recount())
