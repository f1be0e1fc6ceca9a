"""Benchmarks: `make bench` (or `python -m bench [name …]`) runs bench/bench_*.py and prints figures.

Each module has `run(report)`: it does its work against a throwaway database (PostgreSQL when
DATABASE_URL is set, else SQLite) and calls `report(label, value, unit)` for every figure.
BENCH_DATABASE names a database to keep instead (created and migrated if missing, never dropped):
the national-scale seed, which takes a long while at BENCH_FRACTION=1, is then made once and
reused by every later run at the same fraction (`seeded`).
"""

import os
from io import StringIO
from pathlib import Path

KEPT = os.environ.get("BENCH_DATABASE")


def load_average():
    """The machine's load average over 1, 5 and 15 minutes, as /proc/loadavg gives them: every
    figure a bench prints is worth only as much as the load it was taken under."""
    return Path("/proc/loadavg").read_text().split()[:3]


def seeded(fraction, report):
    """The database holds `teams.seed_scale` at `fraction`: seeded now (its time reported), or on a
    kept database (BENCH_DATABASE) already seeded at that fraction, left as it is. Reports the
    teams, members and logs it holds either way."""
    from bench.__main__ import timed
    from places.models import Village
    from reporting.models import CommuneMonth
    from teams.models import AssistanceLog, Member, Team
    from teams.seed_scale import seed, villages_at

    # A finished seed of this fraction: its villages, and the totals it rebuilds at the very end.
    finished = Village.objects.filter(name_key__startswith="seed ").count() == villages_at(fraction)
    if KEPT and finished and CommuneMonth.objects.exists():
        report(f"seed_scale --fraction {fraction}", f"kept in {KEPT}")
    else:
        seconds, _ = timed(lambda: seed(fraction, StringIO()))
        report(f"seed_scale --fraction {fraction}", f"{seconds:.0f}", "s")
    counts = (Team.objects.count(), Member.objects.count(), AssistanceLog.objects.count())
    report("teams / members / logs", " / ".join(f"{n:,}" for n in counts))


def seeded_households(report):
    """The seeded villages hold `households.seed_scale`'s households: seeded now (a separate step,
    so a kept database gains them without seeding its logs again), or kept."""
    from bench.__main__ import timed
    from households.models import Confirmation, Household, HouseholdMember
    from households.seed_scale import seed

    if Household.objects.filter(village__name_key__startswith="seed ").exists():
        report("seed_households", f"kept in {KEPT}")
    else:
        seconds, _ = timed(lambda: seed(StringIO()))
        report("seed_households", f"{seconds:.0f}", "s")
    counts = (Household.objects.count(), HouseholdMember.objects.count(), Confirmation.objects.count())
    report("households / people / confirmations", " / ".join(f"{n:,}" for n in counts))
