"""An officer's roster import: the uploaded file, its preview, and whether it was written.

The file is kept in default storage (MEDIA: one place every web server and worker reaches), not
in a web server's temp folder, so preview and confirm may run on different machines. Progress
of a running task is kept in the cache (teams/rosters/jobs.py); the row keeps the outcome.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RosterImport(models.Model):
    class Kind(models.TextChoices):
        ROSTER = "roster", _("team roster")
        VILLAGES = "villages", _("village list")
        ATTENDANCE = "attendance", _("attendance list")

    class Status(models.TextChoices):
        PREVIEWING = "previewing", _("checking the file")
        PREVIEWED = "previewed", _("ready to confirm")
        IMPORTING = "importing", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("not imported")

    kind = models.CharField(
        _("what the file holds"), max_length=16, choices=Kind.choices, default=Kind.ROSTER
    )
    file = models.FileField(_("file"), upload_to=f"{settings.ROSTER_UPLOAD_DIR}/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PREVIEWING)
    summary = models.JSONField(_("preview"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="roster_imports",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.original_name

    @property
    def is_running(self):
        return self.status in (self.Status.PREVIEWING, self.Status.IMPORTING)

    @property
    def can_confirm(self):
        """Previewed with no error and something to write: confirm writes all of it."""
        summary = self.summary or {}
        totals = summary.get("totals", {})
        changes = totals.get("new") or totals.get("updated") or summary.get("villages_new")
        changes = changes or summary.get("teams_updated") or summary.get("villages_updated")
        # An attendance list also records as absent those registered but not on it.
        changes = changes or summary.get("marked_absent")
        return (
            self.status == self.Status.PREVIEWED
            and not summary.get("file_error")
            and not totals.get("errors")
            and bool(changes)
        )
