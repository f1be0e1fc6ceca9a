"""What each commune and province has today: villages, villages with an active team, members
of active teams and how many of them are trained.

Recomputed (never incremented) by `reporting.totals` whenever teams sends
`commune_counts_changed`, inside the writing transaction. As with the months, once one unit has
a row every province and commune has one, so the dashboards read one row per unit shown.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from places.models import Commune, Province


class Counts(models.Model):
    villages = models.PositiveIntegerField(default=0)
    covered_villages = models.PositiveIntegerField(default=0)
    members = models.PositiveIntegerField(default=0)
    trained_members = models.PositiveIntegerField(default=0)

    COUNTED = ("villages", "covered_villages", "members", "trained_members")

    class Meta:
        abstract = True


class CommuneTotals(Counts):
    commune = models.OneToOneField(Commune, on_delete=models.CASCADE, primary_key=True, related_name="+")
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")

    scope_commune_path = "commune"  # places/scopes.py

    class Meta:
        verbose_name = _("commune totals")
        verbose_name_plural = _("commune totals")
        indexes = [models.Index(fields=["province"], name="commune_totals_by_province")]

    def __str__(self):
        return str(self.commune_id)


class ProvinceTotals(Counts):
    """The sum of the province's commune totals; its row is the lock their writers take."""

    province = models.OneToOneField(Province, on_delete=models.CASCADE, primary_key=True, related_name="+")

    class Meta:
        verbose_name = _("province totals")
        verbose_name_plural = _("province totals")

    def __str__(self):
        return str(self.province_id)
