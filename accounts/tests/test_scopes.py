"""Who sees what: officers see their own unit and nothing of anyone else's."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from accounts.models import Role, RoleAssignment
from accounts.scopes import get_visible_or_404, scope_for, visible
from places.models import Commune, Province, Village
from tests.factories import (
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world_made_once")]


def officer(role, **unit):
    return RoleAssignmentFactory(role=role, **unit).user


def names(queryset):
    return sorted(queryset.values_list("pk", flat=True))


def test_national_administrator_sees_everything(world):
    user = officer(Role.NATIONAL_ADMIN)
    assert visible(user, Village.objects.all()).count() == 3


def test_province_officer_sees_their_province_only(world):
    user = officer(Role.PROVINCE_OFFICER, province=world["north"])
    assert names(visible(user, Commune.objects.all())) == ["91001", "91002"]
    assert {v.commune_id for v in visible(user, Village.objects.all())} == {"91001", "91002"}
    assert names(visible(user, Province.objects.all())) == ["91"]


def test_commune_officer_sees_their_commune_only(world):
    user = officer(Role.COMMUNE_OFFICER, commune=world["a"])
    assert names(visible(user, Commune.objects.all())) == ["91001"]
    assert [v.commune_id for v in visible(user, Village.objects.all())] == ["91001"]
    # The province's name shows on their pages, but no other commune of it.
    assert names(visible(user, Province.objects.all())) == ["91"]


def test_commune_officer_asking_for_another_communes_village_by_id_gets_404(world):
    user = officer(Role.COMMUNE_OFFICER, commune=world["a"])
    other = world["villages"]["b"]
    with pytest.raises(Http404):
        get_visible_or_404(user, Village.objects.all(), pk=other.pk)
    own = world["villages"]["a"]
    assert get_visible_or_404(user, Village.objects.all(), pk=own.pk) == own


@pytest.mark.parametrize("role", [Role.CONTENT_EDITOR, Role.TEAM_LEADER, Role.TEAM_MEMBER])
def test_roles_without_an_officer_scope_see_no_geographic_data(world, role):
    user = officer(role, commune=world["a"]) if role != Role.CONTENT_EDITOR else officer(role)
    assert visible(user, Village.objects.all()).count() == 0
    assert scope_for(user).is_empty


def test_people_with_no_role_or_not_signed_in_see_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert visible(UserFactory(), Village.objects.all()).count() == 0
    assert visible(AnonymousUser(), Village.objects.all()).count() == 0


def test_inactive_officer_sees_nothing(world):
    user = officer(Role.PROVINCE_OFFICER, province=world["north"])
    user.is_active = False
    assert visible(user, Village.objects.all()).count() == 0


def test_officer_of_two_communes_sees_both(world):
    user = officer(Role.COMMUNE_OFFICER, commune=world["a"])
    RoleAssignment.objects.create(user=user, role=Role.COMMUNE_OFFICER, commune=world["c"])
    assert names(visible(user, Commune.objects.all())) == ["91001", "92001"]


@pytest.mark.parametrize(
    ("role", "unit"),
    [
        (Role.NATIONAL_ADMIN, "province"),
        (Role.PROVINCE_OFFICER, None),
        (Role.PROVINCE_OFFICER, "commune"),
        (Role.COMMUNE_OFFICER, "province"),
    ],
)
def test_a_role_must_be_held_in_the_right_kind_of_unit(world, role, unit):
    assignment = RoleAssignment(user=UserFactory(), role=role)
    if unit == "province":
        assignment.province = world["north"]
    elif unit == "commune":
        assignment.commune = world["a"]
    with pytest.raises(ValidationError):
        assignment.full_clean()


def test_scope_is_computed_once_per_request_user(world, django_assert_num_queries):
    user = officer(Role.COMMUNE_OFFICER, commune=world["a"])
    with django_assert_num_queries(1):
        scope_for(user)
        scope_for(user)


# WHAT A FORM MAY OFFER (accounts.scopes.choosable): the units an officer manages, not those
# they merely see, and the people in them.


def test_a_commune_officer_may_choose_their_commune_but_not_their_province(world):
    from accounts.scopes import choosable

    user = officer(Role.COMMUNE_OFFICER, commune=world["a"])
    assert names(choosable(user, Commune.objects.all())) == ["91001"]
    assert names(choosable(user, Province.objects.all())) == []  # seen on pages, not theirs to fill
    assert {v.commune_id for v in choosable(user, Village.objects.all())} == {"91001"}


def test_people_choosable_are_those_holding_a_role_or_a_seat_in_the_scope(world):
    from accounts.models import User
    from accounts.scopes import choosable
    from tests.factories_teams import MemberFactory

    user = officer(Role.PROVINCE_OFFICER, province=world["north"])
    in_b = RoleAssignmentFactory(role=Role.TEAM_LEADER, commune=world["b"]).user
    in_c = RoleAssignmentFactory(role=Role.TEAM_LEADER, commune=world["c"]).user
    seated = UserFactory()
    MemberFactory(team=world["teams"]["a"], user=seated)
    stranger = UserFactory()
    chosen = set(choosable(user, User.objects.all()))
    assert {in_b, seated, user} <= chosen
    assert not {in_c, stranger} & chosen


def test_services_choosable_are_national_ones_and_the_provinces_own(world):
    from accounts.scopes import choosable
    from teams.models import Service

    national = Service.objects.create(code="vneid-x", name_vi="VNeID", name_en="VNeID")
    north = Service.objects.create(code="north-app", name_vi="App", name_en="App", province=world["north"])
    south = Service.objects.create(code="south-app", name_vi="App", name_en="App", province=world["south"])
    user = officer(Role.COMMUNE_OFFICER, commune=world["a"])
    chosen = set(choosable(user, Service.objects.filter(pk__in=[national.pk, north.pk, south.pk])))
    assert chosen == {national, north}


def test_a_form_built_without_a_user_offers_nothing_on_the_map(world):
    from accounts.scopes import choosable

    assert not choosable(None, Commune.objects.all()).exists()
