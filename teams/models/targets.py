"""What a team aims for each month (or in all: households covered), set by its commune's officer,
or by the province for every team that has none of its own. The measures themselves are
registered in code (teams/targets.py); a target names one by its key."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import Province
from teams.models.teams import Team


class Target(models.Model):
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, null=True, blank=True, related_name="targets", verbose_name=_("team")
    )
    # A province's default, for its teams without a target of their own for the measure.
    province = models.ForeignKey(
        Province,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    measure = models.CharField(_("measure"), max_length=40)
    value = models.PositiveIntegerField(_("target"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    set_at = models.DateTimeField(_("set at"), default=timezone.now)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(team__isnull=True) ^ Q(province__isnull=True), name="target_team_or_province"
            ),
            models.UniqueConstraint(fields=["team", "measure"], name="target_one_per_team_measure"),
            models.UniqueConstraint(fields=["province", "measure"], name="target_one_per_province_measure"),
        ]

    def __str__(self):
        return f"{self.team or self.province} {self.measure}: {self.value}"
