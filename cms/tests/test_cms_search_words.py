"""Citizens' words, the third held-out kind of miss: short forms ("BHYT", "DVC", "ĐT"), a rare,
decisive word among common ones ("QR" among "chuyển tiền", "ngân hàng"), and text typed with the
Vietnamese keyboard off ("kichs hoatj", "kich1 hoat5"). On SQLite and PostgreSQL alike."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.models import SearchAbbreviation
from cms.search import search_pages
from cms.search_typos import did_you_mean
from tests.factories import UserFactory, enrolled_in_two_factor
from tests.factories_cms import add_guide, vietnamese_topic

pytestmark = pytest.mark.django_db

VNEID = (
    "Kích hoạt tài khoản định danh điện tử VNeID mức 2",
    "Activate your level-2 VNeID electronic identity",
)
QR = ("Thanh toán bằng mã VietQR", "Pay with a VietQR code")
SCAM = ("Nhận biết cuộc gọi lừa đảo", "Spot a scam phone call")
PUBLIC_SERVICE = (
    "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia",
    "Submit an application on the National Public Service Portal",
)
HEALTH_CARD = ("Tích hợp thẻ bảo hiểm y tế vào VNeID", "Add your health insurance card to VNeID")

# (language, query, the guide that must come first), by kind of miss.
MISSES = [
    # Abbreviations, matched as whole words and read as what they stand for.
    ("vi", "DVC quốc gia", PUBLIC_SERVICE[0]),
    ("vi", "thẻ BHYT", HEALTH_CARD[0]),
    ("vi", "kich hoat tk dinh danh tren dt", VNEID[0]),
    ("en", "DVC application", PUBLIC_SERVICE[1]),
    ("en", "BHYT card", HEALTH_CARD[1]),
    # The rare word decides, however many common words surround it.
    ("vi", "chuyển tiền qua mã QR ngân hàng", QR[0]),
    ("vi", "tin nhắn scam chuyển tiền ngân hàng", SCAM[0]),
    ("en", "send money from the bank app on my phone with qr", QR[1]),
    ("en", "scam message from the bank on my phone", SCAM[1]),
    # Telex and VNI left in the text.
    ("vi", "kichs hoatj vneid", VNEID[0]),
    ("vi", "kich1 hoat5 vneid", VNEID[0]),
    ("vi", "luwaf ddaor", SCAM[0]),
    ("vi", "baor veej taif khoanr zalo", "Bảo vệ tài khoản Zalo"),
    # Read before synonyms: "lừa đảo" typed with the keyboard off finds "scam" on the English site.
    ("en", "luwaf ddaor", SCAM[1]),
]


def titles(pages):
    return [page.title for page in pages]


def check_every_kind_of_miss_is_found():
    locales = {code: Locale.objects.get(language_code=code) for code in ("vi", "en")}
    misses = [
        (language, query, titles(search_pages(query, locales[language]))[:3], expected)
        for language, query, expected in MISSES
    ]
    wrong = [miss for miss in misses if miss[2][:1] != [miss[3]]]
    assert not wrong, "\n".join(map(str, wrong))


def test_every_kind_of_miss_finds_the_guide_first(home_pages):
    check_every_kind_of_miss_is_found()


@pytest.mark.postgres
def test_every_kind_of_miss_finds_the_guide_first_on_postgresql(postgres, home_pages):
    check_every_kind_of_miss_is_found()


def test_an_abbreviation_is_a_whole_word_only(home_pages):
    vi = Locale.objects.get(language_code="vi")
    SearchAbbreviation.objects.create(abbreviation="XM", meanings="xe máy")
    add_guide(vietnamese_topic("vneid"), "Đăng ký xe máy trên VNeID", slug="dang-ky-xe-may")
    assert titles(search_pages("dang ky XM", vi))[0] == "Đăng ký xe máy trên VNeID"
    # "xm" inside a longer word is not the abbreviation.
    assert titles(search_pages("xmz", vi)) == []


def test_a_typed_word_found_as_typed_is_never_read_as_telex(home_pages):
    vi = Locale.objects.get(language_code="vi")
    topic = vietnamese_topic("vneid")
    add_guide(topic, "Cho bé bú đúng cách", slug="cho-be-bu")
    add_guide(topic, "Đi xe bus bằng thẻ", slug="xe-bus")
    # "bus" would read as Telex "bú": it is kept, since pages hold it as typed.
    found = titles(search_pages("bus xe", vi))
    assert found[0] == "Đi xe bus bằng thẻ"
    assert "Cho bé bú đúng cách" not in found


def test_a_rare_word_outweighs_common_ones_and_a_title_outweighs_the_text(home_pages):
    vi = Locale.objects.get(language_code="vi")
    topic = vietnamese_topic("vneid")
    steps = ["Chuyển tiền qua ứng dụng ngân hàng."]
    common = [add_guide(topic, f"Hướng dẫn số {n}", steps=steps, slug=f"so-{n}").title for n in range(10)]
    in_text = add_guide(topic, "Hướng dẫn quét", steps=["Quét mã QR để chuyển tiền."], slug="quet").title
    in_title = add_guide(topic, "Mã QR ở chợ", steps=["Hỏi người bán."], slug="ma-qr-o-cho").title

    found = titles(search_pages("chuyển tiền ngân hàng QR", vi))
    # "QR" in a title beats "QR" in the text, which beats three common words without it.
    assert found.index(in_title) < found.index(in_text) < min(found.index(title) for title in common)


def test_editors_keep_the_abbreviations_in_the_admin(client, home_pages):
    vi = Locale.objects.get(language_code="vi")
    seeded = set(SearchAbbreviation.objects.values_list("abbreviation", flat=True))
    assert {"BHYT", "DVC", "CCCD", "TK", "NH", "ĐT", "UBND"} <= seeded

    editor = enrolled_in_two_factor(UserFactory())
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    listing = client.get("/admin/cms_searchabbreviation/")
    assert listing.status_code == 200
    assert "bảo hiểm y tế" in listing.content.decode()

    # "dt" folds to the same key as the seeded "ĐT": refused, with the reason, nothing lost.
    response = client.post(
        "/admin/cms_searchabbreviation/new/", {"abbreviation": "dt", "meanings": "đăng tin"}
    )
    assert response.status_code == 200
    assert "Từ viết tắt này đã có trong danh sách." in response.content.decode()
    response = client.post("/admin/cms_searchabbreviation/new/", {"abbreviation": "hai tu", "meanings": "x"})
    assert "Viết từ viết tắt thành một từ" in response.content.decode()

    assert titles(search_pages("GPLX", vi)) == []
    response = client.post(
        "/admin/cms_searchabbreviation/new/", {"abbreviation": "ZL", "meanings": "Zalo, Zalo app"}
    )
    assert response.status_code == 302
    assert titles(search_pages("bảo vệ ZL", vi))[0] == "Bảo vệ tài khoản Zalo"


@pytest.mark.postgres
def test_the_typo_suggestion_is_answered_from_the_trigram_index(postgres, home_pages):
    vi = Locale.objects.get(language_code="vi")
    with CaptureQueriesContext(connection) as queries:
        assert titles(did_you_mean("kich haot vnied", vi))[0] == VNEID[0]
    # The suggestion's own filter, deparsed by PostgreSQL as the index's expression is: the same
    # text means the index serves it. (Which plan is chosen depends on the table's size, and a
    # new index waits for older snapshots in a shared server before the planner may use it.)
    asked = re.search(r"cms_folded_title\([^)]*\) %> '[^']*'", queries.captured_queries[-1]["sql"])
    assert asked is not None
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN SELECT id FROM wagtailcore_page WHERE {asked[0]}")  # noqa: S608 (SQL Django wrote)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SELECT pg_get_indexdef('cms_page_folded_title_trgm'::regclass)")
        index = cursor.fetchone()[0]
    assert "(cms_folded_title((title)::text) gin_trgm_ops)" in index
    assert "cms_folded_title((title)::text) %>" in plan
