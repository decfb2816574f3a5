"""Tình hình giải quyết TTHC — the per-agency report of a period, for leaders, reform officers
and the Department of Home Affairs: what was received and through which channel, how much was
finished on time, the online and online-payment shares, what applicants said, and the A8 duty
flag of the year, the apologies issued in time, the dossiers that needed a third visit, and the
late steps each agency held; and the feedback and petitions (phản ánh, kiến nghị) each agency
received, answered on time or late and published, with those overdue at the moment of the
report. Read from the exact summary tables only (``DossierDailyStat``, ``StepDailyStat``,
``SatisfactionDailyStat``, ``FeedbackDailyStat``): the dossier table is never scanned, and of
the feedback items only the open ones past their deadline are counted (one indexed query).

Lines are agencies that resolve (the unit whose leader issues the result, DOMAIN A6) or, on
request, agencies that receive; an officer sees the lines of the agencies in their scope.

Rates (DOMAIN B §5.2, the Decision 766 forms, used as defaults until the official annex is read):

- on-time rate = (early + on time) / dossiers finished in the period;
- online rate = online dossiers / dossiers of procedures that offer an online service;
- full-process rate = full-process online dossiers / dossiers of full-process procedures;
- online-payment rate = dossiers paid online / dossiers with a financial obligation;
- satisfied rate = (very satisfied + satisfied) / ratings (MDHL);
- feedback answered on time = (answered − answered late) / answered (MDHL1).

A rate with nothing to divide is ``None`` (shown as a dash), never 0 % or 100 %.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Case, Count, F, Q, QuerySet, Sum, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_noop as N_
from openpyxl import Workbook
from openpyxl.styles import Font

from cchc.catalog.models import Procedure
from cchc.core.xlsx import (
    FONT,
    a4_landscape,
    workbook_bytes,
    write_header,
    write_row,
    write_titles,
)
from cchc.domain import feedback as feedback_rules
from cchc.domain import indicators
from cchc.domain.indicators import DutyFlag, RatingCounts
from cchc.dossiers.models import DossierDailyStat, StepDailyStat
from cchc.feedback.models import COUNTERS as FEEDBACK_COUNTERS
from cchc.feedback.models import FeedbackDailyStat, FeedbackItem
from cchc.org.models import Agency
from cchc.satisfaction.models import COUNTERS as RATING_COUNTERS
from cchc.satisfaction.models import EVALUATION_COUNTERS, EvaluationDailyStat, SatisfactionDailyStat
from cchc.satisfaction.selectors import agency_yearly_counts, duty_flags
from cchc.stats.selectors import Shares, share, share_sums, shares_from

# The province targets published with the 766 reporting (DOMAIN B §5.2, Lâm Đồng 2025): a
# rate below its target is shown as such. The online rate has no published target.
TARGETS: dict[str, Decimal] = {
    "on_time": Decimal("0.98"),
    "full_process": Decimal("0.70"),
    "online_payment": Decimal("0.60"),
}
OUTCOME_COUNTERS = (
    "finished_early",
    "finished_on_time",
    "finished_late",
    "refused",
    "returned",
    "apologies",
    "apologies_timely",
    "third_visits",
)
RESOLVING = "resolving"
RECEIVING = "receiving"
DIMENSIONS = (RESOLVING, RECEIVING)
DUTY_LABELS: dict[str, object] = {
    indicators.OK: "",
    indicators.NOT_FULFILLING: gettext_lazy("Không hoàn thành nhiệm vụ (trên 50% không hài lòng)"),
    indicators.REPLACE: gettext_lazy("Đề xuất thay thế (2 năm liền trên 50% không hài lòng)"),
}


@dataclass
class ReportLine:
    """One agency's figures over the period (or the total of all lines)."""

    name: str
    code: str = ""
    shares: Shares = field(default_factory=lambda: Shares(0, 0, 0, 0, 0, 0, 0))
    finished_early: int = 0
    finished_on_time: int = 0
    finished_late: int = 0
    refused: int = 0
    returned: int = 0
    apologies: int = 0
    apologies_timely: int = 0
    third_visits: int = 0
    # Steps this agency (or a division of it) held and handed on after the step's own due
    # moment (DOMAIN A3): where the delay came from.
    steps_late: int = 0
    ratings: RatingCounts = field(default_factory=RatingCounts)
    duty: DutyFlag = indicators.OK

    @property
    def finished(self) -> int:
        return self.finished_early + self.finished_on_time + self.finished_late

    @property
    def on_time_share(self) -> Decimal | None:
        return share(self.finished_early + self.finished_on_time, self.finished)

    @property
    def satisfied_share(self) -> Decimal | None:
        return share(self.ratings.very_satisfied + self.ratings.satisfied, self.ratings.total)

    @property
    def duty_label(self) -> str:
        return str(DUTY_LABELS[self.duty])

    def below_target(self) -> dict[str, bool]:
        """Which targeted rates are known and below their target."""
        rates = {
            "on_time": self.on_time_share,
            "full_process": self.shares.full_process_share,
            "online_payment": self.shares.online_payment_share,
        }
        return {k: rates[k] is not None and rates[k] < TARGETS[k] for k in TARGETS}


