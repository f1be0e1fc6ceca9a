"""Reminding commune officers whose monthly report is not in: 3 days and 1 day before the
deadline, and the day after it (settings.REPORT_REMINDER_DAYS).

Celery beat runs `send_report_reminders` every hour; each run queues what today calls for, under
a key naming the officer and the day, so the runs after the first find their texts already made
and an officer of several communes gets one text a day that names them all. The outbox holds each
text until the sending window opens. A commune that has submitted, or was marked "no report",
is not reminded; nor is one that left the map before the month's end.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from messaging.models import Purpose
from messaging.outbox import queue_many
from reporting.models import MonthlyReport, ReportState
from reporting.monthly.notices import commune_officers
from reporting.monthly.periods import deadline, expected_communes
from teams.activity import month_start

DONE = (ReportState.SUBMITTED, ReportState.APPROVED, ReportState.NO_REPORT)
NAMES_IN_TEXT = 3


def due_today(today):
    """[(month, days before the deadline)] whose reminder falls on `today`."""
    this_month = month_start(today)
    last_month = month_start(this_month - timedelta(days=1))
    return [
        (month, days)
        for month in (last_month, this_month)
        for days in settings.REPORT_REMINDER_DAYS
        if timezone.localdate(deadline(month)) - timedelta(days=days) == today
    ]


def _body(user, month, days, names):
    with translation.override(user.preferred_language):
        shown = ", ".join(names[:NAMES_IN_TEXT])
        if len(names) > NAMES_IN_TEXT:
            more = len(names) - NAMES_IN_TEXT
            shown += " " + ngettext("and %(n)d other", "and %(n)d others", more) % {"n": more}
        values = {
            "month": f"{month:%m/%Y}",
            "units": shown,
            "deadline": f"{timezone.localtime(deadline(month)):%H:%M %d/%m}",
        }
        if days > 0:
            return ngettext(
                "The report for %(month)s of %(units)s is due by %(deadline)s, in %(days)d day.",
                "The report for %(month)s of %(units)s is due by %(deadline)s, in %(days)d days.",
                days,
            ) % (values | {"days": days})
        return (
            _("The report for %(month)s of %(units)s was due by %(deadline)s. Please submit it today.")
            % values
        )


def send_report_reminders(now=None):
    """Queue today's reminders; returns how many texts were asked for (repeats included)."""
    today = timezone.localdate(now or timezone.now())
    items = []
    for month, days in due_today(today):
        done = MonthlyReport.objects.filter(month=month, commune__isnull=False, state__in=DONE).values(
            "commune_id"
        )
        owing = dict(expected_communes(month).exclude(pk__in=done).values_list("pk", "name"))
        by_officer = {}
        for commune_id, users in commune_officers(list(owing)).items():
            for user in users:
                by_officer.setdefault(user, []).append(commune_id)
        for user, communes in by_officer.items():
            names = sorted(owing[code] for code in communes)
            items.append(
                {
                    "recipient_phone": user.phone,
                    "body": _body(user, month, days, names),
                    "purpose": Purpose.REMINDER,
                    "idempotency_key": f"monthly-report:reminder:user:{user.pk}:{today:%Y-%m-%d}",
                    "language": user.preferred_language,
                    "user": user,
                }
            )
    queue_many(items)
    return len(items)
