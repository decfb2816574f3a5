"""A small fixed-window rate limiter on Django's cache, for public endpoints.

Each client address gets a counter per window, so every process behind the same cache (Redis
in production) shares the count. On Redis the count is one round trip: ``INCR`` and ``EXPIRE``
in one pipeline. Other caches (the embedded default's local memory) use ``cache.add`` to start
the count and ``cache.incr`` to count. A fixed window lets a client send up to twice the limit
across a window boundary; for a public status lookup that only needs to make guessing a phone
number slow, that is enough.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Mapping

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest

from cchc.core.cache import REDIS_DOWN

logger = logging.getLogger(__name__)
# The per-process count used while Redis cannot be reached.
_LOCAL = LocMemCache("cchc-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def client_address(meta: Mapping[str, str]) -> str:
    """The client's address from a request's ``META`` (or a WSGI environ): ``REMOTE_ADDR``,
    or — behind ``settings.NUM_PROXIES`` trusted proxies — the X-Forwarded-For entry the
    outermost trusted proxy appended. Entries to the left of it were written by the client
    and prove nothing."""
    proxies = getattr(settings, "NUM_PROXIES", 0)
    if proxies > 0:
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return meta.get("REMOTE_ADDR", "") or "unknown"


def client_ip(request: HttpRequest) -> str:
    """The client's address of ``request`` (see ``client_address``)."""
    return client_address(request.META)


def _redis_client(backend: RedisCache) -> object:
    """The backend's Redis client, made once: Django makes a new one per call, and building
    its table of reply callbacks costs more than the round trip. Thread-safe (a pool)."""
    client = backend.__dict__.get("_ratelimit_client")
    if client is None:
        client = backend.__dict__["_ratelimit_client"] = backend._cache.get_client(write=True)
    return client


def _count(cache_key: str, window: int) -> int:
    """Add one to the window's counter and return it."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        key = backend.make_and_validate_key(cache_key)
        pipeline = _redis_client(backend).pipeline(transaction=False)
        # The window's start is in the key: resetting the expiry on each hit never lets a
        # count outlive its window by more than the window itself.
        pipeline.incr(key).expire(key, window + 1)
        try:
            count, _ = pipeline.execute()
        except REDIS_DOWN as exc:
            # Redis down: keep limiting, per process (N processes let N times the limit
            # through) rather than failing every request or letting all of them through.
            logger.warning("ratelimit: Redis unavailable (%s): counting per process", exc)
            backend = _LOCAL
        else:
            return int(count)
    if backend.add(cache_key, 1, timeout=window + 1):
        return 1
    try:
        return backend.incr(cache_key)
    except ValueError:  # expired between add and incr: this request opens a new count
        backend.add(cache_key, 1, timeout=window + 1)
        return 1


def hit(scope: str, key: str, *, limit: int, window: int, now: float | None = None) -> int | None:
    """Count one request of ``key`` in ``scope``. ``None`` when it is within ``limit`` per
    ``window`` seconds; otherwise the seconds until the window ends (for Retry-After)."""
    now = time.time() if now is None else now
    window = max(int(window), 1)
    start = int(now // window) * window
    # Hashed: the key may come from a header, and cache backends dislike odd characters.
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    count = _count(f"ratelimit:{scope}:{digest}:{start}", window)
    if count <= limit:
        return None
    return max(math.ceil(start + window - now), 1)


def public_lookup_limit(address: str) -> int | None:
    """The public dossier lookup's limit (``CCHC_PUBLIC_LOOKUP_LIMIT`` requests per
    ``CCHC_PUBLIC_LOOKUP_WINDOW`` seconds per client address)."""
    return hit(
        "public-dossier",
        address,
        limit=getattr(settings, "CCHC_PUBLIC_LOOKUP_LIMIT", 30),
        window=getattr(settings, "CCHC_PUBLIC_LOOKUP_WINDOW", 60),
    )
