"""November 2026 on the map (tests/world/), for the monthly-report tests (due 5 December, 23:59).

Bát Tràng (91001), Đa Tốn (91002) and Tả Van (92001) each have a team of two members (one
trained) and a log on 20 November: 12, 7 and 3 citizens helped. The officers: `commune_a` (of
91001, with a phone), `province` (of 91), `commune_c` (of 92001), `national`. `staffed(land, key)`
adds another commune of the map (Cổ Bi "d", Phù Đổng "e") staffed the same way. The
`monthly_land` fixture builds it on 2 December.
"""

import datetime
from zoneinfo import ZoneInfo

from accounts.models import Role
from tests.world import build_map, officer, staff

ICT = ZoneInfo("Asia/Ho_Chi_Minh")
NOVEMBER = datetime.date(2026, 11, 1)
SECOND_OF_DECEMBER = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=ICT)
OFFICER_A_PHONE = "+84912000001"


def staffed(land, key, citizens=12):
    """Commune `key` of the map with its team of two (one trained) and November's log."""
    if key not in land:
        land.add_commune(key)
    staff(land["teams"][key], 2, trained=1, citizens=(citizens,), held_on=datetime.date(2026, 11, 20))
    return land[key]


def build():
    land = build_map("a", "b", "c")
    for key, citizens in (("a", 12), ("b", 7), ("c", 3)):
        staffed(land, key, citizens)
    land["commune_a"] = officer(Role.COMMUNE_OFFICER, phone=OFFICER_A_PHONE, commune=land["a"])
    land["province"] = officer(Role.PROVINCE_OFFICER, province=land["north"])
    land["commune_c"] = officer(Role.COMMUNE_OFFICER, commune=land["c"])
    land["national"] = officer(Role.NATIONAL_ADMIN)
    return land


def month_page(level, code, month=NOVEMBER, language="vi"):
    return f"/{language}/dashboard/month/{month:%Y-%m}/{level}/{code}/"
