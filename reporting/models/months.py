"""Monthly totals per commune and per province, so dashboards read rows per unit, not per log.

Correctness: whenever a log is created, corrected or deleted, teams sends `logs_changed` inside
its transaction. A new log's figures are added to its month (`reporting.increments`, the leader's
submit at national scale); a correction, a deletion or an import recomputes the affected months
from the logs themselves (`reporting.summaries`). Both lock the province's month row first, so
two leaders saving at once cannot lose each other's session. `manage.py rebuild_summaries` rebuilds
everything from the logs (nightly by Celery beat) as the safety net for writes made outside the app.

Flat reads: once any unit has a row for a month, every province and commune has one too (zeros
where nothing happened, and a province row for each outcome type), so what a dashboard reads
depends on the units and months shown, never on how many of them happen to have teams yet, nor
on how many times the rows were rebuilt (reporting/vacuum.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from places.models import Commune, Province
from teams.models import OutcomeType


class CommuneMonth(models.Model):
    # The commune and its province (copied so national dashboards group without a join) are
    # indexed only together with the month (Meta): given an index on the unit alone, the planner
    # read every month of the unit and filtered out all but the twelve shown.
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+", db_index=False)
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+", db_index=False)
    month = models.DateField(help_text="First day of the month.")
    sessions = models.PositiveIntegerField(default=0)
    citizens_helped = models.PositiveIntegerField(default=0)
    women_helped = models.PositiveIntegerField(default=0)
    over_60_helped = models.PositiveIntegerField(default=0)

    scope_commune_path = "commune"  # places/scopes.py

    class Meta:
        db_table = "teams_communemonth"  # made by teams before reporting held it
        verbose_name = _("commune month total")
        verbose_name_plural = _("commune month totals")
        constraints = [models.UniqueConstraint(fields=["commune", "month"], name="commune_month_once")]
        # Province first: a province page reads its communes' twelve months shown, not every
        # province of those months.
        indexes = [models.Index(fields=["province", "month"], name="commune_month_by_province")]

    def __str__(self):
        return f"{self.commune_id} {self.month:%m/%Y}"


class CommuneMonthOutcome(models.Model):
    # Indexed with the month only, as CommuneMonth.
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+", db_index=False)
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+", db_index=False)
    month = models.DateField()
    outcome_type = models.ForeignKey(OutcomeType, on_delete=models.CASCADE, related_name="+")
    total = models.PositiveIntegerField(default=0)

    scope_commune_path = "commune"  # places/scopes.py

    class Meta:
        db_table = "teams_communemonthoutcome"
        verbose_name = _("commune month outcome total")
        verbose_name_plural = _("commune month outcome totals")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "month", "outcome_type"], name="commune_month_outcome_once"
            )
        ]
        indexes = [models.Index(fields=["province", "month"], name="cm_outcome_by_province")]

    def __str__(self):
        return f"{self.commune_id} {self.month:%m/%Y} {self.outcome_type_id}: {self.total}"


class CommuneYear(models.Model):
    """A commune's sessions and citizens helped over the twelve months ending with `last_month`:
    the public progress pages read 3,321 of these, not 12 × 3,321 commune months (issue 24).
    Always the sum of its commune's months (reporting/years.py keeps it so)."""

    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+", db_index=False)
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+", db_index=False)
    last_month = models.DateField(help_text="First day of the twelfth month summed.")
    sessions = models.PositiveIntegerField(default=0)
    citizens_helped = models.PositiveIntegerField(default=0)

    FIGURES = ("sessions", "citizens_helped")

    class Meta:
        verbose_name = _("commune twelve-month total")
        verbose_name_plural = _("commune twelve-month totals")
        constraints = [models.UniqueConstraint(fields=["commune", "last_month"], name="commune_year_once")]
        indexes = [models.Index(fields=["last_month"], name="commune_year_by_last_month")]

    def __str__(self):
        return f"{self.commune_id} to {self.last_month:%m/%Y}"


class ProvinceMonth(models.Model):
    """The sum of a province's commune months; its row is the lock every writer of that month takes."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sessions = models.PositiveIntegerField(default=0)
    citizens_helped = models.PositiveIntegerField(default=0)
    women_helped = models.PositiveIntegerField(default=0)
    over_60_helped = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("province month total")
        verbose_name_plural = _("province month totals")
        constraints = [models.UniqueConstraint(fields=["province", "month"], name="province_month_once")]
        indexes = [models.Index(fields=["month"], name="province_month_by_month")]

    def __str__(self):
        return f"{self.province_id} {self.month:%m/%Y}"


class ProvinceMonthOutcome(models.Model):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    outcome_type = models.ForeignKey(OutcomeType, on_delete=models.CASCADE, related_name="+")
    total = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("province month outcome total")
        verbose_name_plural = _("province month outcome totals")
        constraints = [
            models.UniqueConstraint(
                fields=["province", "month", "outcome_type"], name="province_month_outcome_once"
            )
        ]

    def __str__(self):
        return f"{self.province_id} {self.month:%m/%Y} {self.outcome_type_id}: {self.total}"
