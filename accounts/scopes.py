"""What a person may see and change, decided in one place.

Every view, admin screen, export and count that shows geographic data filters its queryset with
`visible(user, queryset)` and fetches single objects with `get_visible_or_404`. The part of the
map a person works in is a `places.scopes.Scope`, made here from their roles.

Officer roles give a geographic scope: the whole country, a province, or a commune. Team roles
give none here: a team leader's own team is reached through their membership (teams/membership.py).
"""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from accounts import memberships
from accounts.models import Role, RoleAssignment, User
from places.models import Commune, Province
from places.scopes import Scope

OFFICER_ROLES = {Role.NATIONAL_ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER}


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
    if scope_for(user).national:
        return User.objects.all()
    held = visible(user, RoleAssignment.objects.all()).values("user_id")
    on_teams = visible(user, memberships.people_on_teams()).values("user_id")
    return User.objects.filter(Q(pk__in=held) | Q(pk__in=on_teams))


# CHOICES IN FORMS
# A form field offering rows to pick (a commune, a team, a person) offers only what the user may
# put things in: their units, never a unit that is merely visible to them (a commune officer
# sees their province's name but does not manage it). accounts/scoped_forms.py applies this to
# every relation field of every admin form, so a new field is narrowed without being named.

OUTSIDE_SCOPE_MESSAGE = _("This choice is outside the area you manage.")


def is_scoped_model(model):
    """Does `model` sit on the map (or is it a person), so that a choice of it depends on scope?"""
    return model in (Province, Commune, User) or any(
        hasattr(model, name) for name in ("scope_commune_path", "scope_catalogue_province_path")
    )


def choosable(user, queryset):
    """The rows of `queryset` that `user` may choose in a form. A catalogue row (a service) kept
    by a province (`scope_catalogue_province_path`) is choosable there and where it is national;
    models off the map (courses, groups) stay whole."""
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


def may_open_province(user, province):
    """A province's dashboard and report: national administrators and that province's officers."""
    scope = scope_for(user)
    return scope.national or province.pk in scope.provinces
