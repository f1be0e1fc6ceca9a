"""Every role's journey end to end in a real Chromium, once in Vietnamese and once in English (issue 12).

Sign-in always goes through the real pages: team users by the code texted to the fake Twilio
server, staff by email, password and the code of their authenticator app. Phones are 360×740,
the admin a 1280×800 desktop. With TEST_PHOTOS=1 each step is photographed into test-results/<test name>/.
Officers', the administrator's and the editor's journeys are in test_browser_journeys_staff.py.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from teams.models import AssistanceLog, Member
from tests.factories_teams import MemberFactory, account_of, leader_of
from tests.factories_trainings import CourseFactory, SessionFactory
from tests.journey_steps import LANGUAGES, Journey, sign_in_with_phone_code, sign_out
from tests.world import build_map
from trainings.models import Registration, TrainingSession
from trainings.registering import enrol
from vietnamese.phones import parse_phone

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


@pytest.fixture
def team_world(transactional_db):
    """A team in Xã Bát Tràng with its leader, a member who signs in, and a members' class under way."""
    import importlib

    from django.apps import apps

    # The services the migration seeds (a transactional test's flush removes them).
    importlib.import_module("teams.migrations.0003_seed_services").seed(apps, None)
    world = build_map("a")
    commune, team = world["a"], world["teams"]["a"]
    leader = leader_of(team, full_name="Nguyễn Văn Hùng")
    trainee = MemberFactory(team=team, full_name="Trần Thị Mai")
    member = MemberFactory(team=team, full_name="Lê Thị Hoa", role=Member.TeamRole.MEMBER)
    account_of(member)
    session = SessionFactory(
        commune=commune,
        audience=TrainingSession.Audience.MEMBERS,
        course=CourseFactory(title_vi="Kỹ năng hỗ trợ người dân", title_en="Helping citizens"),
    )
    enrol(session, [trainee])
    started = timezone.now() - timedelta(hours=1)  # the class began an hour ago
    TrainingSession.objects.filter(pk=session.pk).update(
        starts_at=started, ends_at=started + timedelta(hours=2)
    )
    return {"team": team, "leader": leader, "trainee": trainee, "member": member, "session": session}


def prefers(user, language):
    """The language the person chose when invited: where they land after signing in speaks it."""
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])


@pytest.fixture
def journey(browser, live_server, output_dir):
    journeys = []

    def start(language, **device):
        journeys.append(Journey(browser, live_server, output_dir, language, **device))
        return journeys[-1]

    yield start
    for each in journeys:
        each.close()


