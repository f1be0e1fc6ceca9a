"""Our own pages inside the admin (rosters, rights requests, invitations, attendance) get the
strict policy; only Wagtail's own admin pages run under the relaxed one. The list comes from the
URL configuration, so a page added later is held too."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import Role
from config.csp import view_is_ours
from tests.factories import RoleAssignmentFactory
from tests.sessions import SignedInClient

pytestmark = pytest.mark.django_db


def _admin_views(patterns, prefix=""):
    """(path, view) of every admin URL without arguments."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from _admin_views(pattern.url_patterns, route)
        elif (
            isinstance(pattern, URLPattern) and route.startswith("admin/") and not re.search(r"[<(\\]", route)
        ):
            yield "/" + route, getattr(pattern.callback, "view_class", pattern.callback)


def ours():
    return sorted(path for path, view in _admin_views(get_resolver().url_patterns) if view_is_ours(view))


def script_src(response):
    return re.search(r"script-src ([^;]*)", response["Content-Security-Policy"]).group(1).split()


@pytest.fixture
def admin_client():
    user = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = SignedInClient()
    client.force_login(user)
    return client


def test_our_admin_pages_get_the_strict_policy_and_wagtails_the_relaxed_one(admin_client):
    assert {"/admin/rosters/", "/admin/privacy/requests/record/"} <= set(ours())
    for path in ours():
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert "'unsafe-inline'" not in script_src(response), path
    assert "'unsafe-inline'" in script_src(admin_client.get("/admin/"))
