from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.views import health

urlpatterns = [
    path("healthz", health, name="health"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sms/", include("messaging.urls")),
]

if settings.SERVE_MEDIA:
    # The embedded mode has no separate web server for uploads; production serves /media/ itself.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))

# Pages citizens read carry their language: /vi/… and /en/….
urlpatterns += i18n_patterns(
    path("", include("teams.urls")), path("", include("trainings.urls")), path("", include(wagtail_urls))
)
