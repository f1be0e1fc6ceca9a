"""Figures on the map (tests/world/) for the public progress tests: big enough to publish, and small.

Hà Nội (91): Xã Bát Tràng has 3 members (published as "< 5"), Xã Đa Tốn 6 and Xã Cổ Bi 9 (and a
second village with no team yet), with sessions and citizens helped this month. Lào Cai (92):
Xã Tả Van has 2 members and Xã Bản Hồ no team, so the province's own total would give them away.
The `progress_country` and `progress_province` fixtures build it.
"""

from django.utils import timezone

from accounts.models import Role
from teams.activity import month_start
from tests.factories import VillageFactory
from tests.factories_teams import MemberFactory
from tests.world import build_map, officer, staff

SECRET_NAME = "Bùi Thị Bí Mật"
SECRET_PHONE = "+84912000999"


def build(lonely=True):
    """The country above; without `lonely`, no Lào Cai: Hà Nội's totals are then all published."""
    country = build_map("a", "b", "d")
    this_month = month_start(timezone.localdate())
    staff(country["teams"]["a"], 3, trained=1, citizens=(2,), held_on=this_month)
    staff(country["teams"]["b"], 5, trained=5, citizens=(10,) * 5, held_on=this_month)
    MemberFactory(team=country["teams"]["b"], full_name=SECRET_NAME, phone=SECRET_PHONE)
    staff(country["teams"]["d"], 9, trained=6, citizens=(20,) * 6, held_on=this_month)
    VillageFactory(commune=country["d"], name=f"{country['villages']['d'].name} Mới")  # no team yet
    if lonely:
        country.add_commune("c")
        staff(country["teams"]["c"], 2, citizens=(3,), held_on=this_month)
        country.add_commune("f", village=False)
    country["national"] = officer(Role.NATIONAL_ADMIN)
    return country
