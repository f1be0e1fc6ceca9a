"""A small country for the public progress tests: figures big enough to publish, and small ones.

Tỉnh Một (91): Xã An has 3 members (published as "< 5"), Xã Bình 6 and Xã Châu 9, and sessions and
citizens helped this month. Tỉnh Hai (92): Xã Đông has 2 members and nothing else in the province
has any, so the province's own total would give them away.
"""

from django.utils import timezone

from accounts.models import Role
from teams.activity import month_start
from teams.models import Member
from tests.factories import CommuneFactory, ProvinceFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory

SECRET_NAME = "Bùi Thị Bí Mật"
SECRET_PHONE = "+84912000999"


def _team(commune, members, trained=0, logs=(), village="Thôn Một"):
    team = TeamFactory(village=VillageFactory(commune=commune, name=village))
    for index in range(members):
        status = Member.TrainingStatus.TRAINED if index < trained else Member.TrainingStatus.NOT_TRAINED
        MemberFactory(team=team, training_status=status)
    for citizens in logs:
        LogFactory(team=team, held_on=month_start(timezone.localdate()), citizens_helped=citizens)
    return team


def build(lonely=True):
    """The country above; without `lonely`, no Tỉnh Hai: Tỉnh Một's totals are then all published."""
    one = ProvinceFactory(code="91", name="Tỉnh Một")
    an = CommuneFactory(code="91001", province=one, name="Xã An")
    binh = CommuneFactory(code="91002", province=one, name="Xã Bình")
    chau = CommuneFactory(code="91003", province=one, name="Xã Châu")
    _team(an, 3, trained=1, logs=(2,))
    MemberFactory(
        team=_team(binh, 5, trained=5, logs=(10, 10, 10, 10, 10)), full_name=SECRET_NAME, phone=SECRET_PHONE
    )
    _team(chau, 9, trained=6, logs=(20, 20, 20, 20, 20, 20))
    VillageFactory(commune=chau, name="Thôn Hai")  # no team yet
    if lonely:
        two = ProvinceFactory(code="92", name="Tỉnh Hai")
        _team(CommuneFactory(code="92001", province=two, name="Xã Đông"), 2, logs=(3,))
        CommuneFactory(code="92002", province=two, name="Xã Tây")
    national = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    return {"one": one, "an": an, "binh": binh, "chau": chau, "national": national}
