"""A team's own activity by month, and the month arithmetic every monthly figure shares.

The team area shows a leader their team's last months from the logs themselves (a team has at
most a few hundred logs); reporting builds its commune and province figures on the same months.
"""

from datetime import date

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from teams.models import LogOutcome, OutcomeType

MONTHS_SHOWN = 12


def month_start(day):
    return date(day.year, day.month, 1)


def next_month(day):
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def last_months(count=MONTHS_SHOWN, today=None):
    """The first days of the last `count` months, oldest first, ending with this month."""
    current = month_start(today or timezone.localdate())
    months = [current]
    for _ in range(count - 1):
        previous = months[-1]
        months.append(date(previous.year - (previous.month == 1), (previous.month - 2) % 12 + 1, 1))
    return months[::-1]


def outcome_list(totals):
    """[(service, outcome, total)] for {outcome type id: total}, in the data's own order."""
    types = OutcomeType.objects.filter(pk__in=totals).select_related("service")
    ordered = sorted(types, key=lambda t: (t.service.sort_order, t.service.code, t.sort_order, t.code))
    return [(t.service.name, t.name, totals[t.pk]) for t in ordered]


def team_activity(team, months):
    """(sessions by month, citizens by month, outcomes) of one team, from its own logs."""
    logs = team.logs.filter(held_on__gte=months[0], held_on__lt=next_month(months[-1]))
    by_month = {
        row["month"]: row
        for row in logs.annotate(month=TruncMonth("held_on"))
        .values("month")
        .annotate(sessions=Count("pk"), citizens=Sum("citizens_helped"))
        .order_by()
    }
    by_month = {(m.date() if hasattr(m, "date") else m): row for m, row in by_month.items()}
    outcome_rows = (
        LogOutcome.objects.filter(log__in=logs)
        .values("outcome_type_id")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return (
        [by_month.get(m, {}).get("sessions", 0) for m in months],
        [by_month.get(m, {}).get("citizens") or 0 for m in months],
        outcome_list({row["outcome_type_id"]: row["total"] for row in outcome_rows}),
    )
