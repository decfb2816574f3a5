"""Reads of the survey campaigns for the other parts of the platform.

``survey_agency_indexes(day_from, day_to)`` is the **stable entry point** through which the
serving-quality index (``cchc.stats.serving``, the ``SURVEY`` source) and the PAR Index (issue
12) read the surveys' result. Its answer — one ``AgencySurveyIndex`` per surveyed agency, with
the overall index, its 95 % interval and the answer counts — will keep its fields; new ones may
be added.

**Which campaigns.** The *closed* campaigns (``Campaign.Status.CLOSED``) whose period ends
within ``day_from``–``day_to`` (inclusive). An open campaign is left out: its figures still
move while responses come in, and a published index must not change after the fact. A
campaign belongs to the window of its period's last day, so a year's index takes each campaign
once, whichever quarters its period spans.

**How.** The graded answers of those campaigns are pooled per agency (the stratum's agency)
and element, then scored with the domain's rules (``cchc.domain.survey.survey_result``): each
element's index is the share of "satisfied" or "very satisfied" answers with its Wilson
interval, the overall index the mean of the elements answered, its interval the mean of their
bounds. Two campaigns of one agency in the window count as one larger sample.

One query whatever the number of campaigns, strata or answers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from cchc.domain import survey as core
from cchc.domain.survey import Interval, SurveyResult
from cchc.org.models import Agency
from cchc.satisfaction.models import Aspect
from cchc.surveys.models import GRADED, Answer, Campaign

ELEMENTS = list(Aspect.values)


@dataclass(frozen=True)
class AgencySurveyIndex:
    """The surveys' result of one agency over a window. ``index`` and ``interval`` are ``None``
    when no graded question was answered; ``answers`` counts the graded answers (every element)
    and ``satisfied`` those "satisfied" or "very satisfied"; ``unit_id`` is the agency's unit
    (itself, or its parent for a division), the level the serving index credits."""

    agency_id: int
    code: str
    name: str
    unit_id: int
    index: float | None
    interval: Interval | None
    answers: int
    satisfied: int
    result: SurveyResult


def survey_agency_indexes(day_from: date, day_to: date) -> list[AgencySurveyIndex]:
    """The result per agency of the closed campaigns whose period ends in ``day_from``–
    ``day_to``, ordered by agency code (one query). ``ValueError`` for a window that ends
    before it starts."""
    if day_to < day_from:
        raise ValueError("the window ends before it starts")
    rows = (
        Answer.objects.filter(
            response__campaign__status=Campaign.Status.CLOSED,
            response__campaign__period_end__gte=day_from,
            response__campaign__period_end__lte=day_to,
            question__kind__in=[k.value for k in GRADED],
            value__isnull=False,
        )
        .exclude(question__element="")
        .values_list(
            "response__stratum__agency_id",
            "response__stratum__agency__code",
            "response__stratum__agency__name",
            "response__stratum__agency__level",
            "response__stratum__agency__parent_id",
            "question__element",
            "question__kind",
            "value",
        )
    )
    answers: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    agencies: dict[int, tuple[str, str, int]] = {}
    for pk, code, name, level, parent, element, kind, value in rows:
        unit = parent if level == Agency.Level.DIVISION and parent else pk
        agencies[pk] = (code, name, unit)
        answers[pk][element].append((kind, value))
    found = []
    for pk, (code, name, unit) in sorted(agencies.items(), key=lambda item: item[1][0]):
        result = core.survey_result(answers[pk], ELEMENTS)
        found.append(
            AgencySurveyIndex(
                agency_id=pk,
                code=code,
                name=name,
                unit_id=unit,
                index=result.index,
                interval=result.interval,
                answers=result.answers,
                satisfied=sum(row.satisfied for row in result.elements),
                result=result,
            )
        )
    return found
