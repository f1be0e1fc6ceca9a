"""Preview and confirm as Celery tasks, with progress a reloaded page can read back.

Progress lives in the cache (Redis in production), because the confirm step writes inside one
transaction: a progress column on the job row would stay invisible until the very end. The job
row's status changes in the same transaction as the rows it writes, so a task redelivered after
a worker died (acks_late) finds the job done and does nothing.

A job never stays running: any exception in a task (a file the readers choke on, the soft time
limit) marks it failed with a message in the officer's language, and `fail_stale_roster_imports`
catches the tasks that died without a word. What the job row keeps is bounded (`bounded_summary`):
a crafted file with half a million bad rows must not become a summary every admin page loads.
"""

import functools
import logging
from collections import Counter

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.scopes import scope_for
from rosters import kinds, upkeep
from rosters.choices import choices_for
from rosters.errors_file import errors_workbook
from rosters.importing import import_file, plan_file
from rosters.models import RosterImport

logger = logging.getLogger(__name__)

PROGRESS_SECONDS = 6 * 3600
# Longest text kept from one error: a message may quote a cell, and a cell may hold 32,767 characters.
MAX_ERROR_TEXT = 300


def _progress_key(pk):
    return f"roster-import:{pk}:progress"


def progress_of(job):
    """{"done", "total", "percent"} of a running job (0 % until the task reports)."""
    progress = cache.get(_progress_key(job.pk)) or {"done": 0, "total": 0}
    total = progress["total"]
    progress["percent"] = min(100, round(100 * progress["done"] / total)) if total else 0
    return progress


def _reporter(pk):
    def report(done, total):
        cache.set(_progress_key(pk), {"done": min(done, total), "total": total}, PROGRESS_SECONDS)

    return report


def _language(job):
    return job.created_by.preferred_language or "vi"


def _shortened(item):
    return {key: value[:MAX_ERROR_TEXT] if isinstance(value, str) else value for key, value in item.items()}


def bounded_summary(summary):
    """`summary` with at most ROSTER_KEPT_ERRORS errors and warnings, each of bounded length; the
    rest are counted per column in "<kind>_left_off" ({column: count}), so the page can say so."""
    limit = settings.ROSTER_KEPT_ERRORS
    bounded = dict(summary)
    for kind in ("errors", "warnings", "skipped_rows"):
        items = summary.get(kind, [])
        bounded[kind] = [_shortened(item) for item in items[:limit]]
        left_off = Counter(item["column"][:MAX_ERROR_TEXT] for item in items[limit:])
        bounded[f"{kind}_left_off"] = dict(left_off.most_common())
    return bounded


def _failure_message(error):
    if isinstance(error, SoftTimeLimitExceeded):
        return _("Checking the file took too long, so nothing was imported: split it into smaller files.")
    if isinstance(error, DatabaseError):
        return _("The roster could not be written, so nothing was imported: try again in a minute.")
    return _(
        "This is not a spreadsheet we can read, so nothing was imported: save it again from Excel or "
        "LibreOffice as XLSX and upload it."
    )


def _fail(pk, error):
    """Mark a running job failed with a message for its officer, and delete its file (refused)."""
    job = RosterImport.objects.select_related("created_by").get(pk=pk)
    with override(_language(job)):
        message = _failure_message(error)
    running = (RosterImport.Status.PREVIEWING, RosterImport.Status.IMPORTING)
    if RosterImport.objects.filter(pk=pk, status__in=running).update(
        status=RosterImport.Status.FAILED, summary={"file_error": message}
    ):
        upkeep.delete_upload(job)


def _marks_failure(task):
    """Any exception leaves the job failed, never "checking" forever (the worker logs it)."""

    @functools.wraps(task)
    def run(pk):
        try:
            return task(pk)
        except Exception as error:
            logger.exception("Roster import %s failed", pk)
            _fail(pk, error)

    return run


def scope_of(job):
    """The part of the map the job's file is planned in, for whoever uploaded it, worked out again
    at each step: someone who lost their role since the preview imports nothing."""
    kind = kinds.find(job.kind)
    return (kind.scope_of if kind and kind.scope_of else scope_for)(job.created_by)


def start(kind, upload, user):
    """A job for `upload` (an UploadedFile) of `kind`, kept privately, its preview queued."""
    job = RosterImport(kind=kind, original_name=upload.name[:255], created_by=user)
    job.file.save(upload.name, upload, save=False)
    job.save()
    transaction.on_commit(lambda: preview_roster_import.delay(job.pk))
    return job