def log_a_session(journey, citizens):
    page = journey.page
    page.locator("input[name=citizens_helped]").fill(str(citizens))
    page.locator("input[name=women_helped]").fill("4")
    page.locator("input[name=services]").first.check()
    assert journey.fits_a_phone()
    journey.step("log-form")
    page.get_by_role("button", name=journey.say("Save"), exact=True).click()
    page.wait_for_url("**/team/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_team_leader_journey(journey, team_world, fake_twilio, language):
    team, session = team_world["team"], team_world["session"]
    prefers(team_world["leader"], language)
    trip = journey(language)
    page = trip.page
    sign_in_with_phone_code(trip, fake_twilio, parse_phone(team_world["leader"].phone).national)

    # A leader lands in the team area, not on the citizens' home page.
    page.wait_for_url(f"**/{language}/team/")
    assert trip.heading() == team.name
    assert trip.fits_a_phone()
    trip.step("team-area")

    page.locator("main").get_by_role("link", name=trip.say("Log a session")).click()
    page.wait_for_url("**/team/log/**")
    assert trip.heading() == trip.say("Log a session")
    log_a_session(trip, citizens=12)
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert trip.say("Session of %(date)s saved.", date=today) in trip.messages()
    assert AssistanceLog.objects.filter(team=team).count() == 1
    trip.step("logged")

    # On a slow network the leader goes Back to the form to tap Save again: told it is saved, still one log.
    page.go_back()
    page.wait_for_url("**/team/log/**")
    assert trip.heading() == trip.say("This session was already saved")
    assert page.get_by_role("button", name=trip.say("Save"), exact=True).count() == 0
    trip.step("back-already-saved")
    assert AssistanceLog.objects.filter(team=team).count() == 1
    page.get_by_role("link", name=trip.say("Back to your team")).click()
    page.wait_for_url("**/team/")
    assert page.locator("#recent-logs .log-item").count() == 1

    page.locator("nav.site-nav").get_by_role("link", name=trip.say("Trainings")).click()
    page.wait_for_url("**/team/trainings/")
    assert trip.heading() == trip.say("Training sessions")
    trip.step("trainings")
    page.get_by_role(
        "link", name=session.course.title_vi if language == "vi" else session.course.title_en
    ).click()
    page.get_by_role("link", name=trip.say("Tick who came")).click()
    assert trip.heading() == trip.say("Who came")
    page.get_by_label("Trần Thị Mai").check()
    assert trip.fits_a_phone()
    trip.step("attendance")
    page.get_by_role("button", name=trip.say("Save attendance")).click()
    page.wait_for_url(f"**/team/trainings/{session.pk}/")
    assert trip.say("Attendance saved; %(count)s members marked trained.", count=1) in trip.messages()
    trip.step("attendance-saved")
    assert Member.objects.get(pk=team_world["trainee"].pk).training_status == Member.TrainingStatus.TRAINED

    sign_out(trip)


@pytest.mark.parametrize("language", LANGUAGES)
def test_team_member_journey(journey, team_world, fake_twilio, language):
    team, member = team_world["team"], team_world["member"]
    prefers(member.user, language)
    trip = journey(language)
    page = trip.page
    sign_in_with_phone_code(trip, fake_twilio, parse_phone(member.phone).national)

    page.wait_for_url(f"**/{language}/team/")
    nav = page.locator("nav.site-nav")
    assert nav.locator("[aria-current=page]").inner_text() == trip.say("My team")
    assert trip.heading() == team.name
    assert "Lê Thị Hoa" in page.locator("main").inner_text()
    # A member sees the team, not the leader's button for logging its sessions.
    assert page.get_by_role("link", name=trip.say("Log a session")).count() == 0
    assert trip.fits_a_phone()
    trip.step("my-team")

    sign_out(trip)


GUIDES = {
    "vi": ("Định danh điện tử VNeID", "/vi/vneid/", "/vi/vneid/kich-hoat-vneid-muc-2/", "kich hoat vneid"),
    "en": (
        "VNeID electronic identity",
        "/en/vneid/",
        "/en/vneid/activate-vneid-level-2/",
        "activate vneid level 2",
    ),
}
GUIDE_TITLES = {
    "vi": "Kích hoạt tài khoản định danh điện tử VNeID mức 2",
    "en": "Activate your level-2 VNeID electronic identity",
}
# Letters only Vietnamese uses: one of them in an English page's text means a Vietnamese leftover.
VIETNAMESE_LETTERS = re.compile("[ăâđêôơưàảãạáằẳẵặắầẩẫậấèẻẽẹéềểễệếìỉĩịíòỏõọóồổỗộốờởỡợớùủũụúừửữựứỳỷỹỵý]", re.I)


def vietnamese_leftovers(page):
    """Words of the page's main text and image descriptions that carry Vietnamese letters."""
    texts = [page.locator("main").inner_text()]
    texts += [image.get_attribute("alt") or "" for image in page.locator("main img").all()]
    return sorted({word for text in texts for word in text.split() if VIETNAMESE_LETTERS.search(word)})


@pytest.fixture
def citizen_world(home_pages, settings):
    # The confirmation goes at once whatever hour the test runs: the sending window has its own tests.
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "00:00", "24:00"
    world = build_map("a")
    course = CourseFactory(title_vi="Thanh toán bằng mã QR", title_en="Paying by QR code")
    return SessionFactory(
        course=course, commune=world["a"], village=world["villages"]["a"], address="Nhà văn hoá thôn"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_citizen_journey(journey, citizen_world, fake_twilio, language):
    topic, topic_path, guide_path, unaccented_query = GUIDES[language]
    session = citizen_world
    trip = journey(language)
    page = trip.page
    trip.open(f"/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    assert trip.fits_a_phone()
    trip.step("home")

    page.locator("main").get_by_role("link", name=topic, exact=True).click()
    page.wait_for_url(f"**{topic_path}")
    assert trip.heading() == topic
    trip.step("topic")

    page.locator("main").get_by_role("link", name=GUIDE_TITLES[language], exact=True).click()
    page.wait_for_url(f"**{guide_path}")
    assert trip.heading() == GUIDE_TITLES[language]
    assert trip.fits_a_phone()
    trip.step("guide")
    if language == "en":
        assert vietnamese_leftovers(page) == []

    # Typed as on a phone keyboard without Vietnamese input: no tone marks.
    page.locator("header input[name=q]").fill(unaccented_query)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{language}/search/?q=*")
    results = page.locator("ol.cards a")
    assert GUIDE_TITLES[language] in results.all_inner_texts()
    trip.step("search")

    page.locator("nav.site-nav").get_by_role("link", name=trip.say("Trainings")).click()
    page.wait_for_url(f"**/{language}/trainings/")
    assert trip.heading() == trip.say("Training sessions near you")
    page.locator("input[name=place]").fill("giang cao")
    page.get_by_role("button", name=trip.say("Find sessions")).click()
    page.get_by_role(
        "link", name=session.course.title_vi if language == "vi" else session.course.title_en
    ).click()
    page.wait_for_url(f"**/{language}/trainings/{session.pk}/")
    page.locator("input[name=full_name]").fill("Nguyễn Thị Lan")
    page.locator("input[name=phone]").fill("0912 345 678")
    page.locator("input[name=consent]").check()
    assert trip.fits_a_phone()
    trip.step("sign-up-form")
    page.get_by_role("button", name=trip.say("Sign up"), exact=True).click()
    # The phone is proved by the code texted to it; the place is held meanwhile.
    page.wait_for_url(f"**/{language}/trainings/{session.pk}/confirm/")
    assert "0912 345 678" in page.locator("#code-sent").inner_text()
    code = re.search(r"\b(\d{6})\b", fake_twilio.accepted[-1]["body"]).group(1)
    page.locator("input[name=code]").fill(code)
    trip.step("sign-up-code")
    page.get_by_role("button", name=trip.say("Confirm my place")).click()
    page.wait_for_url("**/trainings/my-place/**")
    status = page.locator("#registration-status").inner_text()
    assert status == trip.say("%(name)s, you are signed up.", name="Nguyễn Thị Lan")
    assert trip.fits_a_phone()
    trip.step("signed-up")

    # Cancelling asks first: a tap by mistake cancels nothing.
    page.get_by_role("button", name=trip.say("Cancel my place")).click()
    assert trip.heading() == trip.say("Cancel your place?")
    assert trip.fits_a_phone()
    trip.step("asked-to-confirm")
    registration = Registration.objects.get(session=session, phone="+84912345678")
    assert registration.is_active
    page.get_by_role("button", name=trip.say("Yes, cancel my place")).click()
    page.wait_for_url(f"**/{language}/trainings/{session.pk}/")
    assert (
        trip.say("Your place is cancelled. You will get no more texts about this session.") in trip.messages()
    )
    trip.step("cancelled")
    registration.refresh_from_db()
    assert not registration.is_active
