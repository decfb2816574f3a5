"""The rate limiter on a real redis-server (production's cache): one pipeline per hit, the
count shared by every process, the counter expiring with its window."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import caches

from cchc.core import ratelimit


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_cache(tmp_path, settings):
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed (make system-deps installs it)")
    port = _free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
            }
        }
        yield client
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_redis_count_is_one_round_trip_and_expires_with_its_window(redis_cache):
    assert ratelimit.hit("t", "a", limit=2, window=60, now=120.0) is None
    assert ratelimit.hit("t", "a", limit=2, window=60, now=130.0) is None
    assert ratelimit.hit("t", "a", limit=2, window=60, now=170.5) == 10
    assert ratelimit.hit("t", "b", limit=2, window=60, now=170.5) is None
    assert ratelimit.hit("t", "a", limit=2, window=60, now=180.0) is None
    keys = redis_cache.keys("*ratelimit:t:*")
    assert len(keys) == 3  # a's two windows and b's one
    assert all(0 < redis_cache.ttl(key) <= 61 for key in keys)
    # Django's cache reads the same counters: the value is a plain integer.
    backend = caches["default"]
    digest = ratelimit.hashlib.sha256(b"a").hexdigest()[:32]
    assert backend.get(f"ratelimit:t:{digest}:120") == 3


def test_the_count_is_shared_between_cache_clients(redis_cache):
    # Another worker process has its own cache backend on the same server.
    from django.core.cache.backends.redis import RedisCache

    url = redis_cache.connection_pool.connection_kwargs
    other = RedisCache(f"redis://{url['host']}:{url['port']}/0", {})
    assert ratelimit.hit("s", "x", limit=2, window=60, now=60.0) is None
    other.incr(f"ratelimit:s:{ratelimit.hashlib.sha256(b'x').hexdigest()[:32]}:60")
    assert ratelimit.hit("s", "x", limit=2, window=60, now=61.0) == 59
