"""A fixed-window counter in the cache: enough to stop a script posting feedback in a loop."""

import hashlib

from django.core.cache import cache


def allow(scope, identity, limit, window_seconds):
    """True while `identity` has acted fewer than `limit` times in this window of `scope`."""
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]  # no raw IP address in the cache
    key = f"ratelimit:{scope}:{digest}"
    if cache.add(key, 1, window_seconds):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the window expired between add and incr
        cache.add(key, 1, window_seconds)
        return True
