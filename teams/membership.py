"""A member's own team, reached through their current membership (Member.user), not a
geographic role: a leader sees and logs for their team only, whatever commune it is in.

`DIRECTORY` gives accounts (a layer below) the answers it needs about membership
(accounts/memberships.py); TeamsConfig.ready registers it.
"""

from django.db.models import Q
from django.utils import timezone

from accounts.authority import by_phone
from accounts.memberships import TeamDirectory
from accounts.scopes import scope_for
from teams.models import Member, Team

LEADER_CORRECTION_DAYS = 7


def current_memberships(user):
    """`user`'s current memberships of teams that are not dissolved."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Member.objects.none()
    return Member.objects.current().filter(user=user).exclude(team__status=Team.Status.DISSOLVED)


def teams_led_by(user):
    """The active teams `user` currently leads."""
    team_ids = current_memberships(user).filter(role=Member.TeamRole.LEADER).values("team_id")
    return Team.objects.active().filter(pk__in=team_ids)


def team_of(user):
    """The team `user` currently belongs to (the one they lead first), or None."""
    membership = (
        current_memberships(user)
        .select_related("team__village", "team__commune")
        .order_by("role", "pk")
        .first()
    )
    return membership.team if membership else None


def may_log_for(user, team):
    """Only the team's own leader writes its log; officers correct it (`may_correct_log`)."""
    return teams_led_by(user).filter(pk=team.pk).exists()


def may_correct_log(user, log, today=None):
    """The team's leader for `LEADER_CORRECTION_DAYS` days after logging, an officer of its unit always."""
    if scope_for(user).contains_commune(log.commune):
        return True
    today = today or timezone.localdate()
    logged_on = timezone.localtime(log.created_at).date()
    return (today - logged_on).days < LEADER_CORRECTION_DAYS and may_log_for(user, log.team)


def publicly_listed_teams(queryset):
    """Teams anyone may find on the public page: active ones. Phones follow `Member.public_phone`."""
    return queryset.filter(status=Team.Status.ACTIVE)


DIRECTORY = TeamDirectory(
    people_on_teams=lambda: Member.objects.filter(user__isnull=False),
    is_on_a_team=lambda user: current_memberships(user).exists(),
    leads_a_team=lambda user: teams_led_by(user).exists(),
)


def places_of_person(phone, users):
    """The communes of every team `phone` (or one of the accounts `users`) was ever on, for
    accounts.authority: authority over a person covers all of them."""
    members = Member.objects.filter(by_phone(phone) | Q(user__in=users))
    return members.values_list("team__commune_id", flat=True).distinct()
