"""The leader's log: open the form and submit a session, and 50 queued logs replayed from one phone.

Seeds with `teams.seed_scale` at BENCH_FRACTION (default 0.02; 1 is the full 5 million logs),
then, as one leader of the largest province's busiest commune signed in through the Django test
client: opens the form from the team area's button and submits a session (median and p95 of
BENCH_REPEAT), the same from the header's link (/vi/team/log/, redirected to mint the form's
key), then replays 50 sessions queued offline one after another, as the page's queue does
(`X-Queue: 1`, a distinct client key each), and checks that exactly 50 logs arrived and the
month's totals count them.
"""

import os
import re
import uuid

from bench import load_average, seeded

REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
QUEUED = 50


def _leader(team):
    from accounts.models import User
    from teams.models import Member
    from tests.sessions import SignedInClient as Client

    leader = Member.objects.current().filter(team=team, role=Member.TeamRole.LEADER).first()
    phone = "+84987654329"  # a kept database (BENCH_DATABASE) has the account from an earlier run
    leader.user = User.objects.filter(phone=phone).first() or User.objects.create_user(
        phone=phone, full_name=leader.full_name
    )
    leader.save()
    client = Client()
    client.force_login(leader.user)
    return client


def run(report):
    from django.db import connection
    from django.db.models import Count, Sum
    from django.utils import timezone

    from bench.__main__ import timed
    from places.models import Commune
    from reporting.models import CommuneMonth, CommuneYear
    from reporting.summaries import keep_year
    from teams.activity import last_months
    from teams.models import AssistanceLog, Service, Team
    from teams.views.team_area import log_form_address

    if connection.vendor != "postgresql":
        report("skipped: needs PostgreSQL (DATABASE_URL)", "-")
        return
    fraction = float(os.environ.get("BENCH_FRACTION", "0.02"))
    seeded(fraction, report)
    keep_year()  # the kept twelve months, as beat makes them in a month's first hour
    commune = (
        Commune.objects.filter(teams__status=Team.Status.ACTIVE)
        .annotate(n=Count("teams__logs"))
        .order_by("-n")
        .first()
    )
    team = Team.objects.active().filter(commune=commune).first()
    client = _leader(team)
    service = Service.objects.get(code="vneid")
    today = timezone.localdate()
    values = {
        "held_on": today.strftime("%d/%m/%Y"),
        "village": team.village_id,
        "citizens_helped": "12",
        "women_helped": "6",
        "services": [service.pk],
    }

    def submit(address):
        page = client.get(address, follow=True).content.decode()
        key = re.search(r'name="submission_key" value="([^"]+)"', page).group(1)
        response = client.post("/vi/team/log/", {"submission_key": key, **values})
        assert response.status_code == 302, response.status_code

    def from_team_area():
        submit(log_form_address(team))  # the team area's button: the form's address with its key

    def from_header():
        submit("/vi/team/log/")  # the header's link (or a bookmark): redirected to mint the key

    from_team_area()  # once before timing, as bench_progress does: the first request loads the URLs and templates
    report("load average before timing (1 min)", load_average()[0])
    median, p95 = timed(from_team_area, repeat=REPEAT)
    report(
        "leader opens the form and submits a session, median / p95 (issue 26: < 60 / 100)",
        f"{median * 1000:.0f} / {p95 * 1000:.0f}",
        "ms",
    )
    median, p95 = timed(from_header, repeat=REPEAT)
    report(
        "the same, the form opened from the header's link, median / p95",
        f"{median * 1000:.0f} / {p95 * 1000:.0f}",
        "ms",
    )
    before = AssistanceLog.objects.filter(team=team).count()

    def replay():
        response = client.post(
            f"/vi/team/log/?team={team.pk}",
            {"submission_key": str(uuid.uuid4()), **values},
            headers={"X-Queue": "1"},
        )
        assert response.status_code == 201, response.status_code

    median, p95 = timed(replay, repeat=QUEUED)
    report(
        f"{QUEUED} queued logs replayed from one phone, each: median / p95",
        f"{median * 1000:.0f} / {p95 * 1000:.0f}",
        "ms",
    )
    assert AssistanceLog.objects.filter(team=team).count() == before + QUEUED
    month = CommuneMonth.objects.get(commune=commune, month=today.replace(day=1))
    live = AssistanceLog.objects.filter(commune=commune, held_on__gte=today.replace(day=1)).count()
    report("this month's sessions: kept total / counted from the logs", f"{month.sessions} / {live}")
    assert month.sessions == live
    year = CommuneYear.objects.get(commune=commune, last_month=today.replace(day=1))
    summed = CommuneMonth.objects.filter(commune=commune, month__gte=last_months()[0]).aggregate(
        n=Sum("sessions")
    )
    report("its twelve months' sessions: kept / summed from the months", f"{year.sessions} / {summed['n']}")
    assert year.sessions == summed["n"]
    report("load average after timing (1 min)", load_average()[0])
