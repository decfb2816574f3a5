"""Writing a rating (DOMAIN A8): one door, atomic, row-locked, final.

``rating_submit`` locks the dossier row, so two submissions for the same dossier queue up and
the second finds the first; the unique constraint on ``Rating.dossier`` backs that up. The
agency's daily counters and each rated officer's yearly counters are bumped in the same
transaction (``satisfaction_recount`` rebuilds them from the ratings to prove it). A rating
of a returned dossier also refreshes its per-dossier evaluation (``cchc.satisfaction.evaluation``:
the attitude and feedback indicators come from the rating); the evaluation counters are
checked and rebuilt with the others.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_noop as N_

from cchc.domain.workdays import VN_TZ
from cchc.dossiers.counters import Difference, differences, table_counts, table_rewrite
from cchc.dossiers.models import Dossier
from cchc.org.models import User
from cchc.satisfaction.evaluation import (
    evaluation_check,
    evaluation_rebuild,
    evaluation_refresh_on_rating,
)
from cchc.satisfaction.models import (
    COUNTERS,
    Aspect,
    AspectRating,
    Level,
    OfficerDailyStat,
    OfficerRating,
    OfficerYearStat,
    Rating,
    SatisfactionDailyStat,
)
from cchc.satisfaction.selectors import RATABLE, dossier_officers

MSG_NOT_READY = N_("Hồ sơ chưa có kết quả nên chưa thể đánh giá.")
MSG_ALREADY_RATED = N_("Bạn đã đánh giá hồ sơ này.")
MSG_NOT_APPLICANT = N_("Chỉ người nộp hồ sơ được đánh giá hồ sơ này.")
MSG_OVERALL_REQUIRED = N_("Chọn mức độ hài lòng chung.")
MSG_BAD_LEVEL = N_("Mức đánh giá không hợp lệ.")
MSG_BAD_ASPECT = N_("Tiêu chí đánh giá không hợp lệ.")
MSG_BAD_OFFICER = N_("Chỉ đánh giá cán bộ đã trực tiếp giải quyết hồ sơ.")
MSG_COMMENT_TOO_LONG = N_("Ý kiến không quá 2.000 ký tự.")
MAX_COMMENT = 2000
DAILY_KEY = ("resolving_agency_id", "receiving_agency_id", "day")
OFFICER_KEY = ("officer_id", "year")
OFFICER_DAILY_KEY = ("officer_id", "agency_id", "day")


class RatingError(Exception):
    """A rating refused, with a Vietnamese message for the applicant."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _level(value: object) -> str:
    if value not in Level.values:
        raise RatingError(MSG_BAD_LEVEL if value else MSG_OVERALL_REQUIRED)
    return str(value)


def _officer_id(key: object) -> int:
    try:
        return int(getattr(key, "pk", key))
    except (TypeError, ValueError):
        raise RatingError(MSG_BAD_OFFICER) from None


def rating_submit(
    *,
    dossier: Dossier,
    rater_user: User | None = None,
    overall: str,
    aspects: dict[str, str] | None = None,
    officers: dict[int | User, str] | None = None,
    comment: str = "",
    now: datetime | None = None,
) -> Rating:
    """Record the applicant's rating of ``dossier``: overall, per SIPAS aspect (``aspects``:
    ``Aspect`` value → ``Level`` value; any of the five, none required) and per officer who
    handled it (``officers``: user id or user → ``Level`` value; any of them), with a comment.

    ``rater_user`` is the signed-in applicant (``None`` for the QR token of a counter
    dossier). Refused (``RatingError``, nothing written) before the result is ready, for a
    second rating, for anyone but the dossier's account holder, for an aspect or officer
    that does not belong to the dossier, or for an unknown level.
    """
    now = now or timezone.now()
    overall = _level(overall)
    aspects = {k: _level(v) for k, v in (aspects or {}).items() if v}
    officers = {_officer_id(k): _level(v) for k, v in (officers or {}).items() if v}
    comment = (comment or "").strip()
    if set(aspects) - set(Aspect.values):
        raise RatingError(MSG_BAD_ASPECT)
    if len(comment) > MAX_COMMENT:
        raise RatingError(MSG_COMMENT_TOO_LONG)
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if rater_user is not None and locked.applicant_user_id != rater_user.pk:
            raise RatingError(MSG_NOT_APPLICANT)
        if Rating.objects.filter(dossier=locked).exists():
            raise RatingError(MSG_ALREADY_RATED)
        if locked.status not in RATABLE:
            raise RatingError(MSG_NOT_READY)
        handlers = {o.id: o.user for o in dossier_officers(locked)}
        if set(officers) - set(handlers):
            raise RatingError(MSG_BAD_OFFICER)
        try:
            with transaction.atomic():
                rating = Rating.objects.create(
                    dossier=locked,
                    resolving_agency_id=locked.resolving_agency_id or locked.receiving_agency_id,
                    receiving_agency_id=locked.receiving_agency_id,
                    overall=overall,
                    comment=comment,
                    rater_user=rater_user,
                    via=Rating.Via.ACCOUNT if rater_user else Rating.Via.TOKEN,
                    rated_at=now,
                )
        except IntegrityError:  # a concurrent first rating won (the unique constraint)
            raise RatingError(MSG_ALREADY_RATED) from None
        AspectRating.objects.bulk_create(
            AspectRating(rating=rating, aspect=a, level=lv) for a, lv in sorted(aspects.items())
        )
        OfficerRating.objects.bulk_create(
            OfficerRating(
                rating=rating,
                officer=handlers[pk],
                agency_id=handlers[pk].agency_id,
                role=handlers[pk].role,
                level=level,
                rated_at=now,
            )
            for pk, level in sorted(officers.items())
        )
        day = now.astimezone(VN_TZ).date()
        agencies = {
            "resolving_agency_id": rating.resolving_agency_id,
            "receiving_agency_id": rating.receiving_agency_id,
        }
        _bump(SatisfactionDailyStat, {**agencies, "day": day}, overall)
        for pk, level in officers.items():
            _bump(OfficerYearStat, {"officer_id": pk, "year": day.year}, level)
            agency_id = handlers[pk].agency_id or rating.resolving_agency_id
            _bump(OfficerDailyStat, {"officer_id": pk, "agency_id": agency_id, "day": day}, level)
        # The attitude and feedback indicators of the dossier's evaluation come from here.
        evaluation_refresh_on_rating(rating)
    return rating


