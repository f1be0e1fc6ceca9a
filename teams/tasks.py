"""Celery finds an app's tasks in `<app>.tasks`."""

from celery import shared_task

from teams.summaries import rebuild_all

__all__ = ["rebuild_summaries"]


@shared_task(acks_late=True)
def rebuild_summaries():
    """Nightly: the commune-month totals again from the logs (idempotent; repairs writes made outside the app)."""
    rebuild_all()
