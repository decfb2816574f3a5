"""Crash consistency (issue 14, items 1 and 2): a real gunicorn on a real database, driven over
HTTP by a few client threads — counter intake (API), online applications with uploaded files
(portal form: session, CSRF, multipart), officers' actions (API), online payments and the
gateway's signed callbacks — while the web worker, the whole gunicorn, or PostgreSQL's
postmaster is killed with SIGKILL at random moments. After every restart the database and the
upload volume are checked against what the clients were told:

* every acknowledged request (2xx, or the form's 302 to its success page) is present and whole:
  the dossier and its code, its steps and events, its files (read back through Django's storage,
  checksum equal to the bytes sent), the payment and its "pay" event;
* nothing is half-written: every dossier has its events, every received dossier its steps,
  every file row its file, every paid payment its event; dossier codes have no duplicates and
  no gaps; the summary counters equal their recount (``stats_rebuild --check``);
* a request that got no answer left either a whole dossier or nothing.

Run as a script for more cycles (it creates and migrates its own SQLite file unless given
``--database-url``)::

    python -m tests.reliability.crash_app --cycles 100
    python -m tests.reliability.crash_app --cycles 100 --own-postgres
    python -m tests.reliability.crash_app --cycles 100 --database-url postgres://…/crash
    python -m tests.reliability.crash_app --cycles 10 --kill postmaster   # own durable cluster

The figures are printed as one JSON line at the end (``--json FILE`` writes them too).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_THROWAWAY = ROOT / "scripts" / "pg_throwaway.sh"

SECRET_KEY = "crash-harness-secret-key-not-for-production-0123456789abcdef"
PAYMENT_SECRET = "crash-harness-payment-secret-0123456789"
# The production checks refuse the console e-mail/SMS backends and the sandbox gateway: the
# harness needs exactly those (no real mail, the sandbox's signed callback).
SILENCED = "core.E001,core.E002,dossiers.E001"
BUILDING_PERMIT = "1.009794"  # tests.world: building permit, 75.000 đ fee, online in full
CONSTRUCTION = "000.00.05.H98"
PDF_HEAD = b"%PDF-1.4\n"

APPLY_URL = f"/dich-vu-cong/ho-so/nop/{BUILDING_PERMIT}/"
LOGIN_URL = "/dich-vu-cong/tai-khoan/dang-nhap/"
CALLBACK_URL = "/dich-vu-cong/thanh-toan/thong-bao-ket-qua/"
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_MY_DOSSIER = re.compile(r"/dich-vu-cong/ho-so/([0-9a-f-]{36})/$")
_PAYMENT_ID = re.compile(r"[?&]payment_id=([0-9a-f-]{36})")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# A file key as `manage.py files_keygen` prints it (32 random bytes, URL-safe base64).
FILE_KEY = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def server_env(database_url: str, media_root: str) -> dict[str, str]:
    """The environment of gunicorn and of this process: production settings (DEBUG off) on the
    given database and upload volume, plain HTTP on loopback."""
    env = {
        k: v for k, v in os.environ.items() if k != "PYTEST_VERSION" and k != "PYTEST_XDIST_WORKER"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        CCHC_DATABASE_URL=database_url,
        CCHC_MEDIA_ROOT=media_root,
        CCHC_DEBUG="false",
        CCHC_HTTPS="false",
        CCHC_STATIC_MANIFEST="false",
        CCHC_SECRET_KEY=SECRET_KEY,
        CCHC_PAYMENT_SECRET=PAYMENT_SECRET,
        CCHC_PAYMENT_GATEWAY="sandbox",
        CCHC_SILENCED_SYSTEM_CHECKS=SILENCED,
        CCHC_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        CCHC_REDIS_URL="",
        CCHC_LOGIN_FAILURE_LIMIT="1000",
        CCHC_LOGIN_ADDRESS_FAILURE_LIMIT="1000",
        # Production refuses to store files without an encryption key (core.E010): one key
        # per harness run, handed to gunicorn and to the checks alike.
        CCHC_FILE_KEYS=FILE_KEY,
        CCHC_SECURITY_LOG_DIR=os.path.join(os.path.dirname(media_root), "security-log"),
    )
    return env


def setup_django(database_url: str, media_root: str) -> None:
    os.environ.update(server_env(database_url, media_root))
    os.environ.pop("PYTEST_VERSION", None)
    import django

    django.setup()


# --- What the clients were told -------------------------------------------------------------


@dataclass
class Ledger:
    """Every request sent and what came back. ``acked`` holds what the server promised."""

    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    sent: int = 0
    acknowledged: int = 0
    refused: int = 0  # an answer that is not a success (e.g. 500 while the database was down)
    unanswered: int = 0  # the connection broke: the worker died mid-request
    intakes: dict[str, str] = field(default_factory=dict)  # marker → code
    applications: dict[str, tuple[str, str]] = field(default_factory=dict)  # marker → (id, sha)
    actions: set[tuple[str, str]] = field(default_factory=set)  # (public id, event action)
    payments_started: set[str] = field(default_factory=set)  # payment public id
    payments_paid: set[str] = field(default_factory=set)
    unacked_markers: set[str] = field(default_factory=set)

    def count(self, outcome: str) -> None:
        with self.lock:
            self.sent += 1
            if outcome == "ack":
                self.acknowledged += 1
            elif outcome == "refused":
                self.refused += 1
            else:
                self.unanswered += 1


class NoAnswer(Exception):
    """The request got no acknowledgement; the pipeline of this dossier stops here."""


# --- The clients ----------------------------------------------------------------------------


@dataclass
class Credentials:
    citizen: tuple[str, str]
    tokens: dict[str, str]  # role → raw API token


def sign_in(session: requests.Session, base: str, username: str, password: str) -> None:
    """Sign in through the portal's login form (the one place that knows how: a second factor
    or an idle timeout added later changes only this function)."""
    page = session.get(base + LOGIN_URL, timeout=10)
    token = _CSRF.search(page.text)
    if page.status_code != 200 or token is None:
        raise NoAnswer(f"login page {page.status_code}")
    answer = session.post(
        base + LOGIN_URL,
        data={"csrfmiddlewaretoken": token.group(1), "username": username, "password": password},
        headers={"Referer": base + LOGIN_URL},
        allow_redirects=False,
        timeout=10,
    )
    if answer.status_code != 302:
        raise NoAnswer(f"login {answer.status_code}")


class Client:
    """One client thread's view: a citizen's browser session and the officers' API tokens."""

    def __init__(self, base: str, credentials: Credentials, ledger: Ledger, rng: random.Random):
        self.base = base
        self.credentials = credentials
        self.ledger = ledger
        self.rng = rng
        self.browser: requests.Session | None = None
        self.api = requests.Session()

    # Each call sends one request and records its fate.
    def _send(self, method: str, path: str, *, ok: tuple[int, ...], **kwargs) -> requests.Response:
        try:
            answer = self.api.request if kwargs.pop("api", False) else self._browser().request
            response = answer(method, self.base + path, timeout=15, allow_redirects=False, **kwargs)
        except requests.RequestException as exc:
            self.ledger.count("unanswered")
            raise NoAnswer(str(exc)) from exc
        if response.status_code not in ok:
            self.ledger.count("refused")
            raise NoAnswer(f"{method} {path}: {response.status_code}")
        self.ledger.count("ack")
        return response

    def _browser(self) -> requests.Session:
        if self.browser is None:
            session = requests.Session()
            user, password = self.credentials.citizen
            try:
                sign_in(session, self.base, user, password)
            except requests.RequestException as exc:
                raise NoAnswer(str(exc)) from exc
            self.browser = session
        return self.browser

    def _csrf(self, path: str) -> str:
        page = self._send("GET", path, ok=(200,))
        match = _CSRF.search(page.text)
        if match is None:
            raise NoAnswer("no CSRF token")
        return match.group(1)

    def _token(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials.tokens[role]}"}

    def intake(self) -> None:
        """The counter receives a paper dossier through the API."""
        marker = f"Quầy {uuid.uuid4().hex[:12]}"
        body = {
            "procedure_code": BUILDING_PERMIT,
            "applicant": {"full_name": marker, "phone": "0912345678", "address": "Số 1 Lê Lợi"},
            "documents": [{"name": "Đơn đề nghị cấp giấy phép xây dựng"}],
        }
        with self.ledger.lock:
            self.ledger.unacked_markers.add(marker)
        response = self._send(
            "POST",
            "/api/v1/dossiers",
            ok=(201,),
            api=True,
            json=body,
            headers=self._token("counter"),
        )
        with self.ledger.lock:
            self.ledger.intakes[marker] = response.json()["code"]
            self.ledger.unacked_markers.discard(marker)

    def apply_online(self) -> str:
        """The citizen files online with one PDF (multipart) and submits; the public id."""
        marker = f"Trực tuyến {uuid.uuid4().hex[:12]}"
        content = PDF_HEAD + self.rng.randbytes(self.rng.randint(2_000, 60_000))
        data = {
            "csrfmiddlewaretoken": self._csrf(APPLY_URL),
            "applicant_kind": "person",
            "applicant_name": marker,
            "applicant_id_number": "001203004567",
            "applicant_phone": "0912345678",
            "applicant_email": "dan@example.vn",
            "applicant_address": "Số 1 đường Lê Lợi, phường Tân An",
            "receiving_agency": CONSTRUCTION,
            "channel": "online",
            "return_method": "in_person",
            "delivery_address": "",
            "action": "submit",
        }
        with self.ledger.lock:
            self.ledger.unacked_markers.add(marker)
        response = self._send(
            "POST",
            APPLY_URL,
            ok=(302,),
            data=data,
            files={"doc_0": ("don-de-nghi.pdf", content, "application/pdf")},
            headers={"Referer": self.base + APPLY_URL},
        )
        match = _MY_DOSSIER.search(response.headers.get("Location", ""))
        if match is None:  # saved as a draft (a refusal on submit): not what was asked
            raise NoAnswer(f"apply went to {response.headers.get('Location')}")
        public_id = match.group(1)
        with self.ledger.lock:
            self.ledger.applications[marker] = (public_id, hashlib.sha256(content).hexdigest())
            self.ledger.unacked_markers.discard(marker)
        return public_id

    def act(self, public_id: str, role: str, body: dict, event: str) -> None:
        self._send(
            "POST",
            f"/api/v1/dossiers/{public_id}/actions",
            ok=(200,),
            api=True,
            json=body,
            headers=self._token(role),
        )
        with self.ledger.lock:
            self.ledger.actions.add((public_id, event))

    def pay(self, public_id: str) -> None:
        """The citizen starts an online payment; the gateway calls back, signed."""
        path = f"/dich-vu-cong/thanh-toan/ho-so/{public_id}/"
        token = self._csrf(path)
        response = self._send(
            "POST",
            path,
            ok=(302,),
            data={"csrfmiddlewaretoken": token},
            headers={"Referer": self.base + path},
        )
        match = _PAYMENT_ID.search(response.headers.get("Location", ""))
        if match is None:
            raise NoAnswer("no payment id")
        payment_id = match.group(1)
        amount = re.search(r"[?&]amount=(\d+)", response.headers["Location"]).group(1)
        with self.ledger.lock:
            self.ledger.payments_started.add(payment_id)
        from cchc.dossiers.payments.gateway import signed

        fields = signed(
            {
                "payment_id": payment_id,
                "provider_ref": f"SBX{uuid.uuid4().hex[:14]}",
                "amount": amount,
                "status": "paid",
                "message": "Giao dịch thành công.",
                "timestamp": int(time.time()),
            }
        )
        self._send("POST", CALLBACK_URL, ok=(200,), api=True, data=fields)
        with self.ledger.lock:
            self.ledger.payments_paid.add(payment_id)

    def one_round(self) -> None:
        """A counter intake, then an online dossier through its whole life."""
        self.intake()
        public_id = self.apply_online()
        self.act(public_id, "counter", {"action": "receive"}, "receive")
        self.act(public_id, "specialist", {"action": "forward"}, "forward")
        number = f"{self.rng.randint(1, 99999)}/GPXD"
        self.act(public_id, "leader", {"action": "approve", "result_number": number}, "approve")
        self.pay(public_id)

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self.one_round()
            except NoAnswer:
                if self.browser is not None and self.rng.random() < 0.2:
                    self.browser = None  # sometimes start a new session
                time.sleep(0.1)  # as people do, not a tight loop


