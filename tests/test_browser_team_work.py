"""Done means: a leader logs a session on a 360 px phone; an officer drills down and downloads the report."""

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from teams.models import AssistanceLog
from tests.browser_sign_in import signed_in_with_session
from tests.factories import CommuneFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, leader_of
from tests.pages import says
from tests.photos import photograph

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_process"),
]


def seed_services():
    """The services and outcomes the migration seeds: a transactional test's database flush removes them."""
    import importlib

    from django.apps import apps

    importlib.import_module("teams.migrations.0003_seed_services").seed(apps, None)


def test_leader_logs_a_session_and_officer_downloads_the_report(phone_page, live_server, output_dir, browser):
    seed_services()
    commune = CommuneFactory(name="Xã Giang Cao")
    team = TeamFactory(village=VillageFactory(commune=commune, name="Thôn Kim Lan"))
    MemberFactory.create_batch(3, team=team)
    leader = leader_of(team)
    # An earlier session this month, logged yesterday or today, so the report has two to add up.
    LogFactory(team=team, held_on=timezone.localdate().replace(day=1), citizens_helped=7)

    page = signed_in_with_session(phone_page, live_server, leader)
    page.goto(f"{live_server.url}/vi/team/")
    assert team.name in page.locator("h1").inner_text()
    page.locator("main").get_by_role("link", name="Ghi nhận buổi hỗ trợ").click()
    came = team.members.order_by("pk").first()
    assert not page.get_by_label(came.full_name).is_checked()  # the leader ticks who came
    page.get_by_label(came.full_name).check()
    page.get_by_label("Người dân được hỗ trợ").fill("18")
    page.get_by_label("trong đó nữ").fill("9")
    page.get_by_label("Định danh điện tử VNeID").check()
    page.get_by_label("Tài khoản VNeID mức 2 được kích hoạt").fill("5")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    photograph(page, output_dir / "1-log-form.png")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/vi/team/")
    assert "Đã lưu buổi hỗ trợ" in page.locator(".messages").inner_text()
    assert says(page.locator("#recent-logs").inner_html(), "18 người dân được hỗ trợ")
    photograph(page, output_dir / "2-team-home.png")
    assert AssistanceLog.objects.filter(team=team).count() == 2
    assert list(AssistanceLog.objects.latest("pk").attendees.all()) == [came]

    # On a slow network the leader goes Back and presses Save again: nothing new is stored.
    page.go_back()
    if page.get_by_role("button", name="Lưu").count():  # a browser that kept the filled form
        page.get_by_role("button", name="Lưu").click()
    page.wait_for_selector("#already-saved")
    assert "Buổi hỗ trợ này đã được lưu rồi" in page.locator("h1").inner_text()
    assert says(page.locator("#already-saved").inner_html(), "18 người dân được hỗ trợ")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    photograph(page, output_dir / "2b-back-then-save.png")
    assert AssistanceLog.objects.filter(team=team).count() == 2

    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, accept_downloads=True
    )
    officer_page = signed_in_with_session(context.new_page(), live_server, officer)
    officer_page.goto(f"{live_server.url}/vi/dashboard/")
    officer_page.wait_for_url(f"**/dashboard/commune/{commune.code}/")
    assert "25" in officer_page.locator("#figures strong").all_inner_texts()  # 7 + 18 citizens helped
    photograph(officer_page, output_dir / "3-commune-dashboard.png")
    officer_page.locator("#units").get_by_role("link", name=team.name).click()
    officer_page.wait_for_url(f"**/dashboard/team/{team.pk}/")
    assert team.name in officer_page.locator("h1").inner_text()
    officer_page.go_back()
    officer_page.locator("#report-month").select_option(f"{timezone.localdate():%Y-%m}")
    with officer_page.expect_download() as download_info:
        officer_page.locator("#monthly-report").get_by_role("button").click()
    path = output_dir / "bao-cao.xlsx"
    download_info.value.save_as(path)
    context.close()

    workbook = load_workbook(path)
    totals = workbook["Tổng hợp"]
    header_row = next(row for row in totals.iter_rows(values_only=True) if row and row[0] == "Tổ")
    rows = list(totals.iter_rows(values_only=True))
    total_row = next(row for row in rows if row and row[0] == "Tổng cộng")
    citizens_column = header_row.index("Người dân được hỗ trợ")
    sessions_column = header_row.index("Số buổi")
    assert total_row[citizens_column] == 25
    assert total_row[sessions_column] == 2
    team_sheet = workbook[workbook.sheetnames[1]]
    assert any(
        row and row[0] == timezone.localdate().replace(day=1).strftime("%d/%m/%Y")
        for row in team_sheet.iter_rows(values_only=True)
    )
