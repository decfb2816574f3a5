"""Pages with personal data are never stored by a browser or a proxy (``Cache-Control:
no-store``): every answer to a signed-in person — officer pages, worklists, prints, the report,
the citizen's dossiers and account, API calls with a token — and the anonymous pages that show
a dossier (the lookup's answer, the rating link). Public catalogue pages stay cacheable."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cchc.dossiers.rating_links import rating_path
from cchc.org.models import ApiToken
from tests.dossiers.helpers import APPLICANT, receive
from tests.portal.test_payments import online_dossier

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return "no-store" in directives


@pytest.fixture
def counter_dossier(world):
    return receive(world)


@pytest.fixture
def portal_dossier(world, citizen):
    return online_dossier(world, citizen)


def test_officer_pages_prints_and_the_report_are_not_stored(
    client, counter_officer, counter_dossier
):
    client.force_login(counter_officer)
    code = counter_dossier.code
    pages = [
        reverse("dossiers:worklist"),
        reverse("dossiers:worklist_counts"),
        reverse("dossiers:detail", args=[code]),
        reverse("dossiers:payment_review"),
        reverse("dossier_print:form", args=[code, "receipt"]),
        reverse("dossier_print:tracking_book")
        + "?date_from=01/01/2025&date_to=31/12/2030&format=xlsx",
        reverse("stats:report"),
        reverse("stats:report_xlsx"),
        reverse("dossiers:file", args=[code, counter_dossier.documents.first().pk]),
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code < 500, path
        assert no_store(response), path


def test_the_citizens_dossier_and_account_pages_are_not_stored(client, citizen, portal_dossier):
    client.force_login(citizen)
    pages = [
        reverse("portal:my_dossiers"),
        reverse("portal:my_dossier", args=[portal_dossier.public_id]),
        reverse("portal:account"),
        reverse("portal:account_export"),
        reverse("portal:password_change"),
        reverse("portal:payment_start", args=[portal_dossier.public_id]),
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code < 500, path
        assert no_store(response), path


def test_anonymous_pages_that_show_a_dossier_are_not_stored(client, counter_dossier):
    answer = client.post(
        reverse("public_lookup"), {"code": counter_dossier.code, "phone": APPLICANT.phone}
    )
    rating = client.get(rating_path(counter_dossier))

    assert answer.status_code == 200 and counter_dossier.code in answer.content.decode()
    assert no_store(answer)
    assert no_store(rating)


def test_api_answers_to_a_token_are_not_stored(client, counter_officer, counter_dossier):
    _, raw = ApiToken.issue(counter_officer)
    response = client.get(
        f"/api/v1/dossiers/{counter_dossier.code}", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 200
    assert no_store(response)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/dich-vu-cong/",
        "/dich-vu-cong/thu-tuc/",
        "/dich-vu-cong/thu-tuc/1.009794/",
        "/api/v1/procedures",
    ],
)
def test_public_catalogue_pages_stay_cacheable(world, path):
    response = Client().get(path)

    assert response.status_code == 200
    assert not no_store(response)
    assert "private" not in response.get("Cache-Control", "")


def test_a_public_page_seen_signed_in_is_not_stored(client, citizen, world):
    # It carries the person's name in the header.
    client.force_login(citizen)
    response = client.get("/dich-vu-cong/thu-tuc/")
    assert citizen.get_full_name() in response.content.decode()
    assert no_store(response)


def _view_names(patterns, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _view_names(pattern.url_patterns, inner)
        elif pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_listed_anonymous_page_exists(settings):
    from django.urls import get_resolver

    assert set(settings.CCHC_NO_STORE_VIEWS) <= _view_names(get_resolver().url_patterns)
