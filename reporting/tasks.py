"""Celery finds an app's tasks in `<app>.tasks`."""

from celery import shared_task

from households import totals as household_totals
from reporting.monthly import reminders
from reporting.summaries import keep_year, rebuild_all
from reporting.totals import rebuild_counts


@shared_task(acks_late=True)
def rebuild_summaries():
    """Nightly: every total again from the live rows (idempotent; repairs writes made around the app)."""
    rebuild_all()
    rebuild_counts()
    household_totals.rebuild()


@shared_task(acks_late=True)
def keep_twelve_months():
    """Hourly: the public pages' kept twelve months ending this month, made once per month."""
    keep_year()


@shared_task(acks_late=True)
def send_report_reminders():
    """Hourly: today's reminders to commune officers whose monthly report is not in (idempotent)."""
    reminders.send_report_reminders()
