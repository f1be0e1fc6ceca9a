"""Pages found by url_path in one query (cms/routing.py) answer as Wagtail's own routing would."""

import pytest
from wagtail.models import PageViewRestriction, Site

from tests.factories_cms import demo_guide, vietnamese_topic

pytestmark = pytest.mark.django_db

VI_GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"


@pytest.fixture
def memory_cache(settings):
    """Counts of the page's own queries, not the embedded database cache's."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_an_uncached_guide_takes_four_queries(client, home_pages, memory_cache, django_assert_num_queries):
    client.get(f"{VI_GUIDE}?first")  # the screenshot's renditions are made once, on first sight
    # The pages on the way, the guide itself, its translations with the related guides, the image.
    with django_assert_num_queries(4):
        html = client.get(f"{VI_GUIDE}?cold").content.decode()
    assert '<a href="/vi/vneid/">Định danh điện tử VNeID</a>' in html  # breadcrumbs from the route
    assert "Tích hợp thẻ bảo hiểm y tế vào VNeID" in html  # a related guide
    assert 'hreflang="en" href="http://' in html
    assert "/en/vneid/activate-vneid-level-2/" in html


def test_sub_views_and_missing_pages_route_as_in_wagtail(client, home_pages):
    assert client.get(f"{VI_GUIDE}print/").status_code == 200
    assert client.get(f"{VI_GUIDE}qr/")["Content-Type"] == "image/svg+xml"
    assert client.get(f"{VI_GUIDE}khong-co/").status_code == 404
    assert client.get("/vi/vneid/khong-co/").status_code == 404
    assert client.get("/vi/khong-co/ca-hai/").status_code == 404


def test_a_restricted_topic_still_asks_readers_to_sign_in(client, home_pages):
    PageViewRestriction.objects.create(page=vietnamese_topic(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get(f"{VI_GUIDE}?cold")
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_a_guide_made_private_after_it_was_cached_asks_readers_to_sign_in(client, home_pages):
    assert client.get(VI_GUIDE)["X-Page-Cache"] == "miss"
    assert client.get(VI_GUIDE)["X-Page-Cache"] == "hit"
    restriction = PageViewRestriction.objects.create(
        page=vietnamese_topic(), restriction_type=PageViewRestriction.LOGIN
    )
    for path in (VI_GUIDE, f"{VI_GUIDE}print/", "/vi/vneid/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"/accounts/login/?next={path}")
    restriction.delete()
    assert client.get(VI_GUIDE).status_code == 200


def test_a_private_guide_sends_readers_to_the_sign_in_that_asks_for_two_factor(client, home_pages):
    PageViewRestriction.objects.create(page=vietnamese_topic(), restriction_type=PageViewRestriction.LOGIN)
    sign_in = client.get(VI_GUIDE)["Location"]
    assert client.get(sign_in).status_code == 200
    # Wagtail's own sign-in (Django's, by password alone) is never reached.
    assert client.get("/vi/_util/login/").status_code == 404
    assert client.post("/vi/_util/login/", {"username": "x", "password": "y"}).status_code == 404


def test_a_password_protected_guide_opens_with_its_password(client, home_pages):
    restriction = PageViewRestriction.objects.create(
        page=vietnamese_topic(), restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-to"
    )
    form = client.get(VI_GUIDE).content.decode()
    action = f"/vi/_util/authenticate_with_password/{restriction.pk}/{demo_guide().pk}/"
    assert f'action="{action}"' in form
    assert client.post(action, {"password": "sai", "return_url": VI_GUIDE}).status_code == 200  # asked again
    response = client.post(action, {"password": "mat-khau-to", "return_url": VI_GUIDE})
    assert response.status_code == 302
    assert "Kích hoạt" in client.get(response["Location"]).content.decode()


def test_a_guide_taken_down_is_not_found(client, home_pages):
    demo_guide().unpublish()
    assert client.get(f"{VI_GUIDE}?cold").status_code == 404


def test_a_site_moved_to_another_port_is_read_afresh(client, home_pages, memory_cache):
    assert client.get(f"{VI_GUIDE}?cold").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "elsewhere.example"
    site.save()
    # No site answers for this host any more: the remembered one must not be used.
    assert client.get(f"{VI_GUIDE}?cold").status_code == 404
