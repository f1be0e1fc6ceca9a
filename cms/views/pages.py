"""Wagtail's page view behind the whole-page cache (see cms/cache.py)."""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.middleware.csp import get_nonce
from wagtail.views import serve as wagtail_serve

from cms import cache as page_cache
from cms import routing
from runtime import edge


def _cacheable(request):
    """Anonymous GETs without a query string. Editors (who have a session) always see fresh pages."""
    return request.method in ("GET", "HEAD") and not request.GET and "sessionid" not in request.COOKIES


def _serve_page(request, path):
    """Wagtail's page view, routed the short way (cms/routing.py) where that gives the same page.

    Wagtail's view reads its route from `request._wagtail_route_for_request` when it is there
    (Page.route_for_request documents that attribute), as it does for a route already found.
    """
    try:
        found = routing.route(request, path)
    except Http404:
        request._wagtail_route_for_request = None
    else:
        if found is not None:
            request._wagtail_route_for_request = found
    return wagtail_serve(request, path)


def serve(request, path):
    """Wagtail's page view behind the cache. Only responses a page marked cacheable are kept."""
    if not _cacheable(request):
        return _serve_page(request, path)
    key = page_cache.page_key(request.path)
    hit = cache.get(key)
    if hit is not None:
        content, content_type = hit
        response = HttpResponse(content, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return edge.shared(request, response)
    response = _serve_page(request, path)
    if response.status_code == 200 and getattr(response, "cms_cacheable", False):
        if hasattr(response, "render"):
            response.render()
        if get_nonce(request):
            # The page carries this response's CSP nonce: served to the next reader with their
            # own nonce in the header, its scripts would be blocked. Such a page is not shared.
            return response
        cache.set(key, (response.content, response["Content-Type"]), page_cache.TIMEOUT)
        response["X-Page-Cache"] = "miss"
        # What the page cache shares between readers, the edge may share too (runtime/edge.py).
        return edge.shared(request, response)
    return response
