"""A citizen on a cheap phone: home, topic, guide, English and back, search, poster, offline.

Real Chromium at 360×740; every page is checked with axe-core (no serious or critical
violations) and photographed into test-results/ (TEST_PHOTOS=1).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.photos import photograph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VI_GUIDE = "/vi/vneid/kich-hoat-vneid-muc-2/"
EN_GUIDE = "/en/vneid/activate-vneid-level-2/"
VI_TITLE = "Kích hoạt tài khoản định danh điện tử VNeID mức 2"


@pytest.fixture
def site(settings, home_pages):
    settings.ROOT_URLCONF = "tests.urls_with_media"


def check_page(page, output_dir, name):
    """Readable on a phone (nothing wider than the screen), accessible, and photographed."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
    violations = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not violations, f"{name}: {violations}"
    photograph(page, output_dir / f"{name}.png")


def test_a_citizen_follows_a_guide_on_a_phone(phone_page, live_server, site, output_dir):
    page = phone_page
    page.goto(f"{live_server.url}/vi/")
    # The service worker installs on the first visit and looks after every page after it.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    check_page(page, output_dir, "1-home")

    page.get_by_role("link", name="Định danh điện tử VNeID", exact=True).click()
    page.wait_for_url("**/vi/vneid/")
    check_page(page, output_dir, "2-topic")

    page.get_by_role("link", name=VI_TITLE, exact=True).click()
    page.wait_for_url(f"**{VI_GUIDE}")
    assert page.locator("h1").inner_text() == VI_TITLE
    page.locator("figure img").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('figure img').complete")
    assert page.evaluate("document.querySelector('figure img').naturalWidth") > 0
    check_page(page, output_dir, "3-guide-vi")

    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(f"**{EN_GUIDE}")
    assert page.locator("h1").inner_text() == "Activate your level-2 VNeID electronic identity"
    assert page.locator("html").get_attribute("lang") == "en"
    check_page(page, output_dir, "4-guide-en")
    page.get_by_role("link", name="Tiếng Việt", exact=True).click()
    page.wait_for_url(f"**{VI_GUIDE}")

    page.get_by_role("searchbox", name="Tìm hướng dẫn").fill("kich hoat vneid")
    page.keyboard.press("Enter")
    page.wait_for_url("**/vi/search/?q=kich+hoat+vneid")
    check_page(page, output_dir, "5-search")
    page.locator("ol.cards a").first.click()
    page.wait_for_url(f"**{VI_GUIDE}")

    page.goto(f"{live_server.url}{VI_GUIDE}poster/")
    check_page(page, output_dir, "6-poster")
    pdf = page.pdf(path=output_dir / "poster.pdf", format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # title, three steps and QR on one A4 sheet

    page.context.set_offline(True)
    page.goto(f"{live_server.url}{VI_GUIDE}")
    assert page.locator("h1").inner_text() == VI_TITLE
    assert page.evaluate("document.querySelector('figure img').complete")
    photograph(page, output_dir / "7-guide-offline.png")

    page.goto(f"{live_server.url}/vi/an-toan-tren-mang/")
    assert page.locator("h1").inner_text() == "Bạn đang không có mạng"
    photograph(page, output_dir / "8-offline-page.png")
    page.context.set_offline(False)
