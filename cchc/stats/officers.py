"""Cán bộ thường xuyên trễ hẹn — the list of officers often late or complained about (seed
000 §2c: the Department of Home Affairs proposes rotating officers who are often late in
resolving procedures or who harass applicants; DOMAIN A3, A8), for a unit's leader and reform
officer (the officers who held its steps or were rated for it) and for the Department of Home
Affairs (the province).

Per officer and period: the steps they held and handed on (early, on time, late, against each
step's own due moment — the control sheet's reading, Mẫu 05), the working time used beyond the
steps' budgets, the ratings they received and the "not satisfied" share, the A8 yearly flag of
the period's last year, and every configured threshold they cross (``OfficerThreshold``,
``cchc.domain.officer_watch``) with the figure that crossed it, in words. Worst first.

Read from the exact counters only (``OfficerStepDailyStat``, ``OfficerDailyStat``,
``OfficerYearStat``): a fixed number of queries, whatever the period or the number of
officers. The figures of an officer are those of the agencies in the reader's scope: a unit
leader sees what their officers did in their unit, not what someone did before moving there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from openpyxl import Workbook
from openpyxl.styles import Font

from cchc.core.templatetags.vn import percent, working_duration_text
from cchc.core.xlsx import FONT, a4_landscape, workbook_bytes, write_header, write_row, write_titles
from cchc.domain import indicators
from cchc.domain import officer_watch as rules
from cchc.domain.indicators import DutyFlag, RatingCounts
from cchc.domain.officer_watch import Breach, Kind, OfficerFigures, Threshold
from cchc.dossiers.models import OfficerStepDailyStat
from cchc.org.models import Agency, User
from cchc.satisfaction.models import COUNTERS as RATING_COUNTERS
from cchc.satisfaction.models import OfficerDailyStat, OfficerThreshold
from cchc.satisfaction.selectors import duty_flags, officer_yearly_counts
from cchc.stats.report import DUTY_LABELS

STEP_SUMS = ("steps_early", "steps_on_time", "steps_late", "over_budget_seconds")
# The page shows this many officers at most (the worst; ``CCHC_OFFICER_WATCH_ROWS``); the
# workbook has them all.
SHOWN = 300

REASONS = {
    Kind.LATE_STEPS: N_("%(late)s bước trễ hạn (ngưỡng: từ %(value)s bước)"),
    Kind.LATE_SHARE: N_(
        "%(share)s số bước trễ hạn (%(late)s/%(steps)s bước; ngưỡng: trên %(value)s%%, "
        "xét từ %(minimum)s bước)"
    ),
    Kind.OVER_BUDGET: N_("vượt định mức %(duration)s làm việc (ngưỡng: từ %(value)s giờ)"),
    Kind.NOT_SATISFIED: N_(
        "%(share)s lượt đánh giá không hài lòng (%(bad)s/%(total)s lượt; ngưỡng: trên "
        "%(value)s%%, xét từ %(minimum)s lượt)"
    ),
}


def _rows() -> int:
    return int(getattr(settings, "CCHC_OFFICER_WATCH_ROWS", SHOWN))


def _number(value: Decimal) -> str:
    """``Decimal("20.0")`` → ``20``, ``Decimal("12.5")`` → ``12,5``."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


@dataclass
class OfficerLine:
    """One officer's figures over the period (in the reader's scope)."""

    username: str
    name: str
    agency_name: str
    job: str
    steps_early: int = 0
    steps_on_time: int = 0
    steps_late: int = 0
    over_budget_seconds: int = 0
    ratings: RatingCounts = field(default_factory=RatingCounts)
    duty: DutyFlag = indicators.OK
    breaches: list[Breach] = field(default_factory=list)

    @property
    def steps(self) -> int:
        return self.steps_early + self.steps_on_time + self.steps_late

    @property
    def figures(self) -> OfficerFigures:
        return OfficerFigures(
            steps=self.steps,
            steps_late=self.steps_late,
            over_budget_seconds=self.over_budget_seconds,
            ratings=self.ratings,
        )

    @property
    def late_share(self) -> Decimal | None:
        return self.figures.late_share

    @property
    def not_satisfied_share(self) -> Decimal | None:
        return self.figures.not_satisfied_share

    @property
    def over_budget_text(self) -> str:
        return working_duration_text(self.over_budget_seconds) if self.over_budget_seconds else ""

    @property
    def duty_label(self) -> str:
        return str(DUTY_LABELS[self.duty])

    @property
    def reasons(self) -> list[str]:
        """Why the officer is flagged: each threshold crossed, in words (active language)."""
        return [reason_text(b, self.figures) for b in self.breaches]


def reason_text(breach: Breach, figures: OfficerFigures) -> str:
    """A crossed threshold in words: the figure, what it was judged on, and the threshold."""
    t = breach.threshold
    params = {
        "value": _number(t.value),
        "minimum": t.minimum,
        "late": figures.steps_late,
        "steps": figures.steps,
        "bad": figures.ratings.not_satisfied,
        "total": figures.ratings.total,
        "share": percent(breach.actual) if t.kind in (Kind.LATE_SHARE, Kind.NOT_SATISFIED) else "",
        "duration": working_duration_text(int(breach.actual)) if t.kind == Kind.OVER_BUDGET else "",
    }
    return _(REASONS[t.kind]) % params


