"""Done means: a month submitted, returned, corrected, approved and reopened, each move kept with
who, when, why and a hash of the figures; approval freezes the figures; a province approves its
month only after its communes."""

import io

import pytest
import time_machine
from openpyxl import load_workbook

from messaging.models import Message, Purpose
from reporting.models import MonthlyReport, ReportEvent
from reporting.monthly.figures import figures_hash
from teams.models import AssistanceLog
from tests.pages import says, visible_text
from tests.world.monthly import NOVEMBER, OFFICER_A_PHONE, SECOND_OF_DECEMBER, month_page

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.force_login(user)
    return client


def report_of(commune):
    return MonthlyReport.objects.get(commune=commune, month=NOVEMBER)


def correct_log(commune, citizens):
    log = AssistanceLog.objects.get(commune=commune)
    log.citizens_helped = citizens
    log.save()


def test_a_month_submitted_returned_corrected_approved_and_reopened(client, monthly_land):
    a_page = month_page("commune", "91001")
    client = as_user(client, monthly_land["commune_a"])
    page = client.get(a_page).content.decode()
    assert "Trạng thái: bản nháp" in visible_text(page)
    assert says(page, "Người dân được hỗ trợ 12")

    response = client.post(a_page, {"action": "submit", "remarks": "Thôn Giang Cao làm tốt."})
    assert response.status_code == 302
    report = report_of(monthly_land["a"])
    assert report.state == "submitted"
    assert report.figures["citizens_helped"] == 12
    assert report.figures["members"] == 2
    assert report.figures["trained_members"] == 1
    assert report.figures["teams_active"] == 1
    first_submitted = report.first_submitted_at
    submitted = report.events.get()
    assert (submitted.action, submitted.by, submitted.figures_hash) == (
        "submitted",
        monthly_land["commune_a"],
        figures_hash(report.figures),
    )

    client = as_user(client, monthly_land["province"])
    too_short = client.post(a_page, {"action": "return", "reason": "sai số"})
    assert too_short.status_code == 400
    text = visible_text(too_short.content.decode())
    assert "Hãy nêu lý do dài từ 10 đến 500 ký tự (bạn đã viết 6)" in text
    assert "sai số" in too_short.content.decode()  # what was typed stays in the box
    assert report_of(monthly_land["a"]).state == "submitted"

    reason = "Số người dân được hỗ trợ chưa khớp sổ ghi chép, xin kiểm tra lại."
    client.post(a_page, {"action": "return", "reason": reason})
    assert report_of(monthly_land["a"]).state == "returned"
    text_message = Message.objects.get(recipient=OFFICER_A_PHONE)
    assert text_message.purpose == Purpose.NOTICE
    assert reason in text_message.body
    assert "11/2026" in text_message.body
    assert "Xã Bát Tràng" in text_message.body

    monthly_land["clock"].move_to(SECOND_OF_DECEMBER.replace(day=3))
    correct_log(monthly_land["a"], 20)
    client = as_user(client, monthly_land["commune_a"])
    assert "Trạng thái: bị trả lại" in visible_text(client.get(a_page).content.decode())
    client.post(a_page, {"action": "submit", "remarks": "Đã sửa."})
    report = report_of(monthly_land["a"])
    assert (report.state, report.figures["citizens_helped"]) == ("submitted", 20)
    assert report.first_submitted_at == first_submitted  # lateness counts the first submission

    monthly_land["clock"].move_to(SECOND_OF_DECEMBER.replace(day=4))
    client = as_user(client, monthly_land["province"])
    client.post(a_page, {"action": "approve"})
    approved = report_of(monthly_land["a"])
    assert approved.state == "approved"

    # A correction after approval shows as a difference; the approved figures do not move.
    correct_log(monthly_land["a"], 25)
    page = client.get(a_page).content.decode()
    assert report_of(monthly_land["a"]).figures["citizens_helped"] == 20
    assert report_of(monthly_land["a"]).figures_hash == approved.figures_hash
    assert "Sổ ghi chép đã được sửa sau khi duyệt" in visible_text(page)
    assert says(page, "Người dân được hỗ trợ: 20 → 25")

    no_reason = client.post(a_page, {"action": "reopen", "reason": ""})
    assert no_reason.status_code == 400
    assert report_of(monthly_land["a"]).state == "approved"
    client.post(a_page, {"action": "reopen", "reason": "Cần cập nhật số liệu đã sửa sau khi duyệt."})
    assert report_of(monthly_land["a"]).state == "returned"
    assert Message.objects.filter(recipient=OFFICER_A_PHONE).count() == 2

    actions = list(report.events.values_list("action", "from_state", "to_state"))
    assert actions == [
        ("submitted", "draft", "submitted"),
        ("returned", "submitted", "returned"),
        ("resubmitted", "returned", "submitted"),
        ("approved", "submitted", "approved"),
        ("reopened", "approved", "returned"),
    ]
    assert all(event.at and event.by for event in report.events.all())
    history = visible_text(client.get(a_page).content.decode())
    assert "Cần cập nhật số liệu đã sửa sau khi duyệt." in history


