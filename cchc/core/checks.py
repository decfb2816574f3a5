"""System checks for the outgoing messages (registered in ``CoreConfig.ready``).

With ``CCHC_DEBUG`` false, the development backends are errors: a console, in-memory or dummy
e-mail backend and the console or in-memory SMS backend print or drop every message — password
resets, verification links, notices about dossiers — while the outbox marks them sent. Errors
stop ``manage.py check``, ``migrate`` and ``runserver``; each names the variable to set.
``make run`` sets ``CCHC_DEBUG=true`` and keeps the defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.checks import Error
from django.utils.module_loading import import_string

# Django's e-mail backends that never reach a mail server.
DEVELOPMENT_EMAIL_BACKENDS = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
)
DEVELOPMENT_SMS_BACKENDS = ("cchc.core.sms.ConsoleSmsBackend", "cchc.core.sms.LocmemSmsBackend")


def _import(path: str) -> type | None:
    try:
        found = import_string(path)
    except ImportError:
        return None
    return found if isinstance(found, type) else None


def _is_one_of(path: str, development: Iterable[str]) -> bool:
    """Is the class at ``path`` (or a subclass of) one of the ``development`` classes?"""
    found = _import(path)
    if found is None:
        return False
    return any(issubclass(found, import_string(known)) for known in development)


def check_outgoing_messages(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Mail and SMS go out through real backends when debug is off."""
    if settings.DEBUG:
        return []
    errors = []
    email = settings.EMAIL_BACKEND
    if _is_one_of(email, DEVELOPMENT_EMAIL_BACKENDS):
        errors.append(
            Error(
                f"EMAIL_BACKEND is {email}: e-mails are printed or dropped, never sent.",
                hint="Set CCHC_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and "
                "CCHC_EMAIL_HOST, CCHC_EMAIL_PORT (docs/deployment.md).",
                id="core.E001",
            )
        )
    elif _import(email) is None:
        errors.append(
            Error(
                f"EMAIL_BACKEND {email!r} cannot be imported.",
                hint="Set CCHC_EMAIL_BACKEND to the dotted path of an e-mail backend class.",
                id="core.E001",
            )
        )
    sms = settings.CCHC_SMS_BACKEND
    if _is_one_of(sms, DEVELOPMENT_SMS_BACKENDS):
        errors.append(
            Error(
                f"CCHC_SMS_BACKEND is {sms}: text messages are printed or kept in memory, "
                "never sent.",
                hint="Set CCHC_SMS_BACKEND to the dotted path of the SMS provider's adapter "
                "(see cchc.core.sms.ProviderSmsBackend and docs/deployment.md).",
                id="core.E002",
            )
        )
    elif _import(sms) is None:
        errors.append(
            Error(
                f"CCHC_SMS_BACKEND {sms!r} cannot be imported.",
                hint="Set CCHC_SMS_BACKEND to the dotted path of the SMS provider's adapter.",
                id="core.E002",
            )
        )
    return errors


def check_file_keys(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Stored files are encrypted with a configured key (issue 14, item 10): with debug off,
    none configured is an error — the development key in var/ is for ``make run`` and tests
    only; a malformed or unreadable key is an error in any mode."""
    from cchc.core.filecrypt import FileKeyError, load_keyring

    configured = bool(settings.CCHC_FILE_KEYS or settings.CCHC_FILE_KEY_FILE)
    if not configured and not settings.DEBUG:
        return [
            Error(
                "No key to encrypt stored files (ID-card images, dossier papers): "
                "CCHC_FILE_KEYS and CCHC_FILE_KEY_FILE are both empty.",
                hint="Generate one with `manage.py files_keygen` and set CCHC_FILE_KEYS or "
                "CCHC_FILE_KEY_FILE (docs/deployment.md, “Encryption keys”).",
                id="core.E010",
            )
        ]
    try:
        load_keyring()
    except FileKeyError as error:
        return [
            Error(
                str(error),
                hint="See docs/deployment.md, “Encryption keys”.",
                id="core.E010",
            )
        ]
    return []
