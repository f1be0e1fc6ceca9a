"""What machines read of the public site: robots.txt, sitemap.xml with hreflang alternates, the
news feeds in both languages, and Open Graph tags with an image on guides and notices."""

import pytest
from defusedxml import ElementTree as ET
from django.conf import settings
from wagtail.images.models import Rendition
from wagtail.models import PageViewRestriction

from cms.models import NoticePage
from tests.factories_cms import demo_guide, vietnamese_topic

pytestmark = pytest.mark.django_db

VI_GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"
EN_GUIDE = "/en/vneid/activate-vneid-level-2/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_robots_keeps_crawlers_out_of_signed_in_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    for private in ("/admin/", "/accounts/", "/vi/dashboard/", "/en/team/", "/vi/my-data/"):
        assert f"Disallow: {private}" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /vi/progress") for line in lines)


def test_sitemap_names_each_page_in_every_language_with_x_default(client, home_pages):
    entries = sitemap(client)
    site = settings.SITE_URL
    expected = {"vi": f"{site}{VI_GUIDE}", "en": f"{site}{EN_GUIDE}", "x-default": f"{site}{VI_GUIDE}"}
    assert entries[f"{site}{VI_GUIDE}"] == expected
    assert entries[f"{site}{EN_GUIDE}"] == expected
    assert entries[f"{site}/vi/progress/"] == {
        "vi": f"{site}/vi/progress/",
        "en": f"{site}/en/progress/",
        "x-default": f"{site}/vi/progress/",
    }
    assert f"{site}/en/open-data/communes/" in entries
    assert not [url for url in entries if "/dashboard/" in url or "/team/" in url]


def test_a_page_behind_a_sign_in_is_not_in_the_sitemap(client, home_pages):
    PageViewRestriction.objects.create(page=vietnamese_topic(), restriction_type=PageViewRestriction.LOGIN)
    entries = sitemap(client)
    assert f"{settings.SITE_URL}{VI_GUIDE}" not in entries  # under the restricted topic
    assert f"{settings.SITE_URL}{EN_GUIDE}" in entries


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_list_the_notices_of_the_readers_language(client, home_pages, kind):
    for language in ("vi", "en"):
        response = client.get(f"/{language}/feeds/notices.{kind}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith(f"application/{kind}+xml")
        text = response.content.decode()
        for notice in NoticePage.objects.live():
            link = f"{settings.SITE_URL}{notice.get_url()}"
            assert (link in text) == (notice.locale.language_code == language), (language, link)
    home = client.get("/vi/").content.decode()
    assert f'href="/vi/feeds/notices.{kind}"' in home


def meta(page, name):
    import re

    found = re.search(rf'<meta property="{re.escape(name)}" content="([^"]*)">', page)
    return found and found.group(1)


def test_guides_and_notices_carry_open_graph_tags_with_an_image(client, home_pages):
    guide = client.get(VI_GUIDE).content.decode()
    assert meta(guide, "og:title") == demo_guide().title
    assert meta(guide, "og:url") == f"{settings.SITE_URL}{VI_GUIDE}"
    assert meta(guide, "og:locale") == "vi_VN"
    image = meta(guide, "og:image")
    assert image.startswith(settings.SITE_URL)
    assert "fill-1200x630" in image
    [rendition] = Rendition.objects.filter(filter_spec="fill-1200x630")
    assert image == f"{settings.SITE_URL}{rendition.url}"
    assert rendition.file.storage.exists(rendition.file.name)
    notice = NoticePage.objects.live().filter(locale__language_code="en").first()
    page = client.get(notice.get_url()).content.decode()
    assert meta(page, "og:title") == notice.title
    assert meta(page, "og:locale") == "en_US"
    assert meta(page, "og:image") == f"{settings.SITE_URL}/static/cms/icon-512.png"
