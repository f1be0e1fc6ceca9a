"""Officers' journeys end to end in a real Chromium on a 1280×800 desktop, in Vietnamese and English
(issue 12): email, password and authenticator code on the real pages, the dashboard, last month's
XLSX, the admin's trainings and attendance sheet, a roster import, signing out.
"""

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from teams.models import Team
from tests.factories import RoleAssignmentFactory, UserFactory, VillageFactory
from tests.factories_rosters import roster_map, roster_xlsx
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory
from tests.factories_trainings import CourseFactory, SessionFactory
from tests.journey_steps import DESKTOP, LANGUAGES, Journey, say, sign_out
from tests.sign_in_steps import PASSWORD, enrol
from tests.totp import TYPED_IN_A_BROWSER, totp_code
from trainings.models import TrainingSession
from trainings.registering import enrol as enrol_members

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


def last_month():
    """The first day of last month, in Vietnam: on the 1st too."""
    first = timezone.localdate().replace(day=1)
    return (first - timezone.timedelta(days=1)).replace(day=1)


@pytest.fixture
def officer_world(transactional_db):
    """Phú Thọ with two communes; in Xã Tân Lập a team, logs last month and this month, a class."""
    import importlib

    from django.apps import apps

    importlib.import_module("teams.migrations.0003_seed_services").seed(apps, None)
    province, tan_lap, hung_vuong, _other = roster_map()
    team = TeamFactory(
        village=VillageFactory(commune=tan_lap, name="Thôn Bắc"), name="Tổ công nghệ số thôn Bắc"
    )
    trainee = MemberFactory(team=team, full_name="Phạm Thị Thu", phone="+84912000111")
    LogFactory(team=team, held_on=last_month(), citizens_helped=17)
    LogFactory(team=team, held_on=timezone.localdate(), citizens_helped=5)
    session = SessionFactory(
        commune=tan_lap,
        audience=TrainingSession.Audience.MEMBERS,
        course=CourseFactory(title_vi="Kỹ năng hỗ trợ người dân", title_en="Helping citizens"),
    )
    enrol_members(session, [trainee])
    return {"province": province, "commune": tan_lap, "other_commune": hung_vuong, "team": team}


def staff_member(language, role, **unit):
    """An officer with an authenticator app; returns (user, its secret)."""
    from wagtail.users.models import UserProfile

    user = UserFactory(email=f"{role}@example.vn", is_staff=True, preferred_language=language)
    RoleAssignmentFactory(user=user, role=role, two_factor=False, **unit)
    profile = UserProfile.get_for_user(user)  # the admin's language is Wagtail's own preference
    profile.preferred_language = language
    profile.save()
    return user, enrol(user)


