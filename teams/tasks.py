"""Celery finds an app's tasks in `<app>.tasks`; the roster import's live in teams/rosters/jobs.py."""

from teams.rosters.jobs import confirm_roster_import, preview_roster_import

__all__ = ["confirm_roster_import", "preview_roster_import"]
