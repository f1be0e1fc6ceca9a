"""Targets: the commune officer aims her teams, the province sets a default for teams without
their own, a leader sees "10 of 50" on the team area and the officer sees each team's bars on the
commune dashboard. A team's month is counted from its own logs of this month only."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teams import targets
from teams.models import LogOutcome, OutcomeType, Service, Target
from tests.factories_teams import LogFactory

pytestmark = pytest.mark.django_db


def vneid(log, count):
    service, _ = Service.objects.get_or_create(
        code="vneid", defaults={"name_vi": "VNeID", "name_en": "VNeID"}
    )
    kind, _ = OutcomeType.objects.get_or_create(
        code=targets.VNEID_LEVEL2,
        defaults={"service": service, "name_vi": "VNeID mức 2", "name_en": "VNeID level 2"},
    )
    LogOutcome.objects.create(log=log, outcome_type=kind, count=count)


def aims(client, team):
    page = client.get(reverse("teams:home")).content.decode()
    return page[page.index('id="targets"') :].split("</div>")[0] if 'id="targets"' in page else ""


def test_the_commune_officer_sets_targets_and_the_leader_sees_how_far_the_team_has_come(clock, world, client):
    team = world["teams"]["a"]
    vneid(team.logs.get(), 3)
    client.force_login(world.person("commune"))
    response = client.post(reverse("teams:targets", args=[team.pk]), {"citizens": "50", "vneid": "20"})
    assert response.status_code == 302

    client.force_login(world.person("leader"))
    shown = aims(client, team)
    assert "10 trên 50" in shown
    assert "3 trên 20" in shown
    assert 'max="50" value="10"' in shown


def test_only_this_months_logs_count(clock, world):
    team = world["teams"]["a"]
    Target.objects.create(team=team, measure="citizens", value=40)
    LogFactory(team=team, held_on=timezone.localdate() - timedelta(days=1), citizens_helped=99)  # last month
    LogFactory(team=team, held_on=timezone.localdate() + timedelta(days=29), citizens_helped=5)  # 30 Dec
    (citizens,) = targets.progress([team], timezone.localdate())[team.pk]
    assert (citizens.done, citizens.target) == (15, 40)


def test_a_province_default_aims_every_team_without_its_own(clock, world, client):
    client.force_login(world.person("province"))
    response = client.post(reverse("teams:province_targets", args=[world["north"].pk]), {"citizens": "30"})
    assert response.status_code == 302
    Target.objects.create(team=world["teams"]["b"], measure="citizens", value=12)
    progress = targets.progress(world["teams"].values(), timezone.localdate())
    shown = {key: [(p.done, p.target) for p in progress[team.pk]] for key, team in world["teams"].items()}
    assert shown == {"a": [(10, 30)], "b": [(10, 12)], "c": []}  # Lào Cai keeps no Hà Nội default

    # Cleared, the team's own target gives way to the default again.
    client.force_login(world.person("commune"))
    client.post(reverse("teams:targets", args=[world["teams"]["a"].pk]), {"citizens": ""})
    assert [
        (p.done, p.target)
        for p in targets.progress([world["teams"]["a"]], timezone.localdate())[world["teams"]["a"].pk]
    ] == [(10, 30)]


@pytest.mark.parametrize(
    ("kind", "where", "allowed"),
    [
        ("commune", ("teams:targets", "a"), True),
        ("commune", ("teams:targets", "c"), False),
        ("leader", ("teams:targets", "a"), False),
        ("member", ("teams:targets", "a"), False),
        ("commune", ("teams:province_targets", "north"), False),
        ("province", ("teams:province_targets", "north"), True),
        ("province", ("teams:province_targets", "south"), False),
    ],
)
def test_who_may_set_targets(clock, world, client, kind, where, allowed):
    name, key = where
    arg = world["teams"][key].pk if name == "teams:targets" else world[key].pk
    client.force_login(world.person(kind))
    response = client.post(reverse(name, args=[arg]), {"citizens": "77"})
    assert response.status_code == (302 if allowed else 403)
    assert Target.objects.filter(value=77).exists() == allowed


def test_the_commune_dashboard_shows_each_teams_bars(clock, world, client):
    Target.objects.create(team=world["teams"]["a"], measure="citizens", value=20)
    client.force_login(world.person("commune"))
    page = client.get(reverse("reporting:dashboard_commune", args=[world["a"].pk])).content.decode()
    assert "10 trên 20" in page
    assert 'max="20" value="10"' in page


def test_the_leader_sees_no_link_to_set_targets(clock, world, client):
    client.force_login(world.person("leader"))
    page = client.get(reverse("teams:home")).content.decode()
    assert reverse("teams:targets", args=[world["teams"]["a"].pk]) not in page