@dataclass
class FeedbackLine:
    """One agency's feedback and petitions over the period (or the total): ``received``,
    ``not_accepted`` and ``forwarded`` (``forwarded_late``: after Art. 9's 5 working days)
    as the agency that received them, ``answered`` (``answered_late``: approved after the
    answer's due moment), ``published`` and ``reopened`` as the agency that answers; and
    ``overdue``, the items waiting at the agency past their deadline at the report's moment
    (to be classified or forwarded past the 5 working days, or to be answered past the due
    moment)."""

    name: str
    code: str = ""
    received: int = 0
    not_accepted: int = 0
    forwarded: int = 0
    forwarded_late: int = 0
    answered: int = 0
    answered_late: int = 0
    published: int = 0
    reopened: int = 0
    overdue: int = 0

    @property
    def answered_on_time(self) -> int:
        return self.answered - self.answered_late

    @property
    def on_time_share(self) -> Decimal | None:
        return share(self.answered_on_time, self.answered)


@dataclass
class EvaluationLine:
    """One resolving agency's per-dossier evaluations (Decree 61/2018's nine indicators) of
    the dossiers it returned in the period (or the total), from ``EvaluationDailyStat``."""

    name: str
    code: str = ""
    evaluated: int = 0
    self_complete: int = 0
    self_points: int = 0
    self_excellent: int = 0
    self_good: int = 0
    self_fair: int = 0
    self_average: int = 0
    self_weak: int = 0
    appraised: int = 0
    appraised_points: int = 0
    appraised_excellent: int = 0
    appraised_good: int = 0
    appraised_fair: int = 0
    appraised_average: int = 0
    appraised_weak: int = 0

    @property
    def self_mean(self) -> Decimal | None:
        """Mean self total per evaluated dossier (out of 18), one decimal."""
        if not self.evaluated:
            return None
        return (Decimal(self.self_points) / self.evaluated).quantize(Decimal("0.1"))

    @property
    def appraised_mean(self) -> Decimal | None:
        """Mean appraised total per appraised dossier (out of 18), one decimal."""
        if not self.appraised:
            return None
        return (Decimal(self.appraised_points) / self.appraised).quantize(Decimal("0.1"))


@dataclass
class AgencyReport:
    day_from: date
    day_to: date
    lines: list[ReportLine]
    total: ReportLine
    by: str = RESOLVING
    feedback: list[FeedbackLine] = field(default_factory=list)
    feedback_total: FeedbackLine | None = None
    feedback_at: datetime | None = None  # the moment ``overdue`` is counted at
    evaluations: list[EvaluationLine] = field(default_factory=list)
    evaluations_total: EvaluationLine | None = None

    @property
    def duty_year(self) -> int:
        return self.day_to.year


