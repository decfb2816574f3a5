"""The read replica router: dashboards, public transparency pages and exports read through a
second, real database connection (alias ``replica``; in the tests Django's mirror of the test
database), everything else and every write through the primary; a replica that cannot be
reached is left for the primary, and the readiness check can see it."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cchc.core.db import (
    REPLICA_ALIAS,
    forget_replica_state,
    replica_lag,
    replica_reads,
    use_replica,
)
from cchc.org.models import Agency
from tests.factories import AgencyFactory

# Transactional tests: the replica is a second connection in autocommit, as in production; it
# sees what the primary committed, never a test transaction left open.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])

PROVINCE = reverse("transparency:province")


@pytest.fixture
def replica_on(settings) -> Iterator[None]:
    settings.CCHC_REPLICA_ROUTING = True
    settings.CCHC_REPLICA_CHECK_SECONDS = 3600
    forget_replica_state()
    yield
    forget_replica_state()


@pytest.fixture
def replica_down(replica_on) -> Iterator[None]:
    """Point the replica connection at a server that does not answer (a closed loopback port on
    PostgreSQL, a file in a directory that does not exist on SQLite), as when the standby dies."""
    connection = connections[REPLICA_ALIAS]
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "postgresql":
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            closed_port = probe.getsockname()[1]
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port))
        connection.settings_dict["OPTIONS"] = {**saved["OPTIONS"], "connect_timeout": 2}
    else:
        connection.settings_dict["NAME"] = "/nonexistent-cchc-replica/db.sqlite3"
    forget_replica_state()
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
        forget_replica_state()


def queries_on_both(callable_):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA_ALIAS]) as replica,
    ):
        result = callable_()
    return result, [q["sql"] for q in primary], [q["sql"] for q in replica]


def test_the_public_transparency_page_reads_its_figures_from_the_replica(client, world, replica_on):
    response, primary, replica = queries_on_both(lambda: client.get(PROVINCE))
    assert response.status_code == 200
    assert any("dossierdailystat" in sql.lower() for sql in replica)
    assert not any("dossierdailystat" in sql.lower() for sql in primary)


def test_the_dashboard_reads_from_the_replica_but_the_signed_in_user_from_the_primary(
    client, leader, replica_on
):
    client.force_login(leader)
    response, primary, replica = queries_on_both(lambda: client.get(reverse("stats:dashboard")))
    assert response.status_code == 200
    assert replica, "the dashboard ran no query on the replica"
    # The session and the user (roles, active flag) always come from the primary.
    assert any("django_session" in sql for sql in primary)
    assert not any("django_session" in sql for sql in replica)
    assert not any('"org_user"' in sql for sql in replica)


def test_pages_not_listed_read_from_the_primary(client, world, replica_on):
    response, _primary, replica = queries_on_both(lambda: client.get(reverse("public_lookup")))
    assert response.status_code == 200
    assert replica == []


def test_a_form_page_under_stats_that_shows_what_was_saved_stays_on_the_primary(
    client, reform_officer, replica_on
):
    client.force_login(reform_officer)
    url = reverse("stats:entered_values")
    response, _primary, replica = queries_on_both(lambda: client.get(url))
    assert response.status_code in (200, 403)
    assert replica == []


def test_without_routing_turned_on_nothing_reads_from_the_replica(client, world, settings):
    settings.CCHC_REPLICA_ROUTING = False
    forget_replica_state()
    response, _primary, replica = queries_on_both(lambda: client.get(PROVINCE))
    assert response.status_code == 200
    assert replica == []
    assert replica_lag(fresh=True).configured is False


def test_writes_inside_a_replica_block_go_to_the_primary(world, replica_on):
    with use_replica(), transaction.atomic():
        agency = AgencyFactory(
            code="REPLICA-W",
            name="Cơ quan ghi thử",
            level=Agency.Level.DEPARTMENT,
            parent=world.province,
        )
        assert agency._state.db == "default"
        # The write is visible on the primary; the replica connection is another session,
        # so it does not see it before the commit.
        assert Agency.objects.using("default").filter(code="REPLICA-W").exists()
        assert not Agency.objects.filter(code="REPLICA-W").exists()
    assert Agency.objects.filter(code="REPLICA-W").exists()


def test_the_decorator_marks_get_requests_only(world, replica_on, rf):
    seen: list[str] = []

    @replica_reads
    def view(request):
        seen.append(Agency.objects.all()[:1].db)
        return None

    view(rf.get("/"))
    view(rf.post("/"))
    assert seen == [REPLICA_ALIAS, "default"]


def test_a_replica_that_is_down_leaves_the_reads_to_the_primary(client, world, replica_down):
    with CaptureQueriesContext(connections["default"]) as primary:
        response = client.get(PROVINCE)
    assert response.status_code == 200
    assert any("dossierdailystat" in q["sql"].lower() for q in primary)
    state = replica_lag()
    assert state.configured and not state.reachable and not state.usable
    assert state.lag_seconds is None and state.error


def test_a_replica_lagging_beyond_the_bound_is_not_used(client, world, replica_on, settings):
    # The mirror has no replay lag (0 s): a bound below zero is one it cannot meet, the same
    # decision a standby 30 s behind meets with the default bound (measured in the failover
    # drill on a real standby with replay paused).
    settings.CCHC_REPLICA_MAX_LAG_SECONDS = -1
    forget_replica_state()
    replica_lag()  # the check itself reads the lag on the replica; its answer is kept
    response, _primary, replica = queries_on_both(lambda: client.get(PROVINCE))
    assert response.status_code == 200
    assert replica == []
    state = replica_lag()
    assert state.reachable and state.lag_seconds == 0.0 and not state.usable


def test_the_readiness_check_reads_the_lag_from_the_replica(world, replica_on):
    state = replica_lag(fresh=True)
    assert state.as_dict() == {
        "configured": True,
        "reachable": True,
        "lag_seconds": 0.0,
        "max_lag_seconds": 10.0,
        "usable": True,
        "checked_at": state.checked_at,
        "error": "",
    }


def test_the_check_is_cached_between_periods(world, replica_on):
    first = replica_lag()
    assert replica_lag() is first
    assert replica_lag(fresh=True) is not first


def test_readyz_reports_the_replica_and_stays_ready_on_the_primary_when_it_is_down(
    client, world, replica_down
):
    answer = client.get("/readyz")
    assert answer.status_code == 200
    replica = answer.json()["checks"]["replica"]
    assert replica["status"] == "warn"
    assert replica["reachable"] is False and replica["reads_from_replica"] is False
    # Figures only: the connection error (which names the host and port) is not shown.
    assert (
        "127.0.0.1" not in answer.content.decode() and "nonexistent" not in answer.content.decode()
    )


def test_readyz_reports_a_usable_replica_with_its_lag(client, world, replica_on):
    replica = client.get("/readyz").json()["checks"]["replica"]
    assert replica["status"] == "ok" and replica["lag_seconds"] == 0.0
