"""Keeping uploaded rosters no longer than needed, and no job running forever.

An upload holds people's names and phones. It is deleted as soon as the import is refused
(the file cannot be read, or has rows to fix: the error workbook is built first) or cancelled;
an imported file is kept ROSTER_FILE_RETENTION_DAYS (to answer "what did that file say?") and an
error workbook as long, then both are deleted by the hourly task in rosters/jobs.py. A preview
nobody confirms (one with rows to fix can never be) expires after ROSTER_PREVIEW_EXPIRY_DAYS, its
files deleted, so no list shows it waiting for ever.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from rosters import read_cache
from rosters.models import RosterImport

RUNNING = (RosterImport.Status.PREVIEWING, RosterImport.Status.IMPORTING)
REFUSED = (RosterImport.Status.FAILED, RosterImport.Status.CANCELLED)


def delete_upload(job):
    """Delete the uploaded file (its sheets kept in the cache, the storage, then the row's
    reference to it)."""
    if job.file:
        try:
            with job.file.open("rb") as stream:
                read_cache.forget(stream.read(), job.original_name)
        except FileNotFoundError:
            pass  # already gone from the storage: only the reference is left to clear
        job.file.delete(save=False)
        RosterImport.objects.filter(pk=job.pk).update(file="")


def delete_files(job):
    delete_upload(job)
    if job.errors_file:
        job.errors_file.delete(save=False)
        RosterImport.objects.filter(pk=job.pk).update(errors_file="")


def expired_jobs(now=None):
    """Jobs with a file left whose retention is over: counted from the import for imported
    files, from the upload for the rest (a preview nobody confirmed, an error workbook)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ROSTER_FILE_RETENTION_DAYS)
    has_file = ~Q(file="") | ~Q(errors_file="")
    done = Q(status=RosterImport.Status.DONE, finished_at__lt=cutoff)
    other = ~Q(status=RosterImport.Status.DONE) & Q(created_at__lt=cutoff)
    return RosterImport.objects.filter(has_file & (done | other)).exclude(status__in=RUNNING)


def delete_expired_files(now=None):
    """Delete the files of `expired_jobs`."""
    deleted = 0
    for job in expired_jobs(now).iterator():
        delete_files(job)
        deleted += 1
    return deleted


def expire_previews(now=None):
    """Previews waiting longer than ROSTER_PREVIEW_EXPIRY_DAYS: marked expired, files deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ROSTER_PREVIEW_EXPIRY_DAYS)
    expired = 0
    waiting = RosterImport.objects.filter(status=RosterImport.Status.PREVIEWED, started_at__lt=cutoff)
    for job in waiting.iterator():
        # The status first, only if still waiting: a confirm that began meanwhile keeps its file.
        if RosterImport.objects.filter(pk=job.pk, status=RosterImport.Status.PREVIEWED).update(
            status=RosterImport.Status.EXPIRED
        ):
            delete_files(job)
            expired += 1
    return expired


def stale_jobs(now=None):
    """Jobs still checking or importing ROSTER_JOB_STALE_MINUTES after their step began."""
    cutoff = (now or timezone.now()) - timedelta(minutes=settings.ROSTER_JOB_STALE_MINUTES)
    return RosterImport.objects.filter(status__in=RUNNING, started_at__lt=cutoff).select_related("created_by")
