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
    # Wagtail's pattern, served through the page cache; Wagtail's own URLs stay for the rest.
    re_path(wagtail_urls.serve_pattern, pages.serve, name="wagtail_serve"),
    *wagtail_urls.urlpatterns,
]
