"""Crash consistency of the database (issue 14, item 2): PostgreSQL's postmaster killed with
SIGKILL under the application's load — a durable throwaway cluster of its own (fsync on), killed
alone or with every backend, restarted (crash recovery replays the WAL) — and the same checks
as for the web workers: nothing acknowledged lost, nothing half-written, no duplicate code,
counters equal to their recount, the application answering again by itself.

PostgreSQL-specific: the test exists only in the PostgreSQL pass of the suite (it is not
collected on SQLite, rather than skipped) and runs once there."""

from __future__ import annotations

from tests.reliability.passes import postgresql_pass
from tests.reliability.test_crash_app import run_harness

CYCLES = 3

if postgresql_pass():

    def test_a_sigkilled_postmaster_loses_nothing_acknowledged_and_the_app_recovers(tmp_path):
        figures = run_harness(tmp_path, "--cycles", str(CYCLES), "--kill", "postmaster")
        assert figures["problems"] == []
        assert figures["database"] == "postgresql"
        assert figures["postmaster_kills"] == CYCLES
        assert len(figures["restart_seconds"]) == CYCLES
        assert figures["acknowledged"] > CYCLES  # served before and after every restart
        assert figures["lost"] == 0
        assert figures["duplicates"] == 0
        assert figures["half_written"] == 0
        assert figures["counter_differences"] == 0
        assert figures["stats_rebuild_check"] == "0 khác biệt."
