"""Officers' API tokens: a token reads its user's scope and nothing else, dies when revoked or
expired, and is held to 60 requests a minute."""

import datetime

import pytest
import time_machine

from accounts.models import AccessLogEntry, Role
from api.models import ApiToken
from reporting.monthly import workflow
from tests.world import officer
from tests.world.monthly import ICT, NOVEMBER, build

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=ICT)


@pytest.fixture
def land():
    with time_machine.travel(NOON, tick=False):
        land = build()
        land["token"], land["plaintext"] = ApiToken.issue(user=land["commune_a"], name="Xã Bát Tràng")
        yield land


def get(client, path, plaintext):
    return client.get(f"/api/v1/scoped/{path}", headers={"Authorization": f"Bearer {plaintext}"})


def test_a_commune_token_sees_its_commune_and_gets_404_for_another(land, client):
    mine = land["a"].teams.get()
    theirs = land["c"].teams.get()
    neighbour = land["b"].teams.get()
    teams = get(client, "teams/", land["plaintext"])
    assert teams.status_code == 200
    assert [team["id"] for team in teams.json()] == [mine.pk]
    assert get(client, f"teams/{mine.pk}/", land["plaintext"]).json()["commune_code"] == "91001"
    assert get(client, f"teams/{theirs.pk}/", land["plaintext"]).status_code == 404
    assert get(client, f"teams/{neighbour.pk}/", land["plaintext"]).status_code == 404
    logs = get(client, "logs/", land["plaintext"]).json()
    assert {row["commune_code"] for row in logs["items"]} == {"91001"}
    assert logs["next_cursor"] is None
    assert "count" not in logs
    land["token"].refresh_from_db()
    assert land["token"].last_used_at == NOON


def test_a_province_token_sees_its_province_only(land, client):
    _token, plaintext = ApiToken.issue(user=land["province"], name="Sở KH&CN Hà Nội")
    codes = {team["commune_code"] for team in get(client, "teams/", plaintext).json()}
    assert codes == {"91001", "91002"}


def test_revoked_expired_unknown_and_missing_tokens_answer_401(land, client):
    assert client.get("/api/v1/scoped/teams/").status_code == 401
    assert get(client, "teams/", "tcs_" + "x" * 40).status_code == 401
    assert get(client, "teams/", land["plaintext"][:-1]).status_code == 401
    _short, short = ApiToken.issue(user=land["commune_c"], name="short", lifetime=datetime.timedelta(days=30))
    with time_machine.travel(NOON + datetime.timedelta(days=30, seconds=1), tick=False):
        assert get(client, "teams/", short).status_code == 401
    land["token"].revoke()
    assert get(client, "teams/", land["plaintext"]).status_code == 401


def test_a_token_lives_at_most_a_year_and_only_its_digest_is_stored(land):
    token, plaintext = ApiToken.issue(
        user=officer(Role.COMMUNE_OFFICER, commune=land["c"]),
        name="long",
        lifetime=datetime.timedelta(days=999),
    )
    assert token.expires_at == NOON + datetime.timedelta(days=365)
    assert plaintext.startswith("tcs_")
    assert token.prefix == plaintext[:8]
    assert plaintext not in {token.key_hash, token.prefix}


def test_the_61st_request_in_a_minute_is_refused_and_the_next_minute_is_open(land, client):
    with time_machine.travel(NOON, tick=False):
        for _ in range(60):
            assert get(client, "teams/", land["plaintext"]).status_code == 200
        assert get(client, "teams/", land["plaintext"]).status_code == 429
        _other, other = ApiToken.issue(user=land["commune_c"], name="other")
        assert get(client, "teams/", other).status_code == 200  # each token counts its own
    with time_machine.travel(NOON + datetime.timedelta(seconds=61), tick=False):
        assert get(client, "teams/", land["plaintext"]).status_code == 200


def test_an_officer_makes_a_token_sees_it_once_and_revokes_it(land, client):
    client.force_login(land["commune_a"])
    with time_machine.travel(NOON, tick=False):
        made = client.post("/admin/api-tokens/", {"name": "Hệ thống của xã", "days": "400"})
        assert "365" in made.content.decode()  # refused: at most a year
        made = client.post("/admin/api-tokens/", {"name": "Hệ thống của xã", "days": "30", "user": "999"})
    page = made.content.decode()
    token = ApiToken.objects.get(name="Hệ thống của xã")
    assert token.user == land["commune_a"]  # a "user" in the form is not read
    plaintext = page.split("<code>")[1].split("</code>")[0]
    assert plaintext.startswith(token.prefix)
    assert get(client, "teams/", plaintext).status_code == 200
    assert plaintext not in client.get("/admin/api-tokens/").content.decode()
    client.force_login(land["commune_c"])
    client.post(f"/admin/api-tokens/{token.pk}/revoke/")  # another officer's token: not found
    assert get(client, "teams/", plaintext).status_code == 200
    client.force_login(land["commune_a"])
    client.post(f"/admin/api-tokens/{token.pk}/revoke/")
    assert get(client, "teams/", plaintext).status_code == 401


def test_members_of_the_scope_only_and_each_page_goes_to_the_access_log(land, client):
    response = get(client, "members/", land["plaintext"])
    assert response.status_code == 200
    teams = {member["team_id"] for member in response.json()["items"]}
    assert teams == {land["a"].teams.get().pk}
    assert len(response.json()["items"]) == 2
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.what, entry.rows) == (land["commune_a"], "api members", 2)
    assert entry.scope == "commune:91001"


def test_reports_of_the_scope_and_404_for_another_commune(land, client):
    with time_machine.travel(NOON, tick=False):
        mine = workflow.commune_report(land["a"], NOVEMBER, create=True)
        theirs = workflow.commune_report(land["c"], NOVEMBER, create=True)
    listed = get(client, "reports/?month=2026-11", land["plaintext"]).json()
    assert [row["commune_code"] for row in listed] == ["91001"]
    assert get(client, f"reports/{mine.pk}/", land["plaintext"]).json()["state"] == "draft"
    assert get(client, f"reports/{theirs.pk}/", land["plaintext"]).status_code == 404
    assert get(client, "reports/?month=11-2026", land["plaintext"]).status_code == 422