def test_a_month_cannot_be_submitted_before_it_is_over(client, monthly_land):
    client = as_user(client, monthly_land["commune_a"])
    with time_machine.travel(SECOND_OF_DECEMBER, tick=False):
        response = client.post(
            month_page("commune", "91001", month=NOVEMBER.replace(month=12)), {"action": "submit"}
        )
    assert response.status_code == 400
    assert not MonthlyReport.objects.filter(state="submitted").exists()


def test_the_province_approves_its_month_only_after_every_commune(client, monthly_land):
    with time_machine.travel(SECOND_OF_DECEMBER, tick=False):
        as_user(client, monthly_land["commune_a"]).post(month_page("commune", "91001"), {"action": "submit"})
        client = as_user(client, monthly_land["province"])
        client.post(month_page("commune", "91001"), {"action": "approve"})
        province_page = month_page("province", "91")

        refused = client.post(province_page, {"action": "approve"})
        assert refused.status_code == 400
        assert "Còn chờ: Xã Đa Tốn" in visible_text(refused.content.decode())
        assert not MonthlyReport.objects.filter(commune=None, state="approved").exists()
        assert client.get("/vi/dashboard/month/2026-11/province/91.xlsx").status_code == 302  # not yet

        client.post(
            month_page("commune", "91002"), {"action": "no_report", "reason": "Xã mới sáp nhập, chưa có tổ."}
        )
        assert client.post(province_page, {"action": "approve"}).status_code == 302
        month = MonthlyReport.objects.get(province=monthly_land["north"], commune=None, month=NOVEMBER)
        assert month.state == "approved"
        assert month.figures["citizens_helped"] == 12
        assert month.events.get().figures_hash == figures_hash(month.figures)

        # The approved month holds its communes: reopening one needs the month reopened first.
        blocked = client.post(
            month_page("commune", "91001"), {"action": "reopen", "reason": "Một lý do đủ dài để mở lại."}
        )
        assert blocked.status_code == 400
        assert report_of(monthly_land["a"]).state == "approved"

        workbook = load_workbook(
            io.BytesIO(client.get("/vi/dashboard/month/2026-11/province/91.xlsx").content)
        )
        assert workbook.sheetnames == ["Tổng hợp", "Định nghĩa"]
        rows = list(workbook["Tổng hợp"].iter_rows(values_only=True))
        header = next(row for row in rows if row and row[0] == "Mã")
        bat_trang = next(row for row in rows if row and row[0] == "91001")
        da_ton = next(row for row in rows if row and row[0] == "91002")
        assert bat_trang[header.index("Người dân được hỗ trợ")] == 12
        assert da_ton[header.index("Người dân được hỗ trợ")] is None
        assert da_ton[-1] == "Xã mới sáp nhập, chưa có tổ."
        definitions = [row[0] for row in workbook["Định nghĩa"].iter_rows(values_only=True)]
        assert "Thành viên đã được tập huấn" in definitions

        client.post(province_page, {"action": "reopen", "reason": "Tỉnh cần xem lại Xã Bát Tràng."})
        assert MonthlyReport.objects.get(commune=None).state == "draft"
        assert ReportEvent.objects.filter(report__commune=None).count() == 2


def test_the_national_workbook_has_a_row_per_province(client, monthly_land):
    with time_machine.travel(SECOND_OF_DECEMBER, tick=False):
        client = as_user(client, monthly_land["national"])
        workbook = load_workbook(io.BytesIO(client.get("/vi/dashboard/month/2026-11/country.xlsx").content))
    rows = list(workbook["Tổng hợp"].iter_rows(values_only=True))
    assert {row[1] for row in rows if row and row[0] in {"91", "92"}} == {"Thành phố Hà Nội", "Tỉnh Lào Cai"}
    assert "Định nghĩa" in workbook.sheetnames
