"""A person's place on a team, as accounts needs it: the area they work in, their header's links,
and the people an officer may pick.

Teams sit above accounts (accounts/ never imports teams/), so the teams app gives its answers
here when it starts (`TeamsConfig.ready` calls `register`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet


@dataclass(frozen=True)
class TeamDirectory:
    # Rows that put a signed-up person (`user_id`) on a team, placed on the map
    # (`scope_commune_path`), so an officer's scope narrows them.
    people_on_teams: Callable[[], QuerySet]
    is_on_a_team: Callable[[object], bool]
    leads_a_team: Callable[[object], bool]
    # Invitations to a team: the teams an inviter may name, the roles in a team ("leader" first),
    # whether a team has a leader other than the number invited, and joining on acceptance.
    teams_to_invite_to: Callable[[object], QuerySet]
    team_roles: Callable[[], list]
    has_other_leader: Callable[[object, str], bool]
    join: Callable[..., object]


_directory = None


def register(directory):
    global _directory
    _directory = directory


def _teams():
    if _directory is None:
        raise ImproperlyConfigured("No team directory registered: is 'teams' in INSTALLED_APPS?")
    return _directory


def people_on_teams():
    return _teams().people_on_teams()


def is_on_a_team(user):
    return _teams().is_on_a_team(user)


def leads_a_team(user):
    return _teams().leads_a_team(user)


def teams_to_invite_to(inviter):
    return _teams().teams_to_invite_to(inviter)


def team_roles():
    return _teams().team_roles()


def has_other_leader(team, phone):
    return _teams().has_other_leader(team, phone)


def join(user, team_id, team_role):
    return _teams().join(user, team_id, team_role)