@dataclass
class OfficerWatch:
    day_from: date
    day_to: date
    lines: list[OfficerLine]
    thresholds: list[Threshold]
    # The A8 rating counts of the period's last year and the year before, per officer.
    yearly: dict[int, dict[int, RatingCounts]] = field(default_factory=dict)

    @property
    def flagged(self) -> list[OfficerLine]:
        return [line for line in self.lines if line.breaches]

    @property
    def duty_year(self) -> int:
        return self.day_to.year

    @property
    def shown(self) -> list[OfficerLine]:
        return self.lines[: _rows()]

    @property
    def cut(self) -> int:
        """How many officers the page leaves out (the workbook has them)."""
        return max(len(self.lines) - _rows(), 0)

    def threshold_texts(self) -> list[str]:
        return [threshold_text(t) for t in self.thresholds]


THRESHOLD_TEXTS = {
    Kind.LATE_STEPS: N_("Từ %(value)s bước trễ hạn trong kỳ"),
    Kind.LATE_SHARE: N_("Trên %(value)s%% số bước trễ hạn (xét từ %(minimum)s bước)"),
    Kind.OVER_BUDGET: N_("Vượt định mức từ %(value)s giờ làm việc trong kỳ"),
    Kind.NOT_SATISFIED: N_(
        "Trên %(value)s%% lượt đánh giá không hài lòng (xét từ %(minimum)s lượt)"
    ),
}


def threshold_text(t: Threshold) -> str:
    return _(THRESHOLD_TEXTS[t.kind]) % {"value": _number(t.value), "minimum": t.minimum}


def thresholds_in_force() -> list[Threshold]:
    """The active thresholds, in the order of their kinds. One query."""
    order = list(Kind)
    rows = OfficerThreshold.objects.filter(active=True).values_list("kind", "value", "minimum")
    found = [Threshold(Kind(kind), value, minimum) for kind, value, minimum in rows]
    return sorted(found, key=lambda t: order.index(t.kind))


def officer_watch(
    agencies: QuerySet[Agency],
    *,
    day_from: date,
    day_to: date,
    flagged_only: bool = False,
    officer: User | None = None,
) -> OfficerWatch:
    """The list over ``day_from``–``day_to`` (local days, inclusive) of the officers who held a
    step or were rated in ``agencies`` (the reader's scope, ``agencies_visible_to``, or one
    agency's subtree of it), worst first; ``flagged_only`` keeps those over a threshold. Five
    queries: the step sums, the rating sums, the thresholds, the officers, the A8 years.
    ``officer`` (with its agency loaded) keeps one officer's line, and that officer's A8
    years whether or not they have a line: four queries."""
    in_period = {"day__gte": day_from, "day__lte": day_to, "agency__in": agencies}
    if officer is not None:
        in_period["officer"] = officer
    steps = {
        row["officer_id"]: row
        for row in OfficerStepDailyStat.objects.filter(**in_period)
        .values("officer_id")
        .annotate(**{f"n_{name}": Sum(name) for name in STEP_SUMS})
    }
    ratings = {
        row["officer_id"]: RatingCounts(**{n: row[f"n_{n}"] or 0 for n in RATING_COUNTERS})
        for row in OfficerDailyStat.objects.filter(**in_period)
        .values("officer_id")
        .annotate(**{f"n_{name}": Sum(name) for name in RATING_COUNTERS})
    }
    thresholds = thresholds_in_force()
    ids = sorted(set(steps) | set(ratings))
    year = day_to.year
    yearly = officer_yearly_counts(
        officer_ids=[officer.pk] if officer is not None else ids, years=[year - 1, year]
    )
    flags = duty_flags(yearly, year)
    lines = []
    for person in _officers(ids, officer):
        row = steps.get(person.pk, {})
        line = OfficerLine(
            username=person.username,
            name=person.get_full_name(),
            agency_name=person.agency.name if person.agency else "",
            job=person.job_title or person.get_role_display(),
            **{name: row.get(f"n_{name}") or 0 for name in STEP_SUMS},
            ratings=ratings.get(person.pk, RatingCounts()),
            duty=flags.get(person.pk, indicators.OK),
        )
        line.breaches = rules.breaches(line.figures, thresholds)
        if line.breaches or not flagged_only:
            lines.append(line)
    lines.sort(key=lambda line: (*rules.severity(line.figures, line.breaches), line.name))
    return OfficerWatch(day_from, day_to, lines, thresholds, yearly)


def _officers(ids: list[int], officer: User | None) -> Iterable[User]:
    """The officers of ``ids`` with their agency's name: the one given if any (no query)."""
    if officer is not None:
        return [officer] if officer.pk in ids else []
    rows = User.objects.filter(pk__in=ids).select_related("agency")
    return rows.only(
        "username", "full_name", "first_name", "last_name", "job_title", "role", "agency__name"
    )


