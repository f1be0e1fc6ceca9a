"""The national and province dashboards read kept totals: every way the counted rows change moves
the figures at once and exactly, and they always equal what the live rows say."""

import pytest
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from accounts.models import Role
from accounts.scopes import scope_for
from places.models import Commune, Village
from privacy.erasure import erase_person
from reporting import dashboards
from rosters.importing import import_file
from teams.activity import last_months, month_start
from teams.models import AssistanceLog, Member, Service, Team
from tests.factories import CommuneFactory, RoleAssignmentFactory, VillageFactory
from tests.factories_rosters import province_officer, roster_map, roster_xlsx
from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, leader_of
from tests.pages import posted
from trainings.attendance import mark_trained

pytestmark = pytest.mark.django_db

FIGURES = ("villages", "covered", "members", "trained", "sessions", "citizens")


@pytest.fixture
def land():
    province, tan_lap, _hung_vuong, _elsewhere = roster_map()  # the map the roster files name
    team = TeamFactory(village=VillageFactory(commune=tan_lap, name="Thôn Đông"))
    MemberFactory(team=team, training_status=Member.TrainingStatus.TRAINED)
    MemberFactory(team=team)
    VillageFactory(commune=tan_lap, name="Thôn Tây")
    LogFactory(team=team, held_on=month_start(timezone.localdate()), citizens_helped=12)
    national = RoleAssignmentFactory(role=Role.NATIONAL_ADMIN).user
    national.is_staff = True
    national.save()
    return {"province": province, "commune": tan_lap, "team": team, "national": national}


def shown(land):
    """(national row of the province, province row of Xã Tân Lập), as tuples of FIGURES."""
    months = last_months()
    nation = dashboards.national(land["national"], months)
    province = dashboards.province(land["national"], land["province"], months)
    [nation_row] = [row for row in nation.rows if row.label == land["province"].name]
    [commune_row] = [row for row in province.rows if row.label == land["commune"].name]
    figures = [tuple(getattr(row, name) for name in FIGURES) for row in (nation_row, commune_row)]
    return figures


def live(land):
    """The same figures counted from the live rows, as the dashboards once did."""
    months = last_months()
    results = []
    for where in ({"commune__province": land["province"]}, {"commune": land["commune"]}):
        team_where = {f"team__{key}": value for key, value in where.items()}
        members = Member.objects.current().filter(team__status=Team.Status.ACTIVE, **team_where)
        logs = AssistanceLog.objects.filter(held_on__gte=months[0], **where)
        results.append(
            (
                Village.objects.filter(**where).count(),
                Team.objects.active()
                .filter(village__isnull=False, **where)
                .aggregate(n=Count("village", distinct=True))["n"],
                members.count(),
                members.filter(training_status=Member.TrainingStatus.TRAINED).count(),
                logs.count(),
                logs.aggregate(n=Sum("citizens_helped"))["n"] or 0,
            )
        )
    return results


def change(before, after):
    """{figure: difference} of the commune row, the national row moving by the same."""
    (nation_before, commune_before), (nation_after, commune_after) = before, after
    moved = {name: a - b for name, a, b in zip(FIGURES, commune_after, commune_before, strict=True) if a != b}
    assert moved == {
        name: a - b for name, a, b in zip(FIGURES, nation_after, nation_before, strict=True) if a != b
    }
    return moved


def test_the_kept_totals_start_equal_to_the_live_rows(land):
    assert shown(land) == live(land) == [(2, 1, 2, 1, 1, 12)] * 2


def test_teams_and_members_changed_in_the_admin_move_the_figures(land, client):
    client.force_login(land["national"])
    before = shown(land)
    team_form = client.get(f"/admin/teams/teams/edit/{land['team'].pk}/").context["form"]
    spare = Village.objects.get(name="Thôn Tây")
    response = client.post(
        "/admin/teams/teams/new/",
        posted(team_form, name="Tổ công nghệ số Thôn Tây", village=spare.pk, decision_number="9/QĐ-UBND"),
    )
    assert response.status_code == 302
    assert change(before, shown(land)) == {"covered": 1}

    before = shown(land)
    member = Member.objects.filter(team=land["team"]).first()
    member_form = client.get(f"/admin/teams/members/edit/{member.pk}/").context["form"]
    response = client.post(
        "/admin/teams/members/new/",
        posted(
            member_form, full_name="Lò Thị Mai", phone="0912000333", role=Member.TeamRole.MEMBER, user=None
        ),
    )
    assert response.status_code == 302
    # The new member copies `member`'s form, trained or not as the factory drew it; an unmoved figure is left out.
    assert change(before, shown(land)) == {"members": 1} | ({"trained": 1} if member.is_trained else {})

    before = shown(land)
    trained = sum(member.is_trained for member in Member.objects.filter(team=land["team"], left_on=None))
    team_form = client.get(f"/admin/teams/teams/edit/{land['team'].pk}/").context["form"]
    response = client.post(
        f"/admin/teams/teams/edit/{land['team'].pk}/", posted(team_form, status="suspended")
    )
    assert response.status_code == 302
    assert change(before, shown(land)) == {"covered": -1, "members": -3} | (
        {"trained": -trained} if trained else {}
    )
    assert shown(land) == live(land)


