"""Signing in on a phone in a real Chromium: a team leader by SMS code, staff sent to enrol 2FA."""

import re
import time

import pytest

from accounts.models import User
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


@pytest.fixture
def wagtail_root(transactional_db):
    """Wagtail's root page, which an earlier transactional test's flush removed with every table."""
    from wagtail.models import Locale, Page

    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="vi")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_team_leader_signs_in_by_phone_with_the_code_from_the_sms(
    wagtail_root, phone_page, live_server, home_pages, fake_twilio, output_dir
):
    User.objects.create_user(phone="+84912345678", full_name="Trần Văn Hùng")
    page = phone_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == "Đăng nhập"
    assert fits_the_screen(page)
    page.screenshot(path=output_dir / "1-login.png", full_page=True)

    page.get_by_role("link", name="Đăng nhập bằng số điện thoại").click()
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    assert fits_the_screen(page)
    page.screenshot(path=output_dir / "2-phone.png", full_page=True)
    page.get_by_role("button", name="Gửi mã cho tôi").click()
    page.wait_for_url("**/accounts/login/code/confirm/")

    [sms] = fake_twilio.accepted
    assert sms["to"] == "+84912345678"
    code = re.search(r"\b(\d{6})\b", sms["body"]).group(1)
    page.get_by_label("Mã").fill(code)
    assert fits_the_screen(page)
    page.screenshot(path=output_dir / "3-code.png", full_page=True)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/vi/")
    assert User.objects.get(phone="+84912345678").phone_verified
    assert page.context.cookies()[0]["name"] in {"sessionid", "csrftoken", "django_language"}


def test_a_staff_user_without_two_factor_is_sent_to_enrol_before_the_admin(
    wagtail_root, phone_page, live_server, home_pages, output_dir
):
    from allauth.mfa.totp.internal.auth import hotp_value

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
    page.screenshot(path=output_dir / "enrol.png", full_page=True)

    # The admin stays closed until enrolment is done.
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url("**/accounts/2fa/totp/activate/**")

    secret = page.locator("#authenticator_secret").inner_text().strip()
    # A code typed in the last seconds of its 30-second step may reach the server after it ends.
    if time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30)
    page.locator("input[name=code]").fill(f"{hotp_value(secret, int(time.time()) // 30):06d}")
    page.locator("form:has(input[name=code]) button[type=submit]").click()
    page.wait_for_url("**/accounts/2fa/recovery-codes/**")
    page.screenshot(path=output_dir / "recovery-codes.png", full_page=True)
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url("**/admin/")
    assert "wagtail" in page.content().lower()
