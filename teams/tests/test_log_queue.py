"""What a phone's queue of sessions logged without signal gets back when it replays them."""

import uuid

import pytest

from teams.models import AssistanceLog
from teams.tests.test_assistance_log import LOG_URL, form_values
from tests.factories_teams import TeamFactory, leader_of
from tests.test_browser_team_work import seed_services

pytestmark = pytest.mark.django_db

QUEUED = {"HTTP_X_QUEUE": "1"}


@pytest.fixture
def team():
    seed_services()  # present after migrations, absent after a transactional test's flush
    return TeamFactory()


@pytest.fixture
def signed_in(team, client):
    client.force_login(leader_of(team))
    return client


def test_a_replayed_session_is_stored_once_per_key(signed_in, team):
    values = form_values(signed_in, team) | {"submission_key": str(uuid.uuid4())}
    answers = [signed_in.post(f"{LOG_URL}?team={team.pk}", values, **QUEUED) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [201, 200, 200, 200]
    assert [answer.json()["status"] for answer in answers] == ["saved", "already", "already", "already"]
    assert AssistanceLog.objects.filter(team=team).count() == 1


def test_a_session_on_the_same_day_and_village_is_flagged_not_refused(signed_in, team):
    values = form_values(signed_in, team)
    first = signed_in.post(LOG_URL, values | {"submission_key": str(uuid.uuid4())}, **QUEUED).json()
    second = signed_in.post(LOG_URL, values | {"submission_key": str(uuid.uuid4())}, **QUEUED).json()
    assert (first["duplicate"], second["duplicate"]) == (False, True)
    assert AssistanceLog.objects.filter(team=team).count() == 2


def test_a_refused_session_says_why_in_the_leaders_language(signed_in, team):
    values = form_values(signed_in, team) | {"citizens_helped": "-3", "submission_key": str(uuid.uuid4())}
    answer = signed_in.post(LOG_URL, values, **QUEUED)
    assert answer.status_code == 400
    assert answer.json()["message"] == "Người dân được hỗ trợ: Số lượng không thể âm."
    assert not AssistanceLog.objects.exists()


def test_an_expired_sign_in_redirects_so_the_phone_keeps_the_session(client, team):
    assert client.get("/vi/team/log/token/").status_code == 302
    answer = client.post(LOG_URL, {"submission_key": str(uuid.uuid4())}, **QUEUED)
    assert answer.status_code == 302
    assert "/accounts/login/" in answer["Location"]


def test_a_fresh_token_is_handed_to_a_signed_in_leader(signed_in):
    answer = signed_in.get("/vi/team/log/token/")
    assert len(answer.json()["token"]) >= 32
    assert "no-cache" in answer["Cache-Control"]


def test_the_log_form_is_marked_for_the_phone_to_keep_and_the_service_worker_keeps_it(signed_in, client):
    form = signed_in.get(LOG_URL, follow=True)
    assert form["X-Offline-Copy"] == "1"
    assert "data-queue=" in form.content.decode()
    assert "X-Offline-Copy" in client.get("/sw.js").content.decode()
