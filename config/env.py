"""Reading settings from the environment (12-factor): every knob is a ``CCHC_*`` variable.

Kept free of Django imports so that scripts (the throwaway PostgreSQL starter, benchmarks)
can parse the same variables the application does.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class EnvError(ValueError):
    """A variable is present but cannot be understood."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise EnvError(f"{name}={raw!r} is not a boolean (use true/false)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise EnvError(f"{name}={raw!r} is not an integer") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_database_url(url: str) -> dict:
    """Turn ``sqlite:///relative/path``, ``sqlite:////abs/path`` or
    ``postgres://user:pass@host:port/name?sslmode=…`` into a Django DATABASES entry.

    SQLite runs in WAL mode with ``synchronous=FULL`` and ``BEGIN IMMEDIATE`` transactions so
    that concurrent writers queue on the lock instead of failing half-way (Django ≥ 5.1).
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        raw_path = unquote(url[len("sqlite://") :])
        if raw_path in ("", "/", "/:memory:", ":memory:"):
            name: str = ":memory:"
        elif raw_path.startswith("//"):
            name = raw_path[1:]
        else:
            name = str(BASE_DIR / raw_path.lstrip("/"))
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=FULL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=30000;"
                ),
            },
        }
    if scheme in ("postgres", "postgresql", "pgsql"):
        options: dict[str, str] = {}
        for key, values in parse_qs(parts.query).items():
            options[key] = values[-1]
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": int(options.pop("conn_max_age", "60")),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise EnvError(f"unsupported database URL scheme {scheme!r} (use sqlite:// or postgres://)")
