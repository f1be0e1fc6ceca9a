"""Guides, topics and the other pages a citizen reads, in both languages."""

import re

import pytest

from cms.models import GuidePage, HomePage, NoticePage, StandardPage, TopicPage
from tests.factories_cms import demo_guide, vietnamese_topic
from tests.pages import says

pytestmark = pytest.mark.django_db

VI_GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"
EN_GUIDE = "/en/vneid/activate-vneid-level-2/"


def test_a_guide_is_a_complete_page_with_no_javascript_needed(client, home_pages):
    html = client.get(VI_GUIDE).content.decode()

    assert "<h1>Kích hoạt tài khoản định danh điện tử VNeID mức 2</h1>" in html
    assert says(html, "2 phút đọc")
    assert "Rà soát lần cuối 20/10/2026" in html
    assert "Cần chuẩn bị trước khi bắt đầu" in html
    assert len(re.findall(r"<ol class=\"steps\">", html)) == 1
    assert html.count("<li><p>") == 5  # the five numbered steps
    assert '<a href="/vi/vneid/">Định danh điện tử VNeID</a>' in html  # breadcrumbs
    assert "Tích hợp thẻ bảo hiểm y tế vào VNeID" in html  # related guide
    # No script file to download; the only script is small, inline and optional.
    assert "<script src" not in html
    # The screenshot: responsive, modern format, lazy, sized, described.
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/webp"' in picture
    assert " 720w" in picture
    assert 'loading="lazy"' in picture
    assert 'width="360"' in picture
    assert 'height="640"' in picture
    assert 'alt="Màn hình đầu của ứng dụng VNeID' in picture
    # Sharing and the poster.
    assert "https://zalo.me/share?url=http%3A%2F%2F" in html
    assert "https://www.facebook.com/sharer/sharer.php?u=" in html
    assert 'href="/vi/vneid/kich-hoat-vneid-muc-2/poster/"' in html
    assert 'href="/vi/vneid/kich-hoat-vneid-muc-2/qr/"' in html


def test_languages_link_to_the_same_guide(client, home_pages):
    vi = client.get(VI_GUIDE).content.decode()
    en = client.get(EN_GUIDE).content.decode()

    assert '<html lang="vi">' in vi
    assert '<html lang="en">' in en
    assert "<h1>Activate your level-2 VNeID electronic identity</h1>" in en
    assert "Last reviewed 20/10/2026" in en
    assert f'<a href="{EN_GUIDE}" hreflang="en" lang="en">English</a>' in vi
    assert f'<a href="{VI_GUIDE}" hreflang="vi" lang="vi">Tiếng Việt</a>' in en
    for html in (vi, en):
        assert f'hreflang="vi" href="http://127.0.0.1:8000{VI_GUIDE}"' in html
        assert f'hreflang="en" href="http://127.0.0.1:8000{EN_GUIDE}"' in html
        assert 'hreflang="x-default"' in html


def test_print_poster_and_qr_code(client, home_pages):
    printed = client.get(f"{VI_GUIDE}print/").content.decode()
    assert printed.count("<li><p>") == 5
    assert 'role="search"' not in printed

    poster = client.get(f"{VI_GUIDE}poster/").content.decode()
    key_steps = re.search(r'<ol class="steps">(.*?)</ol>', poster, re.S).group(1)
    assert key_steps.count("<li>") == 3
    assert "Mở CH Play hoặc App Store" in key_steps
    assert "@page{size:A4" in poster
    assert "<svg" in poster
    assert "<path" in poster

    qr = client.get(f"{VI_GUIDE}qr/")
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<?xml")
    assert b"<path" in qr.content


def test_pages_live_only_where_they_belong(home_pages):
    home = HomePage.objects.get(locale__language_code="vi")
    topic = vietnamese_topic()
    assert not GuidePage.can_create_at(home)
    assert GuidePage.can_create_at(topic)
    assert not TopicPage.can_create_at(topic)
    assert not NoticePage.can_create_at(home)
    assert StandardPage.can_create_at(home)
    assert not StandardPage.can_create_at(topic)


def test_pages_are_cached_and_refreshed_on_publish_and_unpublish(
    client, home_pages, memory_cache, django_assert_max_num_queries, django_assert_num_queries
):
    with django_assert_max_num_queries(24):  # cold: route, page, topic, related, renditions
        first = client.get(VI_GUIDE)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get(VI_GUIDE)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content

    guide = demo_guide()
    guide.title = "Kích hoạt VNeID mức 2 (cập nhật)"
    guide.save_revision().publish()
    assert "Kích hoạt VNeID mức 2 (cập nhật)" in client.get(VI_GUIDE).content.decode()
    # The topic's list changed too: every page was refreshed, not just the guide.
    assert "Kích hoạt VNeID mức 2 (cập nhật)" in client.get("/vi/vneid/").content.decode()

    guide.unpublish()
    assert client.get(VI_GUIDE).status_code == 404


def test_home_and_topic_query_counts_are_locked(
    client, home_pages, memory_cache, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get("/vi/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/vi/vneid/").status_code == 200
    with django_assert_max_num_queries(0):
        client.get("/vi/vneid/")


def test_not_found_in_the_readers_language_with_a_search_box(client, home_pages):
    vi = client.get("/vi/khong-co-trang-nay/")
    en = client.get("/en/no-such-page/")
    assert vi.status_code == en.status_code == 404
    assert "Không tìm thấy trang" in vi.content.decode()
    assert '<html lang="en">' in en.content.decode()
    assert "Page not found" in en.content.decode()
    assert 'action="/en/search/"' in en.content.decode()
    assert 'action="/vi/search/"' in vi.content.decode()
