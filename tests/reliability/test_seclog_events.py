"""Each security-relevant action leaves its line in the security log's file: sign-ins on every
form (success, failure, lockout), sign-out, password changes and resets, privilege changes,
admin actions, API token issue and use, personal-data exports, document openings. Each test
reads the file back, as the collector and the search page do."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from cchc.org.models import ApiToken, User
from tests.dossiers.helpers import receive
from tests.factories import PASSWORD
from tests.portal.test_accounts import PASSWORD as CITIZEN_PASSWORD
from tests.portal.test_accounts import make_citizen
from tests.portal.test_password_reset import ask, link_in, open_link, reset_messages, set_password
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "gió mùa đông bắc về sớm"


@pytest.fixture
def log(settings, tmp_path):
    """The lines written during the test, parsed, oldest first."""
    settings.CCHC_SECURITY_LOG_DIR = str(tmp_path)

    def lines(event: str | None = None) -> list[dict]:
        found = []
        for path in sorted(tmp_path.glob("security-*.jsonl")):
            for raw in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(raw)
                if event is None or record["event"] == event:
                    found.append(record)
        return found

    lines.text = lambda: "".join(p.read_text() for p in sorted(tmp_path.glob("*.jsonl")))
    return lines


def sign_in(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


OFFICER_FORM = "/tai-khoan/dang-nhap/"
CITIZEN_FORM = "/dich-vu-cong/tai-khoan/dang-nhap/"
ADMIN_FORM = "/admin/login/"


def test_the_sign_in_forms_are_where_the_tests_post(world):
    assert reverse("login") == OFFICER_FORM
    assert reverse("portal:login") == CITIZEN_FORM
    assert reverse("admin:login") == ADMIN_FORM


def test_an_officer_signing_in_is_written_with_who_and_from_where(client, log, counter_officer):
    assert sign_in(client, OFFICER_FORM, counter_officer.username, PASSWORD).status_code == 302
    [line] = log("auth.login")
    assert line["outcome"] == "success"
    assert line["username"] == counter_officer.username
    assert line["user_id"] == counter_officer.pk
    assert line["ip"] == "127.0.0.1"
    assert line["path"] == OFFICER_FORM
    assert line["ts"].endswith("+00:00")


def test_a_citizen_signing_in_on_the_portal_is_written(client, log, world):
    citizen = make_citizen(email="lan@example.vn")
    sign_in(client, CITIZEN_FORM, "lan@example.vn", "sai mật khẩu rồi")
    sign_in(client, CITIZEN_FORM, "lan@example.vn", CITIZEN_PASSWORD)
    failure, success = log("auth.login")
    assert (failure["outcome"], failure["path"]) == ("failure", CITIZEN_FORM)
    assert failure["username"] is None and failure["attempted"] == "lan@example.vn"
    assert (success["outcome"], success["username"]) == ("success", citizen.username)


def test_an_administrator_signing_in_on_the_admin_site_is_written(client, log, admin_user):
    assert sign_in(client, ADMIN_FORM, admin_user.username, PASSWORD).status_code == 302
    [line] = log("auth.login")
    assert (line["outcome"], line["username"], line["path"]) == (
        "success",
        admin_user.username,
        ADMIN_FORM,
    )


def test_a_wrong_password_is_a_failure_that_never_holds_the_password(client, log, specialist):
    sign_in(client, OFFICER_FORM, specialist.username, "mat-khau-doan-sai-123")
    [line] = log("auth.login")
    assert line["outcome"] == "failure"
    assert line["attempted"] == specialist.username
    assert line["locked"] is False
    assert "mat-khau-doan-sai-123" not in log.text()


def test_the_fifth_failure_locks_out_and_says_so(client, log, specialist):
    for _ in range(5):
        sign_in(client, OFFICER_FORM, specialist.username, "sai-mat-khau")
    refused = sign_in(client, OFFICER_FORM, specialist.username, PASSWORD)
    assert refused.status_code == 429
    lockouts = log("auth.lockout")
    assert lockouts and all(line["outcome"] == "denied" for line in lockouts)
    assert lockouts[0]["attempted"] == specialist.username
    failures = log("auth.login")
    assert [line["locked"] for line in failures[:5]] == [False] * 4 + [True]
    assert not [line for line in failures if line["outcome"] == "success"]


def test_signing_out_is_written(client, log, leader):
    client.force_login(leader)
    client.post(reverse("logout"))
    [line] = log("auth.logout")
    assert (line["username"], line["path"]) == (leader.username, "/tai-khoan/dang-xuat/")


def test_an_officer_changing_their_own_password_is_written(client, log, counter_officer):
    client.force_login(counter_officer)
    response = client.post(
        "/tai-khoan/doi-mat-khau/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    [line] = log("account.password_change")
    assert line["username"] == line["target"] == counter_officer.username
    assert not log("account.password_reset")


def test_a_citizen_resetting_a_forgotten_password_by_the_link_is_written(client, log, world):
    user = make_citizen(verified=True, email="binh.le@example.vn")
    ask(client, "binh.le@example.vn")
    [message] = reset_messages()
    form_url = open_link(client, link_in(message))
    assert set_password(client, form_url, NEW_PASSWORD).status_code == 302
    [line] = log("account.password_reset")
    assert line["target"] == user.username and line["user_id"] is None
    assert line["ip"] == "127.0.0.1"


def test_a_role_change_in_the_admin_names_the_change_and_who_made_it(client, log, admin_user):
    officer = User.objects.create_user("t.moi", password=PASSWORD, role="specialist")
    sign_in_verified(client, admin_user)
    url = reverse("admin:org_user_change", args=[officer.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        role="leader",
        is_staff="on",
        date_joined_0=officer.date_joined.strftime("%d/%m/%Y"),
        date_joined_1=officer.date_joined.strftime("%H:%M:%S"),
        is_active="on",
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    data.pop("groups", None)
    data.pop("user_permissions", None)
    data = {k: v for k, v in data.items() if not isinstance(v, bool)} | {"is_active": "on"}
    response = client.post(url, data | {"is_staff": "on"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    [line] = log("account.role_change")
    assert line["target"] == "t.moi" and line["username"] == admin_user.username
    assert "role: specialist → leader" in line["changes"]
    assert "is_staff: False → True" in line["changes"]
    [admin_line] = log("admin.change")
    assert admin_line["model"] == "org.user" and admin_line["object_id"] == str(officer.pk)


def test_a_privilege_change_made_outside_any_page_is_written_too(log, world):
    user = User.objects.create_user("t.lenh", password=PASSWORD, role="specialist")
    user.is_superuser = True
    user.save()
    [created] = log("account.create")
    assert created["target"] == "t.lenh" and created["role"] == "specialist"
    [line] = log("account.role_change")
    assert line["changes"] == "is_superuser: False → True"
    assert line["user_id"] is None and line["path"] is None


def test_saving_a_user_without_a_privilege_change_writes_nothing(log, specialist):
    specialist.full_name = "Tên Mới"
    specialist.save()
    assert not log("account.role_change") and not log("account.password_change")


def test_an_admin_deletion_is_written_as_an_admin_action(client, log, admin_user, specialist):
    token, _raw = ApiToken.issue(specialist, name="tích hợp")
    sign_in_verified(client, admin_user)
    url = reverse("admin:org_apitoken_delete", args=[token.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert LogEntry.objects.filter(action_flag=3).exists()
    [line] = log("admin.delete")
    assert line["model"] == "org.apitoken" and line["username"] == admin_user.username


def test_an_api_token_is_written_when_issued_and_once_per_window_when_used(log, specialist):
    out = StringIO()
    call_command("issue_api_token", specialist.username, stdout=out)
    raw = out.getvalue().strip()
    [issued] = log("api.token_issue")
    assert issued["target"] == specialist.username and issued["token"] == raw[:12]
    assert raw not in log.text()
    client = Client()
    for _ in range(3):
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
        assert response.status_code == 200
    [used] = log("api.token")
    assert used["outcome"] == "success" and used["username"] == specialist.username
    assert used["token"] == raw[:12] and used["path"] == "/api/v1/me"


def test_every_use_is_written_when_the_window_is_zero(log, specialist, settings):
    settings.CCHC_API_TOKEN_LOG_MINUTES = 0
    _token, raw = ApiToken.issue(specialist)
    for _ in range(2):
        Client().get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert len(log("api.token")) == 2


def test_a_refused_token_is_written_as_a_failure(log, world):
    response = Client().get("/api/v1/me", headers={"Authorization": "Bearer cchc_doan-bua"})
    assert response.status_code == 401
    [line] = log("api.token")
    assert line["outcome"] == "failure" and line["token"] == ""
    assert "doan-bua" not in log.text()


def test_a_citizen_exporting_their_data_is_written(client, log, world):
    citizen = make_citizen(email="an@example.vn")
    client.force_login(citizen)
    assert client.get(reverse("portal:account_export")).status_code == 200
    [line] = log("export.personal_data")
    assert (line["export"], line["username"]) == ("citizen_own_data", citizen.username)


def test_an_officer_exporting_the_tracking_book_is_written(client, log, counter_officer):
    client.force_login(counter_officer)
    response = client.get(
        reverse("dossier_print:tracking_book"), {"from": "01/07/2025", "to": "31/07/2025"}
    )
    assert response.status_code == 200
    [line] = log("export.personal_data")
    assert line["export"] == "tracking_book" and line["username"] == counter_officer.username


def test_opening_a_dossier_paper_is_written_for_officer_and_applicant(
    client, log, world, counter_officer, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    dossier = receive(world)
    document = dossier.documents.first()
    document.file.save("don.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    client.force_login(counter_officer)
    response = client.get(reverse("dossiers:file", args=[dossier.code, document.pk]))
    assert response.status_code == 200
    [line] = log("document.open")
    assert line["dossier"] == str(dossier.public_id) and line["document"] == document.pk
    assert line["username"] == counter_officer.username


def test_a_refused_opening_writes_no_opening(
    client, log, world, other_agency_officer, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    dossier = receive(world)
    document = dossier.documents.first()
    document.file.save("don.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    client.force_login(other_agency_officer)
    response = client.get(reverse("dossiers:file", args=[dossier.code, document.pk]))
    assert response.status_code == 404
    assert not log("document.open")
