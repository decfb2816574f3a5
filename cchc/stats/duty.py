"""Đánh giá thực thi công vụ theo ý kiến người dân — the DOMAIN A8 duty flags of a year, per
officer and per agency (Bình Định directive): more than 50 % "not satisfied" ratings in the
year is "not fulfilling duties", that year and the calendar year before both over 50 % is
"proposed for replacement". The rule itself is ``cchc.domain.indicators.duty_flag`` applied by
``cchc.satisfaction.selectors.duty_flags`` — the same the report's agency column and the list
of officers often late show.

One more rule here: a year with fewer ratings than ``CCHC_DUTY_MIN_RATINGS`` (default 5) is
"chưa đủ số lượt đánh giá" — never flagged, and not a bad year for the two-years rule either.
It is a setting, not the minimum of the watch list's "not satisfied" threshold
(``OfficerThreshold``): that row is the province's own watch list, may be inactive and has its
own share, while the A8 rule is fixed by the directive.

The figures of an officer are their whole year (``OfficerYearStat``: the flag is personal,
wherever they were rated); a unit's reader sees the officers rated in the unit that year. The
figures of an agency are those of the resolving agency (``SatisfactionDailyStat``). Read from
the exact counters: a fixed number of queries whatever the year or the number of rows. The
drill-down lists the ratings with their comments (date, dossier code, procedure, level,
comment — never the applicant's name), in the reader's scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from openpyxl import Workbook
from openpyxl.styles import Font

from cchc.core import docx
from cchc.core.templatetags.vn import percent
from cchc.core.xlsx import FONT, a4_landscape, workbook_bytes, write_header, write_row, write_titles
from cchc.domain import indicators
from cchc.domain.indicators import RatingCounts
from cchc.domain.workdays import VN_TZ
from cchc.org.models import Agency, User
from cchc.satisfaction.models import OfficerDailyStat, OfficerRating, Rating
from cchc.satisfaction.selectors import agency_yearly_counts, duty_flags, officer_yearly_counts

DEFAULT_MIN_RATINGS = 5
# The drill-down shows this many ratings at most (the latest).
DRILL_ROWS = 500


def min_ratings() -> int:
    """``CCHC_DUTY_MIN_RATINGS`` (default 5): fewer ratings in a year is "not enough"."""
    return max(int(getattr(settings, "CCHC_DUTY_MIN_RATINGS", DEFAULT_MIN_RATINGS)), 0)


@dataclass
class DutyRow:
    """One officer's or agency's ratings of the year and the A8 flags."""

    code: str
    name: str
    ratings: RatingCounts
    enough_ratings: bool
    flag: indicators.DutyFlag = indicators.OK
    agency_name: str = ""
    last_year: RatingCounts = field(default_factory=RatingCounts)

    @property
    def not_satisfied(self) -> int:
        return self.ratings.not_satisfied

    @property
    def share(self) -> Decimal:
        return indicators.negative_share(self.ratings)

    @property
    def last_share(self) -> Decimal | None:
        return indicators.negative_share(self.last_year) if self.last_year.total else None

    @property
    def flagged(self) -> bool:
        return self.flag != indicators.OK

    @property
    def flagged_two_years(self) -> bool:
        return self.flag == indicators.REPLACE

    @property
    def verdict(self) -> str:
        """The row's verdict in words (active language)."""
        return verdict_text(self)


VERDICTS = {
    "short": N_("Chưa đủ số lượt đánh giá"),
    indicators.OK: N_("Hoàn thành nhiệm vụ"),
    indicators.NOT_FULFILLING: N_("Không hoàn thành nhiệm vụ (trên 50% không hài lòng)"),
    indicators.REPLACE: N_("Đề xuất thay thế (2 năm liền trên 50% không hài lòng)"),
}


def verdict_text(row: DutyRow) -> str:
    return _(VERDICTS["short" if not row.enough_ratings else row.flag])


@dataclass
class DutyFlags:
    year: int
    min_ratings: int
    agencies: list[DutyRow]
    officers: list[DutyRow]


