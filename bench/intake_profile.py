"""Where an intake request's time goes: the SQL statements of one ``POST /api/v1/dossiers``
(``CaptureQueriesContext``) and a cProfile of a few hundred, in process (Django's test client,
the real settings and database). ``python bench/intake_profile.py WORLD_JSON [N]``; bench/run.sh
runs it and puts the top entries into docs/performance.md."""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def body(world: dict, n: int) -> str:
    return json.dumps(
        {
            "procedure_code": world["procedure_code"],
            "channel": "in_person",
            "return_method": "in_person",
            "applicant": {
                "kind": "person",
                "full_name": "Nguyễn Văn An",
                "id_number": f"0010900{n % 100000:05d}",
                "phone": f"09{12345600 + n % 1000:08d}",
                "email": f"kh{n}@example.vn",
                "address": "Số 5 đường Lê Lợi, phường Tân An",
            },
            "documents": [
                {"name": "Giấy đề nghị cấp giấy phép theo mẫu", "original": True},
                {"name": "Phương án kinh doanh", "original": True},
            ],
        }
    )


def main() -> None:
    world = json.loads(Path(sys.argv[1]).read_text())
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {world['token']}")

    def post(n: int) -> None:
        response = client.post("/api/v1/dossiers", body(world, n), content_type="application/json")
        assert response.status_code == 201, response.content

    for n in range(20):  # warm up: imports, calendar cache, prepared statements
        post(n)
    with CaptureQueriesContext(connection) as queries:
        post(20)
    kinds = Counter(q["sql"].split()[0].upper() for q in queries.captured_queries)
    print(f"Statements of one intake request: {len(queries)} ({dict(kinds)})\n")
    for q in queries.captured_queries:
        print(f"- `{q['sql'][:150]}`")
    started = time.perf_counter()
    for n in range(count):
        post(1000 + n)
    elapsed = time.perf_counter() - started
    print(
        f"\nIn process, one client, no HTTP server: {elapsed / count * 1000:.1f} ms per intake "
        f"({count} requests); under cProfile (slower, for the shares):\n"
    )
    profile = cProfile.Profile()
    profile.enable()
    for n in range(count):
        post(10_000 + n)
    profile.disable()
    out = io.StringIO()
    ours = pstats.Stats(profile, stream=out)
    ours.sort_stats("cumulative").print_stats(r"cchc/|ninja/operation.py:.*\(run\)", 22)
    print("```")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))
    print("```")
    print("\nTop entries by own time:\n")
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(15)
    print("```")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:6000])
    print("```")


if __name__ == "__main__":
    main()
