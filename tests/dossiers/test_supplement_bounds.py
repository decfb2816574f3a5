"""A supplement request lists at most ``MAX_SUPPLEMENT_ITEMS`` items of at most
``MAX_SUPPLEMENT_ITEM_LENGTH`` characters, whichever door it comes through: the counter's
intake form, the action card on the dossier page, the API, or the service itself (the printed
Mẫu 02 grows with every item)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.dossiers.models import Dossier, SupplementRequest
from cchc.dossiers.services import DossierInputError, dossier_request_supplement
from cchc.dossiers.services._common import MAX_SUPPLEMENT_ITEM_LENGTH, MAX_SUPPLEMENT_ITEMS
from cchc.org.models import ApiToken
from tests.dossiers.helpers import receive
from tests.world import BUILDING_PERMIT

pytestmark = pytest.mark.django_db

TOO_MANY = "\n".join(f"Giấy tờ số {i}" for i in range(MAX_SUPPLEMENT_ITEMS + 1))
ENOUGH = "\n".join(f"Giấy tờ số {i}" for i in range(MAX_SUPPLEMENT_ITEMS))


def fresh(world) -> Dossier:
    return receive(world, now=timezone.now() - timedelta(minutes=1))


def test_the_service_refuses_one_item_too_many_and_records_nothing(world):
    dossier = fresh(world)
    items = [f"Giấy tờ số {i}" for i in range(MAX_SUPPLEMENT_ITEMS + 1)]
    with pytest.raises(DossierInputError) as refused:
        dossier_request_supplement(actor=world.specialist, dossier=dossier, items=items, reason="x")
    assert refused.value.field == "items"
    with pytest.raises(DossierInputError):
        dossier_request_supplement(
            actor=world.specialist,
            dossier=dossier,
            items=["x" * (MAX_SUPPLEMENT_ITEM_LENGTH + 1)],
            reason="x",
        )
    dossier.refresh_from_db()
    assert dossier.status == "received" and dossier.event_count == 1
    assert not SupplementRequest.objects.exists()


def test_the_action_card_refuses_one_line_too_many_on_its_field(client, world):
    dossier = fresh(world)
    client.force_login(world.specialist)
    url = reverse("dossiers:action", args=[dossier.code, "yeu-cau-bo-sung"])
    data = {"yeu-cau-bo-sung-reason": "Thiếu", "yeu-cau-bo-sung-other_items": TOO_MANY}
    response = client.post(url, data)
    assert response.status_code == 422
    assert 'id="id_yeu-cau-bo-sung-other_items_error"' in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "received"
    response = client.post(url, {**data, "yeu-cau-bo-sung-other_items": ENOUGH})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "supplement_requested"


def test_the_counter_intake_refuses_one_line_too_many(client, world):
    client.force_login(world.counter_officer)
    data = {
        "procedure": BUILDING_PERMIT,
        "outcome": "supplement",
        "doc-TOTAL_FORMS": "0",
        "doc-INITIAL_FORMS": "0",
        "doc-MIN_NUM_FORMS": "0",
        "doc-MAX_NUM_FORMS": "1000",
        "applicant_kind": "person",
        "applicant_name": "Nguyễn Văn Bình",
        "applicant_id_number": "001090012345",
        "applicant_phone": "0987654321",
        "channel": "in_person",
        "return_method": "in_person",
        "other_items": TOO_MANY,
    }
    response = client.post("/can-bo/ho-so/tiep-nhan/", data)
    assert response.status_code == 422
    assert not Dossier.objects.exists()


def test_the_api_refuses_one_item_too_many(client, world):
    dossier = fresh(world)
    _, raw = ApiToken.issue(world.specialist)
    body = {
        "action": "request_supplement",
        "reason": "Thiếu",
        "items": TOO_MANY.splitlines(),
    }
    response = client.post(
        f"/api/v1/dossiers/{dossier.code}/actions",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "items"
    dossier.refresh_from_db()
    assert dossier.status == "received"
