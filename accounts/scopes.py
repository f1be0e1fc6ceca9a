"""What a person may see and change, decided in one place.

Every view, admin screen, export and count that shows geographic data filters its queryset with
`visible(user, queryset)` and fetches single objects with `get_visible_or_404`. A model says where
it sits on the map with `scope_commune_path`: the lookup path from it to its Commune (for example
`"village__commune"` on a team); Province and Commune themselves need none.

Officer roles give a geographic scope: the whole country, a province, or a commune. Team roles
give none here: a team leader's own team is reached through their membership (teams app).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, RoleAssignment

OFFICER_ROLES = {Role.NATIONAL_ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER}


@dataclass(frozen=True)
class Scope:
    national: bool = False
    provinces: frozenset = field(default_factory=frozenset)
    communes: frozenset = field(default_factory=frozenset)
    # Provinces that hold one of `communes`: visible (their name shows) but not theirs to manage.
    parent_provinces: frozenset = field(default_factory=frozenset)

    @property
    def is_empty(self):
        return not (self.national or self.provinces or self.communes)

    def q(self, model):
        """The condition rows of `model` must meet to be in this scope."""
        if self.national:
            return Q()
        from teams.models import Commune, Province

        if model is Province:
            return Q(pk__in=self.provinces | self.parent_provinces)
        if model is Commune:
            commune_path, province_paths = "pk", ["province"]
        else:
            commune_path = model.scope_commune_path
            # A model held either in a province or in a commune names both ways to its province.
            province_paths = getattr(model, "scope_province_paths", [f"{commune_path}__province"])
        condition = Q(pk__in=[])
        for province_path in province_paths if self.provinces else []:
            condition |= Q(**{f"{province_path}__in": self.provinces})
        if self.communes:
            condition |= Q(**{f"{commune_path}__in": self.communes})
        return condition

    def filter(self, queryset):
        return queryset.filter(self.q(queryset.model))

    def contains_commune(self, commune):
        return self.national or commune.pk in self.communes or commune.province_id in self.provinces


def scope_for(user):
    """The geographic scope of `user`'s officer roles, computed once per user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope()
    cached = getattr(user, "_geographic_scope", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope(national=True)
    else:
        assignments = RoleAssignment.objects.filter(user=user, role__in=OFFICER_ROLES).values_list(
            "role", "province_id", "commune_id", "commune__province_id"
        )
        national, provinces, communes, parents = False, set(), set(), set()
        for role, province, commune, commune_province in assignments:
            if role == Role.NATIONAL_ADMIN:
                national = True
            elif role == Role.PROVINCE_OFFICER:
                provinces.add(province)
            else:
                communes.add(commune)
                parents.add(commune_province)
        scope = Scope(national, frozenset(provinces), frozenset(communes), frozenset(parents))
    user._geographic_scope = scope
    return scope


def visible(user, queryset):
    """`queryset` narrowed to what `user` may see."""
    return scope_for(user).filter(queryset)


def get_visible_or_404(user, queryset, **lookup):
    """One object `user` may see; 404 (not 403) for one outside their scope, so ids leak nothing."""
    try:
        return visible(user, queryset).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


# Which roles an officer may hand out, and where: a province officer staffs their province's
# communes, a commune officer their commune's teams; only a national administrator makes officers
# of provinces or other national administrators.
ASSIGNABLE = {
    Role.NATIONAL_ADMIN: set(Role),
    Role.PROVINCE_OFFICER: {Role.COMMUNE_OFFICER, Role.CONTENT_EDITOR, Role.TEAM_LEADER, Role.TEAM_MEMBER},
    Role.COMMUNE_OFFICER: {Role.TEAM_LEADER, Role.TEAM_MEMBER},
}


def assignable_roles(user):
    """The roles `user` may give to others (somewhere in their scope)."""
    scope = scope_for(user)
    if scope.national:
        return set(Role)
    roles = set()
    if scope.provinces:
        roles |= ASSIGNABLE[Role.PROVINCE_OFFICER]
    if scope.communes:
        roles |= ASSIGNABLE[Role.COMMUNE_OFFICER]
    return roles


def can_assign(user, role, *, province=None, commune=None):
    """May `user` give `role` in this unit (province, commune, or neither for the whole country)?"""
    scope = scope_for(user)
    if scope.national:
        return True
    if commune is not None:
        if commune.province_id in scope.provinces:
            return role in ASSIGNABLE[Role.PROVINCE_OFFICER]
        return commune.pk in scope.communes and role in ASSIGNABLE[Role.COMMUNE_OFFICER]
    if province is not None:
        return province.pk in scope.provinces and role == Role.CONTENT_EDITOR
    return False


def visible_users(user):
    """People `user` may pick (a role holder, a member's account): everyone for a national
    administrator, else those holding a role or sitting on a team somewhere in their scope
    (others join by invitation)."""
    from accounts.models import User
    from teams.models import Member

    if scope_for(user).national:
        return User.objects.all()
    held = visible(user, RoleAssignment.objects.all()).values("user_id")
    on_teams = visible(user, Member.objects.filter(user__isnull=False)).values("user_id")
    return User.objects.filter(Q(pk__in=held) | Q(pk__in=on_teams))


# CHOICES IN FORMS
# A form field offering rows to pick (a commune, a team, a person) offers only what the user may
# put things in: their units, never a unit that is merely visible to them (a commune officer
# sees their province's name but does not manage it). accounts/scoped_forms.py applies this to
# every relation field of every admin form, so a new field is narrowed without being named.

OUTSIDE_SCOPE_MESSAGE = _("This choice is outside the area you manage.")


def is_scoped_model(model):
    """Does `model` sit on the map (or is it a person), so that a choice of it depends on scope?"""
    from accounts.models import User
    from teams.models import Commune, Province

    return model in (Province, Commune, User) or any(
        hasattr(model, name) for name in ("scope_commune_path", "scope_catalogue_province_path")
    )


def choosable(user, queryset):
    """The rows of `queryset` that `user` may choose in a form. A catalogue row (a service) kept
    by a province (`scope_catalogue_province_path`) is choosable there and where it is national;
    models off the map (courses, groups) stay whole."""
    from accounts.models import User
    from teams.models import Province

    model = queryset.model
    scope = scope_for(user)
    if not is_scoped_model(model) or scope.national:
        return queryset
    if model is Province:
        return queryset.filter(pk__in=scope.provinces)
    if model is User:
        return queryset.filter(pk__in=visible_users(user).values("pk"))
    catalogue_path = getattr(model, "scope_catalogue_province_path", None)
    if catalogue_path:
        provinces = scope.provinces | scope.parent_provinces
        return queryset.filter(
            Q(**{f"{catalogue_path}__isnull": True}) | Q(**{f"{catalogue_path}__in": provinces})
        )
    return scope.filter(queryset)


def is_officer(user):
    return not scope_for(user).is_empty


def has_role(user, *roles):
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or RoleAssignment.objects.filter(user=user, role__in=roles).exists()


# TEAM MEMBERSHIP
# A member's own team is reached through their current membership (teams.Member.user), not a
# geographic role: a leader sees and logs for their team only, whatever commune it is in.

LEADER_CORRECTION_DAYS = 7


def current_memberships(user):
    """`user`'s current memberships of teams that are not dissolved."""
    from teams.models import Member, Team

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Member.objects.none()
    return Member.objects.current().filter(user=user).exclude(team__status=Team.Status.DISSOLVED)


def teams_led_by(user):
    """The active teams `user` currently leads."""
    from teams.models import Member, Team

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
    from django.utils import timezone

    if scope_for(user).contains_commune(log.commune):
        return True
    today = today or timezone.localdate()
    logged_on = timezone.localtime(log.created_at).date()
    return (today - logged_on).days < LEADER_CORRECTION_DAYS and may_log_for(user, log.team)


def may_open_province(user, province):
    """A province's dashboard and report: national administrators and that province's officers."""
    scope = scope_for(user)
    return scope.national or province.pk in scope.provinces


def publicly_listed_teams(queryset):
    """Teams anyone may find on the public page: active ones. Phones follow `Member.public_phone`."""
    from teams.models import Team

    return queryset.filter(status=Team.Status.ACTIVE)
