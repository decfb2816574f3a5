"""The overload protection of the production shape (docs/deployment.md "Overload
protection"), on the real stack: scripts/serve_prod.sh starts PostgreSQL, Redis, gunicorn,
Celery and nginx, runs tests/reliability/load_probe.py inside it and stops everything.

The soak and overload drills themselves run by ``make soak`` and ``make overload``
(docs/reliability/load.md); here only what is cheap: the locustfile's routes exist, and nginx
sheds load quickly with the pages it should.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.reliability.passes import sqlite_pass

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = ROOT / "bench/soak/locustfile.py"


def _routes() -> dict[str, str]:
    """``ROUTES`` of the locustfile, read without importing locust (it patches the standard
    library with gevent)."""
    tree = ast.parse(LOCUSTFILE.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "ROUTES":
            return ast.literal_eval(node.value)
    raise AssertionError("ROUTES not found")


SAMPLE = {
    "<code>": "1.000656",
    "<uuid>": "00000000-0000-4000-8000-000000000000",
    "<slug>": "tiep-nhan",
}


def test_every_route_of_the_soak_mix_is_a_url_name_of_the_site_at_that_address():
    routes = _routes()
    assert len(routes) >= 15
    for name, pattern in routes.items():
        placeholders = [part for part in pattern.split("/") if part.startswith("<")]
        expected = pattern
        for placeholder in placeholders:
            expected = expected.replace(placeholder, SAMPLE[placeholder])
        assert reverse(name, args=[SAMPLE[p] for p in placeholders]) == expected, name


def test_every_request_the_locustfile_sends_is_named_after_one_of_its_routes():
    routes = _routes()
    tree = ast.parse(LOCUSTFILE.read_text())
    names = {
        kw.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("get", "post")
        for kw in node.keywords
        if kw.arg == "name" and isinstance(kw.value, ast.Constant)
    }
    assert names, "no named request"
    assert names <= set(routes)


def _stack_available() -> bool:
    return all(
        shutil.which(b) or Path(f"/usr/sbin/{b}").exists() for b in ("nginx", "redis-server")
    )


# The whole production shape on its own throwaway cluster: it uses no database of the run,
# so it is defined in the SQLite pass only (not run twice).
if sqlite_pass():

    @pytest.mark.skipif(
        os.environ.get("CI") != "true" and not _stack_available(),
        reason="nginx or redis-server is not installed (CI=true makes this a failure)",
    )
    def test_nginx_answers_overload_at_once_with_a_vietnamese_page_and_lets_big_uploads_through():
        env = {
            **os.environ,
            "CCHC_PROD_SEED": "0",
            "CCHC_PROD_APP_INFLIGHT": "2",
            "CCHC_PROD_CLIENT_RATE": "1",
        }
        for name in ("CCHC_DATABASE_URL", "CCHC_DEBUG", "DJANGO_SETTINGS_MODULE", "CCHC_REDIS_URL"):
            env.pop(name, None)
        run = subprocess.run(
            [
                str(ROOT / "scripts/serve_prod.sh"),
                "--run",
                sys.executable,
                str(ROOT / "tests/reliability/load_probe.py"),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        probe = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("{")))

        # An upload nginx keeps in a temporary file reaches the application (Django's CSRF
        # refusal), instead of nginx's own 500.
        assert probe["upload_status"] == 403, probe["upload_body"]

        assert probe["config_has_inflight"]
        busy = probe["page_busy"]
        assert busy is not None, probe["page_statuses"]
        assert "Hệ thống đang bận" in busy["body"]
        assert busy["retry_after"] == "5"
        assert "Traceback" not in busy["body"] and "nginx" not in busy["body"]
        assert set(probe["page_statuses"]) <= {200, 503}

        api = probe["api_busy"]
        assert api is not None
        assert api["type"].startswith("application/json")
        assert json.loads(api["body"])["detail"].startswith("Hệ thống đang bận")

        assert 429 in probe["limited_statuses"]
        assert probe["limited_statuses"][:5] == [200] * 5  # the burst is let through
        assert "Hệ thống đang bận" in probe["limited_example"]["body"]
        assert probe["after_status"] == 200  # another address is not limited
