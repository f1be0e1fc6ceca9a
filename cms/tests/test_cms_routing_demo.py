"""The short routing (cms/routing.py, CHAIN_SQL) finds, for every page of the demo, the page
Wagtail's own routing finds, with the same view restrictions: guides, topics, news, their
translations, an alias, a restricted topic, sub-views and missing pages.

Where the short way cannot promise Wagtail's answer it returns None and Wagtail routes; that is
allowed, but every live page of the demo must be found the short way (that is what it is for).
"""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from cms import routing
from cms.models import GuidePage, TopicPage

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("whole_demo")]


def _answer(route_of, language, path):
    """(page id, its class, args, kwargs, restriction ids) as a router found it; "404"; None."""
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        try:
            found = route_of(request, path)
        except Http404:
            return "404"
        if found is None:
            return None
        page, args, kwargs = found
        # A routable page's view comes bound to the page object each router made: compare the function.
        args = tuple(getattr(arg, "__func__", arg) for arg in args)
        restrictions = sorted(page.get_view_restrictions().values_list("pk", flat=True))
        return page.pk, type(page), args, kwargs, restrictions


def _wagtails(request, path):
    site = Site.find_for_request(request)
    return site.root_page.localized.specific.route(request, [part for part in path.split("/") if part])


def _every_path():
    """(page, language, path, the page itself?) for every page under a site root, with a guide's
    print view and a missing child of each."""
    roots = [(srp.root_path, srp.language_code) for srp in Site.get_site_root_paths()]
    for page in Page.objects.select_related("locale").order_by("path"):
        for root_path, language in roots:
            if page.url_path.startswith(root_path) and page.locale.language_code == language:
                path = page.url_path.removeprefix(root_path)
                yield page, language, path, True
                if page.specific_class is GuidePage:
                    yield page, language, f"{path}print/", False
                yield page, language, f"{path}khong-co/", False


def test_every_demo_page_is_routed_as_wagtail_routes_it(demo):
    guide = GuidePage.objects.live().filter(locale__language_code="vi").order_by("path").first()
    other_topic = (
        TopicPage.objects.filter(locale__language_code="vi").exclude(pk=guide.get_parent().pk).first()
    )
    guide.create_alias(parent=other_topic, update_slug="ban-sao")
    restricted_topic = TopicPage.objects.filter(locale__language_code="vi").order_by("path").last()
    PageViewRestriction.objects.create(page=restricted_topic, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)

    compared = []
    for page, language, path, itself in _every_path():
        ours = _answer(routing.route, language, path)
        if ours is None:
            assert not (itself and page.live), f"/{language}/{path}: a live page not routed the short way"
            continue
        assert ours == _answer(_wagtails, language, path), f"/{language}/{path}"
        compared.append(path)
    assert f"{other_topic.slug}/ban-sao/" in compared  # the alias, restricted through its original
    assert f"{restricted_topic.slug}/" in compared
    assert len(compared) > 50
