"""Crash consistency of the application (issue 14, item 1): a real gunicorn on this run's
database, driven over HTTP (intake, online applications with files, officers' actions, online
payments and the gateway's callbacks) while its workers — and now and then the whole gunicorn —
are killed with SIGKILL; after each of the 20 restarts nothing acknowledged is lost, nothing is
half-written, no code is duplicated and the counters equal their recount
(``tests/reliability/crash_app.py`` is the harness; docs/reliability/crash.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.reliability.passes import postgresql_pass

ROOT = Path(__file__).resolve().parents[2]
CYCLES = 20


def admin_url() -> str:
    """The run's PostgreSQL server, as a URL whose user may create databases."""
    return os.environ.get("CCHC_PG_ADMIN_URL") or os.environ["CCHC_DATABASE_URL"]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture
def crash_database(tmp_path) -> Iterator[str]:
    """A database of its own, empty (the harness migrates it once): a SQLite file, or a fresh
    database on the run's PostgreSQL server, dropped afterwards."""
    if not postgresql_pass():
        yield f"sqlite:///{tmp_path}/crash.sqlite3"
        return
    name = f"cchc_crash_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(with_database(admin_url(), "postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(admin_url(), name)
    finally:
        with psycopg.connect(with_database(admin_url(), "postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_harness(tmp_path: Path, *arguments: str) -> dict:
    """Run the harness as operators do (its own process: its own Django, on its own database)
    and return its figures, recorded under var/reliability/ as well."""
    out = tmp_path / "figures.json"
    completed = subprocess.run(
        [sys.executable, "-m", "tests.reliability.crash_app", *arguments, "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert out.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    figures = json.loads(out.read_text())
    record = ROOT / "var" / "reliability" / f"crash-{figures['kill']}-{figures['database']}.json"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(figures, ensure_ascii=False, indent=1))
    print(json.dumps(figures, ensure_ascii=False))
    return figures


def test_sigkilled_web_workers_lose_nothing_acknowledged_and_leave_nothing_half_written(
    crash_database, tmp_path
):
    figures = run_harness(tmp_path, "--cycles", str(CYCLES), "--database-url", crash_database)
    assert figures["problems"] == []
    assert figures["cycles"] == CYCLES
    assert figures["worker_kills"] + figures["master_kills"] == CYCLES
    assert figures["acknowledged"] > CYCLES  # the load was real
    assert figures["lost"] == 0
    assert figures["duplicates"] == 0
    assert figures["half_written"] == 0
    assert figures["counter_differences"] == 0
    assert figures["stats_rebuild_check"] == "0 khác biệt."


@pytest.mark.django_db
def test_the_checks_find_a_lost_acknowledgement_a_file_row_without_its_file_and_a_bad_counter(
    world, settings, tmp_path
):
    """The harness's checks can fail: each kind of damage they look for is seen."""
    from cchc.dossiers.models import DossierDailyStat, DossierDocument
    from tests.dossiers.helpers import receive
    from tests.reliability.crash_app import Ledger, check

    settings.MEDIA_ROOT = str(tmp_path)
    dossier = receive(world)
    assert check(Ledger(), reconnect=False).clean()

    ledger = Ledger()
    ledger.intakes["Quầy chưa từng nhận"] = "000.00.05.H98-250101-0099"
    ledger.actions.add((str(dossier.public_id), "approve"))
    DossierDocument.objects.create(
        dossier=dossier, name="Đơn", file="dossiers/2025/01/missing.pdf", sha256="0" * 64
    )
    DossierDailyStat.objects.update(received=999)
    found = check(ledger, reconnect=False)
    assert found.lost == [
        "intake Quầy chưa từng nhận (000.00.05.H98-250101-0099)",
        f"action approve on {dossier.public_id}",
    ]
    assert found.half_written == [
        "file row dossiers/2025/01/missing.pdf without its file (or altered)"
    ]
    assert found.counter_differences > 0
    assert not found.clean()
