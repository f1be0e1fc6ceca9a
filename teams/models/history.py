"""A team's history: `TeamEvent`s, added to and never rewritten, and the one way they are written.

`Team.save` and `Member.save` and the bulk roster writer (teams/roster_kinds/writer.py) all go
through `team_events`, `member_events` and `write`, so one row saved in the admin and fifty
thousand written by an import leave the same history: same kinds, details, dates and author.
What changed is read from `_loaded` (the values the row had when it was read from the database).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from rosters import bulk


class TeamEvent(models.Model):
    """One change in a team's life, kept for the record and never edited or deleted."""

    class Kind(models.TextChoices):
        FOUNDED = "founded", _("team founded")
        STATUS_CHANGED = "status_changed", _("status changed")
        MEMBER_JOINED = "member_joined", _("member joined")
        MEMBER_LEFT = "member_left", _("member left")
        ROLE_CHANGED = "role_changed", _("role changed")

    team = models.ForeignKey(
        "teams.Team", on_delete=models.PROTECT, related_name="events", verbose_name=_("team")
    )
    kind = models.CharField(_("what happened"), max_length=20, choices=Kind.choices)
    member = models.ForeignKey(
        "teams.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("member"),
    )
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    scope_commune_path = "team__commune"  # places/scopes.py

    class Meta:
        verbose_name = _("team event")
        verbose_name_plural = _("team history")
        ordering = ["-happened_on", "-recorded_at"]

    def __str__(self):
        return f"{self.happened_on:%d/%m/%Y} {self.get_kind_display()}"

    @property
    def shown_detail(self):
        """The detail in the reader's language. A role or a status is stored as it was worded for
        whoever made the change (Vietnamese for most): read back in the language of the page."""
        fields = self._meta
        choices = [
            *fields.get_field("member").related_model.TeamRole.choices,
            *fields.get_field("team").related_model.Status.choices,
        ]
        return _labels_in_reader_language(choices).get(self.detail, self.detail)


def _labels_in_reader_language(choices):
    """Every wording of `choices` (roles, statuses), in any language, mapped to the current one's."""
    shown = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            shown.update({str(label): value for value, label in choices})
    current = {value: str(label) for value, label in choices}
    return {wording: current[value] for wording, value in shown.items()}


def team_events(teams, created):
    """Events for `teams` just saved: founded if `created`, else a change of status."""
    events = []
    for team in teams:
        if created:
            day = team.decision_date or team.founded_on
            events.append(_event(team.pk, TeamEvent.Kind.FOUNDED, team.decision_number, day))
        elif getattr(team, "_loaded", {}).get("status", team.status) != team.status:
            detail = team.get_status_display()
            events.append(_event(team.pk, TeamEvent.Kind.STATUS_CHANGED, detail, team.dissolved_on))
    return events


def member_events(members, created):
    """Events for `members` just saved: joined if `created`, else role changes and leaving."""
    if not members:
        return []
    # get_role_display(), translated once per role rather than once per member.
    roles = {role: str(label) for role, label in type(members[0]).TeamRole.choices}
    today = timezone.localdate()
    events = []
    for member in members:
        if created:
            events.append(
                _event(
                    member.team_id, TeamEvent.Kind.MEMBER_JOINED, roles[member.role], member.joined_on, member
                )
            )
            continue
        loaded = getattr(member, "_loaded", {"role": member.role, "left_on": member.left_on})
        if loaded["role"] != member.role:
            events.append(
                _event(member.team_id, TeamEvent.Kind.ROLE_CHANGED, roles[member.role], today, member)
            )
        if loaded["left_on"] is None and member.left_on:
            events.append(_event(member.team_id, TeamEvent.Kind.MEMBER_LEFT, "", member.left_on, member))
    return events


def write(events, recorded_by=None):
    """Save `events` (from the functions above) as recorded by `recorded_by`. Many are streamed
    as rows (rosters.bulk), without making a model instance of each."""
    if len(events) == 1:
        TeamEvent.objects.create(**events[0], recorded_by=recorded_by)
    elif events:
        bulk.insert_rows(TeamEvent, events, recorded_by_id=recorded_by.pk if recorded_by else None)


def _event(team_id, kind, detail, day, member=None):
    """One event as the values of its row."""
    return {
        "team_id": team_id,
        "kind": kind,
        "member_id": member.pk if member else None,
        "detail": str(detail or "")[:255],
        "happened_on": day or timezone.localdate(),
    }
