"""PostgreSQL 15 clusters for the drills, from Debian's binaries, in the production shape
(fsync, synchronous_commit and full_page_writes at their defaults). As root the server runs as
the ``postgres`` user (PostgreSQL refuses root), as scripts/pg_throwaway.sh does."""

from __future__ import annotations

import base64
import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")

# The uploads' encryption key (issue 14 item 10): kept outside the database and outside the
# backup set, as production keeps it; the same for every cluster of one drill, so the files
# restored from the backup open with it. CCHC_FILE_KEYS from the environment wins.
FILE_KEYS = os.environ.get("CCHC_FILE_KEYS") or base64.urlsafe_b64encode(os.urandom(32)).decode()


def log(message: str) -> None:
    print(f"==> {message}", flush=True)


def start_gunicorn(
    work: Path, env: dict, port: int, *, workers: int, extra: tuple[str, ...] = ()
) -> subprocess.Popen:
    """The application under gunicorn on loopback, its log in the work directory."""
    out = open(work / "gunicorn.out", "w")  # noqa: SIM115 — lives as long as the process
    return subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            *extra,
            "--error-logfile",
            str(work / "gunicorn.log"),
        ],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )


def finish(work: Path, gunicorn: subprocess.Popen | None, *clusters: Cluster) -> None:
    """Stop the application and the clusters; remove the work directory unless
    CCHC_DRILL_KEEP=1."""
    if gunicorn is not None:
        gunicorn.terminate()
        try:
            gunicorn.wait(20)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
    for cluster in clusters:
        cluster.stop("immediate")
    if os.environ.get("CCHC_DRILL_KEEP") == "1":
        print(f"Kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


def pg_bin() -> Path:
    if os.environ.get("CCHC_PG_BIN"):
        return Path(os.environ["CCHC_PG_BIN"])
    for candidate in [
        "/usr/lib/postgresql/15/bin",
        *sorted(glob.glob("/usr/lib/postgresql/*/bin")),
    ]:
        if os.access(f"{candidate}/initdb", os.X_OK):
            return Path(candidate)
    raise SystemExit("PostgreSQL server binaries (initdb) not found: apt-get install postgresql")


def as_pg(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.getuid() == 0 else args


def run_pg(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(as_pg(args), check=True, **kwargs)


def own_by_pg(path: Path) -> None:
    if os.getuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """One PostgreSQL server: ``data`` directory, loopback ``port``, socket in ``home``."""

    def __init__(self, home: Path, name: str) -> None:
        self.home = home
        self.name = name
        self.data = home / name
        self.log = home / f"{name}.log"
        self.port = free_port()

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/cchc"

    def conninfo(self, dbname: str = "cchc") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}"

    def initdb(self) -> None:
        run_pg(
            [
                str(pg_bin() / "initdb"),
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            stdout=subprocess.DEVNULL,
        )

    def configure(self, settings: dict[str, str]) -> None:
        lines = [f"{key} = '{value}'" for key, value in settings.items()]
        conf = self.data / "postgresql.auto.conf"
        with open(conf, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")

    def start(self, timeout: int = 300) -> None:
        run_pg(
            [
                str(pg_bin() / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                str(timeout),
                "-o",
                f"-p {self.port} -k {self.home} -c listen_addresses=127.0.0.1",
                "start",
            ],
            stdout=subprocess.DEVNULL,
        )

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            as_pg([str(pg_bin() / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )

    def postmaster_pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def kill9(self) -> None:
        """SIGKILL to the postmaster only, as a crashed host would leave it; the backends it
        leaves behind are stopped too (they would die with the machine)."""
        pid = self.postmaster_pid()
        if pid is None:
            return
        children = subprocess.run(
            ["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        os.kill(pid, signal.SIGKILL)
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(child), signal.SIGKILL)

    def query(self, sql: str, params: tuple = (), dbname: str = "cchc"):
        with psycopg.connect(self.conninfo(dbname), autocommit=True) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def wait_until(self, sql: str, seconds: float = 120, dbname: str = "cchc") -> None:
        deadline = time.monotonic() + seconds
        last = None
        while time.monotonic() < deadline:
            try:
                if self.query(sql, dbname=dbname)[0][0]:
                    return
            except psycopg.Error as exc:
                last = exc
            time.sleep(0.2)
        raise SystemExit(f"{self.name}: `{sql}` not true after {seconds}s ({last}); see {self.log}")


def table_counts(cluster: Cluster) -> dict[str, int]:
    """Rows per table of the application's schema, read in one snapshot."""
    with psycopg.connect(cluster.conninfo(), autocommit=False) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        counts = {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
        }
        conn.rollback()
    return counts


def app_env(database_url: str, media_root: Path, extra: dict[str, str] | None = None) -> dict:
    """The application's environment in the production shape (DEBUG off), as
    scripts/serve_prod.sh sets it, without nginx, Redis or e-mail."""
    env = dict(os.environ)
    env.pop("PYTEST_VERSION", None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        CCHC_DEBUG="false",
        CCHC_SECRET_KEY=os.environ.get("CCHC_SECRET_KEY", "drill-" + "x" * 60),
        CCHC_ALLOWED_HOSTS="127.0.0.1,localhost",
        CCHC_DATABASE_URL=database_url,
        CCHC_HTTPS="false",
        CCHC_PUBLIC_URL="http://127.0.0.1",
        CCHC_MEDIA_ROOT=str(media_root),
        # Mail leaves through the outbox job, which the drills do not run: nothing is sent.
        CCHC_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        CCHC_EMAIL_HOST="127.0.0.1",
        CCHC_EMAIL_PORT="25",
        CCHC_SMS_BACKEND="cchc.core.sms.ConsoleSmsBackend",
        CCHC_PAYMENT_GATEWAY="sandbox",
        CCHC_PAYMENT_SECRET="drill-payment-" + "y" * 40,
        CCHC_SILENCED_SYSTEM_CHECKS="core.E002,dossiers.E001",
        CCHC_STATIC_MANIFEST="false",
        CCHC_FILE_KEYS=FILE_KEYS,
        CCHC_SECURITY_LOG_DIR=str(Path(media_root).parent / "security-log"),
    )
    env.update(extra or {})
    return env


def manage(env: dict, *args: str, capture: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )


def appside(env: dict, *args: str) -> str:
    return subprocess.run(
        [PY, str(ROOT / "scripts" / "drills" / "appside.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
