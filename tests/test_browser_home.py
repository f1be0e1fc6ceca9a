"""The home page on a phone, in a real Chromium."""

import pytest

from tests.photos import photograph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_on_a_phone_in_both_languages(phone_page, live_server, home_pages, output_dir):
    phone_page.goto(f"{live_server.url}/vi/")
    assert phone_page.locator("h1").inner_text() == "Tổ công nghệ số cộng đồng"
    assert phone_page.locator("html").get_attribute("lang") == "vi"
    # Nothing runs off the side of a 360 px screen.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    photograph(phone_page, output_dir / "home-vi.png")

    phone_page.get_by_role("link", name="English").click()
    phone_page.wait_for_url("**/en/")
    assert phone_page.locator("h1").inner_text() == "Community digital technology teams"
    photograph(phone_page, output_dir / "home-en.png")
