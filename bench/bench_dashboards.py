"""Dashboards, monthly reports and the leader's log submit on a seeded national-scale dataset.

Seeds with `teams.seed_scale` at BENCH_FRACTION (default 0.02; 1 is the full 5 million logs),
counts the rows PostgreSQL reads for the national and province pages (EXPLAIN ANALYZE over every
SELECT of one request) beside the live count of villages and members they replaced, then seeds
4 times as much and does it again: the pages' ratio should stay near 1 while the live count's
grows. Times each page through the Django test client at the larger scale, as officers of each
level would open it. PostgreSQL only: on SQLite it says so and measures nothing.
"""

import os
import re

from bench import load_average, seeded

REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))


def _officers(province, commune):
    from accounts.models import Role, RoleAssignment, User
    from tests.factories import enrolled_in_two_factor
    from tests.sessions import SignedInClient as Client  # officers' sessions include their TOTP step

    officers = {
        "national": {"role": Role.NATIONAL_ADMIN},
        "province": {"role": Role.PROVINCE_OFFICER, "province": province},
        "commune": {"role": Role.COMMUNE_OFFICER, "commune": commune},
    }
    clients = {}
    for level, assignment in officers.items():
        user, _ = User.objects.get_or_create(email=f"bench-{level}@example.vn", defaults={"full_name": level})
        RoleAssignment.objects.get_or_create(user=user, **assignment)
        enrolled_in_two_factor(user)  # officers reach dashboards only once enrolled (accounts.middleware)
        clients[level] = Client()
        clients[level].force_login(user)
    return clients


def _rows(clients, province):
    """Rows read by one national and one province request, and by the live counts (the baseline)."""
    from tests.rows_read import count_live_by_province, rows_read

    readings = {}
    for level, url in (
        ("national", "/vi/dashboard/country/"),
        ("province", f"/vi/dashboard/province/{province.pk}/"),
    ):
        with rows_read() as reading:
            assert clients[level].get(url).status_code == 200
        readings[level] = reading.rows
    with rows_read() as reading:
        count_live_by_province()
    readings["live"] = reading.rows
    return readings


def run(report):
    from django.db import connection
    from django.db.models import Count
    from django.utils import timezone

    from accounts.models import User
    from bench.__main__ import timed
    from places.models import Commune, Province
    from teams.models import Member, Service, Team
    from tests.rows_read import count_live_by_province
    from tests.sessions import SignedInClient as Client

    if connection.vendor != "postgresql":
        report("skipped: needs PostgreSQL (DATABASE_URL)", "-")
        return
    fraction = float(os.environ.get("BENCH_FRACTION", "0.02"))
    report("load average before seeding", load_average()[0])
    seeded(fraction, report)
    province = Province.objects.annotate(n=Count("communes__villages")).order_by("-n").first()
    commune = (
        Commune.objects.filter(teams__status=Team.Status.ACTIVE, province=province)
        .annotate(n=Count("villages", distinct=True))
        .order_by("-n")
        .first()
    )
    clients = _officers(province, commune)
    small = _rows(clients, province)
    seeded(4 * fraction, report)
    large = _rows(clients, province)
    for level, label in (
        ("national", "national page"),
        ("province", f"province page ({province.name})"),
        ("live", "live counts of villages and members (baseline)"),
    ):
        report(
            f"rows read, {label}: x{4 * fraction:g} vs x{fraction:g}",
            f"{large[level]:,} vs {small[level]:,} = x{large[level] / small[level]:.2f}",
        )
    report("load average before timing", load_average()[0])
    baseline, _ = timed(count_live_by_province, repeat=REPEAT)
    month = timezone.localdate().strftime("%Y-%m")
    team = Team.objects.active().filter(commune=commune).first()
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
        report(
            f"{label} median / p95; vs live counts alone (baseline)",
            f"{median * 1000:.0f} / {p95 * 1000:.0f} vs {baseline * 1000:.0f} = x{median / baseline:.2f}",
            "ms",
        )

    leader = Member.objects.current().get(team=team, role=Member.TeamRole.LEADER)
    leader.user = User.objects.create_user(phone="+84987654321", full_name=leader.full_name)
    leader.save()
    leader_client = Client()
    leader_client.force_login(leader.user)
    service = Service.objects.first()

    def submit():
        page = leader_client.get("/vi/team/log/", follow=True).content.decode()
        key = re.search(r'name="submission_key" value="([^"]+)"', page).group(1)
        response = leader_client.post(
            "/vi/team/log/",
            {
                "submission_key": key,
                "held_on": timezone.localdate().strftime("%d/%m/%Y"),
                "village": team.village_id,
                "citizens_helped": "12",
                "women_helped": "6",
                "services": [service.pk],
            },
        )
        assert response.status_code == 302, response.status_code

    median, p95 = timed(submit, repeat=REPEAT)
    report(
        "leader opens the form and submits a session, median / p95",
        f"{median * 1000:.0f} / {p95 * 1000:.0f}",
        "ms",
    )
