"""Done means: on a 360 px phone, in Vietnamese and English, a leader opens the team area and
sees the team's targets as bars ("16 of 20") and this week's list with the late item in red,
then copies the team's Zalo text in one tap."""

from datetime import timedelta

import pytest
from django.utils import timezone

from teams.models import Target
from tests.browser_sign_in import signed_in_with_session
from tests.factories import CommuneFactory, VillageFactory
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, leader_of
from tests.factories_trainings import SessionFactory
from tests.photos import photograph

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]

WORDS = {
    "vi": {"of": "16 trên 20", "late": "Điểm danh", "copy": "Sao chép để gửi Zalo", "copied": "Đã sao chép"},
    "en": {"of": "16 of 20", "late": "Take attendance", "copy": "Copy to send on Zalo", "copied": "Copied"},
}


def session_at(commune, village, days):
    start = (timezone.localtime() + timedelta(days=days)).replace(hour=14, minute=0, second=0, microsecond=0)
    return SessionFactory(
        commune=commune, village=village, starts_at=start, ends_at=start + timedelta(hours=2)
    )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_leader_sees_targets_and_the_week_and_copies_the_zalo_text(
    phone_page, live_server, output_dir, language
):
    commune = CommuneFactory(name="Xã Giang Cao")
    village = VillageFactory(commune=commune, name="Thôn Kim Lan")
    team = TeamFactory(village=village, name="Tổ công nghệ số Thôn Kim Lan")
    MemberFactory(team=team)
    leader = leader_of(team)
    LogFactory(team=team, held_on=timezone.localdate(), citizens_helped=16)
    Target.objects.create(team=team, measure="citizens", value=20)
    session_at(commune, village, 2)
    session_at(commune, village, -4)  # attendance not taken, two days late

    page = signed_in_with_session(phone_page, live_server, leader)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}/{language}/team/")
    words = WORDS[language]
    assert words["of"] in page.locator("#targets").inner_text()
    assert page.locator("#targets progress").get_attribute("value") == "16"
    # Overdue: the attendance (and, on some days of the month, the commune's monthly report).
    late = page.locator("#this-week li.overdue", has_text=words["late"])
    assert late.count() == 1
    assert page.locator("#this-week li").count() >= 3  # run a session, attendance, untrained members
    color = late.locator("span.overdue").evaluate("e => getComputedStyle(e).color")
    assert color == "rgb(179, 38, 30)"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    photograph(page, output_dir / f"team-week-{language}.png")

    page.get_by_role("button", name=words["copy"]).click()
    button = page.locator('[data-copy-text="zalo-text"]')
    page.wait_for_function(
        "copied => document.querySelector('[data-copy-text]').textContent.startsWith(copied)",
        arg=words["copied"],
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#zalo-text").input_value()
    assert copied.startswith(team.name)
    assert "/find-your-team/" in copied
    assert words["copied"] in button.inner_text()
