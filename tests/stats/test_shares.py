"""The online, full-process and online-payment shares for dashboards (issue 4): exact counters
from the services, read without scanning dossiers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc.dossiers.counters import stats_recount, stats_stored
from cchc.dossiers.services import (
    ApplicantData,
    IntakeRequest,
    dossier_accept,
    dossier_approve,
    dossier_create_draft,
    dossier_forward,
    dossier_pay,
    dossier_submit,
)
from cchc.stats.selectors import share, stats_shares
from tests.dossiers.helpers import at, receive

pytestmark = pytest.mark.django_db


def test_share_is_none_without_a_denominator():
    assert share(0, 0) is None
    assert share(1, 3) == Decimal("0.3333")


def test_channel_shares_count_online_full_process_and_online_payment(
    world, citizen, counter_officer, specialist, leader, django_assert_max_num_queries
):
    # two counter dossiers of the full-process building permit, one online one
    a = receive(world, now=at(2025, 3, 3, 9))
    receive(world, now=at(2025, 3, 3, 10))
    draft = dossier_create_draft(
        applicant_user=citizen,
        request=IntakeRequest(
            procedure=world.building_permit,
            applicant=ApplicantData(full_name=citizen.full_name, phone=citizen.phone),
            receiving_agency=world.construction,
        ),
        now=at(2025, 3, 3, 7),
    )
    dossier_submit(actor=citizen, dossier=draft, now=at(2025, 3, 3, 7, 30))
    online = dossier_accept(actor=counter_officer, dossier=draft, now=at(2025, 3, 3, 11))
    # fees: one paid at the counter, one paid online by the citizen
    for d, payer, method in ((a, counter_officer, "cash"), (online, citizen, "online")):
        d = dossier_forward(actor=specialist, dossier=d, now=at(2025, 3, 4))
        d = dossier_approve(actor=leader, dossier=d, result_number="1", now=at(2025, 3, 5))
        dossier_pay(actor=payer, dossier=d, method=method, now=at(2025, 3, 5, 10))
    with django_assert_max_num_queries(1):
        shares = stats_shares(day_from=date(2025, 3, 1), day_to=date(2025, 3, 31))
    assert (shares.received, shares.online, shares.received_full_process) == (3, 1, 3)
    assert shares.online_share == shares.full_process_share == Decimal("0.3333")
    # Online payment: paid online / dossiers with fees (all three owe the permit's fee), not
    # paid online / paid (DOMAIN B §5.2).
    assert (shares.fee_bearing, shares.paid, shares.paid_online) == (3, 2, 1)
    assert shares.online_payment_share == Decimal("0.3333")
    elsewhere = stats_shares(
        day_from=date(2025, 3, 1), day_to=date(2025, 3, 31), agency_ids=[world.justice.pk]
    )
    assert elsewhere.received == 0 and elsewhere.online_share is None
    assert stats_stored() == stats_recount()
