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


def _view_is_ours(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    view = getattr(match.func, "view_class", match.func)
    return view.__module__.split(".")[0] in settings.LOCAL_APPS


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        # The decorator's attribute is how Django marks a per-response policy; set it the same way.
        if (
            request.path.startswith(settings.CSP_RELAXED_PATHS)
            and not hasattr(response, "_csp_config")
            and not _view_is_ours(request)
        ):
            response._csp_config = settings.SECURE_CSP_RELAXED
        return super().process_response(request, response)
