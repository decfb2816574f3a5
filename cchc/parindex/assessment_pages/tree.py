"""What the assessment page shows, built from a fixed number of queries whatever the size of
the framework: the criteria tree (fields → criteria → sub-criteria) with each scored node's
score, evidence and live figures, the totals and the component index per field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from cchc.dossiers.selectors import Worklist
from cchc.parindex.models import Assessment, Criterion, Evidence, Score
from cchc.parindex.scores import rule_from, score_points, unit_score_of
from cchc.stats.measures import DOSSIERS, MEASURES


@dataclass
class Node:
    criterion: Criterion
    depth: int
    score: Score | None = None
    evidence: list[Evidence] = field(default_factory=list)
    points: Decimal | None = None
    drill: str = ""
    children: list[Node] = field(default_factory=list)

    @property
    def scored(self) -> bool:
        return self.score is not None


def drill_href(criterion: Criterion, agency_code: str, day_from: date, day_to: date) -> str:
    """The dossier worklist filtered to the dossiers behind a live criterion's numerator: the
    unit's as resolving agency, over the framework's period (results ready in it for the
    measures of finished dossiers, received in it for the others). Empty when the measure is
    not counted from dossiers."""
    measure = MEASURES.get(criterion.live_numerator or criterion.live_denominator)
    if measure is None or measure.source != DOSSIERS:
        return ""
    prefix = "finished" if "finished" in measure.name else "received"
    params = {
        "tab": Worklist.ALL,
        "resolving": agency_code,
        f"{prefix}_from": f"{day_from:%d/%m/%Y}",
        f"{prefix}_to": f"{day_to:%d/%m/%Y}",
    }
    return f"{reverse('dossiers:worklist')}?{urlencode(params)}"


@dataclass
class Tree:
    roots: list[Node]
    by_code: dict[str, Node]
    criteria: list[Criterion]
    scores: list[Score]


def assessment_tree(assessment: Assessment) -> Tree:
    """The fields of the framework (each with its criteria and their sub-criteria), and every
    scored node by code. Three queries: criteria, scores, evidence."""
    framework = assessment.framework
    criteria = list(Criterion.objects.filter(framework=framework).order_by("order", "id"))
    rows = list(Score.objects.filter(assessment=assessment))
    scores = {s.criterion_id: s for s in rows}
    evidence: dict[int, list[Evidence]] = {}
    for item in (
        Evidence.objects.filter(score__assessment=assessment, removed_at__isnull=True)
        .select_related("added_by")
        .order_by("added_at", "id")
    ):
        evidence.setdefault(item.score_id, []).append(item)
    nodes: dict[int, Node] = {}
    roots: list[Node] = []
    for criterion in criteria:
        parent = nodes.get(criterion.parent_id) if criterion.parent_id else None
        node = Node(criterion, depth=parent.depth + 1 if parent else 0)
        nodes[criterion.pk] = node
        (parent.children if parent else roots).append(node)
    by_code: dict[str, Node] = {}
    for node in nodes.values():
        score = scores.get(node.criterion.pk)
        if score is None or node.children:
            continue
        score.criterion = node.criterion
        node.score = score
        node.evidence = evidence.get(score.pk, [])
        node.points = score_points(score, node.criterion.method)
        if node.criterion.method == Criterion.Method.LIVE:
            node.drill = drill_href(
                node.criterion, assessment.agency.code, framework.period_from, framework.period_to
            )
        by_code[node.criterion.code] = node
    return Tree(roots, by_code, criteria, rows)


def flatten(roots: list[Node]) -> list[Node]:
    """The tree in reading order, for a table."""
    rows: list[Node] = []

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            rows.append(node)
            walk(node.children)

    walk(roots)
    return rows


def totals(tree: Tree, framework: object) -> dict:
    """The assessment's total, percent, classification and the component index per field,
    from the rows already read (no query)."""
    rule = rule_from(framework, tree.criteria)
    methods = {node.pk: node.method for node in tree.criteria}
    codes = {node.pk: node.code for node in tree.criteria}
    score = unit_score_of(rule, tree.scores, methods, codes)
    names = {node.criterion.code: node.criterion.name for node in tree.roots}
    return {
        "score": score,
        "components": [
            {
                "code": c.field,
                "name": names.get(c.field, c.field),
                "points": c.points,
                "max": c.max_points,
                "percent": c.percent,
            }
            for c in score.components
        ],
    }
