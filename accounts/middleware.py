"""Staff must enrol an authenticator app before doing anything else.

allauth MFA has no setting that forces enrolment, so anyone who can reach an admin (Django's
is_staff, a superuser, or Wagtail's "access admin" permission through a group) and has no TOTP
authenticator is sent to the enrolment page from every page but sign-in, sign-out and two-factor
pages themselves.

Once a session's user is known to be enrolled, the session remembers it, so enrolled staff cost
no query per page; removing the authenticator forgets it (accounts.signals).
"""

from allauth.mfa.models import Authenticator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

# Reachable without two-factor: allauth's own pages (enrolment lives there), language switching,
# provider webhooks, static files and the health check.
OPEN_PREFIXES = ("/accounts/", "/i18n/", "/sms/", "/static/", "/healthz")
ENROLLED_SESSION_KEY = "staff_totp_enrolled"


def has_staff_access(user):
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def _enrolled(request):
    user = request.user
    if request.session.get(ENROLLED_SESSION_KEY) == user.pk:
        return True
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        request.session[ENROLLED_SESSION_KEY] = user.pk
        return True
    return False


class RequireStaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and has_staff_access(user)
            and not _enrolled(request)
        ):
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
