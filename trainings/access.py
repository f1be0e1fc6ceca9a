"""Who may run which sessions: officers within their geographic scope (accounts/scopes.py) and
team leaders in the commune their team is in; and which members-only sessions a member sees."""

from django.db.models import Q

from accounts.authority import by_phone
from accounts.scopes import scope_for, visible
from places.models import Commune
from teams.membership import current_memberships, teams_led_by
from teams.models import Member
from trainings.models import Registration, SignUpHold, TrainingSession


def _led_communes(user):
    return teams_led_by(user).values("commune_id")


def manageable_sessions(user, queryset=None):
    queryset = queryset if queryset is not None else TrainingSession.objects.all()
    return visible(user, queryset) | queryset.filter(commune__in=_led_communes(user))


def team_sessions(user):
    """Members-only sessions `user` may open as a team member: those held in the commune of a team
    they are on (members of every team in the commune may be enrolled: `enrollable_members`), and
    any they are enrolled in."""
    memberships = current_memberships(user)
    return TrainingSession.objects.filter(audience=TrainingSession.Audience.MEMBERS).filter(
        Q(commune__in=memberships.values("team__commune_id"))
        | Q(pk__in=Registration.objects.filter(member__in=memberships).values("session_id"))
    )


def manageable_registrations(user):
    return Registration.objects.filter(session__in=manageable_sessions(user).values("pk"))


def venue_communes(user):
    """Communes where `user` may hold a session."""
    return visible(user, Commune.objects.all()) | Commune.objects.filter(pk__in=_led_communes(user))


def may_run_trainings(user):
    return not scope_for(user).is_empty or teams_led_by(user).exists()


def enrollable_members(user, session):
    """Current members of teams in the session's commune that `user` may manage."""
    members = Member.objects.current().filter(team__commune_id=session.commune_id)
    if scope_for(user).contains_commune(session.commune):
        return members
    return members.filter(team__in=teams_led_by(user))


def places_of_person(phone, users):
    """The communes of every session `phone` (or a member account among `users`) signed up for
    or waits to confirm, for accounts.authority: authority over a person covers all of them."""
    registrations = Registration.objects.filter(by_phone(phone) | Q(member__user__in=users))
    holds = SignUpHold.objects.filter(by_phone(phone))
    return {
        *registrations.values_list("session__commune_id", flat=True).distinct(),
        *holds.values_list("session__commune_id", flat=True).distinct(),
    }


def leader_may_run(user, session):
    """A team leader runs the sessions of their team's commune (beside its officers)."""
    return teams_led_by(user).filter(commune_id=session.commune_id).exists()
