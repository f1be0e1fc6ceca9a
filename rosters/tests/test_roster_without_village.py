"""A roster CSV without a village column is refused: its file name is no village."""

import pytest
from django.utils import translation

from accounts.scopes import scope_for
from places.models import Village
from rosters.importing import import_file
from teams.models import Member, Team
from tests.factories_rosters import commune_officer, roster_map

pytestmark = pytest.mark.django_db

NO_VILLAGE_COLUMN = (
    "Họ và tên,Số điện thoại,Vai trò trong tổ\nNguyễn Văn An,0912 345 678,Tổ trưởng\n".encode()
)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("vi", "Tệp không có cột Thôn/Tổ dân phố"),
        ("en", "The file has no Thôn/Tổ dân phố column"),
    ],
)
def test_a_csv_without_a_village_column_is_refused_and_invents_no_village(language, message):
    places = roster_map()
    officer = commune_officer(places[1])
    villages, teams = Village.objects.count(), Team.objects.count()
    with translation.override(language):
        plan = import_file(NO_VILLAGE_COLUMN, "minimal.csv", scope_for(officer), user=officer)
    assert not plan.ok
    assert message in plan.file_error
    assert not Village.objects.filter(name__iexact="minimal").exists()
    assert (Village.objects.count(), Team.objects.count(), Member.objects.count()) == (villages, teams, 0)


def test_the_same_csv_with_a_village_column_imports():
    places = roster_map()
    officer = commune_officer(places[1])
    data = "Họ và tên,Số điện thoại,Vai trò trong tổ,Thôn/Tổ dân phố\nNguyễn Văn An,0912 345 678,Tổ trưởng,Thôn Đông\n"
    plan = import_file(data.encode(), "minimal.csv", scope_for(officer), user=officer)
    assert plan.ok, (plan.file_error, plan.errors)
    assert Member.objects.get().team.village.name == "Thôn Đông"
