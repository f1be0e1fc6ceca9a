"""The public "find your community tech team" page, and members' personal data on it."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from teams.models import Member
from tests.factories import CommuneFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_teams import MemberFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    team = TeamFactory(
        village=VillageFactory(commune=CommuneFactory(name="Xã Bát Tràng"), name="Thôn Giang Cao")
    )
    MemberFactory(team=team, full_name="Nguyễn Văn Hùng", role=Member.TeamRole.LEADER, phone="0912 345 678")
    return team


def test_a_citizen_finds_the_team_typing_without_diacritics_in_both_languages(team, client):
    for language in ("vi", "en"):
        page = client.get(f"/{language}/find-your-team/", {"q": "thon giang cao"}).content.decode()
        assert team.name in page
        assert "Nguyễn Văn Hùng" in page


def test_the_leaders_phone_shows_only_with_consent(team, client):
    page = client.get("/vi/find-your-team/", {"q": "giang cao"}).content.decode()
    assert "0912 345 678" not in page
    leader = team.members.get()
    leader.publish_phone = True
    leader.full_clean()
    leader.save()
    assert leader.publish_phone_consent_at is not None  # when consent was recorded
    page = client.get("/vi/find-your-team/", {"q": "giang cao"}).content.decode()
    assert "0912 345 678" in page


def test_choosing_province_commune_and_village_narrows_to_the_team(team, client):
    commune = team.commune
    page = client.get(
        "/vi/find-your-team/",
        {"province": commune.province_id, "commune": commune.pk, "village": team.village_id},
    ).content.decode()
    assert team.name in page
    assert "Thôn Giang Cao" in page


def test_a_dissolved_team_is_not_listed(team, client):
    team.status = team.Status.DISSOLVED
    team.save()
    page = client.get("/vi/find-your-team/", {"q": "giang cao"}).content.decode()
    assert "Không tìm thấy tổ" in page


def test_a_phone_is_unique_among_current_members_but_free_again_after_leaving(team):
    taken = MemberFactory.build(team=TeamFactory(), full_name="Người Khác", phone="0912.345.678")
    with pytest.raises(ValidationError, match="thành viên khác"):
        taken.full_clean()
    leader = team.members.get()
    leader.left_on = leader.joined_on
    leader.save()
    taken.full_clean()
    assert taken.phone == "+84912345678"


def test_admin_search_finds_members_typed_without_diacritics(team, client):
    from django.contrib.auth.models import Group, Permission

    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=team.commune).user
    group = Group.objects.create(name="Cán bộ")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    officer.groups.add(group)
    client.force_login(officer)
    page = client.get("/admin/teams/members/", {"q": "nguyen van hung"}).content.decode()
    assert "Nguyễn Văn Hùng" in page
    page = client.get("/admin/teams/teams/", {"q": "GIANG CAO"}).content.decode()
    assert team.name in page
