"""The dashboards by role (bảng điều khiển): what each officer should look at for a period.

- **Province** (Home Affairs, the appraisal council, administrators): every agency of the
  province with its outcomes — received, online and postal shares, decided, on time, late,
  apologies, satisfaction — and the month-by-month trend.
- **Agency head** (leader, reform officer): the same for their unit, and its procedures: which
  procedures pull its rates down.
- **Officer** (counter officer, specialist): their own workload now.

Every table is a ``cchc.stats.tables.Table`` (shown, and exported to XLSX and PDF with the same
rows); every count that has dossiers behind it links to them (the worklist's "all" tab with the
figure's filters, scoped like every worklist). Read from the exact counters only: a bounded
number of statements whatever the number of dossiers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cchc.catalog.models import Procedure
from cchc.dossiers.models import DossierDailyStat
from cchc.dossiers.selectors import Worklist, dossier_worklist
from cchc.org.models import Agency, User
from cchc.org.selectors import agencies_visible_to, agency_scope_root, sees_whole_province
from cchc.stats.figures import (
    Outcomes,
    dossier_sums,
    outcomes_by_agency,
    outcomes_by_month,
    outcomes_from,
)
from cchc.stats.tables import COUNT, RATE, TEXT, Cell, Column, Table

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
    """The officer's own work now: what they hold, what is due today, what is overdue. Three
    counts."""
    now = timezone.now()
    rows = []
    for name, label in (
        (Worklist.MINE, _("Hồ sơ đang giữ")),
        (Worklist.DUE_TODAY, _("Đến hạn hôm nay")),
        (Worklist.OVERDUE, _("Quá hạn")),
    ):
        count = dossier_worklist(user, name, now=now).count()
        href = f"{reverse('dossiers:worklist')}?{urlencode({'tab': name})}"
        rows.append([label, Cell(count, href)])
    return Table(
        "cong-viec",
        _("Công việc của tôi"),
        [Column(_("Danh sách"), TEXT, 30), Column(_("Số hồ sơ"), COUNT)],
        rows,
    )


def trend(scope: Scope) -> list:
    return outcomes_by_month(
        day_from=scope.day_from, day_to=scope.day_to, agencies=scope.agencies, narrow=scope.narrow
    )


def tables_for(user: User, scope: Scope) -> list[Table]:
    """The tables of ``user``'s dashboard, in the order the page shows them."""
    kind = dashboard_kind(user)
    if kind == OFFICER:
        return [workload_table(user)]
    tables = [agencies_table(scope)]
    unit = agency_scope_root(user)
    if kind == AGENCY and unit is not None:
        tables.append(procedures_table(scope, unit))
    return tables
