"""Demo households in the README team's village (Thôn Giang Cao, Xã Bát Tràng): a few families,
their people, skills checks by the team leader (three households covered) and a visit to come
back for. Safe to run again: a village that has households is left as it is."""

import random
from datetime import timedelta

from django.utils import timezone

from households import totals
from households.checks import record_check
from households.models import FollowUp, Household, HouseholdMember
from households.skills import FRAMEWORKS
from places.models import Village
from teams.demo import LEADER_VILLAGE
from teams.demo_people import NameMaker
from teams.models import Member

FAMILIES = [
    ("Xóm Đình", 3),
    ("Xóm Chợ", 2),
    ("Gần trường tiểu học", 4),
    ("Xóm Đình", 1),
    ("Bến đò", 3),
    ("Xóm Chợ", 2),
]


def load(stdout):
    village = Village.objects.filter(commune_id=LEADER_VILLAGE[0]).find(LEADER_VILLAGE[1])
    if village is None or village.households.exists():
        return
    leader = Member.objects.current().filter(team__village=village, role=Member.TeamRole.LEADER).first()
    checker = leader.user if leader else None
    rng = random.Random("households demo")
    make_name = NameMaker(rng)
    basic = sorted(FRAMEWORKS["757/2025"].basic)
    today = timezone.localdate()
    for index, (address, size) in enumerate(FAMILIES):
        head = make_name("male" if index % 2 else "female")
        household = Household.objects.create(
            village=village, head_name=head, address=address, created_by=checker
        )
        people = [HouseholdMember.objects.create(household=household, full_name=head, created_by=checker)]
        for _other in range(size - 1):
            sex = rng.choice(["male", "female"])
            people.append(
                HouseholdMember.objects.create(
                    household=household,
                    full_name=make_name(sex),
                    sex=sex,
                    birth_year=rng.randint(1950, 2008),
                    created_by=checker,
                )
            )
        young = people[-1]
        if index < 3:  # three households covered
            record_check(young, basic, checker, today - timedelta(days=30 - index))
        elif index == 3:  # VNeID still to finish: a visit to come back for
            record_check(
                young, ["device_apps", "zalo_safely", "pay_by_qr"], checker, today - timedelta(days=3)
            )
            if leader:
                FollowUp.objects.create(
                    household=household,
                    assigned_to=leader,
                    due_on=today + timedelta(days=11),
                    note="Quay lại hoàn tất kích hoạt VNeID mức 2",
                    created_by=checker,
                )
    totals.recount([village.commune_id])  # the households were written one by one above
    stdout.write(f"Households: {village.households.count()} in {village.name}.")
