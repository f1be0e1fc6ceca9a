"""What reporting puts on a team's "this week" (teams/week.py): the commune's monthly report is
due on REPORT_DEADLINE_DAY, built from the team's logs, so the team logs the month's sessions
before then. The item shows from the month's last days and clears once the report is submitted."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from reporting.models import MonthlyReport
from reporting.monthly.periods import deadline, last_day
from teams.activity import month_start
from teams.week import Item

WINDOW = timedelta(days=3)  # before the month's last day


def team_week(team, today):
    this_month = month_start(today)
    previous = month_start(this_month - timedelta(days=1))
    submitted = set(
        MonthlyReport.objects.filter(
            commune_id=team.commune_id, month__in=[previous, this_month], first_submitted_at__isnull=False
        ).values_list("month", flat=True)
    )
    items = []
    for month in (previous, this_month):
        if month in submitted:
            continue
        due = deadline(month).date()
        label = _("Log every session of %(month)s: the commune's report is due %(due)s") % {
            "month": f"{month:%m/%Y}",
            "due": f"{due:%d/%m}",
        }
        # The month form takes a month's paper sessions at once: the way to catch up before the deadline.
        items.append(Item(label, due=due, opens=last_day(month) - WINDOW, url=reverse("teams:log_month")))
    return items
