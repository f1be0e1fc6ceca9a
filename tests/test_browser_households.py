"""A team leader on a 360×740 phone, in Vietnamese and in English: adds a household from the team
area, ticks what its head showed they can do, plans the visit to come back for VNeID, and sees
the household covered once the second visit completes the basic set."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from households.checks import record_check
from households.models import FollowUp, Household
from tests.browser_sign_in import signed_in_with_session
from tests.factories_teams import leader_of
from tests.journey_steps import LANGUAGES, Journey
from tests.world import build_map

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST_VISIT = [
    "Uses the phone and its apps (install, open, update)",
    "Uses Zalo (or another chat app) safely",
    "Pays by scanning a QR code",
    "Spots a scam call or message",
]
SECOND_VISIT = [
    "Installed and activated VNeID level 2",
    "Submits an application on the public service portal",
]


@pytest.fixture
def leader(transactional_db):
    return leader_of(build_map("a")["teams"]["a"], full_name="Nguyễn Văn Hùng")


def _tick(journey, labels):
    for label in labels:
        journey.page.get_by_label(journey.say(label)).check()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_leader_adds_a_household_and_checks_its_heads_skills_on_a_phone(
    browser, live_server, output_dir, leader, language
):
    journey = Journey(browser, live_server, output_dir, language)
    try:
        signed_in_with_session(journey.page, live_server, leader)
        page = journey.open(f"/{language}/team/")
        page.locator("#team-households").click()
        assert journey.heading() == journey.say("Households of %(village)s", village="Thôn Giang Cao")
        journey.step("village")

        started = time.monotonic()
        page.get_by_role("link", name=journey.say("Add a household")).click()
        page.get_by_label(journey.say("head of household")).fill("Lò Thị Mai")
        page.get_by_label(journey.say("address or note")).fill("Xóm Đình")
        assert journey.fits_a_phone()
        journey.step("household-form")
        page.get_by_role("button", name=journey.say("Save")).click()
        assert journey.say("Household of %(name)s added.", name="Lò Thị Mai") in journey.messages()
        assert time.monotonic() - started < 30
        journey.step("household")

        page.get_by_role("link", name=journey.say("Skills check")).click()
        _tick(journey, FIRST_VISIT)
        page.get_by_label(journey.say("Come back on (optional)")).fill(
            (timezone.localdate() + timedelta(days=14)).isoformat()
        )
        page.get_by_label(journey.say("To do on that visit")).fill("Hoàn tất VNeID mức 2")
        page.get_by_label(journey.say("Team member who comes back")).select_option(label="Nguyễn Văn Hùng")
        assert journey.fits_a_phone()
        journey.step("check-form")
        page.get_by_role("button", name=journey.say("Save")).click()
        assert journey.say("Skills check of %(name)s saved.", name="Lò Thị Mai") in journey.messages()
        assert journey.say("Not yet the basic set") in page.locator("#people").inner_text()
        assert "Hoàn tất VNeID mức 2" in page.locator("#follow-ups").inner_text()
        journey.step("after-first-visit")

        page.get_by_role("link", name=journey.say("Skills check")).click()
        _tick(journey, SECOND_VISIT)
        page.get_by_role("button", name=journey.say("Save")).click()
        assert journey.say("Has the basic set") in page.locator("#people").inner_text()
        page.get_by_role("button", name=journey.say("Done")).click()
        assert journey.say("No visit planned.") in page.locator("#follow-ups").inner_text()
        page.locator(".crumbs a").click()
        assert journey.say("Covered") in page.locator("#households").inner_text()
        assert journey.fits_a_phone()
        journey.step("village-covered")
    finally:
        journey.close()
    household = Household.objects.get()
    assert (household.head_name, household.created_by) == ("Lò Thị Mai", leader)
    assert FollowUp.objects.get().done_at is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_leader_corrects_one_person_and_removes_another_on_a_phone(
    browser, live_server, output_dir, leader, language
):
    village = leader.memberships.get().team.village
    household = Household.objects.create(village=village, head_name="Lò Văn Pao")
    for name in ("Lò Văn Pao", "Lo Thi Mai", "Lò Văn Sáng"):
        household.members.create(full_name=name)
    sang = household.members.get(full_name="Lò Văn Sáng")
    record_check(sang, ["pay_by_qr"], None)
    journey = Journey(browser, live_server, output_dir, language)
    try:
        signed_in_with_session(journey.page, live_server, leader)
        page = journey.open(f"/{language}/team/households/{household.pk}/")
        page.get_by_role("link", name=journey.say("Edit %(name)s", name="Lo Thi Mai")).click()
        assert journey.heading() == journey.say("Edit person")
        page.get_by_label(journey.say("full name")).fill("Lò Thị Mai")
        page.get_by_label(journey.say("year of birth")).fill("1987")
        assert journey.fits_a_phone()
        journey.step("person-form")
        page.get_by_role("button", name=journey.say("Save")).click()
        assert journey.say("%(name)s saved.", name="Lò Thị Mai") in journey.messages()
        assert "Lò Thị Mai · 1987" in page.locator("#people").inner_text()

        page.get_by_role("link", name=journey.say("Edit %(name)s", name="Lò Văn Sáng")).click()
        page.get_by_role("link", name=journey.say("Remove from the household")).click()
        assert journey.heading() == journey.say("Remove %(name)s from the household?", name="Lò Văn Sáng")
        assert page.locator("#checks-lost").is_visible()
        assert journey.fits_a_phone()
        journey.step("remove")
        page.get_by_role("button", name=journey.say("Remove")).click()
        assert journey.say("%(name)s removed from the household.", name="Lò Văn Sáng") in journey.messages()
        assert "Lò Văn Sáng" not in page.locator("#people").inner_text()
        assert journey.fits_a_phone()
        journey.step("after-removal")
    finally:
        journey.close()
    assert sorted(household.members.values_list("full_name", "birth_year")) == [
        ("Lò Thị Mai", 1987),
        ("Lò Văn Pao", None),
    ]
