"""The admin's door for people signed in without admin access (team leaders and members).

Wagtail sends a signed-in person who may not open the admin to its login URL, allauth's sign-in
page, which sends anyone already signed in back to `next`, /admin/: the browser loops until it
gives up. Instead they get a page in their own language saying the admin is for officers, with
a link to their own area. Anonymous visitors still go to sign in, as Wagtail does.

The page is in the language they are reading: that of the page they came from, else the one they
last chose with the language switch (its cookie), else the language on their account.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from accounts.areas import landing_url, language_of
from accounts.middleware import has_staff_access

ADMIN_PREFIX = "/admin/"


class AdminForOfficersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if request.path.startswith(ADMIN_PREFIX) and user.is_authenticated and not has_staff_access(user):
            language = reading_language(request) or language_of(user)
            response = TemplateResponse(
                request, "accounts/admin_closed.html", {"own_area": landing_url(user, language)}, status=403
            )
            with translation.override(language):
                return response.render()
        return self.get_response(request)


def reading_language(request):
    """The language of the page `request` came from on this site, else of the language cookie."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}):
        language = translation.get_language_from_path(urlsplit(referer).path)
        if language:
            return language
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else None