def _bump(model: type, key: dict, level: str) -> None:
    """``level`` += 1 on the counter row ``key``, created if missing (insert-if-missing, then
    ``UPDATE … SET n = n + 1``: concurrent bumps never lose a count)."""
    if model.objects.filter(**key).update(**{level: F(level) + 1}):
        return
    model.objects.bulk_create([model(**key)], ignore_conflicts=True)
    model.objects.filter(**key).update(**{level: F(level) + 1})


def satisfaction_recount() -> tuple[dict[tuple, dict[str, int]], dict[tuple, dict[str, int]]]:
    """Both counter tables recomputed from the ratings: ``(daily, officers)`` keyed
    ``(resolving_agency_id, receiving_agency_id, day)`` and ``(officer_id, year)``, zero
    counters left out."""
    daily: dict[tuple[int, int, date], dict[str, int]] = {}
    for resolving, receiving, rated_at, overall in Rating.objects.values_list(
        "resolving_agency_id", "receiving_agency_id", "rated_at", "overall"
    ).iterator(chunk_size=2000):
        row = daily.setdefault((resolving, receiving, rated_at.astimezone(VN_TZ).date()), {})
        row[overall] = row.get(overall, 0) + 1
    officers: dict[tuple[int, int], dict[str, int]] = {}
    for officer_id, rated_at, level in OfficerRating.objects.values_list(
        "officer_id", "rated_at", "level"
    ).iterator(chunk_size=2000):
        row = officers.setdefault((officer_id, rated_at.astimezone(VN_TZ).year), {})
        row[level] = row.get(level, 0) + 1
    return daily, officers


def officer_daily_recount() -> dict[tuple, dict[str, int]]:
    """The per-officer daily counters recomputed from the officer ratings, keyed
    ``(officer_id, agency_id, day)``: the agency the officer rating keeps, or its dossier's
    resolving agency when it keeps none (as ``rating_submit`` counts it)."""
    officers: dict[tuple, dict[str, int]] = {}
    rows = OfficerRating.objects.values_list(
        "officer_id", "agency_id", "rating__resolving_agency_id", "rated_at", "level"
    )
    for officer_id, agency_id, resolving_id, rated_at, level in rows.iterator(chunk_size=2000):
        key = (officer_id, agency_id or resolving_id, rated_at.astimezone(VN_TZ).date())
        row = officers.setdefault(key, {})
        row[level] = row.get(level, 0) + 1
    return officers


def satisfaction_stored() -> tuple[dict[tuple, dict[str, int]], dict[tuple, dict[str, int]]]:
    """The counter tables in the shape of ``satisfaction_recount``."""
    return (
        table_counts(SatisfactionDailyStat, DAILY_KEY, COUNTERS),
        table_counts(OfficerYearStat, OFFICER_KEY, COUNTERS),
    )


def satisfaction_check() -> list[Difference]:
    """The rating counters that differ from a recount of the ratings."""
    (daily, officers), (stored_daily, stored_officers) = (
        satisfaction_recount(),
        satisfaction_stored(),
    )
    return (
        differences(stored_daily, daily, "SatisfactionDailyStat")
        + differences(stored_officers, officers, "OfficerYearStat")
        + differences(
            table_counts(OfficerDailyStat, OFFICER_DAILY_KEY, COUNTERS),
            officer_daily_recount(),
            "OfficerDailyStat",
        )
        + evaluation_check()
    )


@transaction.atomic
def satisfaction_rebuild() -> int:
    """Rewrite the rating counter tables from the ratings; returns the rows written."""
    daily, officers = satisfaction_recount()
    return (
        table_rewrite(SatisfactionDailyStat, DAILY_KEY, daily)
        + table_rewrite(OfficerYearStat, OFFICER_KEY, officers)
        + table_rewrite(OfficerDailyStat, OFFICER_DAILY_KEY, officer_daily_recount())
        + evaluation_rebuild()
    )
