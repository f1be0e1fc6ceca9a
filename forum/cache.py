"""The forum's pages as anonymous readers get them: rendered once, kept in the shared cache,
purged on every change, with the edge-cache headers of runtime/edge.py.

One version token keys every cached forum page, as cms/cache.py does for Wagtail pages: a new
answer, a moderator's action, an accepted answer, a merge, a helpful vote or an erasure replaces
it, so the next reader of any list or question gets a fresh page. Which lists show a question
(newest, unanswered, its topic, both languages) is not worth tracking for a few pages re-rendered.

Only readers with nothing of their own on the page share it: no session (a proven phone, a
signed-in person) and no message waiting in the messages cookie ("thank you, your report was
sent"). The page they share carries no CSRF token: the only forms it holds (helpful, report) are
exempt (forum/views/public.py says why). The edge keeps a page for a minute, not hours, because
no purge reaches it; the ETag makes its revalidation a 304 with no body.
"""

import uuid
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import patch_cache_control

from runtime import edge

VERSION_KEY = "forum:pages:version"
TIMEOUT = 24 * 60 * 60
BROWSER_SECONDS = 0
EDGE_SECONDS = 60


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def purge(**kwargs):
    """Every cached forum page is stale from now on (also a signal receiver)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _shared(request):
    return (
        request.method in ("GET", "HEAD")
        and "sessionid" not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _edge_headers(request, response):
    # Vary on Cookie too: a reader with a session is served the page of their own.
    return edge.shared(
        request,
        response,
        browser_seconds=BROWSER_SECONDS,
        edge_seconds=EDGE_SECONDS,
        vary=("Accept-Language", "Cookie"),
    )


def cached_page(*params):
    """Serve the view to anonymous readers from the cache, keyed by the path and the query
    parameters `params` (the list's topic and filter). Any other parameter (`?cold`) skips the
    cache, so nobody fills it with made-up addresses."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _shared(request) or set(request.GET) - set(params):
                response = view(request, *args, **kwargs)
                if request.method in ("GET", "HEAD"):
                    patch_cache_control(response, private=True, max_age=0)
                return response
            return _from_cache(request, view, params, *args, **kwargs)

        return wrapper

    return decorator


def _from_cache(request, view, params, *args, **kwargs):
    query = "&".join(f"{name}={request.GET[name]}" for name in sorted(params) if name in request.GET)
    key = f"forum:page:{_version()}:{request.path}?{query}"
    hit = cache.get(key)
    if hit is not None:
        response = HttpResponse(hit, content_type="text/html; charset=utf-8")
        response["X-Page-Cache"] = "hit"
        return _edge_headers(request, response)
    response = view(request, *args, **kwargs)
    if response.status_code != 200:
        return response
    if hasattr(response, "render"):
        response.render()
    if get_nonce(request):
        return response  # this response's CSP nonce is in the page: never shared
    cache.set(key, response.content, TIMEOUT)
    response["X-Page-Cache"] = "miss"
    return _edge_headers(request, response)
