"""From the tables to the pure scoring core (``cchc.domain.scoring``, DOMAIN A7): a
framework's tree as a ``FrameworkRule``, the points a score counts with now, and a unit's
score from its rows.

**Which points count** (``score_points``):

- a self-assessed node (``self``) counts the unit's own points until Home Affairs reviews it;
  once accepted or adjusted it counts the appraised points;
- an appraisal-only node (``appraisal``) counts nothing until Home Affairs gives its points;
- a live node (``live``) counts the points the platform computed from its measures; nobody can
  overwrite them (``cchc.parindex.live``);
- a survey node (``survey``) counts the points of the unit's survey index; without a survey
  result it does not count and, under the framework's rescale rule, the appraised part is
  rescaled to the full maximum (DOMAIN A7).
"""

from __future__ import annotations

from decimal import Decimal

from cchc.domain import scoring
from cchc.parindex.models import Assessment, Criterion, Framework, Score

SELF_LIKE = {Criterion.Method.SELF, Criterion.Method.APPRAISAL}
APPRAISED = {Score.Review.ACCEPTED, Score.Review.ADJUSTED}


def ordered_tree(criteria: list[Criterion]) -> list[Criterion]:
    """``criteria`` in tree order: each node after its parent, siblings by ``order`` then
    code."""
    children: dict[int | None, list[Criterion]] = {}
    for node in criteria:
        children.setdefault(node.parent_id, []).append(node)
    for nodes in children.values():
        nodes.sort(key=lambda n: (n.order, n.code))
    found: list[Criterion] = []

    def walk(parent: int | None) -> None:
        for node in children.get(parent, []):
            found.append(node)
            walk(node.pk)

    walk(None)
    return found


def leaves_of(criteria: list[Criterion]) -> list[Criterion]:
    """The scored nodes (without children) of ``criteria``, in tree order."""
    parents = {node.parent_id for node in criteria}
    return [node for node in ordered_tree(criteria) if node.pk not in parents]


def scored_criteria(framework: Framework) -> list[Criterion]:
    """The framework's scored nodes in tree order (one query)."""
    return leaves_of(list(framework.criteria.all()))


def field_of(node: Criterion, by_pk: dict[int, Criterion]) -> Criterion:
    """The field (top node) ``node`` belongs to."""
    while node.parent_id is not None:
        node = by_pk[node.parent_id]
    return node


def rule_from(framework: Framework, criteria: list[Criterion]) -> scoring.FrameworkRule:
    """The pure rule of ``framework`` whose nodes are ``criteria`` (``ValueError`` when the tree
    is not consistent: ``cchc.parindex.frameworks.framework_problems`` says why in words)."""
    by_pk = {node.pk: node for node in criteria}
    tree = ordered_tree(criteria)
    fields = tuple(
        scoring.FieldRule(node.code, node.max_points) for node in tree if node.parent_id is None
    )
    leaves = tuple(
        scoring.Leaf(
            node.code,
            field_of(node, by_pk).code,
            node.max_points,
            survey=node.method == Criterion.Method.SURVEY,
        )
        for node in leaves_of(criteria)
    )
    bands = tuple(
        scoring.Band(Decimal(str(lower)), str(name)) for lower, name in framework.bands or []
    )
    return scoring.FrameworkRule(
        fields,
        leaves,
        rescale_without_survey=framework.rescale_without_survey,
        bands=bands or scoring.DEFAULT_BANDS,
    )


def framework_rule(framework: Framework) -> scoring.FrameworkRule:
    """The pure rule of ``framework`` (one query)."""
    return rule_from(framework, list(framework.criteria.all()))


def score_points(score: Score, method: str | None = None) -> Decimal | None:
    """The points ``score`` counts with now (see the module docstring); ``method`` saves a
    query when the caller has the criterion's method."""
    method = method or score.criterion.method
    if method in (Criterion.Method.LIVE, Criterion.Method.SURVEY):
        return score.system_points
    if score.review in APPRAISED:
        return score.appraised_points
    if method == Criterion.Method.APPRAISAL:
        return None
    return score.self_points


def self_points(score: Score, method: str) -> Decimal | None:
    """The points of the unit's own assessment (live and survey nodes: the platform's)."""
    if method in (Criterion.Method.LIVE, Criterion.Method.SURVEY):
        return score.system_points
    return score.self_points


def unit_score_of(
    rule: scoring.FrameworkRule,
    scores: list[Score],
    methods: dict[int, str],
    codes: dict[int, str],
    *,
    own: bool = False,
) -> scoring.UnitScore:
    """The unit's score from its ``scores`` (``own``: its self-assessment instead of the
    points that count now). Surveyed when any survey node has a survey result."""
    pick = self_points if own else score_points
    points = {codes[s.criterion_id]: pick(s, methods[s.criterion_id]) for s in scores}
    surveyed = any(
        methods[s.criterion_id] == Criterion.Method.SURVEY and s.survey_index is not None
        for s in scores
    )
    return scoring.unit_score(rule, points, surveyed=surveyed)


def assessment_score(assessment: Assessment, *, own: bool = False) -> scoring.UnitScore:
    """``assessment``'s score now (two queries)."""
    criteria = list(assessment.framework.criteria.all())
    rule = rule_from(assessment.framework, criteria)
    methods = {node.pk: node.method for node in criteria}
    codes = {node.pk: node.code for node in criteria}
    return unit_score_of(rule, list(assessment.scores.all()), methods, codes, own=own)
