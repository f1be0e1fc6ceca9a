"""robots.txt, the sitemap and the feeds' wiring: what search engines and readers' apps ask for."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from portal.sitemaps import SITEMAPS

# The areas that need a sign-in: nothing there is for search engines.
PRIVATE = ("/admin/", "/django-admin/", "/accounts/", "/invitation/", "/sms/", "/documents/")
PRIVATE_IN_EACH_LANGUAGE = ("team/", "dashboard/", "my-data/", "trainings/my-place/")


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in PRIVATE]
    lines += [
        f"Disallow: /{code}/{path}" for code, _name in settings.LANGUAGES for path in PRIVATE_IN_EACH_LANGUAGE
    ]
    lines += ["Allow: /", "", f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    return django_sitemap(request, sitemaps=SITEMAPS)
