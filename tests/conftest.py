"""Test personas and the shared province.

Persona fixtures read as sentences in tests: ``counter_officer``, ``specialist``, ``leader``,
``other_agency_officer``, ``home_affairs_evaluator``, ``citizen``.
"""

from __future__ import annotations

import os

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import translation
from hypothesis import HealthCheck, settings

from tests.world import World, ensure_world

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100
)
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "default")


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """Each test starts as a new request would: no rate-limit counter in the (per-process)
    cache and the site's language active — a page requested in English leaves English active
    in the thread — so a test never depends on which tests its worker ran before it."""
    cache.clear()
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True, scope="session")
def _security_log_in_temp_dir(tmp_path_factory):
    """The security log's files go to a temporary directory, never the checkout's var/log
    (tests that read their own lines point ``CCHC_SECURITY_LOG_DIR`` at their ``tmp_path``)."""
    before = django_settings.CCHC_SECURITY_LOG_DIR
    django_settings.CCHC_SECURITY_LOG_DIR = str(tmp_path_factory.mktemp("security-log"))
    yield
    django_settings.CCHC_SECURITY_LOG_DIR = before


@pytest.fixture
def world(db) -> World:
    return ensure_world()


@pytest.fixture
def counter_officer(world):
    return world.counter_officer


@pytest.fixture
def specialist(world):
    return world.specialist


@pytest.fixture
def leader(world):
    return world.leader


@pytest.fixture
def reform_officer(world):
    return world.reform_officer


@pytest.fixture
def other_agency_officer(world):
    return world.other_agency_officer


@pytest.fixture
def home_affairs_evaluator(world):
    return world.home_affairs_evaluator


@pytest.fixture
def citizen(world):
    return world.citizen


@pytest.fixture
def admin_user(world):
    return world.admin


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the shared province once per test database; tests only read it (each runs in a
    transaction that is rolled back), and ``world`` rebuilds it after a flush."""
    with django_db_blocker.unblock():
        ensure_world()
