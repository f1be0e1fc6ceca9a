"""The cache backends of config/caches.py: what they change must not change what readers get."""

import os
from datetime import timedelta

import pytest
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.db import connection

from config.caches import SharedRedisCache

VI_GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"
DATABASE_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "shared_cache"},
    "renditions": {"BACKEND": "config.caches.DatabaseRenditionCache", "LOCATION": "shared_cache"},
}


def _rendition_expiries():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cache_key, expires FROM shared_cache WHERE cache_key LIKE %s", ["%wagtail-rendition-%"]
        )
        return dict(cursor.fetchall())


def test_a_guide_read_again_does_not_write_its_screenshots_back_to_the_cache(
    client, home_pages, settings, clock
):
    """Wagtail 8.0.1 rewrote every cached rendition on every view; each rewrite moves its expiry."""
    settings.CACHES = DATABASE_CACHES  # its rows show when each entry was last written
    call_command("createcachetable")  # made by a migration only where the database is the cache
    assert client.get(f"{VI_GUIDE}?first").status_code == 200
    cached = _rendition_expiries()
    assert cached, "the guide's screenshot renditions are cached on first sight"
    clock.shift(timedelta(minutes=2))

    page = client.get(f"{VI_GUIDE}?again").content.decode()

    assert _rendition_expiries() == cached
    assert page.count("<source") == 1
    assert 'srcset="' in page


@pytest.mark.redis
def test_the_redis_cache_answers_in_a_forked_worker_after_the_master_used_it(redis_url):
    """gunicorn's master warms the site (and so the cache client) before it forks its workers."""
    cache = SharedRedisCache(redis_url, {"KEY_PREFIX": f"fork-test-{os.getpid()}"})
    cache.set("guide", "Kích hoạt VNeID", 30)
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the worker: its own connection, the same answers
        os.close(reading)
        answer = cache.get("guide", "") + "|" + str(cache.set("worker", "ok", 30) is None)
        os.write(writing, answer.encode())
        os._exit(0)
    os.close(writing)
    answer = os.read(reading, 1000).decode()
    os.waitpid(child, 0)
    assert answer == "Kích hoạt VNeID|True"
    assert cache.get("worker") == "ok"
    assert isinstance(cache, RedisCache)
    cache.delete_many(["guide", "worker"])


@pytest.mark.redis
def test_a_worker_emptying_its_cache_leaves_the_other_workers_keys(redis_cache):
    """Under pytest-xdist the workers share one Redis database: emptying one worker's cache (as
    every test starts, and the API fuzz between operations) must not wipe a count another worker's
    test is in the middle of (tests/worker_cache.py)."""
    from tests import worker_cache

    client = redis_cache._cache.get_client(write=True)
    others = "test-another-worker:1:cms:unanswered:count"
    client.set(others, 3)
    redis_cache.set("ours", 1)
    try:
        worker_cache.empty()
        assert redis_cache.get("ours") is None
        assert client.get(others) == b"3"
    finally:
        client.delete(others)
