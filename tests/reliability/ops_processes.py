"""Real processes for the ops fault tests: a PostgreSQL cluster of their own that they stop
and start, redis-server started and killed, gunicorn serving the application, and sockets
that refuse or stall. Every one is stopped by its context manager, whatever the test did."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_binary(name: str, *fallbacks: str) -> str:
    found = shutil.which(name) or next((f for f in fallbacks if os.path.exists(f)), None)
    if found is None:
        message = f"{name} is not installed (make system-deps)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _pg_bin() -> Path:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "pg_ctl").exists():
            return candidate
    require_binary("pg_ctl")
    return Path(shutil.which("pg_ctl")).parent


@dataclass
class PgCluster:
    """A throwaway cluster (scripts/pg_throwaway.sh) that the test may stop and start."""

    directory: Path
    url: str
    port: int

    def _pg_ctl(self, *args: str) -> None:
        command = [str(_pg_bin() / "pg_ctl"), "-D", str(self.directory / "data"), *args]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=STARTUP_SECONDS)

    def stop(self) -> None:
        self._pg_ctl("-m", "immediate", "-w", "stop")

    def _postmaster(self) -> int:
        return int((self.directory / "data" / "postmaster.pid").read_text().split()[0])

    def pause(self) -> None:
        """SIGSTOP the postmaster: the kernel still accepts connections, nobody answers."""
        os.kill(self._postmaster(), signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self._postmaster(), signal.SIGCONT)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.directory / "server.log")
        self._pg_ctl("-l", log, "-w", "-t", "60", "-o", options, "start")


@contextmanager
def pg_cluster() -> Iterator[PgCluster]:
    initdbs = [str(p / "initdb") for p in Path("/usr/lib/postgresql").glob("*/bin")]
    require_binary("initdb", *initdbs)
    directory = Path(tempfile.mkdtemp(prefix="cchc-ops-pg-"))
    script = ROOT / "scripts" / "pg_throwaway.sh"
    try:
        url = subprocess.run(
            [str(script), "start", str(directory)],
            check=True,
            capture_output=True,
            text=True,
            timeout=STARTUP_SECONDS,
        ).stdout.strip()
        port = int((directory / "port").read_text())
        # The application's database is "postgres" (it exists): these tests need a server,
        # not a schema.
        yield PgCluster(directory, url.rsplit("/", 1)[0] + "/postgres", port)
    finally:
        subprocess.run([str(script), "stop", str(directory)], capture_output=True, timeout=60)
        shutil.rmtree(directory, ignore_errors=True)


@dataclass
class RedisServer:
    port: int
    process: subprocess.Popen | None = None
    directory: Path | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = require_binary("redis-server", "/usr/bin/redis-server")
        assert self.directory is not None
        self.process = subprocess.Popen(
            [
                binary,
                *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    directory = Path(tempfile.mkdtemp(prefix="cchc-ops-redis-"))
    server = RedisServer(port=free_port(), directory=directory)
    try:
        server.start()
        yield server
    finally:
        server.kill()
        shutil.rmtree(server.directory, ignore_errors=True)


@dataclass
class WebServer:
    port: int
    process: subprocess.Popen

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


def production_environment(**overrides: str) -> dict[str, str]:
    """The environment of a production process (not a test one: no PYTEST_VERSION)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CCHC_", "PYTEST"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "CCHC_DEBUG": "false",
            "CCHC_SECRET_KEY": secrets.token_urlsafe(50),
            "CCHC_HTTPS": "false",
            "CCHC_ALLOWED_HOSTS": "127.0.0.1",
            "CCHC_STATIC_MANIFEST": "false",
            "CCHC_MEDIA_ROOT": tempfile.gettempdir(),
        }
    )
    env.update(overrides)
    return env


@contextmanager
def gunicorn(env: dict[str, str]) -> Iterator[WebServer]:
    """gunicorn with one worker serving config.wsgi on a free loopback port."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="cchc-ops-gunicorn-", suffix=".log")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            *("--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "60"),
            *("--graceful-timeout", "2"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = WebServer(port, process)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                if server.get("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                text = Path(log.name).read_text(errors="replace")[-2000:]
                raise RuntimeError(f"gunicorn did not start: {text}")
            time.sleep(0.1)
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        log.close()


@contextmanager
def silent_server() -> Iterator[int]:
    """A TCP server that accepts connections and never answers: a hung service."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stopping = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stopping.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stopping.set()
        thread.join(timeout=5)
        for sock in held:
            sock.close()
        listener.close()
