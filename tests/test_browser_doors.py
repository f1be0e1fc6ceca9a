"""Doors a new user walks through, in Chromium at 360×740: a citizen who only signed up for a
training opens "my data" from the footer and from the link in her text (Vietnamese, then English);
an invited member accepts on her phone and lands in her team."""

import re

import pytest
import time_machine
from django.conf import settings

from accounts.models import Role
from messaging.dispatch import dispatch_due
from tests.browser_sign_in import signed_in_with_session
from tests.factories import CommuneFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import TeamFactory
from tests.factories_trainings import CourseFactory, SessionFactory
from tests.journey_steps import PHONE
from tests.photos import photograph
from tests.sign_in_steps import MORNING
from trainings.registering import sign_up

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def texts_to(fake_twilio, phone):
    return [sms["body"] for sms in fake_twilio.accepted if sms["to"] == phone]


def prove_and_open(page, fake_twilio, phone, typed, labels, output_dir, name):
    """On the phone-proof page: type the number, read the code from the text, open the data."""
    page.get_by_label(labels["phone"]).fill(typed)
    photograph(page, output_dir / f"{name}-1-number.png")
    page.get_by_role("button", name=labels["ask"]).click()
    page.wait_for_url("**/phone/my-data/code/")
    assert typed in page.locator("#code-sent").inner_text()
    code = re.search(r"\b(\d{6})\b", texts_to(fake_twilio, phone)[-1]).group(1)
    page.get_by_label(labels["code"]).fill(code)
    photograph(page, output_dir / f"{name}-2-code.png")
    page.get_by_role("button", name=labels["open"], exact=True).click()
    page.wait_for_url("**/my-data/")
    assert fits_the_screen(page)
    photograph(page, output_dir / f"{name}-3-my-data.png")


def test_a_citizen_who_only_signed_up_for_a_training_opens_her_data_from_the_footer_and_the_text(
    phone_page, browser, live_server, fake_twilio, output_dir, settings
):
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "00:00", "24:00"
    settings.SITE_URL = live_server.url
    commune = CommuneFactory(name="Xã Bát Tràng")
    course = CourseFactory(title_vi="Thanh toán bằng mã QR", title_en="Paying by QR code")
    session = SessionFactory(course=course, commune=commune, village=VillageFactory(commune=commune))
    sign_up(session, full_name="Lò Thị Mai", phone="0913 555 777", language="vi")
    sign_up(session, full_name="Mary Nguyen", phone="0913 555 888", language="en")
    dispatch_due()

    # Vietnamese, from the footer of any page.
    page = phone_page
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "vi", "url": live_server.url}])
    page.goto(f"{live_server.url}/vi/trainings/")
    page.locator("footer").get_by_role("link", name="Dữ liệu của tôi").click()
    page.wait_for_url("**/vi/phone/my-data/")
    vi = {"phone": "Số điện thoại di động", "ask": "Nhắn mã cho tôi", "code": "Mã 6 chữ số", "open": "Mở"}
    prove_and_open(page, fake_twilio, "+84913555777", "0913 555 777", vi, output_dir, "vi-footer")
    body = page.locator("main").inner_text()
    assert "Lò Thị Mai" in body
    assert "Thanh toán bằng mã QR" in body
    assert "Mary" not in body

    # English, from the link in her confirmation text, on a phone that never saw the site.
    [confirmation] = [t for t in texts_to(fake_twilio, "+84913555888") if "my-data" in t]
    link = re.search(r"https?://\S+/en/my-data/", confirmation).group(0)
    context = browser.new_context(**PHONE)
    english = context.new_page()
    english.goto(link)
    english.wait_for_url("**/en/phone/my-data/")
    assert "My data" in english.locator("h1").inner_text()
    en = {"phone": "Your mobile number", "ask": "Text me a code", "code": "6-digit code", "open": "Open"}
    prove_and_open(english, fake_twilio, "+84913555888", "0913 555 888", en, output_dir, "en-text")
    body = english.locator("main").inner_text()
    assert "Mary Nguyen" in body
    assert "Paying by QR code" in body
    assert "Lò Thị Mai" not in body
    context.close()


def test_an_invited_member_lands_in_her_team(browser, phone_page, live_server, fake_twilio, output_dir):
    commune = CommuneFactory(code="10105", name="Xã Bát Tràng")
    team = TeamFactory(commune=commune, village=VillageFactory(commune=commune), name="Tổ CNS thôn Giang Cao")
    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user
    with time_machine.travel(MORNING):
        context = browser.new_context()
        admin = signed_in_with_session(context.new_page(), live_server, officer)
        admin.goto(f"{live_server.url}/admin/invite/")
        admin.locator("input[name=full_name]").fill("Lê Thị Mai")
        admin.locator("input[name=phone]").fill("0912 345 678")
        admin.locator("select[name=role]").select_option(Role.TEAM_MEMBER)
        admin.locator("select[name=team]").select_option(str(team.pk))
        admin.locator("select[name=team_role]").select_option("deputy")
        admin.locator("select[name=language]").select_option("en")
        photograph(admin, output_dir / "1-invite-to-a-team.png")
        admin.locator("form:has(input[name=full_name]) button[type=submit]").click()
        admin.wait_for_load_state()
        context.close()
        dispatch_due()

        path = re.search(r"https?://[^/\s]+(/invitation/[\w-]+/)", fake_twilio.accepted[0]["body"]).group(1)
        page = phone_page
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}]
        )
        page.goto(live_server.url + path)
        assert "Tổ CNS thôn Giang Cao" in page.locator("#invited-team").inner_text()
        photograph(page, output_dir / "2-invitation.png")
        page.locator("form:has(input[name=consent]) button[type=submit]").click()
        page.wait_for_url("**/accounts/login/code/confirm/")
        code = re.search(r"\b(\d{6})\b", fake_twilio.accepted[1]["body"]).group(1)
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_url("**/en/team/")
        assert "Tổ CNS thôn Giang Cao" in page.locator("main").inner_text()
        assert fits_the_screen(page)
        photograph(page, output_dir / "3-her-team.png")
