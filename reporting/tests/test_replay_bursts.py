"""Phones back in signal replay their queues at the same moment (issue 26): the same session sent
by several phones' retries at once, and different sessions of one province's month, from real
threads on their own connections. Each key is stored once, and the month's kept totals are
those a recount of the logs finds, however the writers interleave."""

import threading
import uuid

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from reporting.models import CommuneMonth, ProvinceMonth
from reporting.summaries import keep_year
from reporting.tests.test_added_logs import kept, recounted
from teams.models import AssistanceLog, Service
from tests.factories import CommuneFactory, ProvinceFactory, VillageFactory
from tests.factories_teams import TeamFactory, leader_of
from tests.test_browser_team_work import seed_services

# Committed by each thread, as on the site: the writers must really wait on each other's locks.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

KEYS_PER_TEAM = 4
SENDS_PER_KEY = 3  # the same queued session posted by three retries at once


def test_a_burst_of_replays_stores_each_session_once_and_the_totals_add_up(postgres, clock):
    seed_services()
    province = ProvinceFactory()
    teams = [TeamFactory(village=VillageFactory(commune=CommuneFactory(province=province))) for _ in range(2)]
    leaders = [leader_of(team) for team in teams]
    keep_year()  # the public pages' twelve months, which every replay adds to as well
    today = timezone.localdate()
    vneid = Service.objects.get(code="vneid").pk
    sends = []  # (team, key, citizens): each key sent SENDS_PER_KEY times
    for team_number in range(len(teams)):
        for n in range(KEYS_PER_TEAM):
            key, citizens = str(uuid.uuid4()), 10 * team_number + n + 1
            sends += [(team_number, key, citizens)] * SENDS_PER_KEY
    start = threading.Barrier(len(sends))
    answers, errors = [], []

    def replay(team_number, key, citizens):
        team, client = teams[team_number], Client()
        try:
            client.force_login(leaders[team_number])
            start.wait()
            answer = client.post(
                f"/vi/team/log/?team={team.pk}",
                {
                    "submission_key": key,
                    "held_on": today.strftime("%d/%m/%Y"),
                    "village": team.village_id,
                    "citizens_helped": str(citizens),
                    "services": [vneid],
                },
                headers={"X-Queue": "1"},
            )
            answers.append((key, answer.status_code))
        except Exception as error:  # noqa: BLE001 (reported by the test, not lost in the thread)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=replay, args=send) for send in sends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    keys = {key for _team, key, _citizens in sends}
    # One "saved" per key, "already" for its other sends; one log per key, none besides.
    assert sorted(status for _key, status in answers) == sorted(
        [201] * len(keys) + [200] * (len(sends) - len(keys))
    )
    assert {key for key, status in answers if status == 201} == keys
    assert sorted(
        str(key) for key in AssistanceLog.objects.values_list("submission_key", flat=True)
    ) == sorted(keys)
    month = today.replace(day=1)
    for team_number, team in enumerate(teams):
        commune_month = CommuneMonth.objects.get(commune=team.commune, month=month)
        citizens = sum(10 * team_number + n + 1 for n in range(KEYS_PER_TEAM))
        assert (commune_month.sessions, commune_month.citizens_helped) == (KEYS_PER_TEAM, citizens)
    assert ProvinceMonth.objects.get(province=province, month=month).sessions == len(keys)
    assert kept() == recounted()
