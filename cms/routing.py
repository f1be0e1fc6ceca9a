"""Find a public page in two queries instead of two per level of the tree.

Wagtail routes /vi/vneid/kich-hoat/ by asking the language's home page for its child `vneid`,
turning that into its specific page, asking it for its child `kich-hoat`, and so on: two queries
per level, plus the locale and the home page. A page's `url_path` already spells out that walk,
so one query reads every page on the way by `url_path`, one more reads the last as its own type,
and the last page's own `route()` handles what is left (a guide's print/, poster/ and qr/).

The same query tells whether any page on the way has a view restriction: nearly none do, and
then Wagtail's before-serve check needs no query of its own (`RoutedPageMixin`). Whenever this
shortcut cannot promise Wagtail's answer (no root for the language, a root that is not live, a
page on the way with its own `route()`), it returns None and Wagtail routes as usual.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site


def route(request, path):
    """Wagtail's RouteResult for `path` under the request's site and language, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = get_language()
    root_paths = [
        srp.root_path
        for srp in site.root_page._get_site_root_paths(request)
        if srp.site_id == site.id and srp.language_code == language
    ]
    if len(root_paths) != 1:
        return None
    root_path = root_paths[0]
    components = [component for component in path.split("/") if component]
    url_paths = [
        root_path + "".join(f"{c}/" for c in components[:depth]) for depth in range(len(components) + 1)
    ]
    restricted = PageViewRestriction.objects.filter(Q(page=OuterRef("pk")) | Q(page=OuterRef("alias_of")))
    chain = list(
        Page.objects.filter(url_path__in=url_paths).annotate(restricted=Exists(restricted)).order_by("depth")
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


class RoutedPageMixin:
    """What `route()` learnt on the way, so serving the page does not ask again."""

    route_ancestors = None
    view_restricted = True

    def get_view_restrictions(self):
        if not self.view_restricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