def _flags(
    yearly: dict[int, dict[int, RatingCounts]], year: int, minimum: int
) -> dict[int, indicators.DutyFlag]:
    """The A8 flags with the years under ``minimum`` ratings left out (not a bad year)."""
    kept = {
        key: {y: c for y, c in by_year.items() if c.total >= max(minimum, 1)}
        for key, by_year in yearly.items()
    }
    return duty_flags(kept, year)


def _order(row: DutyRow) -> tuple:
    return (
        not row.flagged_two_years,
        not row.flagged,
        not row.enough_ratings,
        -row.share,
        row.name,
    )


def _year_days(year: int) -> dict[str, date]:
    return {"day__gte": date(year, 1, 1), "day__lte": date(year, 12, 31)}


def duty_flags_of_year(agencies: QuerySet[Agency], year: int, *, province: bool) -> DutyFlags:
    """The agencies of ``agencies`` (the reader's scope) rated as resolving agency in ``year``
    and the officers rated in them that year, each with the year's counts and flags, worst
    first. ``province``: the reader sees the whole province (no scope filter needed). Seven
    queries."""
    minimum = min_ratings()
    years = [year - 1, year]
    scope_ids = None if province else list(agencies.values_list("pk", flat=True))
    by_agency = agency_yearly_counts(agency_ids=scope_ids, years=years)
    by_agency = {k: v for k, v in by_agency.items() if v.get(year, RatingCounts()).total}
    agency_flags = _flags(by_agency, year, minimum)
    agency_rows = []
    named = Agency.objects.filter(pk__in=list(by_agency)).only("name", "code")
    for agency in named:
        counts = by_agency[agency.pk]
        this = counts[year]
        agency_rows.append(
            DutyRow(
                code=agency.code,
                name=agency.name,
                ratings=this,
                enough_ratings=this.total >= minimum,
                flag=agency_flags.get(agency.pk, indicators.OK),
                last_year=counts.get(year - 1, RatingCounts()),
            )
        )
    rated = OfficerDailyStat.objects.filter(**_year_days(year))
    if not province:
        rated = rated.filter(agency__in=agencies)
    ids = sorted(set(rated.values_list("officer_id", flat=True)))
    by_officer = officer_yearly_counts(officer_ids=ids, years=years)
    by_officer = {k: v for k, v in by_officer.items() if v.get(year, RatingCounts()).total}
    officer_flags = _flags(by_officer, year, minimum)
    officer_rows = []
    people = User.objects.filter(pk__in=list(by_officer)).select_related("agency")
    people = people.only("username", "full_name", "first_name", "last_name", "agency__name")
    for person in people:
        counts = by_officer[person.pk]
        this = counts[year]
        officer_rows.append(
            DutyRow(
                code=person.username,
                name=person.get_full_name(),
                agency_name=person.agency.name if person.agency else "",
                ratings=this,
                enough_ratings=this.total >= minimum,
                flag=officer_flags.get(person.pk, indicators.OK),
                last_year=counts.get(year - 1, RatingCounts()),
            )
        )
    agency_rows.sort(key=_order)
    officer_rows.sort(key=_order)
    return DutyFlags(year, minimum, agency_rows, officer_rows)


def officer_row(officer: User, year: int) -> DutyRow:
    """One officer's row of ``year`` (whole year, as in the list). One query."""
    counts = officer_yearly_counts(officer_ids=[officer.pk], years=[year - 1, year])
    return _row(counts, officer.pk, year, officer.username, officer.get_full_name())


def agency_row(agency: Agency, year: int) -> DutyRow:
    """One agency's row of ``year``, as in the list. Two queries."""
    counts = agency_yearly_counts(agency_ids=[agency.pk], years=[year - 1, year])
    return _row(counts, agency.pk, year, agency.code, agency.name)


def _row(
    yearly: dict[int, dict[int, RatingCounts]], key: int, year: int, code: str, name: str
) -> DutyRow:
    minimum = min_ratings()
    counts = yearly.get(key, {})
    this = counts.get(year, RatingCounts())
    return DutyRow(
        code=code,
        name=name,
        ratings=this,
        enough_ratings=this.total >= minimum,
        flag=_flags(yearly, year, minimum).get(key, indicators.OK),
        last_year=counts.get(year - 1, RatingCounts()),
    )


# --- The drill-down ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingLine:
    rated_at: datetime
    dossier_code: str
    procedure: str
    agency: str
    level: str
    level_label: str
    comment: str


