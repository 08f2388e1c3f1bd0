"""The shared cache with Redis away: reads miss, writes are dropped, counters start again; nothing raises, so
pages that touch the cache (sign-in rate limits, the newsletter sign-up throttle) keep working."""

import time

from cop.cache import ResilientRedisCache
from tests.faults.private_services import free_port


def test_the_cache_carries_on_when_redis_is_unreachable():
    nowhere = ResilientRedisCache(
        f"redis://127.0.0.1:{free_port()}/0", {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    )
    started = time.monotonic()
    assert nowhere.get("key", "default") == "default"
    nowhere.set("key", "value")
    assert nowhere.add("key", 0) is False
    assert nowhere.incr("counter") == 1
    assert nowhere.get_many(["a", "b"]) == {}
    assert nowhere.has_key("key") is False
    nowhere.delete("key")
    assert time.monotonic() - started < 10  # each call gives up quickly


def test_the_cache_works_normally_when_redis_answers(private_redis):
    cache = ResilientRedisCache(private_redis.url, {})
    cache.set("key", "value")
    assert cache.get("key") == "value"
    assert cache.add("counter", 0) is True
    assert cache.incr("counter") == 1
    assert cache.incr("counter") == 2
