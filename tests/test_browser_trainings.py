"""Trainings on a phone, in a real Chromium at 360×740: a citizen finds a session near their
village and signs up; a team leader ticks who came and the member counts as trained."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from messaging.dispatch import dispatch_due
from teams.models import Member
from tests.browser_sign_in import signed_in_with_session
from tests.factories import CommuneFactory, ProvinceFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import MemberFactory, TeamFactory, leader_of
from tests.factories_trainings import CourseFactory, SessionFactory
from tests.journey_steps import PHONE
from tests.photos import photograph
from trainings.attendance import record_attendance
from trainings.models import Registration, TrainingSession
from trainings.registering import enrol

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in_phone_page(browser, live_server):
    """signed_in_phone_page(user): a 360×740 page already signed in as `user`.

    For officers, whose own sign-in is walked through in test_browser_sign_in.py."""
    contexts = []

    def open_as(user):
        context = browser.new_context(**PHONE)
        contexts.append(context)
        return signed_in_with_session(context.new_page(), live_server, user)

    yield open_as
    for context in contexts:
        context.close()


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_citizen_finds_a_session_near_their_village_and_signs_up(
    phone_page, live_server, output_dir, capsys, tasks_in_process, settings
):
    # The confirmation goes at once whatever hour the test runs: after 21:00 the sending window
    # would rightly hold it until morning (that rule has its own tests in test_sms_sending.py).
    settings.SMS_WINDOW_START, settings.SMS_WINDOW_END = "00:00", "24:00"
    commune = CommuneFactory(province=ProvinceFactory(code="91"), name="Xã Bát Tràng")
    village = VillageFactory(commune=commune, name="Thôn Giang Cao")
    course = CourseFactory(title_vi="Thanh toán bằng mã QR", title_en="Paying by QR code")
    session = SessionFactory(course=course, commune=commune, village=village, address="Nhà văn hoá thôn")

    phone_page.goto(f"{live_server.url}/vi/trainings/")
    phone_page.get_by_label("Thôn, xã hoặc tỉnh của bạn").fill("giang cao")
    phone_page.get_by_role("button", name="Tìm buổi tập huấn").click()
    phone_page.get_by_role("link", name="Thanh toán bằng mã QR").click()
    phone_page.wait_for_url(f"**/vi/trainings/{session.pk}/")
    assert fits_the_screen(phone_page)

    phone_page.get_by_label("Họ và tên").fill("Nguyễn Thị Lan")
    phone_page.get_by_label("Số điện thoại di động").fill("0912 345 678")
    phone_page.get_by_role("button", name="Đăng ký").click()
    # Without the consent box ticked: told why, and what was typed is still there.
    assert "Hãy đánh dấu ô đồng ý" in phone_page.locator("#sign-up").inner_text()
    assert phone_page.get_by_label("Họ và tên").input_value() == "Nguyễn Thị Lan"
    photograph(phone_page, output_dir / "sign-up-needs-consent.png")

    phone_page.locator("input[name=consent]").check()
    phone_page.get_by_role("button", name="Đăng ký").click()
    # The phone is proved with the code texted to it; the place is held meanwhile.
    phone_page.wait_for_url(f"**/vi/trainings/{session.pk}/confirm/")
    assert "0912 345 678" in phone_page.locator("#code-sent").inner_text()
    # Codes go to the provider at once, like sign-in codes: the console provider printed it.
    code = re.search(r"\[SMS to \+84912345678\] .*?(\d{6})", capsys.readouterr().out).group(1)
    phone_page.get_by_label("Mã 6 chữ số trong tin nhắn").fill(code)
    photograph(phone_page, output_dir / "sign-up-code.png")
    phone_page.get_by_role("button", name="Xác nhận chỗ của tôi").click()
    phone_page.wait_for_url("**/trainings/my-place/**")
    assert "bạn đã đăng ký thành công" in phone_page.locator("#registration-status").inner_text()
    assert fits_the_screen(phone_page)
    photograph(phone_page, output_dir / "signed-up.png")

    capsys.readouterr()
    dispatch_due()  # the periodic task: the console provider prints what it sends
    out = capsys.readouterr().out
    assert '[SMS to +84912345678] Bạn đã đăng ký "Thanh toán bằng mã QR"' in out

    # "Cancel my place" asks first; the place is kept until the person confirms.
    phone_page.get_by_role("button", name="Huỷ chỗ của tôi").click()
    assert "Huỷ chỗ của bạn?" in phone_page.locator("h1").inner_text()
    assert fits_the_screen(phone_page)
    photograph(phone_page, output_dir / "cancel-asks-first.png")
    assert Registration.objects.get().status == Registration.Status.REGISTERED
    phone_page.get_by_role("button", name="Có, huỷ chỗ của tôi").click()
    # Back on the session's page: the link to the cancelled place opens nothing any more.
    phone_page.wait_for_url(f"**/vi/trainings/{session.pk}/")
    assert "Đã huỷ chỗ của bạn." in phone_page.locator("body").inner_text()
    assert Registration.objects.get().status == Registration.Status.WITHDRAWN
    photograph(phone_page, output_dir / "place-cancelled.png")


@pytest.mark.usefixtures("tasks_in_process")
def test_a_team_leader_ticks_who_came_and_the_member_counts_as_trained(phone_page, live_server, output_dir):
    commune = CommuneFactory(province=ProvinceFactory(code="91"), name="Xã Bát Tràng")
    team = TeamFactory(village=VillageFactory(commune=commune, name="Thôn Kim Lan"))
    leader = leader_of(team, full_name="Nguyễn Văn Hùng")
    member = MemberFactory(team=team, full_name="Trần Thị Mai")
    session = SessionFactory(
        commune=commune,
        audience=TrainingSession.Audience.MEMBERS,
        course=CourseFactory(title_vi="Kỹ năng hỗ trợ người dân", title_en="Helping citizens"),
    )
    enrol(session, [member])
    # The class began an hour ago.
    started = timezone.now() - timedelta(hours=1)
    TrainingSession.objects.filter(pk=session.pk).update(
        starts_at=started, ends_at=started + timedelta(hours=2)
    )

    page = signed_in_with_session(phone_page, live_server, leader)
    page.goto(f"{live_server.url}/vi/team/trainings/")
    page.get_by_role("link", name="Kỹ năng hỗ trợ người dân").click()
    page.get_by_role("link", name="Điểm danh").click()
    page.get_by_label("Trần Thị Mai").check()
    assert fits_the_screen(page)
    photograph(page, output_dir / "attendance.png")
    page.get_by_role("button", name="Lưu điểm danh").click()
    assert "1 thành viên được ghi nhận đã tập huấn" in page.locator(".messages").inner_text()
    member.refresh_from_db()
    assert member.training_status == Member.TrainingStatus.TRAINED


def test_a_member_trained_at_a_session_counts_on_the_commune_dashboard(
    signed_in_phone_page, live_server, output_dir
):
    commune = CommuneFactory(province=ProvinceFactory(code="91"), name="Xã Bát Tràng")
    team = TeamFactory(village=VillageFactory(commune=commune, name="Thôn Kim Lan"))
    leader_of(team)
    member = MemberFactory(team=team)
    session = SessionFactory(commune=commune, audience=TrainingSession.Audience.MEMBERS)
    [registration] = enrol(session, [member])
    TrainingSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    session.refresh_from_db()
    record_attendance(session, [registration.pk])

    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user
    board = signed_in_phone_page(officer)
    board.goto(f"{live_server.url}/vi/dashboard/commune/{commune.pk}/")
    row = board.locator("tr", has_text=team.name)
    row.wait_for(timeout=5000)
    assert "2 (1)" in row.locator("td").all_inner_texts()  # the members cell: two members, one trained
    photograph(board, output_dir / "commune-dashboard.png")
