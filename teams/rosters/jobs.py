"""Preview and confirm as Celery tasks, with progress a reloaded page can read back.

Progress lives in the cache (Redis in production), because the confirm step writes inside one
transaction: a progress column on the job row would stay invisible until the very end. The job
row's status changes in the same transaction as the rows it writes, so a task redelivered after
a worker died (acks_late) finds the job done and does nothing.
"""

from celery import shared_task
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.scopes import scope_for
from teams.models import RosterImport
from teams.rosters.importing import import_file, plan_file

PROGRESS_SECONDS = 6 * 3600


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


@shared_task(acks_late=True)
def preview_roster_import(pk):
    job = RosterImport.objects.select_related("created_by").get(pk=pk)
    if job.status != RosterImport.Status.PREVIEWING:
        return
    with job.file.open("rb") as stream:
        data = stream.read()
    with override(_language(job)):
        plan = plan_file(data, job.original_name, scope_for(job.created_by), job.kind, _reporter(pk))
    job.summary = plan.summary()
    job.status = RosterImport.Status.PREVIEWED
    job.save(update_fields=["summary", "status"])


@shared_task(acks_late=True)
def confirm_roster_import(pk):
    try:
        with transaction.atomic():
            job = RosterImport.objects.select_for_update().select_related("created_by").get(pk=pk)
            if job.status != RosterImport.Status.IMPORTING:
                return
            with job.file.open("rb") as stream:
                data = stream.read()
            with override(_language(job)):
                plan = import_file(
                    data,
                    job.original_name,
                    scope_for(job.created_by),
                    job.created_by,
                    job.kind,
                    _reporter(pk),
                )
            job.summary = plan.summary()
            # New errors since the preview (someone changed the roster meanwhile): back to preview.
            job.status = RosterImport.Status.DONE if plan.ok else RosterImport.Status.PREVIEWED
            job.finished_at = timezone.now() if plan.ok else None
            job.save(update_fields=["summary", "status", "finished_at"])
    except DatabaseError:
        with override(_language(RosterImport.objects.select_related("created_by").get(pk=pk))):
            message = _("The roster could not be written, so nothing was imported: try again in a minute.")
        RosterImport.objects.filter(pk=pk).update(
            status=RosterImport.Status.FAILED, summary={"file_error": message}
        )
        raise
