"""A team member corrects or removes one person of a household on a phone: the village's team
and the place's officers only, the household they are in never taken from the form, and a
removal takes the person's skills checks out of the figures."""

import unicodedata

import pytest
from django.urls import reverse

from households.figures import covered_count
from households.models import Household, HouseholdMember, SkillCheck
from tests.households_steps import BASIC_757, checked, household, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(world):
    return world.person("member")


def test_a_team_member_corrects_a_persons_name_and_year(client, world, member):
    made = household(world["villages"]["a"], "Lò Văn Pao", people=["Lo Thi Mai"])
    mai = person(made, "Lo Thi Mai")
    client.force_login(member)
    page = client.get(reverse("households:detail", args=[made.pk])).content.decode()
    assert reverse("households:edit_person", args=[mai.pk]) in page
    typed = unicodedata.normalize("NFD", "Lò Thị Mai")  # a keyboard that sends decomposed marks
    response = client.post(
        reverse("households:edit_person", args=[mai.pk]),
        {"full_name": typed, "birth_year": "1987", "sex": "female"},
    )
    assert response.url == reverse("households:detail", args=[made.pk])
    mai.refresh_from_db()
    assert (mai.full_name, mai.birth_year, mai.sex, mai.updated_by) == ("Lò Thị Mai", 1987, "female", member)
    assert "Đã lưu Lò Thị Mai." in client.get(response.url).content.decode()


def test_a_wrong_year_is_said_on_the_field_and_nothing_changes(client, world, member):
    made = household(world["villages"]["a"], "Lò Văn Pao")
    pao = person(made, "Lò Văn Pao")
    client.force_login(member)
    response = client.post(
        reverse("households:edit_person", args=[pao.pk]), {"full_name": "X", "birth_year": "1850"}
    )
    assert response.status_code == 400
    assert "Hãy nhập năm từ 1900 đến năm nay." in response.content.decode()
    pao.refresh_from_db()
    assert (pao.full_name, pao.birth_year) == ("Lò Văn Pao", None)


def test_removing_a_person_takes_their_checks_out_of_the_figures(client, world, member):
    made = household(world["villages"]["a"], "Lò Văn Pao", people=["Lò Thị Mai"])
    mai = person(made, "Lò Thị Mai")
    checked(mai, BASIC_757[:3])
    checked(mai, BASIC_757[3:])
    assert covered_count(world["teams"]["a"]) == 1
    client.force_login(member)
    url = reverse("households:remove_person", args=[mai.pk])
    asked = client.get(url).content.decode()
    assert "Xoá Lò Thị Mai khỏi hộ?" in asked
    assert "2 lần kiểm tra kỹ năng của người này cũng bị xoá" in asked
    assert HouseholdMember.objects.filter(pk=mai.pk).exists()  # asking removes nothing
    response = client.post(url)
    assert response.url == reverse("households:detail", args=[made.pk])
    assert list(made.members.values_list("full_name", flat=True)) == ["Lò Văn Pao"]
    assert not SkillCheck.objects.exists()
    assert covered_count(world["teams"]["a"]) == 0
    made.refresh_from_db()
    assert made.updated_by == member  # the register keeps who changed the household last
    assert "Đã xoá Lò Thị Mai khỏi hộ." in client.get(response.url).content.decode()


def test_a_household_keeps_one_person_at_least(client, world, member):
    made = household(world["villages"]["a"], "Lò Văn Pao")
    client.force_login(member)
    response = client.post(reverse("households:remove_person", args=[person(made, "Lò Văn Pao").pk]))
    assert response.url == reverse("households:detail", args=[made.pk])
    assert made.members.count() == 1
    assert "Hộ phải còn ít nhất một nhân khẩu" in client.get(response.url).content.decode()


def test_ids_of_another_villages_people_answer_404_and_change_nothing(client, world, member):
    """A member of Bát Tràng's team types the ids of a person in another team's village, and
    posts their own person with another household's id: nothing moves, nothing is removed."""
    mine = household(world["villages"]["a"], "Lò Văn Pao", people=["Lò Thị Mai"])
    theirs = household(world["villages"]["c"], "Giàng A Páo", people=["Giàng Thị Say"])
    say = person(theirs, "Giàng Thị Say")
    client.force_login(member)
    edit = reverse("households:edit_person", args=[say.pk])
    remove = reverse("households:remove_person", args=[say.pk])
    answers = [
        client.get(edit).status_code,
        client.post(edit, {"full_name": "Đổi tên"}).status_code,
        client.get(remove).status_code,
        client.post(remove).status_code,
    ]
    assert answers == [404, 404, 404, 404]
    assert list(theirs.members.values_list("full_name", flat=True)) == ["Giàng A Páo", "Giàng Thị Say"]
    mai = person(mine, "Lò Thị Mai")
    client.post(
        reverse("households:edit_person", args=[mai.pk]),
        {"full_name": "Lò Thị Mai", "household": theirs.pk, "birth_year": "1990"},
    )
    mai.refresh_from_db()
    assert (mai.household, mai.birth_year) == (mine, 1990)
    assert Household.objects.get(pk=theirs.pk).members.count() == 2


@pytest.mark.parametrize(("kind", "allowed"), [("commune", True), ("province", True), ("nobody", False)])
def test_officers_of_the_place_may_correct_a_person_and_nobody_else(client, world, kind, allowed):
    made = household(world["villages"]["a"], "Lò Văn Pao", people=["Lò Thị Mai"])
    mai = person(made, "Lò Thị Mai")
    client.force_login(world.person(kind))
    response = client.post(reverse("households:edit_person", args=[mai.pk]), {"full_name": "Lò Thị Mây"})
    assert response.status_code == (302 if allowed else 404)
    mai.refresh_from_db()
    assert mai.full_name == ("Lò Thị Mây" if allowed else "Lò Thị Mai")
