"""Celery finds an app's tasks in `<app>.tasks`; the import's tasks live in rosters/jobs.py."""

from rosters.jobs import (
    build_errors_file,
    confirm_roster_import,
    delete_expired_roster_files,
    fail_stale_roster_imports,
    preview_roster_import,
)

__all__ = [
    "build_errors_file",
    "confirm_roster_import",
    "delete_expired_roster_files",
    "fail_stale_roster_imports",
    "preview_roster_import",
]
