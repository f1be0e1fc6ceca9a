"""An officer invites someone to a team and a role in it in one step: on accepting, the person is
on the team, and /vi/team/ shows it. Only teams in the officer's own units can be named."""

import pytest
from django.urls import reverse

from accounts.models import Invitation, Role
from teams.models import Member
from tests.factories_teams import MemberFactory, TeamFactory
from tests.sign_in_steps import deliver_scheduled_texts, invitation_link_path, last_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process", "clock")]


@pytest.fixture
def team(world):
    return TeamFactory(commune=world["a"], name="Tổ công nghệ số thôn Giang Cao")


def invite(client, on_commit, **fields):
    data = {"full_name": "Lê Thị Mai", "phone": "0912 345 678", "role": Role.TEAM_MEMBER, "language": "vi"}
    with on_commit(execute=True):
        return client.post(reverse("invite_by_sms"), {**data, **fields})


def accept_and_sign_in(client, capsys, on_commit):
    client.logout()
    link = invitation_link_path(deliver_scheduled_texts(capsys, on_commit))
    assert "Tổ công nghệ số thôn Giang Cao" in client.get(link).content.decode()
    with on_commit(execute=True):
        client.post(link, {"consent": ["reminder"]})
    return client.post(reverse("account_confirm_login_code"), {"code": last_code(capsys)})


def test_an_invited_member_lands_in_her_team(
    client, commune_officer_signed_in, team, capsys, django_capture_on_commit_callbacks
):
    form = client.get(reverse("invite_by_sms")).content.decode()
    assert "Tổ công nghệ số thôn Giang Cao" in form
    assert "Vai trò trong tổ" in form
    response = invite(client, django_capture_on_commit_callbacks, team=team.pk, team_role="deputy")
    assert response.status_code == 302
    accept_and_sign_in(client, capsys, django_capture_on_commit_callbacks)
    member = Member.objects.get(team=team, phone="+84912345678")
    assert member.role == Member.TeamRole.DEPUTY
    assert member.user.role_assignments.get().commune == team.commune
    page = client.get("/vi/team/").content.decode()
    assert "Tổ công nghệ số thôn Giang Cao" in page
    assert "Bạn chưa thuộc tổ nào" not in page


def test_a_person_already_on_the_roster_keeps_their_row_and_gets_the_account(
    client, commune_officer_signed_in, team, capsys, django_capture_on_commit_callbacks
):
    listed = MemberFactory(team=team, full_name="Lê Thị Mai", phone="+84912345678", user=None)
    invite(client, django_capture_on_commit_callbacks, team=team.pk, role=Role.TEAM_LEADER)
    accept_and_sign_in(client, capsys, django_capture_on_commit_callbacks)
    listed.refresh_from_db()
    assert listed.user.phone == "+84912345678"
    assert listed.role == Member.TeamRole.LEADER
    assert Member.objects.filter(phone="+84912345678").count() == 1


def test_a_team_outside_the_officers_units_cannot_be_named(
    client, commune_officer_signed_in, world, django_capture_on_commit_callbacks
):
    elsewhere = TeamFactory(commune=world["c"], name="Tổ Tả Van")
    assert "Tổ Tả Van" not in client.get(reverse("invite_by_sms")).content.decode()
    response = invite(client, django_capture_on_commit_callbacks, team=elsewhere.pk)
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_team_decides_the_commune_and_a_team_has_one_leader(
    client, commune_officer_signed_in, team, world, django_capture_on_commit_callbacks
):
    MemberFactory(team=team, role=Member.TeamRole.LEADER, phone="+84987000111")
    response = invite(client, django_capture_on_commit_callbacks, team=team.pk, role=Role.TEAM_LEADER)
    assert "Tổ này đã có tổ trưởng." in response.content.decode()
    response = invite(client, django_capture_on_commit_callbacks, team=team.pk, role=Role.COMMUNE_OFFICER)
    assert "chỉ được mời làm tổ trưởng hoặc thành viên tổ" in response.content.decode()
    assert not Invitation.objects.exists()
    invite(client, django_capture_on_commit_callbacks, team=team.pk)
    invitation = Invitation.objects.get()
    assert (invitation.commune, invitation.team_id, invitation.team_role) == (team.commune, team.pk, "member")
