"""Wagtail's page view behind the whole-page cache (see cms/cache.py)."""

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from wagtail.views import serve as wagtail_serve

from cms import cache as page_cache


def _cacheable(request):
    """Anonymous GETs without a query string. Editors (who have a session) always see fresh pages."""
    return request.method in ("GET", "HEAD") and not request.GET and "sessionid" not in request.COOKIES


def serve(request, path):
    """Wagtail's page view behind the cache. Only responses a page marked cacheable are kept."""
    if not _cacheable(request):
        return wagtail_serve(request, path)
    key = page_cache.page_key(request.path)
    hit = cache.get(key)
    if hit is not None:
        content, content_type = hit
        response = HttpResponse(content, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
    response = wagtail_serve(request, path)
    if response.status_code == 200 and getattr(response, "cms_cacheable", False):
        if hasattr(response, "render"):
            response.render()
        if get_nonce(request):
            # The page carries this response's CSP nonce: served to the next reader with their
            # own nonce in the header, its scripts would be blocked. Such a page is not shared.
            return response
        cache.set(key, (response.content, response["Content-Type"]), page_cache.TIMEOUT)
        response["X-Page-Cache"] = "miss"
    return response
