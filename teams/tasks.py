"""Celery finds an app's tasks in `<app>.tasks`; the roster import's live in teams/rosters/jobs.py."""

from celery import shared_task

from teams.rosters.jobs import confirm_roster_import, preview_roster_import
from teams.summaries import rebuild_all

__all__ = ["confirm_roster_import", "preview_roster_import", "rebuild_summaries"]


@shared_task(acks_late=True)
def rebuild_summaries():
    """Nightly: the commune-month totals again from the logs (idempotent; repairs writes made outside the app)."""
    rebuild_all()
