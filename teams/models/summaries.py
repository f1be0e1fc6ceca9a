"""Monthly totals per commune, so national and province dashboards read thousands of rows, not millions.

Correctness: these rows are never incremented. Whenever a log is created, corrected or deleted,
`teams.summaries.refresh_commune_month` recomputes the affected (commune, month) rows from the
logs themselves inside the same transaction, after locking the row, so two leaders of one
commune saving at once cannot lose each other's session. `manage.py rebuild_summaries` rebuilds
everything from the logs (nightly by Celery beat) as the safety net for writes made outside the app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from places.models import Commune, Province
from teams.models.services import OutcomeType


class CommuneMonth(models.Model):
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+")
    # The commune's province, copied so national dashboards group without a join.
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="First day of the month.")
    sessions = models.PositiveIntegerField(default=0)
    citizens_helped = models.PositiveIntegerField(default=0)
    women_helped = models.PositiveIntegerField(default=0)
    over_60_helped = models.PositiveIntegerField(default=0)

    scope_commune_path = "commune"  # places/scopes.py

    class Meta:
        verbose_name = _("commune month total")
        verbose_name_plural = _("commune month totals")
        constraints = [models.UniqueConstraint(fields=["commune", "month"], name="commune_month_once")]
        indexes = [models.Index(fields=["month", "province"], name="commune_month_by_month")]

    def __str__(self):
        return f"{self.commune_id} {self.month:%m/%Y}"


class CommuneMonthOutcome(models.Model):
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+")
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    outcome_type = models.ForeignKey(OutcomeType, on_delete=models.CASCADE, related_name="+")
    total = models.PositiveIntegerField(default=0)

    scope_commune_path = "commune"  # places/scopes.py

    class Meta:
        verbose_name = _("commune month outcome total")
        verbose_name_plural = _("commune month outcome totals")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "month", "outcome_type"], name="commune_month_outcome_once"
            )
        ]
        indexes = [models.Index(fields=["month", "province"], name="cm_outcome_by_month")]

    def __str__(self):
        return f"{self.commune_id} {self.month:%m/%Y} {self.outcome_type_id}: {self.total}"
