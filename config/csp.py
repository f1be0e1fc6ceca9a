"""Django's Content-Security-Policy middleware, with the relaxed policy only where Wagtail needs it.

One strict policy (settings.SECURE_CSP) covers every page we write. Wagtail's own admin pages
render inline scripts without nonces, so under settings.CSP_RELAXED_PATHS they get
settings.SECURE_CSP_RELAXED instead; but a page of ours mounted in the admin (roster imports,
rights requests, invitations: any view whose code lives in one of settings.LOCAL_APPS) keeps the
strict policy, as Wagtail's admin frame carries only JSON data blocks, never scripts, and our
scripts carry the nonce. A view that chose its own policy (Django's csp_override) keeps it.
"""

from django.conf import settings
from django.middleware import csp


def view_is_ours(view):
    """A view written in one of our apps, not one of Wagtail's generic views configured there
    (a viewset's pages render Wagtail's own templates: they keep Wagtail's policy)."""
    if view.__module__.split(".")[0] not in settings.LOCAL_APPS:
        return False
    return not any(base.__module__.startswith("wagtail") for base in getattr(view, "__mro__", ()))


def _serves_our_view(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and view_is_ours(getattr(match.func, "view_class", match.func))


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        # The decorator's attribute is how Django marks a per-response policy; set it the same way.
        if (
            request.path.startswith(settings.CSP_RELAXED_PATHS)
            and not hasattr(response, "_csp_config")
            and not _serves_our_view(request)
        ):
            response._csp_config = settings.SECURE_CSP_RELAXED
        return super().process_response(request, response)
