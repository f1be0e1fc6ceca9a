"""Django's Content-Security-Policy middleware, with the relaxed policy on the paths that need it.

One strict policy (settings.SECURE_CSP) covers every page we write. Wagtail's admin renders inline
scripts without nonces, so settings.CSP_RELAXED_PATHS get settings.SECURE_CSP_RELAXED instead. A
view that chose its own policy (Django's csp_override decorator) keeps it.
"""

from django.conf import settings
from django.middleware import csp


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        # The decorator's attribute is how Django marks a per-response policy; set it the same way.
        if request.path.startswith(settings.CSP_RELAXED_PATHS) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.SECURE_CSP_RELAXED
        return super().process_response(request, response)
