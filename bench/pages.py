"""The real pages over the loaded province: each dashboard and public page as the platform
serves it, timed, with its queries counted and its slowest query named.

``python bench/pages.py OUT_JSON YEAR [ROUNDS]`` (Django configured, as bench/run.sh does):
every page of issue 9 that reads the counters, for the whole of ``YEAR``, through Django's
test client (the whole view: forms, scope, queries, template; no HTTP server), as the role
that opens it — the province (Home Affairs), an agency head (the demo department's leader),
an officer (a specialist of that department who held steps), and nobody (the public pages,
the live board, the serving-index API). The public caches are emptied before every request:
the figure is the page's cost when its cache is cold, the cost a first visitor pays. One
warm-up, then ``ROUNDS`` timed requests (default 3); the median is the figure.

bench/dashboard.py measures the dashboard's aggregation against its yardsticks; this measures
what a leader actually waits for.
"""

from __future__ import annotations

import json
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


def _pages(year: int) -> list[tuple[str, str | None, str]]:
    """(what, username or None for nobody, URL) of every page measured."""
    department = User.objects.select_related("agency").get(username="demo.leader").agency
    specialist = f"bench.{department.code}.specialist"
    if not User.objects.filter(username=specialist).exists():  # the demo database, not the bench's
        specialist = "demo.specialist"
    period = f"period=year&year={year}"
    return [
        (
            "dashboard, the province (Home Affairs)",
            "demo.homeaffairs",
            f"/can-bo/thong-ke/bang-dieu-khien/?{period}",
        ),
        (
            "dashboard, an agency head (the department's leader)",
            "demo.leader",
            f"/can-bo/thong-ke/bang-dieu-khien/?{period}",
        ),
        (
            "dashboard, an officer (own steps)",
            specialist,
            f"/can-bo/thong-ke/bang-dieu-khien/?{period}",
        ),
        (
            "officers often late (Home Affairs)",
            "demo.homeaffairs",
            f"/can-bo/thong-ke/can-bo/?{period}",
        ),
        ("public page, the province", None, f"/cong-khai/?year={year}"),
        ("public page, the department", None, f"/cong-khai/co-quan/{department.code}/?year={year}"),
        ("live board, the department (today)", None, f"/cong-khai/bang-tin/{department.code}/"),
        (
            "API serving index, departments",
            None,
            f"/api/v1/serving-index?from={year}-01-01&to={year}-12-31&agency_kind=department",
        ),
    ]


def measure(year: int, rounds: int) -> list[dict]:
    results = []
    for what, username, url in _pages(year):
        client = Client(HTTP_HOST="localhost")
        if username:
            client.force_login(User.objects.get(username=username))
        times, status, queries, slowest = [], 0, 0, (0.0, "")
        for attempt in range(rounds + 1):
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
            status, queries = response.status_code, len(captured.captured_queries)
            if attempt:
                times.append(elapsed)
                for query in captured.captured_queries:
                    seconds = float(query["time"])
                    if seconds * 1000 > slowest[0]:
                        slowest = (seconds * 1000, " ".join(query["sql"].split())[:300])
        results.append(
            {
                "page": what,
                "url": url,
                "status": status,
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
                "queries": queries,
                "slowest_query_ms": round(slowest[0], 1),
                "slowest_query": slowest[1],
            }
        )
        print(f"{what}: {results[-1]['median_ms']} ms, {queries} queries", file=sys.stderr)
    return results


def main() -> None:
    out, year = Path(sys.argv[1]), int(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    out.write_text(json.dumps({"year": year, "rounds": rounds, "pages": measure(year, rounds)}))


if __name__ == "__main__":
    main()
