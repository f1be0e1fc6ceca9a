"""Who keeps a village's households: the village's own team, and officers whose scope covers it.

A member of the team serving the village (any role: the register is the team's work, not only
the leader's) sees and changes its households; a commune-level team keeps every village of its
commune. Officers come in through `accounts.authority.may_act_on` as for every row on the map;
`team_keeps` is the rule households registers there for the team (HouseholdsConfig.ready).
"""

from django.db.models import Q

from accounts.authority import by_phone
from accounts.scopes import scope_for
from households.models import Household
from places.models import Village
from teams.membership import current_memberships
from teams.models import Team


def _teams_of(user):
    return current_memberships(user).filter(team__status="active").values("team_id")


def villages_kept_by(user):
    """Villages whose households `user` keeps as a team member."""
    teams = Team.objects.filter(pk__in=_teams_of(user))
    return Village.objects.filter(
        Q(teams__in=teams) | Q(commune__teams__in=teams.filter(village__isnull=True))
    ).distinct()


def keeps_village(user, village):
    return villages_kept_by(user).filter(pk=village.pk).exists()


def village_of(instance):
    """The village a household, a person of one or a visit sits in (None for anything else)."""
    while not isinstance(instance, Village):
        if hasattr(instance, "village_id"):
            instance = instance.village
        elif hasattr(instance, "household_id"):
            instance = instance.household
        else:
            return None
    return instance


def team_keeps(user, instance):
    """authority rule: `user` is on the team serving the village `instance` sits in."""
    village = village_of(instance)
    return village is not None and keeps_village(user, village)


def may_keep(user, village):
    """May `user` see and change the households of `village`?"""
    return scope_for(user).contains_commune(village.commune) or keeps_village(user, village)


def places_of_person(phone, users):
    """authority: the communes of the villages where `phone` is a household's number."""
    return Household.objects.filter(by_phone(phone)).values_list("village__commune_id", flat=True).distinct()