def confirm(job, skipped_sheets=()):
    """Queue the writing of a previewed job that may be confirmed; any other job is left as it is."""
    updated = RosterImport.objects.filter(pk=job.pk, status=RosterImport.Status.PREVIEWED).update(
        status=RosterImport.Status.IMPORTING, started_at=timezone.now(), skipped_sheets=list(skipped_sheets)
    )
    if updated and job.can_confirm:
        transaction.on_commit(lambda: confirm_roster_import.delay(job.pk))
    elif updated:
        RosterImport.objects.filter(pk=job.pk).update(status=RosterImport.Status.PREVIEWED)


def _read_upload(job):
    with job.file.open("rb") as stream:
        return stream.read()


@shared_task(acks_late=True)
@_marks_failure
def preview_roster_import(pk):
    job = RosterImport.objects.select_related("created_by").get(pk=pk)
    if job.status != RosterImport.Status.PREVIEWING:
        return
    scope = scope_of(job)
    with override(_language(job)):
        plan = plan_file(
            _read_upload(job),
            job.original_name,
            scope,
            job.kind,
            _reporter(pk),
            choices=choices_for(scope, job.kind, job.column_choices),
        )
    # A file nobody can import is refused: failed, and its file deleted at once.
    status = RosterImport.Status.FAILED if plan.file_error else RosterImport.Status.PREVIEWED
    summary = bounded_summary(plan.summary())
    if RosterImport.objects.filter(pk=pk, status=RosterImport.Status.PREVIEWING).update(
        summary=summary, status=status
    ):
        _after_check(job, summary, status)


def _after_check(job, summary, status):
    if status == RosterImport.Status.FAILED:
        upkeep.delete_upload(job)
    elif summary.get("errors"):
        transaction.on_commit(lambda: build_errors_file.delay(job.pk))


@shared_task(acks_late=True)
def build_errors_file(pk):
    """The error workbook, built once from the upload, then the upload deleted (it was refused).

    Runs in a worker, never in a web request: building copies the officer's file with openpyxl.
    """
    job = RosterImport.objects.select_related("created_by").get(pk=pk)
    if job.errors_file or not job.file or not (job.summary or {}).get("errors"):
        return
    try:
        data = _read_upload(job)
        with override(_language(job)):
            content = errors_workbook(data, job.original_name, job.summary)
        job.errors_file.save("errors.xlsx", ContentFile(content), save=False)
        RosterImport.objects.filter(pk=pk).update(errors_file=job.errors_file.name)
    except Exception:
        logger.exception("The error workbook of roster import %s could not be built", pk)
    if job.status == RosterImport.Status.PREVIEWED and not job.summary.get("columns_to_map"):
        upkeep.delete_upload(job)  # kept while a column waits to be mapped: the preview runs again


@shared_task(acks_late=True)
@_marks_failure
def confirm_roster_import(pk):
    with transaction.atomic():
        job = RosterImport.objects.select_for_update().select_related("created_by").get(pk=pk)
        if job.status != RosterImport.Status.IMPORTING:
            return
        scope = scope_of(job)
        with override(_language(job)):
            plan = import_file(
                _read_upload(job),
                job.original_name,
                scope,
                job.created_by,
                job.kind,
                _reporter(pk),
                job.skipped_sheets,
                choices_for(scope, job.kind, job.column_choices),
            )
        job.summary = bounded_summary(plan.summary())
        # New errors since the preview (someone changed the roster meanwhile): back to preview.
        job.status = RosterImport.Status.DONE if plan.ok else RosterImport.Status.PREVIEWED
        job.finished_at = timezone.now() if plan.ok else None
        job.save(update_fields=["summary", "status", "finished_at"])
    if not plan.ok:
        transaction.on_commit(lambda: build_errors_file.delay(pk))


@shared_task(acks_late=True)
def delete_expired_roster_files():
    """Hourly: files of imports older than ROSTER_FILE_RETENTION_DAYS are deleted."""
    logger.info("Deleted the files of %s roster imports past their retention", upkeep.delete_expired_files())


@shared_task(acks_late=True)
def expire_roster_previews():
    """Hourly: previews left unconfirmed past ROSTER_PREVIEW_EXPIRY_DAYS expire, files deleted."""
    logger.info("Expired %s roster previews nobody confirmed", upkeep.expire_previews())


@shared_task(acks_late=True)
def fail_stale_roster_imports():
    """Every few minutes: jobs whose task died (worker killed, lost message) are marked failed."""
    for job in upkeep.stale_jobs():
        with override(_language(job)):
            message = _(
                "Checking or importing the file stopped before the end, so nothing was imported: upload it again."
            )
        if RosterImport.objects.filter(pk=job.pk, status=job.status, started_at=job.started_at).update(
            status=RosterImport.Status.FAILED, summary={"file_error": message}
        ):
            upkeep.delete_upload(job)