def agency_report(
    agencies: QuerySet[Agency],
    *,
    day_from: date,
    day_to: date,
    level: str = "",
    by: str = RESOLVING,
    now: datetime | None = None,
) -> AgencyReport:
    """The report over ``day_from``–``day_to`` (local days, inclusive) for the agencies of
    ``agencies`` (the caller's scope: ``agencies_visible_to``) that resolved — or, with
    ``by="receiving"``, received — a dossier or were rated in the period, in the order of the
    organisation tree. ``level`` keeps one level of the tree. The duty flag (A8, of
    ``day_to``'s whole calendar year) and the late steps belong to the resolving agency: the
    receiving view has neither. The feedback lines are the agencies in scope (and level) with
    feedback counted in the period or overdue at ``now`` (default: the present moment),
    whatever ``by``. The evaluation lines (resolving view only) are the agencies in scope (and
    level) that returned an evaluated dossier in the period. Eight queries (nine for the
    resolving view), whatever the period or the number of agencies."""
    if by not in DIMENSIONS:
        raise ValueError(f"unknown dimension: {by}")
    if level:
        agencies = agencies.filter(level=level)
    column = f"{by}_agency_id"
    in_period = {"day__gte": day_from, "day__lte": day_to, f"{by}_agency__in": agencies}
    dossier_rows = _dossier_sums(DossierDailyStat.objects.filter(**in_period), column)
    rating_rows = {
        row[column]: RatingCounts(**{name: row[f"n_{name}"] or 0 for name in RATING_COUNTERS})
        for row in SatisfactionDailyStat.objects.filter(**in_period)
        .values(column)
        .annotate(**{f"n_{name}": Sum(name) for name in RATING_COUNTERS})
    }
    ids = sorted(set(dossier_rows) | set(rating_rows))
    flags: dict[int, DutyFlag] = {}
    late_steps: dict[int, int] = {}
    if by == RESOLVING:
        year = day_to.year
        flags = duty_flags(agency_yearly_counts(agency_ids=ids, years=[year - 1, year]), year)
        late_steps = _late_steps_by_unit(agencies, day_from=day_from, day_to=day_to)
    evaluation_rows = (
        _evaluation_sums(agencies, day_from=day_from, day_to=day_to) if by == RESOLVING else {}
    )
    now = now or timezone.now()
    feedback_rows = _feedback_sums(agencies, day_from=day_from, day_to=day_to)
    overdue = feedback_overdue(agencies, now=now)
    feedback_ids = set(feedback_rows) | set(overdue)
    lines, feedback, evaluations = [], [], []
    named = Agency.objects.filter(pk__in=set(ids) | feedback_ids | set(evaluation_rows)).only(
        "name", "code", "path"
    )
    for agency in named.order_by("path"):
        if agency.pk in evaluation_rows:
            evaluations.append(
                EvaluationLine(name=agency.name, code=agency.code, **evaluation_rows[agency.pk])
            )
        if agency.pk in feedback_ids:
            row = feedback_rows.get(agency.pk, {})
            feedback.append(
                FeedbackLine(
                    name=agency.name,
                    code=agency.code,
                    **{name: row.get(f"n_{name}") or 0 for name in FEEDBACK_COUNTERS},
                    overdue=overdue.get(agency.pk, 0),
                )
            )
        if agency.pk not in dossier_rows and agency.pk not in rating_rows:
            continue
        row = dossier_rows.get(agency.pk, {})
        lines.append(
            ReportLine(
                name=agency.name,
                code=agency.code,
                shares=shares_from(row),
                **{name: row.get(f"n_{name}") or 0 for name in OUTCOME_COUNTERS},
                steps_late=late_steps.get(agency.pk, 0),
                ratings=rating_rows.get(agency.pk, RatingCounts()),
                duty=flags.get(agency.pk, indicators.OK),
            )
        )
    return AgencyReport(
        day_from,
        day_to,
        lines,
        _total(lines),
        by=by,
        feedback=feedback,
        feedback_total=_feedback_total(feedback),
        feedback_at=now,
        evaluations=evaluations,
        evaluations_total=EvaluationLine(
            name=_("Tổng cộng"),
            **{name: sum(getattr(e, name) for e in evaluations) for name in EVALUATION_COUNTERS},
        )
        if evaluations
        else None,
    )


