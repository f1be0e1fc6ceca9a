"""Public answers an edge cache may keep: `Cache-Control` with `s-maxage`, an ETag, and 304.

Only for anonymous readers: a signed-in person's page carries their name and their own links, so
it is marked private. The ETag is a hash of the body, so a reader (or Varnish revalidating) whose
copy is still current gets a 304 with no body; the figures behind it change with every log, so
the edge keeps a page for minutes, not hours.
"""

import hashlib
from functools import wraps

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

BROWSER_SECONDS = 300
EDGE_SECONDS = 900


def edge_cached(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, max_age=0)
            return response
        patch_cache_control(response, public=True, max_age=BROWSER_SECONDS, s_maxage=EDGE_SECONDS)
        patch_vary_headers(response, ("Accept-Language",))
        if not response.streaming and not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        return get_conditional_response(request, etag=response["ETag"], response=response)

    return wrapper
