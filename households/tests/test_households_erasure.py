"""Erasing a person whose number a household holds: their name, number and address leave the
register, the notes of visits naming them are scrubbed, the village's coverage stays as reported,
and the other people of the household are not touched. Their "my data" shows the household first."""

import pytest

from households.figures import covered_count, people_per_group
from households.models import FollowUp, Household, HouseholdMember
from privacy.erasure import erase_person
from privacy.holdings import records_of
from tests.households_steps import BASIC_757, checked, household, person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

PHONE = "+84912000222"


def test_erasure_removes_the_household_members_data_and_keeps_the_counts(world):
    made = household(
        world["villages"]["a"], "Phạm Thị Xuân Hồng", people=["Phạm Văn Khoa"], phone=PHONE, address="Ngõ 3"
    )
    checked(person(made, "Phạm Thị Xuân Hồng"), BASIC_757)
    checked(person(made, "Phạm Văn Khoa"), ["pay_by_qr"])
    FollowUp.objects.create(
        household=made,
        assigned_to=world["teams"]["a"].members.get(),
        due_on="2027-01-05",
        note="Giúp Phạm Thị Xuân Hồng nộp hồ sơ, gọi 0912 000 222",
    )
    sections = {section.key: section for section in records_of(PHONE)}
    assert sections["households"].rows == [
        {"head": "Phạm Thị Xuân Hồng", "village": "Thôn Giang Cao", "address": "Ngõ 3"}
    ]
    before = covered_count(world["teams"]["a"]), people_per_group(Household.objects.all())

    done = erase_person(PHONE)

    assert done.households == 1
    made.refresh_from_db()
    assert (made.head_name, made.phone, made.address) == ("Đã xoá", None, "")
    assert sorted(HouseholdMember.objects.values_list("full_name", flat=True)) == ["Phạm Văn Khoa", "Đã xoá"]
    note = FollowUp.objects.get().note
    assert "Xuân Hồng" not in note
    assert "0912 000 222" not in note
    assert (covered_count(world["teams"]["a"]), people_per_group(Household.objects.all())) == before
    assert not Household.objects.filter(phone=PHONE).exists()
    assert {section.key: section.rows for section in records_of(PHONE)}["households"] == []
