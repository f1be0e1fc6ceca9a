"""Dashboards and the monthly report: figures that add up, drill-down links, totals kept correct."""

import datetime
from io import BytesIO

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from accounts.models import Role
from reporting.models import CommuneMonth
from reporting.summaries import rebuild_all, refresh_commune_months
from teams.activity import month_start
from teams.models import AssistanceLog, LogOutcome, Member, OutcomeType
from tests.factories import CommuneFactory, ProvinceFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory
from tests.pages import figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune():
    commune = CommuneFactory(code="91001", province=ProvinceFactory(code="91"), population=5000)
    for name in ("Thôn Một", "Thôn Hai"):
        team = TeamFactory(village=VillageFactory(commune=commune, name=name))
        MemberFactory(team=team, training_status=Member.TrainingStatus.TRAINED)
        MemberFactory(team=team)
    VillageFactory(commune=commune, name="Thôn Ba")  # no team yet
    this_month = month_start(timezone.localdate())
    vneid = OutcomeType.objects.get(code="vneid-level2")
    for team, citizens in zip(commune.teams.all(), (10, 30), strict=True):
        log = LogFactory(team=team, held_on=this_month, citizens_helped=citizens)
        LogOutcome.objects.create(log=log, outcome_type=vneid, count=citizens // 2)
    refresh_commune_months([(commune.pk, this_month)])
    return commune


def test_commune_dashboard_shows_coverage_members_activity_and_links_to_teams(commune, client):
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    page = client.get(f"/vi/dashboard/commune/{commune.code}/").content.decode()
    assert figures(page) == [
        ("2 / 3", "66,7 %"),  # two of three villages have an active team
        ("4", "50,0 % đã tập huấn"),
        ("2", ""),  # sessions
        ("40", "8,0 trên 1.000 dân"),  # citizens helped: 40 per 5,000 inhabitants
    ]
    assert "Tài khoản VNeID mức 2 được kích hoạt" in page
    assert "<svg" in page
    for team in commune.teams.all():
        assert f'href="/vi/dashboard/team/{team.pk}/"' in page
    assert "chưa có tổ" in page


def test_national_dashboard_counts_each_province_and_links_down(commune, client):
    client.force_login(RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user)
    page = client.get("/vi/dashboard/country/").content.decode()
    assert 'href="/vi/dashboard/province/91/"' in page
    assert figures(page)[3][0] == "40"  # citizens helped


def test_dashboards_keep_a_bounded_number_of_queries(commune, client, django_assert_max_num_queries):
    client.force_login(RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user)
    # 16 for the dashboard, 2 for the staff two-factor check every page makes (accounts/middleware.py).
    with django_assert_max_num_queries(18):
        client.get("/vi/dashboard/country/")
    with django_assert_max_num_queries(18):
        client.get("/vi/dashboard/province/91/")
    with django_assert_max_num_queries(18):
        client.get(f"/vi/dashboard/commune/{commune.code}/")


def test_monthly_totals_stay_equal_to_the_logs_after_a_deletion(commune):
    this_month = month_start(timezone.localdate())
    log = AssistanceLog.objects.filter(commune=commune).first()
    log.delete()
    row = CommuneMonth.objects.get(commune=commune, month=this_month)
    assert (row.sessions, row.citizens_helped) == (1, 40 - log.citizens_helped)
    rebuild_all()
    again = CommuneMonth.objects.get(commune=commune, month=this_month)
    assert (again.sessions, again.citizens_helped) == (row.sessions, row.citizens_helped)


def test_commune_monthly_report_has_a_totals_sheet_and_one_sheet_per_team(commune, client):
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    month = month_start(timezone.localdate())
    response = client.get(f"/vi/dashboard/report/commune/{commune.code}.xlsx?month={month:%Y-%m}")
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames[0] == "Tổng hợp"
    assert len(workbook.sheetnames) == 1 + commune.teams.count()
    rows = list(workbook["Tổng hợp"].iter_rows(values_only=True))
    header = next(row for row in rows if row and row[0] == "Tổ")
    total = next(row for row in rows if row and row[0] == "Tổng cộng")
    assert total[header.index("Người dân được hỗ trợ")] == 40
    assert total[header.index("Tài khoản VNeID mức 2 được kích hoạt")] == 20
    assert total[header.index("Thành viên")] == 4


def test_text_typed_by_people_never_becomes_a_spreadsheet_formula(commune, client):
    log = AssistanceLog.objects.filter(commune=commune).first()
    log.note = '=HYPERLINK("http://evil")'
    log.save()
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    month = month_start(timezone.localdate())
    response = client.get(f"/vi/dashboard/report/commune/{commune.code}.xlsx?month={month:%Y-%m}")
    workbook = load_workbook(BytesIO(response.content))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)


