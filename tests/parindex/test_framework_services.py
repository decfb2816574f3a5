"""Framework services: copy to a new year, the problems that stop a framework from opening,
opening, and the frozen structure of an open framework."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils.translation import gettext as _

from cchc.parindex.frameworks import (
    ERR_EXISTS,
    ERR_HAS_PROBLEMS,
    ERR_NOT_DRAFT,
    ERR_ROLE,
    P_BANDS,
    P_EMPTY_FIELD,
    P_LIVE_FIELDS,
    P_MEASURE_MISSING,
    P_METHOD,
    P_RULE_MISSING,
    P_STEPS_ORDER,
    P_SUM,
    P_TOTAL,
    FrameworkError,
    framework_copy,
    framework_open,
    framework_problems,
    require_draft,
)
from cchc.parindex.models import Criterion, Framework
from cchc.parindex.samples import sample_load
from tests.parindex.conftest_frameworks import framework_values, small_framework


@pytest.mark.django_db
def test_copying_last_years_framework_gives_a_draft_of_the_new_year_with_the_same_tree(
    home_affairs_evaluator,
):
    source = small_framework(year=2024)
    framework_open(source, actor=home_affairs_evaluator)

    copy = framework_copy(source, year=2025, actor=home_affairs_evaluator)

    assert copy.status == Framework.Status.DRAFT and copy.copied_from == source
    assert (copy.period_from, copy.period_to) == (date(2025, 1, 1), date(2025, 12, 31))
    assert copy.self_assessment_due == date(2026, 1, 15)
    assert copy.name == "Bộ tiêu chí thử năm 2025"
    old, new = framework_values(source), framework_values(copy)
    assert new["criteria"] == old["criteria"]
    for name in ("decision", "decision_date", "bands", "rescale_without_survey", "unit_kind"):
        assert new["framework"][name] == old["framework"][name]


@pytest.mark.django_db
def test_a_29_february_deadline_moves_to_28_february_in_a_common_year(home_affairs_evaluator):
    source = small_framework(year=2024)
    Framework.objects.filter(pk=source.pk).update(self_assessment_due=date(2024, 2, 29))
    source.refresh_from_db()

    copy = framework_copy(source, year=2025, actor=home_affairs_evaluator)

    assert copy.self_assessment_due == date(2025, 2, 28)


@pytest.mark.django_db
def test_copying_onto_a_year_that_has_a_framework_is_refused_and_writes_nothing(
    home_affairs_evaluator,
):
    source = small_framework(year=2024)
    small_framework(year=2025)
    count = Criterion.objects.count()

    with pytest.raises(FrameworkError) as refused:
        framework_copy(source, year=2025, actor=home_affairs_evaluator)

    assert refused.value.message == _(ERR_EXISTS).format(year=2025, kind="sở, ban, ngành")
    assert refused.value.field == "year"
    assert Criterion.objects.count() == count


@pytest.mark.django_db
def test_a_unit_officer_cannot_copy_a_framework(reform_officer):
    source = small_framework(year=2024)

    with pytest.raises(FrameworkError) as refused:
        framework_copy(source, year=2025, actor=reform_officer)

    assert refused.value.message == _(ERR_ROLE)
    assert not Framework.objects.filter(year=2025).exists()


@pytest.mark.django_db
def test_a_sound_framework_has_no_problems_and_opens(home_affairs_evaluator):
    framework = small_framework()

    assert framework_problems(framework) == []
    framework_open(framework, actor=home_affairs_evaluator)

    framework.refresh_from_db()
    assert framework.status == Framework.Status.OPEN


@pytest.mark.django_db
def test_an_open_framework_is_not_a_draft_any_more(home_affairs_evaluator):
    framework = small_framework()
    framework_open(framework, actor=home_affairs_evaluator)

    with pytest.raises(FrameworkError) as refused:
        require_draft(framework)
    assert refused.value.message == _(ERR_NOT_DRAFT)
    with pytest.raises(FrameworkError):
        framework_open(framework, actor=home_affairs_evaluator)


def _edit(framework: Framework, code: str, **values: object) -> None:
    # Broken trees cannot be made through the services (they refuse them): this is what an
    # edit in the database behind their back would leave, which the problems list must show.
    Criterion.objects.filter(framework=framework, code=code).update(**values)


@pytest.mark.django_db
def test_each_problem_of_a_broken_framework_is_listed_and_it_does_not_open(
    home_affairs_evaluator,
):
    framework = small_framework()
    _edit(framework, "1.1.1", max_points=Decimal("2"))  # 1.1 is 4,5 but its subs 5,25
    _edit(framework, "1.1", method="survey")  # a criterion with subs cannot be a survey node
    _edit(framework, "1.1.2", live_numerator="", live_rule="")  # live without its measure
    _edit(framework, "2.1", live_steps=[["0.9", "1"], ["0.8", "2"]])  # steps fall
    _edit(framework, "1.2", live_rule="linear")  # live fields on a node that is not live
    Framework.objects.filter(pk=framework.pk).update(bands=[[50, "Đạt"], [60, "Tốt"]])
    framework.refresh_from_db()

    problems = framework_problems(framework)

    assert problems == [
        "1.1: " + _(P_SUM).format(max="4,5", total="5,25"),
        "1.1: " + _(P_METHOD),
        "1.1.2: " + _(P_MEASURE_MISSING),
        "1.1.2: " + _(P_RULE_MISSING),
        "1.2: " + _(P_LIVE_FIELDS),
        "2.1: " + _(P_STEPS_ORDER).format(max="3"),
        _(P_BANDS),
    ]
    with pytest.raises(FrameworkError) as refused:
        framework_open(framework, actor=home_affairs_evaluator)
    assert refused.value.message == _(ERR_HAS_PROBLEMS).format(n=7, first=problems[0])
    framework.refresh_from_db()
    assert framework.status == Framework.Status.DRAFT


@pytest.mark.django_db
def test_a_field_without_criteria_and_a_framework_worth_nothing_are_problems():
    framework = small_framework()
    Criterion.objects.filter(framework=framework).exclude(code__in=["1", "2"]).delete()
    Criterion.objects.filter(framework=framework).update(max_points=0)

    assert framework_problems(framework) == [
        "1: " + _(P_EMPTY_FIELD),
        "2: " + _(P_EMPTY_FIELD),
        _(P_TOTAL),
    ]


def _leaves(framework: Framework) -> list[Criterion]:
    return [c for c in framework.criteria.all() if not c.children.exists()]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "survey"), [("department", 30), ("commune", 30), ("province", 32)]
)
def test_the_samples_are_worth_100_with_their_survey_share_and_say_they_are_samples(kind, survey):
    framework = sample_load(kind, year=2026).framework

    leaves = _leaves(framework)
    fields = framework.criteria.filter(level="field")
    assert fields.count() == 8
    assert sum(c.max_points for c in leaves) == 100
    assert sum(c.max_points for c in leaves if c.method == "survey") == survey
    assert framework.is_sample and "MẪU" in framework.description
    assert framework.rescale_without_survey
    assert framework_problems(framework) == []
    live = {(c.live_numerator, c.live_denominator) for c in leaves if c.method == "live"}
    assert ("dossiers_finished_in_time", "dossiers_finished") in live
    assert ("dossiers_received_online", "dossiers_received") in live
    assert ("dossiers_paid_online", "dossiers_fee_bearing") in live
    assert ("feedback_answered_in_time", "feedback_answered") in live
    assert ("ratings_satisfied", "ratings") in live
    assert all(c.required_evidence for c in leaves if c.method == "self")


@pytest.mark.django_db
def test_the_provincial_sample_has_the_field_maxima_of_the_previous_cycle():
    framework = sample_load("province", year=2026).framework

    maxima = list(framework.criteria.filter(level="field").values_list("max_points", flat=True))
    assert maxima == [Decimal(x) for x in ("10", "10", "14.5", "11", "16", "7", "16", "15.5")]
    assert "876/QĐ-BNV" in framework.description


@pytest.mark.django_db
def test_the_command_loads_the_three_samples_once(capsys):
    call_command("parindex_load_samples", "--year", "2026")
    call_command("parindex_load_samples", "--year", "2026")

    assert Framework.objects.filter(year=2026).count() == 3
    out = capsys.readouterr().out
    assert out.count("đã có, bỏ qua") == 3
