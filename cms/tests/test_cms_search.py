"""Search finds guides however a Vietnamese reader types, on SQLite and on PostgreSQL alike."""

import unicodedata

import pytest
from wagtail.models import Locale

from cms.models import SearchSynonym
from cms.search import search_pages, suggest
from tests.factories_cms import add_guide, vietnamese_topic

pytestmark = pytest.mark.django_db

VNEID_GUIDE = "Kích hoạt tài khoản định danh điện tử VNeID mức 2"
WAYS_TO_TYPE_IT = [
    "kich hoat vneid",
    "kích hoạt VNeID",
    "KICH HOAT VNEID",
    unicodedata.normalize("NFD", "kích hoạt VNeID"),
    "  kích   hoạt,  VNeID!  ",
]


def titles(pages):
    return [page.title for page in pages]


def check_every_spelling_finds_the_same_guides():
    vi = Locale.objects.get(language_code="vi")
    for query in WAYS_TO_TYPE_IT:
        found = titles(search_pages(query, vi))
        assert found[0] == VNEID_GUIDE, query

    # Old and new tone-mark placement (hoà / hòa), each composed or decomposed.
    add_guide(vietnamese_topic("vneid"), "Hoà mạng thuê bao di động chính chủ", slug="hoa-mang")
    spellings = ["hoà mạng", "hòa mạng", "hoa mang", unicodedata.normalize("NFD", "hòa mạng")]
    results = [titles(search_pages(query, vi)) for query in spellings]
    assert results[0][0] == "Hoà mạng thuê bao di động chính chủ"
    assert all(result == results[0] for result in results)

    # đ and letters with two marks (ệ, ồ), which SQLite's own folding misses.
    assert "Nhận biết cuộc gọi lừa đảo" in titles(search_pages("lua dao", vi))
    assert "Nhận biết cuộc gọi lừa đảo" in titles(search_pages("lừa đảo", vi))

    # Someone still typing: the last word is a prefix.
    assert titles(suggest("kich ho", vi))[0] == VNEID_GUIDE
    assert titles(search_pages("kich hoat vne", vi))[0] == VNEID_GUIDE


def test_every_spelling_finds_the_same_guides(home_pages):
    check_every_spelling_finds_the_same_guides()


@pytest.mark.postgres
def test_every_spelling_finds_the_same_guides_on_postgresql(postgres, home_pages):
    check_every_spelling_finds_the_same_guides()


def test_results_stay_in_the_readers_language_and_can_be_narrowed_by_topic(home_pages):
    en = Locale.objects.get(language_code="en")
    assert titles(search_pages("activate vneid", en))[0] == "Activate your level-2 VNeID electronic identity"
    assert all(page.locale_id == en.pk for page in search_pages("vneid", en))

    vi = Locale.objects.get(language_code="vi")
    payments = vietnamese_topic("thanh-toan-khong-dung-tien-mat")
    everywhere = titles(search_pages("thanh toan", vi))
    in_topic = titles(search_pages("thanh toan", vi, topic=payments))
    assert "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia" in everywhere
    assert in_topic == ["Thanh toán bằng mã VietQR"]


def test_search_page_shows_results_and_works_without_javascript(
    client, home_pages, django_assert_max_num_queries
):
    for odd_query in ["", "   ", "!!! ??? ...", "đ" * 5000, "<script>alert(1)</script>"]:
        response = client.get("/vi/search/", {"q": odd_query})
        assert response.status_code == 200, odd_query
        assert "<script>alert(1)</script>" not in response.content.decode()
    assert client.get("/vi/search/", {"q": "\x00"}).status_code == 400  # config/request_guard.py

    response = client.get("/vi/search/", {"q": "kich hoat vneid"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(VNEID_GUIDE) < html.index("Tích hợp thẻ bảo hiểm y tế vào VNeID")
    assert 'href="/vi/vneid/kich-hoat-vneid-muc-2/"' in html

    suggestions = client.get("/vi/search/suggestions/", {"q": "kich ho"}).content.decode()
    assert 'href="/vi/vneid/kich-hoat-vneid-muc-2/"' in suggestions

    # Two of them read the editors' synonyms and abbreviations, one counts the pages searched
    # (for the rarity of each word, cms/search.py), one finds the answered questions registered by
    # the forum (forum/search.py); SQLite's index needs one more than PostgreSQL's.
    with django_assert_max_num_queries(15):
        client.get("/vi/search/", {"q": "kich hoat vneid", "topic": "x"})


# Citizens' words: extra words, stop words, other words for the same thing.
NATURAL_QUERIES = [
    ("vi", "zalo bi hack", "Bảo vệ tài khoản Zalo"),
    ("vi", "zalo bị hack thì phải làm sao", "Bảo vệ tài khoản Zalo"),
    ("vi", "cách kích hoạt vneid như thế nào", VNEID_GUIDE),
    ("vi", "tôi muốn kích hoạt định danh mức 2 trên điện thoại", VNEID_GUIDE),
    ("vi", "chuyen khoan bang ma qr", "Thanh toán bằng mã VietQR"),
    ("vi", "nhan biet cuoc goi scam", "Nhận biết cuộc gọi lừa đảo"),
    ("en", "pay by qr code", "Pay with a VietQR code"),
    ("en", "how to activate my vneid", "Activate your level-2 VNeID electronic identity"),
    ("en", "my zalo got hacked", "Protect your Zalo account"),
]


@pytest.mark.parametrize(("language", "query", "expected"), NATURAL_QUERIES)
def test_a_citizens_own_words_find_the_guide_that_answers_them(home_pages, language, query, expected):
    assert titles(search_pages(query, Locale.objects.get(language_code=language)))[0] == expected


def test_pages_with_all_the_words_come_before_pages_with_some(home_pages):
    vi = Locale.objects.get(language_code="vi")
    topic = vietnamese_topic("vneid")
    add_guide(topic, "Đổi mật khẩu ngân hàng", slug="doi-mat-khau-ngan-hang")
    add_guide(topic, "Đổi mật khẩu Zalo trên máy tính bảng", slug="doi-mat-khau-zalo")

    found = titles(search_pages("doi mat khau zalo may tinh bang", vi))
    assert found[0] == "Đổi mật khẩu Zalo trên máy tính bảng"
    assert found.index("Đổi mật khẩu ngân hàng") > 0


def test_a_synonym_an_editor_adds_applies_to_both_languages(home_pages):
    vi, en = (Locale.objects.get(language_code=code) for code in ("vi", "en"))
    assert titles(search_pages("ứng dụng OTT", vi))[:1] != ["Bảo vệ tài khoản Zalo"]
    SearchSynonym.objects.create(terms="ứng dụng OTT, OTT app, Zalo")

    assert titles(search_pages("ung dung ott", vi))[0] == "Bảo vệ tài khoản Zalo"
    assert titles(search_pages("ott app", en))[0] == "Protect your Zalo account"


@pytest.mark.postgres
def test_a_mistyped_search_suggests_the_title_it_was_meant_for(postgres, client, home_pages):
    html = client.get("/vi/search/", {"q": "vnied"}).content.decode()
    assert "Không tìm thấy" in html
    assert "Có phải bạn muốn tìm:" in html
    assert 'href="/vi/vneid/kich-hoat-vneid-muc-2/"' in html
