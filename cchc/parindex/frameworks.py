"""Writing PAR Index frameworks (bộ tiêu chí, issue 12 §1): the one door for copying last
year's framework to a new year, replacing a draft framework's tree (the Excel import and the
shipped samples go through it) and opening a framework for assessment — each in one
transaction; a refusal is ``FrameworkError`` with a Vietnamese message and writes nothing.

``framework_problems`` lists what stops a framework from opening: a field or criterion whose
maximum differs from the sum of its children's, a live criterion without its measures or with
an impossible points rule, a live or survey method on a node that is not scored, a framework
worth nothing, bands that do not fall to 0. The same checks (``tree_problems``) run on the rows
of an imported workbook, so an import locates each problem by row and column.

Once a framework is open (units assess against it) its structure is frozen: a changed maximum
would change scores already given. Only Home Affairs and the system administrator manage
frameworks; ``actor=None`` is the system itself (management commands, the demo).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from cchc.core.text import fold
from cchc.org.models import User
from cchc.parindex.models import MAX_YEAR, MIN_YEAR, Criterion, Framework
from cchc.stats.measures import MEASURES

MANAGER_ROLES = frozenset({User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN})
L, M, R = Criterion.Level, Criterion.Method, Criterion.LiveRule
CHILD_LEVEL = {None: L.FIELD, L.FIELD: L.CRITERION, L.CRITERION: L.SUB}
RATE_PLACES = Decimal("0.0001")
POINT_PLACES = Decimal("0.01")

ERR_ROLE = N_("Chỉ Sở Nội vụ và quản trị hệ thống được quản lý bộ tiêu chí Chỉ số CCHC.")
ERR_NOT_DRAFT = N_(
    "Bộ tiêu chí đã mở đánh giá hoặc đã công bố: không sửa được cấu trúc, điểm tối đa hay cách "
    "chấm điểm. Hãy sao chép sang năm mới để xây dựng bộ tiêu chí khác."
)
ERR_EXISTS = N_("Đã có bộ tiêu chí năm {year} cho {kind}.")
ERR_YEAR = N_("Năm đánh giá phải từ {low} đến {high}.")
ERR_HAS_ASSESSMENTS = N_(
    "Bộ tiêu chí đã có đơn vị tự đánh giá; không thay được danh sách tiêu chí."
)
ERR_HAS_PROBLEMS = N_("Bộ tiêu chí còn {n} điểm chưa hợp lệ, chưa mở đánh giá được: {first}")
ERR_CONFLICT = N_("Bộ tiêu chí vừa được người khác sửa cùng lúc; hãy thử lại.")
# Problems (framework_problems / tree_problems).
P_SUM = N_("Điểm tối đa {max} khác tổng điểm tối đa các mục con ({total}).")
P_LEVEL_ROOT = N_("Mục không có mục cấp trên phải là lĩnh vực.")
P_LEVEL_CHILD = N_("Mục con của {parent_level} “{parent}” phải là {level}.")
P_PARENT_UNKNOWN = N_("Không có mục nào mang mã “{parent}” (mã cấp trên).")
P_PARENT_SELF = N_("Một mục không thể là cấp trên của chính nó.")
P_PARENT_AFTER = N_("Mục cấp trên “{parent}” phải đứng trước mục này trong danh sách.")
P_DUPLICATE = N_("Mã “{code}” bị trùng.")
P_EMPTY_FIELD = N_("Lĩnh vực chưa có tiêu chí nào.")
P_METHOD = N_(
    "Chỉ tiêu chí được chấm điểm (không có mục con) mới lấy điểm từ số liệu trên hệ thống hoặc "
    "điều tra xã hội học."
)
P_MEASURE_MISSING = N_("Tiêu chí số liệu trên hệ thống cần có tử số và mẫu số.")
P_MEASURE_SAME = N_("Tử số và mẫu số phải là hai số liệu khác nhau.")
P_RULE_MISSING = N_("Tiêu chí số liệu trên hệ thống cần có cách quy đổi điểm.")
P_LINEAR = N_("Cần tỷ lệ 0 điểm nhỏ hơn tỷ lệ đạt điểm tối đa, cả hai trong khoảng 0–100%.")
P_STEPS_EMPTY = N_("Quy đổi theo bậc cần ít nhất một bậc điểm.")
P_STEPS_ORDER = N_(
    "Các bậc điểm phải có tỷ lệ tăng dần (0–100%) và điểm không giảm, không âm, không quá "
    "điểm tối đa {max}."
)
P_LIVE_FIELDS = N_("Chỉ tiêu chí số liệu trên hệ thống mới có tử số, mẫu số và cách quy đổi điểm.")
P_TOTAL = N_("Tổng điểm tối đa của bộ tiêu chí phải lớn hơn 0.")
P_NO_FIELDS = N_("Bộ tiêu chí chưa có lĩnh vực nào.")
P_BANDS = N_("Các mức xếp loại phải có tỷ lệ giảm dần, mỗi mức có tên, và mức cuối cùng từ 0%.")


class FrameworkError(Exception):
    """A refused input or action: ``message`` for the person, ``field`` the form field."""

    def __init__(self, message: object, field: str = "") -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.field = field


def may_manage_frameworks(user: object) -> bool:
    """Home Affairs and the system administrator build and load frameworks."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or user.role in MANAGER_ROLES)
    )


