"""The households app on the leader's team area: a follow-up visit shows on "this week" from a
week before it is due and clears once done; "households covered" can be a team's target."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from households import followups
from households.models import FollowUp
from teams import targets, week
from teams.models import Target
from tests.households_steps import BASIC_757, checked, household, person

pytestmark = pytest.mark.django_db


def test_a_follow_up_visit_shows_on_the_week_a_week_before_and_clears_when_done(world, clock):
    team = world["teams"]["a"]
    today = timezone.localdate()
    made = household(world["villages"]["a"], head="Lò Thị Mai")
    task = FollowUp.objects.create(
        household=made,
        assigned_to=team.members.first(),
        due_on=today + timedelta(days=10),
        note="Hoàn tất VNeID",
    )

    def shown(on):
        return [
            entry.item.label for entry in week.this_week(team, on) if "Hoàn tất VNeID" in entry.item.label
        ]

    assert shown(today) == []
    with translation.override("en"):
        assert shown(today + timedelta(days=3)) == ["Visit Lò Thị Mai: Hoàn tất VNeID"]
    late = [
        entry for entry in week.this_week(team, today + timedelta(days=11)) if "VNeID" in entry.item.label
    ]
    assert late[0].overdue
    followups.mark_done(task, by=None)
    assert shown(today + timedelta(days=3)) == []


def test_households_covered_counts_towards_a_team_target(world, clock):
    team = world["teams"]["a"]
    Target.objects.create(team=team, measure="households", value=20)
    covered = household(world["villages"]["a"], head="Lò Thị Mai")
    household(world["villages"]["a"], head="Hà Văn Tú")
    checked(person(covered, "Lò Thị Mai"), BASIC_757)
    (progress,) = [
        p for p in targets.progress([team], timezone.localdate())[team.pk] if p.measure.key == "households"
    ]
    assert (progress.done, progress.target) == (1, 20)
