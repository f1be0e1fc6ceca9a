"""The public household figures read each commune's kept figures (households/totals.py): after
every kind of change to the register they equal a count of the live rows, the country's figures
by province are what counting every household gave, and the nightly rebuild repairs a row
written around the app."""

import pytest
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from accounts.scopes import scope_for
from households import skills, totals
from households.figures import by_province, with_coverage
from households.models import CommuneHouseholds, Confirmation, Household, ProvinceHouseholds
from privacy.erasure import erase_person
from rosters.importing import import_file
from tests.households_steps import BASIC_757, checked, household, person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

PHONE = "+84912000333"


@pytest.fixture
def register(world):
    """Bát Tràng: Lâm's household, Nga covered, and Bình's, not; Tả Van: Say's, payments only."""
    lam = household(world["villages"]["a"], "Hoàng Văn Lâm", people=["Hoàng Thị Nga"], phone=PHONE)
    checked(person(lam, "Hoàng Thị Nga"), BASIC_757)
    household(world["villages"]["a"], "Lê Văn Bình")
    checked(person(household(world["villages"]["c"], "Giàng Thị Say"), "Giàng Thị Say"), ["pay_by_qr"])
    return lam


@pytest.fixture
def member(client, world):
    client.force_login(world.person("member"))


def kept_as_counted():
    """The kept commune figures, asserted equal to the live rows counted again, and the country's
    by province equal to what counting every household gave."""
    kept = totals.kept()
    assert kept == totals.count_communes()
    assert by_province() == _counted_by_province()
    return kept


def test_a_household_added_on_the_phone_is_in_the_figures_at_once(client, world, register, member):
    client.post(reverse("households:add", args=[world["villages"]["a"].pk]), {"head_name": "Đỗ Văn Hải"})
    assert kept_as_counted()["91001"]["households"] == 3


def test_a_skills_check_moves_households_covered_and_people_per_group(client, world, register, member):
    bình = person(Household.objects.get(head_name="Lê Văn Bình"), "Lê Văn Bình")
    data = {"checked_on": timezone.localdate().isoformat()}
    for group in skills.current().groups:
        data[f"group_{group.code}"] = [code for code in BASIC_757 if skills.current().group_of(code) == group]
    client.post(reverse("households:check", args=[bình.pk]), data)
    kept = kept_as_counted()["91001"]
    assert (kept["covered"], kept["people"]["basic"], kept["people"]["payments"]) == (2, 2, 2)


def test_people_added_corrected_and_removed_keep_the_figures_true(client, register, member):
    client.post(reverse("households:add_person", args=[register.pk]), {"full_name": "Hoàng Văn An"})
    nga = person(register, "Hoàng Thị Nga")
    client.post(reverse("households:edit_person", args=[nga.pk]), {"full_name": "Hoàng Thị Ngà"})
    assert kept_as_counted()["91001"]["covered"] == 1
    client.post(reverse("households:remove_person", args=[nga.pk]))  # the one covering the household
    assert kept_as_counted()["91001"] == {"households": 2, "covered": 0, "people": {}}


def test_a_village_moved_to_another_commune_takes_its_households_along(world, register):
    village = world["villages"]["a"]
    village.commune = world["b"]
    village.save()
    kept = kept_as_counted()
    assert "91001" not in kept
    assert kept["91002"]["households"] == 2


def test_the_household_list_import_counts_what_it_wrote(world, register):
    officer = world.person("commune")
    data = (
        "Họ và tên chủ hộ,Địa chỉ,Số điện thoại,Đồng ý giữ số điện thoại,Thôn/Tổ dân phố,Xã/Phường\n"
        "Trần Thị Hoa,,,,Thôn Giang Cao,Xã Bát Tràng\n"
    ).encode()
    assert import_file(data, "ho.csv", scope_for(officer), user=officer, kind="households").ok
    assert kept_as_counted()["91001"]["households"] == 3


def test_erasing_the_households_number_leaves_its_figures_as_they_were(register):
    before = kept_as_counted()
    erase_person(PHONE)
    assert Household.objects.get(pk=register.pk).phone is None
    assert kept_as_counted() == before


def test_the_rebuild_repairs_a_row_written_around_the_app(register):
    CommuneHouseholds.objects.filter(pk="91001").update(households=0, covered=0, people={})
    ProvinceHouseholds.objects.filter(pk="91").update(households=9)
    assert totals.kept() != totals.count_communes()
    assert by_province() != _counted_by_province()
    totals.rebuild()
    kept_as_counted()


def test_the_countrys_figures_by_province_are_what_counting_every_household_gave(register):
    confirmed = ["device", "communication", "public_services", "payments", "safety", "basic"]
    assert (
        by_province()
        == _counted_by_province()
        == {
            "91": {"households": 2, "covered": 1, **dict.fromkeys(confirmed, 1)},
            "92": {"households": 1, "payments": 1},
        }
    )


def _counted_by_province():
    """The grouped counts the public figures ran on every request before they were kept."""
    path = "village__commune__province_id"
    result = {}
    for row in Household.objects.values(path).annotate(n=Count("pk")):
        result.setdefault(row[path], {})["households"] = row["n"]
    covered = with_coverage(Household.objects.all()).filter(covered=True)
    for row in covered.values(path).annotate(n=Count("pk")):
        result.setdefault(row[path], {})["covered"] = row["n"]
    people = f"member__household__{path}"
    for row in Confirmation.objects.values(people, "what").annotate(n=Count("member", distinct=True)):
        result.setdefault(row[people], {})[row["what"]] = row["n"]
    return result
