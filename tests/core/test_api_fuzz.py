"""API v1 fuzzed from its own OpenAPI document (schemathesis) with every check it has: no
server error, and each answer conforms to the document — its status is listed, its content
type and body match the listed schema, its listed headers are there; data the document calls
valid is accepted and data it calls invalid is refused; a method the document does not list is
a 405 with ``Allow``; a token is required where the document says so.

Where a valid request may still be refused with a 422, it is because of a rule a JSON schema
cannot state (listed in ``RULES_BEYOND_THE_SCHEMA``); the check accepts 422 there and only there.
The fuzzer sends real procedure codes and a real dossier's code part of the time, so that it
gets past "no such thing" into the rules of intake and of each action.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from cchc.org.models import ApiToken
from config.wsgi import application
from tests.dossiers.helpers import APPLICANT, at, receive
from tests.world import BIRTH_REGISTRATION, BUILDING_PERMIT

# A dossier the world's counter officer receives before the run (``dossier`` below): the first
# of its day, so its code is known and the fuzzer can be given it (with its applicant's phone).
RECEIVED_AT = at(2025, 3, 3)
DOSSIER_CODE = "000.00.05.H98-250303-0001"
ACCEPTED_ALWAYS = ["2xx", "3xx", "401", "403", "404", "409", "429"]

RULES_BEYOND_THE_SCHEMA = {
    # The procedure must exist, be in force and be received by the caller's unit; a CCCD's
    # province and birth year, judged against today; a back-dated intake needs a permission
    # and a reason.
    "POST /api/v1/dossiers": "catalogue, CCCD structure, permission",
    # Each action's rules against the dossier's state and the calendar: a new appointment in
    # office hours and after the old one, a fee not above what is owed, a recipient of the
    # next step, a second intake supplement with a reason…
    "POST /api/v1/dossiers/{code}/actions": "the dossier's state and the calendar",
    # received_to not before received_from; a cursor only from a 'next' link.
    "GET /api/v1/dossiers": "date order, cursor",
    # Exactly one of working_days and working_hours, as a number in range; a range of days
    # of at most ten years.
    "GET /api/v1/calendar/due-date": "one of two parameters, a number",
    "GET /api/v1/calendar/working-days": "date order, range length",
    # 'to' not before 'from'; a period of at most a year.
    "GET /api/v1/serving-index": "date order, range length",
}


# Operations whose path names a procedure or a dossier: half the time, a real one.
ABOUT_A_PROCEDURE = ["GET /api/v1/procedures/{code}"]
ABOUT_THE_DOSSIER = [
    "GET /api/v1/dossiers/{code}",
    "POST /api/v1/dossiers/{code}/actions",
    "GET /api/v1/dossiers/{code}/forms/{kind}.pdf",
    "GET /api/v1/public/dossiers/{code}",
]


def _operation(name: str) -> dict:
    config: dict = {"include-name": name}
    if name in RULES_BEYOND_THE_SCHEMA:
        statuses = [*ACCEPTED_ALWAYS, "422"]
        config["checks"] = {"positive_data_acceptance": {"expected-statuses": statuses}}
    if name in ABOUT_A_PROCEDURE:
        config["parameters"] = {"path.code": {"dictionary": "procedures", "probability": 0.5}}
    if name in ABOUT_THE_DOSSIER:
        config["parameters"] = {
            "path.code": {"dictionary": "dossiers", "probability": 0.5},
            "query.phone": {"dictionary": "phones", "probability": 0.5},
            "body.procedure_code": {"dictionary": "procedures", "probability": 0.8},
        }
    return config


def _config() -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "dictionaries": {
                "procedures": {"values": [BUILDING_PERMIT, BIRTH_REGISTRATION]},
                "dossiers": {"values": [DOSSIER_CODE]},
                "phones": {"values": [APPLICANT.phone]},
            },
            "parameters": {
                "body.procedure_code": {"dictionary": "procedures", "probability": 0.8},
            },
            "checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED_ALWAYS}},
            "operations": [
                _operation(name)
                for name in {*RULES_BEYOND_THE_SCHEMA, *ABOUT_A_PROCEDURE, *ABOUT_THE_DOSSIER}
            ],
        }
    )


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=_config())
# The token of the running test (``token`` below). Given through schemathesis, not as a header
# of each call: a case that leaves the Authorization header out on purpose must go without it.
CURRENT_TOKEN: dict[str, str] = {}


@schema.auth(refresh_interval=None)
class CounterOfficerToken:
    def get(self, case: schemathesis.Case, context: schemathesis.AuthContext) -> str:
        return CURRENT_TOKEN.get("raw", "")

    def set(self, case: schemathesis.Case, data: str, context: schemathesis.AuthContext) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.fixture(autouse=True)
def keep_the_test_transaction():
    """Called as a plain WSGI app, Django would close the database connection after each
    request (the test client disconnects that handler too): keep the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(world):
    _, CURRENT_TOKEN["raw"] = ApiToken.issue(world.counter_officer, name="fuzz")
    yield
    CURRENT_TOKEN.clear()


@pytest.fixture
def dossier(world):
    dossier = receive(world, now=RECEIVED_AT)
    assert dossier.code == DOSSIER_CODE
    return dossier


def test_every_check_is_enabled():
    checks = schema.config.checks_config_for(operation=None, phase=None)
    disabled = [
        name
        for name in type(checks).__slots__
        if not name.startswith("_")
        and name != "max_response_time"
        and not getattr(getattr(checks, name), "enabled", True)
    ]
    assert disabled == []


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_as_its_document_says(case, token, dossier):
    case.call_and_validate()