# --- Processes ------------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class Gunicorn:
    """A real gunicorn (config.wsgi), as production runs it (scripts/serve_prod.sh), in its own
    process group; ``--preload`` so that a killed worker is replaced by a fork in milliseconds
    instead of a fresh import of Django (on a busy 2-core machine that is seconds per cycle)."""

    def __init__(self, env: dict[str, str], workers: int, log: Path) -> None:
        self.env = env
        self.workers = workers
        self.log = log
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "config.wsgi:application",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "30",
                "--graceful-timeout",
                "2",
                "--error-logfile",
                str(self.log),
                "--preload",
                "-c",
                "python:tests.reliability.crash_gunicorn",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: see {self.log}")
            try:
                answered = requests.get(self.base + "/healthz", timeout=2).status_code == 200
                if answered and len(children(self.process.pid)) >= self.workers:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"gunicorn did not answer in {timeout} s: see {self.log}")

    def kill_worker(self, rng: random.Random) -> bool:
        deadline = time.monotonic() + 10  # a worker killed last cycle is being replaced
        workers = children(self.process.pid)
        while not workers and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = children(self.process.pid)
        if not workers:
            return False
        os.kill(rng.choice(workers), signal.SIGKILL)
        return True

    def kill_all(self) -> None:
        """SIGKILL the master and its workers at once (the machine or container died)."""
        if self.process is None:
            return
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        self.kill_all()


