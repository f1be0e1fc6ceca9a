"""The small world most tests play on, built by the `world` fixture (conftest.py).

Hà Nội (province 91, "north") holds Xã Bát Tràng ("a") and Xã Đa Tốn ("b"); Lào Cai (province 92,
"south") holds Xã Tả Van ("c"). Each commune has one village and one team of one member with one
assistance log. Codes and names are unique, so a page can be searched for any of them, and the
same three units serve every scope test: a national officer sees a, b and c, the north province's
officer a and b, commune a's officer a only.

`person(kind)` adds one user of a kind; every kind is placed in commune a or its province.
"""

from django.utils import timezone

from accounts.models import Role
from tests.factories import (
    CommuneFactory,
    ProvinceFactory,
    RoleAssignmentFactory,
    UserFactory,
    VillageFactory,
)
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, leader_of

PROVINCES = {"north": ("91", "Thành phố Hà Nội"), "south": ("92", "Tỉnh Lào Cai")}
COMMUNES = {
    "a": ("north", "91001", "Xã Bát Tràng", "Thôn Giang Cao"),
    "b": ("north", "91002", "Xã Đa Tốn", "Thôn Ngọc Động"),
    "c": ("south", "92001", "Xã Tả Van", "Bản Tả Van Giáy"),
}
# Which communes each kind of officer manages.
SCOPE_OF = {"national": {"a", "b", "c"}, "province": {"a", "b"}, "commune": {"a"}}
KINDS = ("national", "province", "commune", "editor", "leader", "member", "nobody")


class World(dict):
    """Units by key ("north", "south", "a", "b", "c"), with "villages" and "teams" keyed by commune."""

    def person(self, kind):
        """A user of `kind` (one of KINDS), holding the role in commune a or its province."""
        name = f"Người dùng {kind}"
        if kind == "national":
            return RoleAssignmentFactory(role=Role.NATIONAL_ADMIN, user=UserFactory(full_name=name)).user
        if kind == "province":
            return RoleAssignmentFactory(
                role=Role.PROVINCE_OFFICER, province=self["north"], user=UserFactory(full_name=name)
            ).user
        if kind == "commune":
            return RoleAssignmentFactory(
                role=Role.COMMUNE_OFFICER, commune=self["a"], user=UserFactory(full_name=name)
            ).user
        if kind == "editor":
            return RoleAssignmentFactory(role=Role.CONTENT_EDITOR, user=UserFactory(full_name=name)).user
        if kind == "leader":
            return leader_of(self["teams"]["a"], full_name=name)
        if kind == "member":
            member = MemberFactory(team=self["teams"]["a"], full_name=name)
            member.user = UserFactory(email=None, phone=member.phone, full_name=name)
            member.save()
            return member.user
        if kind == "nobody":
            return UserFactory(full_name=name)
        raise ValueError(f"no such kind of person: {kind} (one of {KINDS})")


def build_world():
    world = World({key: ProvinceFactory(code=code, name=name) for key, (code, name) in PROVINCES.items()})
    world["villages"], world["teams"] = {}, {}
    for key, (province, code, name, village_name) in COMMUNES.items():
        world[key] = CommuneFactory(code=code, province=world[province], name=name)
        village = world["villages"][key] = VillageFactory(commune=world[key], name=village_name)
        team = world["teams"][key] = TeamFactory(village=village, name=f"Tổ công nghệ số {village_name}")
        MemberFactory(team=team, full_name=f"Thành viên {village_name}")
        LogFactory(team=team, held_on=timezone.localdate())
    return world
