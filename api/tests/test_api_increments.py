"""A province pulls by increments: after a first copy, `updated_since` answers only what changed
and `deleted/` what was deleted since, each within the token's scope (a deletion in another
province is never shown). Villages, being public, do the same without a token."""

import datetime
from urllib.parse import quote

import pytest
import time_machine

from api.models import ApiToken
from places.models import Village
from reporting.models import MonthlyReport
from teams.models import AssistanceLog, Member
from tests.factories import VillageFactory
from tests.world.monthly import ICT, NOVEMBER, build

pytestmark = pytest.mark.django_db

FIRST_PULL = datetime.datetime(2026, 12, 2, 8, 0, tzinfo=ICT)
LATER = FIRST_PULL + datetime.timedelta(hours=3)
SINCE = quote(LATER.isoformat())  # "+07:00": a bare "+" in a query string is a space


@pytest.fixture
def land():
    with time_machine.travel(FIRST_PULL, tick=False) as clock:
        land = build()
        _token, land["plaintext"] = ApiToken.issue(user=land["province"], name="Sở KH&CN Hà Nội")
        land["clock"] = clock
        yield land


def get(client, path, plaintext):
    response = client.get(f"/api/v1/scoped/{path}", headers={"Authorization": f"Bearer {plaintext}"})
    assert response.status_code == 200, response.content
    return response.json()


def test_only_rows_changed_since_the_last_pull_come_again(land, client):
    team_a = land["a"].teams.get()
    assert len(get(client, "teams/", land["plaintext"])) == 2
    land["clock"].move_to(LATER)
    team_a.name = "Tổ công nghệ số Thôn Giang Cao"
    team_a.save()
    log = AssistanceLog.objects.get(commune=land["b"])
    log.citizens_helped = 9
    log.save()

    teams = get(client, f"teams/?updated_since={SINCE}", land["plaintext"])
    assert [(t["id"], t["name"]) for t in teams] == [(team_a.pk, "Tổ công nghệ số Thôn Giang Cao")]
    logs = get(client, f"logs/?updated_since={SINCE}", land["plaintext"])["items"]
    assert [(row["id"], row["citizens_helped"]) for row in logs] == [(log.pk, 9)]
    assert get(client, f"reports/?updated_since={SINCE}", land["plaintext"]) == []


def test_a_member_who_left_comes_with_the_day_they_left(land, client):
    member = Member.objects.filter(team__commune=land["a"]).first()
    land["clock"].move_to(LATER)
    member.left_on = datetime.date(2026, 12, 2)
    member.save()
    current = get(client, "members/", land["plaintext"])["items"]
    assert member.pk not in [row["id"] for row in current]
    changed = get(client, f"members/?updated_since={SINCE}", land["plaintext"])["items"]
    assert [(row["id"], row["left_on"]) for row in changed] == [(member.pk, "2026-12-02")]


def test_deletions_in_the_scope_are_shown_and_those_outside_it_are_not(land, client):
    report = MonthlyReport.objects.create(commune=land["a"], province=land["north"], month=NOVEMBER)
    ids = {
        "report": report.pk,
        "log a": AssistanceLog.objects.get(commune=land["a"]).pk,
        "log b": AssistanceLog.objects.get(commune=land["b"]).pk,
        "log elsewhere": AssistanceLog.objects.get(commune=land["c"]).pk,
    }
    land["clock"].move_to(LATER)
    report.delete()
    AssistanceLog.objects.all().delete()  # one delete across both provinces

    deleted = get(client, f"deleted/?since={SINCE}", land["plaintext"])
    shown = sorted((row["kind"], row["id"]) for row in deleted["items"])
    assert shown == sorted([("reports", ids["report"]), ("logs", ids["log a"]), ("logs", ids["log b"])])
    only_logs = get(client, f"deleted/?since={SINCE}&kind=logs", land["plaintext"])["items"]
    assert sorted(row["id"] for row in only_logs) == sorted([ids["log a"], ids["log b"]])
    later = quote((LATER + datetime.timedelta(seconds=1)).isoformat())
    assert get(client, f"deleted/?since={later}", land["plaintext"])["items"] == []


def test_a_commune_token_sees_only_its_own_communes_deletions(land, client):
    _token, plaintext = ApiToken.issue(user=land["commune_a"], name="Xã Bát Tràng")
    log_a = AssistanceLog.objects.get(commune=land["a"]).pk
    land["clock"].move_to(LATER)
    AssistanceLog.objects.all().delete()
    shown = [(row["kind"], row["id"]) for row in get(client, f"deleted/?since={SINCE}", plaintext)["items"]]
    assert shown == [("logs", log_a)]


def test_public_villages_pull_by_increments_too(land, client):
    commune = land["a"]
    old = Village.objects.filter(commune=commune).get()
    gone = VillageFactory(commune=commune, name="Thôn Sắp Sáp Nhập")
    land["clock"].move_to(LATER)
    new = VillageFactory(commune=commune, name="Thôn Mới")
    gone_id = gone.pk
    gone.delete()
    changed = client.get(f"/api/v1/villages/?commune={commune.pk}&updated_since={SINCE}").json()["items"]
    assert [row["id"] for row in changed] == [new.pk]
    assert old.pk not in [row["id"] for row in changed]
    deleted = client.get(f"/api/v1/villages/deleted/?since={SINCE}").json()["items"]
    assert [(row["kind"], row["id"]) for row in deleted] == [("villages", gone_id)]
