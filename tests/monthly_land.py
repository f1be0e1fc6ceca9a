"""The small map the monthly-report tests play on, in November 2026 (due 5 December, 23:59).

Province 91 holds Xã Bát Tràng (91001) and Xã Đa Tốn (91002); province 92 holds Xã Tả Van
(92001). Each has a team with two members (one trained) and a session in November. The officers:
`commune_a` (of 91001, with a phone), `province` (of 91), `commune_c` (of 92001), `national`.
"""

import datetime
from zoneinfo import ZoneInfo

from accounts.models import Role
from tests.factories import (
    CommuneFactory,
    ProvinceFactory,
    RoleAssignmentFactory,
    UserFactory,
    VillageFactory,
)
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory

ICT = ZoneInfo("Asia/Ho_Chi_Minh")
NOVEMBER = datetime.date(2026, 11, 1)
SECOND_OF_DECEMBER = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=ICT)
OFFICER_A_PHONE = "+84912000001"


def commune_with_team(code, province, name, citizens=12):
    commune = CommuneFactory(code=code, province=province, name=name)
    team = TeamFactory(village=VillageFactory(commune=commune, name=f"Thôn của {name}"))
    MemberFactory(team=team, training_status="trained")
    MemberFactory(team=team)
    LogFactory(team=team, held_on=datetime.date(2026, 11, 20), citizens_helped=citizens)
    return commune


def officer(role, *, phone=None, language="vi", **unit):
    user = UserFactory(phone=phone, full_name=f"Cán bộ {role}", preferred_language=language)
    return RoleAssignmentFactory(role=role, user=user, **unit).user


def build_land():
    north = ProvinceFactory(code="91", name="Thành phố Hà Nội")
    south = ProvinceFactory(code="92", name="Tỉnh Lào Cai")
    land = {
        "north": north,
        "south": south,
        "a": commune_with_team("91001", north, "Xã Bát Tràng"),
        "b": commune_with_team("91002", north, "Xã Đa Tốn", citizens=7),
        "c": commune_with_team("92001", south, "Xã Tả Van", citizens=3),
    }
    land["commune_a"] = officer(Role.COMMUNE_OFFICER, phone=OFFICER_A_PHONE, commune=land["a"])
    land["province"] = officer(Role.PROVINCE_OFFICER, province=north)
    land["commune_c"] = officer(Role.COMMUNE_OFFICER, commune=land["c"])
    land["national"] = officer(Role.NATIONAL_ADMIN)
    return land


def month_page(level, code, month=NOVEMBER, language="vi"):
    return f"/{language}/dashboard/month/{month:%Y-%m}/{level}/{code}/"
