"""Celery finds an app's tasks in `<app>.tasks`."""

from celery import shared_task

from reporting.summaries import rebuild_all
from reporting.totals import rebuild_counts


@shared_task(acks_late=True)
def rebuild_summaries():
    """Nightly: every total again from the live rows (idempotent; repairs writes made around the app)."""
    rebuild_all()
    rebuild_counts()
