"""The attack of issue 11, step by step: the Bát Tràng commune officer tries to create a team in
Xã Tả Van (Lào Cai), make herself its leader, cancel its training session and log 2,000 citizens
there. Each step is refused, nothing is written, and the province and national dashboards show
the same figures as before."""

from dataclasses import asdict

import pytest
from django.utils import timezone

from accounts.models import Role, RoleAssignment
from reporting import dashboards
from reporting.summaries import rebuild_all
from teams.activity import last_months
from teams.membership import teams_led_by
from teams.models import AssistanceLog, Member, Team
from tests.pages import posted
from tests.world.scope import officer
from trainings.models import TrainingSession

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


def figures(national_admin, province):
    """What the national and Lào Cai dashboards show: every row and total, every month."""
    months = last_months()
    boards = [
        dashboards.national(national_admin, months),
        dashboards.province(national_admin, province, months),
    ]
    return [
        (
            [asdict(row) for row in board.rows],
            asdict(board.total),
            board.sessions_by_month,
            board.citizens_by_month,
            board.outcomes,
        )
        for board in boards
    ]


def test_the_bat_trang_officer_cannot_act_in_ta_van(client, world, scope_land):
    rebuild_all()  # the dashboards read the commune-month totals of the logs
    bat_trang, ta_van = scope_land["a"], scope_land["c"]
    national = officer("national", world)
    her = officer("commune", world)
    before = figures(national, ta_van["province"])
    assert before[0][1]["citizens"] == 30  # three logs of ten: the figures an attack would move
    rows_before = {model: model.objects.count() for model in (Team, Member, AssistanceLog, RoleAssignment)}
    client.force_login(her)

    # 1. A team in Xã Tả Van: the village and commune are not offered, and posting them is refused.
    team_form = client.get(f"/admin/teams/teams/edit/{bat_trang['team'].pk}/").context["form"]
    assert "Xã Tả Van" not in client.get("/admin/teams/teams/new/").content.decode()
    response = client.post(
        "/admin/teams/teams/new/",
        posted(
            team_form,
            name="Tổ công nghệ số Tả Van 2",
            decision_number="7/QĐ-UBND",
            village=ta_van["spare_village"].pk,
            commune=ta_van["commune"].pk,
        ),
    )
    assert "Lựa chọn này nằm ngoài địa bàn bạn quản lý." in response.content.decode()

    # 2. Herself as leader of Tả Van's team: neither as a member nor as a role.
    member_form = client.get(f"/admin/teams/members/edit/{bat_trang['member'].pk}/").context["form"]
    response = client.post(
        "/admin/teams/members/new/",
        posted(
            member_form,
            team=ta_van["team"].pk,
            full_name=her.full_name,
            phone="0912000222",
            role=Member.TeamRole.LEADER,
            user=her.pk,
        ),
    )
    assert "Lựa chọn này nằm ngoài địa bàn bạn quản lý." in response.content.decode()
    response = client.post(
        "/admin/roles/new/",
        {"user": her.pk, "role": Role.TEAM_LEADER, "commune": ta_van["commune"].pk, "province": ""},
    )
    assert response.status_code == 200
    assert not teams_led_by(her).exists()

    # 3. Cancelling Tả Van's session, from the team area or the admin: no such session for her.
    session = ta_van["session"]
    assert client.post(f"/vi/team/trainings/{session.pk}/cancel/").status_code == 404
    admin_edit = client.post(f"/admin/trainings/sessions/edit/{session.pk}/", {"capacity": 1}, follow=True)
    assert admin_edit.status_code == 404
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.SCHEDULED
    assert session.capacity == 30

    # 4. 2,000 citizens logged for Tả Van: she leads no team, and Tả Van's log is not hers to correct.
    today = timezone.localdate().isoformat()
    log_post = {"held_on": today, "village": ta_van["village"].pk, "citizens_helped": 2000}
    assert client.post("/vi/team/log/", log_post).status_code == 403
    log = ta_van["log"]
    assert client.post(f"/vi/team/log/{log.pk}/", log_post).status_code == 404
    assert client.post(f"/admin/teams/logs/edit/{log.pk}/", log_post, follow=True).status_code == 404
    log.refresh_from_db()
    assert log.citizens_helped == 10

    # Nothing was written anywhere, and the dashboards above her say what they said.
    assert {model: model.objects.count() for model in rows_before} == rows_before
    assert figures(national, ta_van["province"]) == before
