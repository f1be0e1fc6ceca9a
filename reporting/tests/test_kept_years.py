"""Each commune's last twelve months kept in one row for the public pages (issue 24): always the
sum of the commune's months, whatever wrote them (a leader's submit, a replayed queue, a
correction into another month or out of the twelve, a deletion, an import), and made again for
a new month; the public figures read from it are those summed from the months."""

import datetime

import pytest
from django.test import Client

from accounts.scopes import scope_for
from progress.figures import public_table
from reporting.models import CommuneMonth, CommuneYear
from reporting.summaries import keep_year, rebuild_all
from reporting.tests.test_added_logs import submit
from rosters.importing import import_file
from teams.activity import last_months
from teams.models import AssistanceLog
from teams.tests.test_logs_import import GOOD, logs_xlsx
from tests.factories import CommuneFactory, VillageFactory
from tests.factories_teams import LogFactory, TeamFactory, leader_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock")]

DECEMBER = datetime.date(2026, 12, 1)  # the clock's month


def kept_years():
    return {
        (commune, last_month): (sessions, citizens)
        for commune, last_month, sessions, citizens in CommuneYear.objects.values_list(
            "commune_id", "last_month", "sessions", "citizens_helped"
        )
    }


def summed_from_months():
    """What each kept row must hold: its commune's months summed over its twelve months."""
    summed = {}
    for commune, last_month in kept_years():
        months = CommuneMonth.objects.filter(
            commune_id=commune, month__gte=last_months(12, last_month)[0], month__lte=last_month
        )
        summed[commune, last_month] = (
            sum(months.values_list("sessions", flat=True)),
            sum(months.values_list("citizens_helped", flat=True)),
        )
    return summed


def leader_client(team):
    client = Client()
    client.force_login(leader_of(team))
    return client


def test_every_writer_keeps_the_twelve_months_equal_to_the_months(teams, officer):
    east, west = teams["Thôn Đông"], teams["Thôn Tây"]
    assert keep_year() is True
    assert keep_year() is False  # made once a month
    leader = leader_client(east)
    submit(leader, east, DECEMBER, 14, {"vneid-level2": 6})
    submit(leader, east, DECEMBER, 5, queued=True)
    old = LogFactory(team=west, held_on=datetime.date(2026, 3, 9), citizens_helped=7)
    moved = LogFactory(team=west, held_on=datetime.date(2026, 10, 2), citizens_helped=11)
    moved.held_on, moved.citizens_helped = datetime.date(2025, 11, 30), 12  # out of the twelve months
    moved.save()
    old.delete()
    plan = import_file(logs_xlsx(GOOD), "so.xlsx", scope_for(officer), user=officer, kind="logs")
    assert plan.ok, plan.summary()["errors"]

    # Tân Lập: 2 sessions submitted (14 + 5 citizens), 3 imported in November (14 + 9 + 5); its
    # March log deleted, its October one moved out of the twelve months.
    assert kept_years()[east.commune_id, DECEMBER] == (5, 19 + 28)
    assert kept_years() == summed_from_months()
    before = kept_years()
    rebuild_all()  # the nightly rebuild makes the same rows
    assert kept_years() == before


def test_a_commune_newer_than_the_kept_rows_gets_its_row_at_its_first_session(teams):
    keep_year()
    team = TeamFactory(
        village=VillageFactory(commune=CommuneFactory(province=teams["Thôn Đông"].commune.province))
    )
    assert (team.commune_id, DECEMBER) not in kept_years()
    submit(leader_client(team), team, DECEMBER, 9)
    LogFactory(team=team, held_on=datetime.date(2026, 6, 1), citizens_helped=4)
    assert kept_years()[team.commune_id, DECEMBER] == (2, 13)
    assert kept_years() == summed_from_months()


def test_a_new_month_keeps_a_new_twelve_months_and_the_oldest_month_leaves_them(teams, clock):
    east = teams["Thôn Đông"]
    LogFactory(team=east, held_on=datetime.date(2026, 1, 15), citizens_helped=8)
    LogFactory(team=east, held_on=DECEMBER, citizens_helped=3)
    keep_year()
    assert kept_years()[east.commune_id, DECEMBER] == (2, 11)
    clock.move_to(datetime.datetime(2027, 1, 1, 0, 30, tzinfo=datetime.UTC))  # 07:30 in Hà Nội
    assert keep_year() is True
    january = datetime.date(2027, 1, 1)
    assert kept_years()[east.commune_id, january] == (1, 3)  # January 2026 left the twelve months
    assert {last_month for _commune, last_month in kept_years()} == {january}
    submit(leader_client(east), east, january, 6)
    assert kept_years()[east.commune_id, january] == (2, 9)
    assert kept_years() == summed_from_months()


def test_the_public_figures_read_from_the_kept_rows_are_those_summed_from_the_months(teams):
    east, west = teams["Thôn Đông"], teams["Thôn Tây"]
    for day, team, citizens in [(DECEMBER, east, 14), (datetime.date(2026, 2, 3), west, 3)]:
        LogFactory(team=team, held_on=day, citizens_helped=citizens)
    summed = public_table(last_months(), [east.commune.province_id])
    keep_year()
    kept = public_table(last_months(), [east.commune.province_id])
    assert CommuneYear.objects.exists()
    assert kept == summed
    assert AssistanceLog.objects.count() == 2
