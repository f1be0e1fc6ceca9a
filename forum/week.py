"""What the forum puts on a team's "this week" (teams/week.py): questions from the team's commune,
published and still without an answer a team member could give."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import Question, Status
from teams.week import Item

ANSWER_DAYS = 3  # a question waits at most this long for an answer before it is overdue


def team_week(team, today):
    waiting = Question.objects.filter(
        commune_id=team.commune_id, status=Status.PUBLISHED, answered_at__isnull=True
    ).order_by("created_at")[:10]
    items = []
    for question in waiting:
        asked = timezone.localdate(question.created_at)
        label = _("Answer a question from the commune: %(title)s") % {"title": question.title}
        items.append(
            Item(
                label,
                due=asked + timedelta(days=ANSWER_DAYS),
                opens=asked,
                url=reverse("forum:question", args=[question.pk]),
            )
        )
    return items
