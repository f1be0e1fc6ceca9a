"""Django's cache backends with two costs removed that every page view paid (bench/bench_guides.py).

- `RedisCache` built a new `redis.Redis` object for every cache call: about 0.1 ms each, spent
  copying the client's table of response callbacks. One client per connection pool is enough:
  redis-py clients are thread-safe, and the pool itself opens new connections after a fork.
- Wagtail 8.0.1 writes every image rendition it found in the cache straight back to it (pickled,
  with its image) on every page view, because only prefetched renditions are marked as read
  (`_from_cache`). Fixed upstream (wagtail/wagtail c1c39fe, August 2026) but not released: the
  "renditions" alias marks what it returns the same way. Remove it once a Wagtail release has it.
"""

from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class _OneClientPerPool(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # connection pool -> its client

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerPool


class _MarksRenditionsRead:
    def get_many(self, keys, version=None):
        found = super().get_many(keys, version=version)
        for rendition in found.values():
            rendition._from_cache = True
        return found


class RedisRenditionCache(_MarksRenditionsRead, SharedRedisCache):
    pass


class DatabaseRenditionCache(_MarksRenditionsRead, DatabaseCache):
    pass