def _evaluation_sums(agencies: QuerySet[Agency], *, day_from: date, day_to: date) -> dict:
    """Each resolving agency's evaluation counters summed over the period (one query)."""
    rows = (
        EvaluationDailyStat.objects.filter(
            day__gte=day_from, day__lte=day_to, resolving_agency__in=agencies
        )
        .values("resolving_agency_id")
        .annotate(**{f"n_{name}": Sum(name) for name in EVALUATION_COUNTERS})
    )
    return {
        row["resolving_agency_id"]: {name: row[f"n_{name}"] or 0 for name in EVALUATION_COUNTERS}
        for row in rows
    }


def _feedback_sums(agencies: QuerySet[Agency], *, day_from: date, day_to: date) -> dict:
    """The feedback counters of the period per agency (one query)."""
    return {
        row["agency_id"]: row
        for row in FeedbackDailyStat.objects.filter(
            day__gte=day_from, day__lte=day_to, agency__in=agencies
        )
        .values("agency_id")
        .annotate(**{f"n_{name}": Sum(name) for name in FEEDBACK_COUNTERS})
    }


def feedback_overdue(agencies: QuerySet[Agency], *, now: datetime) -> dict[int, int]:
    """The items waiting past their deadline at ``now``, per agency they wait at (one query,
    on the status indexes): received and still unclassified after Art. 9's 5 working days
    (``forward_due_at``, at the receiving agency), or waiting for their answer past its due
    moment (``answer_due_at``, at the agency that answers) — ``cchc.domain.feedback``'s
    ``forward_overdue`` and ``answer_overdue``."""
    received = feedback_rules.Status.RECEIVED.value
    clock = [s.value for s in feedback_rules.ANSWER_CLOCK]
    rows = (
        FeedbackItem.objects.filter(
            Q(status=received, forward_due_at__lt=now, receiving_agency__in=agencies)
            | Q(status__in=clock, answer_due_at__lt=now, handling_agency__in=agencies)
        )
        .annotate(
            waiting_at=Case(
                When(status=received, then=F("receiving_agency_id")),
                default=F("handling_agency_id"),
            )
        )
        .values("waiting_at")
        .annotate(n=Count("pk"))
    )
    return {row["waiting_at"]: row["n"] for row in rows}


def _feedback_total(lines: list[FeedbackLine]) -> FeedbackLine:
    return FeedbackLine(
        name=_("Tổng cộng"),
        **{
            name: sum(getattr(line, name) for line in lines)
            for name in (*FEEDBACK_COUNTERS, "overdue")
        },
    )


def _late_steps_by_unit(agencies: QuerySet[Agency], *, day_from: date, day_to: date) -> dict:
    """Late steps per unit: steps held by a division are its department's or commune's (the
    unit a division belongs to, ``Agency.unit``; the query rolls up one level of division)."""
    rows = (
        StepDailyStat.objects.filter(
            day__gte=day_from, day__lte=day_to, agency__in=agencies, steps_late__gt=0
        )
        .values("agency_id", "agency__level", "agency__parent_id")
        .annotate(late=Sum("steps_late"))
    )
    by_unit: dict[int, int] = {}
    for row in rows:
        division = row["agency__level"] == Agency.Level.DIVISION and row["agency__parent_id"]
        unit = row["agency__parent_id"] if division else row["agency_id"]
        by_unit[unit] = by_unit.get(unit, 0) + row["late"]
    return by_unit


