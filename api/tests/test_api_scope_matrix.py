"""Done means: the token scope matrix. Every officer's token, on every list of the token API,
sees the communes of its scope and no other: a commune officer theirs, a province officer the
province's, the national administrator all; the same for what was deleted."""

import datetime
from urllib.parse import quote

import pytest
import time_machine

from api.models import ApiToken
from reporting.models import MonthlyReport
from teams.models import AssistanceLog, Team
from tests.world.monthly import ICT, NOVEMBER, build

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=ICT)
ALL = {"91001", "91002", "92001"}
SEES = {"commune_a": {"91001"}, "province": {"91001", "91002"}, "commune_c": {"92001"}, "national": ALL}


@pytest.fixture
def land():
    with time_machine.travel(NOON, tick=False) as clock:
        land = build()
        for commune in ("a", "b", "c"):
            MonthlyReport.objects.create(
                commune=land[commune], province_id=land[commune].province_id, month=NOVEMBER
            )
        land["clock"] = clock
        yield land


def communes_seen(client, plaintext, path):
    response = client.get(f"/api/v1/scoped/{path}", headers={"Authorization": f"Bearer {plaintext}"})
    assert response.status_code == 200
    body = response.json()
    rows = body["items"] if isinstance(body, dict) else body
    if path.startswith("members"):
        teams = dict(Team.objects.values_list("pk", "commune_id"))
        return {teams[row["team_id"]] for row in rows}
    return {row["commune_code"] for row in rows}


@pytest.mark.parametrize("officer", sorted(SEES))
@pytest.mark.parametrize("path", ["teams/", "logs/", "members/", "reports/"])
def test_each_token_lists_its_scope_and_nothing_else(land, client, officer, path):
    _token, plaintext = ApiToken.issue(user=land[officer], name=officer)
    assert communes_seen(client, plaintext, path) == SEES[officer]


@pytest.mark.parametrize("officer", sorted(SEES))
def test_each_token_sees_the_deletions_of_its_scope_and_nothing_else(land, client, officer):
    _token, plaintext = ApiToken.issue(user=land[officer], name=officer)
    commune_of = dict(AssistanceLog.objects.values_list("pk", "commune_id"))
    since = quote(NOON.isoformat())
    AssistanceLog.objects.all().delete()
    response = client.get(
        f"/api/v1/scoped/deleted/?since={since}&kind=logs", headers={"Authorization": f"Bearer {plaintext}"}
    )
    assert {commune_of[row["id"]] for row in response.json()["items"]} == SEES[officer]
