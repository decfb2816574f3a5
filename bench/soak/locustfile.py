"""The soak's visitors: what a province's portal and back office see at their busiest hour.

Run by scripts/soak.sh (``make soak``, ``make overload``) against the production shape of
scripts/serve_prod.sh; docs/reliability/load.md explains the mix and the rate. Three kinds of
visitor, each from its own loopback address (127.0.x.y) like the province's many citizens —
nginx and the application count their rate limits per address:

- ``Visitor`` (anonymous): the portal's home, the catalogue and its search, a procedure's
  page, the public lookup (the page's form and the API, a code with its phone — one in ten
  with a mistyped phone, answered 404 as it should), the transparency pages;
- ``Citizen`` (signed in): applies online with an upload (the form, a PDF in each document
  slot, "Nộp hồ sơ"), then opens their dossiers and the new one;
- ``Officer`` (a counter officer, signed in, not an administrator): the worklist, a dossier's
  page, and receives (``tiep-nhan``) the dossiers the citizens submitted.

The shares of requests (bench/soak/mix.py) are set by each kind's number of users and their
pace: one user is one browser tab, doing one step every ``1 / pace`` seconds
(``constant_throughput``). ``SOAK_RATE`` (requests per second, whole site) is divided into the
users of each kind (``mix.plan``). ``SOAK_SHAPE`` ("rate:seconds,rate:seconds…") runs
anonymous visitors in phases instead (the overload drill). ``SOAK_TRACE`` names a file that
receives one line per request: time, route, status, milliseconds, success. The world the
visitors need (codes, phones, procedures, accounts) comes from bench/soak/world.py as JSON
(``SOAK_WORLD``).

Every request is named after its URL name (``ROUTES``): figures per route, not per address.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

from locust import HttpUser, LoadTestShape, constant_throughput, events, task
from mix import PACE, plan, visitors_for
from requests.adapters import HTTPAdapter

# The URL names of config/urls.py each request is counted under (tests/reliability checks
# that they exist), with the share of requests they get at the reference mix. Shares are of
# requests, derived in docs/reliability/load.md from one dossier's traffic at peak: about 25
# requests per dossier — browsing the catalogue before applying (and without applying),
# looking the dossier up later, the transparency pages, the online intake for half of them,
# and the officers' work on every dossier.
ROUTES = {
    "portal:home": "/dich-vu-cong/",
    "home": "/",
    "portal:catalog": "/dich-vu-cong/thu-tuc/",
    "portal:procedure": "/dich-vu-cong/thu-tuc/<code>/",
    "public_lookup": "/tra-cuu/",
    "api-1:dossier_public": "/api/v1/public/dossiers/<code>",
    "transparency:province": "/cong-khai/",
    "transparency:agency": "/cong-khai/co-quan/<code>/",
    "portal:login": "/dich-vu-cong/tai-khoan/dang-nhap/",
    "portal:apply": "/dich-vu-cong/ho-so/nop/<code>/",
    "portal:my_dossiers": "/dich-vu-cong/ho-so/",
    "portal:my_dossier": "/dich-vu-cong/ho-so/<uuid>/",
    "login": "/tai-khoan/dang-nhap/",
    "dossiers:worklist": "/can-bo/ho-so/",
    "dossiers:worklist_counts": "/can-bo/ho-so/so-luong/",
    "dossiers:detail": "/can-bo/ho-so/<code>/",
    "dossiers:action": "/can-bo/ho-so/<code>/thao-tac/<slug>/",
}

RATE = float(os.environ.get("SOAK_RATE", "0"))  # requests per second; 0: as the command line says
WORLD = json.loads(Path(os.environ.get("SOAK_WORLD", "var/soak-world.json")).read_text())
PDF = b"%PDF-1.4\n% CCHC soak\n" + b"0" * (180 * 1024) + b"\n%%EOF\n"  # ~180 KB, a scan's size
# Links of the worklist page that are pages of the back office, not dossiers.
OFFICE_PAGES = {"tiep-nhan", "doi-soat-thanh-toan", "hang-loat", "canh-bao", "so-luong"}
_addresses = itertools.count(1)
_address_lock = threading.Lock()


class SourceAddress(HTTPAdapter):
    """Connections from one loopback address (Linux answers the whole 127.0.0.0/8)."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


