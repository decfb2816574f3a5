"""Where a public lookup's time goes on the fast path: ``config.wsgi.application`` called
in process with WSGI environs (no HTTP server), timed, then under cProfile.
``python bench/lookup_profile.py PAIRS_FILE [N]``; bench/run.sh puts it into
docs/performance.md."""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from config.wsgi import application


def environ(code: str, phone: str) -> dict:
    env = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": f"/api/v1/public/dossiers/{code}",
        "QUERY_STRING": f"phone={phone}",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    setup_testing_defaults(env)
    return env


def main() -> None:
    pairs = [line.split() for line in Path(sys.argv[1]).read_text().splitlines() if line]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    statuses: list[str] = []

    def start_response(status: str, headers: list) -> None:
        statuses.append(status)

    def run(n: int) -> None:
        for i in range(n):
            code, phone = pairs[i % len(pairs)]
            b"".join(application(environ(code, phone), start_response))

    run(200)
    started = time.perf_counter()
    run(count)
    elapsed = time.perf_counter() - started
    ok = sum(s.startswith("200") for s in statuses)
    print(
        f"In process, without a server: {elapsed / count * 1e6:.0f} µs per lookup "
        f"({count} lookups, {ok} of {len(statuses)} answers 200).\n"
    )
    profile = cProfile.Profile()
    profile.enable()
    run(count)
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(20)
    print("```")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))
    print("```")


if __name__ == "__main__":
    main()