def _require_manager(actor: User | None) -> None:
    if actor is not None and not may_manage_frameworks(actor):
        raise FrameworkError(_(ERR_ROLE))


# --- the tree checks -----------------------------------------------------------------------


@dataclass
class Node:
    """A criterion as the checks see it, whether a stored row or a row of a workbook."""

    code: str
    level: str
    parent: str  # the parent's code, "" for a field
    max_points: Decimal
    method: str = M.SELF
    live_numerator: str = ""
    live_denominator: str = ""
    live_rule: str = ""
    live_lower: Decimal | None = None
    live_upper: Decimal | None = None
    live_steps: list = field(default_factory=list)
    live_zero: str = Criterion.Zero.ZERO
    name: str = ""
    guidance: str = ""
    required_evidence: str = ""


@dataclass(frozen=True)
class Problem:
    """One problem of a tree: the node's code ("" for the whole framework), the attribute
    concerned (to locate it in a form or a workbook column) and the message."""

    code: str
    attribute: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.code else self.message


def steps_parsed(steps: Iterable) -> list[tuple[Decimal, Decimal]] | None:
    """``live_steps`` ([[rate, points], …], decimals as strings) as decimals, or ``None``."""
    try:
        return [(Decimal(str(rate)), Decimal(str(points))) for rate, points in steps]
    except (TypeError, ValueError, ArithmeticError):
        return None


def tree_problems(nodes: Sequence[Node], bands: object = None) -> list[Problem]:
    """Everything that stops ``nodes`` (in tree order) from being a framework to score on."""
    problems: list[Problem] = []
    by_code: dict[str, Node] = {}
    position = {}
    for index, node in enumerate(nodes):
        if node.code in by_code:
            problems.append(Problem(node.code, "code", _(P_DUPLICATE).format(code=node.code)))
        by_code.setdefault(node.code, node)
        position.setdefault(node.code, index)
    children: dict[str, list[Node]] = defaultdict(list)
    for index, node in enumerate(nodes):
        problems.extend(_placement_problems(node, index, by_code, position))
        if node.parent in by_code and node.parent != node.code:
            children[node.parent].append(node)
    for node in nodes:
        kids = children.get(node.code, [])
        if kids:
            total = sum((k.max_points for k in kids), Decimal(0))
            if total != node.max_points:
                message = _(P_SUM).format(max=_num(node.max_points), total=_num(total))
                problems.append(Problem(node.code, "max_points", message))
            if node.method in (M.LIVE, M.SURVEY):
                problems.append(Problem(node.code, "method", _(P_METHOD)))
        elif node.level == L.FIELD:
            problems.append(Problem(node.code, "code", _(P_EMPTY_FIELD)))
        problems.extend(_live_problems(node, scored=not kids))
    fields = [n for n in nodes if n.level == L.FIELD]
    if not fields:
        problems.append(Problem("", "", _(P_NO_FIELDS)))
    elif sum((n.max_points for n in fields), Decimal(0)) <= 0:
        problems.append(Problem("", "", _(P_TOTAL)))
    if bands is not None and not bands_valid(bands):
        problems.append(Problem("", "bands", _(P_BANDS)))
    return problems


