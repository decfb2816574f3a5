"""The serving-quality index (Decision 766, DOMAIN A6 / B §5.2) of each resolving agency,
from the counters, the catalogue and the values the reform office entered — worked out by hand
for a small province in September 2025 (issue 9 acceptance), with its exact query count."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc.catalog.models import Procedure, ProcedureVersion
from cchc.catalog.services import procedure_abolish
from cchc.org.models import Agency
from cchc.stats.serving import serving_index
from tests.dossiers.helpers import at, receive
from tests.stats.helpers import approved, published_procedure

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serving_config")]

D = Decimal
SEPTEMBER = {"day_from": date(2025, 9, 1), "day_to": date(2025, 9, 30)}


def points(agency, code):
    line = agency.indicator(code)
    return (line.numerator, line.denominator, line.points)


def test_the_payment_group_and_an_entered_group_score_as_worked_out_by_hand(september):
    index = serving_index(**SEPTEMBER)
    construction = index.agency(september.construction.code)

    # Online payment (TTTT, 10): procedures 2 + 2 points full at 80 %, dossiers 6 at 100 %.
    # 1 of 3 fee-bearing procedures had an online payment: 2 × (1/3) / 0.8 = 0.8333 → 0.83
    assert points(construction, "TTTT1") == (1, 3, D("0.83"))
    # 2 of 3 fee-bearing procedures are offered online: 2 × (2/3) / 0.8 = 1.6667 → 1.67
    assert points(construction, "TTTT2") == (2, 3, D("1.67"))
    # 1 of 4 dossiers owing the fee was paid online: 6 × 1/4 = 1.50
    assert points(construction, "TTTT3") == (1, 4, D("1.50"))
    assert construction.indicator("TTTT3").rate == D("0.25")
    assert construction.indicator("TTTT3").missing_points == D("4.50")
    payment = construction.group("TTTT")
    assert (payment.points, payment.max_points, payment.full_max) == (D("4.00"), 10, 10)

    # Publicity (CKMB, 18), entered: 9/10 announced on time → 6 × 0.9 = 5.40; 3/4 updated on
    # time → 4 × 0.75 = 3.00 (the entry reaching into August is left out); 0/0 published with
    # full content: not applicable (zero rule); synchronisation not entered: not applicable.
    assert points(construction, "CKMB1") == (9, 10, D("5.40"))
    assert points(construction, "CKMB2") == (3, 4, D("3.00"))
    assert points(construction, "CKMB3") == (0, 0, None)
    assert points(construction, "CKMB4") == (None, None, None)
    assert all(construction.indicator(f"CKMB{n}").entered for n in (1, 2, 3, 4))
    assert not construction.indicator("TTTT3").entered
    publicity = construction.group("CKMB")
    assert (publicity.points, publicity.max_points, publicity.full_max) == (D("8.40"), 10, 18)


def test_every_group_the_total_and_the_rank_as_worked_out_by_hand(
    september, django_assert_num_queries
):
    # configuration, dossier sums, rating sums, agencies, feedback sums, catalogue,
    # per-procedure use, entered values
    with django_assert_num_queries(8):
        index = serving_index(**SEPTEMBER)
    construction, commune = index.agencies
    assert (construction.code, commune.code) == (
        september.construction.code,
        september.commune.code,
    )
    # Timeliness: the two results ready were early (the open ones are not counted) → 20.
    assert points(construction, "TDGQ1") == (2, 2, D("20.00"))
    # Online services: 3 of 4 procedures online at 80 % → 2 × 0.75 / 0.8 = 1.875 → 1.88;
    # 1 of 3 online services had an online dossier → 4 / 3 = 1.33; 1 of 4 dossiers online at
    # 50 % → 6 × 0.25 / 0.5 = 3.00.
    assert points(construction, "CLGQ1") == (3, 4, D("1.88"))
    assert points(construction, "CLGQ2") == (1, 3, D("1.33"))
    assert points(construction, "CLGQ3") == (1, 4, D("3.00"))
    # Satisfaction: 1 of 2 ratings satisfied, full at 90 % → 6 × 0.5 / 0.9 = 3.33; no
    # feedback answered (MDHL1, counted): full points by its zero rule; satisfaction with
    # feedback handling is entered and was not: not applicable.
    assert points(construction, "MDHL3") == (1, 2, D("3.33"))
    assert points(construction, "MDHL1") == (0, 0, D("6.00"))
    assert points(construction, "MDHL2") == (None, None, None)
    # Digitisation: 0 of 1 result returned electronically → 0 of 6; the rest not entered.
    assert points(construction, "MDSH1") == (0, 1, D("0.00"))
    assert [(g.code, g.points, g.max_points) for g in construction.groups] == [
        ("CKMB", D("8.40"), 10),
        ("TDGQ", D("20.00"), 20),
        ("CLGQ", D("6.21"), 12),
        ("TTTT", D("4.00"), 10),
        ("MDHL", D("9.33"), 12),
        ("MDSH", D("0.00"), 6),
    ]
    # 47.94 points of the 70 that apply, rescaled to 100: 68.4857… → 68.49
    assert (construction.points, construction.max_points) == (D("47.94"), 70)
    assert (construction.total, construction.rank) == (D("68.49"), 1)

    # The commune: its one procedure is online (2 of 2 points), unused online (0 of 4), no
    # online dossier (0 of 6), nothing owed (0 of 10: the zero rule is 0), no rating (0 of
    # 6), no feedback answered (6 of 6); nothing finished nor returned: not applicable.
    # 8 of 34 → 23.53.
    assert points(commune, "CLGQ1") == (1, 1, D("2.00"))
    assert points(commune, "TTTT3") == (0, 0, D("0.00"))
    assert points(commune, "TDGQ1") == (0, 0, None)
    assert (commune.points, commune.max_points, commune.total, commune.rank) == (
        D("8.00"),
        34,
        D("23.53"),
        2,
    )


def test_the_query_count_does_not_grow_with_the_dossiers(september, django_assert_num_queries):
    for hour in range(9, 16):
        approved(september, receive(september, now=at(2025, 9, 15, hour)), day=16)
    with django_assert_num_queries(8):
        index = serving_index(**SEPTEMBER)
    assert index.agency(september.construction.code).indicator("TDGQ1").denominator == 9


def test_a_scope_and_an_agency_kind_keep_only_their_agencies(september):
    departments = serving_index(**SEPTEMBER, agency_kind="department")
    assert [(a.code, a.rank) for a in departments.agencies] == [(september.construction.code, 1)]
    communes = serving_index(**SEPTEMBER, agency_kind="commune")
    assert [(a.code, a.rank) for a in communes.agencies] == [(september.commune.code, 1)]
    justice_only = serving_index(**SEPTEMBER, agencies=Agency.objects.filter(code="000.00.03.H98"))
    assert justice_only.agencies == ()
    assert serving_index(**SEPTEMBER, agencies=Agency.objects.none()).agencies == ()
    august = serving_index(day_from=date(2025, 8, 1), day_to=date(2025, 8, 31))
    assert august.agencies == ()


def test_a_bad_period_or_kind_is_refused():
    with pytest.raises(ValueError):
        serving_index(day_from=date(2025, 9, 30), day_to=date(2025, 9, 1))
    with pytest.raises(ValueError):
        serving_index(**SEPTEMBER, agency_kind="district")


def test_the_catalogue_is_read_as_announced_by_the_end_of_the_period(september):
    """A procedure abolished by a decision of 15/10/2025 is the agency's in September, not in
    November; one announced on 01/10/2025 the other way round."""
    abolished = Procedure.objects.get(code="2.000101")
    procedure_abolish(
        actor=None,
        procedure=abolished,
        decision_number="20/QĐ-UBND",
        decision_date=date(2025, 10, 15),
    )
    later = published_procedure(september.construction, fee=0, online_mode="full", code="2.000104")
    ProcedureVersion.objects.filter(procedure=later).update(decision_date=date(2025, 10, 1))
    code = september.construction.code
    sept = serving_index(**SEPTEMBER).agency(code)
    autumn = serving_index(day_from=date(2025, 9, 1), day_to=date(2025, 11, 30)).agency(code)
    # procedures / online / fee-bearing: 4 / 3 / 3 in September; 4 / 4 / 2 by November
    assert points(sept, "CLGQ1")[:2] == (3, 4) and points(sept, "TTTT2")[:2] == (2, 3)
    assert points(autumn, "CLGQ1")[:2] == (4, 4) and points(autumn, "TTTT2")[:2] == (2, 2)
