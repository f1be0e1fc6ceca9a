"""Every public and officer view, generated from the URL configuration, answers hostile addresses
without a server error: a NUL, a twenty-digit number, a 10,000-character value, a month of a
twenty-digit year and a superscript digit, in every GET parameter the view reads and in every argument of its path.

The parameters a view reads are found in its module's source (`request.GET.get("…")`), so a
parameter added later is tried without anyone listing it; a few every page may be given are
tried everywhere. A hostile path argument the route's pattern refuses (a superscript digit in
`<int:pk>`) reaches another view or the 404 page, not this one: such an address is tried once
for each view (or 404) it reaches, value and part of the site, not once per route.
"""

import inspect
import re
from urllib.parse import quote, unquote

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from accounts.models import Role
from tests.factories import RoleAssignmentFactory
from tests.sessions import SignedInClient

pytestmark = [pytest.mark.django_db]

# "²" passes str.isdigit() but not int(): a digit check with isdigit() let it through to a 500.
HOSTILE = ["\x00", "99999999999999999999", "x" * 10_000, "99999999999999999999-01", "²"]
EVERYWHERE = {"page", "p", "q", "month", "next", "ordering"}
_READS = re.compile(r"""(?:GET|query_params)(?:\.get|\.getlist|\.__getitem__)?[\(\[]\s*["'](\w+)["']""")
# A path argument: <int:pk>, (?P<code>…), or an unnamed group such as the pages' ((?:[\w-]+/)*).
_ARGUMENT = re.compile(r"<(?:\w+:)?\w+>|\((?:[^()]|\([^()]*\))*\)")
OFFICERS = ("admin/", "vi/team/", "vi/dashboard/", "vi/my-data/")


def _views(patterns, prefix=""):
    """(route, view) for every URL of our apps, the route as written ("vi/dashboard/<str:code>/")."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "view_class", pattern.callback)
            if view.__module__.split(".")[0] in settings.LOCAL_APPS:
                yield route.replace("\\", ""), view


def _parameters(view):
    try:
        source = inspect.getsource(inspect.getmodule(view))
    except (OSError, TypeError):
        return EVERYWHERE
    return EVERYWHERE | set(_READS.findall(source))


def targets():
    seen = {}
    for route, view in _views(get_resolver().url_patterns):
        seen.setdefault(route, view)
    return sorted(seen.items())


def _path(route, fill):
    return "/" + _ARGUMENT.sub(lambda match: quote(fill, safe=""), route)


def _lands_on(address):
    """The view an address reaches (None: the 404 page)."""
    try:
        callback = resolve(unquote(address)).func
    except Resolver404:
        return None
    return getattr(callback, "view_class", callback)


@pytest.fixture
def clients():
    """Anonymous for public pages; a national administrator for officers' pages."""
    officer = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    signed_in = SignedInClient(raise_request_exception=False)
    signed_in.force_login(officer)
    return SignedInClient(raise_request_exception=False), signed_in


def _requests(route, view):
    """(address, query, value in the path or None) triples: each hostile value in every path
    argument, then in the parameters every page may be given all at once, then in each parameter
    the view reads, one by one."""
    if _ARGUMENT.search(route):
        for fill in HOSTILE:
            yield _path(route, fill), {}, fill
    address = _path(route, "1")
    specific = sorted(_parameters(view) - EVERYWHERE)
    for value in HOSTILE:
        yield address, dict.fromkeys(EVERYWHERE, value), None
        for name in specific:
            yield address, {name: value}, None


def test_no_hostile_address_gets_a_server_error(clients, home_pages):
    anonymous, officer = clients
    routes = targets()
    assert len(routes) > 30, routes
    failures = []
    elsewhere = set()  # (view or None, site part, client, value): where another route's address went
    for route, view in routes:
        if route.startswith(("sms/", "accounts/")) or route in ("sw.js",):
            continue  # webhooks answer POST only; allauth's pages are allauth's
        client = officer if route.startswith(OFFICERS) else anonymous
        for address, query, fill in _requests(route, view):
            if fill is not None and (lands_on := _lands_on(address)) is not view:
                reached = (lands_on, route.split("/")[0], client, fill)
                if reached in elsewhere:
                    continue
                elsewhere.add(reached)
            status = client.get(address, query).status_code
            if status >= 500:
                failures.append((address[:60], {k: v[:25] for k, v in query.items()}, status))
    assert failures == []
