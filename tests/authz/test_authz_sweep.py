"""Authorisation sweep (issue 14, item 7): every route of the URL configuration — the admin's
and the API's included — called as every role on objects of agency A and citizen A answers as
the declared matrix (tests/authz/matrix.py) says; a route without a row fails. Every answer also
carries a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval' (item 11).

The objects and the signed-in clients are built once per module inside a transaction that is
rolled back at the end; each route's calls run in the test's own savepoint, so a call that
changes something is undone before the next route.
"""

from __future__ import annotations

import os
import tempfile

import pytest
from django.db import transaction
from django.test import override_settings

from tests.authz import authz_objects, matrix
from tests.authz.authz_routes import Route, all_routes, path_of
from tests.authz.authz_sweep import (
    DENIED,
    LOGIN,
    METHOD,
    MISSING,
    OK,
    ROLES,
    classify,
    csp_problem,
    personas,
)
from tests.world import ensure_world

ROUTES = all_routes()
# A denied role's unsafe call must end at one of these (never 2xx, never 500).
REFUSALS = {LOGIN, DENIED, MISSING, METHOD, "401"}


@pytest.fixture(scope="module")
def sweep(django_db_setup, django_db_blocker):
    media = tempfile.mkdtemp(prefix="cchc-authz-")
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(MEDIA_ROOT=media),
            transaction.atomic(),
        ):
            objects = authz_objects.build(ensure_world())
            yield objects, personas(objects)
            transaction.set_rollback(True)
    finally:
        _remove(media)


def _remove(path: str) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def call(persona, route: Route, path: str, method: str):
    extra = {}
    if route.is_api and persona.bearer:
        extra["HTTP_AUTHORIZATION"] = persona.bearer
    if method == "get":
        return persona.client.get(path, **extra)
    if route.is_api:
        return persona.client.post(path, "{}", content_type="application/json", **extra)
    return persona.client.post(path, {}, **extra)


def test_every_route_has_a_row_in_the_matrix():
    missing = [r.name for r in ROUTES if matrix.row_for(r.name) is None]
    assert missing == [], "routes without a row in tests/authz/matrix.py:\n" + "\n".join(missing)


def test_every_row_of_the_matrix_names_a_route():
    names = {r.name for r in ROUTES}
    stale = [name for name in matrix.MATRIX if name not in names]
    assert stale == []


def test_another_agencys_officer_or_citizen_is_refused_by_role_never_by_object():
    """House rule: another agency's object is a 404. Where agency B's officer gets a 403, agency
    A's officer of the same role (a specialist) gets it too, so the 403 says nothing about the
    object; likewise citizen B's 403 is also citizen A's."""
    confirming = [
        r.name
        for r in ROUTES
        for outsider, insider in (("other", "spec"), ("cit_b", "cit_a"))
        if matrix.row_for(r.name).get[outsider] == DENIED
        and matrix.row_for(r.name).get[insider] != DENIED
    ]
    assert confirming == []


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=[r.name for r in ROUTES])
def test_route_answers_every_role_as_the_matrix_says(route, sweep):
    objects, people = sweep
    row = matrix.row_for(route.name)
    assert row is not None, f"{route.name} has no row in tests/authz/matrix.py"
    path = path_of(route, objects)
    for persona in people.values():
        persona.restore()
    seen, problems = {}, []
    for role in ROLES:
        response = call(people[role], route, path, "get")
        seen[role] = classify(response)
        if problem := csp_problem(response):
            problems.append(f"GET {path} as {role}: {problem}")
    for role in ROLES:
        if row.post[role] is None:
            continue
        answer = classify(call(people[role], route, path, "post"))
        expected = row.post[role]
        if (expected == "refused" and answer not in REFUSALS) or (
            expected != "refused" and answer != expected
        ):
            problems.append(f"POST {path} as {role}: {answer}, expected {expected}")
    _record(route, seen)
    if os.environ.get("CCHC_AUTHZ_DUMP") and set(seen.values()) == {"405"}:
        posted = {r: classify(call(people[r], route, path, "post")) for r in ROLES}
        _record(route, posted, "POST ")
    assert [seen[role] for role in ROLES] == [row.get[role] for role in ROLES], (
        f"{route.name} ({path}):\n  roles    {' '.join(f'{r:>6}' for r in ROLES)}\n"
        f"  expected {' '.join(f'{row.get[r]:>6}' for r in ROLES)}\n"
        f"  got      {' '.join(f'{seen[r]:>6}' for r in ROLES)}"
    )
    assert problems == []


def _record(route: Route, seen: dict[str, str], prefix: str = "") -> None:
    """With CCHC_AUTHZ_DUMP=<file>, append what each role got (to draft a row)."""
    target = os.environ.get("CCHC_AUTHZ_DUMP")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(prefix + route.name + "\t" + "\t".join(seen[r] for r in ROLES) + "\n")


__all__ = ["OK"]