def _year_moments(year: int) -> dict[str, datetime]:
    return {
        "rated_at__gte": datetime(year, 1, 1, tzinfo=VN_TZ),
        "rated_at__lt": datetime(year + 1, 1, 1, tzinfo=VN_TZ),
    }


def officer_ratings(officer: User, agencies: QuerySet[Agency], year: int) -> list[RatingLine]:
    """The ratings ``officer`` received in ``year`` for dossiers of ``agencies`` (the officer's
    agency when rated, or the resolving agency for one rated while in none), latest first,
    with the dossier's overall comment. One query."""
    rows = (
        OfficerRating.objects.filter(officer=officer, **_year_moments(year))
        .filter(
            Q(agency__in=agencies) | Q(agency__isnull=True, rating__resolving_agency__in=agencies)
        )
        .select_related("rating__dossier__procedure", "rating__resolving_agency")
        .order_by("-rated_at", "-pk")[:DRILL_ROWS]
    )
    return [
        RatingLine(
            rated_at=row.rated_at,
            dossier_code=row.rating.dossier.code,
            procedure=row.rating.dossier.procedure.name,
            agency=row.rating.resolving_agency.name,
            level=row.level,
            level_label=str(row.get_level_display()),
            comment=row.rating.comment,
        )
        for row in rows
    ]


def agency_ratings(agency: Agency, year: int) -> list[RatingLine]:
    """The ratings of the dossiers ``agency`` resolved, rated in ``year``, latest first. One
    query."""
    rows = (
        Rating.objects.filter(resolving_agency=agency, **_year_moments(year))
        .select_related("dossier__procedure")
        .order_by("-rated_at", "-pk")[:DRILL_ROWS]
    )
    return [
        RatingLine(
            rated_at=row.rated_at,
            dossier_code=row.dossier.code,
            procedure=row.dossier.procedure.name,
            agency=agency.name,
            level=row.overall,
            level_label=str(row.get_overall_display()),
            comment=row.comment,
        )
        for row in rows
    ]


# --- The workbook and the annex ---------------------------------------------------------------

AGENCY_COLUMNS = (
    (N_("STT"), 6),
    (N_("Cơ quan, đơn vị"), 40),
    (N_("Mã cơ quan"), 16),
    (N_("Lượt đánh giá"), 11),
    (N_("Không hài lòng"), 11),
    (N_("Tỷ lệ không hài lòng"), 12),
    (N_("Tỷ lệ năm trước"), 12),
    (N_("Kết quả đánh giá"), 40),
)
OFFICER_COLUMNS = (
    (N_("STT"), 6),
    (N_("Cán bộ"), 26),
    (N_("Tài khoản"), 14),
    (N_("Cơ quan, đơn vị"), 30),
    (N_("Lượt đánh giá"), 11),
    (N_("Không hài lòng"), 11),
    (N_("Tỷ lệ không hài lòng"), 12),
    (N_("Tỷ lệ năm trước"), 12),
    (N_("Kết quả đánh giá"), 40),
)
HEADER_ROW = 4


