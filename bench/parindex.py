"""The PAR Index pages and jobs on the demo province, timed, with their queries counted.

``python bench/parindex.py [ROUNDS]`` (Django configured for the demo database that
``make run`` seeds, ``var/cchc.sqlite3`` by default, or ``CCHC_DATABASE_URL``): the ranking,
the criterion view, a scorecard (page and PDF), the ranking's Excel, the public ranking, the
API, the assessments' worklist and one assessment page, each through Django's test client as
the role that opens it; then the hourly recount of every open assessment's platform criteria
(``parindex_refresh``). One warm-up, then ``ROUNDS`` timed runs (default 5); the median is the
figure. Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cchc.org.models import User
from cchc.parindex.jobs import parindex_refresh_job
from cchc.parindex.models import Assessment, PublishedResult


def _pages() -> list[tuple[str, str | None, str]]:
    latest = PublishedResult.objects.order_by("-framework__year").select_related("framework")
    result = latest.filter(framework__unit_kind="department").first()
    if result is None:
        raise SystemExit("No published PAR Index results: run `make run` (seed_demo) first.")
    year = result.framework.year
    base = f"/can-bo/chi-so-cchc/ket-qua/{year}/department/"
    current = (
        Assessment.objects.filter(agency=result.agency)
        .exclude(status="published")
        .select_related("framework")
        .order_by("-framework__year")
        .first()
    )
    pages = [
        ("ranking (Home Affairs)", "demo.homeaffairs", base),
        ("criterion view", "demo.homeaffairs", base + "tieu-chi/"),
        ("scorecard", "demo.homeaffairs", base + f"don-vi/{result.agency.code}/"),
        ("scorecard PDF", "demo.homeaffairs", base + f"don-vi/{result.agency.code}/pdf/"),
        ("ranking Excel", "demo.homeaffairs", base + "tai-ve/excel/"),
        ("public ranking", None, f"/cong-khai/chi-so-cchc/{year}/department/"),
        ("API ranking", None, f"/api/v1/parindex/{year}/department/ranking"),
        (
            "assessments worklist (Home Affairs)",
            "demo.homeaffairs",
            "/can-bo/chi-so-cchc/danh-gia/",
        ),
    ]
    if current is not None:
        f = current.framework
        pages.append(
            (
                "an assessment in progress (Home Affairs)",
                "demo.homeaffairs",
                f"/can-bo/chi-so-cchc/danh-gia/{f.year}/{f.unit_kind}/{current.agency.code}/",
            )
        )
    return pages


def _time(call: object, rounds: int) -> tuple[float, int]:
    call()  # warm-up
    times, queries = [], 0
    for _ in range(rounds):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        queries = len(captured.captured_queries)
    return statistics.median(times) * 1000, queries


def main(rounds: int) -> None:
    clients: dict[str | None, Client] = {}
    rows = []
    for what, username, url in _pages():
        if username not in clients:
            client = Client()
            if username:
                client.force_login(User.objects.get(username=username))
            clients[username] = client
        client = clients[username]

        def get(client: Client = client, url: str = url) -> None:
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")

        ms, queries = _time(get, rounds)
        rows.append((what, url, ms, queries))
    open_count = Assessment.objects.exclude(status__in=["finalised", "published"]).count()
    ms, queries = _time(parindex_refresh_job, rounds)
    rows.append((f"recount of {open_count} open assessments (parindex_refresh)", "—", ms, queries))
    print(f"| page or job | median ms ({rounds} runs) | queries |")
    print("| --- | ---: | ---: |")
    for what, _url, ms, queries in rows:
        print(f"| {what} | {ms:.0f} | {queries} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