class Postgres:
    """A durable throwaway cluster (scripts/pg_throwaway.sh with CCHC_PG_DURABLE=1: fsync,
    synchronous_commit and full_page_writes at their defaults) whose postmaster is killed."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.url = ""

    def start(self) -> str:
        env = {**os.environ, "CCHC_PG_DURABLE": "1"}
        self.url = subprocess.run(
            [str(PG_THROWAWAY), "start", str(self.dir)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        import psycopg

        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute("CREATE DATABASE cchc")
        return self.url

    def postmaster(self) -> int:
        return int((self.dir / "data" / "postmaster.pid").read_text().split()[0])

    def kill(self, whole_tree: bool) -> None:
        """SIGKILL the postmaster (and, with ``whole_tree``, every backend with it); wait until
        every process of the cluster is gone."""
        pid = self.postmaster()
        backends = children(pid)
        os.kill(pid, signal.SIGKILL)
        if whole_tree:
            for child in backends:
                with suppress(ProcessLookupError):
                    os.kill(child, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while any(alive(p) for p in (pid, *backends)) and time.monotonic() < deadline:
            time.sleep(0.05)

    def restart(self) -> None:
        """Start the killed cluster again on its port (crash recovery replays the WAL)."""
        pgbin = next(
            p for p in sorted(Path("/usr/lib/postgresql").glob("*/bin")) if (p / "pg_ctl").exists()
        )
        port = (self.dir / "port").read_text().strip()
        command = [
            str(pgbin / "pg_ctl"),
            "-D",
            str(self.dir / "data"),
            "-l",
            str(self.dir / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=300",
            "start",
        ]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        for _attempt in range(50):
            if subprocess.run(command, capture_output=True).returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError(f"PostgreSQL did not restart: see {self.dir / 'server.log'}")

    def stop(self) -> None:
        subprocess.run([str(PG_THROWAWAY), "stop", str(self.dir)], capture_output=True)


# --- Setting up the database ----------------------------------------------------------------


def prepare_database() -> Credentials:
    """Migrate (once) and build the small province of the tests; API tokens for the officers."""
    from django.core.management import call_command

    from cchc.org.models import ApiToken
    from tests.factories import PASSWORD
    from tests.world import ensure_world

    call_command("migrate", verbosity=0)
    world = ensure_world()
    tokens = {}
    for role, user in (
        ("counter", world.counter_officer),
        ("specialist", world.specialist),
        ("leader", world.leader),
    ):
        tokens[role] = ApiToken.issue(user, "crash harness")[1]
    return Credentials(citizen=(world.citizen.username, PASSWORD), tokens=tokens)


# --- The checks -----------------------------------------------------------------------------


@dataclass
class Findings:
    lost: list[str] = field(default_factory=list)  # acknowledged but missing or not whole
    half_written: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    counter_differences: int = 0
    unacked_whole: int = 0
    unacked_absent: int = 0
    orphan_files: int = 0  # written, then the worker died before the row: swept later

    def clean(self) -> bool:
        return not (self.lost or self.half_written or self.duplicates or self.counter_differences)


def file_sha256(name: str) -> str | None:
    """The checksum of a stored file read back through Django's storage (so that it holds
    whatever the storage does at rest), ``None`` when it cannot be read."""
    from django.core.files.storage import default_storage

    digest = hashlib.sha256()
    try:
        with default_storage.open(name, "rb") as handle:
            for chunk in iter(lambda: handle.read(65536), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def check(ledger: Ledger, *, reconnect: bool = True) -> Findings:
    """Compare the database and the upload volume with what the clients were told."""
    from django.conf import settings
    from django.db import close_old_connections, connections
    from django.db.models import Count, Q

    from cchc.dossiers.counters import counters_check
    from cchc.dossiers.models import (
        Dossier,
        DossierDocument,
        DossierEvent,
        DossierSequence,
        Payment,
    )
    from cchc.feedback.services import feedback_check
    from cchc.satisfaction.services import satisfaction_check

    if reconnect:  # after a database restart, never reuse a dead connection
        close_old_connections()
        for connection in connections.all():
            connection.close()
    found = Findings()
    with ledger.lock:
        intakes = dict(ledger.intakes)
        applications = dict(ledger.applications)
        actions = set(ledger.actions)
        started = set(ledger.payments_started)
        paid = set(ledger.payments_paid)
        unacked = set(ledger.unacked_markers)

    # Acknowledged requests: present and whole.
    by_name = {
        name: (pk, code)
        for name, pk, code in Dossier.objects.filter(
            applicant_name__in=[*intakes, *applications, *unacked]
        ).values_list("applicant_name", "pk", "code")
    }
    for marker, code in intakes.items():
        if by_name.get(marker, (None, None))[1] != code:
            found.lost.append(f"intake {marker} ({code})")
    ids = {str(pid): pk for pid, pk in Dossier.objects.values_list("public_id", "pk")}
    documents: dict[int, list[tuple[str, str]]] = {}
    for dossier_id, name, sha in DossierDocument.objects.exclude(file="").values_list(
        "dossier_id", "file", "sha256"
    ):
        documents.setdefault(dossier_id, []).append((name, sha))
    for marker, (public_id, sha) in applications.items():
        pk = ids.get(public_id)
        files = documents.get(pk, [])
        if pk is None or not any(s == sha and file_sha256(n) == sha for n, s in files):
            found.lost.append(f"application {marker} ({public_id})")
    events = set(DossierEvent.objects.values_list("dossier__public_id", "action"))
    events = {(str(p), a) for p, a in events}
    for public_id, action in actions:
        if (public_id, action) not in events:
            found.lost.append(f"action {action} on {public_id}")
    payments = {
        str(p): (state, str(d))
        for p, state, d in Payment.objects.values_list("public_id", "state", "dossier__public_id")
    }
    for payment_id in started:
        if payment_id not in payments:
            found.lost.append(f"payment {payment_id}")
    for payment_id in paid:
        state, public_id = payments.get(payment_id, (None, ""))
        if state != Payment.State.PAID or (public_id, "pay") not in events:
            found.lost.append(f"paid payment {payment_id}")

    # Nothing half-written, anywhere.
    dossiers = Dossier.objects.annotate(
        n_events=Count("events", distinct=True), n_steps=Count("steps", distinct=True)
    )
    for public_id, status, code in dossiers.filter(n_events=0).values_list(
        "public_id", "status", "code"
    ):
        found.half_written.append(f"dossier {code or public_id} ({status}) without events")
    for code in dossiers.filter(code__isnull=False, n_steps=0).values_list("code", flat=True):
        found.half_written.append(f"dossier {code} received without steps")
    for rows in documents.values():
        for name, sha in rows:
            if file_sha256(name) != sha:
                found.half_written.append(f"file row {name} without its file (or altered)")
    for payment_id, (state, public_id) in payments.items():
        if state == Payment.State.PAID and (public_id, "pay") not in events:
            found.half_written.append(f"payment {payment_id} paid without its event")
    duplicate_codes = (
        Dossier.objects.exclude(code__isnull=True)
        .values("code")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    found.duplicates = [f"code {row['code']} ×{row['n']}" for row in duplicate_codes]
    for sequence in DossierSequence.objects.select_related("agency"):
        issued = Dossier.objects.filter(
            Q(code__startswith=f"{sequence.agency.code}-{sequence.day:%y%m%d}-")
        ).count()
        if issued != sequence.last:
            found.half_written.append(
                f"sequence {sequence.agency.code} {sequence.day}: last {sequence.last}, "
                f"{issued} dossiers"
            )
    found.counter_differences = len(counters_check() + satisfaction_check() + feedback_check())

    # Requests without an answer: whole (checked above with everything) or absent.
    for marker in unacked:
        if marker in by_name:
            found.unacked_whole += 1
        else:
            found.unacked_absent += 1
    referenced = {name for rows in documents.values() for name, _sha in rows}
    upload_dir = Path(settings.MEDIA_ROOT) / "dossiers"
    on_disk = {
        str(p.relative_to(settings.MEDIA_ROOT)) for p in upload_dir.rglob("*") if p.is_file()
    }
    found.orphan_files = len(on_disk - referenced)
    return found


# --- The cycles -----------------------------------------------------------------------------


@dataclass
class Figures:
    database: str
    kill: str
    cycles: int = 0
    worker_kills: int = 0
    master_kills: int = 0
    postmaster_kills: int = 0
    sent: int = 0
    acknowledged: int = 0
    unanswered: int = 0
    refused: int = 0
    lost: int = 0
    duplicates: int = 0
    half_written: int = 0
    counter_differences: int = 0
    unacked_whole: int = 0
    unacked_absent: int = 0
    orphan_files: int = 0
    dossiers: int = 0
    stats_rebuild_check: str = ""
    problems: list[str] = field(default_factory=list)
    restart_seconds: list[float] = field(default_factory=list)  # the database's, per kill
    seconds: float = 0.0


@contextmanager
def load(clients: list[Client], base: str) -> Iterator[None]:
    """The clients send requests to ``base`` until the block ends. They keep their browser
    sessions from cycle to cycle (sessions live in the database: a killed worker does not end
    them), as people's browsers do — and signing in (Argon2) is costly."""
    stop = threading.Event()
    threads = []
    for client in clients:
        client.base = base
        threads.append(threading.Thread(target=client.run, args=(stop,), daemon=True))
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)


