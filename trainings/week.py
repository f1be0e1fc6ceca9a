"""What trainings puts on a team's "this week" (teams/week.py): sessions to run in the week ahead,
and sessions held whose attendance nobody took yet. The team's sessions are those in its village,
or in its commune for a commune-level team."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from teams.week import Item
from trainings.models import TrainingSession

RUN_WINDOW = timedelta(days=7)  # a session shows from a week before
ATTENDANCE_DAYS = 2  # attendance is due this many days after the session


def _sessions_of(team):
    sessions = TrainingSession.objects.filter(
        commune_id=team.commune_id, status=TrainingSession.Status.SCHEDULED
    )
    return sessions.filter(village_id=team.village_id) if team.village_id else sessions


def team_week(team, today):
    now = timezone.now()
    items = []
    sessions = _sessions_of(team).filter(starts_at__lt=now + RUN_WINDOW).select_related("course")
    for session in sessions.order_by("starts_at")[:20]:
        day = timezone.localdate(session.starts_at)
        course = session.course.title
        if session.ends_at > now:
            label = _("Run the session: %(course)s") % {"course": course}
            items.append(
                Item(
                    label, due=day, opens=day - RUN_WINDOW, url=reverse("trainings:manage", args=[session.pk])
                )
            )
        else:
            label = _("Take attendance: %(course)s") % {"course": course}
            due = day + timedelta(days=ATTENDANCE_DAYS)
            items.append(
                Item(label, due=due, opens=day, url=reverse("trainings:attendance", args=[session.pk]))
            )
    return items
