"""Demo PAR Index (issue 12 §6), made through the framework and assessment services: the
sample frameworks for departments and communes two years back, copied to last year and this
year; published results for both past years (self-assessed with evidence — document numbers
and links —, submitted by the unit's leader, appraised by Home Affairs with a few adjustments
and one clarification round, confirmed by the council, published), so that rankings, rank
changes, scorecards and weak criteria are not empty; this year's assessments in progress in
several states; a couple of remediation tasks; and the province's own self-assessment against
the provincial sample under way.

Communes two years back are the communes before the 01/07/2025 merger (the new ones did not
exist yet): their ranking has no rank change next year, as in reality. Each unit that takes
part gets a reform officer and a leader account (``par.<agency code>.cchc`` / ``.lanhdao``,
without a password: they only act for the seed), except where the demo already has one.
Deterministic; run only when there is no framework yet."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.demo.dossiers import _history_delivered
from cchc.org.models import Agency, User
from cchc.parindex.frameworks import framework_copy
from cchc.parindex.models import Assessment, Criterion, Framework, UnitKind
from cchc.parindex.samples import sample_load
from cchc.parindex.scores import scored_criteria
from cchc.parindex.services import (
    assessment_appraise,
    assessment_confirm,
    assessment_open,
    assessment_request_clarification,
    assessment_submit,
    clarification_answer,
    evidence_add,
    framework_publish,
    remediation_create,
    score_review,
    score_save,
)

HOME_AFFAIRS = "demo.homeaffairs"
COUNCIL = "demo.council"
DEMO_REFORM, DEMO_LEADER = "demo.reform", "demo.leader"
DEMO_COMMUNE_LEADER = "demo.xa.lanhdao"
MERGER = date(2025, 7, 1)
# How many units take part in the past years' published results: every assessment goes through
# the services one node at a time (about 1 s per unit on SQLite), so the demo keeps to enough
# units for a ranking with rank changes; this year every unit is opened.
PAST_DEPARTMENTS = 6
PAST_COMMUNES = 5
OPEN_COMMUNES = 10  # communes whose assessment of this year Home Affairs has opened
IN_PROGRESS = 4  # units of each kind that started this year's self-assessment
FEATURED_DEPARTMENTS = ("Sở Xây dựng", "Sở Tư pháp", "Sở Y tế")
QUARTER = Decimal("0.25")
CENT = Decimal("0.01")
EXPLANATIONS = (
    "Đơn vị đã thực hiện đầy đủ, đúng thời hạn theo kế hoạch.",
    "Đã thực hiện; một số nội dung còn chậm so với kế hoạch.",
    "Thực hiện đạt yêu cầu, có văn bản kèm theo.",
    "Đã ban hành văn bản và tổ chức triển khai trong toàn đơn vị.",
)
DOCUMENT_KINDS = ("KH", "BC", "QĐ", "TB", "CV")
ADJUST_COMMENT = "Tài liệu kiểm chứng chưa thể hiện đầy đủ nội dung tiêu chí, trừ điểm."
APPRAISAL_COMMENT = "Chấm theo kết quả kiểm tra công vụ trong năm."


@dataclass
class Unit:
    agency: Agency
    reform: User
    leader: User
    quality: float
    weak_field: str  # a field the unit neglects ("" = none)


def seed_parindex(*, today: date | None = None) -> int:
    """The demo PAR Index; the number of assessments made (0 when frameworks exist)."""
    if Framework.objects.exists():
        return 0
    today = today or timezone.localdate()
    year = today.year
    first_message = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first()
    ha = User.objects.get(username=HOME_AFFAIRS)
    council = User.objects.get(username=COUNCIL)
    frameworks = {}
    for kind in (UnitKind.DEPARTMENT, UnitKind.COMMUNE):
        first = sample_load(kind, year=year - 2, actor=ha).framework
        second = framework_copy(first, year=year - 1, actor=ha)
        frameworks[kind] = (first, second, framework_copy(second, year=year, actor=ha))
    departments = list(
        Agency.objects.filter(level=Agency.Level.DEPARTMENT, valid_to__isnull=True).order_by("code")
    )
    communes = list(
        Agency.objects.filter(level=Agency.Level.COMMUNE, valid_to__isnull=True).order_by("code")
    )
    old_communes = list(
        Agency.objects.filter(level=Agency.Level.COMMUNE, valid_to__lt=MERGER)
        .filter(parent__level=Agency.Level.DISTRICT)
        .order_by("parent__code", "code")[:PAST_COMMUNES]
    )
    if year - 2 >= MERGER.year:  # the demo run after 2026: the new communes both years
        old_communes = communes[:PAST_COMMUNES]
    featured = sorted(departments, key=lambda a: (a.name not in FEATURED_DEPARTMENTS, a.code))
    past_departments = sorted(featured[:PAST_DEPARTMENTS], key=lambda a: a.code)
    past_communes = communes[:PAST_COMMUNES]
    rng = random.Random(f"parindex-{year}")
    units = _units(departments + communes[:OPEN_COMMUNES] + old_communes, rng)
    made = 0
    dept_old, dept_last, dept_now = frameworks[UnitKind.DEPARTMENT]
    commune_old, commune_last, commune_now = frameworks[UnitKind.COMMUNE]
    for framework, members in (
        (dept_old, past_departments),
        (dept_last, past_departments),
        (commune_old, old_communes),
        (commune_last, past_communes),
    ):
        drift = random.Random(f"{framework.unit_kind}-{framework.year}")
        for agency in members:
            unit = units[agency.pk]
            quality = min(0.99, max(0.3, unit.quality + drift.uniform(-0.09, 0.09)))
            clarify = framework is dept_last and agency.name == FEATURED_DEPARTMENTS[1]
            made += _published_path(framework, unit, quality, ha, council, rng, clarify=clarify)
        framework_publish(framework, actor=ha)
    _remediation(dept_last, units, ha, today)
    made += _in_progress(dept_now, departments, units, ha, rng)
    made += _in_progress(commune_now, communes[:OPEN_COMMUNES], units, ha, rng)
    made += _province(year, ha, rng)
    # The notices of the made-up rounds went out back then (as the dossiers' do).
    _history_delivered(after_pk=first_message or 0)
    return made


def _units(agencies: list[Agency], rng: random.Random) -> dict[int, Unit]:
    """A reform officer, a leader and a level of care for each unit."""
    by_agency = {}
    existing = {
        (u.agency_id, u.role): u
        for u in User.objects.filter(
            role__in=[User.Role.REFORM_OFFICER, User.Role.LEADER], agency__in=agencies
        ).order_by("username")
    }
    new_users = []
    wanted = []
    for agency in agencies:
        for role, suffix, title in (
            (User.Role.REFORM_OFFICER, "cchc", "Cán bộ CCHC"),
            (User.Role.LEADER, "lanhdao", "Lãnh đạo đơn vị"),
        ):
            if (agency.pk, role) not in existing:
                user = User(
                    username=f"par.{agency.code}.{suffix}".lower(),
                    full_name=f"{title} — {agency.short_name or agency.name}",
                    role=role,
                    agency=agency,
                    job_title=title,
                )
                user.set_unusable_password()
                new_users.append(user)
            wanted.append((agency.pk, role))
    for user in User.objects.bulk_create(new_users):
        existing[(user.agency_id, user.role)] = user
    for index, agency in enumerate(agencies):
        weak = str(rng.randint(1, 8)) if index % 5 == 2 else ""
        by_agency[agency.pk] = Unit(
            agency=agency,
            reform=existing[(agency.pk, User.Role.REFORM_OFFICER)],
            leader=existing[(agency.pk, User.Role.LEADER)],
            quality=rng.uniform(0.55, 0.97),
            weak_field=weak,
        )
    return by_agency


def _points(node: Criterion, quality: float, rng: random.Random, weak: bool) -> Decimal:
    share = min(1.0, max(0.0, quality + rng.gauss(0, 0.12)))
    if weak:
        share *= 0.4
    raw = (node.max_points * Decimal(str(share)) / QUARTER).to_integral_value(ROUND_DOWN)
    return min(node.max_points, raw * QUARTER)


def _field(code: str) -> str:
    return code.split(".", 1)[0]


def _fill(
    assessment: Assessment,
    nodes: list[Criterion],
    unit: Unit,
    quality: float,
    rng: random.Random,
    *,
    share: float = 1.0,
) -> dict[str, Decimal]:
    """The reform officer scores ``share`` of the self-assessed nodes, each with evidence."""
    given = {}
    own = [n for n in nodes if n.method == Criterion.Method.SELF]
    for number, node in enumerate(own[: round(len(own) * share)], start=1):
        points = _points(node, quality, rng, _field(node.code) == unit.weak_field)
        explanation = rng.choice(EXPLANATIONS)
        score_save(assessment, node.code, actor=unit.reform, points=points, explanation=explanation)
        if points > 0:
            year = assessment.framework.year
            if number % 4 == 0:
                link = f"https://vanban.binhson.gov.vn/{year}/{unit.agency.code}/{number}"
                evidence_add(assessment, node.code, actor=unit.reform, link=link)
            else:
                kind = DOCUMENT_KINDS[number % len(DOCUMENT_KINDS)]
                document = f"{rng.randint(10, 480)}/{kind}-{_abbreviation(unit.agency)}"
                evidence_add(assessment, node.code, actor=unit.reform, document=document)
        given[node.code] = points
    return given


def _abbreviation(agency: Agency) -> str:
    if agency.level == Agency.Level.COMMUNE:
        return "UBND"
    return (agency.short_name or "SỞ").replace(" ", "")[:10].upper()


def _review(
    assessment: Assessment,
    nodes: list[Criterion],
    given: dict[str, Decimal],
    quality: float,
    ha: User,
    rng: random.Random,
) -> None:
    for node in nodes:
        if node.method == Criterion.Method.APPRAISAL:
            points = _points(node, quality, rng, False)
            score_review(
                assessment,
                node.code,
                actor=ha,
                decision="adjust",
                points=points,
                comment=APPRAISAL_COMMENT,
            )
        elif node.method == Criterion.Method.SELF:
            own = given[node.code]
            if own >= QUARTER * 2 and rng.random() < 0.12:
                score_review(
                    assessment,
                    node.code,
                    actor=ha,
                    decision="adjust",
                    points=own - QUARTER * rng.choice((1, 2)),
                    comment=ADJUST_COMMENT,
                )
            else:
                score_review(assessment, node.code, actor=ha, decision="accept")


def _published_path(
    framework: Framework,
    unit: Unit,
    quality: float,
    ha: User,
    council: User,
    rng: random.Random,
    *,
    clarify: bool,
) -> int:
    assessment = assessment_open(framework, unit.agency, actor=ha)
    nodes = scored_criteria(framework)
    given = _fill(assessment, nodes, unit, quality, rng)
    assessment_submit(assessment, actor=unit.leader)
    if clarify:
        code = next(n.code for n in nodes if n.method == Criterion.Method.SELF)
        score_review(
            assessment,
            code,
            actor=ha,
            decision="clarify",
            comment="Đề nghị bổ sung báo cáo kết quả thực hiện kế hoạch.",
        )
        assessment_request_clarification(assessment, actor=ha, note="Giải trình tiêu chí 1.1.1.")
        clarification_answer(
            assessment,
            code,
            actor=unit.reform,
            answer="Đã bổ sung báo cáo kết quả thực hiện kế hoạch CCHC năm.",
        )
        evidence_add(assessment, code, actor=unit.reform, document="215/BC-SXD")
        assessment_submit(assessment, actor=unit.leader)
    _review(assessment, nodes, given, quality, ha, rng)
    assessment_appraise(assessment, actor=ha)
    assessment_confirm(assessment, actor=council, note="Hội đồng thống nhất kết quả thẩm định.")
    return 1


def _remediation(framework: Framework, units: dict[int, Unit], ha: User, today: date) -> None:
    """Two tasks on the Department of Construction's weakest criteria of last year."""
    assessment = (
        framework.assessments.filter(agency__members__username=DEMO_REFORM).first()
        or framework.assessments.order_by("total").first()
    )
    if assessment is None:
        return
    unit = units[assessment.agency_id]
    weak = []
    for score in assessment.scores.select_related("criterion").order_by("criterion__order"):
        node = score.criterion
        counted = score.appraised_points
        if node.method != Criterion.Method.SELF or counted is None:
            continue
        if counted < node.max_points:
            weak.append((node.max_points - counted, node.code))
    for number, (_gap, code) in enumerate(sorted(weak, reverse=True)[:2]):
        remediation_create(
            assessment,
            code,
            actor=ha,
            action="Bổ sung văn bản, hoàn thành nội dung còn thiếu của tiêu chí trong quý tới.",
            due_date=today + timedelta(days=45 + 30 * number),
            owner=unit.reform,
        )


