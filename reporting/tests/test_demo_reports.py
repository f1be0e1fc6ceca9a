"""An officer walking the demo finds monthly reports in every state of the workflow: approved,
submitted and waiting for the province, returned with a reason, and drafts; the README's commune
officer can resubmit the returned one and the README's province officer can act on a submitted
one. Loaded at 00:30 on the 1st (the worst hour) no move is dated in the future."""

from datetime import date
from io import StringIO

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from accounts import demo as accounts_demo
from accounts.models import User
from reporting import demo
from reporting.models import MonthlyReport, ReportEvent
from reporting.monthly.figures import compile_figures, figures_hash
from reporting.monthly.periods import deadline
from teams import demo as teams_demo
from tests.pages import visible_text
from tests.world.monthly import month_page

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_on_the_first_of_march")]

JANUARY, FEBRUARY = date(2027, 1, 1), date(2027, 2, 1)
# 00:30 in Hà Nội on the 1st: last month ended half an hour ago and UTC is still on the 28th.
LOADED_AT = "2027-03-01 00:30 +07:00"


def teams_people_and_reports():
    with time_machine.travel(LOADED_AT, tick=False):
        teams_demo.load(StringIO())
        accounts_demo.load(StringIO())
        demo.load(StringIO())


@pytest.fixture(scope="module")
def _demo_for_the_module(built_once):
    """The map and the demo are built once per worker (the map alone takes seconds) and written
    back for the module (tests/database_snapshot.py); each test runs in its own savepoint inside."""
    with built_once.written_back(teams_people_and_reports):
        yield


@pytest.fixture
def loaded(_demo_for_the_module):
    with time_machine.travel(LOADED_AT, tick=False):
        yield


def signed_in(client, email):
    """The README's officer, signed in with the authenticator app staff must enrol."""
    officer = User.objects.get(email=email)
    TOTP.activate(officer, generate_totp_secret())
    client.force_login(officer)
    return client


def states(month):
    return set(MonthlyReport.objects.filter(month=month).values_list("state", flat=True))


def test_three_past_months_show_every_state_of_the_workflow(loaded):
    assert sorted({m.strftime("%Y-%m") for m in MonthlyReport.objects.values_list("month", flat=True)}) == [
        "2026-12",
        "2027-01",
        "2027-02",
    ]
    assert states(date(2026, 12, 1)) == {"approved"}
    assert states(JANUARY) == {"approved", "returned"}
    assert states(FEBRUARY) == {"submitted", "draft"}
    assert not ReportEvent.objects.filter(at__gt=timezone.now()).exists()


def test_figures_are_those_a_submission_compiles_and_the_history_holds_their_hash(loaded):
    for report in MonthlyReport.objects.exclude(state="draft").select_related("commune"):
        assert report.figures == compile_figures(report.commune, report.month)
        assert report.figures_hash == figures_hash(report.figures)
        assert report.events.first().action == "submitted"
        assert set(report.events.values_list("figures_hash", flat=True)) == {report.figures_hash}
    assert MonthlyReport.objects.filter(figures__citizens_helped__gt=0).exists()


def test_one_report_was_sent_late(loaded):
    late = [
        report.commune.name
        for report in MonthlyReport.objects.filter(month=JANUARY).select_related("commune")
        if report.first_submitted_at > deadline(report.month)
    ]
    assert late == ["Phường Hoàn Kiếm"]


def test_the_commune_officer_sees_why_january_came_back_and_can_send_february(client, loaded):
    signed_in(client, "xa@example.vn")
    response = client.get(month_page("commune", "00583", JANUARY))
    assert response.status_code == 200, response
    returned = visible_text(response.content.decode())
    assert "trả lại" in returned
    assert "Thôn Kim Lan" in returned
    assert "Nguyễn Văn Tỉnh" in returned  # who sent it back
    assert MonthlyReport.objects.get(commune="00583", month=FEBRUARY).state == "draft"
    response = client.post(month_page("commune", "00583", FEBRUARY), {"action": "submit"})
    assert response.status_code == 302
    assert MonthlyReport.objects.get(commune="00583", month=FEBRUARY).state == "submitted"


def test_the_province_officer_finds_hoan_kiem_waiting_and_approves_it(client, loaded):
    signed_in(client, "tinh@example.vn")
    page = visible_text(client.get(month_page("commune", "00070", FEBRUARY)).content.decode())
    assert "đã nộp" in page
    client.post(month_page("commune", "00070", FEBRUARY), {"action": "approve"})
    assert MonthlyReport.objects.get(commune="00070", month=FEBRUARY).state == "approved"


def test_loading_again_changes_nothing(loaded):
    before = (MonthlyReport.objects.count(), ReportEvent.objects.count())
    demo.load(StringIO())
    assert (MonthlyReport.objects.count(), ReportEvent.objects.count()) == before
