"""What the households app puts on a team's "this week" (teams/week.py) and its targets
(teams/targets.py): follow-up visits due, shown from a week before, and households covered, a
running total rather than a month's."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from households.figures import covered_count
from households.followups import due_for
from teams.week import Item

WINDOW = timedelta(days=7)  # a visit shows a week before it is due


def team_week(team, today):
    return [
        Item(
            _("Visit %(household)s: %(note)s") % {"household": due.household, "note": due.follow_up.note},
            due=due.due_on,
            opens=due.due_on - WINDOW,
            url=reverse("households:detail", args=[due.household.pk]),
        )
        for due in due_for(team, today)
    ]


def households_covered(teams, start, end):
    return {team.pk: covered_count(team) for team in teams}
