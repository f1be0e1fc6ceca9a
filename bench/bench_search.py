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
# Mistyped queries for "Did you mean" (PostgreSQL only: a trigram index on folded titles).
TYPOS = {
    "vi": ["kich haot vnied", "thanh toan bnag ma qr", "zaol bi hack"],
    "en": ["actvate vnied", "pay wiht qr"],
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
    from django.db import connection

    from cms.search import search_pages
    from cms.search_typos import did_you_mean

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
    if connection.vendor == "postgresql":
        typo = _median_ms(timed, TYPOS[code], lambda query: did_you_mean(query, locale))
        every_title = _median_ms(timed, TYPOS[code], lambda query: _similar_titles_scanned(pages, query))
        report(f"{code}: typo suggestion, median (goal < 50 ms)", f"{typo:.1f}", "ms")
        report(f"{code}: previous typo query (every title compared), median", f"{every_title:.1f}", "ms")


def _similar_titles_scanned(pages, query):
    """The suggestion as it was before the trigram index: similarity computed for every title."""
    from django.contrib.postgres.search import TrigramWordSimilarity
    from django.db.models import F, Func
    from django.db.models.functions import Lower

    folded_title = Lower(Func(F("title"), function="unaccent"))
    similar = pages.annotate(similarity=TrigramWordSimilarity(query, folded_title)).filter(
        similarity__gte=0.3
    )
    return list(similar.order_by("-similarity", "pk")[:3])


def _median_ms(timed, queries, search):
    """Median milliseconds of `search` over every query, each repeated."""
    return statistics.median(timed(lambda: search(query))[0] for query in queries * REPEAT) * 1000  # noqa: B023
