"""Move roster uploads kept under MEDIA_ROOT (before the private storage) to the private storage.

    manage.py move_roster_files [--dry-run]

Run once after deploying the private storage. A file of an import still waiting or imported is
moved under a random name; a refused one (failed, cancelled, or previewed with rows to fix: it
has no error workbook and the officer uploads a fixed file anyway) is deleted, as it would be
today; any other file left under MEDIA_ROOT/rosters/ is deleted too. Summaries stored before they
were bounded are cut to ROSTER_KEPT_ERRORS errors, so their pages load fast. Running it again
finds nothing to do.
"""

from django.conf import settings
from django.core.files.storage import default_storage, storages
from django.core.management.base import BaseCommand

from rosters.jobs import bounded_summary
from rosters.models import RosterImport
from rosters.upkeep import REFUSED


def _refused(job):
    return job.status in REFUSED or (
        job.status == RosterImport.Status.PREVIEWED and bool((job.summary or {}).get("errors"))
    )


class Command(BaseCommand):
    help = "Move roster uploads from public media to the private storage; delete refused ones."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say what would happen, change nothing")

    def handle(self, *args, dry_run, **options):
        private = storages["private"]
        moved, deleted, seen = 0, 0, set()
        for job in RosterImport.objects.exclude(file="").iterator():
            name = job.file.name
            if private.exists(name) or not default_storage.exists(name):
                continue
            seen.add(name)
            refused = _refused(job)
            moved, deleted = moved + (not refused), deleted + refused
            if dry_run:
                continue
            if not refused:
                with default_storage.open(name, "rb") as old:
                    job.file.save(name, old, save=False)
            RosterImport.objects.filter(pk=job.pk).update(file="" if refused else job.file.name)
            default_storage.delete(name)
        orphans = [name for name in _files_under(settings.ROSTER_UPLOAD_DIR) if name not in seen]
        if not dry_run:
            for name in orphans:
                default_storage.delete(name)
        bounded = self._bound_summaries(dry_run)
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{moved} file(s) {verb} moved to the private storage, "
            f"{deleted + len(orphans)} refused or unreferenced file(s) {verb} deleted from media, "
            f"{bounded} summary(ies) {verb} bounded."
        )

    def _bound_summaries(self, dry_run):
        count = 0
        for job in RosterImport.objects.only("summary").iterator(chunk_size=10):
            summary = job.summary or {}
            if "errors_left_off" in summary or not summary.get("errors"):
                continue
            count += 1
            if not dry_run:
                RosterImport.objects.filter(pk=job.pk).update(summary=bounded_summary(summary))
        return count


def _files_under(folder):
    if not default_storage.exists(folder):
        return
    folders, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _files_under(f"{folder}/{sub}")
