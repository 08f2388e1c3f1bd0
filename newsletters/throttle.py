"""A fixed-window counter in the cache, to stop the public sign-up form being used to flood
someone's inbox with confirmation emails."""

from django.core.cache import cache

SIGNUPS_PER_IP_PER_HOUR = 10
CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3


def within_limit(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one use of `key`; False once it has been used `limit` times in the window."""
    cache_key = f"newsletters:throttle:{key}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