def _placement_problems(
    node: Node, index: int, by_code: dict[str, Node], position: dict[str, int]
) -> list[Problem]:
    if not node.parent:
        if node.level != L.FIELD:
            return [Problem(node.code, "level", _(P_LEVEL_ROOT))]
        return []
    if node.parent == node.code:
        return [Problem(node.code, "parent", _(P_PARENT_SELF))]
    parent = by_code.get(node.parent)
    if parent is None:
        return [Problem(node.code, "parent", _(P_PARENT_UNKNOWN).format(parent=node.parent))]
    if position[node.parent] > index:
        return [Problem(node.code, "parent", _(P_PARENT_AFTER).format(parent=node.parent))]
    expected = CHILD_LEVEL.get(parent.level)
    if node.level != expected:
        levels = dict(L.choices)
        message = _(P_LEVEL_CHILD).format(
            parent_level=str(levels.get(parent.level, parent.level)).lower(),
            parent=parent.code,
            level=str(levels[expected]).lower() if expected else "—",
        )
        return [Problem(node.code, "level", message)]
    return []


def _live_problems(node: Node, *, scored: bool) -> list[Problem]:
    if node.method != M.LIVE or not scored:
        if node.live_numerator or node.live_denominator or node.live_rule or node.live_steps:
            return [Problem(node.code, "live_rule", _(P_LIVE_FIELDS))]
        if node.live_lower is not None or node.live_upper is not None:
            return [Problem(node.code, "live_rule", _(P_LIVE_FIELDS))]
        return []
    problems = []
    for attribute in ("live_numerator", "live_denominator"):
        if getattr(node, attribute) not in MEASURES:
            problems.append(Problem(node.code, attribute, _(P_MEASURE_MISSING)))
    if node.live_numerator and node.live_numerator == node.live_denominator:
        problems.append(Problem(node.code, "live_denominator", _(P_MEASURE_SAME)))
    if node.live_rule == R.LINEAR:
        lower, upper = node.live_lower, node.live_upper
        if lower is None or upper is None or not 0 <= lower < upper <= 1:
            problems.append(Problem(node.code, "live_lower", _(P_LINEAR)))
    elif node.live_rule == R.THRESHOLDS:
        steps = steps_parsed(node.live_steps)
        if not node.live_steps:
            problems.append(Problem(node.code, "live_steps", _(P_STEPS_EMPTY)))
        elif steps is None or not _steps_valid(steps, node.max_points):
            message = _(P_STEPS_ORDER).format(max=_num(node.max_points))
            problems.append(Problem(node.code, "live_steps", message))
    else:
        problems.append(Problem(node.code, "live_rule", _(P_RULE_MISSING)))
    return problems


def _steps_valid(steps: list[tuple[Decimal, Decimal]], max_points: Decimal) -> bool:
    rates = [rate for rate, _points in steps]
    points = [p for _rate, p in steps]
    return (
        rates == sorted(set(rates))
        and all(0 <= r <= 1 for r in rates)
        and points == sorted(points)
        and points[0] >= 0
        and points[-1] <= max_points
    )


def bands_valid(bands: object) -> bool:
    """Bands as stored ([[lowest percent, name], …]): strictly falling, named, ending at 0."""
    try:
        lowers = [Decimal(str(lower)) for lower, _name in bands]
        names = [str(name).strip() for _lower, name in bands]
    except (TypeError, ValueError, ArithmeticError):
        return False
    return (
        bool(lowers)
        and all(names)
        and all(a > b for a, b in itertools.pairwise(lowers))
        and lowers[-1] == 0
        and lowers[0] <= 100
    )


