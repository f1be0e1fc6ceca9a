"""An officer's roster import: the uploaded file, its preview, and whether it was written.

The file holds people's names and phones, so it is kept in the private storage (runtime/storages.py:
outside MEDIA_ROOT, no URL; one place every web server and worker reaches) under a random name;
the officer's own file name is kept here only to show. Preview and confirm may run on different
machines. Progress of a running task is kept in the cache (rosters/jobs.py); the row keeps
the outcome. Files are deleted once refused or cancelled, and after ROSTER_FILE_RETENTION_DAYS
once imported (rosters/upkeep.py).

The table is teams_rosterimport still: the model moved here from teams without moving its rows
(migrations.SeparateDatabaseAndState in rosters/migrations/0001 and teams/migrations).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rosters import kinds
from runtime.storages import private_storage


def random_upload_name(instance, filename):
    """A name that says nothing about the file or its owner, and cannot be guessed."""
    return f"{settings.ROSTER_UPLOAD_DIR}/{uuid.uuid4().hex}"


class RosterImport(models.Model):
    class Status(models.TextChoices):
        PREVIEWING = "previewing", _("checking the file")
        PREVIEWED = "previewed", _("ready to confirm")
        IMPORTING = "importing", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("not imported")
        CANCELLED = "cancelled", _("cancelled")
        EXPIRED = "expired", _("expired: not imported")

    # The name of a registered kind (rosters/kinds.py); the apps that own them register them, so
    # the choices are not known here. "roster" is teams' team roster, the list most files hold.
    kind = models.CharField(_("what the file holds"), max_length=16, default="roster")
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=random_upload_name, max_length=255, blank=True
    )
    # The officer's file with an error column, built once in the background (rosters/jobs.py).
    errors_file = models.FileField(
        _("error workbook"), storage=private_storage, upload_to=random_upload_name, max_length=255, blank=True
    )
    original_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PREVIEWING)
    summary = models.JSONField(_("preview"), default=dict, blank=True)
    # Sheets without a header row the officer ticked "skip this sheet" for when confirming: a
    # sheet is never left out unless someone chose to (the preview lists every sheet).
    skipped_sheets = models.JSONField(_("sheets skipped by the officer"), default=list, blank=True)
    # What the officer said the file's unrecognised columns hold: {header key: field, or "" for
    # "not imported"} (rosters/headers.py). The preview and the writing both read with it.
    column_choices = models.JSONField(_("columns mapped by the officer"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="roster_imports",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # When the running step (checking or importing) began: the stale-job sweeper reads it.
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")
        ordering = ["-created_at"]
        db_table = "teams_rosterimport"

    def __str__(self):
        return self.original_name

    @property
    def kind_label(self):
        kind = kinds.find(self.kind)
        return kind.label if kind else self.kind

    @property
    def is_running(self):
        return self.status in (self.Status.PREVIEWING, self.Status.IMPORTING)

    @property
    def shown_status(self):
        """The status as the officer reads it: a preview with rows to fix waits for a new file,
        not for a confirmation it cannot get."""
        if self.status == self.Status.PREVIEWED and self.rows_to_fix:
            return _("not imported: fix the file and upload it again")
        return self.get_status_display()

    @property
    def rows_to_fix(self):
        """How many rows are in error. The list of imports annotates it (`rows_in_error`) so
        as never to load a summary, which can weigh a few hundred KB."""
        if "rows_in_error" in self.__dict__:
            return self.rows_in_error or 0
        return (self.summary or {}).get("totals", {}).get("errors", 0)

    @property
    def can_confirm(self):
        """Previewed with no error, no column waiting to be mapped, and something to write:
        confirm writes all of it."""
        summary = self.summary or {}
        return (
            self.status == self.Status.PREVIEWED
            and not summary.get("file_error")
            and not summary.get("totals", {}).get("errors")
            and not summary.get("columns_to_map")
            and bool(summary.get("changes"))
        )


class ColumnChoice(models.Model):
    """What a unit's officer said the columns of a header hold, kept for the unit's next file with
    the same header (its `signature`): the commune that heads its hamlet column "Ấp" maps it once.

    `unit` names the officer's scope (rosters/choices.py), not a user: a colleague of the same
    commune uploading next month's file gets the same reading."""

    unit = models.CharField(_("unit"), max_length=200)
    kind = models.CharField(_("what the file holds"), max_length=16)
    signature = models.CharField(_("header"), max_length=40)
    choices = models.JSONField(_("columns"), default=dict)  # header key -> field, or "" (not imported)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("remembered column mapping")
        verbose_name_plural = _("remembered column mappings")
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind", "signature"], name="one_column_choice_per_header")
        ]

    def __str__(self):
        return f"{self.unit} {self.kind}"
