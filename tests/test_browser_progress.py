"""A citizen reads the teams' progress on a 360×740 phone, in Vietnamese and in English: the
country, then a province's communes, charts above their tables, nothing wider than the screen,
no serious accessibility fault. Screenshots under test-results/<test name>/ (TEST_PHOTOS=1)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.photos import photograph
from tests.world import progress

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "vi": {
        "title": "Tiến độ của các Tổ công nghệ số cộng đồng",
        "communes": "Xã, phường",
        "open": "Dữ liệu mở",
    },
    "en": {
        "title": "Progress of the community digital technology teams",
        "communes": "Communes",
        "open": "Open data",
    },
}


def check(page, output_dir, name):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
    violations = [
        f"{violation['id']}: {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not violations, f"{name}: {violations}"
    photograph(page, output_dir / f"{name}.png")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_citizen_reads_the_progress_of_the_country_and_a_province(
    language, phone_page, live_server, output_dir
):
    progress.build(lonely=False)
    words = WORDS[language]
    page = phone_page
    page.goto(f"{live_server.url}/{language}/progress/")
    assert page.locator("h1").inner_text() == words["title"]
    assert page.locator("svg.chart").count() == 2
    assert page.locator("#figures strong").first.inner_text() == "3 / 4"
    check(page, output_dir, f"1-country-{language}")

    page.get_by_role("link", name="Thành phố Hà Nội").click()
    page.wait_for_url(f"**/{language}/progress/91/")
    assert page.get_by_role("heading", name=words["communes"]).is_visible()
    an = page.locator("#units tbody tr", has_text="Xã Bát Tràng")
    assert an.locator("td").nth(2).inner_text().endswith("< 5")
    check(page, output_dir, f"2-province-{language}")

    page.get_by_role("link", name=words["open"], exact=False).last.click()
    page.wait_for_url(f"**/{language}/open-data/")
    check(page, output_dir, f"3-open-data-{language}")
