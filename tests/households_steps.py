"""Steps the household tests share: a household in a world village, a skills check by hand."""

from households import totals
from households.checks import record_check
from households.models import Household, HouseholdMember

BASIC_757 = [
    "device_apps",
    "zalo_safely",
    "vneid_level2",
    "public_service_application",
    "pay_by_qr",
    "spot_scam",
]


def household(village, head="Lò Thị Mai", people=(), **fields):
    made = Household.objects.create(village=village, head_name=head, **fields)
    for name in (head, *people):
        HouseholdMember.objects.create(household=made, full_name=name)
    totals.recount([village.commune_id])  # as the app's writers do (households/views.py)
    return made


def person(household, name):
    return household.members.get(full_name=name)


def checked(member, shown, by=None, on=None):
    return record_check(member, shown, by, on)
