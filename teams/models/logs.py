"""The assistance log: one session a team held, what it helped with and what it achieved.

`submission_key` is a one-time key rendered into the form: a second POST of the same form (a
double tap, a resend on a slow connection) finds the log already made instead of making another.
`commune` is the commune of the team when the session was held, so reports of past months stay
true when a village later moves, and dashboards filter without a join.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from places.models import Commune, Village
from teams.models.counted import CountedInReports
from teams.models.services import OutcomeType, Service
from teams.models.teams import Member, Team
from teams.signals import logs_changed


class AssistanceLog(CountedInReports):
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="logs", verbose_name=_("team"))
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("village")
    )
    held_on = models.DateField(_("date"))
    citizens_helped = models.PositiveIntegerField(_("citizens helped"))
    women_helped = models.PositiveIntegerField(_("of whom women"), null=True, blank=True)
    over_60_helped = models.PositiveIntegerField(_("of whom over 60"), null=True, blank=True)
    services = models.ManyToManyField(Service, blank=True, related_name="logs", verbose_name=_("services"))
    attendees = models.ManyToManyField(
        Member, blank=True, related_name="attended_logs", verbose_name=_("members present")
    )
    note = models.TextField(_("note"), blank=True)
    submission_key = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("corrected at"), auto_now=True)

    scope_commune_path = "commune"  # places/scopes.py
    counted_fields = ("commune_id", "held_on", "citizens_helped", "women_helped", "over_60_helped")
    # Wagtail's reference index ("usage" pages) recorded every log's links to its team, commune,
    # village and authors inside the leader's submit: two queries and an insert into a table that
    # would hold millions of rows at national scale, for a usage list nobody reads (a team's
    # logs are on its dashboard). Logs arriving in bursts from offline queues skip it.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("assistance log")
        verbose_name_plural = _("assistance logs")
        ordering = ["-held_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(women_helped__isnull=True) | Q(women_helped__lte=models.F("citizens_helped")),
                name="log_women_within_citizens",
            ),
            models.CheckConstraint(
                condition=Q(over_60_helped__isnull=True) | Q(over_60_helped__lte=models.F("citizens_helped")),
                name="log_over_60_within_citizens",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "held_on"], name="log_team_held_on"),
            models.Index(fields=["commune", "held_on"], name="log_commune_held_on"),
        ]

    def __str__(self):
        return f"{self.team} {self.held_on:%d/%m/%Y}"

    def counted_changed(self, states):
        months = {
            (state["commune_id"], state["held_on"].replace(day=1)) for state in states if state["held_on"]
        }
        logs_changed.send(sender=AssistanceLog, commune_months=months)

    def clean(self):
        super().clean()
        # An officer correcting a log may pick any village of their province: only the log's own
        # commune's villages belong on it (its counts are the commune's).
        if self.village_id and self.commune_id and self.village.commune_id != self.commune_id:
            raise ValidationError({"village": _("This village is not in the commune of the log.")})


class LogOutcome(models.Model):
    log = models.ForeignKey(AssistanceLog, on_delete=models.CASCADE, related_name="outcomes")
    outcome_type = models.ForeignKey(
        OutcomeType, on_delete=models.PROTECT, related_name="+", verbose_name=_("outcome")
    )
    count = models.PositiveIntegerField(_("count"))

    scope_commune_path = "log__commune"  # places/scopes.py
    wagtail_reference_index_ignore = True  # as its log

    class Meta:
        verbose_name = _("outcome count")
        verbose_name_plural = _("outcome counts")
        constraints = [models.UniqueConstraint(fields=["log", "outcome_type"], name="log_outcome_once")]

    def __str__(self):
        return f"{self.outcome_type}: {self.count}"
