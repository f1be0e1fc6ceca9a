"""Who sees which teams, members, logs, dashboards and reports: the sign-in matrix, extended."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.models import Role
from accounts.scopes import visible
from teams.membership import may_log_for, team_of, teams_led_by
from teams.models import AssistanceLog, Member, Team
from tests.factories import (
    RoleAssignmentFactory,
    UserFactory,
)
from tests.factories_teams import leader_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("world_made_once")]


def signed_in(role, **unit):
    user = RoleAssignmentFactory(role=role, **unit).user
    group, _ = Group.objects.get_or_create(name="Officers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


# (who, which commune keys they must see)
MATRIX = [
    ("national", {"a", "b", "c"}),
    ("province_north", {"a", "b"}),
    ("commune_a", {"a"}),
    ("nobody", set()),
]


def user_for(kind, world):
    return {
        "national": lambda: signed_in(Role.NATIONAL_ADMIN),
        "province_north": lambda: signed_in(Role.PROVINCE_OFFICER, province=world["north"]),
        "commune_a": lambda: signed_in(Role.COMMUNE_OFFICER, commune=world["a"]),
        "nobody": lambda: UserFactory(),
    }[kind]()


def commune_codes(queryset, path):
    return set(queryset.values_list(path, flat=True))


@pytest.mark.parametrize(("kind", "expected"), MATRIX)
def test_teams_members_and_logs_follow_the_officers_scope(world, kind, expected):
    user = user_for(kind, world)
    codes = {world[key].code for key in expected}
    assert commune_codes(visible(user, Team.objects.all()), "commune_id") == codes
    assert commune_codes(visible(user, Member.objects.all()), "team__commune_id") == codes
    assert commune_codes(visible(user, AssistanceLog.objects.all()), "commune_id") == codes


@pytest.mark.parametrize(("kind", "expected"), MATRIX)
def test_dashboards_open_only_inside_the_scope(world, kind, expected, client):
    user = user_for(kind, world)
    client.force_login(user)
    for key in "abc":
        commune = world[key]
        status = client.get(f"/vi/dashboard/commune/{commune.code}/").status_code
        assert status == (200 if key in expected else 404), (kind, key)
        team_status = client.get(f"/vi/dashboard/team/{world['teams'][key].pk}/").status_code
        assert team_status == (200 if key in expected else 404), (kind, key)
    province_status = client.get("/vi/dashboard/province/91/").status_code
    assert province_status == {"national": 200, "province_north": 200, "commune_a": 403, "nobody": 404}[kind]
    national_status = client.get("/vi/dashboard/country/").status_code
    assert national_status == (200 if kind == "national" else 403)


# Province reports: 91 is the north officer's, 92 nobody's but the nation's. A commune officer is
# told their own province's report is not theirs (403); another province's does not exist for them.
PROVINCE_REPORT = {
    "national": {"91": 200, "92": 200},
    "province_north": {"91": 200, "92": 404},
    "commune_a": {"91": 403, "92": 404},
    "nobody": {"91": 404, "92": 404},
}


@pytest.mark.parametrize(("kind", "expected"), MATRIX)
def test_monthly_reports_download_only_inside_the_scope(world, kind, expected, client):
    client.force_login(user_for(kind, world))
    for key in "abc":
        response = client.get(f"/vi/dashboard/report/commune/{world[key].code}.xlsx?month=2026-10")
        assert response.status_code == (200 if key in expected else 404), (kind, key)
    for code in ("91", "92"):
        status = client.get(f"/vi/dashboard/report/province/{code}.xlsx?month=2026-10").status_code
        assert status == PROVINCE_REPORT[kind][code], (kind, code)


@pytest.mark.parametrize(("kind", "expected"), MATRIX)
def test_admin_listings_show_only_the_scope(world, kind, expected, client):
    client.force_login(user_for(kind, world))
    response = client.get("/admin/teams/members/")
    if not expected:
        assert response.status_code == 403  # no admin access: a page saying the admin is for officers
        return
    page = response.content.decode()
    for key in "abc":
        member = world["teams"][key].members.get()
        assert (member.full_name in page) == (key in expected), (kind, key)
    # Opening another unit's member by id finds nothing.
    for key in [key for key in "abc" if key not in expected]:
        member = world["teams"][key].members.get()
        response = client.get(f"/admin/teams/members/edit/{member.pk}/", follow=True)
        assert response.status_code == 404
        assert member.full_name not in response.content.decode()


def test_a_leader_reaches_their_own_team_only(world):
    user = leader_of(world["teams"]["a"])
    assert list(teams_led_by(user)) == [world["teams"]["a"]]
    assert team_of(user) == world["teams"]["a"]
    assert may_log_for(user, world["teams"]["a"])
    assert not may_log_for(user, world["teams"]["b"])
    # A leader has no officer scope: no dashboards, no other teams' logs.
    assert visible(user, AssistanceLog.objects.all()).count() == 0


def test_a_leader_who_left_the_team_can_no_longer_log(world):
    user = leader_of(world["teams"]["a"])
    member = Member.objects.get(user=user)
    member.left_on = member.joined_on
    member.save()
    assert not may_log_for(user, world["teams"]["a"])
    assert team_of(user) is None


def test_leader_cannot_open_another_teams_log_for_correction(world, client):
    client.force_login(leader_of(world["teams"]["a"]))
    other_log = world["teams"]["b"].logs.get()
    assert client.get(f"/vi/team/log/{other_log.pk}/").status_code == 404


# EXPORTS AND DOWNLOADS: another unit's rows never leave in a file, whatever is asked for.

EXPORT_KINDS = ["members", "teams", "logs", "attendance"]


@pytest.mark.parametrize(("kind", "expected"), [row for row in MATRIX if row[0] != "nobody"])
def test_roster_exports_hold_only_the_scope(world, kind, expected, client):
    from tests.factories_trainings import SessionFactory
    from trainings.models import Registration

    for key in "abc":
        session = SessionFactory(commune=world[key])
        Registration.objects.create(
            session=session,
            full_name=f"Học viên {key}",
            phone=f"+8498100000{'abc'.index(key)}",
            queued_at=session.starts_at,
        )
    client.force_login(user_for(kind, world))
    for what in EXPORT_KINDS:
        for file_format in ("csv", "xlsx"):
            response = client.get(f"/admin/rosters/export/{what}.{file_format}")
            assert response.status_code == 200, (what, file_format)
        # The CSV is text: every name that leaves is readable in it. A `commune` or `province`
        # parameter naming another unit changes nothing.
        body = client.get(f"/admin/rosters/export/{what}.csv", {"commune": world["c"].code, "province": "92"})
        text = body.content.decode("utf-8-sig")
        for key in "abc":
            team = world["teams"][key]
            names = {
                "members": team.members.get().full_name,
                "teams": team.name,
                "logs": team.name,
                "attendance": f"Học viên {key}",
            }[what]
            assert (names in text) == (key in expected), (kind, what, key)


@pytest.mark.parametrize(("kind", "expected"), [row for row in MATRIX if row[0] != "nobody"])
def test_attendance_sheets_download_only_inside_the_scope(world, kind, expected, client):
    from tests.factories_trainings import SessionFactory

    sessions = {key: SessionFactory(commune=world[key]) for key in "abc"}
    user = user_for(kind, world)
    Group.objects.get(name="Officers").permissions.add(
        *Permission.objects.filter(codename="view_trainingsession")
    )
    client.force_login(user)
    for key, session in sessions.items():
        for file_format in ("xlsx", "csv"):
            response = client.get(
                f"/admin/trainings/sessions/{session.pk}/attendance.{file_format}", follow=True
            )
            assert response.status_code == (200 if key in expected else 404), (kind, key, file_format)


def test_people_outside_the_admin_download_nothing(world, client):
    from tests.factories_trainings import SessionFactory

    session_id = SessionFactory(commune=world["a"]).pk
    client.force_login(user_for("nobody", world))
    for url in [
        "/admin/rosters/export/members.csv",
        "/admin/rosters/export/logs.xlsx",
        f"/admin/trainings/sessions/{session_id}/attendance.csv",
        "/admin/rosters/templates/members.xlsx",
    ]:
        response = client.get(url)
        assert response.status_code == 403, url  # the page saying the admin is for officers
        assert not response.get("Content-Disposition"), url
