"""Django's LocaleMiddleware, except that machine addresses keep their own "not found".

Django sends a 404 at an address without a language to the same address under /vi/ whenever that
address would resolve there, and Wagtail's page route resolves nearly any path. A script asking
/api/v1/progress/99/ must get the API's 404 (JSON), not a redirect to a web page.
"""

from django.middleware import locale
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

NOT_REDIRECTED = ("/api/",)


class LocaleMiddleware(locale.LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(NOT_REDIRECTED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
