"""A member's own team, reached through their current membership (Member.user), not a
geographic role: a leader sees and logs for their team only, whatever commune it is in.

`DIRECTORY` gives accounts (a layer below) the answers it needs about membership
(accounts/memberships.py); TeamsConfig.ready registers it.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.authority import by_phone
from accounts.memberships import TeamDirectory
from accounts.scopes import scope_for, visible
from teams.models import Member, Team

LEADER_CORRECTION_DAYS = 7


def current_memberships(user):
    """`user`'s current memberships of teams that are not dissolved."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Member.objects.none()
    return Member.objects.current().filter(user=user).exclude(team__status=Team.Status.DISSOLVED)


def _standing(user):
    """(on a team, leads an active team) from one query, kept on the user object: the header asks
    both on every page of the team area (accounts/areas.py, then its links), as `area_of` keeps
    its answer."""
    cached = getattr(user, "_team_standing", None)
    if cached is None:
        rows = list(current_memberships(user).values_list("role", "team__status"))
        leads = (Member.TeamRole.LEADER, Team.Status.ACTIVE) in rows
        cached = user._team_standing = (bool(rows), leads)
    return cached


def known_to_lead(user):
    """Note on the user object what finding a team they lead has shown: they are on a team and
    lead an active one, so the header asks nothing more of this request (`_standing`)."""
    user._team_standing = (True, True)


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


def teams_to_invite_to(inviter):
    """Active teams in the units `inviter` works in: what an invitation may name."""
    return visible(inviter, Team.objects.active().select_related("commune__province")).order_by(
        "commune__name_key", "name_key"
    )


def has_other_leader(team, phone):
    return team.members.current().filter(role=Member.TeamRole.LEADER).exclude(phone=phone).exists()


def join(user, team_id, team_role, *, today=None):
    """An accepted invitation puts `user` on the team, in `team_role`: their current membership of
    that team (a roster row with their phone) gets the account and the role; one of another team
    ends today, as when a member moves. A team that has found another leader meanwhile gets the
    person as a member. Returns the membership, or None when the team is no longer active."""
    today = today or timezone.localdate()
    with transaction.atomic():
        team = Team.objects.active().select_for_update().filter(pk=team_id).first()
        if team is None:
            return None
        if team_role == Member.TeamRole.LEADER and has_other_leader(team, user.phone):
            team_role = Member.TeamRole.MEMBER
        current = Member.objects.current().filter(phone=user.phone).first() if user.phone else None
        if current is not None and current.team_id != team.pk:
            current.left_on = max(today, current.joined_on)
            current.save()
            current = None
        member = current or Member(team=team, phone=user.phone, joined_on=today)
        member.full_name = member.full_name or user.full_name
        member.user = user
        member.role = team_role
        member.save()
    return member


DIRECTORY = TeamDirectory(
    people_on_teams=lambda: Member.objects.filter(user__isnull=False),
    is_on_a_team=lambda user: _standing(user)[0],
    leads_a_team=lambda user: _standing(user)[1],
    teams_to_invite_to=teams_to_invite_to,
    team_roles=lambda: Member.TeamRole.choices,
    has_other_leader=has_other_leader,
    join=join,
)


def places_of_person(phone, users):
    """The communes of every team `phone` (or one of the accounts `users`) was ever on, for
    accounts.authority: authority over a person covers all of them."""
    members = Member.objects.filter(by_phone(phone) | Q(user__in=users))
    return members.values_list("team__commune_id", flat=True).distinct()