def procedure_report(
    agency: Agency, *, day_from: date, day_to: date, by: str = RESOLVING
) -> AgencyReport:
    """The same figures for one agency (resolving, or receiving with ``by``), one line per
    procedure with dossiers in the period, the most received first: where the agency's rates
    come from. Ratings are kept per agency, not per procedure, so these lines carry none.
    Two queries."""
    if by not in DIMENSIONS:
        raise ValueError(f"unknown dimension: {by}")
    rows = _dossier_sums(
        DossierDailyStat.objects.filter(
            **{f"{by}_agency": agency}, day__gte=day_from, day__lte=day_to
        ),
        "procedure_id",
    )
    procedures = Procedure.objects.filter(pk__in=rows).only("code", "name")
    lines = [
        ReportLine(
            name=procedure.name,
            code=procedure.code,
            shares=shares_from(rows[procedure.pk]),
            **{name: rows[procedure.pk].get(f"n_{name}") or 0 for name in OUTCOME_COUNTERS},
        )
        for procedure in procedures
    ]
    lines.sort(key=lambda line: (-line.shares.received, line.code))
    return AgencyReport(day_from, day_to, lines, _total(lines), by=by)


def _dossier_sums(rows: QuerySet[DossierDailyStat], key: str) -> dict[int, dict]:
    """The share sums and outcome counters of ``rows``, grouped by ``key``."""
    return {
        row[key]: row
        for row in rows.values(key).annotate(
            **share_sums(), **{f"n_{name}": Sum(name) for name in OUTCOME_COUNTERS}
        )
    }


def _total(lines: list[ReportLine]) -> ReportLine:
    def summed(name: str) -> int:
        return sum(getattr(line, name) for line in lines)

    return ReportLine(
        name=_("Tổng cộng"),
        shares=Shares(
            **{f.name: sum(getattr(line.shares, f.name) for line in lines) for f in fields(Shares)}
        ),
        **{name: summed(name) for name in OUTCOME_COUNTERS},
        steps_late=summed("steps_late"),
        ratings=sum((line.ratings for line in lines), RatingCounts()),
    )


# --- The workbook ---------------------------------------------------------------------------

XLSX_COLUMNS = (
    (N_("STT"), 6),
    (N_("Cơ quan, đơn vị"), 36),
    (N_("Mã định danh"), 16),
    (N_("Tiếp nhận"), 11),
    (N_("Trực tuyến"), 11),
    (N_("Tỷ lệ trực tuyến"), 12),
    (N_("Tỷ lệ toàn trình"), 12),
    (N_("Đã giải quyết"), 12),
    (N_("Trước hạn"), 11),
    (N_("Đúng hạn"), 11),
    (N_("Trễ hạn"), 11),
    (N_("Tỷ lệ đúng hạn"), 12),
    (N_("Văn bản xin lỗi"), 11),
    (N_("Xin lỗi đúng hạn"), 11),
    (N_("Phải đến lần thứ ba"), 11),
    (N_("Bước trễ hạn"), 11),
    (N_("Đã trả kết quả"), 11),
    (N_("Tỷ lệ thanh toán trực tuyến"), 14),
    (N_("Lượt đánh giá"), 11),
    (N_("Tỷ lệ hài lòng"), 12),
    (N_("Đánh giá thực thi nhiệm vụ"), 30),
)
PERCENT = dict.fromkeys((6, 7, 12, 18, 20), "0.0%")
HEADER_ROW = 4
FEEDBACK_COLUMNS = (
    (N_("STT"), 6),
    (N_("Cơ quan, đơn vị"), 36),
    (N_("Mã định danh"), 16),
    (N_("Tiếp nhận"), 11),
    (N_("Không tiếp nhận"), 11),
    (N_("Đã chuyển"), 11),
    (N_("Chuyển quá hạn"), 11),
    (N_("Đã trả lời"), 11),
    (N_("Trả lời đúng hạn"), 11),
    (N_("Trả lời quá hạn"), 11),
    (N_("Tỷ lệ trả lời đúng hạn"), 12),
    (N_("Đã công khai"), 11),
    (N_("Mở lại"), 11),
    (N_("Đang quá hạn"), 11),
)
FEEDBACK_PERCENT = {10: "0.0%"}
EVALUATION_COLUMNS = (
    (N_("STT"), 6),
    (N_("Cơ quan, đơn vị"), 36),
    (N_("Mã định danh"), 16),
    (N_("Hồ sơ được đánh giá"), 12),
    (N_("Điểm tự đánh giá bình quân"), 12),
    (N_("Đã thẩm định"), 11),
    (N_("Điểm thẩm định bình quân"), 12),
    (N_("Xuất sắc"), 10),
    (N_("Tốt"), 10),
    (N_("Khá"), 10),
    (N_("Trung bình"), 10),
    (N_("Yếu"), 10),
)
EVALUATION_FORMATS = {5: "0.0", 7: "0.0"}


