"""An officer imports the sessions teams kept in Excel: preview with each cell to fix, all or
nothing, only villages in their area, Excel dates read, and the same file twice adds nothing."""

import datetime

import pytest
from django.urls import reverse
from openpyxl import Workbook

from accounts.scopes import scope_for
from reporting.models import CommuneMonth, CommuneMonthOutcome
from rosters.importing import import_file, plan_file
from rosters.models import RosterImport
from rosters.tests.test_roster_admin import upload
from teams.models import AssistanceLog
from tests.factories_rosters import workbook_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock")]


HEADER = [
    "STT",
    "Ngày",
    "Thôn",
    "Số người được hỗ trợ",
    "Nữ",
    "Trên 60 tuổi",
    "Dịch vụ",
    "Kết quả",
    "Ghi chú",
]


def logs_xlsx(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["ỦY BAN NHÂN DÂN XÃ TÂN LẬP"])
    sheet.append(["SỔ THEO DÕI CÁC BUỔI HỖ TRỢ NGƯỜI DÂN THÁNG 11/2026"])
    sheet.append(header)  # row 3
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    return workbook_bytes(workbook)


# Excel dates have no time zone: the naive datetimes below are what openpyxl writes and reads.
GOOD = [
    [datetime.datetime(2026, 11, 3), "Thôn Đông", 14, 8, 3, "VNeID", "VNeID mức 2: 6", "Nhà văn hoá"],  # noqa: DTZ001
    [
        46340,
        "thon tay",
        9,
        None,
        None,
        "Dịch vụ công trực tuyến; VNeID",
        None,
        None,
    ],  # an Excel serial: 14/11/2026
    ["20/11/2026", "Đông", 5, 2, 1, "Thanh toán không dùng tiền mặt", "Tài khoản thanh toán: 2", None],
]


def test_a_month_of_sessions_is_imported_with_its_outcomes_and_counted(officer, teams):
    plan = import_file(logs_xlsx(GOOD), "so theo doi.xlsx", scope_for(officer), user=officer, kind="logs")
    assert plan.ok, plan.summary()["errors"]
    logs = list(AssistanceLog.objects.order_by("held_on"))
    assert [(log.held_on, log.team, log.citizens_helped) for log in logs] == [
        (datetime.date(2026, 11, 3), teams["Thôn Đông"], 14),
        (datetime.date(2026, 11, 14), teams["Thôn Tây"], 9),
        (datetime.date(2026, 11, 20), teams["Thôn Đông"], 5),
    ]
    assert sorted(logs[1].services.values_list("code", flat=True)) == ["public-services", "vneid"]
    assert logs[0].outcomes.get().count == 6
    assert logs[0].note == "Nhà văn hoá"
    assert logs[0].created_by == officer
    month = CommuneMonth.objects.get(commune=teams["Thôn Đông"].commune, month=datetime.date(2026, 11, 1))
    assert (month.sessions, month.citizens_helped, month.women_helped) == (3, 28, 10)
    assert sum(CommuneMonthOutcome.objects.values_list("total", flat=True)) == 8


def test_the_same_file_imported_twice_adds_nothing(officer, teams):
    data = logs_xlsx([*GOOD, GOOD[0]])  # two identical sessions on one day are two sessions
    import_file(data, "so.xlsx", scope_for(officer), user=officer, kind="logs")
    assert AssistanceLog.objects.count() == 4
    again = import_file(data, "so.xlsx", scope_for(officer), user=officer, kind="logs")
    assert again.ok
    assert again.changes() == 0
    assert again.count("unchanged") == 4
    assert AssistanceLog.objects.count() == 4
    assert CommuneMonth.objects.get(commune=teams["Thôn Đông"].commune, month="2026-11-01").sessions == 4


def test_each_wrong_cell_is_named_and_nothing_is_written(officer, teams):
    rows = [
        GOOD[0],
        ["31/12/2026", "Thôn Đông", 5, None, None, "VNeID", None, None],  # row 5: in the future
        ["05/11/2026", "Thôn Tây", 5, 7, None, "VNeID", None, None],  # row 6: more women than people
        ["05/11/2026", "Thôn Nam", 5, None, None, "VNeID", None, None],  # row 7: no such village
        ["05/11/2026", "Thôn Tây", 5, None, None, "Bói toán", None, None],  # row 8: no such service
        ["05/11/2026", "Thôn Tây", 5, None, None, "Dịch vụ công", "VNeID mức 2: 3", None],  # row 9
        ["5 tháng 11", "Thôn Tây", "năm", None, None, "VNeID", None, None],  # row 10: two cells
    ]
    plan = import_file(logs_xlsx(rows), "so.xlsx", scope_for(officer), user=officer, kind="logs")
    assert not plan.ok
    assert [(error.row, error.column, error.message) for error in plan.errors] == [
        (5, "B (Ngày)", "Ngày không thể ở tương lai."),
        (6, "E (Nữ)", "Số này không thể nhiều hơn số người dân được hỗ trợ (5)."),
        (7, "C (Thôn)", "Xã không có thôn Thôn Nam: hãy thêm thôn vào danh sách thôn trước."),
        (8, "G (Dịch vụ)", "Bói toán không có trong danh sách dịch vụ: ghi tên dịch vụ như trên biểu mẫu."),
        (9, "H (Kết quả)", "Hãy đánh dấu cả dịch vụ “Định danh điện tử VNeID”, hoặc xoá số này."),
        (
            10,
            "B (Ngày)",
            "Ngày 5 tháng 11 không hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 15/03/2023.",
        ),
        (10, "D (Số người được hỗ trợ)", "Người dân được hỗ trợ: năm không phải là số nguyên."),
    ]
    assert AssistanceLog.objects.count() == 0


def test_a_village_outside_the_officers_area_is_refused(officer, teams):
    header = [*HEADER, "Xã/Phường"]
    rows = [
        [*GOOD[0], "Xã Tân Lập"],
        ["05/11/2026", "Thôn Bắc", 5, None, None, "VNeID", None, None, "Xã Yên Lạc"],
    ]
    plan = plan_file(logs_xlsx(rows, header), "so.xlsx", scope_for(officer), kind="logs")
    assert [(error.row, error.column) for error in plan.errors] == [(5, "J (Xã/Phường)")]
    assert "ngoài" in plan.errors[0].message or "Yên Lạc" in plan.errors[0].message


def test_a_column_of_dates_nobody_named_is_asked_about(officer, teams):
    """'Ngày báo cáo' holds dates: the day of the session or of the report? The officer says."""
    rows = [[*row, datetime.datetime(2026, 11, 30)] for row in GOOD]  # noqa: DTZ001
    plan = plan_file(logs_xlsx(rows, [*HEADER, "Ngày báo cáo"]), "so.xlsx", scope_for(officer), kind="logs")
    assert not plan.ok
    assert [(column["letter"], column["field"]) for column in plan.columns_to_map] == [("J", "held_on")]


def test_the_officer_previews_then_confirms_in_the_admin(officer_client, teams):
    response = upload(officer_client, logs_xlsx(GOOD), name="so theo doi.xlsx", kind="logs")
    job = RosterImport.objects.get()
    assert "3 buổi sẽ được thêm." in response.content.decode()
    assert AssistanceLog.objects.count() == 0
    officer_client.post(reverse("rosters:confirm", args=[job.pk]))
    assert AssistanceLog.objects.count() == 3


def test_the_template_has_the_logs_columns(officer_client):
    response = officer_client.get(reverse("rosters:template", args=["logs"]))
    assert response.status_code == 200
