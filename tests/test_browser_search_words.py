"""A citizen on a cheap phone searches the way people type: a short form ("thẻ BHYT", "DVC") and
the Vietnamese keyboard left off ("kichs hoatj vneid", "luwaf ddaor"), in Vietnamese and English.

Real Chromium at 360×740, the search form filled and sent as a person does; each results page is
photographed into test-results/ (TEST_PHOTOS=1).
"""

import importlib

import pytest
from django.apps import apps

from tests.photos import photograph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEARCHES = [
    ("vi", "thẻ BHYT", "Tích hợp thẻ bảo hiểm y tế vào VNeID"),
    ("vi", "kichs hoatj vneid", "Kích hoạt tài khoản định danh điện tử VNeID mức 2"),
    ("en", "DVC application", "Submit an application on the National Public Service Portal"),
    ("en", "luwaf ddaor", "Spot a scam phone call"),
]


def test_short_forms_and_keyboard_left_off_find_the_guide_on_a_phone(
    phone_page, live_server, home_pages, output_dir
):
    # Synonyms and abbreviations are seeded by migrations; a transactional test before this one on
    # the same worker empties every table, so seed them again as the migrations do.
    for migration in ("0005_search_defaults", "0009_seed_abbreviations_and_title_trigram_index"):
        importlib.import_module(f"cms.migrations.{migration}").seed(apps, None)
    page = phone_page
    for number, (language, query, expected) in enumerate(SEARCHES, start=1):
        page.goto(f"{live_server.url}/{language}/search/")
        page.locator("#search-q").fill(query)
        page.locator("#search-q").press("Enter")
        page.wait_for_url("**/search/?q=*")
        photograph(page, output_dir / f"{number}-{language}-results.png")
        first = page.locator("ol.cards li h2 a").first
        assert first.inner_text() == expected, query
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, query
        photograph(page, output_dir / f"{number}-{language}-search.png")
