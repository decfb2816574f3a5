"""The dashboards by role (bảng điều khiển): what each officer should look at for a period.

- **Province** (Home Affairs, the appraisal council, administrators): every agency ranked on
  the serving-quality index (Decision 766: the six groups and the total), every agency's
  outcomes — received, online and postal shares, decided, on time, late, apologies,
  satisfaction — and the month-by-month trend.
- **Agency head** (leader, reform officer): their unit's rank among the units of its kind and
  its indicators, the ones that would raise it most first; its outcomes, its procedures (which
  pull its rates down) and its steps by the division that held them (where delays come from).
- **Officer** (counter officer, specialist): their own workload now and their own timeliness:
  the steps they handed on in the period, early, on time or late.

Every table is a ``cchc.stats.tables.Table`` (shown, and exported to XLSX and PDF with the same
rows); every count that has dossiers behind it links to them (the worklist's "all" tab with the
figure's filters, scoped like every worklist). Read from the exact counters only: a bounded
number of statements whatever the number of dossiers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import QuerySet, Sum
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cchc.catalog.models import Procedure
from cchc.core.templatetags.vn import working_duration_text
from cchc.dossiers.models import DossierDailyStat, OfficerStepDailyStat, StepDailyStat
from cchc.dossiers.selectors import Worklist, dossiers_held_by
from cchc.org.models import Agency, User
from cchc.org.selectors import agencies_visible_to, agency_scope_root, sees_whole_province
from cchc.stats.figures import (
    Outcomes,
    dossier_sums,
    outcomes_by_agency,
    outcomes_by_month,
    outcomes_from,
)
from cchc.stats.selectors import share
from cchc.stats.serving import AGENCY_KINDS, AgencyIndex, ServingIndex, serving_index
from cchc.stats.tables import COUNT, POINTS, RATE, TEXT, Cell, Column, Table

PROVINCE, AGENCY, OFFICER = "province", "agency", "officer"
HEAD_ROLES = {User.Role.LEADER, User.Role.REFORM_OFFICER}
MAX_PROCEDURE_ROWS = 200


@dataclass(frozen=True)
class Scope:
    """What the dashboard looks at: the period, the agencies, and the narrowing of the dossier
    counters (procedure, field, channel)."""

    day_from: date
    day_to: date
    agencies: QuerySet[Agency]
    narrow: dict
    procedure_code: str = ""
    channel: str = ""


def dashboard_kind(user: User) -> str:
    if sees_whole_province(user):
        return PROVINCE
    if user.role in HEAD_ROLES:
        return AGENCY
    return OFFICER


def scope_for(user: User, data: dict) -> Scope:
    """The scope of the filters ``data`` (a valid ``DashboardForm``'s) within what ``user`` may
    see: an agency outside it is a 404, as everywhere."""
    agencies = agencies_visible_to(user)
    if data.get("level"):
        agencies = agencies.filter(level=data["level"])
    code = (data.get("agency") or "").strip()
    if code:
        agency = agencies_visible_to(user).filter(code=code).first()
        if agency is None:
            raise Http404
        agencies = agencies.filter(path__startswith=agency.path)
    narrow = {}
    procedure = (data.get("procedure") or "").strip()
    if procedure:
        narrow["procedure__code"] = procedure
    field_code = (data.get("field") or "").strip()
    if field_code:
        narrow["procedure__field__code"] = field_code
    if data.get("channel"):
        narrow["channel"] = data["channel"]
    return Scope(
        data["day_from"],
        data["day_to"],
        agencies,
        narrow,
        procedure_code=procedure,
        channel=data.get("channel") or "",
    )


def drill(scope: Scope, **filters: str) -> str:
    """The worklist of the dossiers behind a figure: decided in the period, with ``filters``."""
    params = {
        "tab": Worklist.ALL,
        "finished_from": f"{scope.day_from:%d/%m/%Y}",
        "finished_to": f"{scope.day_to:%d/%m/%Y}",
    }
    if scope.procedure_code:
        params["procedure"] = scope.procedure_code
    if scope.channel:
        params["channel"] = scope.channel
    params.update(filters)
    return f"{reverse('dossiers:worklist')}?{urlencode(params)}"


def _columns(first: str) -> list[Column]:
    return [
        Column(first, TEXT, 40),
        Column(_("Tiếp nhận"), COUNT),
        Column(_("Trực tuyến"), RATE),
        Column(_("Bưu chính"), RATE),
        Column(_("Đã giải quyết"), COUNT),
        Column(_("Đúng hạn"), RATE),
        Column(_("Trễ hạn"), COUNT),
        Column(_("Văn bản xin lỗi"), COUNT),
        Column(_("Hài lòng"), RATE),
    ]


def _row(name: object, o: Outcomes, late_href: str = "", *, ratings: bool = True) -> list:
    late = Cell(o.finished_late, late_href) if late_href and o.finished_late else o.finished_late
    return [
        name,
        o.received,
        o.online_share,
        o.postal_share,
        o.finished,
        o.on_time_share,
        late,
        o.apologies,
        o.satisfied_share if ratings else None,
    ]


def agencies_table(scope: Scope) -> Table:
    """One line per resolving agency of the scope with dossiers or ratings in the period, in
    the order of the organisation tree, and the total. Three queries."""
    by_agency = outcomes_by_agency(
        day_from=scope.day_from, day_to=scope.day_to, agencies=scope.agencies, narrow=scope.narrow
    )
    agencies = Agency.objects.filter(pk__in=by_agency).only("code", "name", "path")
    rows, total = [], Outcomes()
    for agency in agencies.order_by("path"):
        outcomes = by_agency[agency.pk]
        total = total + outcomes
        href = drill(scope, timeliness="late", resolving=agency.code)
        rows.append(_row(agency.name, outcomes, href, ratings=not scope.narrow))
    table = Table(
        "co-quan",
        _("Kết quả giải quyết theo cơ quan"),
        _columns(_("Cơ quan giải quyết")),
        rows,
        _row(_("Tổng cộng"), total, ratings=not scope.narrow),
    )
    if scope.narrow:
        table.note = _("Đánh giá hài lòng được tính theo cơ quan, không theo thủ tục hay kênh nộp.")
    return table


def procedures_table(scope: Scope, unit: Agency) -> Table:
    """The unit's procedures with dossiers in the period, the most received first (at most
    200): which procedures pull its rates down. Two queries."""
    rows_by_procedure: dict[int, Outcomes] = {}
    stats = DossierDailyStat.objects.filter(
        resolving_agency__path__startswith=unit.path,
        day__gte=scope.day_from,
        day__lte=scope.day_to,
        **scope.narrow,
    )
    for procedure_id, counts in _sum_by(stats, "procedure_id").items():
        rows_by_procedure[procedure_id] = counts
    procedures = Procedure.objects.filter(pk__in=rows_by_procedure).only("code", "name")
    ordered = sorted(procedures, key=lambda p: (-rows_by_procedure[p.pk].received, p.code))
    rows = [
        _row(
            f"{p.code} — {p.name}",
            rows_by_procedure[p.pk],
            drill(scope, timeliness="late", resolving=unit.code, procedure=p.code),
            ratings=False,
        )
        for p in ordered[:MAX_PROCEDURE_ROWS]
    ]
    return Table(
        "thu-tuc",
        _("Kết quả giải quyết theo thủ tục"),
        _columns(_("Thủ tục hành chính")),
        rows,
        note=_("Đánh giá hài lòng được tính theo cơ quan, không theo thủ tục."),
    )


def _sum_by(rows: QuerySet[DossierDailyStat], key: str) -> dict[int, Outcomes]:
    return {row[key]: outcomes_from(row) for row in rows.values(key).annotate(**dossier_sums())}


def workload_table(user: User) -> Table:
    """The officer's own work now: the dossiers whose step they hold, and of those how many are
    past their due moment and how many are still within it. Three counts, each opening the
    "mine" worklist so filtered."""
    rows = []
    for overdue, label, progress in (
        (None, _("Hồ sơ đang giữ"), ""),
        (True, _("Trong đó: quá hạn"), "yes"),
        (False, _("Trong đó: còn hạn"), "no"),
    ):
        count = dossiers_held_by(user, overdue=overdue).count()
        query = {"tab": Worklist.MINE, **({"overdue": progress} if progress else {})}
        rows.append([label, Cell(count, f"{reverse('dossiers:worklist')}?{urlencode(query)}")])
    return Table(
        "cong-viec",
        _("Công việc của tôi"),
        [Column(_("Danh sách"), TEXT, 30), Column(_("Số hồ sơ"), COUNT)],
        rows,
    )


STEP_COLUMNS = (
    Column(gettext_lazy("Bước đã chuyển"), COUNT),
    Column(gettext_lazy("Trước hạn"), COUNT),
    Column(gettext_lazy("Đúng hạn"), COUNT),
    Column(gettext_lazy("Trễ hạn"), COUNT),
    Column(gettext_lazy("Tỷ lệ trễ hạn"), RATE),
)


def _step_cells(early: int, on_time: int, late: int) -> list:
    total = early + on_time + late
    return [total, early, on_time, late, share(late, total)]


def own_steps_table(user: User, scope: Scope) -> Table:
    """The officer's own timeliness: the steps they handed on in the period, judged by each
    step's due moment as on the control sheet (Mẫu 05), and the working time over budget.
    One query."""
    sums = OfficerStepDailyStat.objects.filter(
        officer=user, day__gte=scope.day_from, day__lte=scope.day_to
    ).aggregate(
        early=Sum("steps_early"),
        on_time=Sum("steps_on_time"),
        late=Sum("steps_late"),
        over=Sum("over_budget_seconds"),
    )
    early, on_time, late = (sums[k] or 0 for k in ("early", "on_time", "late"))
    return Table(
        "buoc-cua-toi",
        _("Tiến độ các bước tôi đã xử lý"),
        [Column(_("Cán bộ"), TEXT, 30), *STEP_COLUMNS, Column(_("Vượt định mức"), TEXT, 18)],
        [
            [
                user.get_full_name(),
                *_step_cells(early, on_time, late),
                working_duration_text(sums["over"] or 0),
            ]
        ],
    )


def unit_steps_table(scope: Scope, unit: Agency) -> Table:
    """The unit's steps by the division (or the unit itself) that held them: where its delays
    come from, also on dossiers another agency resolves. Two queries."""
    rows = (
        StepDailyStat.objects.filter(
            agency__path__startswith=unit.path, day__gte=scope.day_from, day__lte=scope.day_to
        )
        .values("agency_id")
        .annotate(early=Sum("steps_early"), on_time=Sum("steps_on_time"), late=Sum("steps_late"))
    )
    sums = {row["agency_id"]: row for row in rows}
    agencies = Agency.objects.filter(pk__in=sums).only("name", "path").order_by("path")
    return Table(
        "buoc-xu-ly",
        _("Tiến độ các bước xử lý theo đơn vị giữ bước"),
        [Column(_("Đơn vị"), TEXT, 40), *STEP_COLUMNS],
        [
            [a.name, *_step_cells(sums[a.pk]["early"], sums[a.pk]["on_time"], sums[a.pk]["late"])]
            for a in agencies
        ],
        note=_(
            "Mỗi bước được đánh giá theo hạn của chính bước đó, như trên Phiếu kiểm soát quá "
            "trình giải quyết hồ sơ (Mẫu 05)."
        ),
    )


def trend(scope: Scope) -> list:
    return outcomes_by_month(
        day_from=scope.day_from, day_to=scope.day_to, agencies=scope.agencies, narrow=scope.narrow
    )


def _kind_of(level: str) -> str:
    """The index ranks agencies of one kind together (departments; communes)."""
    return level if level in AGENCY_KINDS else ""


KIND_TITLES = {
    Agency.Level.DEPARTMENT.value: gettext_lazy("sở, ban, ngành"),
    Agency.Level.COMMUNE.value: gettext_lazy("cấp xã"),
}


def ranking_tables(scope: Scope, level: str) -> list[Table]:
    """The serving-quality index of the scope's agencies, ranked among those of their kind
    (departments together, communes together): one table per kind, or the one chosen."""
    kinds = [level] if level in AGENCY_KINDS else list(AGENCY_KINDS)
    tables = [ranking_table(scope, kind) for kind in kinds]
    return [t for t in tables if t.rows] or tables[:1]


def ranking_table(scope: Scope, kind: str) -> Table:
    """Every agency of ``kind`` in the scope on the index: rank, total, the six groups."""
    index = serving_index(
        day_from=scope.day_from, day_to=scope.day_to, agencies=scope.agencies, agency_kind=kind
    )
    groups = index.configuration.groups
    columns = [
        Column(_("Xếp hạng"), COUNT, 8),
        Column(_("Cơ quan giải quyết"), TEXT, 36),
        Column(_("Tổng điểm (trên 100)"), POINTS, 12),
        *(Column(f"{g.name} ({g.max_points:g})", POINTS, 14) for g in groups),
    ]
    rows = [
        [a.rank, a.name, a.total, *(a.group(g.code).points for g in groups)] for a in index.agencies
    ]
    # The first column of a row is its header on the page: the rank reads first.
    return Table(
        f"chi-so-{kind}",
        _("Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766) — %(kind)s")
        % {"kind": KIND_TITLES[kind]},
        columns,
        rows,
        note=_(
            "Điểm theo cấu hình chỉ tiêu hiện hành; chỉ tiêu không áp dụng được loại khỏi "
            "điểm tối đa và tổng điểm được quy về thang 100 (xem hướng dẫn Chỉ số phục vụ)."
        ),
    )


def unit_index(scope: Scope, unit: Agency) -> tuple[ServingIndex, AgencyIndex | None]:
    """The unit's index, ranked among every unit of its kind in the province (the index is
    public: a unit sees where it stands among all)."""
    index = serving_index(
        day_from=scope.day_from, day_to=scope.day_to, agency_kind=_kind_of(unit.level)
    )
    mine = next((a for a in index.agencies if a.agency_id == unit.pk), None)
    return index, mine


def indicators_table(index: ServingIndex, mine: AgencyIndex) -> Table:
    """The unit's indicators, those that could gain the most points first: what would raise
    its index most."""
    ordered = sorted(mine.indicators, key=lambda i: (-i.missing_points, i.code))
    rows = [
        [
            f"{i.code} — {i.name}",
            i.numerator,
            i.denominator,
            i.rate,
            i.points,
            i.max_points,
            i.missing_points,
            _("nhập tay") if i.entered else _("từ số liệu hồ sơ"),
        ]
        for i in ordered
    ]
    title = _("Chỉ tiêu của %(unit)s — hạng %(rank)s/%(count)s, %(total)s điểm") % {
        "unit": mine.name,
        "rank": mine.rank,
        "count": len(index.agencies),
        "total": "—" if mine.total is None else f"{mine.total:.2f}".replace(".", ","),
    }
    return Table(
        "chi-tieu",
        title,
        [
            Column(_("Chỉ tiêu"), TEXT, 50),
            Column(_("Tử số"), COUNT),
            Column(_("Mẫu số"), COUNT),
            Column(_("Tỷ lệ"), RATE),
            Column(_("Điểm"), POINTS),
            Column(_("Tối đa"), POINTS),
            Column(_("Còn có thể đạt"), POINTS),
            Column(_("Nguồn"), TEXT, 18),
        ],
        rows,
        note=_("Xếp theo số điểm còn có thể đạt: chỉ tiêu đứng đầu là chỗ nâng điểm nhiều nhất."),
    )


def tables_for(user: User, scope: Scope, *, level: str = "") -> list[Table]:
    """The tables of ``user``'s dashboard, in the order the page shows them."""
    kind = dashboard_kind(user)
    if kind == OFFICER:
        return [workload_table(user), own_steps_table(user, scope)]
    unit = agency_scope_root(user)
    tables = []
    if kind == PROVINCE:
        tables.extend(ranking_tables(scope, level))
    elif unit is not None:
        index, mine = unit_index(scope, unit)
        if mine is not None:
            tables.append(indicators_table(index, mine))
    tables.append(agencies_table(scope))
    if kind == AGENCY and unit is not None:
        tables.append(procedures_table(scope, unit))
        tables.append(unit_steps_table(scope, unit))
    return tables
