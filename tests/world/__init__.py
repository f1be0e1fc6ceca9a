"""The one map every test plays on, and the everyday world built on it (the `world` fixture).

The map: Hà Nội (province 91, "north") holds Xã Bát Tràng ("a"), Xã Đa Tốn ("b"), Xã Cổ Bi ("d")
and Xã Phù Đổng ("e"); Lào Cai (province 92, "south") holds Xã Tả Van ("c"), Xã Bản Hồ ("f") and
Xã Yên Lạc ("yen lac"); Phú Thọ (province 25, "phu tho") holds Xã Tân Lập ("tan lap") and Phường
Hùng Vương ("hung vuong"), the units the roster spreadsheets name (tests/factories_rosters.py).
`build_map(*keys)` makes the communes asked for, each with one village and its team (provinces
only when one of their communes is made), and nothing else: the layers add the people and figures
a family of tests needs, on these units and names, never on a map of their own:

- `build_world()` (the `world` fixture): a, b and c, one member and one assistance log per team;
  `world.person(kind)` adds a user of a kind. The scope tests' units: a national officer sees a, b
  and c, the north province's officer a and b, commune a's officer a only.
- `tests/world/scope.py`: sessions, registrations, texts, data requests, households on that world.
- `tests/world/privacy.py`: two people, Lan and Hưng, in Bát Tràng's team, for the data rights.
- `tests/world/monthly.py`: November 2026's figures and the officers who report them.
- `tests/world/progress.py`: small counts for the public progress pages' suppression.

Codes and names are unique, so a page can be searched for any of them.
"""

from django.utils import timezone

from accounts.models import Role
from teams.models import Member
from tests.factories import (
    CommuneFactory,
    ProvinceFactory,
    RoleAssignmentFactory,
    UserFactory,
    VillageFactory,
)
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, account_of, leader_of

PROVINCES = {
    "north": ("91", "Thành phố Hà Nội"),
    "south": ("92", "Tỉnh Lào Cai"),
    "phu tho": ("25", "Tỉnh Phú Thọ"),
}
COMMUNES = {
    "a": ("north", "91001", "Xã Bát Tràng", "Thôn Giang Cao"),
    "b": ("north", "91002", "Xã Đa Tốn", "Thôn Ngọc Động"),
    "c": ("south", "92001", "Xã Tả Van", "Bản Tả Van Giáy"),
    "d": ("north", "91003", "Xã Cổ Bi", "Thôn Cam"),
    "e": ("north", "91004", "Xã Phù Đổng", "Thôn Phù Dực"),
    "f": ("south", "92002", "Xã Bản Hồ", "Bản Tả Trung Hồ"),
    "yen lac": ("south", "92003", "Xã Yên Lạc", "Thôn Bắc"),
    "tan lap": ("phu tho", "08001", "Xã Tân Lập", "Thôn Đông"),
    "hung vuong": ("phu tho", "08002", "Phường Hùng Vương", "Tổ dân phố 1"),
}
# Which communes of the everyday world each kind of officer manages.
SCOPE_OF = {"national": {"a", "b", "c"}, "province": {"a", "b"}, "commune": {"a"}}
KINDS = ("national", "province", "commune", "editor", "leader", "member", "nobody")


class World(dict):
    """Units by key ("north", "south", "a" … "f"), with "villages" and "teams" keyed by commune."""

    def add_commune(self, key, *, village=True, team=True):
        """Commune `key` of COMMUNES (and its province), with its village unless not `village`, and
        the village's team unless not `team`."""
        province_key, code, name, village_name = COMMUNES[key]
        province_code, province_name = PROVINCES[province_key]
        self[province_key] = ProvinceFactory(code=province_code, name=province_name)
        commune = self[key] = CommuneFactory(code=code, province=self[province_key], name=name)
        if village:
            self["villages"][key] = VillageFactory(commune=commune, name=village_name)
        if village and team:
            self["teams"][key] = TeamFactory(village=self["villages"][key])
        return commune

    def person(self, kind):
        """A user of `kind` (one of KINDS), holding the role in commune a or its province."""
        name = f"Người dùng {kind}"
        if kind == "national":
            return officer(Role.NATIONAL_ADMIN, full_name=name)
        if kind == "province":
            return officer(Role.PROVINCE_OFFICER, full_name=name, province=self["north"])
        if kind == "commune":
            return officer(Role.COMMUNE_OFFICER, full_name=name, commune=self["a"])
        if kind == "editor":
            return officer(Role.CONTENT_EDITOR, full_name=name)
        if kind == "leader":
            return leader_of(self["teams"]["a"], full_name=name)
        if kind == "member":
            return account_of(MemberFactory(team=self["teams"]["a"], full_name=name))
        if kind == "nobody":
            return UserFactory(full_name=name)
        raise ValueError(f"no such kind of person: {kind} (one of {KINDS})")


def build_map(*keys, villages=True, teams=True):
    """The communes `keys`, each with a village unless not `villages` and, unless not `teams`, an
    empty team in it."""
    world = World(villages={}, teams={})
    for key in keys:
        world.add_commune(key, village=villages, team=teams)
    return world


def build_world():
    """The everyday world: communes a, b and c, each team with one member and one log today."""
    world = build_map("a", "b", "c")
    for key, team in world["teams"].items():
        MemberFactory(team=team, full_name=f"Thành viên {world['villages'][key].name}")
        LogFactory(team=team, held_on=timezone.localdate())
    return world


def officer(role, *, phone=None, language="vi", full_name=None, **unit):
    """A user holding `role` in `unit` (province= or commune=, none for the national roles)."""
    user = UserFactory(phone=phone, full_name=full_name or f"Cán bộ {role}", preferred_language=language)
    return RoleAssignmentFactory(role=role, user=user, **unit).user


def staff(team, members, *, trained=0, citizens=(), held_on=None):
    """`members` members in `team`, the first `trained` of them trained, and one assistance log per
    figure of `citizens` (citizens helped), held on `held_on` (today when not given)."""
    for index in range(members):
        status = Member.TrainingStatus.TRAINED if index < trained else Member.TrainingStatus.NOT_TRAINED
        MemberFactory(team=team, training_status=status)
    for helped in citizens:
        LogFactory(team=team, held_on=held_on or timezone.localdate(), citizens_helped=helped)
