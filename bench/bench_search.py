"""Search with 1,000 guides in each language: the search page's server time for citizens' queries.

Baseline from the same run: the previous search (one index query requiring every word) on the
same pages. Guides are made from Vietnamese and English service words, so common words match
hundreds of pages, as they would in a grown site. BENCH_SEARCH_GUIDES changes the count.
"""

import os
import random
import statistics
import time
from io import StringIO

from django.test import Client
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

GUIDES = int(os.environ.get("BENCH_SEARCH_GUIDES", "1000"))
REPEAT = 20
QUERIES = {
    "vi": [
        "zalo bi hack",
        "cach kich hoat vneid nhu the nao",
        "chuyen khoan bang ma qr",
        "nop ho so dich vu cong",
        "kich haot vnied",
        "dang ky xe may",
    ],
    "en": [
        "pay by qr code",
        "how to activate my vneid",
        "my zalo got hacked",
        "open a shop online",
        "register a motorbike",
    ],
}
WORDS = {
    "vi": [
        "Kích hoạt",
        "tài khoản",
        "VNeID",
        "Zalo",
        "thanh toán",
        "mã QR",
        "dịch vụ công",
        "hồ sơ",
        "bảo hiểm y tế",
        "căn cước",
        "lừa đảo",
        "ngân hàng",
        "mua hàng",
        "gian hàng",
        "điện thoại",
        "mật khẩu",
        "đăng ký",
    ],
    "en": [
        "Activate",
        "account",
        "VNeID",
        "Zalo",
        "payment",
        "QR code",
        "public services",
        "application",
        "health insurance",
        "ID card",
        "scam",
        "bank",
        "shopping",
        "shop",
        "phone",
        "password",
        "register",
    ],
}


def run(report):
    from bench.__main__ import timed
    from cms import demo
    from cms.models import GuidePage, TopicPage

    demo.load(StringIO())
    started = time.perf_counter()
    rng = random.Random(2026)
    for code in ("vi", "en"):
        locale = Locale.objects.get(language_code=code)
        topic = TopicPage.objects.filter(locale=locale).first()
        words = WORDS[code]
        for number in range(GUIDES):
            title = " ".join(rng.sample(words, 4))
            guide = GuidePage(
                title=f"{title} {number}",
                slug=f"bench-{number}",
                locale=locale,
                summary=" ".join(rng.sample(words, 8)),
                body=[("paragraph", RichText(" ".join(rng.sample(words, 10))))],
                live=True,
            )
            topic.add_child(instance=guide)
    report(f"setup: {GUIDES} guides in each language", f"{time.perf_counter() - started:.0f}", "s")

    client = Client(HTTP_HOST="localhost")
    for code, queries in QUERIES.items():
        _time_language(report, timed, client, Locale.objects.get(language_code=code), queries)


def _time_language(report, timed, client, locale, queries):
    from cms.search import search_pages

    code = locale.language_code
    pages = Page.objects.live().filter(locale=locale).exclude(depth__lte=2)
    page = _median_ms(timed, queries, lambda query: client.get(f"/{code}/search/", {"q": query}).content)
    ranking = _median_ms(timed, queries, lambda query: search_pages(query, locale))
    baseline = _median_ms(
        timed, queries, lambda query: list(pages.specific().search(query, operator="and")[:30])
    )
    report(f"{code}: search page, median over {len(queries)} queries", f"{page:.1f}", "ms")
    report(f"{code}: ranking search, median", f"{ranking:.1f}", "ms")
    report(f"{code}: baseline, all-words index query, median", f"{baseline:.1f}", "ms")
    report(f"{code}: ratio ranking / baseline", f"{ranking / baseline:.2f}", "x")


def _median_ms(timed, queries, search):
    """Median milliseconds of `search` over every query, each repeated."""
    return statistics.median(timed(lambda: search(query))[0] for query in queries * REPEAT) * 1000  # noqa: B023
