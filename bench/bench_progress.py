"""The public progress page and the national API aggregate, uncached, on a seeded national-scale dataset.

Seeds with `teams.seed_scale` at BENCH_FRACTION (default 0.02; 1 is the full 5 million logs), and
its villages' households with `households.seed_scale`, and times, through the Django test client,
the page a citizen opens (/vi/progress/) and what a machine reads (/api/v1/progress/), with the
cache emptied before every request so nothing is served from it (issue 24: under 100 ms median).
PostgreSQL only: on SQLite it says so.
"""

import os

from bench import load_average, seeded, seeded_households

REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
TARGET_MS = 100
PAGES = {
    "public progress page /vi/progress/": "/vi/progress/",
    "national API aggregate /api/v1/progress/": "/api/v1/progress/",
    "a province's API aggregate /api/v1/progress/01/": "/api/v1/progress/01/",
}


def run(report):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from bench.__main__ import timed
    from reporting.summaries import keep_year

    if connection.vendor != "postgresql":
        report("skipped: needs PostgreSQL (DATABASE_URL)", "-")
        return
    fraction = float(os.environ.get("BENCH_FRACTION", "0.02"))
    report("load average before seeding", load_average()[0])
    seeded(fraction, report)
    seeded_households(report)  # the public figures count households too
    keep_year()  # the kept twelve months, as beat makes them in a month's first hour
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics after the bulk seed, as autovacuum would give
    client = Client(HTTP_HOST="localhost")
    report("load average before timing", load_average()[0])
    for label, url in PAGES.items():

        def fetch(url=url):
            cache.clear()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        fetch()
        median, p95 = timed(fetch, repeat=REPEAT)
        report(
            f"{label}, uncached: median / p95 (target median < {TARGET_MS})",
            f"{median * 1000:.0f} / {p95 * 1000:.0f}",
            "ms",
        )