def _cells(index: int | str, line: ReportLine) -> list[object]:
    def rate(value: Decimal | None) -> float | None:
        return float(value) if value is not None else None

    return [
        index,
        line.name,
        line.code,
        line.shares.received,
        line.shares.online,
        rate(line.shares.online_share),
        rate(line.shares.full_process_share),
        line.finished,
        line.finished_early,
        line.finished_on_time,
        line.finished_late,
        rate(line.on_time_share),
        line.apologies,
        line.apologies_timely,
        line.third_visits,
        line.steps_late,
        line.returned,
        rate(line.shares.online_payment_share),
        line.ratings.total,
        rate(line.satisfied_share),
        line.duty_label,
    ]


def _feedback_cells(index: int | str, line: FeedbackLine) -> list[object]:
    rate = line.on_time_share
    return [
        index,
        line.name,
        line.code,
        line.received,
        line.not_accepted,
        line.forwarded,
        line.forwarded_late,
        line.answered,
        line.answered_on_time,
        line.answered_late,
        float(rate) if rate is not None else None,
        line.published,
        line.reopened,
        line.overdue,
    ]


def _table_sheet(
    book: Workbook,
    *,
    name: str,
    heading: str,
    report: AgencyReport,
    title: str,
    columns: tuple[tuple[str, int], ...],
    rows: list[list[object]],
    total: list[object] | None,
    formats: dict,
    note: str,
) -> None:
    """One more sheet of the workbook: the report's titles, a heading for the period, a table
    with its total row in bold (when there is one) and a note under it."""
    sheet = book.create_sheet(name)
    period = heading % {"a": f"{report.day_from:%d/%m/%Y}", "b": f"{report.day_to:%d/%m/%Y}"}
    titles = [
        (title.upper(), Font(name=FONT, bold=True, size=12)),
        (period, Font(name=FONT, bold=True, size=13)),
    ]
    write_titles(sheet, titles, len(columns))
    write_header(sheet, HEADER_ROW, [(_(label), width) for label, width in columns])
    lines = rows + ([total] if total is not None else [])
    for offset, values in enumerate(lines, start=1):
        bold = total is not None and offset == len(lines)
        write_row(sheet, HEADER_ROW + offset, values, bold=bold, formats=formats)
    if note:
        sheet.cell(row=HEADER_ROW + len(lines) + 2, column=2, value=note).font = Font(
            name=FONT, italic=True
        )
    a4_landscape(sheet, header_row=HEADER_ROW, frozen_columns=2)