def _in_progress(
    framework: Framework,
    agencies: list[Agency],
    units: dict[int, Unit],
    ha: User,
    rng: random.Random,
) -> int:
    """This year: every unit opened; the demo's department in clarification, two units
    submitted (one of them appraised, awaiting the council), two filling in, the others not
    started."""
    nodes = scored_criteria(framework)
    made = 0
    started = 0
    for agency in agencies:
        assessment = assessment_open(framework, agency, actor=ha)
        made += 1
        unit = units[agency.pk]
        demo_unit = unit.reform.username == DEMO_REFORM
        if not demo_unit:
            started += 1
            if started > IN_PROGRESS:
                continue  # not started yet
            if started % 2:
                _fill(assessment, nodes, unit, unit.quality, rng, share=0.5)
                continue
        given = _fill(assessment, nodes, unit, unit.quality, rng)
        assessment_submit(assessment, actor=unit.leader)
        if not demo_unit and started == 2:
            # Appraised by Home Affairs: the council (demo.council) has one to confirm.
            _review(assessment, nodes, given, unit.quality, ha, rng)
            assessment_appraise(assessment, actor=ha)
        if demo_unit:
            code = next(c for c, p in given.items() if p > 0)
            score_review(
                assessment,
                code,
                actor=ha,
                decision="clarify",
                comment="Văn bản kiểm chứng chưa đúng kỳ đánh giá; đề nghị giải trình.",
            )
            assessment_request_clarification(assessment, actor=ha)
    return made


def _province(year: int, ha: User, rng: random.Random) -> int:
    """The province's own self-assessment against the provincial sample, under way."""
    province = Agency.objects.filter(level=Agency.Level.PROVINCE).order_by("code").first()
    if province is None:
        return 0
    framework = sample_load(UnitKind.PROVINCE, year=year, actor=ha).framework
    assessment = assessment_open(framework, province, actor=ha)
    unit = Unit(province, ha, ha, 0.85, "")
    _fill(assessment, scored_criteria(framework), unit, 0.85, rng, share=0.6)
    return 1