class FormReader(HTMLParser):
    """The fields of the HTML forms of a page: {action: {name: value}}, file inputs apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: str | None = None
        self._first_option: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                {"action": a.get("action", ""), "fields": {}, "files": [], "checkboxes": []}
            )
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind == "file":
                form["files"].append(name)
            elif kind in ("radio", "checkbox"):
                if kind == "checkbox":
                    form["checkboxes"].append(name)
                if "checked" in a:
                    form["fields"][name] = a.get("value", "on")
                elif kind == "radio":
                    form["fields"].setdefault(name, a.get("value", "on"))
            elif kind not in ("submit", "button", "image", "reset"):
                form["fields"][name] = a.get("value", "")
        elif tag == "select" and name:
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._first_option is None and value:
                self._first_option = value
                form["fields"].setdefault(self._select, value)
            if "selected" in a:
                form["fields"][self._select] = value
        elif tag == "textarea" and name:
            self._textarea = name
            form["fields"][name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data


def form_of(html: str, *, has: str = "", action: str = "") -> dict | None:
    """The first form of ``html`` with a field or file input named ``has``, or whose action
    ends with ``action``."""
    reader = FormReader()
    reader.feed(html)
    for form in reader.forms:
        if action and form["action"].endswith(action):
            return form
        if has and (has in form["fields"] or has in form["files"]):
            return form
    return None


def sign_in(user: HttpUser, login_path: str, name: str, username: str) -> None:
    """Sign in through the login page's form (the one place that knows how): the page, then
    the form posted with its CSRF token. Raises when the site does not let us in."""
    page = user.client.get(login_path, name=name)
    form = form_of(page.text, has="password")
    if form is None:
        raise RuntimeError(f"no sign-in form at {login_path} ({page.status_code})")
    data = {**form["fields"], "username": username, "password": WORLD["password"]}
    with user.client.post(
        login_path, data=data, name=name, allow_redirects=False, catch_response=True
    ) as answer:
        if answer.status_code != 302:
            answer.failure(f"sign-in as {username}: {answer.status_code}")
            raise RuntimeError(f"sign-in as {username} refused ({answer.status_code})")


class Base(HttpUser):
    abstract = True

    def on_start(self) -> None:
        with _address_lock:
            n = next(_addresses)
        address = f"127.0.{1 + n // 250}.{1 + n % 250}"
        adapter = SourceAddress(address)
        self.client.mount("http://", adapter)


class Visitor(Base):
    """Anyone on the internet: reads the portal, looks a dossier up, reads the figures."""

    wait_time = constant_throughput(PACE["visitor"])

    @task(3)
    def portal_home(self) -> None:
        self.client.get("/dich-vu-cong/", name="portal:home")

    @task(1)
    def site_home(self) -> None:
        self.client.get("/", name="home")

    @task(5)
    def catalogue_search(self) -> None:
        word = random.choice(WORLD["words"])
        self.client.get("/dich-vu-cong/thu-tuc/", params={"q": word}, name="portal:catalog")

    @task(6)
    def procedure_page(self) -> None:
        code = random.choice(WORLD["procedures"])
        self.client.get(f"/dich-vu-cong/thu-tuc/{code}/", name="portal:procedure")

    @task(2)
    def lookup_page(self) -> None:
        code, phone = random.choice(WORLD["lookups"])
        mistyped = random.random() < 0.1
        page = self.client.get("/tra-cuu/", name="public_lookup")
        form = form_of(page.text, has="phone")
        if form is None:  # no page (the site refused it): a person would not post the form
            return
        data = {**form["fields"], "code": code}
        data["phone"] = "0999999999" if mistyped else phone
        with self.client.post(
            "/tra-cuu/", data=data, name="public_lookup", catch_response=True
        ) as answer:
            # A wrong phone is the same "not found" as a wrong code: expected.
            if mistyped and answer.status_code == 404:
                answer.success()

    @task(3)
    def lookup_api(self) -> None:
        code, phone = random.choice(WORLD["lookups"])
        mistyped = random.random() < 0.1
        with self.client.get(
            f"/api/v1/public/dossiers/{code}",
            params={"phone": "0999999999" if mistyped else phone},
            name="api-1:dossier_public",
            catch_response=True,
        ) as answer:
            if mistyped and answer.status_code == 404:
                answer.success()

    @task(1)
    def transparency_province(self) -> None:
        self.client.get("/cong-khai/", name="transparency:province")

    @task(1)
    def transparency_agency(self) -> None:
        code = random.choice(WORLD["agencies"])
        self.client.get(f"/cong-khai/co-quan/{code}/", name="transparency:agency")


class Citizen(Base):
    """A signed-in citizen applying online (with an upload) and following their dossiers."""

    wait_time = constant_throughput(PACE["citizen"])

    def on_start(self) -> None:
        super().on_start()
        self.officer = random.choice(WORLD["officers"])
        sign_in(self, "/dich-vu-cong/tai-khoan/dang-nhap/", "portal:login", WORLD["citizen"])

    @task(3)
    def apply(self) -> None:
        target = WORLD["online"][self.officer]
        code = random.choice(target["procedures"])
        path = f"/dich-vu-cong/ho-so/nop/{code}/"
        page = self.client.get(path, name="portal:apply")
        form = form_of(page.text, has="applicant_name")
        if form is None:
            return
        data = {**form["fields"], "receiving_agency": str(target["agency"]), "action": "submit"}
        data["channel"] = "online"
        files = [(slot, (f"{slot}.pdf", PDF, "application/pdf")) for slot in form["files"]]
        files = [f for f in files if f[0] != "extra"]
        with self.client.post(
            path,
            data=data,
            files=files,
            name="portal:apply",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            where = answer.headers.get("Location", "")
            if answer.status_code != 302 or "/nhap/" in where:
                answer.failure(f"not submitted: {answer.status_code} {where}")
                return
        self.client.get(where, name="portal:my_dossier")

    @task(1)
    def my_dossiers(self) -> None:
        self.client.get("/dich-vu-cong/ho-so/", name="portal:my_dossiers")


class Officer(Base):
    """A counter officer: the worklist, a dossier, receiving the citizens' submissions."""

    wait_time = constant_throughput(PACE["officer"])
    _who = itertools.count()

    def on_start(self) -> None:
        super().on_start()
        self.username = WORLD["officers"][next(self._who) % len(WORLD["officers"])]
        sign_in(self, "/tai-khoan/dang-nhap/", "login", self.username)

    def _rows(self, tab: str) -> list[str]:
        page = self.client.get("/can-bo/ho-so/", params={"tab": tab}, name="dossiers:worklist")
        keys = set(re.findall(r'href="/can-bo/ho-so/([^/"?]+)/"', page.text))
        return sorted(keys - OFFICE_PAGES)

    @task(3)
    def receive(self) -> None:
        rows = self._rows("to_receive")
        if not rows:
            return
        key = random.choice(rows)
        page = self.client.get(f"/can-bo/ho-so/{key}/", name="dossiers:detail")
        form = form_of(page.text, action="/thao-tac/tiep-nhan/")
        if form is None:
            return
        # "Đã kiểm tra: thành phần hồ sơ đầy đủ, hợp lệ" — the officer ticks it.
        data = {**form["fields"], **dict.fromkeys(form["checkboxes"], "on")}
        with self.client.post(
            f"/can-bo/ho-so/{key}/thao-tac/tiep-nhan/",
            data=data,
            name="dossiers:action",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            # Another officer received it a moment before: the page says so (409). Counted
            # apart, not as an error of the site.
            if answer.status_code == 409:
                answer.success()
                events.request.fire(
                    request_type="NOTE",
                    name="received by another officer (409)",
                    response_time=0,
                    response_length=0,
                    exception=None,
                    context={},
                )
            elif answer.status_code != 302:
                answer.failure(f"not received: {answer.status_code}")

    @task(2)
    def read(self) -> None:
        rows = self._rows("queue")
        if rows:
            self.client.get(f"/can-bo/ho-so/{random.choice(rows)}/", name="dossiers:detail")

    @task(2)
    def counts(self) -> None:
        self.client.get("/can-bo/ho-so/so-luong/", name="dossiers:worklist_counts")


if RATE:
    _users = plan(RATE)
    Visitor.fixed_count = _users["visitor"]
    Citizen.fixed_count = _users["citizen"]
    Officer.fixed_count = _users["officer"]


TRACE = os.environ.get("SOAK_TRACE")
if TRACE:
    _trace = open(TRACE, "a", buffering=1)  # noqa: SIM115  (open for the whole run)

    @events.request.add_listener
    def _record(request_type: str, name: str, response_time: float, **kwargs: object) -> None:
        if request_type == "NOTE":
            return
        status = getattr(kwargs.get("response"), "status_code", 0) or 0
        ok = 0 if kwargs.get("exception") else 1
        _trace.write(f"{time.time():.3f},{name},{status},{response_time:.1f},{ok}\n")


SHAPE = os.environ.get("SOAK_SHAPE")
if SHAPE:

    class Phases(LoadTestShape):
        """Anonymous visitors at one rate, then another (requests per second, seconds)."""

        phases = [tuple(map(float, p.split(":"))) for p in SHAPE.split(",")]

        def tick(self) -> tuple[int, float] | None:
            elapsed = self.get_run_time()
            for rate, seconds in self.phases:
                if elapsed < seconds:
                    return visitors_for(rate), 500
                elapsed -= seconds
            return None
