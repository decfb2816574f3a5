"""The administrator's search page of the security log: who may open it, the filters, the
order and the pages, bounded work per request, and hostile stored lines."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.core.security_files import file_name
from cchc.core.security_views import MSG_PERIOD_ORDER, MSG_PERIOD_TOO_LONG
from cchc.core.validation import MSG_DATE
from cchc.org.models import User
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db

URL = "/can-bo/nhat-ky-an-toan/"


@pytest.fixture
def logdir(settings, tmp_path):
    settings.CCHC_SECURITY_LOG_DIR = str(tmp_path)
    return tmp_path


def write(logdir, *records: dict, raw: bytes = b"") -> None:
    """Append records (and raw bytes) to the files of their UTC days."""
    for record in records:
        day = datetime.fromisoformat(record["ts"]).astimezone(UTC).date()
        with open(logdir / file_name(day), "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if raw:
        with open(logdir / file_name(timezone.now().astimezone(UTC).date()), "ab") as handle:
            handle.write(raw)


def rec(minutes_ago: int, event: str, **fields) -> dict:
    ts = (timezone.now() - timedelta(minutes=minutes_ago)).astimezone(UTC)
    return {"ts": ts.isoformat(), "event": event, "outcome": "success", **fields}


def sign_in(client, user, logdir) -> None:
    """Sign in, then start from an empty log (signing in writes its own line)."""
    if user.is_staff or user.is_superuser or user.role == user.Role.SYSTEM_ADMIN:
        sign_in_verified(client, user)
    else:
        client.force_login(user)
    for path in logdir.glob("*.jsonl"):
        path.unlink()


def rows(response) -> int:
    return response.content.decode().count('data-testid="security-log-row"')


def text(response) -> str:
    return response.content.decode()


def test_the_address_is_the_named_route(world):
    assert reverse("security_log") == URL


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "persona",
    ["counter_officer", "leader", "reform_officer", "home_affairs_evaluator", "citizen"],
)
def test_anyone_but_a_system_administrator_is_refused(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403


def test_a_system_administrator_without_superuser_opens_it(client, world, logdir):
    admin = User.objects.create_user("t.qtht", role="system_admin", is_staff=True)
    sign_in_verified(client, admin)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Nhật ký an toàn thông tin" in text(response)


def test_a_superuser_of_another_role_opens_it(client, world, logdir):
    root = User.objects.create_user("t.root", role="specialist", is_superuser=True, is_staff=True)
    sign_in_verified(client, root)
    assert client.get(URL).status_code == 200


def test_the_admin_menu_shows_it_and_nobody_elses_does(client, admin_user, leader):
    sign_in_verified(client, admin_user)
    assert f'href="{URL}"' in text(client.get("/"))
    client.force_login(leader)
    assert f'href="{URL}"' not in text(client.get("/"))


def test_the_page_lists_newest_first_and_filters_by_each_field(client, admin_user, logdir):
    sign_in(client, admin_user, logdir)
    write(
        logdir,
        rec(50, "auth.login", username="an", ip="10.0.0.1"),
        rec(40, "auth.login", username="binh", ip="10.0.0.2", outcome="failure"),
        rec(30, "document.open", username="an", ip="10.0.0.1", dossier="H98-1"),
        rec(20, "auth.lockout", username="binh", ip="10.0.0.2", outcome="denied"),
    )
    page = text(client.get(URL))
    page = page[page.index('data-testid="security-log-table"') :]
    assert page.index("auth.lockout") < page.index("document.open") < page.index("auth.login")
    assert "dossier</span>=<span>H98-1" in page
    assert rows(client.get(URL, {"event": "auth."})) == 3
    assert rows(client.get(URL, {"event": "auth.login"})) == 2
    assert rows(client.get(URL, {"username": "BIN"})) == 2
    assert rows(client.get(URL, {"ip": "10.0.0.1"})) == 2
    assert rows(client.get(URL, {"outcome": "failure"})) == 1
    assert rows(client.get(URL, {"outcome": "denied", "username": "an"})) == 0


def test_the_date_range_is_in_local_days(client, admin_user, logdir):
    sign_in(client, admin_user, logdir)
    # 23:30 UTC on 01/03 is 06:30 on 02/03 in Vietnam: it belongs to the local day 02/03.
    write(
        logdir,
        {"ts": "2026-03-01T23:30:00+00:00", "event": "auth.login", "outcome": "success"},
        {"ts": "2026-03-01T16:30:00+00:00", "event": "auth.logout", "outcome": "success"},
    )
    second = client.get(URL, {"date_from": "02/03/2026", "date_to": "02/03/2026"})
    assert rows(second) == 1 and "auth.login" in text(second)
    first = client.get(URL, {"date_from": "01/03/2026", "date_to": "01/03/2026"})
    assert rows(first) == 1 and "auth.logout" in text(first)


def test_bad_dates_are_answered_in_vietnamese_with_400(client, admin_user, logdir, settings):
    sign_in(client, admin_user, logdir)
    wrong = client.get(URL, {"date_from": "2026-03-01"})
    assert wrong.status_code == 400 and str(MSG_DATE) in text(wrong)
    backwards = client.get(URL, {"date_from": "05/03/2026", "date_to": "01/03/2026"})
    assert backwards.status_code == 400 and str(MSG_PERIOD_ORDER) in text(backwards)
    settings.CCHC_SECURITY_LOG_DAYS = 400
    too_long = client.get(URL, {"date_from": "01/01/2024", "date_to": "01/03/2026"})
    assert too_long.status_code == 400
    assert str(MSG_PERIOD_TOO_LONG) % {"days": 400} in text(too_long)
    control = client.get(URL, {"username": "a\x01b"})
    assert control.status_code == 400 and "U+0001" in text(control)
    forged = client.get(URL, {"cursor": "../../etc/passwd"})
    assert forged.status_code == 400


def test_pages_go_on_with_a_link_and_stop_at_a_page_of_lines(client, admin_user, logdir):
    sign_in(client, admin_user, logdir)
    write(logdir, *[rec(200 - n, "auth.login", username=f"u{n:03}") for n in range(120)])
    first = client.get(URL)
    assert rows(first) == 50 and "u119" in text(first) and "u069" not in text(first)
    assert 'data-testid="security-log-next"' in text(first)
    link = first.context["next_query"]
    second = client.get(f"{URL}?{link}")
    assert rows(second) == 50 and "u069" in text(second) and "u119" not in text(second)
    third = client.get(f"{URL}?{second.context['next_query']}")
    assert rows(third) == 20 and "u000" in text(third)
    assert 'data-testid="security-log-next"' not in text(third)


def test_a_request_reads_no_more_than_its_budget_and_says_so(client, admin_user, logdir, settings):
    sign_in(client, admin_user, logdir)
    settings.CCHC_SECURITY_LOG_SCAN_BYTES = 50_000
    write(logdir, rec(100, "auth.lockout", username="khoa"))
    write(logdir, *[rec(90 - n % 60, "document.open", username="doc") for n in range(3000)])
    response = client.get(URL, {"event": "auth.lockout"})
    assert rows(response) == 0
    assert response.context["result"].scanned_bytes < 51_000
    more = text(response)
    assert 'data-testid="security-log-more"' in more and "chưa đủ một trang kết quả" in more


def test_hostile_stored_lines_do_not_break_the_page(client, admin_user, logdir):
    sign_in(client, admin_user, logdir)
    write(
        logdir,
        rec(5, "auth.login", username="<script>alert(1)</script>", note="\u202e\x1b[31m"),
        raw=(
            b"not json\n"
            + b"\xff\xfe\x00garbage\n"
            + b'{"ts": "2026-13-45", "event": "x"}\n'
            + b"[" * 200_000
            + b"\n"
            + b'{"ts": "'
            + datetime.now(UTC).isoformat().encode()
            + b'", "event": ["a"]}\n'
        ),
    )
    response = client.get(URL)
    assert response.status_code == 200
    page = text(response)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count('data-testid="security-log-bad-row"') == 4
    assert "Dòng quá dài, không hiển thị." in page
    assert 'data-testid="security-log-malformed"' in page
    # A field filter hides the broken lines (they have no fields to match).
    narrowed = client.get(URL, {"username": "script"})
    assert rows(narrowed) == 1 and 'security-log-bad-row"' not in text(narrowed)
