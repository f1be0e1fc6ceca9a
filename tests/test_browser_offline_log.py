"""Done means: a leader logs sessions with no signal on a 360 px phone and nothing is lost or doubled."""

import pytest
from django.contrib.sessions.models import Session

from teams.models import AssistanceLog
from tests.browser_sign_in import sign_in_by_phone, signed_in_with_session
from tests.factories import VillageFactory
from tests.factories_teams import MemberFactory, TeamFactory, leader_of
from tests.photos import photograph
from tests.test_browser_team_work import seed_services
from vietnamese.phones import parse_phone

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


def _log_offline(page, citizens):
    page.get_by_label("Người dân được hỗ trợ").fill(str(citizens))
    page.get_by_label("Định danh điện tử VNeID").check()
    page.get_by_role("button", name="Lưu").click()


def _waiting(page, text):
    page.wait_for_function(
        "text => document.querySelector('#queue [data-count]').textContent === text", arg=text
    )


def test_sessions_logged_offline_arrive_once_even_after_the_sign_in_expires(
    phone_page, live_server, output_dir, fake_twilio
):
    seed_services()
    team = TeamFactory(village=VillageFactory(name="Thôn Kim Lan"))
    MemberFactory.create_batch(2, team=team)
    leader = leader_of(team)
    # A session to start from; the real sign-in is the one that matters, after it expires, below.
    page = signed_in_with_session(phone_page, live_server, leader)
    page.goto(f"{live_server.url}/vi/team/")
    page.evaluate("navigator.serviceWorker.ready")  # the service worker now looks after the pages
    page.locator("main").get_by_role("link", name="Ghi nhận buổi hỗ trợ").click()
    page.wait_for_selector("form[data-queue]")

    page.context.set_offline(True)
    _log_offline(page, 12)
    _waiting(page, "1 buổi chờ gửi")
    assert "Không có mạng" in page.locator("[data-just-queued]").inner_text()
    _log_offline(page, 7)
    _waiting(page, "2 buổi chờ gửi")
    page.reload()  # no signal: the page comes from the phone, the queue with it
    _waiting(page, "2 buổi chờ gửi")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    photograph(page, output_dir / "1-two-waiting-vi.png")
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Đăng xuất").click()
    assert "chờ" in messages[0]  # warned; dismissed, so still signed in
    assert AssistanceLog.objects.filter(team=team).count() == 0

    page.context.set_offline(False)
    _waiting(page, "0 buổi chờ gửi")
    assert sorted(AssistanceLog.objects.filter(team=team).values_list("citizens_helped", flat=True)) == [
        7,
        12,
    ]
    assert page.locator("#queue .queue-sent").count() == 2
    photograph(page, output_dir / "2-sent-vi.png")

    for _ in range(3):  # the phone replays everything it ever sent: the server keeps one per key
        page.evaluate("""() => new Promise(done => { const open = indexedDB.open("field-logs", 1);
            open.onsuccess = () => { const tx = open.result.transaction("queue", "readwrite"), s = tx.objectStore("queue");
              s.getAll().onsuccess = e => e.target.result.forEach(item => { item.status = "waiting"; s.put(item); });
              tx.oncomplete = done; }; })""")
        page.reload()
        _waiting(page, "0 buổi chờ gửi")
    assert AssistanceLog.objects.filter(team=team).count() == 2

    # A session logged offline, then the sign-in expires: it stays queued until the leader signs in.
    page.context.set_offline(True)
    _log_offline(page, 5)
    Session.objects.all().delete()
    page.context.set_offline(False)
    page.get_by_role("button", name="Gửi ngay").click()
    page.wait_for_selector("#queue [data-ask-sign-in]:not([hidden])")
    _waiting(page, "1 buổi chờ gửi")
    assert page.locator("#queue .queue-signin").count() == 1
    photograph(page, output_dir / "3-sign-in-to-send-vi.png")
    assert AssistanceLog.objects.filter(team=team).count() == 2

    sign_in_by_phone(page, live_server, fake_twilio, parse_phone(leader.phone).national)
    page.goto(f"{live_server.url}/en/team/")
    _waiting(page, "0 sessions waiting to be sent")
    photograph(page, output_dir / "4-sent-after-sign-in-en.png")
    assert AssistanceLog.objects.filter(team=team).count() == 3
