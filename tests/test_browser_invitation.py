"""An invitation end to end in Chromium: the officer's form, the text through (fake) Twilio, the
new member's phone accepting and signing in with the code that follows."""

import re

import pytest
import time_machine
from django.conf import settings

from accounts.models import Role, User
from tests.browser_sign_in import signed_in_with_session
from tests.factories import CommuneFactory, RoleAssignmentFactory
from tests.photos import photograph
from tests.sign_in_steps import MORNING

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


def test_a_new_team_leader_accepts_on_the_phone_and_signs_in_with_the_code(
    wagtail_root, browser, phone_page, live_server, home_pages, fake_twilio, output_dir
):
    from messaging.dispatch import dispatch_due

    commune = CommuneFactory(code="10105", name="Xã Bát Tràng")
    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user
    # Inside the sending window: the invitation goes out when the dispatcher runs.
    with time_machine.travel(MORNING):
        context = browser.new_context()
        admin = signed_in_with_session(context.new_page(), live_server, officer)
        admin.goto(f"{live_server.url}/admin/invite/")
        admin.locator("input[name=full_name]").fill("Lê Thị Mai")
        admin.locator("input[name=phone]").fill("0912 345 678")
        admin.locator("select[name=role]").select_option(Role.TEAM_LEADER)
        admin.locator("select[name=commune]").select_option(str(commune.pk))
        admin.locator("form:has(input[name=full_name]) button[type=submit]").click()
        admin.wait_for_load_state()
        photograph(admin, output_dir / "1-invited.png")
        context.close()
        dispatch_due()

        [invitation] = fake_twilio.accepted
        assert invitation["to"] == "+84912345678"
        path = re.search(r"https?://[^/\s]+(/invitation/[\w-]+/)", invitation["body"]).group(1)
        page = phone_page
        # A Vietnamese member reads the pages in Vietnamese (their language choice, kept in a cookie).
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "vi", "url": live_server.url}]
        )
        page.goto(live_server.url + path)
        assert "Lê Thị Mai" in page.locator("h1").inner_text()
        photograph(page, output_dir / "2-invitation.png")
        page.locator("form:has(input[name=consent]) button[type=submit]").click()
        page.wait_for_url("**/accounts/login/code/confirm/")
        assert not User.objects.get(phone="+84912345678").phone_verified

        code = re.search(r"\b(\d{6})\b", fake_twilio.accepted[1]["body"]).group(1)
        page.get_by_label("Mã").fill(code)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(lambda url: "/accounts/login/code/confirm/" not in url)
        photograph(page, output_dir / "3-signed-in.png")
        member = User.objects.get(phone="+84912345678")
        assert member.phone_verified
        assert member.role_assignments.filter(role=Role.TEAM_LEADER, commune=commune).exists()

        page.goto(live_server.url + path)  # a second use
        assert page.locator("h1").inner_text() == "Lời mời không còn hiệu lực"