@dataclass
class MonthLine:
    month: date
    steps_early: int = 0
    steps_on_time: int = 0
    steps_late: int = 0
    over_budget_seconds: int = 0
    ratings: RatingCounts = field(default_factory=RatingCounts)

    @property
    def steps(self) -> int:
        return self.steps_early + self.steps_on_time + self.steps_late

    @property
    def late_share(self) -> Decimal | None:
        return Decimal(self.steps_late) / Decimal(self.steps) if self.steps else None

    @property
    def not_satisfied_share(self) -> Decimal | None:
        total = self.ratings.total
        return Decimal(self.ratings.not_satisfied) / Decimal(total) if total else None

    @property
    def over_budget_text(self) -> str:
        return working_duration_text(self.over_budget_seconds) if self.over_budget_seconds else ""


def officer_months(
    officer: User, agencies: QuerySet[Agency], *, day_from: date, day_to: date
) -> list[MonthLine]:
    """One officer's figures month by month over the period, in ``agencies``: when the
    delays happened. Two queries."""
    in_period = {
        "officer": officer,
        "day__gte": day_from,
        "day__lte": day_to,
        "agency__in": agencies,
    }
    months: dict[date, MonthLine] = {}

    def month_of(value: object) -> MonthLine:
        key = value.date() if hasattr(value, "date") else value
        return months.setdefault(key, MonthLine(key))

    step_rows = (
        OfficerStepDailyStat.objects.filter(**in_period)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(**{f"n_{name}": Sum(name) for name in STEP_SUMS})
    )
    for row in step_rows:
        line = month_of(row["month"])
        for name in STEP_SUMS:
            setattr(line, name, row[f"n_{name}"] or 0)
    rating_rows = (
        OfficerDailyStat.objects.filter(**in_period)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(**{f"n_{name}": Sum(name) for name in RATING_COUNTERS})
    )
    for row in rating_rows:
        month_of(row["month"]).ratings = RatingCounts(
            **{n: row[f"n_{n}"] or 0 for n in RATING_COUNTERS}
        )
    return [months[key] for key in sorted(months)]


# --- The workbook ---------------------------------------------------------------------------

XLSX_COLUMNS = (
    (N_("STT"), 6),
    (N_("Cán bộ"), 26),
    (N_("Tài khoản"), 14),
    (N_("Cơ quan, đơn vị"), 30),
    (N_("Bước đã chuyển"), 11),
    (N_("Trước hạn"), 10),
    (N_("Đúng hạn"), 10),
    (N_("Trễ hạn"), 10),
    (N_("Tỷ lệ trễ hạn"), 11),
    (N_("Vượt định mức (giờ làm việc)"), 13),
    (N_("Lượt đánh giá"), 10),
    (N_("Không hài lòng"), 10),
    (N_("Tỷ lệ không hài lòng"), 12),
    (N_("Đánh giá thực thi nhiệm vụ"), 28),
    (N_("Vượt ngưỡng theo dõi"), 60),
)
PERCENT = dict.fromkeys((9, 13), "0.0%")
HOURS = {10: "0.0"}
HEADER_ROW = 4


def _cells(index: int, line: OfficerLine) -> list[object]:
    def rate(value: Decimal | None) -> float | None:
        return float(value) if value is not None else None

    return [
        index,
        line.name,
        line.username,
        line.agency_name,
        line.steps,
        line.steps_early,
        line.steps_on_time,
        line.steps_late,
        rate(line.late_share),
        round(line.over_budget_seconds / 3600, 1),
        line.ratings.total,
        line.ratings.not_satisfied,
        rate(line.not_satisfied_share),
        line.duty_label,
        "\n".join(line.reasons),
    ]


def officer_watch_xlsx(watch: OfficerWatch, title: str) -> bytes:
    """The whole list as an XLSX sheet (every officer, not only those the page shows): rates
    as real percentages, the time over budget in working hours, the reasons in words. In
    Vietnamese whatever the reader's interface language (it is filed as a report)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Can bo tre hen"
    with translation.override("vi"):
        period = _("CÁN BỘ THƯỜNG XUYÊN TRỄ HẸN TỪ NGÀY %(a)s ĐẾN NGÀY %(b)s") % {
            "a": f"{watch.day_from:%d/%m/%Y}",
            "b": f"{watch.day_to:%d/%m/%Y}",
        }
        titles = [
            (title.upper(), Font(name=FONT, bold=True, size=12)),
            (period, Font(name=FONT, bold=True, size=13)),
        ]
        write_titles(sheet, titles, len(XLSX_COLUMNS))
        write_header(sheet, HEADER_ROW, [(_(label), width) for label, width in XLSX_COLUMNS])
        for offset, line in enumerate(watch.lines, start=1):
            write_row(
                sheet, HEADER_ROW + offset, _cells(offset, line), formats={**PERCENT, **HOURS}
            )
    a4_landscape(sheet, header_row=HEADER_ROW, frozen_columns=2)
    return workbook_bytes(book)


def officer_watch_filename(watch: OfficerWatch, scope: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", scope).strip("-") or "tinh"
    return f"can-bo-tre-hen-{slug}-{watch.day_from:%d%m%Y}-{watch.day_to:%d%m%Y}.xlsx"