def _rate(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _agency_cells(index: int, row: DutyRow) -> list[object]:
    return [
        index,
        row.name,
        row.code,
        row.ratings.total,
        row.not_satisfied,
        _rate(row.share),
        _rate(row.last_share),
        row.verdict,
    ]


def _officer_cells(index: int, row: DutyRow) -> list[object]:
    return [
        index,
        row.name,
        row.code,
        row.agency_name,
        row.ratings.total,
        row.not_satisfied,
        _rate(row.share),
        _rate(row.last_share),
        row.verdict,
    ]


def _heading(flags: DutyFlags) -> str:
    return _("ĐÁNH GIÁ THỰC THI CÔNG VỤ THEO Ý KIẾN NGƯỜI DÂN NĂM %(year)s") % {"year": flags.year}


def _rule(flags: DutyFlags) -> str:
    return _(
        "Trên 50%% lượt đánh giá không hài lòng trong năm: không hoàn thành nhiệm vụ; hai năm "
        "liền: đề xuất thay thế. Dưới %(minimum)s lượt đánh giá trong năm: chưa đủ số lượt "
        "đánh giá, không xét."
    ) % {"minimum": flags.min_ratings}


def duty_xlsx(flags: DutyFlags, title: str) -> bytes:
    """The year's list as an XLSX workbook: a sheet of agencies and a sheet of officers, shares
    as real percentages. In Vietnamese whatever the reader's language (it is filed)."""
    book = Workbook()
    with translation.override("vi"):
        sheets = (
            ("Co quan", AGENCY_COLUMNS, flags.agencies, _agency_cells, _("Cơ quan, đơn vị")),
            ("Can bo", OFFICER_COLUMNS, flags.officers, _officer_cells, _("Cán bộ, công chức")),
        )
        for number, (name, columns, rows, cells, label) in enumerate(sheets):
            sheet = book.active if number == 0 else book.create_sheet()
            sheet.title = name
            titles = [
                (title.upper(), Font(name=FONT, bold=True, size=12)),
                (f"{_heading(flags)} — {label.upper()}", Font(name=FONT, bold=True, size=13)),
                (_rule(flags), Font(name=FONT, italic=True, size=11)),
            ]
            write_titles(sheet, titles, len(columns))
            write_header(sheet, HEADER_ROW, [(_(text), width) for text, width in columns])
            rates = dict.fromkeys((len(columns) - 3, len(columns) - 2), "0.0%")
            for offset, row in enumerate(rows, start=1):
                write_row(sheet, HEADER_ROW + offset, cells(offset, row), formats=rates)
            a4_landscape(sheet, header_row=HEADER_ROW, frozen_columns=2)
    return workbook_bytes(book)


def _share_text(value: Decimal | None) -> str:
    return percent(value) if value is not None else "—"


def duty_docx(flags: DutyFlags, title: str) -> bytes:
    """The annex ("Phụ lục") to the report to the People's Committee: the heading, the rule,
    a table of agencies and a table of officers, A4 landscape. In Vietnamese."""
    c = "center"
    figures = frozenset({3, 4, 5, 6})
    with translation.override("vi"):
        body = [
            docx.para(docx.run(_("PHỤ LỤC"), bold=True, size=28), align=c, after=0),
            docx.para(docx.run(_heading(flags), bold=True), align=c, after=0),
            docx.para(
                docx.run(
                    _("(Kèm theo báo cáo gửi Ủy ban nhân dân tỉnh — %(scope)s)") % {"scope": title},
                    italic=True,
                ),
                align=c,
            ),
            docx.para(docx.run(_rule(flags), italic=True, size=24), align="both"),
            docx.para(docx.run(_("I. CƠ QUAN, ĐƠN VỊ"), bold=True)),
            docx.grid_table(
                (700, 4300, 1700, 1200, 1200, 1300, 1300, 2303),
                [_(text) for text, _width in AGENCY_COLUMNS],
                [
                    [
                        str(i),
                        row.name,
                        row.code,
                        f"{row.ratings.total}",
                        f"{row.not_satisfied}",
                        _share_text(row.share),
                        _share_text(row.last_share),
                        row.verdict,
                    ]
                    for i, row in enumerate(flags.agencies, start=1)
                ],
                right_aligned=figures,
            ),
            docx.para(),
            docx.para(docx.run(_("II. CÁN BỘ, CÔNG CHỨC"), bold=True)),
            docx.grid_table(
                (700, 2600, 1400, 2600, 1100, 1100, 1200, 1200, 2103),
                [_(text) for text, _width in OFFICER_COLUMNS],
                [
                    [
                        str(i),
                        row.name,
                        row.code,
                        row.agency_name,
                        f"{row.ratings.total}",
                        f"{row.not_satisfied}",
                        _share_text(row.share),
                        _share_text(row.last_share),
                        row.verdict,
                    ]
                    for i, row in enumerate(flags.officers, start=1)
                ],
                right_aligned=frozenset({4, 5, 6, 7}),
            ),
        ]
    return docx.docx_bytes(docx.document_xml(body, docx.SECTION_LANDSCAPE))


def duty_filename(flags: DutyFlags, scope: str, ext: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", scope).strip("-") or "tinh"
    return f"danh-gia-thuc-thi-cong-vu-{slug}-{flags.year}.{ext}"
