"""The gates of `make test` can fail: the dependency audit on a snapshot that names a locked
pin or on a pin PyPI marks yanked (a real HTTP server on loopback plays PyPI), bandit on a new
finding, `check --deploy` on settings without HTTPS."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.reliability.ops_processes import ROOT, free_port
from tests.reliability.passes import sqlite_pass

spec = importlib.util.spec_from_file_location("audit_deps", ROOT / "scripts" / "audit_deps.py")
audit_deps = sys.modules["audit_deps"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit_deps)

LOCKS = [ROOT / "requirements" / "base.txt", ROOT / "requirements" / "dev.txt"]


def locked(name: str) -> str:
    return next(p.version for p in audit_deps.read_pins(LOCKS) if p.name == name)


def advisory(name: str, *, versions=(), events=None, ident="TEST-2026-1") -> dict:
    affected: dict = {"package": {"ecosystem": "PyPI", "name": name}, "versions": list(versions)}
    if events is not None:
        affected["ranges"] = [{"type": "ECOSYSTEM", "events": events}]
    return {"id": ident, "aliases": ["CVE-2026-0001"], "summary": "test", "affected": [affected]}


def snapshot(tmp_path: Path, *advisories: dict) -> Path:
    path = tmp_path / "advisories.osv.json"
    path.write_text(json.dumps({"schema": audit_deps.SCHEMA, "advisories": list(advisories)}))
    return path


def run_audit(tmp_path, *advisories, accepted: str = "", extra=()) -> int:
    accepted_file = tmp_path / "accepted.txt"
    accepted_file.write_text(accepted)
    argv = ["--snapshot", str(snapshot(tmp_path, *advisories)), "--accepted", str(accepted_file)]
    return audit_deps.main([*argv, *extra])


def test_the_committed_snapshot_passes_every_locked_pin_and_reads_them_all(capsys):
    assert audit_deps.main([]) == 0
    assert len(audit_deps.read_pins(LOCKS)) > 100
    assert "pins" in capsys.readouterr().out


def test_a_snapshot_naming_a_locked_pin_fails_the_audit_and_names_it(tmp_path, capsys):
    version = locked("django")
    assert run_audit(tmp_path, advisory("Django", versions=[version])) == 1
    out = capsys.readouterr().out
    assert f"django=={version}" in out and "TEST-2026-1 [CVE-2026-0001]" in out


def test_ranges_name_the_versions_from_introduced_up_to_fixed(tmp_path):
    version = locked("django")
    major = version.split(".")[0]
    inside = [{"introduced": "0"}, {"fixed": "999"}]
    before = [{"introduced": "0"}, {"fixed": f"{major}.0"}]
    later = [{"introduced": "999"}]
    up_to = [{"introduced": "1.0"}, {"last_affected": version}]
    assert run_audit(tmp_path, advisory("django", events=inside)) == 1
    assert run_audit(tmp_path, advisory("django", events=up_to)) == 1
    assert run_audit(tmp_path, advisory("django", events=before)) == 0
    assert run_audit(tmp_path, advisory("django", events=later)) == 0
    assert run_audit(tmp_path, advisory("not-a-locked-package", events=inside)) == 0


def test_an_accepted_advisory_needs_a_reason_and_then_passes(tmp_path, capsys):
    hit = advisory("django", versions=[locked("django")])
    assert run_audit(tmp_path, hit, accepted="TEST-2026-1 django\n") == 2
    assert run_audit(tmp_path, hit, accepted="TEST-2026-1 django only the CLI is affected\n") == 0
    assert "accepted: TEST-2026-1" in capsys.readouterr().out


class FakePyPI(BaseHTTPRequestHandler):
    """PyPI's project JSON for each locked pin; ``yanked`` names the yanked projects."""

    yanked: set[str] = set()
    vulnerable: set[str] = set()
    versions: dict[str, str] = {}

    def do_GET(self) -> None:
        name = self.path.strip("/").split("/")[0]
        version = self.versions.get(name, "0")
        files = [{"filename": f"{name}.whl", "yanked": name in self.yanked, "yanked_reason": "bad"}]
        vulns = [{"id": "GHSA-test", "withdrawn": None}] if name in self.vulnerable else []
        project = {
            "info": {"version": version},
            "releases": {version: files},
            "vulnerabilities": vulns,
        }
        body = json.dumps(project).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def small_lock(tmp_path):
    lock = tmp_path / "lock.txt"
    lock.write_text(f"django=={locked('django')} \\\n    --hash=sha256:00\nsix==1.17.0\n")
    FakePyPI.versions = {"django": locked("django"), "six": "1.17.0"}
    return lock


def test_a_pin_that_pypi_marks_yanked_fails_the_audit(tmp_path, small_lock, capsys, monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakePyPI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("CCHC_AUDIT_PYPI_URL", f"http://127.0.0.1:{server.server_port}")
    try:
        FakePyPI.yanked, FakePyPI.vulnerable = set(), set()
        assert run_audit(tmp_path, extra=[str(small_lock), "--yanked"]) == 0
        FakePyPI.yanked = {"six"}
        assert run_audit(tmp_path, extra=[str(small_lock), "--yanked"]) == 1
        FakePyPI.yanked, FakePyPI.vulnerable = set(), {"django"}
        assert run_audit(tmp_path, extra=[str(small_lock), "--yanked"]) == 1
    finally:
        server.shutdown()
        server.server_close()
    out = capsys.readouterr().out
    assert "six==1.17.0: yanked (bad)" in out
    assert f"django=={locked('django')}: GHSA-test (PyPI)" in out


def test_pypi_unreachable_is_said_and_not_a_failure(tmp_path, small_lock, capsys, monkeypatch):
    monkeypatch.setenv("CCHC_AUDIT_PYPI_URL", f"http://127.0.0.1:{free_port()}")
    assert run_audit(tmp_path, extra=[str(small_lock), "--yanked"]) == 0
    assert "PyPI unreachable (URLError): yanked pins not checked" in capsys.readouterr().out


def gate(*names: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    return subprocess.run(
        [str(ROOT / "scripts" / "gates.sh"), *names],
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


# These start processes that use no database: defined in the SQLite pass only, not run twice.
if sqlite_pass():

    def test_bandit_fails_on_a_finding_the_baseline_does_not_hold(tmp_path):
        (tmp_path / "new.py").write_text("import subprocess\n\nsubprocess.call('ls', shell=True)\n")
        result = gate("bandit", CCHC_BANDIT_TARGETS=str(tmp_path))
        assert result.returncode == 1, result.stdout
        assert "B602" in result.stdout and "gate bandit: FAILED" in result.stdout

    def test_check_deploy_fails_on_production_settings_without_https():
        result = gate("deploy", CCHC_GATE_HTTPS="false")
        assert result.returncode == 1
        assert "security.W008" in result.stdout and "gate deploy: FAILED" in result.stdout
