"""`make failover-drill`: a primary and a synchronous streaming standby, the application writing
through gunicorn; the primary is killed, the standby promoted, and what was lost is counted.

1. A PostgreSQL 15 primary (production shape) and a standby made with pg_basebackup -R,
   streaming; the primary waits for the standby to flush each commit
   (synchronous_standby_names, synchronous_commit=on).
2. The router's lag check on the real standby: with replay paused and a write on the
   primary, replica_lag() reports the lag and the replica unusable past
   CCHC_REPLICA_MAX_LAG_SECONDS; replay resumed, usable again.
3. The application (gunicorn, 2 workers) on a DSN that lists both servers with
   target_session_attrs=read-write, so it follows the writable one without a restart; it also
   reads its dashboards from the standby (CCHC_REPLICA_DATABASE_URL).
4. Writers post dossiers (POST /api/v1/dossiers, bearer token) continuously and record each
   acknowledged one (201 and its code). The primary gets SIGKILL; the standby is promoted
   (pg_ctl promote); writes go on until they succeed again.
5. Counted: acknowledged writes missing on the promoted server (must be 0), the time without
   service (first failed write to the first that succeeded after it), the standby's replay lag
   seen during the load; stats_rebuild --check on the promoted server.

Exit status 0 when no acknowledged write was lost and the counters check.
CCHC_DRILL_KEEP=1 keeps the working directory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "drills"))

from pg import (
    PY,
    ROOT,
    Cluster,
    app_env,
    appside,
    as_pg,
    finish,
    free_port,
    log,
    manage,
    own_by_pg,
    pg_bin,
    start_gunicorn,
)

WRITERS = 2
BEFORE_KILL_SECONDS = 8
AFTER_RECOVERY_SECONDS = 4


class Writers:
    """Threads posting dossiers; every answer is recorded with its time."""

    def __init__(self, base_url: str, token: str, procedure_code: str) -> None:
        self.url = f"{base_url}/api/v1/dossiers"
        self.token = token
        self.procedure_code = procedure_code
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.acked: list[tuple[float, str]] = []
        self.failed: list[tuple[float, str]] = []
        self.threads = [
            threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(WRITERS)
        ]

    def _post(self, number: str) -> tuple[int, dict]:
        body = json.dumps(
            {
                "procedure_code": self.procedure_code,
                "applicant": {"full_name": f"Người nộp {number}", "phone": "0987654321"},
                "documents": [{"name": "Đơn đề nghị", "original": True, "copies": 1}],
            }
        ).encode()
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            return exc.code, {}
        except OSError as exc:
            return 0, {"error": type(exc).__name__}

    def _run(self, writer: int) -> None:
        number = 0
        while not self.stop.is_set():
            number += 1
            status, answer = self._post(f"{writer}-{number}")
            now = time.monotonic()
            with self.lock:
                if status == 201 and answer.get("code"):
                    self.acked.append((now, answer["code"]))
                else:
                    self.failed.append((now, str(status)))
            if status != 201:
                time.sleep(0.05)

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def join(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(30)


def main() -> int:
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="cchc-failover-drill."))
    os.chmod(work, 0o755)
    own_by_pg(work)
    media = work / "media"
    media.mkdir()
    primary = Cluster(work, "primary")
    standby = Cluster(work, "standby")
    gunicorn = None
    ok = True
    try:
        log(f"Primary and synchronous standby ({work})")
        primary.initdb()
        primary.configure(
            {
                "wal_level": "replica",
                "max_wal_senders": "5",
                "synchronous_commit": "on",
                "hot_standby": "on",
            }
        )
        primary.start()
        primary.query("CREATE DATABASE cchc", dbname="postgres")
        env = app_env(primary.url, media)
        # The standby does not exist yet: the application is loaded before it is attached, and
        # synchronous_standby_names is set once it streams (a commit would wait for it).
        log("Application: migrate, seed_demo --allow-production, an API token")
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo", "--allow-production", capture=True)
        credentials = json.loads(appside(env, "token"))

        log("Standby: pg_basebackup -R, streaming, synchronous")
        subprocess.run(
            as_pg(
                [
                    str(pg_bin() / "pg_basebackup"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(primary.port),
                    "-U",
                    "postgres",
                    "-D",
                    str(standby.data),
                    "-R",
                    "-X",
                    "stream",
                    "--checkpoint=fast",
                ]
            ),
            check=True,
        )
        standby.configure(
            {
                "primary_conninfo": (
                    f"host=127.0.0.1 port={primary.port} user=postgres application_name=standby1"
                ),
                # Promoted, it has no standby of its own until a new one is attached.
                "synchronous_standby_names": "",
            }
        )
        standby.start()
        primary.query(
            "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (standby1)'", dbname="postgres"
        )
        primary.query("SELECT pg_reload_conf()", dbname="postgres")
        primary.wait_until(
            "SELECT count(*) = 1 FROM pg_stat_replication WHERE application_name = 'standby1' "
            "AND sync_state = 'sync' AND state = 'streaming'",
            dbname="postgres",
        )
        print("  ok    standby1 streaming, sync_state = sync")

        log("The router's lag check on the real standby (replay paused, then resumed)")
        lag_env = dict(env, CCHC_REPLICA_DATABASE_URL=standby.url, CCHC_REPLICA_MAX_LAG_SECONDS="2")
        probe = (
            "import django, json; django.setup(); from cchc.core.db import replica_lag; "
            "print(json.dumps(replica_lag(fresh=True).as_dict()))"
        )

        def lag_state() -> dict:
            out = subprocess.run(
                [PY, "-c", probe],
                cwd=ROOT,
                env=lag_env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            return json.loads(out.strip().splitlines()[-1])

        def paused_state(tag: str) -> dict:
            """The check's answer with replay paused and one write on the primary 4 s ago."""
            standby.query("SELECT pg_wal_replay_pause()")
            appside(env, "intake", "1", tag)
            time.sleep(4)
            state = lag_state()
            standby.query("SELECT pg_wal_replay_resume()")
            standby.wait_until(
                "SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()", seconds=60
            )
            return state

        def shown(lag: float | None) -> str:
            return "unknown" if lag is None else f"{lag:.1f} s"

        # Nothing replayed since the standby started: behind, by how much is unknown (no
        # replay timestamp yet) — it must not be read from.
        fresh = paused_state("lag-probe-fresh")
        # Once a transaction has been replayed the lag is measured from its commit time.
        paused = paused_state("lag-probe")
        resumed = lag_state()
        lag_ok = (
            fresh["reachable"]
            and not fresh["usable"]
            and fresh["lag_seconds"] is None
            and paused["reachable"]
            and not paused["usable"]
            and (paused["lag_seconds"] or 0) > 2
            and resumed["usable"]
            and resumed["lag_seconds"] is not None
            and resumed["lag_seconds"] <= 2
        )
        print(
            f"  {'ok  ' if lag_ok else 'FAIL'}  replay paused on a fresh standby: lag "
            f"{shown(fresh['lag_seconds'])}, usable={fresh['usable']}; paused after a replay: "
            f"lag {shown(paused['lag_seconds'])}, usable={paused['usable']}; resumed: lag "
            f"{shown(resumed['lag_seconds'])}, usable={resumed['usable']}"
        )
        ok &= lag_ok

        log("gunicorn (2 workers) on a DSN listing both servers, target_session_attrs=read-write")
        dsn = (
            f"postgres://postgres@/cchc?host=127.0.0.1,127.0.0.1&port={primary.port},"
            f"{standby.port}&target_session_attrs=read-write&connect_timeout=2"
        )
        app_port = free_port()
        genv = app_env(dsn, media, {"CCHC_REPLICA_DATABASE_URL": standby.url})
        gunicorn = start_gunicorn(work, genv, app_port, workers=2, extra=("--timeout", "60"))
        base_url = f"http://127.0.0.1:{app_port}"
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"{base_url}/healthz", timeout=5):
                    break
            except OSError:
                time.sleep(0.2)

        writers = Writers(base_url, credentials["token"], credentials["procedure_code"])
        writers.start()
        max_replay_lag = 0.0
        deadline = time.monotonic() + BEFORE_KILL_SECONDS
        while time.monotonic() < deadline:
            rows = primary.query(
                "SELECT COALESCE(EXTRACT(EPOCH FROM replay_lag), 0)::float8 "
                "FROM pg_stat_replication WHERE application_name = 'standby1'",
                dbname="postgres",
            )
            if rows:
                max_replay_lag = max(max_replay_lag, rows[0][0])
            time.sleep(0.5)
        acked_before = len(writers.acked)
        if acked_before == 0:
            print(f"  FAIL  no write acknowledged before the kill ({writers.failed[:3]})")
            return 1

        log(f"SIGKILL to the primary's postmaster after {acked_before} acknowledged writes")
        killed_at = time.monotonic()
        primary.kill9()
        subprocess.run(
            as_pg([str(pg_bin() / "pg_ctl"), "-D", str(standby.data), "-w", "promote"]),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        promoted_at = time.monotonic()
        log(f"Standby promoted ({promoted_at - killed_at:.2f} s after the kill)")
        recovered_at = None
        while time.monotonic() - promoted_at < 120:
            with writers.lock:
                late = [t for t, _code in writers.acked if t > promoted_at]
            if late:
                recovered_at = late[0]
                if time.monotonic() - recovered_at > AFTER_RECOVERY_SECONDS:
                    break
            time.sleep(0.2)
        writers.join()

        acked_codes = [code for _t, code in writers.acked]
        present = {
            row[0]
            for row in standby.query(
                "SELECT code FROM dossiers_dossier WHERE code = ANY(%s)", (acked_codes,)
            )
        }
        lost = [code for code in acked_codes if code not in present]
        failures_after_kill = sorted(t for t, _s in writers.failed if t >= killed_at - 1)
        first_failed = failures_after_kill[0] if failures_after_kill else None
        first_ok_after = min(
            (t for t, _c in writers.acked if first_failed and t > first_failed), default=None
        )
        downtime = (
            first_ok_after - first_failed if first_failed and first_ok_after else float("nan")
        )
        check = subprocess.run(
            [PY, "manage.py", "stats_rebuild", "--check"],
            cwd=ROOT,
            env=app_env(standby.url, media),
            capture_output=True,
            text=True,
        )
        counters_ok = check.returncode == 0
        if lost:
            print(f"  FAIL  acknowledged writes lost: {lost[:10]}")
            ok = False
        if recovered_at is None:
            print("  FAIL  no write succeeded after the promotion")
            ok = False
        if not counters_ok:
            print(f"  FAIL  stats_rebuild --check: {check.stdout}{check.stderr}")
            ok = False

        print()
        print("Failover drill —", datetime.now().astimezone().isoformat(timespec="seconds"))
        print(
            "  replication                                synchronous (FIRST 1, "
            "synchronous_commit=on)"
        )
        print(
            f"  writes acknowledged (201)                  {len(acked_codes)} "
            f"({acked_before} before the kill)"
        )
        print(f"  acknowledged writes lost                   {len(lost)}")
        print(f"  failed write attempts during the failover  {len(failures_after_kill)}")
        print(f"  kill → standby promoted                    {promoted_at - killed_at:6.2f} s")
        print(f"  time without service (first failed write  {downtime:6.2f} s")
        print("    → first acknowledged write after it)")
        print(f"  standby replay lag seen under load (max)   {max_replay_lag * 1000:6.1f} ms")
        print(
            f"  stats_rebuild --check on the new primary   "
            f"{'no difference' if counters_ok else 'DIFFERENCES'}"
        )
        print(f"  load average                               {os.getloadavg()[0]:.2f}")
        print(f"  total drill time                           {time.monotonic() - started:6.1f} s")
        print(f"  result                                     {'PASS' if ok else 'FAIL'}")
        return 0 if ok else 1
    finally:
        finish(work, gunicorn, primary, standby)


if __name__ == "__main__":
    sys.exit(main())
