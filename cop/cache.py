"""The shared cache on Redis, carrying on when Redis is away: a read is a miss, a write is dropped (and
logged), a counter starts again. Nothing the app keeps in the cache is the only copy of anything (rate-limit
counters, throttles), so a Redis restart must not turn every page that touches the cache into a 500."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_AWAY = (RedisConnectionError, RedisTimeoutError, OSError)


def _carry_on(method_name: str, fallback):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(ResilientRedisCache, self), method_name)(*args, **kwargs)
        except REDIS_AWAY as error:
            logger.warning("Cache %s skipped, Redis is unreachable: %s", method_name, error)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    method.__name__ = method_name
    return method


def _default_of_get(key, default=None, version=None):
    return default


def _delta_of_incr(key, delta=1, version=None):
    return delta  # counting starts again: a rate limit fails open while Redis is away


class ResilientRedisCache(RedisCache):
    add = _carry_on("add", False)
    get = _carry_on("get", _default_of_get)
    set = _carry_on("set", None)
    touch = _carry_on("touch", False)
    delete = _carry_on("delete", False)
    get_many = _carry_on("get_many", {})
    has_key = _carry_on("has_key", False)
    incr = _carry_on("incr", _delta_of_incr)
    set_many = _carry_on("set_many", [])
    delete_many = _carry_on("delete_many", None)
    clear = _carry_on("clear", None)
