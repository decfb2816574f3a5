"""The one table of dossier actions (``cchc.dossiers.actions``): every action it declares is
reachable from the officer's dossier page and from API v1, both doors reach the same service
(same event, same resulting dossier), and the OpenAPI document lists each action's fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.core.calendar import current_calendar
from cchc.domain import lifecycle
from cchc.domain.lifecycle import Action, Role
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.actions import ACTIONS, BY_ACTION, BY_SLUG
from cchc.dossiers.models import Dossier, DossierEvent
from cchc.dossiers.services import (
    IntakeRequest,
    dossier_approve,
    dossier_create_draft,
    dossier_forward,
    dossier_pay,
    dossier_register,
    dossier_request_payment,
    dossier_request_supplement,
)
from cchc.org.models import ApiToken
from tests.dossiers.helpers import APPLICANT, at, receive

pytestmark = pytest.mark.django_db


# --- How to bring a dossier to where each action is allowed ----------------------------------


def received(world) -> Dossier:
    return receive(world, now=timezone.now() - timedelta(minutes=1))


def registered(world) -> Dossier:
    request = IntakeRequest(procedure=world.building_permit, applicant=APPLICANT)
    return dossier_register(actor=world.counter_officer, request=request)


def draft(world) -> Dossier:
    request = IntakeRequest(
        procedure=world.building_permit, applicant=APPLICANT, receiving_agency=world.construction
    )
    return dossier_create_draft(applicant_user=world.citizen, request=request)


def with_leader(world) -> Dossier:
    return dossier_forward(actor=world.specialist, dossier=received(world))


def supplement_requested(world) -> Dossier:
    dossier = received(world)
    dossier_request_supplement(
        actor=world.specialist, dossier=dossier, items=["Bản vẽ mặt bằng"], reason="Thiếu"
    )
    return dossier


def awaiting_payment(world) -> Dossier:
    items = [("Tiền sử dụng đất", 1_500_000)]
    return dossier_request_payment(actor=world.leader, dossier=with_leader(world), items=items)


def result_ready(world) -> Dossier:
    dossier = dossier_approve(actor=world.leader, dossier=with_leader(world), result_number="1/GP")
    dossier_pay(actor=world.counter_officer, dossier=dossier)
    return dossier


def overdue(world) -> Dossier:
    return receive(world, now=at(2025, 3, 3))


def future_office_moment() -> datetime:
    cal = current_calendar()
    day = timezone.now().astimezone(VN_TZ).date()
    for _ in range(3):
        day = cal.next_working_day(day)
    return datetime.combine(day, time(10, 0), tzinfo=VN_TZ)


@dataclass
class Scenario:
    """A dossier where the action is allowed, who takes it, and what each door sends."""

    setup: Callable
    actor: str
    form: dict = field(default_factory=dict)
    api: dict = field(default_factory=dict)


REASON = "Theo đề nghị của người nộp"
SCENARIOS: dict[Action, Scenario] = {
    Action.SUBMIT: Scenario(draft, "citizen"),
    Action.RECEIVE: Scenario(registered, "counter_officer", form={"checked": "on"}),
    Action.REQUEST_SUPPLEMENT: Scenario(
        received,
        "specialist",
        form={"other_items": "Bản vẽ mặt bằng", "reason": "Thiếu bản vẽ"},
        api={"items": ["Bản vẽ mặt bằng"], "reason": "Thiếu bản vẽ"},
    ),
    Action.SUBMIT_SUPPLEMENT: Scenario(
        supplement_requested,
        "counter_officer",
        form={"documents": "Bản vẽ mặt bằng"},
        api={"documents": [{"name": "Bản vẽ mặt bằng"}]},
    ),
    Action.REFUSE: Scenario(
        registered, "counter_officer", form={"reason": REASON}, api={"reason": REASON}
    ),
    Action.FORWARD: Scenario(received, "specialist"),
    Action.SEND_BACK: Scenario(
        with_leader, "leader", form={"reason": REASON}, api={"reason": REASON}
    ),
    Action.REQUEST_PAYMENT: Scenario(
        with_leader,
        "leader",
        form={"name_1": "Tiền sử dụng đất", "amount_1": "1.500.000"},
        api={"items": [{"name": "Tiền sử dụng đất", "amount_vnd": 1_500_000}]},
    ),
    Action.CONFIRM_PAYMENT: Scenario(
        awaiting_payment, "counter_officer", form={"method": "cash"}, api={"method": "cash"}
    ),
    Action.APPROVE: Scenario(
        with_leader,
        "leader",
        form={"result_number": "12/GPXD", "signer": "Phạm Đức Lãnh"},
        api={"result_number": "12/GPXD", "signer": "Phạm Đức Lãnh"},
    ),
    Action.REJECT: Scenario(with_leader, "leader", form={"reason": REASON}, api={"reason": REASON}),
    Action.APOLOGIZE: Scenario(overdue, "counter_officer"),  # the moment is filled in below
    Action.RETURN_RESULT: Scenario(
        result_ready, "counter_officer", form={"method": "in_person"}, api={"method": "in_person"}
    ),
    Action.WITHDRAW: Scenario(
        received, "counter_officer", form={"reason": REASON}, api={"reason": REASON}
    ),
    Action.STOP: Scenario(received, "leader", form={"reason": REASON}, api={"reason": REASON}),
    Action.RECORD_VISIT: Scenario(
        received, "counter_officer", form={"purpose": "Hỏi tiến độ"}, api={"purpose": "Hỏi tiến độ"}
    ),
    Action.PAY: Scenario(
        received,
        "counter_officer",
        form={"amount_vnd": "75.000", "method": "cash"},
        api={"amount_vnd": 75000, "method": "cash"},
    ),
    Action.RECORD_SHIPMENT: Scenario(
        received,
        "counter_officer",
        form={"direction": "inbound", "carrier": "VNPost", "tracking_number": "EB123"},
        api={"direction": "inbound", "carrier": "VNPost", "tracking_number": "EB123"},
    ),
    Action.CHANGE_RETURN_METHOD: Scenario(
        received,
        "counter_officer",
        form={"method": "postal", "delivery_address": "Số 5 Lê Lợi, phường Tân An"},
        api={"method": "postal", "delivery_address": "Số 5 Lê Lợi, phường Tân An"},
    ),
}


def officer_roles_of(action: Action) -> set[Role]:
    roles = set().union(*(rule.roles for rule in lifecycle.RULES_BY_ACTION[action]))
    return roles - {Role.APPLICANT}


def last_event(dossier: Dossier) -> DossierEvent:
    return DossierEvent.objects.filter(dossier_id=dossier.pk).order_by("-seq").first()


def key(dossier: Dossier) -> str:
    return dossier.code or str(dossier.public_id)


def through_the_page(client, world, action: Action) -> Dossier:
    definition, scenario = BY_ACTION[action], SCENARIOS[action]
    dossier = scenario.setup(world)
    client.force_login(getattr(world, scenario.actor))
    data = dict(scenario.form)
    if action == Action.APOLOGIZE:
        data = {"reason": REASON, "new_due_at": future_office_moment().strftime("%d/%m/%Y %H:%M")}
    posted = {f"{definition.slug}-{name}": value for name, value in data.items()}
    url = reverse("dossiers:action", args=[key(dossier), definition.slug])
    response = client.post(url, posted)
    assert response.status_code == 302, (action, response.content.decode()[:3000])
    dossier.refresh_from_db()
    return dossier


def through_the_api(client, world, action: Action) -> Dossier:
    scenario = SCENARIOS[action]
    dossier = scenario.setup(world)
    _, raw = ApiToken.issue(getattr(world, scenario.actor))
    body = {"action": action.value, **scenario.api}
    if action == Action.APOLOGIZE:
        body.update(reason=REASON, new_due_at=future_office_moment().isoformat())
    response = client.post(
        f"/api/v1/dossiers/{key(dossier)}/actions",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 200, (action, response.content)
    dossier.refresh_from_db()
    return dossier


def test_the_table_declares_every_action_once_with_a_scenario_here():
    assert [d.action for d in ACTIONS] == list(dict.fromkeys(d.action for d in ACTIONS))
    assert set(BY_ACTION) == set(Action) == set(SCENARIOS)
    assert all(BY_SLUG[d.slug] is d for d in ACTIONS if d.form is not None)


def test_an_action_is_on_the_officer_page_exactly_when_an_officer_may_take_it():
    for definition in ACTIONS:
        on_page = definition.form is not None
        assert on_page == bool(officer_roles_of(definition.action)), definition.action
        if on_page:
            assert definition.slug and definition.title and definition.button and definition.done


@pytest.mark.parametrize("action", [a for a in Action if officer_roles_of(a)], ids=str)
def test_each_officer_action_reaches_the_same_service_from_the_page_and_the_api(
    client, world, action
):
    by_page = through_the_page(client, world, action)
    client.logout()
    by_api = through_the_api(client, world, action)
    assert last_event(by_page).action == last_event(by_api).action == action.value
    assert by_page.status == by_api.status
    assert by_page.event_count == by_api.event_count


def test_the_applicants_submit_is_reachable_from_the_api(client, world):
    dossier = through_the_api(client, world, Action.SUBMIT)
    assert dossier.status == Dossier.Status.SUBMITTED
    assert last_event(dossier).action == "submit"


def test_openapi_lists_every_actions_fields(client, world):
    document = client.get("/api/v1/openapi.json").json()
    body = document["paths"]["/api/v1/dossiers/{code}/actions"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    components = document["components"]["schemas"]
    mapping = schema["discriminator"]["mapping"]
    assert schema["discriminator"]["propertyName"] == "action"
    assert set(mapping) == {a.value for a in Action}
    assert len(schema["oneOf"]) == len(Action)
    for definition in ACTIONS:
        ref = mapping[definition.action.value]
        component = components[ref.rsplit("/", 1)[1]]
        declared = set(definition.api_input.model_fields)
        assert set(component["properties"]) == declared, definition.action
        assert component["properties"]["action"]["const"] == definition.action.value
        assert component.get("additionalProperties") is False


def test_payment_items_are_typed_in_the_openapi_document(client, world):
    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    ref = BY_ACTION[Action.REQUEST_PAYMENT].api_input.__name__
    items = components[ref]["properties"]["items"]
    assert items["maxItems"] == 100 and items["minItems"] == 1
    line = components[items["items"]["$ref"].rsplit("/", 1)[1]]
    assert set(line["required"]) == {"name", "amount_vnd"}
    assert line["properties"]["amount_vnd"]["type"] == "integer"
    assert line["properties"]["amount_vnd"]["minimum"] == 1
