"""The intake yardstick: a bare psycopg loop inserting dossier rows, one row per transaction.

``python bench/bare_intake.py DATABASE_URL WORLD_JSON [SECONDS] [CLIENTS]``: CLIENTS processes
(default 2), each on its own connection in autocommit, INSERT the same dossier row the API's
intake writes (a received dossier of today, every column) — one committed transaction per row
— for SECONDS (default 15). Prints ``{"rows": …, "seconds": …, "rows_per_s": …}``.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg
from load import DOSSIER_COLUMNS  # bench/ is the script's directory

# The dossier row the API writes: every column of the COPY load but the generated id.
COLUMNS = [column for column in DOSSIER_COLUMNS if column != "id"]
INSERT = (
    f"INSERT INTO dossiers_dossier ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(COLUMNS))})"
)


def client(url: str, world: dict, number: int, seconds: float, start_at: float) -> int:
    # Codes of their own (B<run><client><n>), apart from the API's daily sequence.
    prefix = f"{world['agency_code']}-{date.today():%y%m%d}-B{int(start_at) % 100000:05d}{number}"
    rows = 0
    with psycopg.connect(url, autocommit=True) as conn:
        conn.prepare_threshold = 0  # prepared from the first row, as a tuned loop would be
        cur = conn.cursor()
        while time.time() < start_at:
            time.sleep(0.001)
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            now = datetime.now(UTC)
            due = now + timedelta(days=7)
            cur.execute(
                INSERT,
                (
                    uuid.uuid4(),
                    f"{prefix}{rows:07d}",
                    "person",
                    "Nguyễn Văn An",
                    "001090012345",
                    f"09{12345600 + rows % 1000:08d}",
                    f"kh{rows}@example.vn",
                    "Số 5 đường Lê Lợi, phường Tân An",
                    "in_person",
                    "in_person",
                    "",
                    "received",
                    now,
                    now,
                    due,
                    due,
                    1,
                    None,
                    0,
                    "",
                    "",
                    "",
                    "",
                    "",
                    None,
                    None,
                    1,
                    0,
                    0,
                    0,
                    1,
                    False,
                    "",
                    now,
                    now,
                    None,
                    world["procedure_id"],
                    world["procedure_version_id"],
                    world["officer_id"],
                    world["agency_id"],  # receiving
                    world["agency_id"],  # resolving: the department both receives and resolves
                    None,
                ),
            )
            rows += 1
    return rows


def main() -> None:
    url, world = sys.argv[1], json.loads(Path(sys.argv[2]).read_text())
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 15.0
    clients = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    start_at = time.time() + 1.0  # every client starts at the same moment
    with multiprocessing.Pool(clients) as pool:
        counts = pool.starmap(client, [(url, world, n, seconds, start_at) for n in range(clients)])
    rows = sum(counts)
    print(json.dumps({"rows": rows, "seconds": seconds, "rows_per_s": round(rows / seconds, 1)}))


if __name__ == "__main__":
    main()
