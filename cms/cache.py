"""Whole-page cache for what citizens read.

A published page is rendered once and served from the cache to everyone. One version token
keys every cached page; publishing, unpublishing, moving or deleting any page replaces it, so
all pages refresh together. That is deliberate: a new guide also changes its topic's list, the
related guides beside it and the home page, and working out exactly which pages show which
other page is more code and more bugs than re-rendering a few dozen pages on the next visit.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "cms:pages:version"
TIMEOUT = 24 * 60 * 60


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def page_key(path):
    return f"cms:page:{current_version()}:{path}"


def clear(**kwargs):
    """Signal receiver: every cached page is stale from now on."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


class CachedPageMixin:
    """Marks what a page serves as safe to share between readers (previews never are)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.cms_cacheable = not getattr(request, "is_preview", False)
        return response
