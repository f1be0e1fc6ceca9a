"""The demo users: one per role, loaded twice without change."""

from io import StringIO

import pytest

from accounts import demo
from accounts.models import Role, RoleAssignment, User
from accounts.scopes import scope_for
from places.models import Commune, Province

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_units():
    hanoi = Province.objects.create(code="01", name="Thành phố Hà Nội", kind=Province.Kind.CITY)
    Commune.objects.create(code="00583", name="Xã Bát Tràng", province=hanoi, kind=Commune.Kind.COMMUNE)


def test_every_role_has_a_demo_user_and_loading_again_changes_nothing(demo_units):
    demo.load(StringIO())
    demo.load(StringIO())
    assert set(RoleAssignment.objects.values_list("role", flat=True)) == set(Role)
    assert User.objects.count() == len(demo.DEMO_PEOPLE)
    commune_officer = User.objects.get(email="xa@example.vn")
    assert scope_for(commune_officer).communes == {"00583"}
    leader = User.objects.get(phone="+84912345678")
    assert not leader.has_usable_password()
    assert User.objects.get(email="tinh@example.vn").check_password(demo.DEMO_PASSWORD)
    assert commune_officer.groups.filter(name="Officers").exists()
