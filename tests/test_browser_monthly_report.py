"""Done means: on a 360×740 phone a commune officer submits November's report from their dashboard
(in Vietnamese) and the province officer returns it with a reason (in English); the commune officer
is texted the reason and sees it on the report."""

import pytest
import time_machine

from messaging.models import Message
from reporting.models import MonthlyReport
from tests.browser_sign_in import signed_in_phone
from tests.photos import photograph
from tests.world.monthly import OFFICER_A_PHONE, SECOND_OF_DECEMBER, build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Số buổi hỗ trợ thôn Giang Cao chưa khớp sổ, xin kiểm tra lại."


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_commune_officer_submits_and_the_province_officer_returns(browser, live_server, output_dir):
    with time_machine.travel(SECOND_OF_DECEMBER):
        land = build()
        commune = signed_in_phone(browser, live_server, land["commune_a"])
        commune.goto(f"{live_server.url}/vi/dashboard/")
        commune.wait_for_url("**/vi/dashboard/commune/91001/")
        commune.get_by_role("link", name="Báo cáo tháng 11/2026: nộp và duyệt").click()
        commune.wait_for_url("**/vi/dashboard/month/2026-11/commune/91001/")
        assert "bản nháp" in commune.locator("#report-state").inner_text()
        commune.get_by_label("Nhận xét của bạn (không bắt buộc)").fill("Các thôn hoạt động đều.")
        fits(commune)
        photograph(commune, output_dir / "1-vi-commune-draft.png")
        commune.get_by_role("button", name="Nộp lên tỉnh").click()
        commune.wait_for_selector(".messages")
        assert "Đã nộp báo cáo." in commune.locator(".messages").inner_text()
        assert "đã nộp" in commune.locator("#report-state").inner_text()
        fits(commune)
        photograph(commune, output_dir / "2-vi-commune-submitted.png")

        province = signed_in_phone(browser, live_server, land["province"])
        province.goto(f"{live_server.url}/en/dashboard/")
        province.wait_for_url("**/en/dashboard/province/91/")
        province.get_by_role("link", name="Report for 11/2026: submit and approve").click()
        province.wait_for_url("**/en/dashboard/month/2026-11/province/91/")
        # Before the deadline nobody is late: the communes by state, each short group open.
        assert "Submitted (1)" in province.locator("#communes-submitted summary").inner_text()
        assert "Draft (1)" in province.locator("#communes-draft summary").inner_text()
        fits(province)
        photograph(province, output_dir / "3-en-province-month.png")
        province.locator("#communes-submitted").get_by_role("link", name="Xã Bát Tràng").click()
        province.wait_for_url("**/en/dashboard/month/2026-11/commune/91001/")
        assert "Các thôn hoạt động đều." in province.locator("#remarks").inner_text()
        province.get_by_label("Return to the commune, because…").fill(REASON)
        fits(province)
        photograph(province, output_dir / "4-en-province-returns.png")
        province.get_by_role("button", name="Return", exact=True).click()
        province.wait_for_selector(".messages")
        assert "Report returned to the commune" in province.locator(".messages").inner_text()
        assert "returned" in province.locator("#report-state").inner_text()
        photograph(province, output_dir / "5-en-province-returned.png")

        assert MonthlyReport.objects.get(commune=land["a"]).state == "returned"
        assert REASON in Message.objects.get(recipient=OFFICER_A_PHONE).body

        commune.reload()
        assert "bị trả lại" in commune.locator("#report-state").inner_text()
        assert REASON in commune.locator("#why-returned").inner_text()
        assert REASON in commune.locator("#history").inner_text()
        assert commune.get_by_role("button", name="Nộp lên tỉnh").is_visible()  # to be sent again
        fits(commune)
        photograph(commune, output_dir / "6-vi-commune-returned.png")
        commune.goto(f"{live_server.url}/en/dashboard/month/2026-11/commune/91001/")
        assert "returned" in commune.locator("#report-state").inner_text()
        photograph(commune, output_dir / "7-en-commune-returned.png")
