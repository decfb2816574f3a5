"""The OpenAPI document describes what the API answers: real answers validate against the
schema the document gives for their status, and every status an endpoint can answer is listed
with the body it has (schemathesis checks the same on generated requests: test_api_fuzz)."""

from __future__ import annotations

import jsonschema_rs
import pytest

from cchc.org.models import ApiToken
from tests.dossiers.helpers import at, receive
from tests.world import BIRTH_REGISTRATION, BUILDING_PERMIT

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client, world) -> dict:
    return client.get("/api/v1/openapi.json").json()


def conforms(document: dict, path: str, method: str, response) -> None:
    """``response`` is JSON and validates against the schema listed for its status."""
    listed = document["paths"][path][method]["responses"]
    assert str(response.status_code) in listed, (path, response.status_code, sorted(listed))
    schema = listed[str(response.status_code)]["content"]["application/json"]["schema"]
    validator = jsonschema_rs.validator_for({**schema, "components": document["components"]})
    errors = [error.message for error in validator.iter_errors(response.json())]
    assert errors == [], (path, response.status_code, errors[:5])


@pytest.mark.parametrize("code", [BUILDING_PERMIT, BIRTH_REGISTRATION])
def test_a_procedures_detail_conforms_to_the_document(client, document, code):
    response = client.get(f"/api/v1/procedures/{code}")
    assert response.status_code == 200
    conforms(document, "/api/v1/procedures/{code}", "get", response)


def test_each_schema_name_is_one_schema(document):
    """Two output schemas of the same name (a procedure's fee and a dossier's fee) became one
    component, and one of them lied."""
    from ninja import Schema

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [c for c in subclasses(Schema) if c.__module__.startswith(("cchc.", "config."))]
    names = [c.__name__ for c in ours]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_errors_and_answers_of_the_dossier_endpoints_conform(
    client, document, world, counter_officer, citizen
):
    _, raw = ApiToken.issue(counter_officer)
    headers = {"Authorization": f"Bearer {raw}"}
    dossier = receive(world, now=at(2025, 3, 3))
    item = "/api/v1/dossiers/{code}"
    actions = "/api/v1/dossiers/{code}/actions"
    cases = [
        ("/api/v1/dossiers", "get", client.get("/api/v1/dossiers", headers=headers)),
        ("/api/v1/dossiers", "get", client.get("/api/v1/dossiers?status=x", headers=headers)),
        ("/api/v1/dossiers", "get", client.get("/api/v1/dossiers")),
        (item, "get", client.get(f"/api/v1/dossiers/{dossier.code}", headers=headers)),
        (item, "get", client.get("/api/v1/dossiers/nothing", headers=headers)),
        ("/api/v1/me", "get", client.get("/api/v1/me", headers=headers)),
    ]
    post = {"content_type": "application/json", "headers": headers}
    url = f"/api/v1/dossiers/{dossier.code}/actions"
    cases += [
        (actions, "post", client.post(url, {"action": "receive"}, **post)),  # 409
        (actions, "post", client.post(url, {"action": "approve"}, **post)),  # 422
        (actions, "post", client.post(url, {"action": "record_visit", "purpose": "Hỏi"}, **post)),
        (actions, "post", client.post(url, "a=b", content_type="text/plain", headers=headers)),
    ]
    _, citizen_raw = ApiToken.issue(citizen)
    as_citizen = {"content_type": "application/json"}
    as_citizen["headers"] = {"Authorization": f"Bearer {citizen_raw}"}
    intake = {"procedure_code": BUILDING_PERMIT, "applicant": {"full_name": "Nguyễn Văn Bình"}}
    refused = client.post("/api/v1/dossiers", intake, **as_citizen)  # not a counter: 403
    cases.append(("/api/v1/dossiers", "post", refused))
    statuses = set()
    for path, method, response in cases:
        conforms(document, path, method, response)
        statuses.add(response.status_code)
    assert statuses == {200, 401, 403, 404, 409, 415, 422}


def _strings(schema: dict, components: dict, where: str, seen: frozenset = frozenset()):
    """Every string schema reachable from ``schema`` with where it is."""
    ref = schema.get("$ref")
    if ref:
        name = ref.rsplit("/", 1)[1]
        if name not in seen:
            yield from _strings(components[name], components, f"{where}>{name}", seen | {name})
        return
    if schema.get("type") == "string":
        yield where, schema
    for key in ("anyOf", "oneOf", "allOf"):
        for index, branch in enumerate(schema.get(key, [])):
            yield from _strings(branch, components, f"{where}[{index}]", seen)
    for name, prop in schema.get("properties", {}).items():
        yield from _strings(prop, components, f"{where}.{name}", seen)
    if isinstance(schema.get("items"), dict):
        yield from _strings(schema["items"], components, f"{where}[]", seen)


def test_every_text_input_says_its_length_and_its_characters(document):
    """Generated clients and fuzzers learn from the document what the API accepts: every
    string a client sends has a maximum length and a pattern (or is one of listed values)."""
    components = document["components"]["schemas"]
    loose = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            inputs = [(p["name"], p["schema"]) for p in operation.get("parameters", [])]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                inputs.append(("body", body["schema"]))
            for name, schema in inputs:
                for where, string in _strings(schema, components, f"{method} {path} {name}"):
                    if "enum" in string or "const" in string:
                        continue
                    dated = string.get("format") in ("date", "date-time")  # length by pattern
                    if "pattern" not in string or not (dated or "maxLength" in string):
                        loose.append(where)
    assert loose == []
