"""The loader's yardstick: plain COPY of the same rows, one stream, no generator.

``python bench/copy_baseline.py DATABASE_URL LOAD_JSON [SAMPLE]``: for each table the loader
filled, up to SAMPLE rows (default 500,000) of what it wrote are exported to a file, then
copied back by the server itself (``COPY … FROM 'file'``: no client in the way) into an
empty table of the same columns with its primary key — the state the loader copies into —
with the loader's session settings. Each table's rows per second, weighted by the number of
rows the loader wrote in it, gives the time plain COPY would take for the loader's rows; the
loader's rows per second over its COPY phase (generating every row in Python on the same two
CPUs) is compared with that. Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from province import TABLES


def main() -> None:
    url, load_path = sys.argv[1], sys.argv[2]
    sample = int(sys.argv[3]) if len(sys.argv) > 3 else 500_000
    load = json.loads(Path(load_path).read_text().splitlines()[-1])
    directory = Path(tempfile.mkdtemp(prefix="cchc-copy-"))
    directory.chmod(0o755)  # the server reads the files as its own user
    tables = {}
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("SET session_replication_role = replica")
        for table, columns in TABLES.items():
            wrote = load["rows"].get(table, 0)
            if not wrote:
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            path = directory / f"{table}.copy"
            with (
                path.open("wb") as out,
                conn.cursor().copy(
                    f"COPY (SELECT {names} FROM {table} LIMIT {sample}) TO STDOUT"
                ) as copy,
            ):
                for block in copy:
                    out.write(block)
            path.chmod(0o644)
            clone = f"bench_copy_{table}"
            conn.execute(f"DROP TABLE IF EXISTS {clone}")
            conn.execute(f"CREATE TABLE {clone} (LIKE {table} INCLUDING DEFAULTS)")
            conn.execute(f"ALTER TABLE {clone} ADD PRIMARY KEY (id)")
            conn.execute("CHECKPOINT")  # the same start for every table
            started = time.perf_counter()
            rows = conn.execute(f"COPY {clone} ({names}) FROM '{path}'").rowcount
            seconds = time.perf_counter() - started
            conn.execute(f"DROP TABLE {clone}")
            path.unlink()
            tables[table] = {
                "rows": rows,
                "seconds": round(seconds, 2),
                "rows_per_s": round(rows / seconds),
                "loader_rows": wrote,
            }
    directory.rmdir()
    plain_seconds = sum(t["loader_rows"] / t["rows_per_s"] for t in tables.values())
    loader_rows = sum(t["loader_rows"] for t in tables.values())
    plain_rate = loader_rows / plain_seconds
    print(
        json.dumps(
            {
                "tables": tables,
                "plain_rows_per_s": round(plain_rate),
                "plain_seconds_for_loader_rows": round(plain_seconds, 1),
                "loader_rows_per_s": load["rows_per_s"],
                "ratio": round(load["rows_per_s"] / plain_rate, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
