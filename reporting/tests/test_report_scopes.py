"""Scope holds on the monthly reports: objects outside a person's area answer 404, and a button
that reached the wrong person moves nothing (authority comes from roles, never from the form)."""

import pytest

from reporting.models import MonthlyReport
from reporting.monthly import workflow
from tests.world.monthly import NOVEMBER, month_page

pytestmark = pytest.mark.django_db


PAGES = {
    "commune a": month_page("commune", "91001"),
    "commune c": month_page("commune", "92001"),
    "province 91": month_page("province", "91"),
    "province 92": month_page("province", "92"),
    "country": "/vi/dashboard/month/2026-11/country/",
    "province 91 workbook": "/vi/dashboard/month/2026-11/province/91.xlsx",
    "country workbook": "/vi/dashboard/month/2026-11/country.xlsx",
}
OPENS = {
    "commune_a": {"commune a"},
    "province": {"commune a", "province 91", "province 91 workbook"},
    "national": set(PAGES),
}


@pytest.mark.parametrize("person", sorted(OPENS))
def test_each_officer_opens_their_area_and_nothing_else(client, monthly_land, person):
    client.force_login(monthly_land[person])
    for name, url in PAGES.items():
        status = client.get(url).status_code
        if name in OPENS[person]:
            assert status in (200, 302), (person, name, status)  # a workbook not yet approved redirects
        else:
            assert status == 404, (person, name, status)


def test_a_commune_officer_cannot_approve_their_own_report(client, monthly_land):
    client.force_login(monthly_land["commune_a"])
    client.post(month_page("commune", "91001"), {"action": "submit"})
    response = client.post(month_page("commune", "91001"), {"action": "approve"})
    assert response.status_code == 400
    assert "Chỉ cán bộ của tỉnh mới duyệt được báo cáo này." in response.content.decode()
    assert MonthlyReport.objects.get(commune=monthly_land["a"]).state == "submitted"


def test_a_province_officer_cannot_submit_for_a_commune_nor_reach_another_province(client, monthly_land):
    client.force_login(monthly_land["province"])
    response = client.post(month_page("commune", "91001"), {"action": "submit"})
    assert response.status_code == 400
    assert "Chỉ cán bộ của xã mới nộp được báo cáo của xã." in response.content.decode()
    assert (
        client.post(month_page("commune", "92001"), {"action": "no_report", "reason": "x" * 20}).status_code
        == 404
    )
    assert client.post(month_page("province", "92"), {"action": "approve"}).status_code == 404
    assert not MonthlyReport.objects.filter(province_id="92").exists()


def test_an_officer_of_another_province_cannot_move_a_report_even_by_calling_the_workflow(monthly_land):
    report = workflow.commune_report(monthly_land["a"], NOVEMBER, create=True)
    workflow.submit(report, monthly_land["commune_a"])
    with pytest.raises(workflow.NotAllowed):
        workflow.return_report(report, monthly_land["commune_c"], "Một lý do đủ dài để trả lại.")
    with pytest.raises(workflow.NotAllowed):
        workflow.approve_province(
            workflow.province_report(monthly_land["north"], NOVEMBER, create=True), monthly_land["commune_a"]
        )
    report.refresh_from_db()
    assert report.state == "submitted"


def test_a_month_not_begun_or_not_a_month_answers_404(client, monthly_land):
    client.force_login(monthly_land["national"])
    assert client.get(month_page("commune", "91001").replace("2026-11", "2027-01")).status_code == 404
    assert client.get(month_page("commune", "91001").replace("2026-11", "2026-13")).status_code == 404


def test_the_admin_lists_each_officer_their_units_reports_only(client, monthly_land):
    for commune, officer in (("a", "commune_a"), ("c", "commune_c")):
        workflow.submit(
            workflow.commune_report(monthly_land[commune], NOVEMBER, create=True), monthly_land[officer]
        )
    client.force_login(monthly_land["commune_c"])
    listing = client.get("/admin/monthly_reports/").content.decode()
    assert "Xã Tả Van" in listing
    assert "Xã Bát Tràng" not in listing
    theirs = MonthlyReport.objects.get(commune=monthly_land["a"])
    assert client.get(f"/admin/monthly_reports/inspect/{theirs.pk}/", follow=True).status_code == 404
    mine = MonthlyReport.objects.get(commune=monthly_land["c"])
    assert "Xã Tả Van" in client.get(f"/admin/monthly_reports/inspect/{mine.pk}/").content.decode()
