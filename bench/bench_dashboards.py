"""Dashboards, monthly reports and the leader's log submit on a seeded national-scale dataset.

Seeds with `teams.seed_scale` at BENCH_FRACTION (default 0.02; 1 is the full 5 million logs)
and times each page through the Django test client, as officers of each level would open it.
PostgreSQL only: on SQLite it says so and measures nothing.
"""

import os
import re
from io import StringIO

REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))


def run(report):
    from django.db import connection
    from django.db.models import Count
    from django.utils import timezone

    from accounts.models import Role, RoleAssignment, User
    from bench.__main__ import timed
    from places.models import Commune, Province
    from teams.models import AssistanceLog, Member, Team
    from teams.seed_scale import seed
    from tests.factories import enrolled_in_two_factor
    from tests.sessions import SignedInClient as Client  # officers' sessions include their TOTP step

    if connection.vendor != "postgresql":
        report("skipped: needs PostgreSQL (DATABASE_URL)", "-")
        return
    fraction = float(os.environ.get("BENCH_FRACTION", "0.02"))
    (seed_seconds, _) = timed(lambda: seed(fraction, StringIO()))
    report(f"seed_scale --fraction {fraction}", f"{seed_seconds:.0f}", "s")
    report("villages / teams", f"{Team.objects.count()}", "teams")
    report("members", f"{Member.objects.count()}", "rows")
    report("assistance logs", f"{AssistanceLog.objects.count()}", "rows")

    province = Province.objects.annotate(n=Count("communes__villages")).order_by("-n").first()
    commune = (
        Commune.objects.filter(teams__status=Team.Status.ACTIVE, province=province)
        .annotate(n=Count("villages", distinct=True))
        .order_by("-n")
        .first()
    )
    team = Team.objects.active().filter(commune=commune).first()
    officers = {
        "national": ({"role": Role.NATIONAL_ADMIN}),
        "province": ({"role": Role.PROVINCE_OFFICER, "province": province}),
        "commune": ({"role": Role.COMMUNE_OFFICER, "commune": commune}),
    }
    clients = {}
    for level, assignment in officers.items():
        user = User.objects.create_user(email=f"bench-{level}@example.vn", full_name=level)
        RoleAssignment.objects.create(user=user, **assignment)
        enrolled_in_two_factor(user)  # officers reach dashboards only once enrolled (accounts.middleware)
        clients[level] = Client()
        clients[level].force_login(user)
    month = timezone.localdate().strftime("%Y-%m")
    pages = [
        ("national dashboard", "national", "/vi/dashboard/country/"),
        (f"province dashboard ({province.name})", "province", f"/vi/dashboard/province/{province.pk}/"),
        (f"commune dashboard ({commune.name})", "commune", f"/vi/dashboard/commune/{commune.pk}/"),
        ("team dashboard", "commune", f"/vi/dashboard/team/{team.pk}/"),
        (
            "commune monthly report (XLSX)",
            "commune",
            f"/vi/dashboard/report/commune/{commune.pk}.xlsx?month={month}",
        ),
        (
            "province monthly report (XLSX)",
            "province",
            f"/vi/dashboard/report/province/{province.pk}.xlsx?month={month}",
        ),
    ]
    for label, level, url in pages:

        def fetch(client=clients[level], url=url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        median, p95 = timed(fetch, repeat=REPEAT)
        report(f"{label} median / p95", f"{median * 1000:.0f} / {p95 * 1000:.0f}", "ms")

    leader = Member.objects.current().get(team=team, role=Member.TeamRole.LEADER)
    leader.user = User.objects.create_user(phone="+84987654321", full_name=leader.full_name)
    leader.save()
    leader_client = Client()
    leader_client.force_login(leader.user)

    def submit():
        page = leader_client.get("/vi/team/log/").content.decode()
        key = re.search(r'name="submission_key" value="([^"]+)"', page).group(1)
        response = leader_client.post(
            "/vi/team/log/",
            {
                "submission_key": key,
                "held_on": timezone.localdate().strftime("%d/%m/%Y"),
                "village": team.village_id,
                "citizens_helped": "12",
                "women_helped": "6",
            },
        )
        assert response.status_code == 302, response.status_code

    median, p95 = timed(submit, repeat=REPEAT)
    report(
        "leader opens the form and submits a session, median / p95",
        f"{median * 1000:.0f} / {p95 * 1000:.0f}",
        "ms",
    )