def test_province_report_adds_up_its_communes(commune, client):
    client.force_login(RoleAssignmentFactory(role=Role.PROVINCE_OFFICER, province=commune.province).user)
    month = month_start(timezone.localdate())
    response = client.get(f"/vi/dashboard/report/province/91.xlsx?month={month:%Y-%m}")
    rows = list(load_workbook(BytesIO(response.content))["Tổng hợp"].iter_rows(values_only=True))
    header = next(row for row in rows if row and row[0] == "Xã, phường")
    total = next(row for row in rows if row and row[0] == "Tổng cộng")
    assert total[header.index("Người dân được hỗ trợ")] == 40
    assert total[header.index("Các tổ")] == 2


def test_the_province_report_has_a_sheet_per_commune_with_teams_and_counts_the_others(commune, client):
    for n in range(3):
        CommuneFactory(code=f"9100{n + 2}", province=commune.province, name=f"Xã Chưa Có Tổ {n}")
    client.force_login(RoleAssignmentFactory(role=Role.PROVINCE_OFFICER, province=commune.province).user)
    month = month_start(timezone.localdate())
    response = client.get(f"/vi/dashboard/report/province/91.xlsx?month={month:%Y-%m}")
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["Tổng hợp", commune.name]
    rows = list(workbook["Tổng hợp"].iter_rows(values_only=True))
    assert ("Xã, phường chưa có tổ", 3) in [row[:2] for row in rows]
    assert not any(row and str(row[0]).startswith("Xã Chưa Có Tổ") for row in rows)


def test_a_team_dissolved_before_the_month_leaves_both_reports_one_dissolved_during_it_stays(commune, client):
    month = month_start(timezone.localdate())
    gone, going = commune.teams.order_by("pk")
    for team, dissolved_on in ((gone, month - datetime.timedelta(days=1)), (going, month)):
        team.status, team.dissolved_on = team.Status.DISSOLVED, dissolved_on
        team.save()
    client.force_login(RoleAssignmentFactory(role=Role.PROVINCE_OFFICER, province=commune.province).user)
    commune_book = load_workbook(
        BytesIO(client.get(f"/vi/dashboard/report/commune/{commune.code}.xlsx?month={month:%Y-%m}").content)
    )
    assert len(commune_book.sheetnames) == 2  # the totals and the team dissolved during the month
    rows = list(commune_book["Tổng hợp"].iter_rows(values_only=True))
    assert going.name in [row[0] for row in rows]
    assert gone.name not in [row[0] for row in rows]
    province_book = load_workbook(
        BytesIO(client.get(f"/vi/dashboard/report/province/91.xlsx?month={month:%Y-%m}").content)
    )
    rows = list(province_book["Tổng hợp"].iter_rows(values_only=True))
    header = next(row for row in rows if row and row[0] == "Xã, phường")
    assert next(row for row in rows if row and row[0] == "Tổng cộng")[header.index("Các tổ")] == 1


def test_a_teams_history_reads_in_the_language_of_the_page(commune, client):
    team = commune.teams.first()
    with translation.override("vi"):  # an import run by a Vietnamese officer wrote the history
        MemberFactory(team=team, full_name="Lê Văn Bình", role=Member.TeamRole.LEADER)
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    english = client.get(f"/en/dashboard/team/{team.pk}/").content.decode()
    assert "member joined, Lê Văn Bình (leader)" in english
    assert "thành viên" not in english
    assert "tổ trưởng" not in english
    vietnamese = client.get(f"/vi/dashboard/team/{team.pk}/").content.decode()
    assert "Lê Văn Bình (tổ trưởng)" in vietnamese


def test_a_dissolved_team_keeps_its_history_and_last_years_logs(commune):
    team = commune.teams.first()
    last_year = timezone.localdate().replace(year=timezone.localdate().year - 1, day=1)
    old_log = LogFactory(team=team, held_on=last_year, citizens_helped=7)
    team.status = team.Status.DISSOLVED
    team.save()
    kinds = list(team.events.values_list("kind", flat=True))
    assert "status_changed" in kinds
    assert "founded" in kinds
    member = team.members.first()
    member.left_on = datetime.date(2026, 1, 1)
    member.save()
    assert team.events.filter(kind="member_left", member=member).exists()
    assert team.logs.filter(pk=old_log.pk, held_on=last_year, citizens_helped=7).exists()
