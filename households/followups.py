"""Follow-up visits: "come back in two weeks to finish VNeID" as a task for one team member.

`due_for(team, today)` is what the leader's week list reads (the "week" lane wires it in): the
team's open tasks, soonest first, each with its due date and whether it is overdue.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from households.models import FollowUp


@dataclass(frozen=True)
class Due:
    follow_up: FollowUp
    due_on: date
    overdue: bool

    @property
    def household(self):
        return self.follow_up.household

    @property
    def assigned_to(self):
        return self.follow_up.assigned_to


def open_for(team):
    return FollowUp.objects.filter(assigned_to__team=team, done_at__isnull=True).select_related(
        "household__village", "assigned_to"
    )


def due_for(team, today=None):
    """The team's open follow-up visits with their due dates, soonest first."""
    today = today or timezone.localdate()
    return [
        Due(follow_up, follow_up.due_on, follow_up.due_on < today)
        for follow_up in open_for(team).order_by("due_on", "pk")
    ]


def mark_done(follow_up, by):
    if follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        follow_up.updated_by = by
        follow_up.save(update_fields=["done_at", "updated_by", "updated_at"])
    return follow_up
