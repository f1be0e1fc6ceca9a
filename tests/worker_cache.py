"""Emptying this test process's cache, never another's.

Under pytest-xdist the workers share one Redis database, each under its own key prefix
(config/settings/test.py), and Django's `cache.clear()` on Redis empties the whole database
(FLUSHDB): the API fuzz clearing its token's counters that way once wiped the other worker's
counted searches between counting and flushing them (CI failed
cms/tests/test_cms_search_unanswered.py). The database cache lives in each worker's own test
database, so clearing it is already this worker's alone.
"""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


def empty():
    """Every key of this process's cache; the "renditions" alias shares the prefix, so its too."""
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
    if keys:
        client.delete(*keys)
