"""Public URLs of the site, inside the language prefix (/vi/…, /en/…)."""

from django.urls import path, re_path
from wagtail import urls as wagtail_urls

from cms.views import feedback, offline, pages, search

urlpatterns = [
    path("search/", search.search, name="search"),
    path("search/suggestions/", search.suggestions, name="search_suggestions"),
    path("guides/<int:guide_id>/feedback/", feedback.feedback, name="guide_feedback"),
    path("offline/", offline.offline, name="offline"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    # The form of a password-protected page posts here; Wagtail lists it after its page pattern,
    # which ours replaces and would otherwise answer with a 404.
    *[url for url in wagtail_urls.urlpatterns if url.name == "wagtailcore_authenticate_with_password"],
    # Wagtail's pattern, served through the page cache; Wagtail's own URLs stay for the rest.
    re_path(wagtail_urls.serve_pattern, pages.serve, name="wagtail_serve"),
    # Among them _util/login/, Django's sign-in by password alone: behind the page pattern it is
    # never reached, so nobody skips two-factor through it. Readers of a private page are sent
    # to our sign-in (WAGTAIL_FRONTEND_LOGIN_URL); Wagtail only needs the name to exist.
    *wagtail_urls.urlpatterns,
]
