"""Each layout (citizens', team, officers') on a 360×740 phone, in Vietnamese and English: its
header is there, nothing runs off the side of the screen, fields fill the width, and the dashboard's
tables and charts stay readable. Screenshots under test-results/<test name>/ (TEST_PHOTOS=1)."""

import pytest
from django.utils import timezone

from accounts.models import Role
from tests.browser_sign_in import signed_in_with_session
from tests.factories import CommuneFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, leader_of
from tests.factories_trainings import SessionFactory
from tests.photos import photograph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 360
LANGUAGES = {
    "vi": {
        "trainings": "Tập huấn",
        "my_team": "Tổ của tôi",
        "dashboards": "Bảng số liệu",
        "sign_out": "Đăng xuất",
        "find_sessions": "Tìm buổi tập huấn",
    },
    "en": {
        "trainings": "Trainings",
        "my_team": "My team",
        "dashboards": "Dashboards",
        "sign_out": "Sign out",
        "find_sessions": "Find sessions",
    },
}


@pytest.fixture
def place(transactional_db):
    import importlib

    from django.apps import apps

    # The services the migration seeds (a transactional test's flush removes them).
    importlib.import_module("teams.migrations.0003_seed_services").seed(apps, None)
    commune = CommuneFactory(name="Xã Bát Tràng")
    team = TeamFactory(
        village=VillageFactory(commune=commune, name="Thôn Giang Cao Đông Dư Thượng"),
        name="Tổ công nghệ số cộng đồng thôn Giang Cao Đông Dư Thượng",
    )
    MemberFactory.create_batch(3, team=team)
    for months_ago in range(4):
        LogFactory(
            team=team, held_on=timezone.localdate().replace(day=1) - timezone.timedelta(days=31 * months_ago)
        )
    SessionFactory(commune=commune)
    return {"commune": commune, "team": team}


