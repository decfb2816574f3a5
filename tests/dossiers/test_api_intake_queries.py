"""Receiving through the API stays cheap: the receipt writes its rows once and answers from
them (``Dossier.receipt_rows``) instead of reading them back — with the body GET returns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cchc.dossiers.models import DossierSequence, DossierStep
from tests.dossiers.test_api import URL, auth, intake, post

pytestmark = pytest.mark.django_db

DOCUMENTS = [
    {"name": "Đơn đề nghị cấp giấy phép xây dựng", "original": True},
    {"name": "Bản vẽ thiết kế", "original": False, "copies": 2},
    {"name": "Giấy tờ về quyền sử dụng đất", "original": False},
]


def test_a_receipt_through_the_api_is_a_bounded_number_of_queries(client, counter_officer):
    headers = auth(counter_officer)
    post(client, URL, counter_officer, intake(), headers)  # the token's last_used_at, once
    with CaptureQueriesContext(connection) as queries:
        response = post(client, URL, counter_officer, intake(documents=DOCUMENTS), headers)
    assert response.status_code == 201
    # token, procedure, version, dossier, documents, code (1 on PostgreSQL, 3 elsewhere),
    # steps, fees, event, dossier update, counters, outbox (one statement for e-mail and SMS)
    # and the transaction; the allowed actions are read from the rows in hand.
    limit = 14 if connection.vendor == "postgresql" else 16
    assert len(queries) <= limit, "\n".join(q["sql"][:120] for q in queries.captured_queries)


@pytest.mark.parametrize(
    "changes",
    [
        {"documents": DOCUMENTS},
        {"channel": "postal", "return_method": "postal", "delivery_address": "Số 1 Lê Lợi"},
        {"documents": []},
    ],
)
def test_the_body_of_a_receipt_is_the_body_get_returns(client, counter_officer, changes):
    created = post(client, URL, counter_officer, intake(**changes))
    assert created.status_code == 201
    fetched = client.get(f"{URL}/{created.json()['code']}", headers=auth(counter_officer))
    assert fetched.json() == created.json()


def test_a_backdated_receipt_answers_like_get_too(client, counter_officer):
    counter_officer.user_permissions.add(Permission.objects.get(codename="backdate_intake"))
    moment = (timezone.now() - timedelta(days=3)).replace(microsecond=0).isoformat()
    created = post(
        client, URL, counter_officer, intake(received_at=moment, reason="Nhập bù hồ sơ giấy")
    )
    assert created.status_code == 201, created.content
    fetched = client.get(f"{URL}/{created.json()['code']}", headers=auth(counter_officer))
    assert fetched.json() == created.json()
    assert created.json()["backdated"] is True


def test_the_route_is_written_once_in_its_state_after_the_hand_over(client, counter_officer):
    code = post(client, URL, counter_officer, intake()).json()["code"]
    steps = list(DossierStep.objects.filter(dossier__code=code).order_by("order"))
    assert [s.state for s in steps] == ["done", "active", "pending", "pending"]
    assert steps[0].holder == counter_officer and steps[0].finished_by == counter_officer
    assert steps[0].started_at == steps[0].finished_at == steps[1].started_at
    assert steps[1].holder is None and steps[1].due_at is not None


def test_codes_follow_the_daily_sequence(client, counter_officer):
    codes = [post(client, URL, counter_officer, intake()).json()["code"] for _ in range(3)]
    assert [c.rsplit("-", 1)[1] for c in codes] == ["0001", "0002", "0003"]
    assert DossierSequence.objects.get().last == 3
