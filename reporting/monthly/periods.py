"""The dates a monthly report hangs on: when its month ends, when it is due, who owes it.

The deadline is a setting (REPORT_DEADLINE_DAY of the next month at REPORT_DEADLINE_TIME, Vietnam
time; the 5th at 23:59 by default). A report first submitted within the deadline's minute is on
time. Expected reports follow the map: a commune owes a month's report when it exists on the
month's last day, so one merged away during the month owes nothing and the commune it joined
owes one report, not two.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from places.models import Commune
from teams.activity import next_month


def last_day(month):
    return next_month(month) - timedelta(days=1)


def month_over_at(month):
    """The moment `month` ends, in Vietnam time: a report can be submitted from then on."""
    return timezone.make_aware(datetime.combine(next_month(month), time()))


def deadline(month):
    """The last moment `month`'s report is on time (the end of the deadline's minute)."""
    hour, minute = map(int, settings.REPORT_DEADLINE_TIME.split(":"))
    due_day = next_month(month).replace(day=settings.REPORT_DEADLINE_DAY)
    start = datetime.combine(due_day, time()) + timedelta(hours=hour, minutes=minute)
    return timezone.make_aware(start) + timedelta(minutes=1) - timedelta(microseconds=1)


def expected_communes(month, provinces=None):
    """Communes owing `month`'s report (of `provinces`, a list of codes; None for all)."""
    communes = Commune.objects.existing_on(last_day(month))
    return communes if provinces is None else communes.filter(province_id__in=provinces)
