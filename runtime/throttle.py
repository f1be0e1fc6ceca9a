"""The one throttle of the project: allauth's rate-limit counter, with our own rates.

allauth already counts its sign-in flows (ACCOUNT_RATE_LIMITS) in the default cache and reads the
client address through ALLAUTH_TRUSTED_PROXY_COUNT. Everything else we limit (feedback, the team
finder, training sign-up, the pace of texts per provider account) goes through the same counter
and the same client-address function, with rates in settings.RATE_LIMITS written as allauth's are
("5/m/ip", "3/h/key", several joined by commas). The default cache is Redis in production and the
database cache in the embedded mode (config/settings/base.py), so every process counts in one place.

allauth's counter keeps each hit's time under a cache lock: right for a door people knock on a
few times a minute, too slow for a pace of hundreds a second shared by many threads (the texts a
provider account may take). `place_in_second` counts those with one atomic increment per hit in
the same cache instead.
"""

import hashlib

from allauth.account.adapter import get_adapter
from allauth.core.internal import ratelimit
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

APP = "totechso"  # the counters' namespace in the cache, apart from allauth's own


def allow(request: HttpRequest, action: str, *, key: str | None = None, rates: str | None = None) -> bool:
    """Count one hit of `action` and say whether it is within its rates (False: refuse it).

    `key` is what "/key" rates count (a phone number, a session key); allauth hashes it, so no
    number or address is stored in clear. `rates` overrides settings.RATE_LIMITS[action].
    A refused hit is not counted, so a client that keeps trying is let in again once its
    earliest hits fall out of the window.
    """
    config = {action: rates if rates is not None else settings.RATE_LIMITS[action]}
    usage = ratelimit.consume(request, app=APP, action=action, config=config, key=key, limit_get=True)
    return usage is not None


def allow_key(action: str, key: str, *, rates: str | None = None) -> bool:
    """allow() for work done outside a request (a worker pacing its texts): "/key" rates only."""
    return allow(HttpRequest(), action, key=key, rates=rates)


def place_in_second(action: str, key: str, second: int, *, at_least: int = 1) -> int:
    """Count one hit of `action` for `key` in clock second `second` (an int, time.time()'s),
    every process together, and return its place in that second: 1 for the first hit, never
    below `at_least` (places before it are skipped). Atomic on Redis; the database cache of the
    embedded mode (one process) may give two threads one place."""
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:16]
    name = f"{APP}:{action}:{digest}:{second}"
    try:
        place = cache.incr(name)
    except ValueError:  # the first hit of this second
        cache.add(name, 0, timeout=5)
        place = cache.incr(name)
    return place if place >= at_least else cache.incr(name, at_least - place)


def client_address(request: HttpRequest) -> str:
    """The client's address as allauth sees it: REMOTE_ADDR, or the X-Forwarded-For hop set by the
    outermost of ALLAUTH_TRUSTED_PROXY_COUNT proxies we run (a forged header is ignored)."""
    address: str = get_adapter().get_client_ip(request)  # allauth is untyped
    return address
