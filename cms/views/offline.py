"""What lets a visited guide open with no signal: the service worker, the offline page and the
web app manifest."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control


@cache_control(max_age=0, no_cache=True)
def service_worker(request):
    """At the site root, so it looks after /vi/ and /en/ alike. Never cached by the browser, so a
    new version reaches phones on their next visit."""
    languages = [code for code, _name in settings.LANGUAGES]
    return render(
        request,
        "cms/service_worker.js",
        {"languages": languages, "version": "v1"},
        content_type="text/javascript",
    )


def offline(request):
    return render(request, "cms/offline.html", {"title": _("You are offline")})


@cache_control(max_age=24 * 60 * 60, public=True)
def manifest(request):
    language = get_language()
    return JsonResponse(
        {
            "name": _("Community digital technology teams"),
            "short_name": _("Digital guides"),
            "description": _(
                "Step-by-step guides to VNeID, online public services and safe online payments."
            ),
            "lang": language,
            "start_url": f"/{language}/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#b3261e",
            "icons": [
                {"src": static("cms/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("cms/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {
                    "src": static("cms/icon-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