def test_a_session_logged_corrected_in_the_admin_and_deleted_moves_the_activity(land, client):
    team = land["team"]
    leader = leader_of(team)
    client.force_login(leader)
    before = shown(land)
    page = client.get("/vi/team/log/", follow=True)
    assert page.status_code == 200, page
    page = page.content.decode()
    key = page.split('name="submission_key" value="')[1].split('"')[0]
    today = timezone.localdate()
    response = client.post(
        "/vi/team/log/",
        {
            "submission_key": key,
            "held_on": today.strftime("%d/%m/%Y"),
            "village": team.village_id,
            "services": [Service.objects.first().pk],
            "citizens_helped": "7",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert change(before, shown(land)) == {"sessions": 1, "citizens": 7}

    client.force_login(land["national"])
    log = AssistanceLog.objects.get(citizens_helped=7)
    form = client.get(f"/admin/teams/logs/edit/{log.pk}/").context["form"]
    before = shown(land)
    response = client.post(f"/admin/teams/logs/edit/{log.pk}/", posted(form, citizens_helped="9"))
    assert response.status_code == 302
    assert change(before, shown(land)) == {"citizens": 2}

    before = shown(land)
    log.delete()
    assert change(before, shown(land)) == {"sessions": -1, "citizens": -9}
    assert shown(land) == live(land)


def test_attendance_marks_a_member_trained_on_the_dashboards(land):
    before = shown(land)
    member = Member.objects.get(team=land["team"], training_status=Member.TrainingStatus.NOT_TRAINED)
    assert mark_trained(member, timezone.localdate())
    assert change(before, shown(land)) == {"trained": 1}


def test_a_roster_import_counts_its_villages_teams_and_members(land):
    officer = province_officer(land["province"])
    before = shown(land)
    rows = [
        ["Nguyễn Văn An", "0912 345 678", "Tổ trưởng", "Trưởng thôn", "Thôn Nam", "Xã Tân Lập"],
        ["Trần Thị Hoà", "0912 345 679", "Thành viên", "Bí thư Đoàn", "Thôn Nam", "Xã Tân Lập"],
    ]
    plan = import_file(roster_xlsx(rows), "roster.xlsx", scope_for(officer), user=officer)
    assert plan.ok
    assert change(before, shown(land)) == {"villages": 1, "covered": 1, "members": 2}
    assert shown(land) == live(land)


def test_erasing_a_person_keeps_every_figure(land):
    member = Member.objects.filter(team=land["team"]).first()
    before = shown(land)
    erase_person(member.phone)
    assert shown(land) == before == live(land)


def test_saving_and_deleting_rows_in_code_moves_the_figures(land):
    commune = land["commune"]
    before = shown(land)
    village = Village.objects.create(commune=commune, name="Thôn Bắc")
    team = Team.objects.create(village=village, name="Tổ Thôn Bắc")
    member = Member.objects.create(team=team, full_name="Vi Văn Tú")
    assert change(before, shown(land)) == {"villages": 1, "covered": 1, "members": 1}
    member.left_on = timezone.localdate()
    member.save()
    assert change(before, shown(land)) == {"villages": 1, "covered": 1}
    team.events.all().delete()  # history is never deleted by the app; a script may
    member.delete()
    team.delete()
    village.delete()
    assert shown(land) == before == live(land)


def test_a_village_moved_to_another_commune_leaves_one_count_and_joins_the_other(land):
    hung_vuong = Commune.objects.get(code="08002")
    village = Village.objects.get(name="Thôn Tây")
    nation_before = shown(land)[0]
    assert villages_shown(land, land["commune"], hung_vuong) == (2, 0)
    village.commune = hung_vuong
    village.save()
    assert villages_shown(land, land["commune"], hung_vuong) == (1, 1)
    assert shown(land)[0] == nation_before  # still in the province
    assert shown(land) == live(land)


def test_renaming_a_village_writes_one_row_and_reads_none(land, django_assert_num_queries):
    village = Village.objects.get(name="Thôn Tây")
    before = shown(land)
    village.name = "Thôn Tây Sơn"
    with django_assert_num_queries(1):  # the UPDATE: no SELECT of the row before, no totals
        village.save()
    assert shown(land) == before == live(land)


def villages_shown(land, *communes):
    """The villages the province dashboard shows for each of `communes`."""
    rows = dashboards.province(land["national"], land["province"], last_months()).rows
    return tuple(next(row.villages for row in rows if row.label == commune.name) for commune in communes)


def test_a_failed_write_leaves_the_totals_as_they_were(land):
    before = shown(land)
    with pytest.raises(RuntimeError), transaction.atomic():  # noqa: PT012  (the raise rolls the block back)
        MemberFactory(team=land["team"])
        raise RuntimeError
    assert shown(land) == before == live(land)


def test_a_commune_officer_sees_only_their_communes_in_the_province_row(land):
    other = CommuneFactory(code="08003", province=land["province"], name="Xã Khác")
    TeamFactory(village=VillageFactory(commune=other))
    officer = RoleAssignmentFactory(role=Role.COMMUNE_OFFICER, commune=land["commune"]).user
    [row] = [r for r in dashboards.national(officer, last_months()).rows if r.label == land["province"].name]
    assert (row.villages, row.covered) == (2, 1)  # Xã Khác's village and team are not hers
