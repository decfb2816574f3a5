"""The security log search's cost per request (docs/reliability/seclog.md).

``python bench/seclog_search.py [LINES]``: writes a day file of LINES (default 200 000) typical
``document.open`` lines in a temporary directory, then times the first page of an unfiltered
search (50 lines), a search whose event matches nothing (stopped by the byte budget,
``CCHC_SECURITY_LOG_SCAN_BYTES``) and one by user name (every line read is parsed). Prints one
JSON object; removes the directory.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("CCHC_DEBUG", "true")

import django

django.setup()

from cchc.core.security_files import Filters, file_name, security_log_search  # noqa: E402


def main(lines: int) -> dict:
    directory = Path(tempfile.mkdtemp(prefix="seclog-bench-"))
    try:
        now = datetime.now(UTC)
        line = json.dumps(
            {
                "ts": now.isoformat(timespec="milliseconds"),
                "event": "document.open",
                "outcome": "success",
                "user_id": 7,
                "username": "can.bo.mot.cua",
                "ip": "10.1.2.3",
                "path": "/can-bo/ho-so/H98.01-250301-0001/tep/12/",
                "dossier": "0b7c6d9e-1f2a-4b3c-9d8e-123456789abc",
                "document": 12,
            }
        )
        path = directory / file_name(now.date())
        path.write_text((line + "\n") * lines)
        figures: dict = {"file_mb": round(path.stat().st_size / 1e6, 1), "lines": lines}
        for name, narrowing in (
            ("first_page", {}),
            ("no_event_match", {"event": "auth."}),
            ("by_username", {"username": "khong-co-ai"}),
        ):
            filters = Filters(start=now - timedelta(days=1), end=now + timedelta(days=1))
            for key, value in narrowing.items():
                setattr(filters, key, value)
            started = time.perf_counter()
            result = security_log_search(filters, directory=directory)
            figures[name] = {
                "ms": round((time.perf_counter() - started) * 1000, 1),
                "scanned_mib": round(result.scanned_bytes / 1048576, 2),
                "shown": len(result.entries),
                "budget_spent": result.budget_spent,
            }
        figures["load_average"] = os.getloadavg()[0]
        return figures
    finally:
        shutil.rmtree(directory)


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)))
