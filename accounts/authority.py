"""May this user act on this person, or on this object? One answer, from the data, never a form.

- An object on the map (a team, a member row, a session, a log, a data request, a role) is acted
  on by an officer whose scope holds the unit it sits in: the rule `scopes.visible()` applies to
  querysets, here for one row. Apps above add who else may act on their objects (a team leader
  on their own team's sessions and logs) with `register_rule`.
- A person, named by a phone number or an account, is acted on as a whole (a rights request, an
  erasure, an opt-out, a consent written down) only by an officer whose scope covers EVERY unit
  where the person appears: team memberships (past ones too), training registrations and sign-ups
  waiting for their code, text messages placed on the map, invitations, and the account's roles.
  Apps above say where a number appears with `register_places` (teams and trainings, in their
  AppConfig.ready), as accounts/memberships.py does for teams. A person held only in data that
  sits nowhere on the map (an account with no role, consent records, an opt-out) is the national
  administrator's.
- An account holding a staff role (officer, editor, administrator) is the national
  administrator's alone, and is never erased while it holds the role (`Places.staff_role`).

When an officer's scope does not cover a person, `unit_covering` names the narrowest unit that
does (a commune, a province, or the whole country), where a request about them is sent.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q

from accounts.models import Invitation, Role, RoleAssignment, User
from accounts.scopes import scope_for
from messaging.models import ConsentRecord, Message, MutedNumber
from places.models import Commune, Province
from places.scopes import Scope

STAFF_ROLES = {Role.NATIONAL_ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER, Role.CONTENT_EDITOR}

# fn(phone, users) -> commune ids where `phone` (or one of the accounts `users`) appears.
_places: list[Callable] = []
# model -> [fn(user, instance) -> bool]: who besides the unit's officers may act on such a row.
_rules: dict[type, list[Callable]] = {}


def register_places(fn):
    """An app above accounts tells where a number appears in its tables (commune ids)."""
    if fn not in _places:
        _places.append(fn)


def register_rule(model, fn):
    """An app above accounts lets someone other than the unit's officers act on its rows."""
    rules = _rules.setdefault(model, [])
    if fn not in rules:
        rules.append(fn)


@dataclass(frozen=True)
class Places:
    """Where one person appears: communes, provinces (roles or invitations held there), or data
    only the whole country covers."""

    communes: frozenset = field(default_factory=frozenset)
    provinces: frozenset = field(default_factory=frozenset)
    national: bool = False
    staff_role: bool = False

    @property
    def known(self):
        return bool(self.communes or self.provinces or self.national or self.staff_role)


def by_phone(phone, field_name="phone"):
    """Rows whose `field_name` is `phone`; none when there is no phone (never the NULL ones)."""
    return Q(**{field_name: phone}) if phone else Q(pk__in=[])


def places_of(phone=None, user=None):
    """Every unit where the person with `phone` (E.164) and/or account `user` appears.

    Data requests are not counted: a request names the person, it does not place them (else
    recording one would give its recorder a say)."""
    users = User.objects.filter(by_phone(phone))
    if user is not None:
        users = User.objects.filter(Q(pk=user.pk) | Q(pk__in=users.values("pk")))
    communes, provinces, national = set(), set(), False
    staff = users.filter(Q(is_superuser=True) | Q(is_staff=True)).exists()
    for role, province, commune in RoleAssignment.objects.filter(user__in=users).values_list(
        "role", "province_id", "commune_id"
    ):
        staff = staff or role in STAFF_ROLES
        national = national or not (province or commune)
        provinces.update({province} - {None})
        communes.update({commune} - {None})
    if phone:
        for province, commune in Invitation.objects.filter(phone=phone).values_list(
            "province_id", "commune_id"
        ):
            national = national or not (province or commune)
            provinces.update({province} - {None})
            communes.update({commune} - {None})
    messages = Message.objects.filter(by_phone(phone, "recipient") | Q(user__in=users))
    communes.update(messages.filter(commune__isnull=False).values_list("commune_id", flat=True).distinct())
    for where in _places:
        communes.update(where(phone, users))
    placed = communes or provinces or national
    if not placed:
        national = users.exists() or bool(
            phone
            and (
                messages.exists()
                or ConsentRecord.objects.filter(phone=phone).exists()
                or MutedNumber.objects.filter(phone=phone).exists()
            )
        )
    return Places(frozenset(communes), frozenset(provinces), national, staff)


def _provinces_of(communes):
    return dict(Commune.objects.filter(pk__in=communes).values_list("pk", "province_id"))


def covers(scope, places):
    """Does `scope` hold every unit in `places`?"""
    if scope.national:
        return True
    if places.national or places.staff_role:
        return False
    parents = _provinces_of(places.communes)
    return places.provinces <= scope.provinces and all(
        commune in scope.communes or parents.get(commune) in scope.provinces for commune in places.communes
    )


def unit_covering(places):
    """(commune id, province id) of the narrowest unit covering `places`: one commune, one
    province, or (None, None), the whole country."""
    if places.national or places.staff_role or not places.known:
        return None, None
    parents = _provinces_of(places.communes)
    provinces = set(places.provinces) | set(parents.values())
    if len(provinces) != 1:
        return None, None
    if not places.provinces and len(places.communes) == 1:
        return next(iter(places.communes)), None
    return None, provinces.pop()


def unit_of(instance):
    """The commune `instance` sits in, following its `scope_commune_path`; None if it has none."""
    unit = instance
    for step in getattr(type(instance), "scope_commune_path", "").split("__"):
        if not step:
            return None
        unit = getattr(unit, step, None)
        if unit is None:
            return None
    return unit


def holds(scope, instance):
    """Is the unit `instance` sits in part of `scope` (to manage, not merely to see)?"""
    if scope.national:
        return True
    if isinstance(instance, Province):
        return instance.pk in scope.provinces
    if isinstance(instance, Commune):
        return scope.contains_commune(instance)
    province_id = getattr(instance, "province_id", None)
    if province_id and hasattr(type(instance), "scope_province_paths"):
        return province_id in scope.provinces
    commune = unit_of(instance)
    return commune is not None and scope.contains_commune(commune)


def may_act_on(who, target):
    """May `who` (a user, or a `Scope` when no user is at hand, as in a roster import) act on
    `target`: a person (a phone number in E.164, or a User) or an object on the map?"""
    scope = who if isinstance(who, Scope) else scope_for(who)
    if isinstance(target, str):
        return covers(scope, places_of(phone=target))
    if isinstance(target, User):
        return covers(scope, places_of(phone=target.phone, user=target))
    if holds(scope, target):
        return True
    return not isinstance(who, Scope) and any(rule(who, target) for rule in _rules.get(type(target), ()))
