"""Production refuses to start with the development defaults: with debug off, the system
checks fail on a console or in-memory mail or SMS backend, the sandbox payment gateway and a
payment signing secret that is the site's secret key, each naming the setting to change."""

from __future__ import annotations

import secrets
import subprocess
import sys

import pytest
from django.core.checks import Error, run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cchc.dossiers.models import Payment
from cchc.dossiers.payments.gateway import CallbackResult, GatewayStatus, PaymentGateway
from tests.core.test_security import ROOT, production_env

SAFE = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "CCHC_SMS_BACKEND": "cchc.core.sms.ProviderSmsBackend",
    "CCHC_PAYMENT_GATEWAY": "tests.core.test_production_checks.ContractedGateway",
    "CCHC_PAYMENT_SECRET": "a-separate-secret-shared-with-the-gateway-only",
    "CCHC_FILE_KEYS": ["eCCJ9nAPh7cLSo3HLTaMYJq0WDTEVBAMBJycHDaxLZ4="],
}


class ContractedGateway(PaymentGateway):
    """Stands for the gateway a province contracts (no sandbox behind it)."""

    name = "contracted"

    def create_payment(self, payment: Payment, *, return_url: str, notify_url: str) -> str:
        raise NotImplementedError

    def verify_callback(self, params: dict) -> CallbackResult:
        return CallbackResult(valid=False)

    def query(self, payment: Payment) -> GatewayStatus:
        return GatewayStatus.PENDING


class SandboxInDisguise:
    """Not a gateway at all."""


@pytest.fixture
def production(settings, monkeypatch):
    # The browser tests' conftest sets it for the whole process (Playwright's sync API);
    # production never does, and Django's deployment check refuses it.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    settings.DEBUG = False
    for name, value in SAFE.items():
        setattr(settings, name, value)
    return settings


def security_errors() -> list[Error]:
    return [m for m in run_checks(include_deployment_checks=True) if m.is_serious()]


def test_production_settings_pass_the_checks(production):
    assert security_errors() == []


@pytest.mark.parametrize(
    ("setting", "value", "named"),
    [
        ("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend", "CCHC_EMAIL_BACKEND"),
        ("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend", "CCHC_EMAIL_BACKEND"),
        ("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend", "CCHC_EMAIL_BACKEND"),
        ("CCHC_SMS_BACKEND", "cchc.core.sms.ConsoleSmsBackend", "CCHC_SMS_BACKEND"),
        ("CCHC_SMS_BACKEND", "cchc.core.sms.LocmemSmsBackend", "CCHC_SMS_BACKEND"),
        ("CCHC_PAYMENT_GATEWAY", "sandbox", "CCHC_PAYMENT_GATEWAY"),
        (
            "CCHC_PAYMENT_GATEWAY",
            "cchc.dossiers.payments.sandbox.SandboxGateway",
            "CCHC_PAYMENT_GATEWAY",
        ),
        # A subclass of the sandbox signs its own results just the same.
        ("CCHC_PAYMENT_GATEWAY", "tests.portal.test_payments.DownGateway", "CCHC_PAYMENT_GATEWAY"),
        ("CCHC_PAYMENT_GATEWAY", "no.such.Gateway", "CCHC_PAYMENT_GATEWAY"),
        (
            "CCHC_PAYMENT_GATEWAY",
            "tests.core.test_production_checks.SandboxInDisguise",
            "CCHC_PAYMENT_GATEWAY",
        ),
        ("CCHC_SMS_BACKEND", "no.such.Backend", "CCHC_SMS_BACKEND"),
    ],
)
def test_a_development_backend_in_production_is_an_error_naming_the_setting(
    production, setting, value, named
):
    setattr(production, setting, value)

    errors = security_errors()

    assert len(errors) == 1
    assert named in errors[0].msg + errors[0].hint
    with pytest.raises(SystemCheckError, match=named):
        call_command("check", "--deploy")


def test_the_payment_secret_falling_back_to_the_secret_key_is_an_error(production):
    production.CCHC_PAYMENT_SECRET = production.SECRET_KEY

    errors = security_errors()

    assert [e.id for e in errors] == ["dossiers.E002"]
    assert "CCHC_PAYMENT_SECRET" in errors[0].msg


def test_development_keeps_its_defaults(settings, monkeypatch):
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)  # as in `production`
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.CCHC_SMS_BACKEND = "cchc.core.sms.ConsoleSmsBackend"
    settings.CCHC_PAYMENT_GATEWAY = "sandbox"
    settings.CCHC_PAYMENT_SECRET = settings.SECRET_KEY

    assert security_errors() == []


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = production_env()
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_the_defaults_fails_naming_each_setting(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        CCHC_DEBUG="false",
        CCHC_SECRET_KEY=secrets.token_urlsafe(50),
        CCHC_ALLOWED_HOSTS="dichvucong.binhson.gov.vn",
        CCHC_DATABASE_URL=f"sqlite:///{tmp_path}/deploy.sqlite3",
    )

    assert result.returncode != 0
    for setting in (
        "CCHC_EMAIL_BACKEND",
        "CCHC_SMS_BACKEND",
        "CCHC_PAYMENT_GATEWAY",
        "CCHC_PAYMENT_SECRET",
    ):
        assert setting in result.stderr


def test_make_run_keeps_its_development_defaults(tmp_path):
    result = _manage("check", CCHC_DEBUG="true", CCHC_DATABASE_URL=f"sqlite:///{tmp_path}/x.db")

    assert result.returncode == 0, result.stderr
