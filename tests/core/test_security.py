"""Production settings: `check --deploy` is clean and responses carry the security headers."""

from __future__ import annotations

import base64
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env() -> dict[str, str]:
    """The environment of a production process: none of the test run's variables (pytest's,
    ours, or the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE)."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "CCHC_", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    env = production_env()
    env.update(
        CCHC_DEBUG="false",
        CCHC_SECRET_KEY=secrets.token_urlsafe(50),
        CCHC_ALLOWED_HOSTS="dichvucong.binhson.gov.vn",
        CCHC_DATABASE_URL=f"sqlite:///{tmp_path}/deploy.sqlite3",
        # What production sets beyond the defaults (the checks of
        # tests/core/test_production_checks.py refuse the development ones).
        CCHC_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        CCHC_SMS_BACKEND="cchc.core.sms.ProviderSmsBackend",
        CCHC_PAYMENT_GATEWAY="tests.core.test_production_checks.ContractedGateway",
        CCHC_PAYMENT_SECRET=secrets.token_urlsafe(50),
        CCHC_FILE_KEYS=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env()
    env.update(CCHC_DEBUG="false", CCHC_DATABASE_URL=f"sqlite:///{tmp_path}/x.sqlite3")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "CCHC_SECRET_KEY" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/api/v1/procedures", "/tai-khoan/dang-nhap/"])
def test_responses_carry_csp_hsts_nosniff_and_referrer_policy(client, world, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_pages_have_no_inline_script(client, world, specialist):
    client.force_login(specialist)
    for path in ["/", "/can-bo/thu-tuc/", "/can-bo/thu-tuc/1.009794/"]:
        page = client.get(path).content.decode()
        for chunk in page.split("<script")[1:]:
            head = chunk.split(">", 1)[0]
            assert "src=" in head or 'type="application/json"' in head, f"inline script on {path}"
        assert " onclick=" not in page and " onchange=" not in page


@pytest.mark.django_db
def test_healthz(client, world):
    # Liveness only (tests/reliability/test_ops_health.py has the readiness checks).
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_openapi_and_docs_page(client, world):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["info"]["title"] == "CCHC API"
    assert "/api/v1/calendar/due-date" in spec["paths"]
    assert "/api/v1/procedures" in spec["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/procedures?q=a%00b",
        "/can-bo/thu-tuc/?q=%00",
        "/api/v1/public/dossiers/X%00Y?phone=0912345678",
        "/dich-vu-cong/thu-tuc/?q=x%00",
    ],
)
def test_a_nul_character_is_a_400_not_a_500(client, world, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


@pytest.mark.django_db
def test_a_json_body_with_a_nul_is_refused(client, world, counter_officer):
    from cchc.org.models import ApiToken

    _, raw = ApiToken.issue(counter_officer)
    response = client.post(
        "/api/v1/dossiers",
        data='{"procedure_code": "1.009794", "applicant": {"full_name": "A\\u0000B"}}',
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 400
