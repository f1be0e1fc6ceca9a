from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.invitations import accept_invitation
from accounts.two_factor import enrol_authenticator
from cms.views.offline import service_worker
from config.views import health, not_found
from messaging.optout_views import link as optout_link
from portal import views as portal_views
from progress.urls import files as progress_files

# Both admins sign people in through allauth (two-factor, rate limits): their own password forms
# are never reachable.
admin.site.login = secure_admin_login(admin.site.login)
to_allauth_login = RedirectView.as_view(pattern_name="account_login", query_string=True)
to_allauth_password = RedirectView.as_view(pattern_name="account_change_password")

urlpatterns = [
    path("healthz", health, name="health"),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", portal_views.sitemap, name="sitemap"),
    path("sw.js", service_worker, name="service_worker"),
    # Browsers ask for /favicon.ico whatever the page says; whitenoise serves the file it points to.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("cms/favicon.ico"))),
    path("django-admin/password_change/", to_allauth_password),
    path("django-admin/", admin.site.urls),
    path("admin/login/", to_allauth_login),
    path("admin/password_reset/", to_allauth_login),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Outside /accounts/ so that staff reach it only after their second factor (accounts.middleware).
    path("invitation/<str:token>/", accept_invitation, name="invitation"),
    path("accounts/2fa/totp/activate/", enrol_authenticator, name="mfa_activate_totp"),
    # A person's number is the key of their memberships, sign-ups, consent and erasure: it is
    # changed by their commune officer on the member's page, never by allauth's own form, which
    # changed the account alone (or, as found, nothing at all).
    path("accounts/phone/change/", not_found),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sms/", include("messaging.urls")),
    path("u/<str:code>", optout_link, name="optout_link"),
    path("api/", include("api.urls")),
    # Open data files keep one address in every language (progress/publish.py).
    path("open-data/", include(progress_files)),
]

if settings.SERVE_MEDIA:
    # The embedded mode has no separate web server for uploads; production serves /media/ itself.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))

# Pages citizens read carry their language: /vi/… and /en/….
urlpatterns += i18n_patterns(
    path("", include("teams.urls")),
    path("", include("reporting.urls")),
    path("", include("trainings.urls")),
    path("", include("households.urls")),
    path("", include("privacy.urls")),
    path("", include("forum.urls")),
    path("", include("progress.urls")),
    path("", include("portal.urls")),
    path("", include("messaging.proof_urls")),
    path("", include("messaging.optout_urls")),
    path("", include("cms.urls")),
)

handler403 = "config.views.forbidden"
handler404 = "config.views.not_found"
handler500 = "config.views.server_error"
