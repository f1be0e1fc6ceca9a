"""Staff pass their authenticator app in every session before doing anything else.

allauth MFA has no setting that forces it, so anyone who can reach an admin (Django's is_staff, a
superuser, or Wagtail's "access admin" permission through a group) whose session has no
second-factor step (accounts.two_factor) is sent from every page but sign-in, sign-out and the
two-factor pages themselves: to type a code from their app, or to enrol one if they have none.

The check reads the session, not how it began, so every way in (password, phone code, an
invitation, a password reset, any future one) ends here.

Only page loads are sent there. A browser's own background requests (the favicon, images,
scripts, fetches; told apart by Sec-Fetch-Dest) are refused instead: redirected, they loaded the
enrolment page behind the officer's back, and each load of it makes a new secret, so the QR code
on screen stopped working a moment after it was shown.
"""

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts.two_factor import passed_second_factor

# Reachable without two-factor: allauth's own pages (enrolment lives there), language switching,
# provider webhooks, static files, the favicon and the health check.
OPEN_PREFIXES = ("/accounts/", "/i18n/", "/sms/", "/static/", "/favicon.ico", "/healthz")
# What a browser is loading when it asks for a page; a request without Sec-Fetch-Dest (an older
# browser) counts as one.
PAGE_DESTINATIONS = {"", "document", "iframe", "frame"}
ADMIN_ACCESS = {"content_type__app_label": "wagtailadmin", "codename": "access_admin"}


def has_staff_access(user):
    """Django's is_staff, a superuser, or Wagtail's "access admin" permission, held by the person
    or through one of their groups (as `user.has_perm` grants it to an active person).

    Asked on every page of everyone signed in, staff or not: `has_perm` read all of a person's
    permissions in two queries for it; one EXISTS answers, kept on the user object for the rest
    of the request (issue 26: a leader's form opens and saves with one round trip fewer)."""
    if user.is_staff or user.is_superuser:
        return True
    held = getattr(user, "_admin_access", None)
    if held is None:
        held = user._admin_access = (
            user.is_active
            and Permission.objects.filter(Q(user=user) | Q(group__user=user), **ADMIN_ACCESS).exists()
        )
    return held


class RequireStaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and not passed_second_factor(request)
            and has_staff_access(user)
        ):
            if request.headers.get("Sec-Fetch-Dest", "") not in PAGE_DESTINATIONS:
                return HttpResponseForbidden()
            enrolled = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
            target = reverse("mfa_reauthenticate" if enrolled else "mfa_activate_totp")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
