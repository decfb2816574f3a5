"""The cache backend for production: Django's Redis cache that degrades when Redis is down.

The cache only ever holds what can be recomputed (public figures, the API's serving index).
When Redis is stopped or silent, a read is a miss and a write is dropped, each after the
socket timeouts of ``settings.CACHES`` (``CCHC_READY_TIMEOUT_SECONDS``): pages are computed
from the database, slower but whole, instead of failing. The failure is logged (a warning per
call, without the key) and ``/readyz`` names Redis. Rate limits, which must keep counting,
fall back to a count per process (``cchc.core.ratelimit``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("cchc.cache")

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)


def _degraded(operation: str, fallback: Callable[[], Any], exc: Exception) -> Any:
    logger.warning("cache: Redis unavailable on %s (%s): degraded", operation, type(exc).__name__)
    return fallback()


class ResilientRedisCache(RedisCache):
    """``RedisCache`` whose reads miss and whose writes are dropped while Redis is down."""

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except REDIS_DOWN as exc:
            return _degraded("get", lambda: default, exc)

    def get_many(self, keys: Iterable[str], version: int | None = None) -> dict:
        try:
            return super().get_many(keys, version)
        except REDIS_DOWN as exc:
            return _degraded("get_many", dict, exc)

    def has_key(self, key: str, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except REDIS_DOWN as exc:
            return _degraded("has_key", lambda: False, exc)

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        try:
            super().set(key, value, timeout, version)
        except REDIS_DOWN as exc:
            _degraded("set", lambda: None, exc)

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        # "Not added" is the safe answer: a caller that uses add as a lock does not proceed.
        try:
            return super().add(key, value, timeout, version)
        except REDIS_DOWN as exc:
            return _degraded("add", lambda: False, exc)

    def set_many(
        self, data: dict, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list:
        try:
            return super().set_many(data, timeout, version)
        except REDIS_DOWN as exc:
            return _degraded("set_many", lambda: list(data), exc)

    def delete(self, key: str, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except REDIS_DOWN as exc:
            return _degraded("delete", lambda: False, exc)

    def delete_many(self, keys: Iterable[str], version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except REDIS_DOWN as exc:
            _degraded("delete_many", lambda: None, exc)

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except REDIS_DOWN as exc:
            return _degraded("touch", lambda: False, exc)
