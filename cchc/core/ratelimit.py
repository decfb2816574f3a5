"""A small fixed-window rate limiter on Django's cache, for public endpoints.

Each client address gets a counter per window (``cache.add`` starts it, ``cache.incr`` counts),
so every process behind the same cache (Redis in production) shares the count. A fixed window
lets a client send up to twice the limit across a window boundary; for a public status lookup
that only needs to make guessing a phone number slow, that is enough and costs one cache round
trip per request.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: ``REMOTE_ADDR``, or — behind ``settings.NUM_PROXIES`` trusted
    proxies — the X-Forwarded-For entry the outermost trusted proxy appended. Entries to the
    left of it were written by the client and prove nothing."""
    proxies = getattr(settings, "NUM_PROXIES", 0)
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(scope: str, key: str, *, limit: int, window: int, now: float | None = None) -> int | None:
    """Count one request of ``key`` in ``scope``. ``None`` when it is within ``limit`` per
    ``window`` seconds; otherwise the seconds until the window ends (for Retry-After)."""
    now = time.time() if now is None else now
    window = max(int(window), 1)
    start = int(now // window) * window
    # Hashed: the key may come from a header, and cache backends dislike odd characters.
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{start}"
    if cache.add(cache_key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr: this request opens a new count
            cache.add(cache_key, 1, timeout=window + 1)
            count = 1
    if count <= limit:
        return None
    return max(math.ceil(start + window - now), 1)


def public_lookup_hit(request: HttpRequest) -> int | None:
    """The public dossier lookup's limit (``CCHC_PUBLIC_LOOKUP_LIMIT`` requests per
    ``CCHC_PUBLIC_LOOKUP_WINDOW`` seconds per client address)."""
    return hit(
        "public-dossier",
        client_ip(request),
        limit=getattr(settings, "CCHC_PUBLIC_LOOKUP_LIMIT", 30),
        window=getattr(settings, "CCHC_PUBLIC_LOOKUP_WINDOW", 60),
    )
