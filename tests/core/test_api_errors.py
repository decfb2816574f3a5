"""Every answer under /api/v1/ is JSON with the status the OpenAPI document lists — errors
included: a body that is not JSON, an unknown URL, a wrong method, a refusal for the caller's
role, a body or a query too large, and a server error."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import path
from django.utils import timezone

from cchc.dossiers.models import Dossier
from cchc.dossiers.services import dossier_forward
from cchc.org.models import ApiToken
from config import api as api_module
from config.urls import urlpatterns as project_urls
from tests.dossiers.helpers import at, receive
from tests.world import BUILDING_PERMIT

pytestmark = pytest.mark.django_db

URL = "/api/v1/dossiers"


def auth(user) -> dict:
    _, raw = ApiToken.issue(user)
    return {"Authorization": f"Bearer {raw}"}


def is_json(response) -> bool:
    return response["Content-Type"].split(";")[0] == "application/json"


def intake() -> dict:
    return {
        "procedure_code": BUILDING_PERMIT,
        "applicant": {"full_name": "Nguyễn Văn Bình", "phone": "0987654321"},
    }


def test_a_multipart_body_is_415_in_json_and_changes_nothing(client, counter_officer):
    client.raise_request_exception = False
    response = client.post(URL, {"procedure_code": BUILDING_PERMIT}, headers=auth(counter_officer))
    assert response.status_code == 415 and is_json(response)
    assert "application/json" in response.json()["detail"]
    assert not Dossier.objects.exists()


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "text/plain"])
def test_any_body_that_is_not_json_is_415(client, counter_officer, content_type):
    response = client.post(URL, "a=b", content_type=content_type, headers=auth(counter_officer))
    assert response.status_code == 415 and is_json(response)


def test_a_json_body_with_a_charset_is_still_json(client, counter_officer):
    response = client.post(
        URL,
        json.dumps(intake()),
        content_type="application/json; charset=utf-8",
        headers=auth(counter_officer),
    )
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("url", ["/api/v1/nothing", "/api/v1/", "/api/v1/dossiers/a/b/c"])
def test_an_unknown_api_url_is_404_in_json(client, counter_officer, url):
    response = client.get(url, headers=auth(counter_officer))
    assert response.status_code == 404 and is_json(response)
    assert response.json() == {"detail": "Không tìm thấy."}


def test_an_unknown_page_outside_the_api_is_still_the_html_page(client, world):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("method", "url", "allow"),
    [
        ("delete", URL, {"GET", "POST"}),
        ("put", "/api/v1/procedures", {"GET"}),
        ("post", "/api/v1/me", {"GET"}),
        ("patch", "/api/v1/dossiers/000.00.05.H98-250303-0001", {"GET"}),
    ],
)
def test_a_wrong_method_is_405_in_json_with_allow(client, counter_officer, method, url, allow):
    response = getattr(client, method)(url, headers=auth(counter_officer))
    assert response.status_code == 405 and is_json(response)
    assert set(response["Allow"].replace(" ", "").split(",")) == allow
    assert response.json()["detail"]


def test_a_refusal_for_the_callers_role_is_403(client, world, citizen, specialist):
    dossier = receive(world, now=timezone.now() - timedelta(minutes=1), applicant_user=citizen)
    dossier_forward(actor=specialist, dossier=dossier)  # the leader's step: approve exists now
    response = client.post(
        f"{URL}/{dossier.code}/actions",
        {"action": "approve", "result_number": "1/GP"},
        content_type="application/json",
        headers=auth(citizen),
    )
    assert response.status_code == 403 and is_json(response)
    assert "approve" not in response.json()["allowed_actions"]
    response = client.post(URL, intake(), content_type="application/json", headers=auth(citizen))
    assert response.status_code == 403 and is_json(response)
    assert Dossier.objects.count() == 1


def test_a_refusal_for_the_dossiers_state_stays_409(client, world, counter_officer):
    dossier = receive(world, now=at(2025, 3, 3))
    response = client.post(
        f"{URL}/{dossier.code}/actions",
        {"action": "receive"},
        content_type="application/json",
        headers=auth(counter_officer),
    )
    assert response.status_code == 409 and is_json(response)


def test_a_body_over_the_upload_limit_is_413_in_json(client, counter_officer, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = '{"procedure_code": "' + "x" * 2000 + '"}'
    response = client.post(
        URL, body, content_type="application/json", headers=auth(counter_officer)
    )
    assert response.status_code == 413 and is_json(response)


def test_too_many_query_parameters_is_400_in_json(client, counter_officer, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    query = "&".join(f"p{i}=1" for i in range(20))
    response = client.get(f"{URL}?{query}", headers=auth(counter_officer))
    assert response.status_code == 400 and is_json(response)


def _boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("api/v1/boom", _boom), *project_urls]
handler500 = api_module.server_error


@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_under_the_api_is_500_in_json(world):
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/boom")
    assert response.status_code == 500 and is_json(response)
    assert "sự cố" in response.json()["detail"]
