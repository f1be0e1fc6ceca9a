"""Public answers an edge cache may keep: `Cache-Control` with `s-maxage`, an ETag, and 304.

Used by the public progress pages and open data (progress/) and by the guides and other Wagtail
pages served from the page cache (cms/views/pages.py); here, at the bottom, because both layers
need the one rule. Only for anonymous readers: a signed-in person's page carries their name and
their own links, so it is marked private. The ETag is a hash of the body, so a reader (or Varnish
revalidating) whose copy is still current gets a 304 with no body. Publishing a page purges it
from Varnish (wagtail.contrib.frontend_cache, platform/varnish/default.vcl); the progress
figures change with every log, so the edge keeps a page for minutes, not hours.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

BROWSER_SECONDS = 300
EDGE_SECONDS = 900


type View = Callable[..., HttpResponseBase]


def edge_cached(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, max_age=0)
            return response
        return shared(request, response)

    return wrapper


def shared(
    request: HttpRequest,
    response: HttpResponseBase,
    *,
    browser_seconds: int = BROWSER_SECONDS,
    edge_seconds: int = EDGE_SECONDS,
    vary: tuple[str, ...] = ("Accept-Language",),
) -> HttpResponseBase:
    """Mark an anonymous reader's 200 as one the edge may keep; a 304 when their copy is current."""
    patch_cache_control(response, public=True, max_age=browser_seconds, s_maxage=edge_seconds)
    patch_vary_headers(response, vary)
    # Every response that is not streamed is an HttpResponse: the one kind with a .content.
    if isinstance(response, HttpResponse) and not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    # Given a response, Django returns it or a 304/412 in its place, never None, and reads no
    # more of it than HttpResponseBase has; the stubs type the call made without one.
    conditional = get_conditional_response(request, etag=response["ETag"], response=response)  # type: ignore[arg-type]
    return cast(HttpResponseBase, conditional)