def sign_in_with_password_and_authenticator(trip, user, secret):
    page = trip.page
    trip.open("/accounts/login/")
    assert trip.heading() == trip.say("Sign in")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    trip.step("password")
    page.get_by_role("button", name=trip.say("Sign in with email and password")).click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    assert trip.heading() == trip.say("Two-factor sign-in")
    page.locator("input[name=code]").fill(totp_code(secret, TYPED_IN_A_BROWSER))
    trip.step("authenticator-code")
    page.locator("form:has(input[name=code]) button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


@pytest.fixture
def journey(browser, live_server, output_dir):
    journeys = []

    def start(language):
        journeys.append(Journey(browser, live_server, output_dir, language, device=DESKTOP))
        return journeys[-1]

    yield start
    for each in journeys:
        each.close()


def download(trip, locator, name):
    with trip.page.expect_download() as info:
        locator.click()
    path = trip.output_dir / name
    info.value.save_as(path)
    return path


def report_totals(path):
    """The totals row of a monthly report (always in Vietnamese: it is the official form)."""
    sheet = load_workbook(path)[say("vi", "Totals")]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(row for row in rows if row and say("vi", "Citizens helped") in row)
    total = next(row for row in rows if row and row[0] == say("vi", "Total"))
    month = next(row for row in rows if row and row[0] == say("vi", "Month"))
    return month[1], dict(zip(header, total, strict=False))


def admin_trainings_and_attendance_sheet(trip):
    page = trip.page
    trip.open("/admin/trainings/sessions/")
    assert "/admin/trainings/sessions/" in page.url  # not sent away for lack of permission
    # One session in the officer's area: its row's menu holds the sheet to tick on paper.
    row = page.locator("tbody tr").first
    trip.step("admin-trainings")
    row.locator("[data-w-dropdown-target=toggle]").click()
    sheet = download(
        trip, page.get_by_role("link", name=trip.say("Attendance sheet (XLSX)")), "attendance.xlsx"
    )
    rows = [row for row in load_workbook(sheet).active.iter_rows(values_only=True) if row]
    assert any("Phạm Thị Thu" in row for row in rows)
    trip.step("attendance-sheet")


def import_a_roster(trip, tmp_path):
    page = trip.page
    roster = tmp_path / "danh-sach.xlsx"
    roster.write_bytes(
        roster_xlsx(
            [
                ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Đông", "Xã Tân Lập"],
                ["Lê Văn Bình", "0912 345 680", "Thành viên", "Công an xã", "Thôn Đông", "Xã Tân Lập"],
            ]
        )
    )
    trip.open("/admin/rosters/")
    page.set_input_files("input[type=file]", str(roster))
    trip.step("roster-chosen")
    page.get_by_role("button", name=trip.say("Upload and preview")).click()
    page.get_by_role("button", name=trip.say("Confirm and import")).click()
    page.wait_for_selector("#roster-teams")
    trip.step("roster-imported")
    listing = page.locator("#roster-teams tbody tr").first.inner_text()
    assert Team.objects.get(village__name="Thôn Đông").name in listing
    assert "Nguyễn Văn An" in listing
    assert "Lê Văn Bình" in listing


def last_months_report(trip, name):
    """Last month chosen in the dashboard's report form; returns the month it reports and its totals."""
    form = trip.page.locator("#monthly-report")
    form.locator("select[name=month]").select_option(f"{last_month():%Y-%m}")
    return report_totals(download(trip, form.get_by_role("button", name=trip.say("Download")), name))


@pytest.mark.parametrize("language", LANGUAGES)
def test_commune_officer_journey(journey, officer_world, language, tmp_path):
    commune = officer_world["commune"]
    trip = journey(language)
    page = trip.page
    user, secret = staff_member(language, Role.COMMUNE_OFFICER, commune=commune)
    sign_in_with_password_and_authenticator(trip, user, secret)

    page.wait_for_url(f"**/{language}/dashboard/commune/{commune.code}/")
    assert commune.name in trip.heading()
    assert "22" in page.locator("#figures strong").all_inner_texts()  # 17 last month + 5 this month
    trip.step("dashboard")

    month, totals = last_months_report(trip, "report-last-month.xlsx")
    assert month == f"{last_month():%m/%Y}"
    assert totals[say("vi", "Citizens helped")] == 17
    assert totals[say("vi", "Sessions")] == 1
    trip.step("report-downloaded")

    admin_trainings_and_attendance_sheet(trip)
    import_a_roster(trip, tmp_path)
    trip.open(f"/{language}/dashboard/")
    sign_out(trip)


@pytest.mark.parametrize("language", LANGUAGES)
def test_province_officer_journey(journey, officer_world, language, tmp_path):
    province, commune = officer_world["province"], officer_world["commune"]
    trip = journey(language)
    page = trip.page
    user, secret = staff_member(language, Role.PROVINCE_OFFICER, province=province)
    sign_in_with_password_and_authenticator(trip, user, secret)

    page.wait_for_url(f"**/{language}/dashboard/province/{province.code}/")
    assert province.name in trip.heading()
    units = page.locator("#units")
    assert officer_world["other_commune"].name in units.inner_text()
    trip.step("province-dashboard")

    month, totals = last_months_report(trip, "province-report-last-month.xlsx")
    assert month == f"{last_month():%m/%Y}"
    assert totals[say("vi", "Citizens helped")] == 17
    trip.step("report-downloaded")

    units.get_by_role("link", name=commune.name).click()
    page.wait_for_url(f"**/{language}/dashboard/commune/{commune.code}/")
    assert commune.name in trip.heading()
    assert officer_world["team"].name in page.locator("#units").inner_text()
    trip.step("drilled-down")

    admin_trainings_and_attendance_sheet(trip)
    import_a_roster(trip, tmp_path)
    trip.open(f"/{language}/dashboard/")
    sign_out(trip)


@pytest.mark.parametrize("language", LANGUAGES)
def test_national_administrator_journey(journey, officer_world, language, settings):
    from messaging.models import SECRET_MASK, Message

    # The invitation goes out at once whatever hour the test runs (the sending window has its own tests).
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "00:00", "24:00"
    commune = officer_world["commune"]
    trip = journey(language)
    page = trip.page
    user, secret = staff_member(language, Role.NATIONAL_ADMIN)
    sign_in_with_password_and_authenticator(trip, user, secret)
    page.wait_for_url(f"**/{language}/dashboard/**")
    trip.step("landed")

    trip.open("/admin/invite/")
    page.locator("input[name=full_name]").fill("Đỗ Minh Châu")
    page.locator("input[name=phone]").fill("0987 654 321")
    page.locator("select[name=role]").select_option(Role.COMMUNE_OFFICER)
    page.locator("select[name=commune]").select_option(str(commune.pk))
    page.locator("select[name=language]").select_option(language)
    trip.step("invitation-form")
    page.locator("form:has(input[name=full_name]) button[type=submit]").click()
    page.wait_for_load_state()
    when = trip.say("now")  # inside the sending window
    invited = trip.say(
        "Invitation to %(name)s: the text message goes %(when)s.", name="Đỗ Minh Châu", when=when
    )
    assert invited in page.locator(".messages").inner_text()
    trip.step("invited")

    trip.open("/admin/outbox/")
    trip.step("outbox")
    row = page.locator("tbody tr", has_text="0987 654 321")
    assert row.count() == 1
    [text] = Message.objects.filter(recipient="+84987654321")
    assert text.language == language
    row.get_by_role("link").first.click()
    # The administrator reads the text as sent, but not the one-time link in it.
    shown = page.locator("main").inner_text()
    assert SECRET_MASK in shown
    assert "/invitation/" not in shown
    trip.step("invitation-text")


@pytest.fixture
def guide(home_pages, editors_group):
    """A published Vietnamese guide with a summary and one paragraph, not yet in English."""
    import json

    from cms.models import GuidePage
    from tests.factories_cms import vietnamese_topic

    page = GuidePage(
        title="Đăng ký tài khoản định danh",
        slug="dang-ky-tai-khoan",
        summary="Các bước đăng ký.",
        body=json.dumps([{"type": "paragraph", "value": "<p>Mở ứng dụng VNeID.</p>"}]),
    )
    vietnamese_topic().add_child(instance=page)
    page.save_revision().publish()
    return page


# Title, slug (under the title, where the translator sees it: cms/slugs.py), summary, paragraph.
ENGLISH_GUIDE = [
    "Register your identity account",
    "register-identity-account",
    "Steps to register on your phone.",
    "Open the VNeID app.",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_editor_journey(journey, guide, language):
    import re

    from wagtail.models import Locale

    trip = journey(language)
    page = trip.page
    user, secret = staff_member(language, Role.CONTENT_EDITOR)
    sign_in_with_password_and_authenticator(trip, user, secret)
    page.wait_for_url("**/admin/")
    trip.step("admin")

    trip.open(f"/admin/pages/{guide.pk}/edit/")
    trip.step("editor")
    page.locator("textarea[name=summary], input[name=summary]").fill("Các bước đăng ký trên điện thoại.")
    trip.step("edited")
    page.locator("button[name=action-publish]").click()
    page.wait_for_load_state()
    trip.step("published")
    trip.open(guide.url)
    assert "Các bước đăng ký trên điện thoại." in page.locator("main").inner_text()

    trip.open(f"/admin/localize/submit/page/{guide.pk}/")
    trip.step("translate-form")
    english = Locale.objects.get(language_code="en")
    page.locator(f"input[name=locales][value='{english.pk}']").check()
    page.locator("form:has(input[name=locales]) [type=submit]").first.click()
    page.wait_for_load_state()
    trip.step("translation-editor")

    for english_text in ENGLISH_GUIDE:  # in the editor's order
        page.get_by_role("button", name=trip.say("Translate"), exact=True).first.click()
        page.locator("textarea:visible").first.fill(english_text)
        page.get_by_role("button", name=trip.say("Save"), exact=True).first.click()
        page.get_by_text(english_text, exact=True).wait_for()
    trip.step("translated")
    page.get_by_role("button", name=re.compile("^" + re.escape(trip.say("Publish")))).first.click()
    page.wait_for_load_state()
    trip.step("translation-published")
    english_page = guide.get_translation(Locale.objects.get(language_code="en"))
    assert english_page.url.endswith("/register-identity-account/")
    trip.open(english_page.url)
    assert trip.heading() == ENGLISH_GUIDE[0]
    assert "Steps to register on your phone." in page.locator("main").inner_text()
    assert "Open the VNeID app." in page.locator("main").inner_text()
    trip.step("english-page")
