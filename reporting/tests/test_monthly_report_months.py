"""The monthly report: any past month, a clear refusal for a month that cannot be, readable sheet
names, and totals only under numbers."""

import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from teams.models import LogOutcome, OutcomeType, Service
from tests.factories import CommuneFactory, ProvinceFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory

pytestmark = pytest.mark.django_db

ICT = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_OF_DECEMBER = datetime.datetime(2026, 12, 1, 0, 30, tzinfo=ICT)
REPORT = "/vi/dashboard/report/commune/91001.xlsx"


@pytest.fixture
def commune():
    commune = CommuneFactory(code="91001", province=ProvinceFactory(code="91"), name="Phường Hoàn Kiếm")
    for n in (1, 2):
        village = VillageFactory(commune=commune, name=f"Tổ dân phố số {n}")
        team = TeamFactory(village=village, name=f"Tổ công nghệ số cộng đồng Tổ dân phố số {n}")
        MemberFactory(team=team)
    return commune


@pytest.fixture
def commune_officer_client(client, commune):
    client.force_login(RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=commune).user)
    return client


def sheet_rows(response, sheet=None):
    workbook = load_workbook(BytesIO(response.content))
    return workbook, list(workbook[sheet or workbook.sheetnames[0]].iter_rows(values_only=True))


def test_on_the_first_of_the_month_the_officer_gets_last_month_and_may_choose_any_earlier(
    commune, commune_officer_client
):
    team = commune.teams.order_by("pk").first()
    with time_machine.travel(FIRST_OF_DECEMBER, tick=False):
        LogFactory(team=team, held_on=datetime.date(2026, 11, 28), citizens_helped=12)
        LogFactory(team=team, held_on=datetime.date(2025, 12, 3), citizens_helped=5)
        page = commune_officer_client.get("/vi/dashboard/commune/91001/").content.decode()
        assert '<option value="2026-11" selected>11/2026</option>' in page  # the month just ended
        assert '<option value="2026-12">12/2026 (đến nay)</option>' in page
        assert '<option value="2025-12">' in page

        november = commune_officer_client.get(
            REPORT
        )  # the dashboard's default, and the address without ?month=
        _workbook, rows = sheet_rows(november)
        assert ("Tháng", "11/2026") in [row[:2] for row in rows]
        header = next(row for row in rows if row and row[0] == "Tổ")
        total = next(row for row in rows if row and row[0] == "Tổng cộng")
        assert total[header.index("Người dân được hỗ trợ")] == 12

        a_year_ago = commune_officer_client.get(REPORT, {"month": "2025-12"})
        _workbook, rows = sheet_rows(a_year_ago)
        total = next(row for row in rows if row and row[0] == "Tổng cộng")
        assert total[header.index("Người dân được hỗ trợ")] == 5


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("abc", "“abc” không phải là một tháng"),
        ("2026-13", "không phải là một tháng"),
        ("2027-01", "Chưa thể lập báo cáo tháng 01/2027"),
    ],
)
def test_a_month_that_cannot_be_is_refused_with_a_clear_message_not_replaced(
    commune_officer_client, month, message
):
    with time_machine.travel(FIRST_OF_DECEMBER, tick=False):
        response = commune_officer_client.get(REPORT, {"month": month})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert message in page
    assert 'name="month"' in page  # the form to pick a month that exists


def test_team_sheets_are_named_after_their_village_not_cut_to_the_shared_prefix(
    commune, commune_officer_client
):
    TeamFactory(village=None, commune=commune, name="Tổ công nghệ số cộng đồng khu tập thể Nhà máy Dệt Kim")
    for block in ("A", "B"):  # the same first 31 characters
        TeamFactory(
            village=VillageFactory(commune=commune, name=f"Tổ dân phố số 10 khu tập thể Thành Công {block}")
        )
    workbook, _rows = sheet_rows(commune_officer_client.get(REPORT))
    assert sorted(workbook.sheetnames[1:]) == [
        "Tổ dân phố số 1",
        "Tổ dân phố số 10 khu tập (2)",
        "Tổ dân phố số 10 khu tập thể",
        "Tổ dân phố số 2",
        "khu tập thể Nhà máy Dệt Kim",
    ]
    assert all(len(name) <= 31 for name in workbook.sheetnames)


def test_the_totals_row_leaves_text_columns_empty(commune, commune_officer_client):
    team = commune.teams.order_by("pk").first()
    vneid = OutcomeType.objects.get(code="vneid-level2")
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=10)
    log = LogFactory(team=team, held_on=last_month, citizens_helped=9, note="Tại nhà văn hoá")
    log.services.set([Service.objects.get(code="vneid")])
    LogOutcome.objects.create(log=log, outcome_type=vneid, count=4)
    workbook, rows = sheet_rows(commune_officer_client.get(REPORT, {"month": f"{last_month:%Y-%m}"}))
    header = next(row for row in rows if row and row[0] == "Tổ")
    total = next(row for row in rows if row and row[0] == "Tổng cộng")
    assert total[header.index("Thôn, tổ dân phố")] is None
    assert total[header.index("Tổ trưởng")] is None
    assert total[header.index("Người dân được hỗ trợ")] == 9

    team_rows = list(workbook["Tổ dân phố số 1"].iter_rows(values_only=True))
    header = next(row for row in team_rows if row and row[0] == "Ngày")
    total = next(row for row in team_rows if row and row[0] == "Tổng cộng")
    assert total[header.index("Dịch vụ")] is None
    assert total[header.index("Ghi chú")] is None
    assert total[header.index("Tài khoản VNeID mức 2 được kích hoạt")] == 4