def say(text: str) -> None:
    if os.environ.get("CCHC_CRASH_VERBOSE"):
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def run(
    *,
    database_url: str,
    media_root: str,
    cycles: int,
    kill: str = "worker",
    workers: int = 2,
    clients: int = 3,
    drive_seconds: float = 1.2,
    seed: int | None = None,
    postgres: Postgres | None = None,
    log_dir: Path,
) -> Figures:
    """Drive, kill, restart, check — ``cycles`` times. ``kill``: ``worker`` (a worker, and
    now and then the whole gunicorn) or ``postmaster`` (PostgreSQL, with ``postgres``)."""
    seed = random.randrange(1 << 30) if seed is None else seed
    rng = random.Random(seed)
    started = time.monotonic()
    setup_django(database_url, media_root)
    from django.db import connection

    say("migrating")
    credentials = prepare_database()
    say("database ready")
    engine = connection.vendor
    figures = Figures(database=engine, kill=kill)
    ledger = Ledger()
    people = [Client("", credentials, ledger, random.Random(seed + i)) for i in range(clients)]
    env = server_env(database_url, media_root)
    gunicorn = Gunicorn(env, workers, log_dir / "gunicorn-0.log")
    # A spare gunicorn boots while the current one serves: after the whole of gunicorn is
    # killed, the next cycle runs on it (booting Django takes seconds on a busy machine).
    spare = Gunicorn(env, workers, log_dir / "gunicorn-1.log")
    try:
        gunicorn.start()
        spare.launch()
        say("gunicorn ready")
        for cycle in range(cycles):
            with load(people, gunicorn.base):
                time.sleep(rng.uniform(0.2, drive_seconds))
                if kill == "postmaster":
                    postgres.kill(whole_tree=cycle % 2 == 1)
                    figures.postmaster_kills += 1
                    time.sleep(rng.uniform(0.1, 0.4))  # requests meet a dead database
                    down = time.monotonic()
                    postgres.restart()
                    figures.restart_seconds.append(round(time.monotonic() - down, 1))
                    # The application recovers by itself: new requests are acknowledged again.
                    before = ledger.acknowledged
                    deadline = time.monotonic() + 60
                    while ledger.acknowledged == before and time.monotonic() < deadline:
                        time.sleep(0.05)
                    if ledger.acknowledged == before:
                        figures.problems.append(f"cycle {cycle}: no answer after the restart")
                elif cycle % 5 == 4:  # every fifth cycle: the master and its workers
                    gunicorn.kill_all()
                    figures.master_kills += 1
                else:
                    figures.worker_kills += gunicorn.kill_worker(rng)
                time.sleep(rng.uniform(0.1, 0.3))
            say(f"cycle {cycle}: load stopped ({ledger.sent} sent)")
            if gunicorn.process is None:
                spare.wait_ready()
                gunicorn, spare = spare, gunicorn
                if cycle + 1 < cycles:
                    spare.launch()
                say("gunicorn restarted")
            found = check(ledger)
            say(f"cycle {cycle}: checked")
            figures.cycles += 1
            figures.lost += len(found.lost)
            figures.duplicates += len(found.duplicates)
            figures.half_written += len(found.half_written)
            figures.counter_differences += found.counter_differences
            figures.problems += [
                f"cycle {cycle}: {p}" for p in found.lost + found.duplicates + found.half_written
            ]
            if found.counter_differences:
                figures.problems.append(f"cycle {cycle}: {found.counter_differences} counters")
        figures.unacked_whole, figures.unacked_absent = found.unacked_whole, found.unacked_absent
        figures.orphan_files = found.orphan_files
    finally:
        gunicorn.stop()
        spare.stop()
    # The command an operator runs, once, as a separate process.
    command = subprocess.run(
        [sys.executable, "manage.py", "stats_rebuild", "--check"],
        cwd=ROOT,
        env=server_env(database_url, media_root),
        capture_output=True,
        text=True,
    )
    figures.stats_rebuild_check = (
        command.stdout.strip().splitlines()[-1]
        if command.stdout
        else (command.stderr.strip()[-300:])
    )
    if command.returncode != 0:
        figures.problems.append(f"stats_rebuild --check: {figures.stats_rebuild_check}")
    from cchc.dossiers.models import Dossier

    figures.dossiers = Dossier.objects.count()
    figures.sent, figures.acknowledged = ledger.sent, ledger.acknowledged
    figures.unanswered, figures.refused = ledger.unanswered, ledger.refused
    figures.seconds = round(time.monotonic() - started, 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--kill", choices=("worker", "postmaster"), default="worker")
    parser.add_argument("--database-url", default="", help="a migrated or empty database")
    parser.add_argument(
        "--own-postgres",
        action="store_true",
        help="run on a throwaway durable PostgreSQL cluster of its own (default: a SQLite file)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--drive-seconds", type=float, default=1.2)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="cchc-crash-"))
    work.chmod(0o755)  # PostgreSQL runs as `postgres` when we are root: it must reach pg/
    postgres = None
    try:
        media = work / "media"
        media.mkdir()
        url = args.database_url
        if args.kill == "postmaster" or args.own_postgres:
            postgres = Postgres(work / "pg")
            url = postgres.start()
        elif not url:
            url = f"sqlite:///{work}/crash.sqlite3"
        figures = run(
            database_url=url,
            media_root=str(media),
            cycles=args.cycles,
            kill=args.kill,
            workers=args.workers,
            clients=args.clients,
            drive_seconds=args.drive_seconds,
            seed=args.seed,
            postgres=postgres,
            log_dir=work,
        )
    except BaseException:
        for log in sorted(work.glob("gunicorn-*.log")):  # kept nowhere else: show them
            sys.stderr.write(f"--- {log.name}\n{log.read_text(errors='replace')[-4000:]}\n")
        raise
    finally:
        from django.conf import settings

        if settings.configured:
            from django.db import connections

            connections.close_all()
        if postgres is not None:
            postgres.stop()
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(asdict(figures), ensure_ascii=False)
    print(text)
    if args.json:
        Path(args.json).write_text(text)
    return 0 if not figures.problems else 1


if __name__ == "__main__":
    sys.exit(main())
