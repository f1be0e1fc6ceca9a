"""The monthly report that climbs: a commune's month, sent up to its province and approved there.

DHIS2's approval model: a commune's report goes draft → submitted → approved, or back to the
commune (returned, with a reason) and up again; the province approves its own month (a row with
no commune) only once every commune is approved or marked "no report". The figures are copied
into the row when submitted, so what the province approved never moves when a log is corrected
later: reporting/monthly/figures.py shows the difference instead. Every move is a ReportEvent
with who, when, why and a hash of the figures as they stood.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from places.models import Commune, Province


class ReportState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned")
    APPROVED = "approved", _("approved")
    NO_REPORT = "no_report", _("no report")


class MonthlyReport(models.Model):
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    # Empty on the province's own month: the row its officer approves once the communes are done.
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("commune")
    )
    month = models.DateField(_("month"), help_text=_("First day of the month."))
    state = models.CharField(
        _("state"), max_length=16, choices=ReportState.choices, default=ReportState.DRAFT
    )
    remarks = models.TextField(_("officer's remarks"), blank=True)
    # The figures as last submitted (or approved, for a province): {field: n, "outcomes": {code: n}}.
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    figures_hash = models.CharField(_("hash of the figures"), max_length=64, blank=True)
    # Timeliness is counted on the first submission, whatever happens after it.
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    scope_commune_path = "commune"  # places/scopes.py
    scope_province_paths = ["province"]

    class Meta:
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "month"],
                condition=models.Q(commune__isnull=False),
                name="monthly_report_once_per_commune",
            ),
            models.UniqueConstraint(
                fields=["province", "month"],
                condition=models.Q(commune__isnull=True),
                name="monthly_report_once_per_province",
            ),
        ]
        indexes = [models.Index(fields=["province", "month"], name="monthly_report_by_province")]

    def __str__(self):
        return f"{self.commune_id or self.province_id} {self.month:%m/%Y}"

    @property
    def unit(self):
        return self.commune if self.commune_id else self.province


class ReportEvent(models.Model):
    """One move of a report. Never changed or deleted: the history a dispute is settled from."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        RESUBMITTED = "resubmitted", _("resubmitted")
        RETURNED = "returned", _("returned")
        APPROVED = "approved", _("approved")
        REOPENED = "reopened", _("reopened")
        NO_REPORT = "no_report", _("marked “no report”")

    report = models.ForeignKey(MonthlyReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    from_state = models.CharField(_("from"), max_length=16, choices=ReportState.choices)
    to_state = models.CharField(_("to"), max_length=16, choices=ReportState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"))
    reason = models.TextField(_("reason"), blank=True)
    figures_hash = models.CharField(_("hash of the figures"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.report} {self.action}"