def check_phone_screen(page, output_dir, name):
    """Nothing wider than the phone, and the header's main navigation on screen."""
    width = page.evaluate("document.documentElement.scrollWidth")
    photograph(page, output_dir / f"{name}.png")
    assert width <= PHONE_WIDTH, f"{name}: the page is {width} px wide"
    assert page.locator("nav.site-nav").is_visible()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_citizens_layout_fits_a_phone(phone_page, live_server, output_dir, home_pages, place, language):
    words = LANGUAGES[language]
    page = phone_page
    page.goto(f"{live_server.url}/{language}/")
    check_phone_screen(page, output_dir, f"1-home-{language}")
    page.locator("nav.site-nav").get_by_role("link", name=words["trainings"]).click()
    page.wait_for_url(f"**/{language}/trainings/")
    assert page.locator("nav.site-nav [aria-current=page]").inner_text() == words["trainings"]
    check_phone_screen(page, output_dir, f"2-trainings-{language}")
    # The finder's button stands apart from the first session under it.
    button = page.get_by_role("button", name=words["find_sessions"]).bounding_box()
    assert page.locator("#sessions").bounding_box()["y"] - (button["y"] + button["height"]) >= 8
    for door in ("forum", "my-data"):
        page.goto(f"{live_server.url}/{language}/phone/{door}/")
        check_phone_screen(page, output_dir, f"2-phone-{door}-{language}")
        # The phone box is a thumb's size, as tall as the sign-in page's, not the browser's thin default.
        box = page.locator("input[name=phone]").bounding_box()
        assert box["height"] >= 40, box
        assert box["width"] >= 290, box
    page.goto(f"{live_server.url}/{language}/find-your-team/")
    check_phone_screen(page, output_dir, f"3-find-your-team-{language}")
    page.goto(f"{live_server.url}/{language}/no-such-page/")
    check_phone_screen(page, output_dir, f"4-not-found-{language}")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_team_layout_fits_a_phone(phone_page, live_server, output_dir, home_pages, place, language):
    words = LANGUAGES[language]
    page = signed_in_with_session(phone_page, live_server, leader_of(place["team"]))
    page.goto(f"{live_server.url}/{language}/team/")
    check_phone_screen(page, output_dir, f"1-team-{language}")
    page.goto(f"{live_server.url}/{language}/team/log/")
    check_phone_screen(page, output_dir, f"2-log-form-{language}")
    # Fields fill the column on a phone (the browser's default is about 190 px); a pair of
    # small numbers shares a row half and half.
    typed = "main input:not([type=checkbox]):not([type=radio]):not([type=hidden]), main select"
    alone = page.eval_on_selector_all(
        typed, "fs => fs.filter(f => !f.closest('.row')).map(f => f.offsetWidth)"
    )
    paired = page.eval_on_selector_all(
        typed, "fs => fs.filter(f => f.closest('.row')).map(f => f.offsetWidth)"
    )
    assert alone, alone
    assert min(alone) >= 290, alone
    assert all(width >= 140 for width in paired), paired
    assert max(paired) - min(paired) <= 2, paired
    # A pair's boxes stand level even when one label takes two lines ("trong đó trên 60 tuổi").
    tops = page.eval_on_selector_all(
        typed, "fs => fs.filter(f => f.closest('.row')).map(f => f.getBoundingClientRect().top)"
    )
    assert max(tops) - min(tops) <= 1, tops
    page.goto(f"{live_server.url}/{language}/team/log/month/")
    check_phone_screen(page, output_dir, f"2-month-form-{language}")
    # A row's date and village each take the line: side by side both were cut.
    for field in ("held_on", "village"):
        assert page.locator(f"#row-1 [name$='-{field}']").bounding_box()["width"] >= 250, field
    page.locator("nav.site-nav").get_by_role("link", name=words["trainings"]).click()
    page.wait_for_url(f"**/{language}/team/trainings/")
    check_phone_screen(page, output_dir, f"3-trainings-{language}")
    page.goto(f"{live_server.url}/{language}/dashboard/")
    check_phone_screen(page, output_dir, f"4-not-allowed-{language}")
    page.get_by_role("button", name=words["sign_out"]).click()
    page.wait_for_url(f"**/{language}/")
    assert page.locator("nav.site-nav").get_by_role("link", name=words["my_team"]).count() == 0


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_officers_layout_fits_a_phone(phone_page, live_server, output_dir, place, language):
    words = LANGUAGES[language]
    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=place["commune"]).user
    page = signed_in_with_session(phone_page, live_server, officer)
    page.goto(f"{live_server.url}/{language}/dashboard/")
    page.wait_for_url(f"**/dashboard/commune/{place['commune'].code}/")
    assert page.locator("nav.site-nav [aria-current=page]").inner_text() == words["dashboards"]
    check_phone_screen(page, output_dir, f"1-commune-dashboard-{language}")
    # The period's and the monthly XLSX's choices are thumb-sized, each with its button beside it.
    for form in ("#period-picker", "#monthly-report"):
        choice = page.locator(f"{form} select").bounding_box()
        button = page.locator(f"{form} button").bounding_box()
        assert choice["height"] >= 40, form
        assert abs(button["y"] - choice["y"]) < choice["height"], form
    # Every table's last column is on screen, or its own box scrolls sideways to it.
    for table in page.locator("main table").all():
        box = table.locator("tr").first.locator("th, td").last.bounding_box()
        scrolls = table.evaluate(
            "t => { const w = t.closest('.table-wrap'); return !!w && getComputedStyle(w).overflowX === 'auto'; }"
        )
        assert box["x"] + box["width"] <= PHONE_WIDTH or scrolls
    # Chart labels are whole words (a long team name breaks onto a second line, never mid-word).
    labels = page.eval_on_selector_all("svg.chart text", "texts => texts.map(text => text.textContent)")
    named = [label for label in labels if "Giang" in label or "Dư" in label]
    whole_words = set(place["team"].name.split()) | set(place["team"].village.name.split())
    assert named, named
    assert all(set(label.replace("…", " ").split()) <= whole_words for label in named), named
    page.goto(f"{live_server.url}/{language}/team/trainings/")
    check_phone_screen(page, output_dir, f"2-trainings-{language}")
