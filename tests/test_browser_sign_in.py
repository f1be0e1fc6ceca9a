"""Signing in on a phone in a real Chromium: a team leader by SMS code, staff sent to enrol 2FA."""

import re
from importlib import import_module

import pytest
from django.conf import settings

from accounts.models import User
from tests.factories import UserFactory
from tests.photos import photograph
from tests.totp import TYPED_IN_A_BROWSER, totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_team_leader_signs_in_by_phone_with_the_code_from_the_sms(
    wagtail_root, phone_page, live_server, home_pages, fake_twilio, output_dir
):
    User.objects.create_user(phone="+84912345678", full_name="Trần Văn Hùng")
    page = phone_page
    # A phone whose browser asks for English (the full Chromium asked so by default, the headless
    # shell asks for nothing): the team leader switches the page to Vietnamese.
    page.context.set_extra_http_headers({"Accept-Language": "en-US,en"})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == "Đăng nhập"
    assert fits_the_screen(page)
    photograph(page, output_dir / "1-login.png")

    page.get_by_role("link", name="Đăng nhập bằng số điện thoại").click()
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    assert fits_the_screen(page)
    photograph(page, output_dir / "2-phone.png")
    page.get_by_role("button", name="Gửi mã cho tôi").click()
    page.wait_for_url("**/accounts/login/code/confirm/")

    [sms] = fake_twilio.accepted
    assert sms["to"] == "+84912345678"
    code = re.search(r"\b(\d{6})\b", sms["body"]).group(1)
    page.get_by_label("Mã").fill(code)
    assert fits_the_screen(page)
    photograph(page, output_dir / "3-code.png")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/vi/")
    leader = User.objects.get(phone="+84912345678")
    assert leader.phone_verified
    # The browser holds a session cookie, and that session is the leader's.
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert settings.SESSION_COOKIE_NAME in cookies, sorted(cookies)
    session = import_module(settings.SESSION_ENGINE).SessionStore(
        session_key=cookies[settings.SESSION_COOKIE_NAME]
    )
    assert session.get("_auth_user_id") == str(leader.pk)


def test_a_staff_user_without_two_factor_is_sent_to_enrol_before_the_admin(
    wagtail_root, phone_page, live_server, home_pages, output_dir
):
    UserFactory(email="canbo@example.vn", is_staff=True, is_superuser=True)
    page = phone_page
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url("**/accounts/login/**")
    page.locator("input[name=login]").fill("canbo@example.vn")
    page.locator("input[name=password]").fill("a-long-test-password")
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/**")
    assert page.locator("img.qr").is_visible()
    assert fits_the_screen(page)
    photograph(page, output_dir / "enrol.png")

    # The admin stays closed until enrolment is done.
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url("**/accounts/2fa/totp/activate/**")

    secret = page.locator("#authenticator_secret").inner_text().strip()
    page.locator("input[name=code]").fill(totp_code(secret, TYPED_IN_A_BROWSER))
    page.locator("form:has(input[name=code]) button[type=submit]").click()
    page.wait_for_url("**/accounts/2fa/recovery-codes/**")
    photograph(page, output_dir / "recovery-codes.png")
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url("**/admin/")
    assert "wagtail" in page.content().lower()