def _num(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def tree_nodes(framework: Framework) -> list[Node]:
    """The framework's criteria in tree order (fields, each followed by its criteria, each
    followed by its sub-criteria; siblings by ``order``) as ``Node``s."""
    return [node for _criterion, node in criteria_in_tree_order(framework)]


def criteria_in_tree_order(framework: Framework) -> list[tuple[Criterion, Node]]:
    rows = list(framework.criteria.order_by("order", "id"))
    by_parent: dict[int | None, list[Criterion]] = defaultdict(list)
    for row in rows:
        by_parent[row.parent_id].append(row)
    codes = {row.pk: row.code for row in rows}
    ordered: list[tuple[Criterion, Node]] = []

    def walk(parent_id: int | None) -> None:
        for row in by_parent.get(parent_id, []):
            ordered.append((row, _node(row, codes.get(row.parent_id, ""))))
            walk(row.pk)

    walk(None)
    return ordered


def _node(row: Criterion, parent_code: str) -> Node:
    return Node(
        code=row.code,
        level=row.level,
        parent=parent_code,
        max_points=row.max_points,
        method=row.method,
        live_numerator=row.live_numerator,
        live_denominator=row.live_denominator,
        live_rule=row.live_rule,
        live_lower=row.live_lower,
        live_upper=row.live_upper,
        live_steps=list(row.live_steps or []),
        live_zero=row.live_zero,
        name=row.name,
        guidance=row.guidance,
        required_evidence=row.required_evidence,
    )


def framework_problems(framework: Framework) -> list[str]:
    """What stops ``framework`` from opening, each as "code: message" (empty = ready)."""
    return [str(p) for p in tree_problems(tree_nodes(framework), framework.bands)]


# --- services --------------------------------------------------------------------------------


def _shift_year(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def _kind_label(unit_kind: str) -> str:
    from cchc.parindex.models import UnitKind

    return str(dict(UnitKind.choices).get(unit_kind, unit_kind)).lower()


def _check_year(year: int) -> None:
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise FrameworkError(_(ERR_YEAR).format(low=MIN_YEAR, high=MAX_YEAR), "year")


def framework_copy(source: Framework, *, year: int, actor: User | None) -> Framework:
    """A new draft framework for ``year`` with ``source``'s tree, information and rules, its
    period and deadline moved by the same number of years (``copied_from`` = ``source``)."""
    _require_manager(actor)
    _check_year(year)
    with transaction.atomic():
        if Framework.objects.filter(year=year, unit_kind=source.unit_kind).exists():
            kind = _kind_label(source.unit_kind)
            raise FrameworkError(_(ERR_EXISTS).format(year=year, kind=kind), "year")
        shift = year - source.year
        copy = Framework.objects.create(
            year=year,
            unit_kind=source.unit_kind,
            name=source.name.replace(str(source.year), str(year)),
            decision=source.decision,
            decision_date=source.decision_date,
            description=source.description,
            is_sample=source.is_sample,
            rescale_without_survey=source.rescale_without_survey,
            bands=source.bands,
            period_from=_shift_year(source.period_from, shift),
            period_to=_shift_year(source.period_to, shift),
            self_assessment_due=_shift_year(source.self_assessment_due, shift),
            clarification_days=source.clarification_days,
            status=Framework.Status.DRAFT,
            copied_from=source,
        )
        _write_tree(copy, tree_nodes(source))
    return copy


@dataclass
class FrameworkInfo:
    """The framework's own attributes as an import or a sample gives them."""

    year: int
    unit_kind: str
    name: str
    period_from: date
    period_to: date
    decision: str = ""
    decision_date: date | None = None
    description: str = ""
    is_sample: bool = False
    rescale_without_survey: bool = True
    bands: list = field(default_factory=list)
    self_assessment_due: date | None = None
    clarification_days: int = 5


def framework_replace(
    info: FrameworkInfo, nodes: Sequence[Node], *, actor: User | None
) -> tuple[Framework, bool]:
    """Create the framework of ``info.year`` and ``info.unit_kind`` — or replace the
    information and the whole tree of that draft framework — from ``nodes`` (tree order).
    Returns the framework and whether it was created. Refused when the tree has a problem,
    when the framework is no longer a draft, or when units already assess against it."""
    _require_manager(actor)
    _check_year(info.year)
    problems = tree_problems(nodes, info.bands)
    if problems:
        raise FrameworkError(_(ERR_HAS_PROBLEMS).format(n=len(problems), first=problems[0]))
    values = {
        "name": info.name,
        "decision": info.decision,
        "decision_date": info.decision_date,
        "description": info.description,
        "is_sample": info.is_sample,
        "rescale_without_survey": info.rescale_without_survey,
        "bands": info.bands,
        "period_from": info.period_from,
        "period_to": info.period_to,
        "self_assessment_due": info.self_assessment_due,
        "clarification_days": info.clarification_days,
    }
    with transaction.atomic():
        framework = (
            Framework.objects.select_for_update()
            .filter(year=info.year, unit_kind=info.unit_kind)
            .first()
        )
        created = framework is None
        if created:
            framework = Framework.objects.create(year=info.year, unit_kind=info.unit_kind, **values)
        else:
            if framework.status != Framework.Status.DRAFT:
                raise FrameworkError(_(ERR_NOT_DRAFT))
            if framework.assessments.exists():
                raise FrameworkError(_(ERR_HAS_ASSESSMENTS))
            for name, value in values.items():
                setattr(framework, name, value)
            framework.save()
            try:
                # Children first: the parent foreign key cascades, but stay explicit.
                framework.criteria.filter(level=L.SUB).delete()
                framework.criteria.filter(level=L.CRITERION).delete()
                framework.criteria.all().delete()
            except ProtectedError as error:  # a score points at a criterion
                raise FrameworkError(_(ERR_HAS_ASSESSMENTS)) from error
        _write_tree(framework, nodes)
    return framework, created


def _write_tree(framework: Framework, nodes: Sequence[Node]) -> None:
    """Bulk-insert ``nodes`` (tree order) under ``framework``: one insert per level, ``order``
    the position in the tree so that export and copy keep it."""
    ids: dict[str, int] = {}
    for level in (L.FIELD, L.CRITERION, L.SUB):
        batch = []
        for order, node in enumerate(nodes, start=1):
            if node.level != level:
                continue
            batch.append(
                Criterion(
                    framework=framework,
                    parent_id=ids.get(node.parent) if node.parent else None,
                    level=node.level,
                    code=node.code,
                    name=node.name,
                    max_points=node.max_points,
                    method=node.method,
                    guidance=node.guidance,
                    required_evidence=node.required_evidence,
                    order=order,
                    live_numerator=node.live_numerator,
                    live_denominator=node.live_denominator,
                    live_rule=node.live_rule,
                    live_lower=node.live_lower,
                    live_upper=node.live_upper,
                    live_steps=node.live_steps,
                    live_zero=node.live_zero,
                )
            )
        for row in Criterion.objects.bulk_create(batch):
            ids[row.code] = row.pk


def framework_open(framework: Framework, *, actor: User | None) -> Framework:
    """Open a draft framework for assessment: refused while it has a problem."""
    _require_manager(actor)
    with transaction.atomic():
        locked = Framework.objects.select_for_update().get(pk=framework.pk)
        if locked.status != Framework.Status.DRAFT:
            raise FrameworkError(_(ERR_NOT_DRAFT))
        problems = framework_problems(locked)
        if problems:
            raise FrameworkError(_(ERR_HAS_PROBLEMS).format(n=len(problems), first=problems[0]))
        locked.status = Framework.Status.OPEN
        locked.save(update_fields=["status"])
    framework.status = locked.status
    return framework


def require_draft(framework: Framework) -> None:
    """For any change of a framework's structure: refused once it is not a draft."""
    if framework.status != Framework.Status.DRAFT:
        raise FrameworkError(_(ERR_NOT_DRAFT))


def framework_find(year: int, unit_kind: str) -> Framework | None:
    return Framework.objects.filter(year=year, unit_kind=unit_kind).first()


def method_label(method: str) -> str:
    return str(dict(M.choices).get(method, method))


def folded_choices(choices: Iterable[tuple[str, object]]) -> dict[str, str]:
    """{folded label or value: value} for matching what people type."""
    accepted = {}
    for value, label in choices:
        accepted[fold(str(label))] = value
        accepted[fold(value)] = value
    return accepted


LIVE_RATE = N_("Tỷ lệ “{numerator}” trên “{denominator}” trong kỳ đánh giá")
LIVE_LINEAR = N_(
    "0 điểm khi tỷ lệ từ {lower} trở xuống, điểm tối đa khi từ {upper} trở lên, ở giữa tính "
    "tuyến tính"
)
LIVE_STEP = N_("từ {rate}: {points} điểm")
LIVE_ZERO = N_("khi mẫu số bằng 0: {rule}")


def live_binding_text(criterion: Criterion) -> str:
    """A live criterion's measure and points rule in words, for the framework's page."""

    def label(name: str) -> str:
        measure = MEASURES.get(name)
        return str(measure.label) if measure else name

    def percent(rate: Decimal) -> str:
        return f"{_num((rate * 100).quantize(POINT_PLACES))}%"

    parts = [
        _(LIVE_RATE).format(
            numerator=label(criterion.live_numerator),
            denominator=label(criterion.live_denominator),
        )
    ]
    if criterion.live_rule == R.LINEAR and criterion.live_lower is not None:
        parts.append(
            _(LIVE_LINEAR).format(
                lower=percent(criterion.live_lower), upper=percent(criterion.live_upper)
            )
        )
    elif criterion.live_rule == R.THRESHOLDS:
        steps = steps_parsed(criterion.live_steps) or []
        parts.append(
            "; ".join(
                _(LIVE_STEP).format(rate=percent(rate), points=_num(points))
                for rate, points in steps
            )
        )
    zero = dict(Criterion.Zero.choices).get(criterion.live_zero, criterion.live_zero)
    parts.append(_(LIVE_ZERO).format(rule=str(zero).lower()))
    return "; ".join(parts) + "."