def _feedback_sheet(book: Workbook, report: AgencyReport, title: str) -> None:
    """The second sheet: feedback and petitions per agency (called in Vietnamese)."""
    note = ""
    if report.feedback_at is not None:
        moment = timezone.localtime(report.feedback_at)
        note = _(
            "Đang quá hạn: phản ánh chờ phân loại, chuyển hoặc trả lời đã quá hạn lúc %(t)s."
        ) % {"t": f"{moment:%H:%M %d/%m/%Y}"}
    total = report.feedback_total
    _table_sheet(
        book,
        name="Phan anh kien nghi",
        heading=_("PHẢN ÁNH, KIẾN NGHỊ TỪ NGÀY %(a)s ĐẾN NGÀY %(b)s"),
        report=report,
        title=title,
        columns=FEEDBACK_COLUMNS,
        rows=[_feedback_cells(i, line) for i, line in enumerate(report.feedback, start=1)],
        total=_feedback_cells("", total) if total is not None else None,
        formats=FEEDBACK_PERCENT,
        note=note,
    )


def _evaluation_cells(index: int | str, line: EvaluationLine) -> list[object]:
    def mean(value: Decimal | None) -> float | None:
        return float(value) if value is not None else None

    return [
        index,
        line.name,
        line.code,
        line.evaluated,
        mean(line.self_mean),
        line.appraised,
        mean(line.appraised_mean),
        line.appraised_excellent,
        line.appraised_good,
        line.appraised_fair,
        line.appraised_average,
        line.appraised_weak,
    ]


def _evaluation_sheet(book: Workbook, report: AgencyReport, title: str) -> None:
    """The third sheet (resolving view): the per-dossier evaluations of the nine indicators
    per resolving agency, as the report page shows them (called in Vietnamese)."""
    note = _(
        "Hồ sơ trả kết quả trong kỳ, theo cơ quan giải quyết; điểm tối đa 18. Xếp loại theo "
        "điểm thẩm định của Sở Nội vụ."
    )
    total = report.evaluations_total
    _table_sheet(
        book,
        name="Danh gia giai quyet ho so",
        heading=_("ĐÁNH GIÁ GIẢI QUYẾT HỒ SƠ (9 CHỈ SỐ) TỪ NGÀY %(a)s ĐẾN NGÀY %(b)s"),
        report=report,
        title=title,
        columns=EVALUATION_COLUMNS,
        rows=[_evaluation_cells(i, line) for i, line in enumerate(report.evaluations, start=1)],
        total=_evaluation_cells("", total) if total is not None else None,
        formats=EVALUATION_FORMATS,
        note=note,
    )


def report_xlsx(report: AgencyReport, title: str) -> bytes:
    """The report as an XLSX workbook: rates as real percentages, counts as numbers, a total
    row; the feedback and petitions on a second sheet; in the resolving view the per-dossier
    evaluations on a third. In Vietnamese whatever the officer's
    interface language (it is filed as a report)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tinh hinh giai quyet"
    with translation.override("vi"):
        period = _("TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TỪ NGÀY %(a)s ĐẾN NGÀY %(b)s") % {
            "a": f"{report.day_from:%d/%m/%Y}",
            "b": f"{report.day_to:%d/%m/%Y}",
        }
        titles = [
            (title.upper(), Font(name=FONT, bold=True, size=12)),
            (period, Font(name=FONT, bold=True, size=13)),
        ]
        write_titles(sheet, titles, len(XLSX_COLUMNS))
        write_header(sheet, HEADER_ROW, [(_(label), width) for label, width in XLSX_COLUMNS])
        rows = [_cells(i, line) for i, line in enumerate(report.lines, start=1)]
        rows.append(_cells("", report.total))
        for offset, values in enumerate(rows, start=1):
            write_row(sheet, HEADER_ROW + offset, values, bold=offset == len(rows), formats=PERCENT)
        a4_landscape(sheet, header_row=HEADER_ROW, frozen_columns=2)
        _feedback_sheet(book, report, title)
        if report.by == RESOLVING:
            _evaluation_sheet(book, report, title)
    return workbook_bytes(book)


def report_filename(report: AgencyReport, scope: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", scope).strip("-") or "tinh"
    return f"tinh-hinh-giai-quyet-{slug}-{report.day_from:%d%m%Y}-{report.day_to:%d%m%Y}.xlsx"
