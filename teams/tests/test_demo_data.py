"""The demo's teams look like real ones on whatever day it is loaded: people's names, a year of
activity that ends today, several provinces, and the README's leader and member where it says."""

import re
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.db.models.functions import TruncMonth

from accounts import demo as accounts_demo
from households import demo as households_demo
from households import followups
from households.figures import covered_count
from places.models import Province
from teams import demo
from teams.models import AssistanceLog, LogOutcome, Member

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_on_the_first_of_march")]
# 00:30 in Hà Nội on the 1st: the current month has one possible day, and UTC is still the 31st.
LOADED_AT = "2027-03-01 00:30 +07:00"


def teams_and_people():
    with time_machine.travel(LOADED_AT, tick=False):
        demo.load(StringIO())
        accounts_demo.load(StringIO())


@pytest.fixture(scope="module")
def _loaded_for_the_module(built_once):
    """Built once per worker and written back for the module (tests/database_snapshot.py): each
    test's changes roll back inside it."""
    with built_once.written_back(teams_and_people):
        yield


@pytest.fixture
def loaded(_loaded_for_the_module):
    with time_machine.travel(LOADED_AT, tick=False):
        yield


def test_a_year_of_logs_ends_in_the_month_the_demo_is_loaded(loaded):
    months = set(AssistanceLog.objects.annotate(month=TruncMonth("held_on")).values_list("month", flat=True))
    twelve = [(2026, month) for month in range(4, 13)] + [(2027, 1), (2027, 2), (2027, 3)]
    assert sorted((month.year, month.month) for month in months) == twelve
    assert AssistanceLog.objects.latest("held_on").held_on == date(2027, 3, 1)


def test_teams_work_in_several_provinces_and_the_others_stay_empty(loaded):
    with_logs = Province.objects.filter(communes__teams__logs__isnull=False).distinct()
    assert with_logs.count() >= 6
    assert Province.objects.count() == 34


def test_members_have_real_names_each_once(loaded):
    names = list(Member.objects.values_list("full_name", flat=True))
    assert not [name for name in names if re.search(r"\d", name)]
    assert len(names) == len(set(names))
    assert all(len(name.split()) == 3 for name in names)


def test_outcomes_never_exceed_the_people_helped(loaded):
    for outcome in LogOutcome.objects.select_related("log"):
        assert outcome.count <= outcome.log.citizens_helped
        assert outcome.log.services.filter(pk=outcome.outcome_type.service_id).exists()


def test_the_readme_leader_and_member_are_on_the_team_of_thon_giang_cao_in_bat_trang(loaded):
    leader = Member.objects.select_related("team__village", "team__commune", "user").get(phone="+84912345678")
    member = Member.objects.select_related("team", "user").get(phone="+84987654321")
    assert (leader.team.village.name, leader.team.commune.name) == ("Thôn Giang Cao", "Xã Bát Tràng")
    assert leader.role == Member.TeamRole.LEADER
    assert (member.team, member.role) == (leader.team, Member.TeamRole.MEMBER)
    assert leader.user.full_name == leader.full_name
    assert member.user.full_name == member.full_name


def test_loading_teams_again_changes_nothing(loaded):
    before = (Member.objects.count(), AssistanceLog.objects.count(), LogOutcome.objects.count())
    with time_machine.travel("2027-03-01 09:00 +07:00", tick=False):
        demo.load(StringIO())
    assert (Member.objects.count(), AssistanceLog.objects.count(), LogOutcome.objects.count()) == before


def test_the_readme_team_keeps_a_few_households_three_covered_and_loading_again_adds_none(loaded):
    leader = Member.objects.get(phone="+84912345678")
    with time_machine.travel(LOADED_AT, tick=False):
        households_demo.load(StringIO())
        households_demo.load(StringIO())
        due = followups.due_for(leader.team)
    assert leader.team.village.households.count() == 6
    assert covered_count(leader.team) == 3
    assert [(item.assigned_to, item.due_on, item.overdue) for item in due] == [
        (leader, date(2027, 3, 12), False)
    ]
