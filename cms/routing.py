"""Find a public page in two queries instead of two per level of the tree.

Wagtail routes /vi/vneid/kich-hoat/ by asking the language's home page for its child `vneid`,
turning that into its specific page, asking it for its child `kich-hoat`, and so on: two queries
per level, plus the locale and the home page. A page's `url_path` already spells out that walk,
so one query reads every page on the way by `url_path`, one more reads the last as its own type,
and the last page's own `route()` handles what is left (a guide's print/, poster/ and qr/).

The site is remembered in the shared cache beside Wagtail's own list of site root paths, so one
cache read brings both and the site costs no query; any change to a site forgets it (signals).

The same query tells whether any page on the way has a view restriction: nearly none do, and
then Wagtail's before-serve check needs no query of its own (`RoutedPageMixin`). Whenever this
shortcut cannot promise Wagtail's answer (no root for the language, a root that is not live, a
page on the way with its own `route()`), it returns None and Wagtail routes as usual.
"""

import copy

from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

SITES_KEY = "cms:sites"
MAX_HOSTS = 100
# The pages on the way, with whether each (or the page it is an alias of) has a view restriction.
# Written out because it runs on every page view, and the ORM spent 1.0 of its 1.5 ms of CPU
# building this SQL (Exists over an OR of two outer references): bench/bench_guides.py.
CHAIN_SQL = f"""
SELECT page.*, EXISTS (
    SELECT 1 FROM {PageViewRestriction._meta.db_table} restriction
    WHERE restriction.page_id IN (page.id, page.alias_of_id)
) AS restricted
FROM {Page._meta.db_table} page WHERE page.url_path IN ({{placeholders}}) ORDER BY page.depth
"""  # noqa: S608 (table names from the models; values bound)


def route(request, path):
    """Wagtail's RouteResult for `path` under the request's site and language, or None."""
    site, site_root_paths = _site_and_root_paths(request)
    if site is None:
        return None
    language = get_language()
    root_paths = [
        srp.root_path for srp in site_root_paths if srp.site_id == site.id and srp.language_code == language
    ]
    if len(root_paths) != 1:
        return None
    root_path = root_paths[0]
    components = [component for component in path.split("/") if component]
    url_paths = [
        root_path + "".join(f"{c}/" for c in components[:depth]) for depth in range(len(components) + 1)
    ]
    chain = list(
        Page.objects.raw(CHAIN_SQL.format(placeholders=", ".join(["%s"] * len(url_paths))), url_paths)
    )
    # The pages found must be the walk from the root, one per component, each url_path once.
    if not chain or [p.url_path for p in chain] != url_paths[: len(chain)] or not chain[0].live:
        return None
    if any(page.specific_class is None or page.specific_class.route is not Page.route for page in chain[:-1]):
        return None
    page = chain[-1].specific
    if len(chain) > 1:
        page._cached_parent_obj = chain[-2]
    page.route_ancestors = chain[:-1]
    page.view_restricted = any(p.restricted for p in chain)
    return page.route(request, components[len(chain) - 1 :])


def _site_and_root_paths(request):
    """Site.find_for_request() and Site.get_site_root_paths() in one cache read, both kept on the
    request where Wagtail looks for them, so page URLs built later in the request reuse them."""
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    found = cache.get_many([SITES_KEY, SITE_ROOT_PATHS_CACHE_KEY], version=SITE_ROOT_PATHS_CACHE_VERSION)
    sites = found.get(SITES_KEY) or {}
    site = sites.get(host)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None and len(sites) < MAX_HOSTS:
            # Kept without its root page, which editors change: code that wants it reads it afresh.
            kept = copy.copy(site)
            kept._state.fields_cache.pop("root_page", None)
            cache.set(SITES_KEY, {**sites, host: kept}, None, version=SITE_ROOT_PATHS_CACHE_VERSION)
    request._wagtail_site = site
    root_paths = found.get(SITE_ROOT_PATHS_CACHE_KEY)
    if root_paths is None:
        root_paths = Site.get_site_root_paths()
    request._wagtail_cached_site_root_paths = root_paths
    return site, root_paths


def forget_sites(**kwargs):
    """Signal receiver: a site was saved or deleted."""
    cache.delete(SITES_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)


class RoutedPageMixin:
    """What `route()` learnt on the way, so serving the page does not ask again."""

    route_ancestors = None
    view_restricted = True

    def get_view_restrictions(self):
        if not self.view_restricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
