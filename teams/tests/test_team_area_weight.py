"""The team area stays light on a phone with weak signal: under 30 KB on first load (issue 26).

What counts is what the phone downloads to show /vi/team/ to a leader: the HTML with its inline
CSS and scripts, and any stylesheet or script it links (none today), uncompressed (the server
does not gzip HTML, so this is what crosses the network). The service worker's background
fetches are not counted, nor images (the icons the manifest names are fetched when installed).
"""

import datetime
import re

import pytest

from tests.factories_teams import LogFactory, MemberFactory, TeamFactory, leader_of

pytestmark = pytest.mark.django_db

LIMIT = 30 * 1024


def test_a_leaders_team_area_weighs_under_30_kb(client, clock):
    team = TeamFactory()
    MemberFactory.create_batch(9, team=team)  # a big team: ten members listed
    for day in range(1, 11):  # the ten recent sessions the page lists, each with notes
        LogFactory(team=team, held_on=datetime.date(2026, 11, day), note="Hỗ trợ tại nhà văn hoá thôn")
    client.force_login(leader_of(team))
    response = client.get("/vi/team/")
    assert response.status_code == 200
    page = response.content
    linked = re.findall(rb'<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"]+)"', page)
    weight = len(page) + sum(len(b"".join(client.get(url.decode()).streaming_content)) for url in linked)
    assert weight < LIMIT, f"team area first load: {weight:,} bytes (limit {LIMIT:,})"
