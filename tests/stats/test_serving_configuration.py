"""The serving-index configuration: seeded with DOMAIN A6's six groups and B §5.2's 21 default
indicators, dated (the rules in force on a period's last day score it), checked when edited;
and the values the reform office enters, checked and stamped."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cchc.stats.models import EnteredValue, IndexGroup, IndexIndicator
from cchc.stats.services import entered_value_save
from cchc.stats.serving import configuration_on, serving_index
from tests.stats.helpers import enter
from tests.twofactor import sign_in_verified

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serving_config")]

D = Decimal


def test_the_six_groups_and_their_21_indicators_are_seeded_with_their_sources():
    config = configuration_on(date(2025, 9, 30))
    assert [(g.code, g.max_points) for g in config.groups] == [
        ("CKMB", 18),
        ("TDGQ", 20),
        ("CLGQ", 12),
        ("TTTT", 10),
        ("MDHL", 18),
        ("MDSH", 22),
    ]
    assert len(config.indicators) == 21
    for group in config.groups:
        members = [i.max_points for i in config.indicators if i.group == group.code]
        assert sum(members) == group.max_points, group.code
    rules = {i.code: (i.max_points, i.rule.rule.threshold, i.rule.zero) for i in config.indicators}
    # B §5.2: online payment 2 + 2 + 6 (80 %, 80 %, 100 %), dossier ratings full at 90 %,
    # online dossiers at 50 %, feedback with a zero denominator scores full.
    assert rules["TTTT1"] == (2, D("0.8"), "zero") and rules["TTTT3"] == (6, 1, "zero")
    assert rules["MDHL3"] == (6, D("0.9"), "zero") and rules["CLGQ3"] == (6, D("0.5"), "zero")
    assert rules["MDHL1"][2] == "full" and rules["MDSH1"][2] == "not_applicable"
    for indicator in IndexIndicator.objects.all():
        assert "[S]" in indicator.source and "B §5.2" in indicator.source
    assert all("[C]" in g.source for g in IndexGroup.objects.all())
    # nothing before Decision 766
    assert configuration_on(date(2022, 6, 22)).indicators == ()


def test_the_rules_in_force_on_the_last_day_of_the_period_score_it(september):
    old = IndexIndicator.objects.get(code="TTTT3")
    old.valid_to = date(2025, 9, 30)
    old.full_clean()
    old.save()
    new = IndexIndicator(
        code="TTTT3",
        name=old.name,
        group=old.group,
        order=old.order,
        numerator=old.numerator,
        denominator=old.denominator,
        max_points=old.max_points,
        rule="linear",
        threshold=D("0.5"),
        zero_rule=old.zero_rule,
        valid_from=date(2025, 10, 1),
        source="Quyết định của tỉnh (thử nghiệm)",
    )
    new.full_clean()
    new.save()
    code = september.construction.code
    before = serving_index(day_from=date(2025, 9, 1), day_to=date(2025, 9, 30)).agency(code)
    after = serving_index(day_from=date(2025, 9, 1), day_to=date(2025, 10, 31)).agency(code)
    # 1 of 4 paid online: 6 × 0.25 = 1.50 under the old rule; full at 50 % under the new one
    assert before.indicator("TTTT3").points == D("1.50")
    assert after.indicator("TTTT3").points == D("3.00")


def indicator(**changes) -> IndexIndicator:
    row = IndexIndicator.objects.get(code="TTTT1")
    row.pk, row.code = None, "TTTT9"
    for name, value in changes.items():
        setattr(row, name, value)
    return row


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "TTTT1"}, "valid_from"),  # in force with the default row
        ({"valid_to": date(2022, 6, 1)}, "valid_to"),
        ({"numerator": "entered"}, "denominator"),
        ({"max_points": D(11)}, "max_points"),
        ({"rule": "bands", "bands": []}, "bands"),
        ({"rule": "bands", "bands": [[0.9, 1], [0.5, 2]]}, "bands"),
        ({"rule": "bands", "bands": [[0.5, 3]]}, "bands"),
        ({"rule": "bands", "bands": [["a", 1]]}, "bands"),
        ({"threshold": D(0)}, "threshold"),
    ],
)
def test_a_configuration_that_does_not_hold_is_refused_with_its_field(changes, field):
    with pytest.raises(ValidationError) as refused:
        indicator(**changes).full_clean()
    assert field in refused.value.message_dict


def test_bands_that_hold_are_accepted():
    indicator(rule="bands", bands=[[0.5, 1], [0.8, 2]]).full_clean()


def test_a_group_with_a_day_in_force_twice_is_refused():
    group = IndexGroup.objects.get(code="TTTT")
    group.pk = None
    group.valid_from = date(2024, 1, 1)
    with pytest.raises(ValidationError) as refused:
        group.full_clean()
    assert "valid_from" in refused.value.message_dict


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"numerator": 5, "denominator": 4}, "numerator"),
        ({"indicator_code": "TTTT1"}, "indicator_code"),  # counted, not entered
        ({"indicator_code": "NOPE"}, "indicator_code"),
        ({"period_to": date(2025, 8, 31)}, "period_to"),
    ],
)
def test_an_entry_that_does_not_hold_is_refused_and_nothing_is_written(world, changes, field):
    values = {
        "actor": world.reform_officer,
        "indicator_code": "MDSH6",
        "agency": world.construction,
        "period_from": date(2025, 9, 1),
        "period_to": date(2025, 9, 30),
        "numerator": 3,
        "denominator": 4,
        **changes,
    }
    with pytest.raises(ValidationError) as refused:
        entered_value_save(**values)
    assert field in refused.value.message_dict
    assert not EnteredValue.objects.exists()


def test_an_entry_for_a_division_or_over_another_entry_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        enter(
            world, "MDSH6", world.construction_division, date(2025, 9, 1), date(2025, 9, 30), 1, 2
        )
    assert "agency" in refused.value.message_dict
    first = enter(world, "MDSH6", world.construction, date(2025, 9, 1), date(2025, 9, 30), 1, 2)
    with pytest.raises(ValidationError):
        enter(world, "MDSH6", world.construction, date(2025, 9, 30), date(2025, 10, 31), 1, 2)
    # the same entry corrected is not "another"
    corrected = entered_value_save(
        actor=world.reform_officer,
        indicator_code="MDSH6",
        agency=world.construction,
        period_from=date(2025, 9, 1),
        period_to=date(2025, 9, 30),
        numerator=2,
        denominator=2,
        entry=first,
    )
    assert corrected.pk == first.pk and EnteredValue.objects.get().numerator == 2


def test_the_reform_office_enters_a_value_in_the_admin_stamped_with_who_and_when(
    client, admin_user, world
):
    sign_in_verified(client, admin_user)
    url = reverse("admin:stats_enteredvalue_add")
    form = {
        "indicator_code": "MDSH6",
        "agency": world.construction.pk,
        "period_from": "2025-09-01",
        "period_to": "2025-09-30",
        "numerator": "7",
        "denominator": "10",
        "note": "Báo cáo của Trung tâm Phục vụ hành chính công",
    }
    refused = client.post(url, {**form, "numerator": "11"})
    assert refused.status_code == 200 and not EnteredValue.objects.exists()
    assert "Tử số không được lớn hơn mẫu số." in refused.content.decode()
    response = client.post(url, form)
    assert response.status_code == 302
    entry = EnteredValue.objects.get()
    assert (entry.numerator, entry.denominator, entry.entered_by) == (7, 10, admin_user)
    assert entry.entered_at is not None
    listing = client.get(reverse("admin:stats_indexindicator_changelist"))
    assert listing.status_code == 200 and "TTTT3" in listing.content.decode()
