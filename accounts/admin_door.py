"""The admin's door for people signed in without admin access (team leaders and members).

Wagtail sends a signed-in person who may not open the admin to its login URL, allauth's sign-in
page, which sends anyone already signed in back to `next`, /admin/: the browser loops until it
gives up. Instead they get a page in their own language saying the admin is for officers, with
a link to their own area. Anonymous visitors still go to sign in, as Wagtail does.
"""

from django.template.response import TemplateResponse
from django.utils import translation

from accounts.areas import landing_url, language_of
from accounts.middleware import has_staff_access

ADMIN_PREFIX = "/admin/"


class AdminForOfficersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if request.path.startswith(ADMIN_PREFIX) and user.is_authenticated and not has_staff_access(user):
            language = language_of(user)
            response = TemplateResponse(
                request, "accounts/admin_closed.html", {"own_area": landing_url(user, language)}, status=403
            )
            with translation.override(language):
                return response.render()
        return self.get_response(request)
