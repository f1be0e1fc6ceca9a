"""sitemap.xml with hreflang alternates: every public page in each of its languages, and x-default.

Wagtail's own sitemap lists each page alone. A guide's translations are other pages with other
slugs, so each entry here names its translations by `translation_key`, and x-default points at
the Vietnamese version, the language every page has first. Pages behind a view restriction and
unpublished pages are left out; so are the areas for officers and teams (robots.txt says so too).
Addresses are built from SITE_URL, as the pages' own hreflang links are (cms/templatetags/cms_tags.py).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from places.models import Province
from progress.datasets import DATASETS

DEFAULT_LANGUAGE = "vi"


def _entry(location, lastmod, alternates):
    links = [{"lang_code": code, "location": url} for code, url in sorted(alternates.items())]
    if DEFAULT_LANGUAGE in alternates:
        links.append({"lang_code": "x-default", "location": alternates[DEFAULT_LANGUAGE]})
    return {
        "location": location,
        "lastmod": lastmod,
        "alternates": links,
        "changefreq": None,
        "priority": None,
    }


class PagesSitemap(Sitemap):
    """Every live, public Wagtail page, once per language, each with its translations."""

    def get_urls(self, page=1, site=None, protocol=None):
        pages = (
            Page.objects.live()
            .filter(depth__gt=1)
            .public()
            .annotate(language=F("locale__language_code"))
            .order_by("path")
        )
        groups = {}
        for item in pages:
            url = item.get_url()
            if url:
                groups.setdefault(item.translation_key, {})[item.language] = (
                    f"{settings.SITE_URL}{url}",
                    item.last_published_at,
                )
        return [
            _entry(location, lastmod, {code: url for code, (url, _when) in group.items()})
            for group in groups.values()
            for location, lastmod in group.values()
        ]


class PublicViewsSitemap(Sitemap):
    """The public pages that are views, not Wagtail pages: progress, open data, trainings, the team finder."""

    def _paths(self):
        yield "progress:national", ()
        for code in Province.objects.order_by("pk").values_list("pk", flat=True):
            yield "progress:province", (code,)
        yield "progress:open_data", ()
        for dataset in DATASETS:
            yield "progress:dataset", (dataset.slug,)
        yield "trainings:upcoming", ()
        yield "teams:find_team", ()

    def get_urls(self, page=1, site=None, protocol=None):
        entries = []
        for name, args in self._paths():
            alternates = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    alternates[code] = f"{settings.SITE_URL}{reverse(name, args=args)}"
            entries.extend(_entry(url, None, alternates) for url in alternates.values())
        return entries


SITEMAPS = {"pages": PagesSitemap, "views": PublicViewsSitemap}
