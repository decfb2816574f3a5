"""Which pass of ``make test`` this is (scripts/run_tests.sh runs the suite on SQLite, then on
PostgreSQL). Tests that start processes of their own and use no database of the run are
defined in one pass only — not run twice, and not skipped in the other either."""

from __future__ import annotations

from django.conf import settings


def sqlite_pass() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def postgresql_pass() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
